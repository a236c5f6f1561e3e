#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { resolveBuildInputs } from './inputs/resolve-inputs'
import type { RawInputs } from './inputs/schema'
import { BuildFailedError, runBuild } from './pipeline'
import { planMatrix } from './targets/plan'

const USAGE = `Usage: pyseal build [options]
       pyseal plan --targets LIST [--name NAME]

pyseal build turns a Python project, extension modules included, into one executable.
pyseal plan prints the GitHub Actions build matrix (JSON) for a comma-separated list
of targets: one leg per target, with its runner and what it installs.

Options (the same names work in [tool.pyseal] of pyproject.toml; flags win):
  --target TRIPLE               target triple or alias (default: this machine's)
  --project DIR                 the project (pyproject.toml or setup.py; default .)
  --requirements FILE           a requirements file (repeatable)
  --entry-point MOD[:FUNC]      what the binary runs (default: the only [project.scripts]
                                entry; "none", or no entry at all: the binary
                                behaves like the python command)
  --name NAME                   executable name (default: the project's name)
  --python-distribution SRC     CPython source tarball (path or URL), a directory with
                                PYTHON.json, or debian:python3.11 / debian:python3.13
  --stdlib-exclude LIST         comma-separated stdlib parts to leave out; "none" keeps all
  --out-dir DIR                 where the executable and report go (default pyseal-out)
  --cache-dir DIR               build cache (default ~/.cache/pyseal)
`

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE)
    return command === undefined ? 2 : 0
  }
  if (command === 'plan') return planCommand(rest)
  if (command !== 'build') {
    process.stderr.write(`pyseal: unknown command "${command}"\n\n${USAGE}`)
    return 2
  }
  return buildCommand(rest)
}

function planCommand(args: string[]): number {
  try {
    const { values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { targets: { type: 'string' }, name: { type: 'string' } }
    })
    const targets = (values.targets ?? '')
      .split(/[\s,]+/)
      .map(t => t.trim())
      .filter(t => t !== '')
    process.stdout.write(`${JSON.stringify(planMatrix(targets, values.name ?? 'app'))}\n`)
    return 0
  } catch (error) {
    process.stderr.write(`pyseal: ${(error as Error).message}\n`)
    return 2
  }
}

async function buildCommand(rest: string[]): Promise<number> {
  let flags: RawInputs
  try {
    const { values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: {
        target: { type: 'string' },
        project: { type: 'string' },
        requirements: { type: 'string', multiple: true },
        'entry-point': { type: 'string' },
        name: { type: 'string' },
        'python-distribution': { type: 'string' },
        'stdlib-exclude': { type: 'string' },
        'out-dir': { type: 'string' },
        'cache-dir': { type: 'string' }
      }
    })
    flags = values as RawInputs
  } catch (error) {
    process.stderr.write(`pyseal: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }

  const started = Date.now()
  try {
    const inputs = await resolveBuildInputs(flags)
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
    return 0
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`pyseal: error: ${message}\n`)
    if (error instanceof BuildFailedError) process.stderr.write(`report: ${error.reportFile}\n`)
    return 1
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => process.exit(code),
    error => {
      process.stderr.write(`pyseal: internal error: ${(error as Error).stack ?? String(error)}\n`)
      process.exit(70)
    }
  )
}
