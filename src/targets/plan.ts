import { UserError } from '../errors/user-error'
import { findTarget, TARGETS, UnknownTargetError, type Target } from './table'

/** One leg of the build matrix: what a GitHub job needs to build one target. */
export interface MatrixLeg {
  target: string
  'runs-on': string
  /** A container image for the job, or empty when it runs on the runner itself. */
  container: string
  os: Target['os']
  arch: Target['arch']
  /** apt packages the leg installs before building (empty off Linux). */
  'apt-packages': string
  /** Name of the artifact the leg uploads. */
  artifact: string
  /** Whether pyseal's own tests run this triple on its machines, or only in its workflow. */
  'tested-on': Target['testedOn']
}

/** The `strategy.matrix` value for building the given targets (triples, aliases, or `all`), one leg each. */
export function planMatrix(targets: string[], name: string): { include: MatrixLeg[] } {
  const unknown: string[] = []
  const rows: Target[] = []
  const wanted = targets.flatMap(value => (value.toLowerCase() === 'all' ? TARGETS.map(t => t.triple) : [value]))
  for (const value of wanted) {
    try {
      const row = findTarget(value)
      if (!rows.includes(row)) rows.push(row)
    } catch (error) {
      if (!(error instanceof UnknownTargetError)) throw error
      unknown.push(value)
    }
  }
  if (unknown.length > 0) throw new UnknownTargetError(unknown)
  if (rows.length === 0) {
    throw new UserError(
      { input: '--targets', cause: 'names no target', fix: 'pass --targets with one or more triples or aliases' },
      'No targets given: pass --targets with one or more triples or aliases'
    )
  }
  return {
    include: rows.map(row => ({
      target: row.triple,
      'runs-on': row.runner.label,
      container: row.runner.container ?? '',
      os: row.os,
      arch: row.arch,
      'apt-packages': row.toolchain.install.kind === 'apt' ? row.toolchain.install.packages.join(' ') : '',
      artifact: `${name}-${row.triple}`,
      'tested-on': row.testedOn
    }))
  }
}
