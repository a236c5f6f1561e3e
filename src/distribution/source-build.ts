import { existsSync } from 'node:fs'
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chosenSourceDateEpoch, sourceDateEpoch } from '../cache/source-date-epoch'
import { contentKey, sha256File } from '../cache/hash'
import { withCacheLock } from '../cache/lock'
import { describeCommand, runChecked, runCommand } from '../exec/run'
import { FailedStepError, type FailedStep } from '../errors/failed-step'
import { linkerSearchDirs, resolveLibrary } from '../resolve/libraries'
import type { HostedTarget } from '../toolchain/select-toolchain'
import { writeDistributionLayout } from './layout'
import { expandLinkWords } from './make-vars'
import { readDistribution, type Distribution } from './python-json'
import { parseSetup, renderSetupLocal } from './setup-local'
import { chooseStdlibModules, lines311 } from './stdlib-modules'
import { prepareBuildToolchain, type BuildToolchain } from '../toolchain/toolchain-env'

/** Bump when the way a distribution is built changes, so old cache entries are not reused. */
const RECIPE_VERSION = 7

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
 * (python-build-standalone layout, PYTHON.json last), or reuses the cached one
 * with the same content key.
 */
export async function buildDistributionFromSource(request: SourceBuildRequest): Promise<BuiltDistribution> {
  const { tarball, target, cacheRoot, log } = request
  const tarballSha = await sha256File(tarball)
  const toolchain = await prepareBuildToolchain(target, cacheRoot, log)
  const key = contentKey({
    recipe: RECIPE_VERSION,
    tarball: tarballSha,
    triple: target.triple,
    compiler: toolchain.compilerVersion,
    staticDeps: toolchain.staticDepsKey,
    // Absent (not null) for native builds, so their keys stay what they were.
    buildPython: request.buildPython?.key,
    // Absent for `none`, so unoptimized builds keep their keys.
    optimization: request.optimization === 'none' ? undefined : request.optimization,
    sourceDateEpoch: chosenSourceDateEpoch()
  })
  const root = path.join(cacheRoot, 'python', key)
  if (existsSync(path.join(root, 'PYTHON.json'))) {
    return { distribution: await readDistribution(root), reused: true, key }
  }
  return withCacheLock(
    `${root}.lock`,
    async () =>
      existsSync(path.join(root, 'PYTHON.json'))
        ? { distribution: await readDistribution(root), reused: true, key }
        : buildInto(root, key, tarballSha, request, toolchain),
    () => log(`  waiting for another pyseal process building ${root}`)
  )
}

async function buildInto(
  root: string,
  key: string,
  tarballSha: string,
  request: SourceBuildRequest,
  buildToolchain: BuildToolchain
): Promise<BuiltDistribution> {
  const { tarball, target, log } = request
  let toolchain = buildToolchain
  await rm(root, { recursive: true, force: true })
  const work = `${root}.work`
  await rm(work, { recursive: true, force: true })
  await mkdir(work, { recursive: true })
  const logFile = path.join(work, 'build.log')
  // No clock and no build directory in what is compiled (__DATE__ in sys.version, __FILE__,
  // debug info): the same tarball gives the same objects on any day, in any cache.
  toolchain = {
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
  const step = async (name: string, command: string, args: string[], cwd: string): Promise<void> => {
    log(`  ${name}`)
    const result = await runCommand({ command, args, cwd, env: toolchain.env })
    await writeFile(logFile, `\n$ ${command} ${args.join(' ')}\n${result.stdout}${result.stderr}`, { flag: 'a' })
    if (result.code !== 0) {
      throw new DistributionBuildError(name, tarball, {
        reason: `\`${describeCommand({ command, args })}\` exited with ${result.code}`,
        log: { text: result.stdout + result.stderr, file: logFile }
      })
    }
  }

  await runChecked({ command: 'tar', args: ['-xf', tarball, '-C', work] })
  const top = (await readdir(work)).find(name => existsSync(path.join(work, name, 'configure')))
  if (!top)
    throw new DistributionBuildError('unpack', tarball, {
      reason: 'the archive has no CPython source tree (no configure script)'
    })
  const srcDir = path.join(work, top)
  const version = await readPythonVersion(srcDir)
  const buildDir = path.join(work, 'build')
  await mkdir(buildDir)
  log(`  CPython ${version} for ${target.triple}`)

  const configureArgs = [
    '--disable-shared',
    `--prefix=${path.join(root, 'install')}`,
    '--with-ensurepip=no',
    'MODULE_BUILDTYPE=static',
    ...optimizationConfigureArgs(request.optimization),
    ...toolchain.configureArgs
  ]
  const cross = request.buildPython
  if (cross) {
    if (!target.configureHost) throw new Error(`${target.triple} has no configure --host triplet for a cross build`)
    // Answers configure cannot find out by running a program for another machine.
    const configSite = path.join(work, 'config.site')
    await writeFile(configSite, 'ac_cv_file__dev_ptmx=yes\nac_cv_file__dev_ptc=no\nac_cv_buggy_getaddrinfo=no\n')
    toolchain = { ...toolchain, env: { ...toolchain.env, CONFIG_SITE: configSite } }
    const buildTriplet = (await runChecked({ command: 'gcc', args: ['-dumpmachine'] })).stdout.trim()
    configureArgs.push(`--host=${target.configureHost}`, `--build=${buildTriplet}`, `--with-build-python=${cross.exe}`)
    log(`  cross build from ${buildTriplet}, running ${cross.exe}`)
  }
  await step('configure', path.join(srcDir, 'configure'), configureArgs, buildDir)

  const searchDirs = await linkerSearchDirs(target.toolchain, toolchain.libraryDirs)
  const setupStdlib = parseSetup(await readFile(path.join(buildDir, 'Modules', 'Setup.stdlib'), 'utf8'))
  const minor = version.split('.').slice(0, 2).join('.')
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
  await step('makesetup', 'make', ['Makefile'], buildDir)
  await step('make', 'make', ['-j2'], buildDir)
  await step('make install', 'make', ['install'], buildDir)
  await installMissingTestPackages(srcDir, path.join(root, 'install', 'lib', `python${minor}`), log)

  if (!cross) {
    // A cross-built Python cannot run here: packages are built by the build machine's Python.
    const pythonExe = path.join(root, 'install', 'bin', `python${minor}`)
    await step('ensurepip', pythonExe, ['-m', 'ensurepip', '--default-pip'], root)
    await step(
      'build tools',
      pythonExe,
      ['-m', 'pip', 'install', '-q', '--upgrade', 'pip', 'setuptools', 'wheel'],
      root
    )
  }
  await writeDistributionLayout({
    root,
    buildDir,
    srcDir,
    version,
    target,
    statics: choice.statics,
    shared: choice.shared,
    notBuilt: choice.notBuilt,
    sourceSha256: tarballSha,
    key,
    searchDirs
  })
  if (cross) await shareSysconfigData(path.join(root, 'install', 'lib', `python${minor}`), cross.stdlib, log)
  await rm(work, { recursive: true, force: true })
  return { distribution: await readDistribution(root), reused: false, key }
}

/**
 * Puts the target's `_sysconfigdata_*.py` into the build machine's stdlib, where
 * `_PYTHON_SYSCONFIGDATA_NAME` makes setuptools compile for the target (its CC,
 * flags, headers and extension suffix) while pip and the build tools run here.
 */
async function shareSysconfigData(
  targetStdlib: string,
  buildStdlib: string,
  log: (line: string) => void
): Promise<void> {
  const file = `${await sysconfigDataName(targetStdlib)}.py`
  log(`  ${file} shared with the build machine's Python`)
  await cp(path.join(targetStdlib, file), path.join(buildStdlib, file))
}

/** The sysconfig data module name of a distribution (what `_PYTHON_SYSCONFIGDATA_NAME` takes). */
export async function sysconfigDataName(stdlib: string): Promise<string> {
  const name = (await readdir(stdlib)).find(n => /^_sysconfigdata_.*\.py$/.test(n))
  if (!name) throw new Error(`${stdlib} has no _sysconfigdata_*.py`)
  return name.replace(/\.py$/, '')
}

/**
 * Some releases' `make install` forgets test packages (3.11.2 leaves out
 * test_sqlite3: it is missing from the Makefile's TESTSUBDIRS); copy what the
 * source tree has so `--stdlib-exclude none` really holds the whole test suite.
 */
async function installMissingTestPackages(srcDir: string, stdlib: string, log: (line: string) => void): Promise<void> {
  const source = path.join(srcDir, 'Lib', 'test')
  const installed = path.join(stdlib, 'test')
  if (!existsSync(installed)) return
  for (const entry of await readdir(source, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('test_') && !existsSync(path.join(installed, entry.name))) {
      log(`  installing ${entry.name}, which make install left out`)
      await cp(path.join(source, entry.name), path.join(installed, entry.name), { recursive: true })
    }
  }
}

async function readPythonVersion(srcDir: string): Promise<string> {
  const header = await readFile(path.join(srcDir, 'Include', 'patchlevel.h'), 'utf8')
  const match = /#define\s+PY_VERSION\s+"([^"]+)"/.exec(header)
  if (!match) throw new Error(`${srcDir}/Include/patchlevel.h has no PY_VERSION`)
  return match[1]
}
