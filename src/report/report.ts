import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { LibraryResolution } from '../resolve/libraries'
import { SIDE_DIRECTORY, type ModulePlan, type Reason } from '../resolve/modules'

export const REPORT_SCHEMA = 'pyseal-report/1'

/** One extension module in the report. */
export interface ReportModule {
  module: string
  origin: 'stdlib' | 'package'
  package: string | null
  status: ModulePlan['status']
  reasons: Reason[]
  /** For standalone modules: the file shipped beside the binary, relative to the binary's directory. */
  file: string | null
  capture: string | null
  language: 'c' | 'c++'
  initFunction: string | null
  libraries: LibraryResolution[]
}

/** The compatibility report written beside each executable (`<name>.report.json`). */
export interface Report {
  schema: typeof REPORT_SCHEMA
  name: string
  target: string
  status: 'ok' | 'failed'
  error: string | null
  entryPoint: string | null
  /** The CPython distribution: version, where it came from, where it is unpacked, and whether it was reused. */
  python: { version: string; source: string; root: string; reused: boolean } | null
  packages: { key: string; reused: boolean } | null
  /** The binary, and the files that must ship beside it (relative to its directory), if any. */
  executable: { path: string; bytes: number; sideFiles: string[] } | null
  summary: { builtin: number; standalone: number; excluded: number; failed: number }
  modules: ReportModule[]
}

export function reportModules(plans: ModulePlan[]): ReportModule[] {
  return [...plans]
    .sort((a, b) => (a.origin === b.origin ? (a.module < b.module ? -1 : 1) : a.origin === 'package' ? -1 : 1))
    .map(p => ({
      module: p.module,
      origin: p.origin,
      package: p.package,
      status: p.status,
      reasons: p.reasons,
      file: p.sharedLibrary ? `${SIDE_DIRECTORY}/${path.basename(p.sharedLibrary)}` : null,
      capture: p.capture,
      language: p.language,
      initFunction: p.linkedInitFunction,
      libraries: p.libraries.map(l => (l.kind === 'missing' ? { name: l.name, kind: l.kind, searched: [] } : l))
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

/** Writes the report atomically (a temporary name, then a rename). */
export async function writeReport(file: string, report: Report): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(`${file}.partial`, JSON.stringify(report, null, 2) + '\n')
  await rename(`${file}.partial`, file)
}
