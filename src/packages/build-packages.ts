import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { contentKey } from '../cache/hash'
import { chosenSourceDateEpoch } from '../cache/source-date-epoch'
import { cachedEntry } from '../cache/cached-entry'
import { PACKAGES } from '../cache/entry-kinds'
import { packageRoot } from '../utils/package-root'
import type { Distribution } from '../distribution/python-json'
import type { LibraryProvider } from '../libraries/library-provider'
import { acceleratorEnv } from './accelerators'
import { installCaptureShim } from './capture-shim'
import { readCapture, type CaptureResult } from './capture-records'
import { buildDependencyLayer, mergeDependencyLayer } from './dependency-layer'
import { findExtensionFiles, type InstalledExtension } from './installed-extensions'
import { nameRecordsByInstalledFiles } from './record-names'
import { BUILD_TOOLS_AS_WHEELS, configuredPrefixes, pipInstall } from './pip-install'
import { staticDependencies } from './project-dependencies'
import { copyProjectTree, hashTree } from './project-tree'

// The packages stage: the app and its requirements installed from source with the
// capture shim, every extension module's objects recorded; cached by content, the
// dependencies in a layer of their own (dependency-layer.ts).

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
  /** Builds the libraries packages ask for, for the target (null: the machine's libraries are used). */
  libraries: LibraryProvider | null
  log: (line: string) => void
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
  /** The provider that built the libraries the packages asked for (the request's). */
  libraries: LibraryProvider | null
}

/** Installs the project and its requirements from source, capturing every extension's objects; cached by content. */
export async function buildPackages(request: PackageBuildRequest): Promise<BuiltPackages> {
  const { project, cacheRoot } = request
  const keyParts = await sharedKeyParts(request)
  const key = contentKey({ ...keyParts, project: await hashTree(project) })
  let compiled = 0
  const entry = await cachedEntry({
    kind: PACKAGES,
    root: path.join(cacheRoot, 'packages', key),
    // Capture records name the objects by absolute path, inside the entry.
    buildInPlace: true,
    build: async root => {
      compiled = await installInto(request, key, root, keyParts)
    },
    log: request.log
  })
  const siteDir = path.join(entry.root, 'site')
  const captureDir = path.join(entry.root, 'capture')
  const installed = await findExtensionFiles(siteDir, request.platformTag)
  const capture = await readCapture(captureDir)
  capture.records = await nameRecordsByInstalledFiles(capture.records, installed, siteDir)
  return { key, reused: entry.reused, siteDir, captureDir, capture, installed, compiled, libraries: request.libraries }
}

/** What the project's entry and its dependency layer are both keyed on (everything but the project's code). */
async function sharedKeyParts(request: PackageBuildRequest): Promise<Record<string, unknown>> {
  const { distribution, requirements, cacheRoot } = request
  return {
    distribution: distribution.json.pyseal?.key ?? distribution.root,
    requirements: await Promise.all(requirements.map(r => readFile(r, 'utf8'))),
    shim: await hashTree(path.join(packageRoot(), 'python', 'pyseal_capture')),
    tools: BUILD_TOOLS_AS_WHEELS,
    accelerators: acceleratorEnv(request.env),
    // The C++ driver, named the same in every cache root (zig's carries its version in its path).
    cxx: request.cxx && path.isAbsolute(request.cxx) ? path.relative(cacheRoot, request.cxx) : request.cxx,
    recipe: PACKAGES.recipeVersion,
    libraries: request.libraries?.identity,
    epoch: chosenSourceDateEpoch()
  }
}

/** Fills the entry; returns how many of its extension modules were compiled now (not taken from the dependency layer's cache). */
async function installInto(
  request: PackageBuildRequest,
  key: string,
  root: string,
  keyParts: Record<string, unknown>
): Promise<number> {
  const { project, requirements, log } = request
  const siteDir = path.join(root, 'site')
  const captureDir = path.join(root, 'capture')
  await mkdir(captureDir, { recursive: true })
  await installCaptureShim(request.buildDistribution)
  const pip = { prefixes: await configuredPrefixes(request.buildDistribution) }

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
        ? await buildDependencyLayer(request, dependencies, keyParts, pip.prefixes)
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

  const records = (await readCapture(captureDir)).records.length
  await writeFile(path.join(root, 'build.json'), JSON.stringify({ key, records }, null, 2) + '\n')
  return records - fromCache
}
