import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { cachedEntry } from '../cache/cached-entry'
import { ZIG } from '../cache/entry-kinds'
import { FailedStepError, type FailedStep } from '../errors/failed-step'
import { runCommand } from '../exec/run'
import { shellQuote } from '../exec/shell-quote'
import { writeScript } from './write-script'

/**
 * C++ for targets whose host compiler has no C++ library for them (Debian's
 * musl-gcc wraps the glibc g++): zig's `c++`, which is clang with LLVM's libc++
 * built for the target. It comes from the `ziglang` wheel, pinned by version and
 * sha256 (one hash per host architecture), into the cache once.
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
      what: `Installing zig ${ZIG_RELEASE.version} (the C++ compiler pyseal uses for musl targets)`,
      step,
      ...failure,
      fix: 'check that python3 -m pip can reach the package index, or install the ziglang wheel into the cache by hand.'
    })
    this.name = 'ZigInstallError'
  }
}

/** A C++ compiler driver for one zig target, ready to run. */
export interface ZigCxx {
  /** A script that runs `zig c++ -target <target>` with pyseal's cache; usable as CXX and as the link driver. */
  driver: string
  version: string
}

/** Installs the pinned zig into `<cacheRoot>/toolchain/zig-<version>` (once) and writes the driver for `zigTarget`. */
export async function ensureZigCxx(cacheRoot: string, zigTarget: string, log: (line: string) => void): Promise<ZigCxx> {
  const toolchainDir = path.join(cacheRoot, 'toolchain')
  const { root: home } = await cachedEntry({
    kind: ZIG,
    root: path.join(toolchainDir, `zig-${ZIG_RELEASE.version}`),
    describe: `zig ${ZIG_RELEASE.version}`,
    build: installZig,
    log
  })
  const zig = path.join(home, 'ziglang', 'zig')
  // Beside zig, in its entry: the packages' key names the driver by its path in the cache.
  const driver = path.join(home, 'bin', `c++-${zigTarget}`)
  const cache = path.join(toolchainDir, 'zig-cache')
  // Debug-mode zig adds UBSan traps; extensions bring their own -O flags, and pyseal wants none of the traps.
  const script =
    `#!/bin/sh\n# Written by pyseal: C++ for ${zigTarget} through zig ${ZIG_RELEASE.version} (clang with libc++).\n` +
    `if [ -z "\${ZIG_GLOBAL_CACHE_DIR:-}" ]; then ZIG_GLOBAL_CACHE_DIR=${shellQuote(cache)}; fi\nexport ZIG_GLOBAL_CACHE_DIR\n` +
    `exec ${shellQuote(zig)} c++ -target ${shellQuote(zigTarget)} -fno-sanitize=undefined "$@"\n`
  await writeScript(driver, script)
  return { driver, version: ZIG_RELEASE.version }
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
