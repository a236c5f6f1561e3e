import type { ModulePlan } from '../resolve/modules'
import { writeFileAtomic } from '../publish/output-dir'
import { ReportSchema, type Report, type ReportModule, type Verdict } from './schema'

export { REPORT_SCHEMA, type Report, type ReportModule } from './schema'

export function reportModules(plans: ModulePlan[], sideDirectory: string | null): ReportModule[] {
  return [...plans]
    .sort((a, b) => (a.origin === b.origin ? (a.module < b.module ? -1 : 1) : a.origin === 'package' ? -1 : 1))
    .map(p => ({
      module: p.module,
      origin: p.origin,
      package: p.package,
      version: p.version,
      status: p.status,
      reasons: p.reasons,
      file:
        p.standaloneFile && sideDirectory && p.location !== 'in-memory'
          ? `${sideDirectory}/${p.standaloneFile.relative}`
          : null,
      location: p.location,
      capture: p.capture,
      language: p.language,
      initFunction: p.linkedInitFunction,
      libraries: p.libraries
    }))
}

export function summarize(modules: ReportModule[]): Report['summary'] {
  return {
    builtin: modules.filter(m => m.status === 'builtin').length,
    standalone: modules.filter(m => m.status === 'standalone').length,
    excluded: modules.filter(m => m.status === 'excluded').length,
    failed: modules.filter(m => m.status === 'failed').length
  }
}

/**
 * `failed` when there is no binary; `fallback` when a third-party extension module is
 * not built in (a standalone file, left out, or its pure-Python fallback in use);
 * `all-builtin` otherwise. Stdlib modules a target cannot have do not count.
 */
export function verdictOf(report: Pick<Report, 'status' | 'modules'>): Verdict {
  if (report.status !== 'ok') return 'failed'
  const fallback = report.modules.some(m => m.origin === 'package' && m.status !== 'builtin')
  return fallback ? 'fallback' : 'all-builtin'
}

/** Validates the report against its schema and writes it atomically (a temporary name, then a rename). */
export async function writeReport(file: string, report: Report): Promise<void> {
  const valid = ReportSchema.parse(report)
  await writeFileAtomic(file, JSON.stringify(valid, null, 2) + '\n')
}
