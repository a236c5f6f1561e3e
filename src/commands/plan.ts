import { parseArgs } from 'node:util'
import { planMatrix } from '../targets/plan'

/** `pyseal plan --targets LIST [--name NAME]`: the build matrix as JSON on stdout. */
export function planCommand(args: string[]): number {
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
