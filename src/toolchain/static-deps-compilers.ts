import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { sha256File } from '../cache/hash'
import { UserError } from '../errors/user-error'
import { runChecked, runCommand } from '../exec/run'
import { ensureMuslKernelHeaders, muslPathFreeBuildEnv } from './musl-kernel-headers'

/**
 * The compilers static-deps.ts builds the static libraries with: musl-gcc for musl
 * targets of this machine's architecture, zig's drivers for musl targets built through
 * zig (zig-toolchain.ts), and for a gnu target with a glibc floor the floor's zig
 * drivers (floor-toolchain.ts). Each says what the prefix's key knows of it and the
 * environment a recipe runs in, with no absolute path in the flags (OpenSSL records
 * them in the archive).
 */
export interface StaticDepsCompiler {
  libc: 'musl' | 'gnu'
  /** The glibc floor the libraries are built for (gnu only). */
  glibcFloor?: string
  /** What the prefix's key records of the compiler. */
  identity: Record<string, string>
  /** The directory of kernel-header links musl-gcc needs as `-isystem` (null for gnu: zig has its own). */
  kernelHeaders: string | null
  /** A recipe's environment (CC, CFLAGS, AR, ...), its pkg-config reading only `pkgConfigLibdir`. */
  recipeEnv(pkgConfigLibdir: string): Record<string, string>
}

/** zig's drivers for a target, as zig.ts wrote them. */
export interface ZigDriverSet {
  /** The C driver's path; its directory goes first on PATH, so the flags name it by its file name. */
  cc: string
  ar: string
  /** The drivers' identity: zig's version, the scripts' text (for a glibc floor, libgcc's sha256). */
  identity: Record<string, string>
}

/** A gnu target's glibc-floor drivers, as floor-toolchain.ts wrote them. */
export interface GlibcFloorDriverSet extends ZigDriverSet {
  floor: string
}

/** musl-gcc with the kernel headers it lacks. */
export async function muslCompiler(cacheRoot: string, log: (line: string) => void): Promise<StaticDepsCompiler> {
  const kernelHeaders = await ensureMuslKernelHeaders(cacheRoot, { log })
  return {
    libc: 'musl',
    identity: { ...(await muslToolchainIdentity()) },
    kernelHeaders,
    recipeEnv: pkgConfigLibdir => muslPathFreeBuildEnv(kernelHeaders, pkgConfigLibdir)
  }
}

/** A glibc floor's zig driver, found on PATH by name. */
export function glibcFloorCompiler(drivers: GlibcFloorDriverSet): StaticDepsCompiler {
  return {
    libc: 'gnu',
    glibcFloor: drivers.floor,
    identity: drivers.identity,
    kernelHeaders: null,
    recipeEnv: pkgConfigLibdir => zigRecipeEnv(drivers, pkgConfigLibdir)
  }
}

/** A musl target's zig driver (zig-toolchain.ts): zig ships musl and the kernel headers for every architecture. */
export function zigMuslCompiler(drivers: ZigDriverSet): StaticDepsCompiler {
  return {
    libc: 'musl',
    identity: drivers.identity,
    kernelHeaders: null,
    recipeEnv: pkgConfigLibdir => zigRecipeEnv(drivers, pkgConfigLibdir)
  }
}

function zigRecipeEnv(drivers: ZigDriverSet, pkgConfigLibdir: string): Record<string, string> {
  return {
    PATH: [path.dirname(drivers.cc), process.env.PATH].filter(Boolean).join(path.delimiter),
    CC: path.basename(drivers.cc),
    // clang refuses calls without a declaration where gcc 12 warns: libffi 3.4.4's tramp.c has one.
    CFLAGS: '-fPIC -O2 -Wno-error=implicit-function-declaration',
    CPPFLAGS: '',
    LDFLAGS: '',
    PKG_CONFIG_LIBDIR: pkgConfigLibdir,
    PKG_CONFIG_PATH: '',
    AR: drivers.ar,
    RANLIB: drivers.ar === 'ar' ? 'ranlib' : drivers.ar.replace(/ar$/, 'ranlib')
  }
}

async function muslToolchainIdentity(): Promise<Record<string, string>> {
  const which = await runCommand({ command: 'sh', args: ['-c', 'command -v musl-gcc'] })
  const wrapper = which.stdout.trim()
  if (which.code !== 0 || !wrapper) {
    const fix = 'install it (Debian/Ubuntu: apt-get install musl-tools) and retry'
    throw new UserError({ input: 'musl-gcc (for static dependencies on musl)', cause: 'was not found on PATH', fix })
  }
  const version = await runChecked({ command: 'musl-gcc', args: ['--version'] })
  // The order of these fields is part of the musl prefixes' keys.
  const identity = {
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
