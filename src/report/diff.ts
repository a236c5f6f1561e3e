import type { Report, ReportModule } from './schema'

type Outcome = ReportModule['status']

/** One module whose outcome differs between two reports of the same target. */
export interface ModuleChange {
  module: string
  package: string | null
  base: Outcome | null
  head: Outcome | null
  /** `new-failure`: failed now, not before; `fixed`: built in now, not before; `changed`: any other move. */
  kind: 'new-failure' | 'fixed' | 'changed'
  /** Why the head report has it as it has (empty when the module is gone). */
  reasons: string[]
}

export interface ReportDiff {
  target: string
  baseVerdict: Report['verdict']
  headVerdict: Report['verdict']
  changes: ModuleChange[]
}

/** Compares two reports of one target, module by module (third-party modules and stdlib ones alike). */
export function diffReports(base: Report, head: Report): ReportDiff {
  const before = new Map(base.modules.map(m => [m.module, m]))
  const after = new Map(head.modules.map(m => [m.module, m]))
  const changes: ModuleChange[] = []
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const b = before.get(name) ?? null
    const h = after.get(name) ?? null
    const baseOutcome = b?.status ?? null
    const headOutcome = h?.status ?? null
    if (baseOutcome === headOutcome) continue
    const kind: ModuleChange['kind'] =
      headOutcome === 'failed' ? 'new-failure' : headOutcome === 'builtin' ? 'fixed' : 'changed'
    changes.push({
      module: name,
      package: h?.package ?? b?.package ?? null,
      base: baseOutcome,
      head: headOutcome,
      kind,
      reasons: (h?.reasons ?? []).map(r => `${r.code}: ${r.message}`)
    })
  }
  const order = { 'new-failure': 0, changed: 1, fixed: 2 }
  changes.sort((x, y) => order[x.kind] - order[y.kind] || (x.module < y.module ? -1 : 1))
  return { target: head.target, baseVerdict: base.verdict, headVerdict: head.verdict, changes }
}

/** True when the head is worse: a new failure, a module no longer built in, or a worse verdict. */
export function isRegression(diff: ReportDiff): boolean {
  const rank = { 'all-builtin': 2, fallback: 1, failed: 0 }
  return (
    rank[diff.headVerdict] < rank[diff.baseVerdict] ||
    diff.changes.some(c => c.kind === 'new-failure' || (c.base === 'builtin' && c.head !== null))
  )
}

const WORD: Record<Outcome, string> = {
  builtin: 'built in',
  standalone: 'beside the binary',
  excluded: 'left out',
  failed: 'failed'
}

/** The diff as Markdown for a pull request: new failures first, then other changes, then fixes. */
export function renderDiff(diff: ReportDiff): string {
  const lines = [`### ${diff.target}: ${verdictMove(diff)}`, '']
  if (diff.changes.length === 0) {
    lines.push('No extension module changed outcome.')
    return lines.join('\n') + '\n'
  }
  const title = { 'new-failure': 'new failure', changed: 'changed', fixed: 'fixed' }
  lines.push('| | module | package | before | now | why |', '| --- | --- | --- | --- | --- | --- |')
  for (const c of diff.changes) {
    const before = c.base ? WORD[c.base] : 'absent'
    const now = c.head ? WORD[c.head] : 'absent'
    const why = c.reasons.join('; ').replace(/\|/g, '\\|')
    lines.push(`| ${title[c.kind]} | \`${c.module}\` | ${c.package ?? ''} | ${before} | ${now} | ${why} |`)
  }
  return lines.join('\n') + '\n'
}

function verdictMove(diff: ReportDiff): string {
  return diff.baseVerdict === diff.headVerdict
    ? `verdict unchanged (${diff.baseVerdict})`
    : `verdict ${diff.baseVerdict} → ${diff.headVerdict}`
}
