import { rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { sha256File } from '../cache/hash'
import type { ObtainedDistribution } from '../distribution/obtain'
import { pythonAbi } from '../distribution/python-json'
import type { BuildInputs } from '../inputs/schema'
import { outputFiles, writeFileAtomic } from '../publish/output-dir'
import { memoryImageFiles } from '../resolve/memory-images'
import type { ModulePlan } from '../resolve/modules'
import type { ExtensionPolicy } from '../resolve/policy'
import type { Target } from '../targets/table'
import { digestInputs } from './input-digest'
import { readLinkage } from './linkage'
import { renderReport } from './markdown'
import { portableStrings } from './portable'
import { readRequires } from './requires'
import { reportModules, summarize, verdictOf, writeReport, REPORT_SCHEMA, type Report } from './report'

/** The report's `python` section: the CPython linked, its ABI, and where it came from. */
export function pythonSection(obtained: ObtainedDistribution): NonNullable<Report['python']> {
  const { distribution } = obtained
  const abi = pythonAbi(distribution.json)
  return {
    version: distribution.json.python_version,
    abi: abi.tag,
    freeThreaded: abi.freeThreaded,
    source: obtained.source,
    sha256: obtained.sha256,
    root: distribution.root
  }
}

/**
 * The report's `executable` section, read from the binary as staged (its name in the
 * report is the one it is moved to), the files already shipped beside it and those
 * embedded in it to be loaded from memory.
 */
export async function executableSection(request: {
  staged: string
  name: string
  outDir: string
  sideFiles: string[]
  target: Pick<Target, 'objectFormat'>
  /** The modules' plans: those loaded from memory have their files embedded, named `<binary>/<member>`. */
  plans: ModulePlan[]
}): Promise<NonNullable<Report['executable']>> {
  const { staged, name, outDir, sideFiles, target } = request
  const embedded = memoryImageFiles(request.plans).map(f => ({ file: f.source, name: `${name}/${f.member}` }))
  const linkage = await readLinkage(staged)
  return {
    path: name,
    bytes: (await stat(staged)).size,
    sha256: await sha256File(staged),
    linkage,
    sideFiles,
    requires: await readRequires({ target, linkage, binary: { file: staged, name }, outDir, sideFiles, embedded })
  }
}

/**
 * The report's life in one build (called by src/pipeline.ts): started before any
 * stage with what is known up front, filled in by the stages, and finished — modules,
 * summary, verdict, portable paths — and written whether the build succeeded or not.
 */
export async function startReport(request: {
  inputs: BuildInputs
  triple: string
  flavor: Report['flavor']
  version: string
}): Promise<Report> {
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'pyseal', version: request.version },
    name: request.inputs.name,
    target: request.triple,
    status: 'failed',
    verdict: 'failed',
    flavor: request.flavor,
    error: null,
    entryPoint: request.inputs.entryPoint,
    inputs: await digestInputs(request.inputs),
    python: null,
    packages: null,
    executable: null,
    summary: { builtin: 0, standalone: 0, excluded: 0, failed: 0 },
    modules: []
  }
}

export interface FinishReportRequest {
  report: Report
  plans: ModulePlan[]
  policy: ExtensionPolicy
  inputs: BuildInputs
  executable: string
  reportFile: string
}

/**
 * Completes the report from the module plans and writes it (JSON, Markdown) and the
 * binary's `.sha256`. A report that cannot be written takes every output file of this
 * build with it: nothing is left that looks finished. Returns the report as written.
 */
export async function finishReport(request: FinishReportRequest): Promise<Report> {
  const { report, executable } = request
  report.modules = reportModules(request.plans, request.policy.sideDirectory)
  if (report.status !== 'ok') report.modules = report.modules.map(inNoBinary)
  report.summary = summarize(report.modules)
  report.verdict = verdictOf(report)
  const written = portableStrings(report, request.inputs)
  try {
    await writeReport(request.reportFile, written)
    await writeFileAtomic(`${executable}.report.md`, renderReport(written))
    // The format sha256sum -c reads, naming the binary as it sits beside this file.
    if (report.executable) {
      await writeFileAtomic(`${executable}.sha256`, `${report.executable.sha256}  ${path.basename(executable)}\n`)
    }
  } catch (error) {
    for (const file of outputFiles(executable)) await rm(file, { force: true }).catch(() => undefined)
    throw error
  }
  return written
}

/** A module of a build that made no binary is in none: what was planned for it did not happen. */
function inNoBinary(module: Report['modules'][number]): Report['modules'][number] {
  if (module.status !== 'builtin' && module.status !== 'standalone') return module
  const planned = module.status === 'builtin' ? 'be built in' : 'ship beside the binary'
  return {
    ...module,
    status: 'failed',
    location: null,
    file: null,
    reasons: [...module.reasons, { code: 'NO_BINARY', message: `it was to ${planned}, but the build made no binary` }]
  }
}
