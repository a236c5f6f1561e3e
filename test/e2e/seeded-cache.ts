import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import { ZIG_RELEASE } from '../../src/toolchain/zig'

/**
 * What builds need beside their CPython distribution, copied from the shared cache
 * (~/.cache/pyseal) into a test's own: the static libraries (the glibc floor's and
 * musl's prefixes) and zig. A test about what happens in a cache of its own (faults,
 * python-build-standalone downloads) then makes what it is about, not the minutes of
 * static libraries every empty cache would build first.
 */
export function seedToolchain(cacheDir: string): void {
  const shared = defaultCacheDir()
  const staticDeps = path.join(shared, 'static-deps')
  // The finished prefixes only: no downloads, logs, or another process's unfinished entry.
  const prefixes = existsSync(staticDeps) ? readdirSync(staticDeps).filter(n => /^[0-9a-f]{20}$/.test(n)) : []
  for (const name of prefixes) linkTree(path.join(staticDeps, name), path.join(cacheDir, 'static-deps', name))
  const zig = path.join('toolchain', `zig-${ZIG_RELEASE.version}`)
  if (existsSync(path.join(shared, zig))) linkTree(path.join(shared, zig), path.join(cacheDir, zig))
}

/**
 * A copy made of hard links where the file system allows (entries that builds only
 * read: nothing writes into a file of them; a driver pyseal rewrites is renamed into
 * place, which replaces the link), else a plain copy.
 */
export function linkTree(from: string, to: string): void {
  mkdirSync(path.dirname(to), { recursive: true })
  if (spawnSync('cp', ['-al', from, to]).status !== 0) cpSync(from, to, { recursive: true })
}
