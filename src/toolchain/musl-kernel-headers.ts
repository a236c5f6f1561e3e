import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors/user-error'
import { cachedEntry } from '../cache/cached-entry'
import { KERNEL_HEADERS } from '../cache/entry-kinds'
import { sha256Text } from '../cache/hash'

/**
 * Debian's musl-gcc searches only musl's own include directory, so headers such as
 * `<linux/random.h>` or `<asm/ioctls.h>` (used by OpenSSL, CPython, util-linux, ...) are
 * not found. The Linux UAPI headers are libc-independent: a directory of symlinks to them,
 * passed as `-isystem`, makes them visible without letting glibc's own headers in.
 */

/** Kernel UAPI directories directly under the include root (Debian's linux-libc-dev). */
export const KERNEL_HEADER_DIRS = ['linux', 'asm-generic', 'mtd', 'misc', 'rdma', 'sound', 'video', 'xen'] as const

export interface KernelHeaderOptions {
  /** Where the kernel headers are installed; `/usr/include` by default. */
  includeRoot?: string
  /** Multiarch directory holding the architecture's `asm/`; `x86_64-linux-gnu` by default. */
  multiarch?: string
  log?: (line: string) => void
}

/** The symlinks to create: link name → existing directory. Throws if `linux/` or `asm/` is missing. */
export function kernelHeaderLinks(options: KernelHeaderOptions = {}): Record<string, string> {
  const root = options.includeRoot ?? '/usr/include'
  const multiarch = options.multiarch ?? 'x86_64-linux-gnu'
  const links: Record<string, string> = {}
  for (const dir of KERNEL_HEADER_DIRS) {
    const target = path.join(root, dir)
    if (existsSync(target)) links[dir] = target
  }
  const asmCandidates = [path.join(root, multiarch, 'asm'), path.join(root, 'asm')]
  const asm = asmCandidates.find(candidate => existsSync(candidate))
  if (asm) links.asm = asm
  const missing = ['linux', 'asm-generic', 'asm'].filter(name => !links[name])
  if (missing.length > 0) {
    throw new UserError({
      input: 'The Linux kernel headers needed by musl-gcc',
      cause: `were not found (missing: ${missing.join(', ')} under ${root} and ${path.join(root, multiarch)})`,
      fix: 'install them (Debian/Ubuntu: apt-get install linux-libc-dev) and retry'
    })
  }
  return links
}

/**
 * Creates (once) a directory of symlinks to the kernel headers musl-gcc lacks and returns
 * its path, to be passed as `-isystem <path>`. The directory name hashes the link set, so
 * a different header location gives a different directory; it is a cache entry, made
 * under a staging name and renamed into place, so a half-made directory is never returned.
 */
export async function ensureMuslKernelHeaders(cacheDir: string, options: KernelHeaderOptions = {}): Promise<string> {
  const links = kernelHeaderLinks(options)
  const names = Object.keys(links).sort()
  const digest = sha256Text(JSON.stringify(names.map(name => [name, links[name]]))).slice(0, 16)
  const entry = await cachedEntry({
    kind: KERNEL_HEADERS,
    root: path.join(path.resolve(cacheDir), `musl-kernel-headers-${digest}`),
    describe: `kernel headers ${digest}`,
    build: async dir => {
      for (const name of names) await fs.symlink(links[name], path.join(dir, name))
    },
    log: options.log ?? (() => undefined)
  })
  return entry.root
}

/** Compiler flags every musl build gets: position-independent (the archives end up in libpython). */
export const MUSL_BASE_CFLAGS = '-fPIC -O2'

/**
 * Environment for building C code with musl-gcc against static libraries installed in
 * `prefix` (autotools, OpenSSL's Configure, CPython's configure). Merge it over the
 * process environment. It points pkg-config at `prefix` only: the host's (glibc)
 * `.pc` files must never be found. `-static` is deliberately absent: it belongs on the
 * final link line only, never in LDSHARED.
 */
export function muslToolchainEnv(prefix: string, headersDir: string): Record<string, string> {
  const isystem = `-isystem ${headersDir}`
  return {
    CC: 'musl-gcc',
    CFLAGS: `${MUSL_BASE_CFLAGS} ${isystem}`,
    CPPFLAGS: `-I${path.join(prefix, 'include')} ${isystem}`,
    LDFLAGS: `-L${path.join(prefix, 'lib')}`,
    PKG_CONFIG_LIBDIR: path.join(prefix, 'lib', 'pkgconfig'),
    PKG_CONFIG_PATH: '',
    AR: 'ar',
    RANLIB: 'ranlib'
  }
}

/**
 * Environment for building a self-contained library with musl-gcc without any absolute
 * path in the flags: the kernel headers come through `C_INCLUDE_PATH` (searched after
 * musl's own headers, as -isystem would be), so builds that record their flags in the
 * binary (OpenSSL's `OpenSSL_version(OPENSSL_CFLAGS)`) record no cache or temp path.
 * pkg-config sees only `pkgConfigLibdir`.
 */
export function muslPathFreeBuildEnv(headersDir: string, pkgConfigLibdir: string): Record<string, string> {
  return {
    CC: 'musl-gcc',
    CFLAGS: MUSL_BASE_CFLAGS,
    CPPFLAGS: '',
    LDFLAGS: '',
    C_INCLUDE_PATH: headersDir,
    PKG_CONFIG_LIBDIR: pkgConfigLibdir,
    PKG_CONFIG_PATH: '',
    AR: 'ar',
    RANLIB: 'ranlib'
  }
}
