import type { BuildInputs } from '../inputs/schema'
import { compareVersions } from '../toolchain/glibc-floor'
import { releaseOf } from './requires'
import type { Report } from './schema'

/**
 * Why a finished build counts as failed, or null when it does not; src/commands/build.ts
 * and src/main.ts call it once the report is written. Under `fail-on` `error` and
 * `fallback`: a binary or shipped library that needs a newer glibc than the `glibc`
 * floor, naming each with the version and a symbol behind it; under `fallback`
 * also any third-party extension module not built in. `never` fails on nothing.
 * (A build with no binary fails under `error` and `fallback` before it gets here.)
 */
export function failureOf(report: Report, inputs: Pick<BuildInputs, 'failOn' | 'glibc'>): string | null {
  if (inputs.failOn === 'never') return null
  return floorFailure(report, inputs.glibc) ?? fallbackFailure(report, inputs.failOn)
}

function fallbackFailure(report: Report, failOn: BuildInputs['failOn']): string | null {
  if (failOn !== 'fallback' || report.verdict !== 'fallback') return null
  const modules = report.modules.filter(m => m.origin === 'package' && m.status !== 'builtin')
  return (
    `--fail-on fallback: ${modules.length} third-party extension module${modules.length === 1 ? ' is' : 's are'} not built in: ` +
    modules
      .map(m => `${m.module} (${m.package ?? 'unknown package'}, ${m.reasons.at(-1)?.code ?? m.status})`)
      .join(', ') +
    `. ${written(report)}`
  )
}

/** The files whose newest glibc version is above the floor (a version floor only; `host` checks nothing). */
function floorFailure(report: Report, floor: BuildInputs['glibc']): string | null {
  const requires = report.executable?.requires
  if (floor === null || floor === 'host' || !requires || requires === 'static') return null
  const above = requires.files.flatMap(({ file, needs }) =>
    needs
      .map(need => ({ file, need, release: releaseOf('glibc', need.version) }))
      .filter(n => n.release !== null && compareVersions(n.release, floor) > 0)
  )
  if (above.length === 0) return null
  return (
    `--glibc ${floor}: ` +
    above
      .map(({ file, need }) => `${file} needs ${need.version}${need.symbol ? ` for ${need.symbol}` : ''}`)
      .join(', ') +
    `, newer than the floor. Raise --glibc to ${requires.glibc}, or give --glibc host to build without a floor. ` +
    written(report)
  )
}

function written(report: Report): string {
  return `The binary and report were written; see ${report.name}.report.json.`
}
