#!/usr/bin/env node
import { buildCommand } from './commands/build'
import { planCommand } from './commands/plan'
import { reportCommand } from './commands/report'
import { renderCliError, UserError } from './errors/user-error'
import { didYouMean } from './inputs/suggest'

const USAGE = `Usage: pyseal build [options]
       pyseal plan --targets LIST [--name NAME]
       pyseal report render REPORT.json... [--out FILE]
       pyseal report diff BASE.json HEAD.json [--out FILE]

pyseal build turns a Python project, extension modules included, into one executable.
pyseal plan prints the GitHub Actions build matrix (JSON) for a comma-separated list
of targets ("all" for every one): one leg per target, with its runner and packages.
pyseal report render writes Markdown for one report, or a targets x modules matrix
for several; report diff compares two reports of one target and exits 1 when the
second is worse (a new failure, a module no longer built in, a worse verdict).

Build options (the same names work in [tool.pyseal] of pyproject.toml; flags win):
  --target TRIPLE               target triple or alias (default: this machine's)
  --project DIR                 the project (pyproject.toml or setup.py; default .)
  --requirements FILE           a requirements file (repeatable)
  --entry-point MOD[:FUNC]      what the binary runs (default: the only [project.scripts]
                                entry; "none", or no entry at all: the binary
                                behaves like the python command)
  --name NAME                   executable name (default: the project's name)
  --python-distribution SRC     CPython source tarball (path or URL), debian:python3.N,
                                a python-build-standalone full archive (pbs:3.11, or
                                its path or URL#sha256=HEX), or a directory with PYTHON.json
  --python-optimization MODE    for a CPython built from source: none (default, quickest
                                to build), lto, or pgo+lto (fastest start-up, ~4x the build)
  --stdlib-exclude LIST         comma-separated stdlib parts to leave out; "none" keeps all
  --stdlib all|imported         imported: only the stdlib modules and extension modules the
                                app and its packages import (found statically; smaller)
  --stdlib-include LIST         modules --stdlib imported keeps though no import names them
  --out-dir DIR                 where the executable and report go (default pyseal-out)
  --cache-dir DIR               build cache (default ~/.cache/pyseal)
  --fail-on WHEN                error (default: only when no binary), fallback (also when
                                a third-party extension is not built in), or never
  --flavor static|dynamic       static: built-ins only; dynamic: extension modules that
                                cannot be built in ship as files beside the binary
                                (default: static on musl, dynamic elsewhere)
  --extension-location LIST     where such files go, first that works wins:
                                in-memory, filesystem-relative:DIR (default
                                filesystem-relative:lib)
  --allow-in-memory-shared-library-loading
                                let in-memory loading be used where the target can
  --exclude-packages LIST       distributions whose extension modules are left out
  --standalone-packages LIST    distributions whose extension modules stay files
  --link-extra ITEM             extra objects or static libraries to link (a.o,libx.a),
                                or a built-in module compiled outside pip
                                (pkg.mod=a.o,b.a); repeatable
`

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE)
    return command === undefined ? 2 : 0
  }
  if (command === 'build') return buildCommand(rest, USAGE)
  if (command === 'plan') return planCommand(rest)
  if (command === 'report') return reportCommand(rest)
  const fix = `${didYouMean(command, ['build', 'plan', 'report'])} The commands are build, plan and report.`
  const error = new UserError(
    { input: `"${command}"`, cause: 'is not a pyseal command', fix: fix.trimStart() },
    `unknown command "${command}".${fix}`
  )
  process.stderr.write(`${renderCliError(error)}\n${USAGE}`)
  return 2
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
