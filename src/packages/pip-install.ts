import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { sourceDateEpoch } from '../cache/source-date-epoch'
import { runChecked, runCommand } from '../exec/run'
import type { Distribution } from '../distribution/python-json'
import { acceleratorEnv } from './accelerators'
import { cargoEnv, ensureRustTarget } from './cargo-env'
import { compilerWrapperEnv, compilerWrapperLinker, libraryShimEnv } from './capture-shim'
import { startLibraryServer } from '../libraries/library-server'
import { dropMachineRecords } from './machine-records'
import {
  MissingRequirementError,
  PackageBuildError,
  RustToolchainError,
  buildErrorLines,
  failedPackage,
  rustToolchainProblem
} from './pip-errors'
import type { PackageBuildRequest } from './build-packages'

// One `pip install --target` run from source, with the capture shim's compilers.

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
  'pip',
  'maturin',
  'setuptools-rust',
  'semantic-version'
]

export interface PipTarget {
  /** Where the distribution lies and where it was configured (its headers' paths as compilers see them). */
  prefixes: string[]
  siteDir: string
  captureDir: string
  logFile: string
}

/** `pip install --target` from source with the capture shim's compilers; a failure names the package. */
export async function pipInstall(request: PackageBuildRequest, into: PipTarget, what: string[]): Promise<void> {
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
  await ensureRustTarget(request.platformTag, request.log)
  const env: NodeJS.ProcessEnv = {
    ...request.env,
    ...acceleratorEnv(request.env),
    ...compilerWrapperEnv(request.env, request.cxx),
    ...(await cargoEnv(request.platformTag, compilerWrapperLinker(), request.cacheRoot)),
    PYSEAL_CAPTURE_DIR: into.captureDir,
    // The compiler wrapper maps the build directory and the cache root out of every
    // object (__FILE__, debug info): the same package gives the same bytes in any cache.
    PYSEAL_FILE_PREFIX_MAPS: [
      `${request.cacheRoot}=/pyseal-cache`,
      ...into.prefixes.map(prefix => `${prefix}=/pyseal-python`)
    ].join(path.delimiter),
    PIP_NO_INPUT: '1',
    // Without cargo maturin would ask for a Rust installer as a build dependency: a Rust
    // fetched unpinned into one package's build. pyseal uses the machine's and says when it is missing.
    MATURIN_NO_INSTALL_RUST: '1',
    SOURCE_DATE_EPOCH: sourceDateEpoch(),
    // pip's build environments keep using its wheel cache even with --no-cache-dir, and a
    // glibc build's cached wheel carries the same tag (linux_x86_64) as a musl one: one
    // cache per distribution keeps them apart.
    PIP_CACHE_DIR: path.join(request.cacheRoot, 'pip', distribution.json.pyseal?.key ?? 'default')
  }
  delete env.PYTHONPATH
  if (request.crossSysconfigName) env._PYTHON_SYSCONFIGDATA_NAME = request.crossSysconfigName
  // Libraries the packages ask for are built for the target while pip runs (library-server.ts).
  const libraryServer = request.libraries ? await startLibraryServer(request.libraries) : null
  if (libraryServer) Object.assign(env, libraryShimEnv(env, libraryServer.socket))
  const result = await runCommand({ command: python, args, env, cwd: project }).finally(() => libraryServer?.close())
  await writeFile(into.logFile, `$ ${python} ${args.join(' ')}\n${result.stdout}\n${result.stderr}`)
  if (result.code !== 0) {
    const output = result.stderr + result.stdout
    const noRust = rustToolchainProblem(output)
    if (noRust) throw new RustToolchainError(failedPackage(output, project), noRust, into.logFile)
    const missing = /No matching distribution found for (\S+)/.exec(output)?.[1]
    if (missing) throw new MissingRequirementError(missing, requirements, into.logFile)
    throw new PackageBuildError(failedPackage(output, project), buildErrorLines(output), into.logFile)
  }
  if (existsSync(into.siteDir)) await dropMachineRecords(into.siteDir)
}

/** The prefix the distribution was configured with, as its sysconfig says. */
export async function configuredPrefixes(buildDistribution: Distribution): Promise<string[]> {
  const python = path.join(buildDistribution.root, buildDistribution.json.python_exe)
  // sysconfig's prefix is where the distribution lies now; its INCLUDEPY keeps the prefix it
  // was configured with, which a build may still pass to the compiler (a cache entry copied
  // elsewhere): both map to one name.
  const script =
    'import os, sysconfig\n' +
    'print(sysconfig.get_config_var("prefix"))\n' +
    'print(os.path.dirname(os.path.dirname(sysconfig.get_config_var("INCLUDEPY"))))'
  const lines = (await runChecked({ command: python, args: ['-c', script] })).stdout.trim().split('\n')
  return [...new Set(lines.map(line => line.trim()).filter(line => line !== ''))]
}
