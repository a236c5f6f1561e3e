import { createHash } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { sha256File } from '../cache/hash'
import { FailedStepError } from '../errors/failed-step'
import { UserError } from '../errors/user-error'
import { CommandSpec, runChecked, runCommand } from '../exec/run'
import { ensureMuslKernelHeaders, muslPathFreeBuildEnv, muslToolchainEnv } from './musl-kernel-headers'
import { STATIC_LIBRARY_RECIPES, StaticLibraryRecipe } from './static-deps-recipes'

/**
 * Builds the C libraries CPython's extension modules need (zlib, bzip2, liblzma, libffi,
 * sqlite3, OpenSSL) as static, PIC archives with musl-gcc, from Debian's source packages,
 * into a content-addressed prefix:
 *
 *   <cacheRoot>/static-deps/<key>/{include,lib,lib/pkgconfig,manifest.json}
 *
 * The key hashes the recipes, the source tarballs' sha256 (known from apt's index before
 * anything is downloaded) and the musl toolchain, so a cache hit needs no network.
 * Everything is configured for a fixed, never-existing prefix and installed with
 * DESTDIR into a temporary directory that is renamed into place only once complete;
 * the `.pc` files are rewritten relative to their own location (`${pcfiledir}`), so the
 * prefix can move (restored from a CI cache elsewhere) and stays valid.
 */

/** The prefix every library is configured for; it never exists at run time. */
export const CONFIGURED_PREFIX = '/nonexistent/pyseal-static-deps'
/** Bump when the builder changes what it produces: it is part of the cache key. */
const MANIFEST_FORMAT = 2
/** SOURCE_DATE_EPOCH for every build (2000-01-01): OpenSSL's "built on" must not be the clock. */
const BUILD_EPOCH = '946684800'

export interface BuildStaticDepsOptions {
  cacheRoot: string
  libc: 'musl'
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
  /** The kernel-header symlink directory to pass as `-isystem` to musl-gcc. */
  kernelHeaders: string
  /** Toolchain environment for building against the prefix (CC, CFLAGS, PKG_CONFIG_LIBDIR...). */
  env: Record<string, string>
}

interface SourceInfo {
  sourcePackage: string
  debianVersion: string
  upstreamVersion: string
  tarball: string
  sha256: string
}

interface ToolchainIdentity {
  compiler: string
  specsSha256: string
  libcSha256: string
  kernelVersionHeaderSha256: string
}

interface Manifest {
  format: number
  key: string
  libc: 'musl'
  configuredPrefix: string
  toolchain: ToolchainIdentity
  libraries: Record<string, Omit<StaticLibraryInfo, 'archives'> & { archives: string[] }>
}

export async function buildStaticDeps(options: BuildStaticDepsOptions): Promise<StaticDepsResult> {
  if (options.libc !== 'musl')
    throw new Error(`buildStaticDeps: libc '${String(options.libc)}' is not supported (only musl)`)
  const log = options.log ?? (() => undefined)
  const jobs = options.jobs ?? 2
  const recipes = options.recipes ?? STATIC_LIBRARY_RECIPES
  const root = path.join(path.resolve(options.cacheRoot), 'static-deps')
  const downloads = path.join(root, 'downloads')
  await fs.mkdir(downloads, { recursive: true })

  const kernelHeaders = await ensureMuslKernelHeaders(path.resolve(options.cacheRoot))
  const toolchain = await muslToolchainIdentity()
  const sources: Record<string, SourceInfo> = {}
  for (const recipe of recipes) sources[recipe.name] = await resolveSource(recipe, downloads)

  const key = createHash('sha256')
    .update(
      JSON.stringify({
        format: MANIFEST_FORMAT,
        libc: options.libc,
        configuredPrefix: CONFIGURED_PREFIX,
        buildEpoch: BUILD_EPOCH,
        recipes,
        sources: recipes.map(r => [r.name, sources[r.name].tarball, sources[r.name].sha256]),
        toolchain
      })
    )
    .digest('hex')
    .slice(0, 20)
  const prefix = path.join(root, key)
  const manifestPath = path.join(prefix, 'manifest.json')
  const result = (manifest: Manifest, reused: boolean): StaticDepsResult => ({
    prefix,
    key,
    reused,
    manifestPath,
    kernelHeaders,
    env: muslToolchainEnv(prefix, kernelHeaders),
    libraries: Object.fromEntries(
      Object.entries(manifest.libraries).map(([name, info]) => [
        name,
        { ...info, archives: info.archives.map(a => path.join(prefix, a)) }
      ])
    )
  })

  const existing = await readCompleteManifest(prefix, key, recipes)
  if (existing) {
    log(`static deps: reusing ${prefix}`)
    return result(existing, true)
  }

  log(`static deps: building ${recipes.map(r => r.name).join(', ')} into ${prefix}`)
  const staging = await fs.mkdtemp(path.join(root, `.tmp-${key}-`))
  try {
    const destdir = path.join(staging, 'destdir')
    const stagedPrefix = path.join(destdir, CONFIGURED_PREFIX)
    await fs.mkdir(stagedPrefix, { recursive: true })
    const libraries: Manifest['libraries'] = {}
    for (const recipe of recipes) {
      const source = sources[recipe.name]
      const tarballPath = await download(recipe, source, downloads, log)
      const started = Date.now()
      await buildOne({
        recipe,
        source,
        tarballPath,
        staging,
        destdir,
        stagedPrefix,
        kernelHeaders,
        jobs,
        root,
        key,
        log
      })
      const buildSeconds = Math.round((Date.now() - started) / 100) / 10
      log(`static deps: ${recipe.name} ${source.upstreamVersion} built in ${buildSeconds} s`)
      libraries[recipe.name] = {
        version: source.upstreamVersion,
        debianVersion: source.debianVersion,
        sourcePackage: source.sourcePackage,
        tarball: source.tarball,
        sha256: source.sha256,
        archives: [...recipe.archives],
        buildSeconds
      }
    }
    await finishPrefix(stagedPrefix)
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      key,
      libc: options.libc,
      configuredPrefix: CONFIGURED_PREFIX,
      toolchain,
      libraries
    }
    // The manifest is written last: a prefix without one is never taken as complete.
    await fs.writeFile(path.join(stagedPrefix, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
    try {
      await fs.rename(stagedPrefix, prefix)
    } catch (error) {
      const theirs = await readCompleteManifest(prefix, key, recipes)
      if (theirs) return result(theirs, false) // another process finished first
      if (existsSync(prefix)) {
        // An incomplete leftover (no valid manifest): replace it.
        await fs.rm(prefix, { recursive: true, force: true })
        await fs.rename(stagedPrefix, prefix)
      } else {
        throw error
      }
    }
    return result(manifest, false)
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}

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
  if (manifest.format !== MANIFEST_FORMAT || manifest.key !== key) return undefined
  for (const recipe of recipes) {
    if (!manifest.libraries[recipe.name]) return undefined
    if (!recipe.produces.every(file => existsSync(path.join(prefix, file)))) return undefined
  }
  return manifest
}

async function muslToolchainIdentity(): Promise<ToolchainIdentity> {
  const which = await runCommand({ command: 'sh', args: ['-c', 'command -v musl-gcc'] })
  const wrapper = which.stdout.trim()
  if (which.code !== 0 || !wrapper) {
    const fix = 'install it (Debian/Ubuntu: apt-get install musl-tools) and retry'
    throw new UserError({ input: 'musl-gcc (for static dependencies on musl)', cause: 'was not found on PATH', fix })
  }
  const version = await runChecked({ command: 'musl-gcc', args: ['--version'] })
  const identity: ToolchainIdentity = {
    compiler: version.stdout.split('\n')[0].trim(),
    specsSha256: '',
    libcSha256: '',
    kernelVersionHeaderSha256: ''
  }
  // Debian's musl-gcc is a shell script: exec gcc ... -specs "<musl libdir>/musl-gcc.specs".
  const script = await fs.readFile(wrapper, 'utf8').catch(() => '')
  const specs = /-specs\s+"?([^"\s]+)"?/.exec(script)?.[1]
  if (specs && existsSync(specs)) {
    identity.specsSha256 = await sha256File(specs)
    const libc = path.join(path.dirname(specs), 'libc.a')
    if (existsSync(libc)) identity.libcSha256 = await sha256File(libc)
  }
  if (existsSync('/usr/include/linux/version.h')) {
    identity.kernelVersionHeaderSha256 = await sha256File('/usr/include/linux/version.h')
  }
  return identity
}

const APT_HINT =
  'Make sure deb-src entries are configured in /etc/apt/sources.list or /etc/apt/sources.list.d/ ' +
  'and run `apt-get update`; check the network connection to the Debian archive.'

/** What to do when a recipe's command fails. */
function recipeStepFix(recipe: string): string {
  return (
    `check that the build tools are installed (musl-tools, make, perl for OpenSSL, ` +
    `tclsh for sqlite3), then retry; nothing was added to the cache. If the source itself does not ` +
    `build with musl, adjust the '${recipe}' recipe in src/toolchain/static-deps-recipes.ts.`
  )
}

/**
 * `PKG/<codename>`: the source package of the machine's own release. Other deb-src
 * entries (Debian 13's, for CPython 3.13) may carry newer versions that apt would
 * otherwise pick, which would change what the static libraries are built from.
 */
async function ownReleaseSource(pkg: string): Promise<string> {
  const osRelease = await fs.readFile('/etc/os-release', 'utf8').catch(() => '')
  const codename = /^VERSION_CODENAME=("?)([a-z]+)\1$/m.exec(osRelease)?.[2]
  return codename ? `${pkg}/${codename}` : pkg
}

/** Asks apt (without downloading) which source files the package has and picks the upstream tarball. */
async function resolveSource(recipe: StaticLibraryRecipe, downloads: string): Promise<SourceInfo> {
  const pkg = recipe.sourcePackage
  // apt lists only the files missing from its working directory: ask from an empty one.
  const empty = await fs.mkdtemp(path.join(downloads, '.print-uris-'))
  const spec = await ownReleaseSource(pkg)
  const res = await runCommand({ command: 'apt-get', args: ['source', '--print-uris', spec], cwd: empty }).finally(() =>
    fs.rm(empty, { recursive: true, force: true })
  )
  const output = res.stdout + res.stderr
  if (res.code !== 0) {
    throw new FailedStepError({
      input: `source package ${pkg}`,
      what: `Static dependency ${recipe.name}`,
      step: 'find source',
      reason: `\`apt-get source --print-uris ${pkg}\` exited with ${res.code}`,
      log: { text: output },
      fix: APT_HINT
    })
  }
  const files: { name: string; sha256?: string }[] = []
  for (const line of res.stdout.split('\n')) {
    const m = /^'[^']+'\s+(\S+)\s+\d+\s+(\S+)\s*$/.exec(line.trim())
    if (!m) continue
    const hash = /^SHA256:([0-9a-f]{64})$/i.exec(m[2])
    files.push({ name: m[1], sha256: hash?.[1].toLowerCase() })
  }
  const dsc = files.find(f => f.name.startsWith(`${pkg}_`) && f.name.endsWith('.dsc'))
  const escaped = pkg.replace(/[.+]/g, '\\$&')
  const orig =
    files.find(f => new RegExp(`^${escaped}_([^_]+)\\.orig\\.tar\\.(gz|bz2|xz|lzma|zst)$`).test(f.name)) ??
    // a native package has a single tarball
    files.find(f => new RegExp(`^${escaped}_([^_]+)\\.tar\\.(gz|bz2|xz|lzma|zst)$`).test(f.name))
  if (!dsc || !orig) {
    throw new FailedStepError({
      input: `source package ${pkg}`,
      what: `Static dependency ${recipe.name}`,
      step: 'find source',
      reason: `apt lists no upstream source tarball for source package '${pkg}'`,
      log: { text: output },
      fix: APT_HINT
    })
  }
  if (!orig.sha256) {
    throw new UserError({
      input: `${orig.name} (static dependency ${recipe.name})`,
      cause: "has no SHA256 in apt's index, so it cannot be verified",
      fix: 'use an apt source whose index carries SHA256 checksums'
    })
  }
  return {
    sourcePackage: pkg,
    // "Selected version '1:1.2.13.dfsg-1'" keeps the epoch the file names drop.
    debianVersion: /Selected version '([^']+)'/.exec(output)?.[1] ?? dsc.name.slice(pkg.length + 1, -'.dsc'.length),
    upstreamVersion: orig.name.slice(pkg.length + 1).replace(/(\.orig)?\.tar\.[a-z0-9]+$/, ''),
    tarball: orig.name,
    sha256: orig.sha256
  }
}

async function download(
  recipe: StaticLibraryRecipe,
  source: SourceInfo,
  downloads: string,
  log: (line: string) => void
): Promise<string> {
  const file = path.join(downloads, source.tarball)
  if (!existsSync(file) || (await sha256File(file)) !== source.sha256) {
    log(`static deps: fetching source package ${source.sourcePackage} ${source.debianVersion}`)
    const res = await runCommand({
      command: 'apt-get',
      args: ['source', '--download-only', await ownReleaseSource(source.sourcePackage)],
      cwd: downloads
    })
    if (res.code !== 0 || !existsSync(file)) {
      throw new FailedStepError({
        input: `source package ${source.sourcePackage}`,
        what: `Static dependency ${recipe.name}`,
        step: 'download',
        reason:
          `\`apt-get source --download-only ${source.sourcePackage}\` exited with ${res.code}` +
          (existsSync(file) ? '' : ` and ${source.tarball} is missing`),
        log: { text: res.stdout + res.stderr },
        fix: APT_HINT
      })
    }
  }
  const actual = await sha256File(file)
  if (actual !== source.sha256) {
    await fs.rm(file, { force: true })
    throw new UserError({
      input: `${source.tarball} (static dependency ${recipe.name})`,
      cause: `has sha256 ${actual}, apt's index says ${source.sha256}`,
      fix: 'the file was deleted; run `apt-get update` and retry'
    })
  }
  return file
}

interface BuildOneArgs {
  recipe: StaticLibraryRecipe
  source: SourceInfo
  tarballPath: string
  staging: string
  destdir: string
  stagedPrefix: string
  kernelHeaders: string
  jobs: number
  root: string
  key: string
  log: (line: string) => void
}

async function buildOne(args: BuildOneArgs): Promise<void> {
  const { recipe, source, staging, destdir, stagedPrefix } = args
  const srcDir = path.join(staging, 'src', recipe.name)
  await fs.mkdir(srcDir, { recursive: true })
  const logPath = path.join(args.root, 'logs', `${args.key}-${recipe.name}.log`)
  await fs.mkdir(path.dirname(logPath), { recursive: true })
  const logText: string[] = []
  const append = (chunk: string): void => {
    logText.push(chunk)
  }

  // Flags carry no absolute path and the clock is fixed, so the archives do not depend on
  // where or when they were built (OpenSSL records its flags and a build date). Recipes are
  // independent of each other: none sees another's headers or libraries.
  const toolchain = muslPathFreeBuildEnv(args.kernelHeaders, path.join(stagedPrefix, 'lib', 'pkgconfig'))
  const env: NodeJS.ProcessEnv = { ...process.env, ...toolchain, LC_ALL: 'C', SOURCE_DATE_EPOCH: BUILD_EPOCH }
  for (const name of [
    'CPATH',
    'LIBRARY_PATH',
    'PKG_CONFIG_SYSROOT_DIR',
    'MAKEFLAGS',
    'MFLAGS',
    'MAKELEVEL',
    'DESTDIR'
  ]) {
    delete env[name]
  }
  const vars: Record<string, string> = {
    prefix: CONFIGURED_PREFIX,
    destdir,
    jobs: String(args.jobs),
    version: source.upstreamVersion,
    ...toolchain
  }
  const substitute = (text: string): string =>
    text.replace(/@([A-Za-z_]+)@/g, (whole, name: string) => (name in vars ? vars[name] : whole))

  const run = async (step: string, spec: CommandSpec): Promise<void> => {
    args.log(`static deps: ${recipe.name}: ${step}`)
    append(`\n$ ${spec.command} ${spec.args.join(' ')}\n`)
    const res = await runCommand({ ...spec, onOutput: append })
    if (res.code !== 0) {
      await fs.writeFile(logPath, logText.join(''))
      throw new FailedStepError({
        input: `static dependency ${recipe.name}`,
        what: `Static dependency ${recipe.name} (Debian source ${source.sourcePackage} ${source.debianVersion})`,
        step,
        reason: `\`${spec.command} ${spec.args.join(' ')}\` exited with ${res.code}`,
        log: { text: logText.join(''), file: logPath },
        fix: recipeStepFix(recipe.name)
      })
    }
  }

  await run('unpack', { command: 'tar', args: ['-xf', args.tarballPath, '-C', srcDir, '--strip-components=1'], env })
  for (const step of recipe.steps) {
    const [command, ...rest] = step.argv.map(substitute)
    await run(step.step, { command, args: rest, cwd: srcDir, env })
  }
  for (const file of recipe.generatedFiles ?? []) {
    const target = path.join(stagedPrefix, file.path)
    await fs.mkdir(path.dirname(target), { recursive: true })
    await fs.writeFile(target, substitute(file.content))
  }
  const missing = recipe.produces.filter(file => !existsSync(path.join(stagedPrefix, file)))
  if (missing.length > 0) {
    await fs.writeFile(logPath, logText.join(''))
    throw new FailedStepError({
      input: `static dependency ${recipe.name}`,
      what: `Static dependency ${recipe.name} (Debian source ${source.sourcePackage} ${source.debianVersion})`,
      step: 'verify',
      reason: `the build succeeded but did not install ${missing.join(', ')}`,
      log: { text: logText.join(''), file: logPath },
      fix: `the upstream build layout changed; adjust the '${recipe.name}' recipe in src/toolchain/static-deps-recipes.ts.`
    })
  }
  await fs.writeFile(logPath, logText.join(''))
  await fs.rm(srcDir, { recursive: true, force: true })
}

/** Drops libtool archives and makes every `.pc` file relative to its own directory. */
async function finishPrefix(stagedPrefix: string): Promise<void> {
  const libDir = path.join(stagedPrefix, 'lib')
  for (const entry of await fs.readdir(libDir)) {
    if (entry.endsWith('.la')) await fs.rm(path.join(libDir, entry))
  }
  const pcDir = path.join(libDir, 'pkgconfig')
  if (!existsSync(pcDir)) return
  for (const entry of await fs.readdir(pcDir)) {
    if (!entry.endsWith('.pc')) continue
    const file = path.join(pcDir, entry)
    const text = await fs.readFile(file, 'utf8')
    const relocated = text
      .replace(/^prefix=.*$/m, 'prefix=${pcfiledir}/../..')
      .split(CONFIGURED_PREFIX)
      .join('${prefix}')
    if (relocated.includes(stagedPrefix)) {
      throw new Error(`Static deps: ${entry} refers to the temporary build directory; the recipe leaks a path.`)
    }
    await fs.writeFile(file, relocated)
  }
}
