import { readdirSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { runPysealPython } from '../exec/pyseal-python'
import type { Distribution } from '../distribution/python-json'
import type { BuildInputs } from '../inputs/schema'
import type { ModulePlan } from './module-plan'
import type { ReportStdlib } from '../report/schema'

/** What `--stdlib imported` keeps: found by python/pyseal_pack/imports.py with the stdlib's modulefinder. */
export interface StdlibImports {
  /** Stdlib modules found (dotted), extension modules included. */
  modules: Set<string>
  /** Top-level stdlib files and packages to pack (`json`, `os.py`). */
  topLevel: string[]
}

const AnalysisSchema = z.object({
  top_level: z.array(z.string()),
  modules: z.array(z.string()),
  missing: z.array(z.string())
})

export interface StdlibImportsRequest {
  /** The Python that runs here (the build machine's twin of the target's for a cross build). */
  buildDistribution: Distribution
  siteDir: string
  /** The entry point's module, and the modules the user named with --stdlib-include. */
  roots: string[]
}

/**
 * The stdlib an app can reach: every import at module level in the stdlib, and every
 * import anywhere in the app and its packages, from the launcher's own needs outward.
 */
export async function findStdlibImports(request: StdlibImportsRequest): Promise<StdlibImports> {
  const stdout = await runPysealPython(request.buildDistribution, [
    '-m',
    'pyseal_pack.imports',
    '--site',
    request.siteDir,
    ...request.roots.flatMap(module => ['--module', module])
  ])
  const analysis = AnalysisSchema.parse(JSON.parse(stdout))
  const include = request.roots.map(module => module.split('.')[0])
  const topLevel = [...new Set([...analysis.top_level, ...include, ...include.map(name => `${name}.py`)])].sort()
  return { modules: new Set([...analysis.modules, ...request.roots]), topLevel }
}

/** With `--stdlib imported`: the stdlib modules the app and its packages import (null: keep the whole stdlib). */
export async function stdlibImportsFor(
  inputs: BuildInputs,
  buildDistribution: Distribution,
  siteDir: string,
  log: (line: string) => void
): Promise<StdlibImports | null> {
  if (inputs.stdlib !== 'imported') return null
  const extracts = inputs.packageDataLocations.some(l => l.location.kind === 'user-cache')
  const imports = await findStdlibImports({
    buildDistribution,
    siteDir,
    roots: [
      ...(inputs.entryPoint ? [inputs.entryPoint.split(':')[0]] : []),
      ...inputs.stdlibInclude,
      // the launcher checks what it extracts to the user's cache with hashlib's sha256
      ...(extracts ? ['hashlib'] : [])
    ]
  })
  log(`  --stdlib imported: ${imports.modules.size} stdlib modules found imported`)
  return imports
}

/** Entries of the stdlib directory that are not modules an app imports. */
const NOT_MODULES =
  /^(?:site-packages|lib-dynload|__pycache__|config-.*|_sysconfigdata_.*|__phello__|EXTERNALLY-MANAGED|.*\.(?:txt|exe|pem|cfg))$/

/**
 * The top-level stdlib modules `--stdlib imported` left out of the binary: every
 * top-level module and package of the stdlib directory and every extension module the
 * plans leave out as not imported, less what was kept and what stdlib-exclude leaves
 * out anyway (importing one of these names the option that brings it back).
 */
function stdlibLeftOut(
  distribution: Distribution,
  imports: StdlibImports,
  plans: ModulePlan[],
  stdlibExclude: string[]
): string[] {
  const stdlibDir = path.join(distribution.root, distribution.json.python_paths.stdlib)
  const notImportedExtensions = plans
    .filter(p => p.origin === 'stdlib' && p.reasons.some(r => r.code === 'STDLIB_NOT_IMPORTED'))
    .map(p => p.module)
  const kept = new Set(imports.topLevel.map(name => name.replace(/\.py$/, '')))
  const excluded = new Set(stdlibExclude.map(name => name.split('.')[0]))
  const names = new Set(notImportedExtensions.map(name => name.split('.')[0]))
  for (const entry of readdirSync(stdlibDir, { withFileTypes: true })) {
    if (NOT_MODULES.test(entry.name)) continue
    if (entry.isDirectory() && /^[A-Za-z_]\w*$/.test(entry.name)) names.add(entry.name)
    else if (entry.isFile() && /^[A-Za-z_]\w*\.py$/.test(entry.name)) names.add(entry.name.slice(0, -3))
  }
  return [...names].filter(name => !kept.has(name) && !excluded.has(name) && !imports.modules.has(name)).sort()
}

/** The report's `stdlib` section: the choice, and with `imported` the top-level modules left out. */
export function stdlibSection(
  inputs: Pick<BuildInputs, 'stdlib' | 'stdlibExclude'>,
  distribution: Distribution,
  imports: StdlibImports | null,
  plans: ModulePlan[]
): ReportStdlib {
  const leftOut = imports ? stdlibLeftOut(distribution, imports, plans, inputs.stdlibExclude) : []
  return { choice: inputs.stdlib, leftOut }
}
