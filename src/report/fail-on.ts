import type { BuildInputs } from '../inputs/schema'
import { compareVersions } from '../toolchain/glibc-floor'
import { releaseOf } from './requires'
import type { Report } from './schema'

/**
 * Why a finished build counts as failed, or null when it does not; src/commands/build.ts
 * and src/main.ts call it once the report is written. Under `fail-on` `error` and
 * `fallback`: a binary or shipped library that needs a newer glibc than the `glibc`
 * floor, naming each with the version and a symbol behind it, and a third-party
 * extension module left out of the binary (neither built in nor shipped beside it)
 * that no one asked to leave out; under `fallback` also any third-party extension
 * module not built in. `never` fails on nothing. (A build with no binary fails under
 * `error` and `fallback` before it gets here.)
 */
export function failureOf(report: Report, inputs: Pick<BuildInputs, 'failOn' | 'glibc'>): string | null {
  if (inputs.failOn === 'never') return null
  return floorFailure(report, inputs.glibc) ?? fallbackFailure(report, inputs.failOn) ?? leftOutFailure(report)
}

/**
 * Left out on purpose: its package is in exclude-packages, or the package's own build
 * chose to go on without it (an optional accelerator, whose pure-Python fallback runs).
 */
const LEFT_OUT_ON_PURPOSE = ['EXCLUDED_BY_POLICY', 'INTENDED_NOT_BUILT']

/** Third-party modules left out that nobody asked to leave out: the binary lacks code its packages expect. */
function leftOutFailure(report: Report): string | null {
  const modules = report.modules.filter(
    m => m.origin === 'package' && m.status === 'excluded' && !m.reasons.some(r => LEFT_OUT_ON_PURPOSE.includes(r.code))
  )
  if (modules.length === 0) return null
  return (
    `${modules.length} third-party extension module${modules.length === 1 ? ' was' : 's were'} left out of the binary: ` +
    modules
      .map(m => `${m.module} (${m.package ?? 'unknown package'}: ${m.reasons.map(r => r.code).join(', ')})`)
      .join(', ') +
    '; importing one raises ImportError. Build it in (the report says how), ship it beside the binary (--flavor dynamic, ' +
    'where the target loads shared libraries), leave it out on purpose (--exclude-packages), or accept this with ' +
    `--fail-on never. ${written(report)}`
  )
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
