import { parseArgs } from 'node:util'
import { didYouMean } from '../inputs/suggest'
import { planMatrix } from '../targets/plan'
import { TARGETS } from '../targets/table'
import { describeArgumentError } from './argument-error'

const PLAN_OPTIONS = { targets: { type: 'string' }, name: { type: 'string' } } as const

/** `pyseal plan --targets LIST [--name NAME]`: the build matrix as JSON on stdout. */
export function planCommand(args: string[]): number {
  let values: { targets?: string; name?: string }
  try {
    values = parseArgs({ args, strict: true, allowPositionals: false, options: PLAN_OPTIONS }).values
  } catch (error) {
    process.stderr.write(`pyseal: ${describeArgumentError(error, Object.keys(PLAN_OPTIONS), 'pyseal plan')}\n`)
    return 2
  }
  try {
    const targets = (values.targets ?? '')
      .split(/[\s,]+/)
      .map(t => t.trim())
      .filter(t => t !== '')
    process.stdout.write(`${JSON.stringify(planMatrix(targets, values.name ?? 'app'))}\n`)
    return 0
  } catch (error) {
    const unknown = /^Unknown target "([^"]*)"/.exec((error as Error).message)?.[1]
    const names = TARGETS.flatMap(t => [t.triple, ...t.aliases])
    process.stderr.write(`pyseal: ${(error as Error).message}${unknown ? didYouMean(unknown, names) : ''}\n`)
    return 2
  }
}
