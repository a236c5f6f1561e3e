import type { BuildStaticDepsOptions } from './static-deps'
import { glibcFloorDriverSet } from './floor-toolchain'
import type { HostedTarget } from './select-toolchain'
import { compilesThroughZig, zigDriverSet } from './zig-toolchain'

/**
 * Which compiler builds a target's static libraries, as buildStaticDeps takes it: zig's
 * musl drivers for a musl target built through zig, musl-gcc for the other musl targets,
 * the glibc floor's drivers for gnu with a floor; null for a target whose libraries are
 * the machine's (`--glibc host`, macOS, Windows). One choice for CPython's own libraries
 * (toolchain-env.ts) and those extensions link (src/libraries/library-provider.ts).
 */
export type StaticDepsCompilerChoice = Pick<BuildStaticDepsOptions, 'libc' | 'glibc' | 'zig'>

/** True when pyseal builds the target's static libraries itself (staticDepsCompilerChoice is not null). */
export function buildsOwnStaticLibraries(target: HostedTarget): boolean {
  if (target.os !== 'linux') return false
  // musl-gcc builds for this machine's architecture only; zig for any.
  if (target.libc === 'musl') return compilesThroughZig(target) || !target.crossCompiling
  return target.glibcFloor !== null && target.glibcFloor !== 'host'
}

export async function staticDepsCompilerChoice(
  target: HostedTarget,
  cacheRoot: string
): Promise<StaticDepsCompilerChoice | null> {
  if (!buildsOwnStaticLibraries(target)) return null
  if (target.libc === 'musl' && compilesThroughZig(target)) {
    return { libc: 'musl', zig: await zigDriverSet(target, cacheRoot) }
  }
  if (target.libc === 'musl') return { libc: 'musl' }
  return { libc: 'gnu', glibc: await glibcFloorDriverSet(target, cacheRoot) }
}
