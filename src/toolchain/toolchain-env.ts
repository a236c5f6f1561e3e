import { existsSync } from 'node:fs'
import path from 'node:path'
import { runCommand } from '../exec/run'
import { shellQuote } from '../exec/shell-quote'
import type { HostedTarget } from './select-toolchain'
import type { Target } from '../targets/table'
import { muslToolchainEnv } from './musl-kernel-headers'
import { ensureZigCxx } from './zig'
import { buildStaticDeps } from './static-deps'
import { UserError } from '../errors/user-error'
import { writeScript } from './write-script'
import { floorRecipes } from './floor-toolchain'
import { staticDepsCompilerChoice } from './static-deps-compiler-choice'

/** What building CPython (and later the app's extensions) for a target needs on this machine. */
export interface BuildToolchain {
  env: NodeJS.ProcessEnv
  configureArgs: string[]
  /** Extra directories with static archives for this target (musl, a glibc floor: the static-deps prefix). */
  libraryDirs: string[]
  ffiIncludeDir: string | null
  compilerVersion: string
  staticDepsKey: string | null
  /** The C++ compiler driver for the target (also the link driver when C++ objects are linked), or null. */
  cxx: string | null
}

const prepared = new Map<string, Promise<BuildToolchain>>()

/** The toolchain for a target, prepared once per process (musl and a glibc floor build their static libraries). */
export function prepareBuildToolchain(
  target: HostedTarget,
  cacheRoot: string,
  log: (line: string) => void
): Promise<BuildToolchain> {
  const key = `${target.triple}\0${target.glibcFloor}\0${cacheRoot}`
  let toolchain = prepared.get(key)
  if (!toolchain) {
    toolchain = prepareUncached(target, cacheRoot, log)
    toolchain.catch(() => prepared.delete(key))
    prepared.set(key, toolchain)
  }
  return toolchain
}

async function prepareUncached(
  target: HostedTarget,
  cacheRoot: string,
  log: (line: string) => void
): Promise<BuildToolchain> {
  const compilerVersion = await firstLine(target.toolchain.cc, ['--version'])
  const compiler = await staticDepsCompilerChoice(target, cacheRoot)
  if (compiler && (compiler.zig || compiler.glibc)) {
    // zig's drivers (a glibc floor, a musl target built through zig): the floor's recipe set.
    const deps = await buildStaticDeps({ ...compiler, cacheRoot, recipes: floorRecipes(target), log })
    return staticDepsToolchain(target, deps.prefix, compilerVersion)
  }
  if (compiler) {
    const deps = await buildStaticDeps({ ...compiler, cacheRoot, log })
    if (deps.kernelHeaders === null) throw new Error('musl static libraries come with their kernel headers')
    const env = { ...process.env, ...muslToolchainEnv(deps.prefix, deps.kernelHeaders) }
    env.CC = await muslCompilerWrapper(cacheRoot, target.toolchain.cc)
    return {
      cxx: await targetCxx(target, cacheRoot, log),
      env,
      configureArgs: [],
      libraryDirs: [path.join(deps.prefix, 'lib')],
      ffiIncludeDir: path.join(deps.prefix, 'include'),
      compilerVersion,
      staticDepsKey: path.basename(deps.prefix)
    }
  }
  if (target.configureHost) {
    // A cross build: the target's compilers, and pkg-config answering from the target's multiarch libraries.
    const triplet = target.configureHost
    const ffiHeader = path.join('/usr/include', triplet, 'ffi.h')
    return {
      cxx: await targetCxx(target, cacheRoot, log),
      env: {
        ...process.env,
        CC: target.toolchain.cc,
        CXX: target.toolchain.cxx ?? undefined,
        AR: target.toolchain.ar,
        PKG_CONFIG_LIBDIR: `/usr/lib/${triplet}/pkgconfig:/usr/share/pkgconfig`
      },
      configureArgs: [],
      libraryDirs: [],
      ffiIncludeDir: existsSync(ffiHeader) ? path.dirname(ffiHeader) : null,
      compilerVersion,
      staticDepsKey: null
    }
  }
  const ffi = await runCommand({ command: 'pkg-config', args: ['--variable=includedir', 'libffi'] })
  return {
    cxx: await targetCxx(target, cacheRoot, log),
    env: { ...process.env },
    configureArgs: [],
    libraryDirs: [],
    ffiIncludeDir: ffi.code === 0 && ffi.stdout.trim() !== '' ? ffi.stdout.trim() : null,
    compilerVersion,
    staticDepsKey: null
  }
}

/**
 * The target's compilers (zig's drivers: a glibc floor, a musl target built through zig)
 * with the static libraries of `prefix`; pkg-config answers from that prefix only, so
 * the host's `-dev` archives, built for its own glibc and architecture, never reach the link.
 */
function staticDepsToolchain(target: HostedTarget, prefix: string, compilerVersion: string): BuildToolchain {
  const include = path.join(prefix, 'include')
  const lib = path.join(prefix, 'lib')
  return {
    cxx: target.toolchain.cxx,
    env: {
      ...process.env,
      CC: target.toolchain.cc,
      CXX: target.toolchain.cxx ?? undefined,
      AR: target.toolchain.ar,
      // CPython's configure looks for `<--host>-readelf` only: aarch64-linux-musl has none, the target's binutils do.
      READELF: target.toolchain.ar.replace(/ar$/, 'readelf'),
      // -isystem, as /usr/include is for gcc: a package's own copy of a library (zstandard's zstd.h) comes first.
      CPPFLAGS: `-isystem ${include}`,
      LDFLAGS: `-L${lib}`,
      PKG_CONFIG_LIBDIR: path.join(lib, 'pkgconfig'),
      PKG_CONFIG_PATH: ''
    },
    configureArgs: [],
    libraryDirs: [lib],
    ffiIncludeDir: include,
    compilerVersion,
    staticDepsKey: path.basename(prefix)
  }
}

async function targetCxx(target: Target, cacheRoot: string, log: (line: string) => void): Promise<string | null> {
  if (target.toolchain.cxx) return target.toolchain.cxx
  if (!target.toolchain.zigCxxTarget) return null
  const zig = await ensureZigCxx(cacheRoot, target.toolchain.zigCxxTarget, log)
  return zig.driver
}

async function firstLine(command: string, args: string[]): Promise<string> {
  const result = await runCommand({ command, args })
  if (result.code !== 0) {
    throw new UserError({
      input: command,
      cause: `is not usable here (${command} ${args.join(' ')} exited ${result.code})`,
      fix: "install it, or put a working one first on PATH (scripts/setup-system.sh installs pyseal's toolchains)"
    })
  }
  return result.stdout.split('\n')[0].trim()
}

/**
 * musl-gcc wraps the host gcc, which answers `--print-multiarch` with the glibc
 * triplet; CPython's configure then refuses the musl platform triplet. The wrapper
 * answers that one question with nothing and passes everything else on.
 */
async function muslCompilerWrapper(cacheRoot: string, cc: string): Promise<string> {
  const wrapper = path.join(cacheRoot, 'toolchain', 'musl-cc')
  const script = `#!/bin/sh\n# Written by pyseal: ${cc} without a glibc multiarch answer.\nfor a in "$@"; do [ "$a" = --print-multiarch ] && exit 0; done\nexec ${shellQuote(cc)} "$@"\n`
  await writeScript(wrapper, script)
  return wrapper
}
