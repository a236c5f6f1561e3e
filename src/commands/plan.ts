import { parseArgs } from 'node:util'
import { renderCliError } from '../errors/user-error'
import { planMatrix } from '../targets/plan'
import { argumentError } from './argument-error'

const PLAN_OPTIONS = { targets: { type: 'string' }, name: { type: 'string' } } as const

/** `pyseal plan --targets LIST [--name NAME]`: the build matrix as JSON on stdout. */
export function planCommand(args: string[]): number {
  let values: { targets?: string; name?: string }
  try {
    values = parseArgs({ args, strict: true, allowPositionals: false, options: PLAN_OPTIONS }).values
  } catch (error) {
    process.stderr.write(renderCliError(argumentError(error, Object.keys(PLAN_OPTIONS), 'pyseal plan')))
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
    process.stderr.write(renderCliError(error))
    return 2
  }
}
