import { readFileSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { buildPackages, type BuiltPackages } from './packages/build-packages'
import { checkEntryPoint } from './packages/entry-point'
import { obtainDistribution, type ObtainedDistribution } from './distribution/obtain'
import { prepareBuildToolchain } from './toolchain/toolchain-env'
import type { BuildInputs } from './inputs/schema'
import { embedResources } from './link/embed'
import { shipStandaloneModules } from './link/ship-standalone'
import { linkExecutable } from './link/link-executable'
import { assertLinkable } from './link/object-format'
import { sha256File } from './cache/hash'
import { packageRoot } from './utils/package-root'
import { readLinkage } from './report/linkage'
import { digestInputs } from './report/input-digest'
import { renderReport } from './report/markdown'
import { explainDiskFailure, moveIntoPlace, outputFiles, prepareOutputDir, writeFileAtomic } from './publish/output-dir'
import { portableStrings } from './report/portable'
import { reportModules, summarize, verdictOf, writeReport, REPORT_SCHEMA, type Report } from './report/report'
import { linkerSearchDirs } from './resolve/libraries'
import { findStdlibImports } from './resolve/stdlib-imports'
import { planModules, type ModulePlan } from './resolve/modules'
import { extensionPolicy } from './resolve/policy'
import { ensureToolchain, selectToolchain } from './toolchain/select-toolchain'
import { findTarget, hostTriple } from './targets/table'

/** How the fronts (CLI, action) watch the pipeline. */
export interface PipelineObserver {
  stageStarted(name: string): void
  stageFinished(name: string, seconds: number, detail: string): void
  log(line: string): void
}

export interface BuildOutcome {
  executable: string
  reportFile: string
  report: Report
}

/** A failure of the build that still left a report behind. */
export class BuildFailedError extends Error {
  constructor(
    readonly failure: Error,
    readonly reportFile: string
  ) {
    super(failure.message)
    this.name = 'BuildFailedError'
  }
}

/** Runs every stage in order for one target and writes the executable and its report. */
export async function runBuild(inputs: BuildInputs, observer: PipelineObserver): Promise<BuildOutcome> {
  const target = selectToolchain(findTarget(inputs.target), hostTriple())
  const policy = extensionPolicy(inputs, target)
  const executable = path.join(inputs.outDir, inputs.name)
  const reportFile = `${executable}.report.json`
  const report: Report = {
    schema: REPORT_SCHEMA,
    tool: { name: 'pyseal', version: toolVersion() },
    name: inputs.name,
    target: target.triple,
    status: 'failed',
    verdict: 'failed',
    flavor: policy.flavor,
    error: null,
    entryPoint: inputs.entryPoint,
    inputs: await digestInputs(inputs),
    python: null,
    packages: null,
    executable: null,
    summary: { builtin: 0, standalone: 0, excluded: 0, failed: 0 },
    modules: []
  }
  const stage = async <T>(name: string, work: () => Promise<T>, describe: (value: T) => string): Promise<T> => {
    observer.stageStarted(name)
    const started = Date.now()
    const value = await work()
    observer.stageFinished(name, (Date.now() - started) / 1000, describe(value))
    return value
  }

  await prepareOutputDir(inputs.outDir, executable)
  const workDir = path.join(inputs.outDir, `.${inputs.name}.work`)
  let plans: ModulePlan[] = []
  let written: Report = report
  try {
    await ensureToolchain(target, { install: process.env.GITHUB_ACTIONS === 'true', log: observer.log })
    const obtained: ObtainedDistribution = await stage(
      'distribution',
      () =>
        obtainDistribution(
          { value: inputs.pythonDistribution, optimization: inputs.pythonOptimization },
          target,
          inputs.cacheDir,
          observer.log
        ),
      d => `${d.reused ? 'reused cached' : 'built'} CPython ${d.distribution.json.python_version} (${d.source})`
    )
    const distribution = obtained.distribution
    report.python = {
      version: distribution.json.python_version,
      source: obtained.source,
      sha256: obtained.sha256,
      root: distribution.root
    }
    assertLinkable(distribution, target, obtained.source)

    const toolchain = await prepareBuildToolchain(target, inputs.cacheDir, observer.log)
    const packages: BuiltPackages = await stage(
      'build',
      () =>
        buildPackages({
          distribution,
          buildDistribution: obtained.buildDistribution,
          crossSysconfigName: obtained.crossSysconfigName,
          project: inputs.project,
          requirements: inputs.requirements,
          cacheRoot: inputs.cacheDir,
          env: { CC: target.toolchain.cc, ...toolchain.env },
          cxx: toolchain.cxx,
          platformTag: `${target.arch}-${target.os}-${target.libc}`,
          log: observer.log
        }),
      p =>
        `${p.reused ? 'reused cached packages' : 'built packages'} ${p.key} (${p.capture.records.length} extension modules captured, ${p.compiled} compiled now)`
    )
    report.packages = { key: packages.key }
    checkEntryPoint(inputs.entryPoint, packages.siteDir, packages.installed)

    const searchDirs = await linkerSearchDirs(target.toolchain, toolchain.libraryDirs)
    const stdlibImports =
      inputs.stdlib === 'imported'
        ? await findStdlibImports({
            buildDistribution: obtained.buildDistribution,
            siteDir: packages.siteDir,
            roots: [...(inputs.entryPoint ? [inputs.entryPoint.split(':')[0]] : []), ...inputs.stdlibInclude]
          })
        : null
    if (stdlibImports) {
      observer.log(`  --stdlib imported: ${stdlibImports.modules.size} stdlib modules found imported`)
    }
    plans = await stage(
      'resolve',
      async () =>
        planModules({
          stdlibImported: stdlibImports?.modules ?? null,
          distribution,
          target,
          policy,
          searchDirs,
          cxx: toolchain.cxx,
          includeStdlibTestModules: !inputs.stdlibExclude.includes('test'),
          records: packages.capture.records,
          intents: packages.capture.intents,
          installed: packages.installed,
          siteDir: packages.siteDir,
          linkExtra: inputs.linkExtra
        }),
      p => `${p.filter(m => m.status === 'builtin').length} built-in extension modules`
    )
    const failed = plans.filter(p => p.status === 'failed')
    if (failed.length > 0) {
      throw new Error(
        `These extension modules cannot be linked for ${target.triple}:\n` +
          failed
            .map(p => `  - ${p.module} (${p.package ?? 'unknown package'}): ${p.reasons.at(-1)?.message}`)
            .join('\n')
      )
    }

    await rm(workDir, { recursive: true, force: true })
    const native = path.join(workDir, `${inputs.name}.native`)
    // The binary is made in the work directory and moved into place last, whole.
    const staged = path.join(workDir, inputs.name)
    await stage(
      'link',
      () =>
        linkExecutable({
          distribution,
          target,
          cxx: toolchain.cxx,
          plans,
          sideDirectory: policy.sideDirectory,
          extraObjects: inputs.linkExtra.flatMap(l => (l.kind === 'objects' ? l.paths : [])),
          entryPoint: inputs.entryPoint,
          workDir,
          output: native
        }),
      () => `${Math.round(statSync(native).size / 1e5) / 10} MB native code`
    )
    await stage(
      'embed',
      () =>
        embedResources({
          distribution,
          buildDistribution: obtained.buildDistribution,
          siteDir: packages.siteDir,
          stdlibExclude: inputs.stdlibExclude,
          stdlibTopLevel: stdlibImports?.topLevel ?? null,
          workDir,
          nativeExecutable: native,
          output: staged
        }),
      e => e.summary
    )
    const sideFiles = await shipStandaloneModules({
      plans,
      outDir: inputs.outDir,
      sideDirectory: policy.sideDirectory,
      target,
      searchDirs,
      log: observer.log
    })
    if (sideFiles.length > 0) {
      observer.log(`the binary needs ${sideFiles.join(', ')} beside it: ship ${inputs.outDir} as a folder`)
    }
    report.executable = {
      path: path.relative(inputs.outDir, executable),
      bytes: statSync(staged).size,
      sha256: await sha256File(staged),
      linkage: await readLinkage(staged),
      sideFiles
    }
    await moveIntoPlace(staged, executable)
    report.status = 'ok'
  } catch (caught) {
    const error = explainDiskFailure(caught as Error, inputs)
    report.error = error.message
    report.executable = null
    throw new BuildFailedError(error, reportFile)
  } finally {
    report.modules = reportModules(plans, policy.sideDirectory)
    report.summary = summarize(report.modules)
    report.verdict = verdictOf(report)
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined)
    written = portableStrings(report, inputs)
    try {
      await writeReport(reportFile, written)
      await writeFileAtomic(`${executable}.report.md`, renderReport(written))
      // The format sha256sum -c reads, naming the binary as it sits beside this file.
      if (report.executable) {
        await writeFileAtomic(`${executable}.sha256`, `${report.executable.sha256}  ${path.basename(executable)}\n`)
      }
    } catch (error) {
      // A build whose report cannot be written leaves nothing that looks finished.
      for (const file of outputFiles(executable)) await rm(file, { force: true }).catch(() => undefined)
      // eslint-disable-next-line no-unsafe-finally -- the write failure is the news now
      throw error
    }
  }
  return { executable, reportFile, report: written }
}

/** pyseal's own version, for the report and the cache keys. */
export function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }
  return manifest.version
}
