import path from 'node:path'
import { withGlibcFloor } from './floor-toolchain'
import type { GlibcFloor } from './glibc-floor'
import type { HostedTarget } from './select-toolchain'
import type { ZigDriverSet } from './static-deps-compilers'
import { ensureZigDrivers, zigDriversIdentity } from './zig'

/**
 * A target whose C and C++ compile through zig: the table's toolchain names a `zigTarget`
 * (aarch64 musl from an x86_64 machine), and its cc and cxx are the drivers zig.ts writes
 * for it, so CPython, its static libraries, every extension, the launcher and the final
 * link are compiled by zig against the musl it ships, for any architecture, with no
 * musl-gcc or sysroot for the target. The target's binutils (ar, ld -r, objcopy, nm)
 * stay the table's. The pipeline calls withBuildCompilers once the table's toolchain is
 * checked; toolchain-env.ts builds the static libraries with zigDriverSet's drivers.
 */

/** The target with the compilers that build it here: a glibc floor's (floor-toolchain.ts), or zig's for its zigTarget. */
export async function withBuildCompilers(
  target: HostedTarget,
  glibc: GlibcFloor | null,
  cacheRoot: string,
  log: (line: string) => void
): Promise<HostedTarget> {
  return withZigCompilers(await withGlibcFloor(target, glibc, cacheRoot, log), cacheRoot, log)
}

/** The target with zig's drivers in place of the table's names; a target without a zigTarget as it is. */
export async function withZigCompilers(
  target: HostedTarget,
  cacheRoot: string,
  log: (line: string) => void
): Promise<HostedTarget> {
  const zigTarget = target.toolchain.zigTarget
  if (!zigTarget || driversWritten(target)) return target
  const drivers = await ensureZigDrivers(cacheRoot, zigTarget, null, log)
  return { ...target, toolchain: { ...target.toolchain, cc: drivers.cc, cxx: drivers.cxx } }
}

/** True for a target whose compilers come from zig (the static libraries are built with them too). */
export function compilesThroughZig(target: Pick<HostedTarget, 'toolchain'>): boolean {
  return target.toolchain.zigTarget !== null
}

/** The drivers of a target withZigCompilers prepared, for the static libraries (zigDriversIdentity keys them). */
export async function zigDriverSet(target: HostedTarget, cacheRoot: string): Promise<ZigDriverSet> {
  const { toolchain } = target
  if (!driversWritten(target) || !toolchain.cxx) throw new Error(`${target.triple} has no zig drivers in place`)
  const identity = await zigDriversIdentity({ cc: toolchain.cc, cxx: toolchain.cxx }, cacheRoot)
  return { cc: toolchain.cc, ar: toolchain.ar, identity }
}

/** The table names a driver by its file name; once written it is a path in the cache. */
function driversWritten(target: Pick<HostedTarget, 'toolchain'>): boolean {
  return target.toolchain.zigTarget !== null && path.isAbsolute(target.toolchain.cc)
}
