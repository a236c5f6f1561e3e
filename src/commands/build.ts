import { parseArgs } from 'node:util'
import { BUILD_OPTIONS } from '../inputs/options/build'
import { resolveBuildInputs } from '../inputs/resolve-inputs'
import type { RawInputs } from '../inputs/schema'
import { BuildFailedError, runBuild } from '../pipeline'
import { failureOf } from '../report/fail-on'
import { renderCliError } from '../errors/user-error'
import { argumentError } from './argument-error'
import { BUILD_FLAGS } from './build-flags'

/** `pyseal build [options]`: one binary and its report; the exit code follows --fail-on. */
export async function buildCommand(args: string[], usage: string): Promise<number> {
  let flags: RawInputs
  try {
    const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: BUILD_FLAGS })
    flags = values as RawInputs
  } catch (error) {
    process.stderr.write(`${renderCliError(argumentError(error, Object.keys(BUILD_FLAGS), 'pyseal build'))}\n${usage}`)
    return 2
  }

  const started = Date.now()
  let failOn = flags['fail-on'] ?? BUILD_OPTIONS.failOn.default.value
  try {
    const inputs = await resolveBuildInputs(flags)
    failOn = inputs.failOn
    const outcome = await runBuild(inputs, {
      stageStarted: name => process.stdout.write(`▸ ${name}\n`),
      stageFinished: (name, seconds, detail) => process.stdout.write(`✓ ${name} ${seconds.toFixed(1)}s: ${detail}\n`),
      log: line => process.stdout.write(`${line}\n`)
    })
    const { summary, modules } = outcome.report
    const inMemory = modules.filter(m => m.location === 'in-memory').length
    const beside = summary.standalone - inMemory
    process.stdout.write(
      `report: ${outcome.reportFile} (${summary.builtin} built-in, ${beside ? `${beside} beside the binary, ` : ''}${inMemory ? `${inMemory} loaded from memory, ` : ''}${summary.excluded} left out, ${summary.failed} failed)\n` +
        `done in ${((Date.now() - started) / 1000).toFixed(1)}s\n${outcome.executable}\n`
    )
    const failure = failureOf(outcome.report, inputs)
    if (failure) {
      process.stderr.write(`pyseal: error: ${failure}\n`)
      return 1
    }
    return 0
  } catch (error) {
    process.stderr.write(renderCliError(error))
    if (error instanceof BuildFailedError) process.stderr.write(`report: ${error.reportFile}\n`)
    return failOn === 'never' && error instanceof BuildFailedError ? 0 : 1
  }
}
