/**
 * CPython release numbers as the release list writes them: `3.14.7`, and pre-releases
 * `3.15.0a3`, `3.15.0b1`, `3.15.0rc2` (PEP 440's spelling, the one CPython's tags and
 * tarballs use). Ordered as CPython releases them: 3.15.0a3 < 3.15.0b1 < 3.15.0rc2 < 3.15.0.
 */

/** A release: X.Y.Z with an optional pre-release part. */
export const RELEASE_PATTERN = /^3\.\d+\.\d+(?:(?:a|b|rc)\d+)?$/

const LEVELS: Record<string, number> = { a: 0, b: 1, rc: 2, '': 3 }

/** An alpha, beta or release candidate. */
export function isPrerelease(version: string): boolean {
  return /\d(?:a|b|rc)\d+$/.test(version)
}

/** `3.14.7` → `3.14`. */
export function minorOf(version: string): string {
  return version.split('.').slice(0, 2).join('.')
}

/** [major, minor, micro, level (a 0, b 1, rc 2, final 3), serial]. */
function parts(version: string): number[] {
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?(a|b|rc)?(\d+)?$/.exec(version)
  if (!match) return version.split('.').map(Number)
  const [, major, minor, micro, level, serial] = match
  return [Number(major), Number(minor), Number(micro ?? 0), LEVELS[level ?? ''], Number(serial ?? 0)]
}

/** Orders `3.9.1` < `3.13.0` < `3.13.10`, and `3.15.0rc2` < `3.15.0`. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)]
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
