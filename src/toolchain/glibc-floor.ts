import type { Target } from '../targets/table'

/**
 * The glibc floor: the oldest glibc a Linux gnu binary must start on (`--glibc 2.17`),
 * or `host` for whatever the build machine's toolchain links against. The option
 * (inputs/parse-values.ts) parses it here; floor-toolchain.ts compiles for it; the floor
 * check (report/fail-on.ts) and the report's `executable.requires` (report/requires.ts)
 * compare versions here.
 */

/** A floor: a glibc release `2.N`, or `host` (no floor: the toolchain's own glibc decides). */
export type GlibcFloor = 'host' | `2.${number}`

/**
 * The floor a gnu build gets when `glibc` is not given: the oldest one, so a binary built
 * on any machine starts on every distribution since 2014 (floor-toolchain.ts compiles for it).
 */
export const DEFAULT_GLIBC_FLOOR: GlibcFloor = '2.17'

/**
 * The oldest floor: the manylinux2014 and python-build-standalone floor, and the first
 * glibc with aarch64 (its symbols start at GLIBC_2.17), so one floor serves both arches.
 */
export const OLDEST_GLIBC_FLOOR = '2.17'

/** The newest glibc release whose symbol versions pyseal knows; raise it with each glibc release. */
export const NEWEST_GLIBC_FLOOR = '2.42'

const RANGE = `${OLDEST_GLIBC_FLOOR} to ${NEWEST_GLIBC_FLOOR}`

/** `2.17` < `2.2.5`? No: versions compare part by part as numbers (`2.2.5` < `2.17`). */
export function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number)
  const y = b.split('.').map(Number)
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const difference = (x[i] ?? 0) - (y[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}

/** The `glibc` option's text as a floor, or a one-line problem naming the input and the range. */
export function parseGlibcFloor(value: string): { floor: GlibcFloor } | { problem: string } {
  const text = value.trim()
  if (text === 'host') return { floor: 'host' }
  if (!/^2\.\d+$/.test(text)) {
    return { problem: `glibc "${value}" is not a glibc release: write 2.N from ${RANGE} (e.g. 2.17), or host` }
  }
  if (compareVersions(text, OLDEST_GLIBC_FLOOR) < 0 || compareVersions(text, NEWEST_GLIBC_FLOOR) > 0) {
    return {
      problem:
        `glibc "${value}" is outside the floors pyseal can hold: choose ${RANGE} ` +
        `(${OLDEST_GLIBC_FLOOR} is the oldest glibc with aarch64 and the manylinux2014 floor), or host`
    }
  }
  return { floor: text as GlibcFloor }
}

/** Why a target has no glibc floor (musl, macOS, Windows), or null for a Linux gnu target. */
export function whyNoGlibc(target: Pick<Target, 'triple' | 'os' | 'libc'>): string | null {
  if (target.os === 'linux' && target.libc === 'gnu') return null
  return target.os === 'linux'
    ? `${target.triple} links musl statically and needs no glibc`
    : `${target.triple} is not Linux, and only Linux gnu targets use glibc`
}
