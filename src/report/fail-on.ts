import type { BuildInputs } from '../inputs/schema'
import type { Report } from './schema'

/**
 * Why a finished build counts as failed under `fail-on`, or null when it does not:
 * `fallback` fails when any third-party extension module is not built in, naming them.
 * (A build with no binary fails under `error` and `fallback` before it gets here.)
 */
export function failureOf(report: Report, failOn: BuildInputs['failOn']): string | null {
  if (failOn !== 'fallback' || report.verdict !== 'fallback') return null
  const modules = report.modules.filter(m => m.origin === 'package' && m.status !== 'builtin')
  return (
    `--fail-on fallback: ${modules.length} third-party extension module${modules.length === 1 ? ' is' : 's are'} not built in: ` +
    modules
      .map(m => `${m.module} (${m.package ?? 'unknown package'}, ${m.reasons.at(-1)?.code ?? m.status})`)
      .join(', ') +
    `. The binary and report were written; see ${report.name}.report.json.`
  )
}
