import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { cachedEntry } from '../../src/cache/cached-entry'
import type { EntryKind } from '../../src/cache/entry-kinds'
import { contentKey } from '../../src/cache/hash'
import { defaultCacheDir } from '../../src/cache/paths'
import { aptDebianMirror } from '../../src/distribution/source-mirrors'
import { runChecked } from '../../src/exec/run'

/**
 * An older Linux distribution, real: a Debian root file system made with debootstrap
 * from Debian's archive (minbase: libc, coreutils, nothing else), cached under the
 * test cache like any pyseal entry, and entered with a private mount namespace (its own
 * /proc) and chroot. A binary that runs here runs on that distribution's C library.
 */
const ROOT_FS: EntryKind = {
  name: 'test-root-fs',
  noun: 'root file system',
  plural: false,
  made: 'made',
  recipeVersion: 1,
  check: 'files'
}

/**
 * What a root file system holds beyond debootstrap's minbase, and what is done to it once
 * made: the packages (installed with their dependencies) and commands run inside it.
 */
export interface RootFsFlavor {
  /** Names the root file system in the cache, beside its suite. */
  name: string
  /** Debian packages, with their dependencies (debootstrap --include). */
  include: readonly string[]
  /** Commands run inside it, as root, after debootstrap (users, directories, clean-up). */
  finish: readonly (readonly string[])[]
}

const MINBASE: RootFsFlavor = { name: 'minbase', include: [], finish: [] }

/** The suite's root file system, made once (about half a minute for minbase) and reused from the cache. */
export async function debianRootFs(suite: 'bullseye' | 'bookworm', flavor: RootFsFlavor = MINBASE): Promise<string> {
  // A flavor's packages and commands name its entry: changing them makes a new one.
  const name = flavor === MINBASE ? 'minbase' : `${flavor.name}-${contentKey(flavor, 12)}`
  const root = path.join(defaultCacheDir(), 'test-root-fs', `debian-${suite}-${name}`)
  await cachedEntry({
    kind: ROOT_FS,
    root,
    describe: `Debian ${suite} root file system`,
    build: async dir => {
      // The Debian archive this machine's apt uses (setup-system.sh's machines all have one).
      const mirror = aptDebianMirror()
      if (!mirror) throw new Error("no Debian archive in apt's sources: debootstrap needs one")
      const include = flavor.include.length > 0 ? [`--include=${flavor.include.join(',')}`] : []
      await runChecked({ command: 'debootstrap', args: ['--variant=minbase', ...include, suite, dir, mirror] })
      for (const argv of flavor.finish) await runChecked({ command: 'chroot', args: [dir, ...argv] })
    },
    log: () => undefined
  })
  return root
}

/**
 * Runs `binary ARGS` inside the root file system, as its own programs run: the binary
 * is copied into the root's /tmp for the run and removed after it.
 */
export function runInRootFs(root: string, binary: string, args: string[]): SpawnSyncReturns<string> {
  const scratch = mkdtempSync(path.join(root, 'tmp', 'pyseal-'))
  const inside = path.join('/tmp', path.basename(scratch), path.basename(binary))
  copyFileSync(binary, path.join(root, inside))
  try {
    return spawnSync(
      'unshare',
      ['--mount', '--fork', `--mount-proc=${path.join(root, 'proc')}`, 'chroot', root, inside, ...args],
      { encoding: 'utf8', env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' }, timeout: 5 * 60 * 1000 }
    )
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}
