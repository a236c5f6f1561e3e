import { existsSync, statSync } from 'node:fs'
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runPysealPython } from '../exec/pyseal-python'
import { UserError } from '../errors/user-error'
import type { Distribution } from '../distribution/python-json'
import type { PackageDataLocation } from '../inputs/options/value-schemas'
import type { PackageDataEntry } from '../report/schema'

/**
 * The escape hatch for packages whose files are opened by path outside Python (a C
 * library, a subprocess), which the launcher's read-only view of the archive cannot
 * serve (c/README.md, "Files by path"): `--package-data-location PKG=...`.
 *
 * - `filesystem-relative:DIR`: the package's whole directory (sources, `.pyc` in
 *   `__pycache__`, data files) is written beside the binary as `DIR/PKG/`, left out
 *   of the archive, and `DIR` goes on sys.path (PYSEAL_PACKAGE_DIRS): its modules'
 *   `__file__` point there.
 * - `user-cache`: the same files stay in the archive under `__pyseal__/packages/PKG/`
 *   with a sha256 listing; the launcher extracts them to a per-user cache directory on
 *   the package's first import and imports it from there (PYSEAL_EXTRACTED_PACKAGES,
 *   python/pyseal_runtime/extracted_packages.py).
 *
 * A package is a top-level directory of the app's site-packages or of the stdlib. The
 * pipeline calls locatePackageData after the packages are installed, gives
 * embedResources the roots below, and ships the filesystem-relative ones.
 */

/** A listed package, and the root it was found in: the app's site-packages or the stdlib. */
export type LocatedPackage = PackageDataLocation & { root: string; inStdlib: boolean }

/** What the archive's manifest needs: names left out of the site and stdlib roots, and the user-cache packages' roots. */
export interface PackageDataRoots {
  siteExclude: string[]
  stdlibExclude: string[]
  roots: object[]
}

export interface PackageSearch {
  siteDir: string
  stdlibDir: string
  /** --stdlib-exclude: a stdlib package left out cannot be shipped elsewhere. */
  stdlibExclude: string[]
}

/** Finds every listed package: a directory of the app's installed packages, or of the stdlib it keeps. */
export function locatePackageData(locations: PackageDataLocation[], search: PackageSearch): LocatedPackage[] {
  return locations.map(location => {
    const name = location.package
    for (const [root, inStdlib] of [
      [search.siteDir, false],
      [search.stdlibDir, true]
    ] as const) {
      const dir = path.join(root, name)
      if (!existsSync(dir) || !statSync(dir).isDirectory()) continue
      if (inStdlib && search.stdlibExclude.includes(name)) {
        throw new UserError({
          input: `package-data-location ${name}`,
          cause: `names the stdlib package ${name}, which --stdlib-exclude leaves out`,
          fix: `take ${name} out of --stdlib-exclude (none keeps the whole stdlib), or leave it out here`
        })
      }
      return { ...location, root, inStdlib }
    }
    const single = existsSync(path.join(search.siteDir, `${name}.py`))
    throw new UserError({
      input: `package-data-location ${name}`,
      cause: single
        ? `${name} is a single module, not a package with files of its own`
        : `the app's installed packages have no top-level package ${name}`,
      fix: 'give the import name of a package the app installs (its folder in site-packages), or leave it out'
    })
  })
}

/** The archive manifest's part: packages left out of their roots, and where user-cache ones go. */
export function packageDataRoots(located: LocatedPackage[]): PackageDataRoots {
  return {
    siteExclude: located.filter(l => !l.inStdlib).map(l => l.package),
    stdlibExclude: located.filter(l => l.inStdlib).map(l => l.package),
    roots: located
      .filter(l => l.location.kind === 'user-cache')
      .map(l => ({
        path: l.root,
        include: [l.package],
        prefix: '__pyseal__/packages',
        pycache: true,
        digest_file: `__pyseal__/packages/${l.package}.sha256`,
        // CPython's test suite ships files that must not compile, as in the stdlib root
        allow_compile_errors: l.inStdlib
      }))
  }
}

/** The directories the launcher puts on sys.path, in the order given. */
export function packageDirectories(locations: PackageDataLocation[]): string[] {
  const dirs = locations.flatMap(l => (l.location.kind === 'filesystem-relative' ? [l.location.dir] : []))
  return [...new Set(dirs)]
}

/** The packages the launcher extracts to a per-user cache. */
export function extractedPackages(locations: PackageDataLocation[]): string[] {
  return locations.filter(l => l.location.kind === 'user-cache').map(l => l.package)
}

export interface ShipPackageDataRequest {
  located: LocatedPackage[]
  /** The Python that compiles the `.pyc` files (the target's version). */
  buildDistribution: Distribution
  outDir: string
  workDir: string
}

/**
 * Writes each filesystem-relative package beside the binary (compiled by pyseal_pack
 * into the work directory, then moved into place whole); returns the files written,
 * relative to the output directory.
 */
export async function shipPackageData(request: ShipPackageDataRequest): Promise<string[]> {
  const shipped: string[] = []
  for (const { package: name, location, root, inStdlib } of request.located) {
    if (location.kind !== 'filesystem-relative') continue
    const manifest = path.join(request.workDir, `package-data-${name}.json`)
    const tree = path.join(request.workDir, `package-data-${name}`)
    const roots = [{ path: root, include: [name], pycache: true, allow_compile_errors: inStdlib }]
    await writeFile(manifest, JSON.stringify({ version: 1, optimize: 0, roots }))
    await rm(tree, { recursive: true, force: true })
    await runPysealPython(request.buildDistribution, ['-m', 'pyseal_pack', '--manifest', manifest, '--out-dir', tree])
    const dest = path.join(request.outDir, location.dir, name)
    await rm(dest, { recursive: true, force: true })
    await mkdir(path.dirname(dest), { recursive: true })
    await rename(path.join(tree, name), dest)
    for (const file of await filesUnder(dest)) shipped.push(path.relative(request.outDir, file))
  }
  return shipped.sort()
}

async function filesUnder(dir: string): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await filesUnder(full)))
    else if (entry.isFile()) files.push(full)
  }
  return files
}

/** The report's entry for each package: where its files are at run time, and why. */
export function packageDataEntries(locations: PackageDataLocation[]): PackageDataEntry[] {
  return locations.map(({ package: name, location }) =>
    location.kind === 'filesystem-relative'
      ? {
          package: name,
          location: `filesystem-relative:${location.dir}`,
          message:
            `${name} is imported from ${location.dir}/${name}/ beside the binary (package-data-location), ` +
            'so code outside Python can open its files by the paths its __file__ gives: ship the folder'
        }
      : {
          package: name,
          location: 'user-cache',
          message:
            `${name} is extracted on its first import to the user's cache directory ` +
            '($XDG_CACHE_HOME/pyseal/packages/<sha256>/, checked by hash) and imported from there ' +
            '(package-data-location), so code outside Python can open its files by path'
        }
  )
}
