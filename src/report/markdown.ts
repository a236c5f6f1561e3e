import type { Report, ReportModule } from './schema'

const OUTCOME_WORD: Record<ReportModule['status'], string> = {
  failed: 'failed',
  excluded: 'left out',
  standalone: 'beside the binary',
  builtin: 'built in'
}
/** A standalone module loaded from memory is not beside the binary: the output is one file. */
function outcomeWord(m: ReportModule): string {
  return m.location === 'in-memory' ? 'loaded from memory' : OUTCOME_WORD[m.status]
}
const PROBLEM_ORDER: Record<ReportModule['status'], number> = { failed: 0, excluded: 1, standalone: 2, builtin: 3 }

const VERDICT_WORDS: Record<Report['verdict'], string> = {
  'all-builtin': 'every extension module built in',
  fallback: 'some extension modules are not built in',
  failed: 'no binary'
}

/** Problems first (failed, left out, beside the binary, built in), then by name. */
function byProblem(a: ReportModule, b: ReportModule): number {
  return PROBLEM_ORDER[a.status] - PROBLEM_ORDER[b.status] || (a.module < b.module ? -1 : a.module > b.module ? 1 : 0)
}

/** Markdown text is user data: keep it from opening tables or code spans. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim()
}

function why(module: ReportModule): string {
  const shown =
    module.status === 'builtin' ? module.reasons.filter(r => r.code !== 'SYMBOLS_LOCALIZED') : module.reasons
  return cell(shown.map(r => `${r.code}: ${r.message}${r.hint ? ` (${r.hint})` : ''}`).join('; '))
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`
}

/** What the binary needs of the system it runs on (`executable.requires`): `; glibc 2.34 or newer`, or nothing. */
function requirement(requires: NonNullable<Report['executable']>['requires']): string {
  if (!requires || requires === 'static') return ''
  const parts = [
    requires.glibc && `glibc ${requires.glibc}`,
    requires.glibcxx && `GLIBCXX_${requires.glibcxx}`,
    requires.cxxabi && `CXXABI_${requires.cxxabi}`
  ].filter(Boolean)
  return parts.length > 0 ? `; ${parts.join(', ')} or newer` : ''
}

/** One target's report as Markdown: a verdict line, one line per third-party module (problems first), the stdlib folded. */
export function renderReport(report: Report): string {
  const lines = [`### ${report.name} for ${report.target}: ${VERDICT_WORDS[report.verdict]}`, '']
  if (report.error) lines.push(`**Build failed:** ${cell(report.error)}`, '')
  const facts: string[] = []
  if (report.executable) {
    const linkage =
      report.executable.linkage.kind === 'static'
        ? 'fully static'
        : `needs ${report.executable.linkage.needed.join(', ') || 'no shared libraries'}`
    const requires = requirement(report.executable.requires)
    facts.push(`binary \`${report.executable.path}\` (${megabytes(report.executable.bytes)}, ${linkage}${requires})`)
    const side = report.executable.sideFiles
    if (side.length > 0) {
      const shown = side.length > 8 ? [...side.slice(0, 8), `… ${side.length - 8} more`] : side
      facts.push(`ships with ${shown.map(f => (f.startsWith('…') ? f : `\`${f}\``)).join(', ')} beside it`)
    }
  }
  if (report.python) {
    const { version, abi, freeThreaded, source } = report.python
    const build = abi ? ` (${abi}${freeThreaded ? ', free-threaded' : ''})` : ''
    facts.push(`CPython ${version}${build} from ${source}`)
  }
  if (report.stdlib?.choice === 'imported') {
    const count = plural(report.stdlib.leftOut.length, 'top-level module')
    facts.push(`stdlib: what the app imports (${count} left out; \`--stdlib-include NAME\` keeps one)`)
  }
  const s = report.summary
  const inMemory = report.modules.filter(m => m.location === 'in-memory').length
  const loaded = inMemory > 0 ? `, ${inMemory} loaded from memory` : ''
  facts.push(
    `${s.builtin} built in, ${s.standalone - inMemory} beside the binary${loaded}, ${s.excluded} left out, ${s.failed} failed`
  )
  lines.push(facts.join(' · '), '')

  const packages = report.modules.filter(m => m.origin === 'package').sort(byProblem)
  if (packages.length > 0) {
    lines.push('| module | package | outcome | why |', '| --- | --- | --- | --- |')
    for (const m of packages) {
      const pkg = [m.package, m.version].filter(Boolean).join(' ')
      lines.push(`| \`${m.module}\` | ${cell(pkg)} | ${outcomeWord(m)} | ${why(m)} |`)
    }
  } else {
    lines.push('No third-party extension modules.')
  }

  for (const entry of report.packageData ?? []) {
    lines.push('', `Package \`${entry.package}\` (${entry.location}): ${cell(entry.message)}`)
  }

  const stdlib = report.modules.filter(m => m.origin === 'stdlib').sort(byProblem)
  const notBuiltIn = stdlib.filter(m => m.status !== 'builtin')
  if (stdlib.length > 0) {
    lines.push(
      '',
      '<details>',
      `<summary>stdlib: ${plural(stdlib.length - notBuiltIn.length, 'extension module')} built in, ${notBuiltIn.length} not</summary>`,
      ''
    )
    for (const m of notBuiltIn) lines.push(`- \`${m.module}\`: ${outcomeWord(m)} (${why(m)})`)
    lines.push(
      `- built in: ${stdlib
        .filter(m => m.status === 'builtin')
        .map(m => m.module)
        .join(', ')}`,
      ...(report.stdlib?.leftOut.length ? [`- not imported, left out: ${report.stdlib.leftOut.join(', ')}`] : []),
      '',
      '</details>'
    )
  }
  return lines.join('\n') + '\n'
}

/** Several targets' reports as one table: a verdict row, then one row per third-party module, problems first. */
export function renderMatrix(reports: Report[]): string {
  const targets = reports.map(r => r.target)
  const lines = [
    `### Extension modules across ${plural(reports.length, 'target')}`,
    '',
    `| module | ${targets.join(' | ')} |`,
    `| --- | ${targets.map(() => '---').join(' | ')} |`,
    `| **verdict** | ${reports.map(r => VERDICT_WORDS[r.verdict]).join(' | ')} |`
  ]
  const names = new Map<string, number>()
  for (const report of reports) {
    for (const m of report.modules.filter(x => x.origin === 'package')) {
      names.set(m.module, Math.min(names.get(m.module) ?? 9, PROBLEM_ORDER[m.status]))
    }
  }
  const rows = [...names.entries()].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : 1))
  for (const [name] of rows) {
    const cells = reports.map(r => {
      const m = r.modules.find(x => x.module === name)
      return m ? outcomeWord(m) : r.status === 'ok' ? 'not built' : '—'
    })
    lines.push(`| \`${name}\` | ${cells.join(' | ')} |`)
  }
  return lines.join('\n') + '\n'
}
