import { appendFile, chmod, copyFile, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { SHARED_SYSCONFIG_MARK } from '../distribution/source-tree'
import { runPysealPython } from '../exec/pyseal-python'
import type { Distribution } from '../distribution/python-json'
import { memoryImageFiles } from '../resolve/memory-images'
import type { ModulePlan } from '../resolve/modules'
import type { PackageDataRoots } from './package-data'

export interface EmbedRequest {
  distribution: Distribution
  /** The distribution whose Python runs here and compiles the .pyc files (default: `distribution`). */
  buildDistribution?: Distribution
  siteDir: string | null
  /** Packages that live outside the archive's site root (package-data-location), or null. */
  packageData?: PackageDataRoots | null
  stdlibExclude: string[]
  /** With `--stdlib imported`: the only top-level stdlib names to pack (`json`, `os.py`); null packs all. */
  stdlibTopLevel?: string[] | null
  /** The modules' plans: those loaded from memory are embedded with their libraries (plan.memoryImage). */
  plans?: ModulePlan[]
  workDir: string
  nativeExecutable: string
  /** Final path; written under a temporary name and renamed only when complete. */
  output: string
}

export interface EmbedResult {
  archive: string
  summary: string
}

/**
 * Packs the stdlib and the app's site directory into a zip (with .pyc beside .py), with the
 * modules loaded from memory and their libraries, and appends it to the executable.
 */
export async function embedResources(request: EmbedRequest): Promise<EmbedResult> {
  const { distribution, workDir } = request
  const stdlib = path.join(distribution.root, distribution.json.python_paths.stdlib)
  const roots: object[] = [
    {
      path: stdlib,
      exclude: [
        ...request.stdlibExclude,
        'site-packages',
        'lib-dynload',
        'config-*',
        '__phello__',
        'EXTERNALLY-MANAGED',
        // A cross build's target sysconfig data, kept beside a build Python (source-tree.ts).
        `_sysconfigdata_*${SHARED_SYSCONFIG_MARK}*`,
        ...(request.packageData?.stdlibExclude ?? [])
      ],
      ...(request.stdlibTopLevel ? { include: request.stdlibTopLevel } : {}),
      // CPython's test suite ships files that must not compile (badsyntax_*.py, lib2to3 data).
      allow_compile_errors: true
    }
  ]
  if (request.siteDir) {
    roots.push({ path: request.siteDir, exclude: ['bin', ...(request.packageData?.siteExclude ?? [])] })
    roots.push(...(request.packageData?.roots ?? []))
  }
  const memoryFiles = memoryImageFiles(request.plans ?? []).map(f => ({ src: f.source, dst: f.member }))
  const manifest = path.join(workDir, 'resources.json')
  await writeFile(
    manifest,
    JSON.stringify(
      { version: 1, optimize: 0, compression: 'deflated', bytecode_compression: 'stored', roots, files: memoryFiles },
      null,
      2
    )
  )
  const archive = path.join(workDir, 'resources.zip')
  // The build machine's Python compiles the .pyc files (the same version as the target's, which may not run here).
  const buildDistribution = request.buildDistribution ?? distribution
  const stdout = await runPysealPython(buildDistribution, [
    '-m',
    'pyseal_pack',
    '--manifest',
    manifest,
    '--out',
    archive
  ])

  const partial = `${request.output}.partial`
  await rm(partial, { force: true })
  await copyFile(request.nativeExecutable, partial)
  await appendFile(partial, await readFile(archive))
  await chmod(partial, 0o755)
  await rename(partial, request.output)
  return { archive, summary: stdout.trim().split('\n').pop() ?? '' }
}
