import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chosenSourceDateEpoch, sourceDateEpoch } from '../cache/source-date-epoch'
import { contentKey, sha256File } from '../cache/hash'
import { cachedEntry } from '../cache/cached-entry'
import { CPYTHON_BUILD } from '../cache/entry-kinds'
import { describeCommand, runChecked, runCommand } from '../exec/run'
import { FailedStepError, type FailedStep } from '../errors/failed-step'
import { linkerSearchDirs, resolveLibrary } from '../resolve/libraries'
import type { HostedTarget } from '../toolchain/select-toolchain'
import { linkHaclArchives, skipInstalledBytecode, versionConfigureArgs } from './configured-tree'
import { readInstallNames } from './install-names'
import { writeDistributionLayout } from './layout'
import { unpackSourceArchive } from './source-archive'
import { expandLinkWords } from './make-vars'
import { readDistribution, type Distribution } from './python-json'
import { parseSetup, renderSetupLocal } from './setup-local'
import { chooseStdlibModules, lines311, type ModuleChoice } from './stdlib-modules'
import { prepareBuildToolchain, type BuildToolchain } from '../toolchain/toolchain-env'
import { buildVersionLibraries, withVersionLibraries } from '../toolchain/version-static-libraries'
import { installMissingTestPackages, readPythonVersion, readTarballPythonVersion } from './source-tree'

/** The same CPython, built for the build machine: what a cross build runs its Python with. */
export interface BuildPython {
  /** The interpreter (runs on the build machine). */
  exe: string
  /** Its stdlib directory, where the target's sysconfig data is put for cross-compiling packages. */
  stdlib: string
  /** Its distribution's cache key. */
  key: string
}

/** How CPython is optimized: configure's --with-lto, and --enable-optimizations (PGO) on top. */
export type SourceOptimization = 'none' | 'lto' | 'pgo+lto'

/** configure's arguments for an optimization mode. */
export function optimizationConfigureArgs(optimization: SourceOptimization): string[] {
  if (optimization === 'none') return []
  // GCC's LTO objects in libpython.a stay "fat" (CPython adds -ffat-lto-objects), so the
  // final link, done without -flto, uses their ordinary machine code.
  return optimization === 'lto' ? ['--with-lto'] : ['--with-lto', '--enable-optimizations']
}

export interface SourceBuildRequest {
  /** A CPython source tarball (.tgz / .tar.xz) on disk. */
  tarball: string
  target: HostedTarget
  /** For a cross build: the same CPython built for this machine; null for a native build. */
  buildPython: BuildPython | null
  optimization: SourceOptimization
  /** The free-threaded build (`--disable-gil`, ABI `t`); absent or false for the default one. */
  freeThreaded?: boolean
  cacheRoot: string
  log: (line: string) => void
}

export interface BuiltDistribution {
  distribution: Distribution
  reused: boolean
  key: string
}

export class DistributionBuildError extends FailedStepError {
  constructor(step: string, tarball: string, failure: Pick<FailedStep, 'reason' | 'log'>) {
    super({
      input: path.basename(tarball),
      what: `Building CPython from ${path.basename(tarball)}`,
      step,
      ...failure,
      fix: 'install the toolchain packages with scripts/setup-system.sh, or pass --python-distribution a different tarball.'
    })
    this.name = 'DistributionBuildError'
  }
}

/**
 * Builds CPython from a source tarball into a statically linkable distribution
 * (python-build-standalone layout), or reuses the cached one with the same content key.
 */
export async function buildDistributionFromSource(request: SourceBuildRequest): Promise<BuiltDistribution> {
  const { tarball, target, cacheRoot, log } = request
  const tarballSha = await sha256File(tarball)
  const tarballVersion = await readTarballPythonVersion(tarball)
  const versionLibraries = tarballVersion ? await buildVersionLibraries(target, tarballVersion, cacheRoot, log) : null
  const toolchain = withVersionLibraries(await prepareBuildToolchain(target, cacheRoot, log), versionLibraries)
  const key = contentKey({
    recipe: CPYTHON_BUILD.recipeVersion,
    tarball: tarballSha,
    triple: target.triple,
    // Absent for `host` (and without glibc), so those builds keep their keys.
    glibcFloor: target.glibcFloor === 'host' ? undefined : (target.glibcFloor ?? undefined),
    compiler: toolchain.compilerVersion,
    staticDeps: toolchain.staticDepsKey,
    // Absent for versions that need no library beyond the base set, so their keys stay what they were.
    versionStaticDeps: versionLibraries?.key,
    // Absent (not null) for native builds, so their keys stay what they were.
    buildPython: request.buildPython?.key,
    // Absent for `none`, so unoptimized builds keep their keys.
    optimization: request.optimization === 'none' ? undefined : request.optimization,
    // Absent for the default build, so its keys stay what they were.
    freeThreaded: request.freeThreaded ? true : undefined,
    // Absent for releases that need nothing of their own.
    versionConfigure:
      tarballVersion && versionConfigureArgs(tarballVersion).length > 0
        ? versionConfigureArgs(tarballVersion)
        : undefined,
    sourceDateEpoch: chosenSourceDateEpoch()
  })
  const entry = await cachedEntry({
    kind: CPYTHON_BUILD,
    root: path.join(cacheRoot, 'python', key),
    describe: `CPython ${key} (${path.basename(tarball)}${request.freeThreaded ? ', free-threaded' : ''} for ${target.triple})`,
    // configure's --prefix (<entry>/install) is compiled into the interpreter and its sysconfig.
    buildInPlace: true,
    build: (root, work) => buildInto({ root, work, key, tarballSha, request, toolchain }),
    log
  })
  return { distribution: await readDistribution(entry.root), reused: entry.reused, key }
}

/** One CPython build in progress: the entry it fills, its scratch directory, the toolchain. */
interface CPythonBuild {
  /** The entry, also configure's prefix (`<root>/install`). */
  root: string
  /** The source tree and the build directory; the build log is kept there when a step fails. */
  work: string
  key: string
  tarballSha: string
  request: SourceBuildRequest
  toolchain: BuildToolchain
}

async function buildInto(build: CPythonBuild): Promise<void> {
  const { root, work, request } = build
  const { target, log } = request
  await mkdir(work, { recursive: true })
  // No clock and no build directory in what is compiled (__DATE__ in sys.version, __FILE__,
  // debug info): the same tarball gives the same objects on any day, in any cache.
  const toolchain = withReproducibleFlags(build.toolchain, work)
  const step = stepRunner(request.tarball, path.join(work, 'build.log'), log)
  const { srcDir, version } = await unpackSource(request.tarball, work)
  const buildDir = path.join(work, 'build')
  await mkdir(buildDir)
  log(`  CPython ${version}${request.freeThreaded ? ' (free-threaded)' : ''} for ${target.triple}`)
  await configure(build, toolchain, { srcDir, version }, buildDir, step)
  const names = await readInstallNames(buildDir)
  if ((await linkHaclArchives(buildDir)).length > 0) log('  HACL* modules linked with their static archives')
  const searchDirs = await linkerSearchDirs(target.toolchain, toolchain.libraryDirs)
  const choice = await writeSetupLocal(buildDir, names.minor, target, toolchain, searchDirs)
  await step('makesetup', 'make', ['Makefile'], buildDir, toolchain.env)
  await skipInstalledBytecode(buildDir)
  await step('make', 'make', ['-j2'], buildDir, toolchain.env)
  await step('make install', 'make', ['install'], buildDir, toolchain.env)
  const stdlib = path.join(root, 'install', names.stdlib)
  await installMissingTestPackages(srcDir, stdlib, log)
  if (!request.buildPython) {
    // A cross-built Python cannot run here: packages are built by the build machine's Python.
    const pythonExe = path.join(root, 'install', names.exe)
    await step('ensurepip', pythonExe, ['-m', 'ensurepip', '--default-pip'], root, toolchain.env)
    const tools = ['-m', 'pip', 'install', '-q', '--upgrade', 'pip', 'setuptools', 'wheel']
    await step('build tools', pythonExe, tools, root, toolchain.env)
  }
  await writeDistributionLayout({
    root,
    buildDir,
    srcDir,
    version,
    names,
    target,
    statics: choice.statics,
    shared: choice.shared,
    notBuilt: choice.notBuilt,
    sourceSha256: build.tarballSha,
    key: build.key,
    searchDirs
  })
}

type Step = (name: string, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) => Promise<void>

/** Runs one build step, its output appended to the build log; a failure names the step and shows the log's end. */
function stepRunner(tarball: string, logFile: string, log: (line: string) => void): Step {
  return async (name, command, args, cwd, env) => {
    log(`  ${name}`)
    const result = await runCommand({ command, args, cwd, env })
    await writeFile(logFile, `\n$ ${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`, { flag: 'a' })
    if (result.code !== 0) {
      throw new DistributionBuildError(name, tarball, {
        reason: `\`${describeCommand({ command, args })}\` exited with ${result.code}`,
        log: { text: result.stdout + result.stderr, file: logFile }
      })
    }
  }
}

/** The toolchain with SOURCE_DATE_EPOCH and the scratch directory mapped out of __FILE__ and debug info. */
function withReproducibleFlags(toolchain: BuildToolchain, work: string): BuildToolchain {
  return {
    ...toolchain,
    env: {
      ...toolchain.env,
      SOURCE_DATE_EPOCH: sourceDateEpoch(),
      // __FILE__ and debug info only (not -ffile-prefix-map, which would also rename PGO's profile paths).
      CFLAGS: [
        toolchain.env.CFLAGS,
        `-fmacro-prefix-map=${work}=/pyseal-cpython-build`,
        `-fdebug-prefix-map=${work}=/pyseal-cpython-build`
      ]
        .filter(Boolean)
        .join(' ')
    }
  }
}

async function unpackSource(tarball: string, work: string): Promise<{ srcDir: string; version: string }> {
  const srcDir = await unpackSourceArchive(tarball, work)
  if (!srcDir)
    throw new DistributionBuildError('unpack', tarball, {
      reason: 'the archive has no CPython source tree (no configure script)'
    })
  return { srcDir, version: await readPythonVersion(srcDir) }
}

/** configure, static modules, for the entry's prefix; for a cross build, with the build machine's Python. */
async function configure(
  build: CPythonBuild,
  toolchain: BuildToolchain,
  { srcDir, version }: { srcDir: string; version: string },
  buildDir: string,
  step: Step
): Promise<void> {
  const { root, work, request } = build
  const { target } = request
  let env = toolchain.env
  const configureArgs = [
    '--disable-shared',
    `--prefix=${path.join(root, 'install')}`,
    '--with-ensurepip=no',
    'MODULE_BUILDTYPE=static',
    ...optimizationConfigureArgs(request.optimization),
    ...(request.freeThreaded ? ['--disable-gil'] : []),
    ...versionConfigureArgs(version),
    ...toolchain.configureArgs
  ]
  const cross = request.buildPython
  if (cross) {
    if (!target.configureHost) throw new Error(`${target.triple} has no configure --host triplet for a cross build`)
    // Answers configure cannot find out by running a program for another machine.
    const configSite = path.join(work, 'config.site')
    await writeFile(configSite, 'ac_cv_file__dev_ptmx=yes\nac_cv_file__dev_ptc=no\nac_cv_buggy_getaddrinfo=no\n')
    env = { ...env, CONFIG_SITE: configSite }
    if (target.libc === 'musl') await muslTripletFromHost(srcDir)
    const buildTriplet = (await runChecked({ command: 'gcc', args: ['-dumpmachine'] })).stdout.trim()
    configureArgs.push(`--host=${target.configureHost}`, `--build=${buildTriplet}`, `--with-build-python=${cross.exe}`)
    request.log(`  cross build from ${buildTriplet}, running ${cross.exe}`)
  }
  await step('configure', path.join(srcDir, 'configure'), configureArgs, buildDir, env)
}

/**
 * CPython 3.11 and 3.12's configure call the platform triplet musl when the *build*
 * machine is musl (`case "$build_os"`), so a musl target cross-built here would get
 * glibc's triplet: the gnu target's extension suffix and sysconfig module name. It is
 * the host that counts (3.13 asks the compiler instead, and has no such test).
 */
async function muslTripletFromHost(srcDir: string): Promise<void> {
  const script = path.join(srcDir, 'configure')
  const text = await readFile(script, 'utf8')
  const test = 'case "$build_os" in\n  linux-musl*)'
  if (text.includes(test)) await writeFile(script, text.replace(test, 'case "$host_os" in\n  linux-musl*)'))
}

/** Chooses which stdlib modules are built in, shared or left out (by the libraries found), into Setup.local. */
async function writeSetupLocal(
  buildDir: string,
  minor: string,
  target: HostedTarget,
  toolchain: BuildToolchain,
  searchDirs: string[]
): Promise<ModuleChoice> {
  const setupStdlib = parseSetup(await readFile(path.join(buildDir, 'Modules', 'Setup.stdlib'), 'utf8'))
  const extra = minor === '3.11' ? lines311(target.libc === 'musl' ? null : toolchain.ffiIncludeDir) : []
  const candidates = [...setupStdlib.enabled, ...extra]
  const expanded = await expandLinkWords(buildDir, candidates)
  const choice = chooseStdlibModules(candidates, setupStdlib.commented, target, module =>
    (expanded.get(module.name) ?? [])
      .filter(w => w.startsWith('-l'))
      .map(w => w.slice(2))
      .filter(name => resolveLibrary(name, target.toolchain, searchDirs).kind === 'missing')
  )
  const disabled = choice.notBuilt.map(n => n.module)
  await writeFile(
    path.join(buildDir, 'Modules', 'Setup.local'),
    renderSetupLocal(choice.statics, choice.shared, disabled)
  )
  return choice
}
