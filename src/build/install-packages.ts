import { existsSync } from 'node:fs'
import { appendFile, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { contentKey } from '../cache/hash'
import { chosenSourceDateEpoch, sourceDateEpoch } from '../cache/source-date-epoch'
import { verifyEntry, writeEntryManifest } from '../cache/entry-manifest'
import { withCacheLock } from '../cache/lock'
import { runChecked, runCommand } from '../exec/run'
import { packageRoot } from '../package-root'
import type { Distribution } from '../distribution/python-json'
import { readCapture, type CaptureResult } from './capture-records'
import { staticDependencies } from './project-dependencies'
import { copyProjectTree, hashTree } from './project-tree'

/**
 * Build tools taken as wheels even though everything else is built from source:
 * they compile nothing into the app, and building them from source (Cython above
 * all) would cost minutes per build.
 */
export const BUILD_TOOLS_AS_WHEELS = [
  'setuptools',
  'wheel',
  'cython',
  'setuptools-scm',
  'flit-core',
  'hatchling',
  'hatch-vcs',
  'hatch-fancy-pypi-readme',
  'poetry-core',
  'pdm-backend',
  'meson-python',
  'meson',
  'ninja',
  'cmake',
  'scikit-build-core',
  'packaging',
  'pathspec',
  'pluggy',
  'trove-classifiers',
  'editables',
  'tomli',
  'typing-extensions',
  'calver',
  'pycparser',
  'pip'
]

/** Bump when the way packages are built changes, so old cache entries are not reused. */
const PACKAGE_RECIPE_VERSION = 5

export interface PackageBuildRequest {
  distribution: Distribution
  /** The distribution whose Python runs pip here (for a cross build, this machine's twin of `distribution`). */
  buildDistribution: Distribution
  /** For a cross build: the target's sysconfig data module, which makes setuptools compile for the target. */
  crossSysconfigName: string | null
  project: string
  requirements: string[]
  cacheRoot: string
  /** Environment for compilers (the target's toolchain). */
  env: NodeJS.ProcessEnv
  /** The platform part of extension file names for the target, e.g. `x86_64-linux-musl`. */
  platformTag: string
  /** The target's C++ compiler (null: none for this target); the C compiler is env.CC. */
  cxx: string | null
  log: (line: string) => void
}

/** An extension module file pip installed, by dotted name. */
export interface InstalledExtension {
  module: string
  /** Path relative to the site directory. */
  file: string
  /** The distribution whose dist-info RECORD lists the file, when one does, and its version. */
  distribution: string | null
  version?: string | null
}

export interface BuiltPackages {
  key: string
  reused: boolean
  /** The app and its dependencies, installed (pure Python, data, dist-info, and the .so files). */
  siteDir: string
  captureDir: string
  capture: CaptureResult
  installed: InstalledExtension[]
  /** How many of the captured extension modules were compiled by this build (none when everything came from the cache). */
  compiled: number
}

export class PackageBuildError extends Error {
  constructor(
    readonly packageName: string,
    detail: string,
    logFile: string
  ) {
    super(
      `Building ${packageName} from source failed.\n${detail}\nFull log: ${logFile}\n` +
        `Fix the build of ${packageName} (missing headers or libraries are the usual cause: install its -dev packages), ` +
        'or remove it from the requirements.'
    )
    this.name = 'PackageBuildError'
  }
}

/** Installs the project and its requirements from source, capturing every extension's objects; cached by content. */
export async function buildPackages(request: PackageBuildRequest): Promise<BuiltPackages> {
  const { project, cacheRoot } = request
  const keyParts = await sharedKeyParts(request)
  const key = contentKey({ ...keyParts, project: await hashTree(project) })
  const root = path.join(cacheRoot, 'packages', key)
  const siteDir = path.join(root, 'site')
  const captureDir = path.join(root, 'capture')
  const reuse = async (): Promise<BuiltPackages> => ({
    key,
    reused: true,
    siteDir,
    captureDir,
    capture: await readCapture(captureDir),
    installed: await findExtensionFiles(siteDir, request.platformTag),
    compiled: 0
  })
  if (await intactEntry(root, `packages ${key}`, request.log)) return reuse()
  return withCacheLock(`${root}.lock`, async () => {
    if (await intactEntry(root, `packages ${key}`, request.log)) return reuse()
    return installInto(request, key, root, keyParts)
  })
}

/** What the project's entry and its dependency layer are both keyed on (everything but the project's code). */
async function sharedKeyParts(request: PackageBuildRequest): Promise<Record<string, unknown>> {
  const { distribution, requirements, cacheRoot } = request
  return {
    distribution: distribution.json.pyseal?.key ?? distribution.root,
    requirements: await Promise.all(requirements.map(r => readFile(r, 'utf8'))),
    shim: await hashTree(path.join(packageRoot(), 'python', 'pyseal_capture')),
    tools: BUILD_TOOLS_AS_WHEELS,
    // The C++ driver, named the same in every cache root (zig's carries its version in its path).
    cxx: request.cxx && path.isAbsolute(request.cxx) ? path.relative(cacheRoot, request.cxx) : request.cxx,
    recipe: PACKAGE_RECIPE_VERSION,
    epoch: chosenSourceDateEpoch()
  }
}

/** A finished entry is reused only while it matches the manifest written when it was finished. */
async function intactEntry(root: string, what: string, log: (line: string) => void): Promise<boolean> {
  if (!existsSync(path.join(root, 'build.json'))) return false
  const problem = await verifyEntry(root)
  if (problem) log(`  cached ${what} are damaged (${problem}): building them again`)
  return problem === null
}

async function installInto(
  request: PackageBuildRequest,
  key: string,
  root: string,
  keyParts: Record<string, unknown>
): Promise<BuiltPackages> {
  const { project, requirements, log } = request
  const siteDir = path.join(root, 'site')
  const captureDir = path.join(root, 'capture')
  const doneMarker = path.join(root, 'build.json')
  await rm(root, { recursive: true, force: true })
  await mkdir(captureDir, { recursive: true })
  await installCaptureShim(request.buildDistribution)
  const pip = { prefix: await configuredPrefix(request.buildDistribution) }

  const projectCopy = path.join(root, 'project', path.basename(project))
  await copyProjectTree(project, projectCopy)
  const requirementArgs = requirements.flatMap(r => ['-r', r])
  const dependencies = await staticDependencies(project)
  let fromCache = 0
  if (dependencies === null) {
    log(
      `  pip install (from source) ${path.basename(project)}${requirements.length ? ' + ' + requirements.map(r => path.basename(r)).join(', ') : ''}` +
        ' (its dependencies are not static in pyproject.toml: they are built with it)'
    )
    await pipInstall(request, { ...pip, siteDir, captureDir, logFile: path.join(root, 'pip.log') }, [
      projectCopy,
      ...requirementArgs
    ])
  } else {
    const layer =
      dependencies.length + requirements.length > 0
        ? await buildDependencyLayer(request, dependencies, keyParts, pip.prefix)
        : null
    log(`  pip install (from source) ${path.basename(project)}, without its dependencies`)
    await pipInstall(request, { ...pip, siteDir, captureDir, logFile: path.join(root, 'pip.log') }, [
      '--no-deps',
      projectCopy
    ])
    if (layer) {
      await mergeDependencyLayer(layer.root, root)
      if (layer.reused) fromCache = (await readCapture(path.join(layer.root, 'capture'))).records.length
    }
  }

  const capture = await readCapture(captureDir)
  const installed = await findExtensionFiles(siteDir, request.platformTag)
  await writeFile(doneMarker, JSON.stringify({ key, records: capture.records.length }, null, 2) + '\n')
  await writeEntryManifest(root)
  return { key, reused: false, siteDir, captureDir, capture, installed, compiled: capture.records.length - fromCache }
}

async function configuredPrefix(buildDistribution: Distribution): Promise<string> {
  const python = path.join(buildDistribution.root, buildDistribution.json.python_exe)
  const script = 'import sysconfig; print(sysconfig.get_config_var("prefix"))'
  return (await runChecked({ command: python, args: ['-c', script] })).stdout.trim()
}

/** The capture shim goes into the build Python's site-packages, so every build backend's compiler calls meet it. */
async function installCaptureShim(buildDistribution: Distribution): Promise<void> {
  const python = path.join(buildDistribution.root, buildDistribution.json.python_exe)
  const purelib = path.join(buildDistribution.root, String(buildDistribution.json.python_paths.purelib ?? ''))
  await runChecked({
    command: python,
    args: ['-m', 'pyseal_capture', 'install', '--site-packages', purelib],
    env: { ...process.env, PYTHONPATH: path.join(packageRoot(), 'python') }
  })
}

/**
 * The requirements files and the project's own dependencies, built from source
 * once and cached by what they are, not by the project's code: the project's own
 * layer is rebuilt on every change to it, this one only when they change.
 */
async function buildDependencyLayer(
  request: PackageBuildRequest,
  dependencies: string[],
  keyParts: Record<string, unknown>,
  prefix: string
): Promise<{ root: string; reused: boolean }> {
  const { requirements, cacheRoot, log } = request
  const key = contentKey({ ...keyParts, layer: 'dependencies', dependencies })
  const root = path.join(cacheRoot, 'packages', key)
  const doneMarker = path.join(root, 'build.json')
  const names = [...dependencies, ...requirements.map(r => path.basename(r))].join(', ')
  if (await intactEntry(root, `dependencies ${key}`, log)) {
    log(`  reused cached dependencies ${key} (${names})`)
    return { root, reused: true }
  }
  return withCacheLock(`${root}.lock`, async () => {
    if (await intactEntry(root, `dependencies ${key}`, log)) return { root, reused: true }
    await rm(root, { recursive: true, force: true })
    const captureDir = path.join(root, 'capture')
    await mkdir(captureDir, { recursive: true })
    log(`  pip install (from source) the dependencies: ${names}`)
    const into = { prefix, siteDir: path.join(root, 'site'), captureDir, logFile: path.join(root, 'pip.log') }
    await pipInstall(request, into, [...dependencies, ...requirements.flatMap(r => ['-r', r])])
    const records = (await readCapture(captureDir)).records.length
    await writeFile(doneMarker, JSON.stringify({ key, records }, null, 2) + '\n')
    await writeEntryManifest(root)
    return { root, reused: false }
  })
}

/**
 * Adds the dependency layer to the project's entry: its installed files (the
 * project's own win), its captured objects, and its capture records, pointed at
 * this entry's copies so the entry stands alone in any cache.
 */
async function mergeDependencyLayer(layerRoot: string, root: string): Promise<void> {
  if (existsSync(path.join(layerRoot, 'site'))) {
    await cp(path.join(layerRoot, 'site'), path.join(root, 'site'), {
      recursive: true,
      force: false,
      errorOnExist: false
    })
  }
  const from = path.join(layerRoot, 'capture')
  const to = path.join(root, 'capture')
  if (existsSync(path.join(from, 'objects'))) {
    await cp(path.join(from, 'objects'), path.join(to, 'objects'), {
      recursive: true,
      force: false,
      errorOnExist: false
    })
  }
  const oldPrefix = JSON.stringify(from + path.sep).slice(1, -1)
  const newPrefix = JSON.stringify(to + path.sep).slice(1, -1)
  for (const kind of ['records', 'intended']) {
    const dir = path.join(from, kind)
    if (!existsSync(dir)) continue
    await mkdir(path.join(to, kind), { recursive: true })
    for (const name of await readdir(dir)) {
      const target = path.join(to, kind, name)
      if (existsSync(target)) continue
      const text = await readFile(path.join(dir, name), 'utf8')
      await writeFile(target, text.split(oldPrefix).join(newPrefix))
    }
  }
  const skipped = path.join(from, 'skipped.jsonl')
  if (existsSync(skipped)) await appendFile(path.join(to, 'skipped.jsonl'), await readFile(skipped, 'utf8'))
}

interface PipTarget {
  /** The prefix the distribution was configured with (its headers' path as compilers see it). */
  prefix: string
  siteDir: string
  captureDir: string
  logFile: string
}

/** `pip install --target` from source with the capture shim's compilers; a failure names the package. */
async function pipInstall(request: PackageBuildRequest, into: PipTarget, what: string[]): Promise<void> {
  const { distribution, buildDistribution, project, requirements } = request
  const python = path.join(buildDistribution.root, buildDistribution.json.python_exe)
  const args = [
    '-m',
    'pip',
    'install',
    '--no-cache-dir',
    '--disable-pip-version-check',
    '--no-compile',
    '--no-warn-script-location',
    '--no-binary',
    ':all:',
    '--only-binary',
    BUILD_TOOLS_AS_WHEELS.join(','),
    '--target',
    into.siteDir,
    ...what
  ]
  const env: NodeJS.ProcessEnv = {
    ...request.env,
    ...compilerWrapperEnv(request.env, request.cxx),
    PYSEAL_CAPTURE_DIR: into.captureDir,
    // The compiler wrapper maps the build directory and the cache root out of every
    // object (__FILE__, debug info): the same package gives the same bytes in any cache.
    PYSEAL_FILE_PREFIX_MAPS: [`${request.cacheRoot}=/pyseal-cache`, `${into.prefix}=/pyseal-python`].join(
      path.delimiter
    ),
    PIP_NO_INPUT: '1',
    SOURCE_DATE_EPOCH: sourceDateEpoch(),
    // pip's build environments keep using its wheel cache even with --no-cache-dir, and a
    // glibc build's cached wheel carries the same tag (linux_x86_64) as a musl one: one
    // cache per distribution keeps them apart.
    PIP_CACHE_DIR: path.join(request.cacheRoot, 'pip', distribution.json.pyseal?.key ?? 'default')
  }
  delete env.PYTHONPATH
  if (request.crossSysconfigName) env._PYTHON_SYSCONFIGDATA_NAME = request.crossSysconfigName
  const result = await runCommand({ command: python, args, env, cwd: project })
  await writeFile(into.logFile, `$ ${python} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`)
  if (result.code !== 0) {
    const output = result.stderr + result.stdout
    const missing = /No matching distribution found for (\S+)/.exec(output)?.[1]
    if (missing) {
      const where = requirements.length > 0 ? requirements.join(', ') : "the project's dependencies"
      throw new Error(
        `requirement ${missing} is not on the package index (pip found no matching distribution): ` +
          `check its name and version in ${where}. Full log: ${into.logFile}`
      )
    }
    throw new PackageBuildError(failedPackage(output, project), buildErrorLines(output), into.logFile)
  }
  if (existsSync(into.siteDir)) await dropMachineRecords(into.siteDir)
}

/**
 * What pip records that names this machine rather than the package: `direct_url.json`
 * (PEP 610: for pyseal, the project's copy in the cache) and RECORD lines for files
 * outside the site directory (console scripts, whose first line names the cache's
 * Python). Neither is in the binary; both would make it differ per cache directory.
 * They go, RECORD lines and all.
 */
async function dropMachineRecords(siteDir: string): Promise<void> {
  for (const entry of await readdir(siteDir)) {
    if (!entry.endsWith('.dist-info')) continue
    const directUrl = path.join(siteDir, entry, 'direct_url.json')
    if (existsSync(directUrl)) await rm(directUrl)
    const record = path.join(siteDir, entry, 'RECORD')
    if (!existsSync(record)) continue
    const lines = (await readFile(record, 'utf8')).split('\n')
    const kept = lines.filter(l => !l.startsWith(`${entry}/direct_url.json,`) && !l.startsWith('../'))
    if (kept.length !== lines.length) await writeFile(record, kept.join('\n'))
  }
}

/**
 * Builds that never touch distutils (meson-python, scikit-build-core, custom
 * commands) are caught by pointing CC/CXX/LDSHARED at the capture shim's compiler
 * wrapper, which runs the real compiler and records shared-object links.
 */
export function compilerWrapperEnv(env: NodeJS.ProcessEnv, cxx: string | null): NodeJS.ProcessEnv {
  const bin = path.join(packageRoot(), 'python', 'pyseal_capture', 'bin')
  const realCc = env.CC ?? 'cc'
  return {
    CC: path.join(bin, 'pyseal-cc'),
    CXX: path.join(bin, 'pyseal-c++'),
    LDSHARED: `${path.join(bin, 'pyseal-cc')} -shared`,
    LDCXXSHARED: `${path.join(bin, 'pyseal-c++')} -shared`,
    PYSEAL_REAL_CC: realCc,
    PYSEAL_REAL_CXX: cxx ?? 'c++'
  }
}

/** The compiler's and pip's error lines, which say why; the log keeps the rest. */
export function buildErrorLines(output: string): string {
  const lines = output.split('\n').map(l => l.trim())
  const errors = lines.filter(l => /(^|\s)(error|ERROR)[:\s]/.test(l) && !l.startsWith('error: subprocess-exited'))
  return (errors.length > 0 ? errors.slice(0, 12) : lines.filter(l => l !== '').slice(-15)).join('\n')
}

/** Names the package pip was building when it failed. */
export function failedPackage(output: string, project: string): string {
  const patterns = [
    /Failed building wheel for ([\w.-]+)/,
    /Failed to build installable wheels for some pyproject\.toml based projects\s*\S*\s*([\w.-]+)/,
    /Building wheel for ([\w.-]+) \(pyproject\.toml\) did not run successfully/,
    /Getting requirements to build wheel did not run successfully[\s\S]*?for ([\w.-]+)/,
    /No matching distribution found for ([\w.-]+)/,
    /Could not find a version that satisfies the requirement ([\w.-]+)/
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(output)
    if (match) return match[1]
  }
  return path.basename(project)
}

const EXTENSION_FILE = /^(.+?)(\.cpython-[^.]+|\.abi3)?\.(so|pyd)$/

/**
 * Every compiled extension module file below the site directory, as a dotted
 * module name. A file tagged for another platform (`.cpython-311-x86_64-linux-gnu.so`
 * in a musl build) is a stale in-tree build/ copy that setuptools packed along,
 * never something this build compiled: it is skipped.
 */
export async function findExtensionFiles(siteDir: string, platformTag: string): Promise<InstalledExtension[]> {
  const found: InstalledExtension[] = []
  const walk = async (dir: string): Promise<void> => {
    if (!existsSync(dir)) return
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else {
        const match = EXTENSION_FILE.exec(entry.name)
        if (!match) continue
        if (match[2]?.startsWith('.cpython-') && !match[2].endsWith(`-${platformTag}`)) continue
        const relative = path.relative(siteDir, full)
        const parts = path.dirname(relative) === '.' ? [] : path.dirname(relative).split(path.sep)
        if (parts.some(p => p.endsWith('.libs') || p.includes('-') || p.includes('.'))) continue
        found.push({ module: [...parts, match[1]].join('.'), file: relative, distribution: null })
      }
    }
  }
  await walk(siteDir)
  const owners = await recordOwners(siteDir)
  for (const extension of found) {
    const owner = owners.get(extension.file)
    extension.distribution = owner?.name ?? null
    extension.version = owner?.version ?? null
  }
  return found.sort((a, b) => (a.module < b.module ? -1 : 1))
}

/** File (relative to the site directory) → the distribution (name, version) whose dist-info RECORD lists it. */
async function recordOwners(siteDir: string): Promise<Map<string, { name: string; version: string }>> {
  const owners = new Map<string, { name: string; version: string }>()
  if (!existsSync(siteDir)) return owners
  for (const entry of await readdir(siteDir)) {
    const match = /^(.+?)-([^-]+)\.dist-info$/.exec(entry)
    const record = path.join(siteDir, entry, 'RECORD')
    if (!match || !existsSync(record)) continue
    for (const line of (await readFile(record, 'utf8')).split('\n')) {
      const file = line.split(',')[0]
      if (file) owners.set(path.normalize(file), { name: match[1], version: match[2] })
    }
  }
  return owners
}
