#!/usr/bin/env node
import { buildCommand } from './commands/build'
import { BUILD_FLAGS_USAGE } from './commands/build-flags'
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

${BUILD_FLAGS_USAGE}`

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
