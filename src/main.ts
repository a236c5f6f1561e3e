import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { readActionInputs, readActionOptions, type ActionOptions } from './inputs/action-inputs'
import { InputError, type BuildInputs, type RawInputs } from './inputs/schema'
import { resolveBuildInputs } from './inputs/resolve-inputs'
import { BuildFailedError, runBuild } from './pipeline'
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
  try {
    const { options, inputs } = await readAllInputs(env, raw)
    failOn = inputs.failOn
    const outcome = await runBuild(inputs, {
      stageStarted: name => process.stdout.write(`::group::${name}\n`),
      stageFinished: (name, seconds, detail) =>
        process.stdout.write(`${name} finished in ${seconds.toFixed(1)}s: ${detail}\n::endgroup::\n`),
      log: line => process.stdout.write(`${line}\n`)
    })
    setOutput(env, 'binary', outcome.executable)
    setOutput(env, 'report', outcome.reportFile)
    setOutput(env, 'status', outcome.report.verdict)
    setOutput(env, 'cache-hit', 'false')
    void options
    writeSummary(env, renderReport(outcome.report))
    const failure = failureOf(outcome.report, inputs.failOn)
    if (failure) {
      process.stdout.write(`::error::${escapeCommand(failure)}\n`)
      return 1
    }
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    process.stdout.write(`::error::${escapeCommand(message)}\n`)
    if (error instanceof BuildFailedError) {
      setOutput(env, 'report', error.reportFile)
      setOutput(env, 'status', 'failed')
      if (existsSync(error.reportFile)) {
        const report = ReportSchema.safeParse(JSON.parse(readFileSync(error.reportFile, 'utf8')))
        if (report.success) writeSummary(env, renderReport(report.data))
      }
      if (failOn === 'never') return 0
    }
    return 1
  }
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
    inputs = await resolveBuildInputs(raw, options?.workingDirectory ?? env.GITHUB_WORKSPACE ?? process.cwd())
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    problems.push(...error.problems)
  }
  if (problems.length > 0 || !options || !inputs) throw new InputError(problems)
  return { options, inputs }
}

/** Appends Markdown to the job summary, when the runner provides one. */
function writeSummary(env: NodeJS.ProcessEnv, markdown: string): void {
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown}\n`)
}

function setOutput(env: NodeJS.ProcessEnv, name: string, value: string): void {
  const file = env.GITHUB_OUTPUT
  if (!file) {
    process.stdout.write(`${name}=${value}\n`)
    return
  }
  const delimiter = `pyseal_${randomUUID()}`
  appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
}

/** Workflow commands end at a newline: encode the characters that would cut the message. */
export function escapeCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}
