import * as core from '@actions/core'
import { existsSync, readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { actionWorkingDirectory, readActionInputs, readActionOptions, type ActionOptions } from './inputs/action-inputs'
import { InputError, type BuildInputs, type RawInputs } from './inputs/schema'
import { resolveBuildInputs } from './inputs/resolve-inputs'
import path from 'node:path'
import { hashTree } from './packages/project-tree'
import { runCommand } from './exec/run'
import { packageRoot } from './utils/package-root'
import { selectToolchain } from './toolchain/select-toolchain'
import { findTarget, hostTriple } from './targets/table'
import { artifactFiles, defaultArtifactName, uploadArtifact } from './publish/artifact'
import { BuildFailedError, runBuild } from './pipeline'
import { toolVersion } from './utils/package-root'
import {
  cacheKeys,
  restoreObjectCache,
  restoreOnlyReason,
  saveWanted,
  type CacheKeys,
  type RestoreOutcome
} from './cache/github-cache'
import { saveCacheState } from './cache/post-state'
import { renderError } from './errors/user-error'
import { failureOf } from './report/fail-on'
import { renderReport } from './report/markdown'
import { ReportSchema } from './report/schema'

/**
 * The GitHub Action: the same pipeline as `pyseal build`, with inputs from the
 * runner's INPUT_* variables, outputs written to $GITHUB_OUTPUT, the report's
 * Markdown in the job summary, and a failure reported as an error annotation.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const raw = readActionInputs(env)
  let failOn = raw['fail-on'] ?? 'error'
  // Compiler errors in the log become annotations on the source lines they name.
  core.info(`::add-matcher::${path.join(packageRoot(), 'problem-matchers', 'compilers.json')}`)
  try {
    const { options, inputs } = await readAllInputs(env, raw)
    failOn = inputs.failOn
    core.setOutput('pyseal-version', toolVersion())
    const cacheLog = { info: (line: string) => core.info(line), warning: (line: string) => core.warning(line) }
    const keys = options.cache === 'false' ? null : await buildCacheKeys(inputs, options, env)
    const restored: RestoreOutcome = keys ? await restoreObjectCache(inputs.cacheDir, keys, cacheLog) : 'miss'
    setCacheOutputs(keys, restored)
    if (keys) handCacheToPostStep(inputs.cacheDir, keys, restored, options, env)
    const outcome = await runBuild(inputs, {
      stageStarted: name => core.startGroup(name),
      stageFinished: (name, seconds, detail) => {
        core.info(`${name} finished in ${seconds.toFixed(1)}s: ${detail}`)
        core.endGroup()
      },
      log: line => core.info(line)
    })
    core.setOutput('binary', outcome.executable)
    core.setOutput('report', outcome.reportFile)
    core.setOutput('status', outcome.report.verdict)
    core.setOutput('python-version', outcome.report.python?.version ?? '')
    await writeSummary(env, renderReport(outcome.report))
    if (options.upload) {
      const name = options.artifactName ?? defaultArtifactName(outcome.report.name, outcome.report.target)
      const files = await artifactFiles(outcome.executable, outcome.report.executable?.sideFiles ?? [])
      const id = await uploadArtifact(name, files, path.dirname(outcome.executable))
      core.info(`artifact ${name} (${id}): ${files.map(f => path.relative(inputs.outDir, f)).join(', ')}`)
      core.setOutput('artifact-id', String(id))
    }
    const failure = failureOf(outcome.report, inputs)
    if (failure) {
      core.error(failure)
      return 1
    }
    return 0
  } catch (error) {
    const message = renderError(error)
    // The lines on their own first, where the problem matcher finds compiler errors.
    for (const line of message.split('\n')) core.info(line)
    core.error(message)
    if (error instanceof BuildFailedError) {
      core.setOutput('report', error.reportFile)
      core.setOutput('status', 'failed')
      if (existsSync(error.reportFile)) {
        const report = ReportSchema.safeParse(JSON.parse(readFileSync(error.reportFile, 'utf8')))
        if (report.success) await writeSummary(env, renderReport(report.data))
        if (report.success) core.setOutput('python-version', report.data.python?.version ?? '')
      }
      if (failOn === 'never') return 0
    }
    return 1
  }
}

/** `cache-hit` (exact), `cache-partial` (an older entry of the target) and `cache-key` (the key saved under). */
function setCacheOutputs(keys: CacheKeys | null, restored: RestoreOutcome): void {
  core.setOutput('cache-hit', String(restored === 'hit'))
  core.setOutput('cache-partial', String(restored === 'partial'))
  core.setOutput('cache-key', keys?.primary ?? '')
}

/** The post step (src/post.ts) saves the cache, even after a failed build, when this run may save. */
function handCacheToPostStep(
  root: string,
  keys: CacheKeys,
  restored: RestoreOutcome,
  options: ActionOptions,
  env: NodeJS.ProcessEnv
): void {
  const restoreOnly = restoreOnlyReason(env)
  if (restoreOnly) core.info(`cache: restore only on ${restoreOnly}; nothing is saved`)
  else if (saveWanted(options.cache, env)) saveCacheState({ root, keys, restored })
}

/** Cache keys from what the build reads: a change to any of it is a new entry. */
async function buildCacheKeys(inputs: BuildInputs, options: ActionOptions, env: NodeJS.ProcessEnv): Promise<CacheKeys> {
  const requirements = await Promise.all(inputs.requirements.map(file => readFile(file, 'utf8')))
  return cacheKeys({
    triple: inputs.target,
    image: env.ImageOS ?? `${process.platform}-${process.arch}`,
    inputs: {
      toolchain: await compilerFingerprint(inputs.target),
      project: await hashTree(inputs.project),
      requirements,
      distribution: inputs.pythonDistribution,
      optimization: inputs.pythonOptimization,
      // Absent for `host` and targets without glibc, so their keys stay what they were.
      glibc: inputs.glibc === 'host' ? undefined : (inputs.glibc ?? undefined),
      stdlibExclude: inputs.stdlibExclude,
      stdlib: inputs.stdlib,
      stdlibInclude: inputs.stdlibInclude,
      pyseal: toolVersion()
    },
    suffix: options.cacheSuffix
  })
}

/** The target's C compiler as it names itself: a new compiler on the runner image is a new cache entry. */
async function compilerFingerprint(triple: string): Promise<string> {
  const target = selectToolchain(findTarget(triple), hostTriple())
  const result = await runCommand({ command: target.toolchain.cc, args: ['--version'] }).catch(() => null)
  return result?.stdout.split('\n')[0].trim() ?? target.toolchain.cc
}

/** The action's own inputs and the build's, checked together: one message names every bad one. */
async function readAllInputs(
  env: NodeJS.ProcessEnv,
  raw: RawInputs
): Promise<{ options: ActionOptions; inputs: BuildInputs }> {
  const problems: string[] = []
  let options: ActionOptions | null = null
  try {
    options = readActionOptions(env)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems.push(...error.problems)
  }
  let inputs: BuildInputs | null = null
  try {
    inputs = await resolveBuildInputs(raw, options?.workingDirectory ?? actionWorkingDirectory(env))
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems.push(...error.problems)
  }
  if (problems.length > 0 || !options || !inputs) throw new InputError(problems)
  return { options, inputs }
}

/** Appends Markdown to the job summary, when the runner provides one. */
async function writeSummary(env: NodeJS.ProcessEnv, markdown: string): Promise<void> {
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown, true).write()
}
