import { parseArgs } from 'node:util'
import { resolveBuildInputs } from '../inputs/resolve-inputs'
import type { RawInputs } from '../inputs/schema'
import { BuildFailedError, runBuild } from '../pipeline'
import { didYouMean } from '../inputs/suggest'
import { failureOf } from '../report/fail-on'

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

/** A command-line mistake in one line: which argument, what is wrong, what to write instead. */
export function describeArgumentError(error: unknown): string {
  const message = (error as Error).message
  const flagNames = Object.keys(BUILD_OPTIONS).map(name => `--${name}`)
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const option = /'(-[^']*)'/.exec(message)?.[1] ?? message
      const flag = option.split('=')[0]
      return `unknown option ${flag}.${didYouMean(flag, flagNames)} The options are listed below.`
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']*)'/.exec(message)?.[1] ?? ''
      return `unexpected argument "${argument}": pyseal build takes only options (--project DIR for the project)`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(--[\w-]+)/.exec(message)?.[1] ?? 'an option'
      return /does not take an argument/.test(message)
        ? `${option} is a switch and takes no value: give ${option} alone to turn it on`
        : `${option} needs a value: write ${option} VALUE`
    }
    default:
      return message
  }
}

/** `pyseal build [options]`: one binary and its report; the exit code follows --fail-on. */
export async function buildCommand(args: string[], usage: string): Promise<number> {
  let flags: RawInputs
  try {
    const { values } = parseArgs({ args, strict: true, allowPositionals: false, options: BUILD_OPTIONS })
    flags = values as RawInputs
  } catch (error) {
    process.stderr.write(`pyseal: ${describeArgumentError(error)}\n\n${usage}`)
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
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`pyseal: error: ${message}\n`)
    if (error instanceof BuildFailedError) process.stderr.write(`report: ${error.reportFile}\n`)
    return failOn === 'never' && error instanceof BuildFailedError ? 0 : 1
  }
}
