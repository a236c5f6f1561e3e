import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { cachedEntry } from '../cache/cached-entry'
import { STATIC_DEPS } from '../cache/entry-kinds'
import { sha256Text } from '../cache/hash'
import { DEFAULT_SOURCE_DATE_EPOCH } from '../cache/source-date-epoch'
import { inParallel } from '../utils/in-parallel'
import { buildOne, CONFIGURED_PREFIX, finishPrefix } from './static-deps-build'
import {
  glibcFloorCompiler,
  muslCompiler,
  zigMuslCompiler,
  type GlibcFloorDriverSet,
  type StaticDepsCompiler,
  type ZigDriverSet
} from './static-deps-compilers'
import { STATIC_LIBRARY_RECIPES, StaticLibraryRecipe } from './static-deps-recipes'
import { downloadSource, resolveSource, type SourceInfo } from './static-deps-sources'

/**
 * Builds the C libraries CPython's extension modules need (zlib, bzip2, liblzma, libffi,
 * sqlite3, OpenSSL, ...) as static, PIC archives from Debian's source packages, with
 * musl-gcc or zig for musl and a glibc floor's zig driver for gnu (static-deps-compilers.ts),
 * into a content-addressed cache entry:
 *
 *   <cacheRoot>/static-deps/<key>/{include,lib,lib/pkgconfig,manifest.json}
 *
 * The key hashes the recipes, the source tarballs' sha256 (pinned in library-sources.json, known before
 * anything is downloaded) and the compiler (for gnu, with the floor), so a cache hit needs no network.
 * Everything is configured for a fixed, never-existing prefix and installed with
 * DESTDIR into the entry's scratch directory; the `.pc` files are rewritten relative to
 * their own location (`${pcfiledir}`), so the prefix can move (restored from a CI cache
 * elsewhere) and stays valid. Called by toolchain-env.ts for musl targets and gnu targets
 * with a glibc floor.
 */
export { CONFIGURED_PREFIX }

/** Libraries built at once. */
const PARALLEL_LIBRARIES = 2

export interface BuildStaticDepsOptions {
  cacheRoot: string
  /** musl: built with musl-gcc, or zig's drivers given as `zig`; gnu: with the glibc floor's drivers given as `glibc`. */
  libc: 'musl' | 'gnu'
  glibc?: GlibcFloorDriverSet
  zig?: ZigDriverSet
  log?: (line: string) => void
  /** Parallel make jobs; 2 by default. Not part of the cache key. */
  jobs?: number
  /** The recipes to build; all of STATIC_LIBRARY_RECIPES by default. */
  recipes?: readonly StaticLibraryRecipe[]
}

export interface StaticLibraryInfo {
  /** Upstream version, from the source tarball's name (e.g. `1.2.13.dfsg`). */
  version: string
  /** Absolute paths of the static archives. */
  archives: string[]
  sourcePackage: string
  /** Debian source package version, e.g. `1.2.13.dfsg-1`. */
  debianVersion: string
  tarball: string
  sha256: string
  /** Wall-clock seconds for unpack + configure + build + install when it was built. */
  buildSeconds: number
}

export interface StaticDepsResult {
  /** Absolute path of the installed prefix (include/, lib/, lib/pkgconfig/). */
  prefix: string
  libraries: Record<string, StaticLibraryInfo>
  reused: boolean
  key: string
  manifestPath: string
  /** The kernel-header symlink directory to pass as `-isystem` to musl-gcc (null for gnu and zig). */
  kernelHeaders: string | null
}

/** manifest.json: what the prefix holds, for the result and for reading the prefix without rebuilding. */
interface Manifest {
  format: number
  key: string
  libc: 'musl' | 'gnu'
  glibcFloor?: string
  configuredPrefix: string
  toolchain: Record<string, string>
  libraries: Record<string, Omit<StaticLibraryInfo, 'archives'> & { archives: string[] }>
}

/** What one build of the prefix needs, once its key is known. */
interface PrefixBuild {
  key: string
  recipes: readonly StaticLibraryRecipe[]
  sources: Record<string, SourceInfo>
  compiler: StaticDepsCompiler
  /** The static-deps folder: its downloads/ and logs/ are shared by every key. */
  folder: string
  jobs: number
  log: (line: string) => void
}

export async function buildStaticDeps(options: BuildStaticDepsOptions): Promise<StaticDepsResult> {
  const log = options.log ?? (() => undefined)
  const recipes = options.recipes ?? STATIC_LIBRARY_RECIPES
  const folder = path.join(path.resolve(options.cacheRoot), 'static-deps')
  await fs.mkdir(path.join(folder, 'downloads'), { recursive: true })

  const compiler = await compilerFor(options, log)
  const sources: Record<string, SourceInfo> = {}
  for (const recipe of recipes) sources[recipe.name] = resolveSource(recipe)
  // Ordered JSON, not a content key: the first prefixes were keyed so, and their keys stay.
  const key = sha256Text(
    JSON.stringify({
      format: STATIC_DEPS.recipeVersion,
      libc: compiler.libc,
      // Absent for musl (JSON.stringify leaves it out), so musl prefixes keep their keys.
      glibcFloor: compiler.glibcFloor,
      configuredPrefix: CONFIGURED_PREFIX,
      buildEpoch: DEFAULT_SOURCE_DATE_EPOCH,
      recipes,
      sources: recipes.map(r => [r.name, sources[r.name].tarball, sources[r.name].sha256]),
      toolchain: compiler.identity
    })
  ).slice(0, 20)
  const build: PrefixBuild = { key, recipes, sources, compiler, folder, jobs: options.jobs ?? 2, log }
  const entry = await cachedEntry({
    kind: STATIC_DEPS,
    root: path.join(folder, key),
    legacyComplete: async root => (await readCompleteManifest(root, key, recipes)) !== undefined,
    build: (dir, work) => buildPrefix(build, dir, work),
    log
  })
  const prefix = entry.root
  const manifestPath = path.join(prefix, 'manifest.json')
  const manifest = JSON.parse(await fs.readFile(manifestPath, 'utf8')) as Manifest
  return {
    prefix,
    key,
    reused: entry.reused,
    manifestPath,
    kernelHeaders: compiler.kernelHeaders,
    libraries: Object.fromEntries(
      Object.entries(manifest.libraries).map(([name, info]) => [
        name,
        { ...info, archives: info.archives.map(a => path.join(prefix, a)) }
      ])
    )
  }
}

/**
 * Builds every library into `<work>/destdir/<configured prefix>`, then moves the
 * finished prefix, its manifest.json last, into the entry's staging directory `dir`.
 */
async function buildPrefix(build: PrefixBuild, dir: string, work: string): Promise<void> {
  const { recipes, log } = build
  log(`static deps: building ${recipes.map(r => r.name).join(', ')}`)
  const destdir = path.join(work, 'destdir')
  const stagedPrefix = path.join(destdir, CONFIGURED_PREFIX)
  await fs.mkdir(stagedPrefix, { recursive: true })
  const built = new Map<string, Manifest['libraries'][string]>()
  const finished = new Map<string, Promise<void>>()
  // Two at a time: a configure script runs on one core, so a second library's build fills the other.
  // One that builds against another of the prefix waits for it: the recipes come dependencies
  // first, so what it waits for has already started.
  await inParallel(recipes, PARALLEL_LIBRARIES, async recipe => {
    const done = (async () => {
      for (const dependency of recipe.dependsOn ?? []) await finished.get(dependency)
      built.set(recipe.name, await buildLibrary(build, recipe, work, destdir, stagedPrefix))
    })()
    finished.set(recipe.name, done)
    await done
  })
  // In the recipes' order, whichever finished first.
  const libraries = Object.fromEntries(recipes.map(recipe => [recipe.name, built.get(recipe.name)!]))
  await finishPrefix(stagedPrefix)
  const manifest: Manifest = {
    format: STATIC_DEPS.recipeVersion,
    key: build.key,
    libc: build.compiler.libc,
    glibcFloor: build.compiler.glibcFloor,
    configuredPrefix: CONFIGURED_PREFIX,
    toolchain: build.compiler.identity,
    libraries
  }
  // Written last, as pyseal versions that mark completion by it expect.
  await fs.writeFile(path.join(stagedPrefix, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
  for (const name of await fs.readdir(stagedPrefix)) {
    await fs.rename(path.join(stagedPrefix, name), path.join(dir, name))
  }
}

/** One library of the prefix: its source fetched, built and installed under the staged prefix. */
async function buildLibrary(
  build: PrefixBuild,
  recipe: StaticLibraryRecipe,
  work: string,
  destdir: string,
  stagedPrefix: string
): Promise<Manifest['libraries'][string]> {
  const { log } = build
  const source = build.sources[recipe.name]
  const tarballPath = await downloadSource(recipe, source, path.join(build.folder, 'downloads'), log)
  const started = Date.now()
  await buildOne({
    recipe,
    source,
    tarballPath,
    work,
    destdir,
    stagedPrefix,
    recipeEnv: build.compiler.recipeEnv,
    jobs: build.jobs,
    logDir: path.join(build.folder, 'logs'),
    key: build.key,
    log
  })
  const buildSeconds = Math.round((Date.now() - started) / 100) / 10
  log(`static deps: ${recipe.name} ${source.upstreamVersion} built in ${buildSeconds} s`)
  return {
    version: source.upstreamVersion,
    debianVersion: source.debianVersion,
    sourcePackage: source.sourcePackage,
    tarball: source.tarball,
    sha256: source.sha256,
    archives: [...recipe.archives],
    buildSeconds
  }
}

/** A prefix made before entry manifests: complete when its manifest.json matches the key and every library is there. */
async function readCompleteManifest(
  prefix: string,
  key: string,
  recipes: readonly StaticLibraryRecipe[]
): Promise<Manifest | undefined> {
  let manifest: Manifest
  try {
    manifest = JSON.parse(await fs.readFile(path.join(prefix, 'manifest.json'), 'utf8')) as Manifest
  } catch {
    return undefined
  }
  if (manifest.format !== STATIC_DEPS.recipeVersion || manifest.key !== key) return undefined
  for (const recipe of recipes) {
    if (!manifest.libraries[recipe.name]) return undefined
    if (!recipe.produces.every(file => existsSync(path.join(prefix, file)))) return undefined
  }
  return manifest
}

/** The compiler the options ask for: musl-gcc, zig's musl drivers, or the glibc floor's drivers. */
async function compilerFor(options: BuildStaticDepsOptions, log: (line: string) => void): Promise<StaticDepsCompiler> {
  if (options.libc === 'musl' && options.zig) return zigMuslCompiler(options.zig)
  if (options.libc === 'musl') return muslCompiler(path.resolve(options.cacheRoot), log)
  if (!options.glibc) throw new Error('buildStaticDeps: a gnu build needs the glibc floor drivers')
  return glibcFloorCompiler(options.glibc)
}
