import { parseArgs } from 'node:util'
import { resolveBuildInputs } from '../inputs/resolve-inputs'
import type { RawInputs } from '../inputs/schema'
import { BuildFailedError, runBuild } from '../pipeline'
import { failureOf } from '../report/fail-on'
import { renderCliError } from '../errors/user-error'
import { argumentError } from './argument-error'

const BUILD_OPTIONS = {
  target: { type: 'string' },
  project: { type: 'string' },
  requirements: { type: 'string', multiple: true },
  'entry-point': { type: 'string' },
  name: { type: 'string' },
  'python-distribution': { type: 'string' },
  'python-optimization': { type: 'string' },
  'stdlib-exclude': { type: 'string' },
  stdlib: { type: 'string' },
  'stdlib-include': { type: 'string' },
  'out-dir': { type: 'string' },
  'cache-dir': { type: 'string' },
  'fail-on': { type: 'string' },
  flavor: { type: 'string' },
  'extension-location': { type: 'string' },
  'allow-in-memory-shared-library-loading': { type: 'boolean' },
  'exclude-packages': { type: 'string' },
  'standalone-packages': { type: 'string' },
  'link-extra': { type: 'string', multiple: true }
} as const

/** `pyseal build [options]`: one binary and its report; the exit code follows --fail-on. */
export async function buildCommand(args: string[], usage: string): Promise<number> {
  let flags: RawInputs
  try {
    const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: BUILD_OPTIONS })
    flags = values as RawInputs
  } catch (error) {
    process.stderr.write(
      `${renderCliError(argumentError(error, Object.keys(BUILD_OPTIONS), 'pyseal build'))}\n${usage}`
    )
    return 2
  }

  const started = Date.now()
  let failOn = flags['fail-on'] ?? 'error'
  try {
    const inputs = await resolveBuildInputs(flags)
    failOn = inputs.failOn
    const outcome = await runBuild(inputs, {
      stageStarted: name => process.stdout.write(`▸ ${name}\n`),
      stageFinished: (name, seconds, detail) => process.stdout.write(`✓ ${name} ${seconds.toFixed(1)}s: ${detail}\n`),
      log: line => process.stdout.write(`${line}\n`)
    })
    const { summary } = outcome.report
    process.stdout.write(
      `report: ${outcome.reportFile} (${summary.builtin} built-in, ${summary.standalone ? `${summary.standalone} beside the binary, ` : ''}${summary.excluded} left out, ${summary.failed} failed)\n` +
        `done in ${((Date.now() - started) / 1000).toFixed(1)}s\n${outcome.executable}\n`
    )
    const failure = failureOf(outcome.report, inputs.failOn)
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
