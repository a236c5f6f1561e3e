import path from 'node:path'
import { REPORT_SCHEMA, type Report } from './schema'

/** The previous report format, which the report commands still read (a base branch's reports). */
export const PREVIOUS_REPORT_SCHEMA = 'pyseal-report/2'

/**
 * A pyseal-report/2 object in the current shape, for `report render` and `report diff`
 * (never written back): its absolute paths and warm-cache flags dropped, the binary's
 * path made relative, and the inputs it did not record left empty. Anything else is
 * returned as it came, for the schema to judge.
 */
export function upgradeReport(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || (raw as { schema?: unknown }).schema !== PREVIOUS_REPORT_SCHEMA) return raw
  const old = raw as Record<string, unknown> & {
    python?: (Record<string, unknown> & { root?: string }) | null
    packages?: { key: string } | null
    executable?: (Record<string, unknown> & { path: string }) | null
  }
  const python = old.python ? { ...old.python } : null
  if (python) delete python.reused
  const upgraded: Record<string, unknown> = {
    ...old,
    schema: REPORT_SCHEMA,
    inputs: { project: '', requirements: [], pythonDistribution: '' } satisfies Report['inputs'],
    python,
    packages: old.packages ? { key: old.packages.key } : null,
    executable: old.executable ? { ...old.executable, path: path.basename(old.executable.path) } : null
  }
  return upgraded
}
