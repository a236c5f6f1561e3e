import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { cachedEntry } from '../cache/cached-entry'
import { sha256Text } from '../cache/hash'
import { ZIG } from '../cache/entry-kinds'
import { FailedStepError, type FailedStep } from '../errors/failed-step'
import { runCommand } from '../exec/run'
import { shellQuote } from '../exec/shell-quote'
import { writeScript } from './write-script'

/**
 * The pinned zig and the compiler drivers pyseal writes for it. zig is clang with
 * LLVM's libc++ built for any target and the symbol tables of every glibc release, so
 * one host compiles for an older glibc than its own, and musl for any architecture:
 * toolchain-env.ts takes its `c++` for musl targets (Debian's musl-gcc wraps the glibc
 * g++), floor-toolchain.ts its `cc` and `c++` for gnu targets with a glibc floor, and
 * zig-toolchain.ts both for musl targets built through zig. It comes from the `ziglang` wheel,
 * pinned by version and sha256 (one hash per host architecture), into the cache once.
 */
export const ZIG_RELEASE = {
  version: '0.17.1',
  sha256: [
    // manylinux x86_64 host
    'ea6cc5d87b033cf0aedfbc8f9549a908cae6c50ac31f1698188fa48a74524b54',
    // manylinux aarch64 host
    'b7c5f02fccd40f89b999ee16a1f5ddced56e6182370f8affe494bcf8a28cf07e'
  ]
}

export class ZigInstallError extends FailedStepError {
  constructor(step: string, failure: Pick<FailedStep, 'reason' | 'log'>) {
    super({
      input: `zig ${ZIG_RELEASE.version}`,
      what: `Installing zig ${ZIG_RELEASE.version} (the compiler pyseal uses for a glibc floor and for C++ on musl)`,
      step,
      ...failure,
      fix: 'check that python3 -m pip can reach the package index, or install the ziglang wheel into the cache by hand.'
    })
    this.name = 'ZigInstallError'
  }
}

/** The installed zig: its entry in the cache, the executable, and the global cache its drivers share. */
interface InstalledZig {
  home: string
  zig: string
  globalCache: string
}

/** Installs the pinned zig into `<cacheRoot>/toolchain/zig-<version>`, once. */
async function ensureZig(cacheRoot: string, log: (line: string) => void): Promise<InstalledZig> {
  const toolchainDir = path.join(path.resolve(cacheRoot), 'toolchain')
  const { root: home } = await cachedEntry({
    kind: ZIG,
    root: path.join(toolchainDir, `zig-${ZIG_RELEASE.version}`),
    describe: `zig ${ZIG_RELEASE.version}`,
    build: installZig,
    log
  })
  return { home, zig: path.join(home, 'ziglang', 'zig'), globalCache: path.join(toolchainDir, 'zig-cache') }
}

/** The opening of every driver: the cache zig keeps what it builds for a target in (libc stubs, libc++). */
function driverPreamble(installed: InstalledZig, what: string): string {
  return (
    `#!/bin/sh\n# Written by pyseal: ${what}.\n` +
    `if [ -z "\${ZIG_GLOBAL_CACHE_DIR:-}" ]; then ZIG_GLOBAL_CACHE_DIR=${shellQuote(installed.globalCache)}; fi\n` +
    'export ZIG_GLOBAL_CACHE_DIR\n'
  )
}

/**
 * The driver's last lines: zig with `words` and the caller's arguments. zig keeps every
 * file it compiles in its local cache; one of this run's own, removed after it, keeps the
 * global cache to what is worth keeping (libc stubs, compiler-rt, libc++) instead of
 * growing with every file pyseal compiles.
 */
function runZig(installed: InstalledZig, words: string[]): string {
  return (
    'scratch=$(mktemp -d "${TMPDIR:-/tmp}/pyseal-zig.XXXXXX") || exit 1\n' +
    `ZIG_LOCAL_CACHE_DIR="$scratch" ${[installed.zig, ...words].map(shellQuote).join(' ')} "$@"\n` +
    'status=$?\nrm -rf "$scratch"\nexit $status\n'
  )
}

/** A C++ compiler driver for one zig target, ready to run. */
export interface ZigCxx {
  /** A script that runs `zig c++ -target <target>` with pyseal's cache; usable as CXX and as the link driver. */
  driver: string
  version: string
}

/** Installs the pinned zig (once) and writes the C++ driver for `zigTarget`. */
export async function ensureZigCxx(cacheRoot: string, zigTarget: string, log: (line: string) => void): Promise<ZigCxx> {
  const installed = await ensureZig(cacheRoot, log)
  // Beside zig, in its entry: the packages' key names the driver by its path in the cache.
  const driver = path.join(installed.home, 'bin', `c++-${zigTarget}`)
  // Debug-mode zig adds UBSan traps; extensions bring their own -O flags, and pyseal wants none of the traps.
  const script =
    driverPreamble(installed, `C++ for ${zigTarget} through zig ${ZIG_RELEASE.version} (clang with libc++)`) +
    runZig(installed, ['c++', '-target', zigTarget, '-fno-sanitize=undefined'])
  await writeScript(driver, script)
  return { driver, version: ZIG_RELEASE.version }
}

/** The C and C++ drivers zig.ts writes for one zig target. */
export interface ZigDrivers {
  cc: string
  cxx: string
}

/**
 * Writes `cc-<zigTarget>` and `c++-<zigTarget>`: zig compiling and linking for that
 * target with the libc it ships. For glibc (`x86_64-linux-gnu.2.17`) that is the
 * release's headers and symbol versions, and every link also takes gcc's `libgcc.a`
 * (given as `libgcc`) before zig's compiler-rt: compiler-rt is one object that also
 * defines libm's functions (log2, sin, ...), so a program that needs one of its helpers
 * (128-bit division, in libmpdec) would get those too, in place of glibc's, and
 * CPython's test_math finds them less exact. libgcc has the helpers alone. For musl
 * (`aarch64-linux-musl`) zig builds musl itself, math included, and links it statically:
 * no libgcc.
 */
export async function ensureZigDrivers(
  cacheRoot: string,
  zigTarget: string,
  libgcc: { path: string; sha256: string } | null,
  log: (line: string) => void
): Promise<ZigDrivers> {
  const installed = await ensureZig(cacheRoot, log)
  const written: string[] = []
  for (const language of ['cc', 'c++'] as const) {
    const driver = path.join(installed.home, 'bin', `${language}-${zigTarget}`)
    const what = `${language === 'cc' ? 'C' : 'C++'} for ${zigTarget} through zig ${ZIG_RELEASE.version}`
    const script =
      driverPreamble(installed, what) +
      (libgcc ? libgccOnEveryLink(libgcc) : '') +
      // No UBSan traps (zig's default without -O); __DATE__ is a warning, as with gcc, not zig's error.
      runZig(installed, [language, '-target', zigTarget, '-fno-sanitize=undefined', '-Wno-error=date-time'])
    await writeScript(driver, script)
    written.push(driver)
  }
  return { cc: written[0], cxx: written[1] }
}

/** Driver lines that add an archive to every link (a command with -o that does not stop at an object or text). */
function libgccOnEveryLink(archive: { path: string; sha256: string }): string {
  return (
    `# libgcc.a sha256 ${archive.sha256}\n` +
    'link=no\nfor a do case "$a" in -o) link=yes ;; esac; done\n' +
    'for a do case "$a" in -c|-S|-E|-M|-MM) link=no ;; esac; done\n' +
    `if [ "$link" = yes ]; then set -- "$@" ${shellQuote(archive.path)}; fi\n`
  )
}

/**
 * The drivers' identity for cache keys: the scripts' text, with the cache root (in zig's
 * path) left out, so the same drivers in another cache root give the same keys.
 */
export async function zigDriversIdentity(drivers: ZigDrivers, cacheRoot: string): Promise<{ drivers: string }> {
  const scripts = (await readFile(drivers.cc, 'utf8')) + (await readFile(drivers.cxx, 'utf8'))
  return { drivers: sha256Text(scripts.split(path.resolve(cacheRoot)).join('{cache-dir}')) }
}

/** pip installs the pinned wheel into the entry's staging directory (removed by the cache-entry primitive on failure). */
async function installZig(dir: string, work: string): Promise<void> {
  await mkdir(work, { recursive: true })
  const requirements = path.join(work, 'requirements.txt')
  const hashes = ZIG_RELEASE.sha256.map(h => ` --hash=sha256:${h}`).join('')
  await writeFile(requirements, `ziglang==${ZIG_RELEASE.version}${hashes}\n`)
  const result = await runCommand({
    command: 'python3',
    args: [
      '-m',
      'pip',
      'install',
      '--disable-pip-version-check',
      '--no-deps',
      '--only-binary',
      ':all:',
      '--require-hashes',
      '--target',
      dir,
      '-r',
      requirements
    ]
  })
  if (result.code !== 0) {
    throw new ZigInstallError('pip install', {
      reason: `python3 -m pip install ziglang==${ZIG_RELEASE.version} exited with ${result.code}`,
      log: { text: result.stdout + result.stderr }
    })
  }
  const version = await runCommand({ command: path.join(dir, 'ziglang', 'zig'), args: ['version'] })
  if (version.code !== 0 || version.stdout.trim() !== ZIG_RELEASE.version) {
    throw new ZigInstallError('zig version', {
      reason: `the installed zig answers "${version.stdout.trim() || version.stderr.trim()}"`
    })
  }
}
