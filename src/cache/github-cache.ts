import * as cache from '@actions/cache'
import { existsSync, readFileSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { contentKey } from './hash'
import { verifyEntry, writeEntryManifest } from './entry-manifest'
import { lockHeld } from './lock'

/**
 * pyseal's build cache in GitHub's cache service: the built CPython distributions,
 * compiled packages, static libraries and toolchains, as one archive per job (the
 * service takes few uploads a minute). Its directories are content-addressed and
 * relative to the cache root, so a partial hit (an older entry of the same target)
 * still serves whatever matches. Every problem is a warning: a cache never fails a build.
 */
export const CACHE_SCHEMA = 'v1'

/** The cache root's subdirectories that go into the entry. */
const CACHED_DIRS = ['python', 'packages', 'static-deps', 'toolchain']

export interface CacheKeyParts {
  triple: string
  /** The runner image (ImageOS, e.g. ubuntu24) or the OS. */
  image: string
  /** What the build reads: project tree, requirements, distribution value, pyseal's own version. */
  inputs: unknown
  suffix: string
}

export interface CacheKeys {
  primary: string
  /** Prefix keys for a partial hit: the newest entry of the same target and image. */
  restore: string[]
}

/** The keys for one build: exact on the build's inputs, falling back to any entry of the target and image. */
export function cacheKeys(parts: CacheKeyParts): CacheKeys {
  const suffix = parts.suffix ? `-${parts.suffix}` : ''
  const prefix = `pyseal-${CACHE_SCHEMA}-${parts.triple}-${parts.image}${suffix}-`
  return { primary: `${prefix}${contentKey(parts.inputs, 32)}`, restore: [prefix] }
}

export function cachePaths(cacheRoot: string): string[] {
  return CACHED_DIRS.map(dir => path.join(cacheRoot, dir))
}

export type RestoreOutcome = 'hit' | 'partial' | 'miss'

export interface CacheLog {
  info(line: string): void
  warning(line: string): void
}

/** Restores the newest matching entry into the cache root, then drops any restored directory that fails its check. */
export async function restoreObjectCache(cacheRoot: string, keys: CacheKeys, log: CacheLog): Promise<RestoreOutcome> {
  const before = new Set(await entryDirs(cacheRoot))
  let matched: string | undefined
  try {
    matched = await cache.restoreCache(cachePaths(cacheRoot), keys.primary, keys.restore)
  } catch (error) {
    log.warning(`cache: restoring failed, building without it (${(error as Error).message})`)
  }
  // A failed extraction may have left part of an entry behind: whatever the restore
  // brought must prove itself complete against its manifest, or it goes.
  const dropped = await dropCorruptEntries(cacheRoot, before, log)
  if (!matched) {
    log.info(`cache: no usable entry for ${keys.primary} or ${keys.restore.join(', ')}`)
    return 'miss'
  }
  log.info(`cache: restored ${matched}${dropped > 0 ? `, ${dropped} damaged entries discarded` : ''}`)
  if (dropped > 0) return 'partial'
  return matched === keys.primary ? 'hit' : 'partial'
}

/** Saves the cache root under the primary key, unless that key was an exact hit or saving is not wanted. */
export async function saveObjectCache(
  cacheRoot: string,
  keys: CacheKeys,
  restored: RestoreOutcome,
  log: CacheLog
): Promise<void> {
  if (restored === 'hit') {
    log.info(`cache: ${keys.primary} was an exact hit; not saved again`)
    return
  }
  try {
    for (const entry of await entryDirs(cacheRoot)) {
      // One being made right now gets its manifest when it is complete.
      if (!lockHeld(`${entry}.lock`)) await writeEntryManifest(entry)
    }
    // The same path list as the restore: the service keys entries on it (absent ones are skipped).
    const id = await cache.saveCache(cachePaths(cacheRoot), keys.primary)
    if (id === -1) log.warning(`cache: ${keys.primary} was not saved (the service refused it; see the debug log)`)
    else log.info(`cache: saved ${keys.primary}`)
  } catch (error) {
    log.warning(`cache: saving ${keys.primary} failed (${(error as Error).message})`)
  }
}

/** Events whose runs only restore, whatever `cache` says: what they save, a later trusted run would read. */
const RESTORE_ONLY_EVENTS = ['release', 'pull_request_target', 'workflow_run']

/**
 * Why this run restores but never saves, or null: a tag push, a release, and runs
 * started by `pull_request_target` or `workflow_run` (which run with the base
 * repository's cache scope on behalf of code it did not review) cannot poison the cache.
 */
export function restoreOnlyReason(env: NodeJS.ProcessEnv): string | null {
  if (env.GITHUB_REF?.startsWith('refs/tags/')) return `a tag push (${env.GITHUB_REF})`
  const event = env.GITHUB_EVENT_NAME ?? ''
  return RESTORE_ONLY_EVENTS.includes(event) ? `a ${event} event` : null
}

/**
 * Whether to save: never on a restore-only run (restoreOnlyReason); under `cache: auto`,
 * on pushes to the repository's default branch only, so pull requests cannot fill the
 * cache that the default branch reads.
 */
export function saveWanted(setting: 'auto' | 'true' | 'false', env: NodeJS.ProcessEnv): boolean {
  if (restoreOnlyReason(env) !== null) return false
  if (setting !== 'auto') return setting === 'true'
  if (env.GITHUB_EVENT_NAME !== 'push' || !env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return false
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { repository?: { default_branch?: string } }
  const branch = event.repository?.default_branch
  return branch !== undefined && env.GITHUB_REF === `refs/heads/${branch}`
}

/** The content-addressed entries under the cache root (one directory each). */
async function entryDirs(cacheRoot: string): Promise<string[]> {
  const entries: string[] = []
  for (const dir of ['python', 'packages', 'static-deps']) {
    const parent = path.join(cacheRoot, dir)
    if (!existsSync(parent)) continue
    for (const name of await readdir(parent, { withFileTypes: true })) {
      if (
        name.isDirectory() &&
        !/\.(work|partial|lock)$/.test(name.name) &&
        name.name !== 'downloads' &&
        name.name !== 'logs'
      ) {
        entries.push(path.join(parent, name.name))
      }
    }
  }
  return entries
}

/**
 * Drops the entries the restore brought (not in `before`) that fail their manifest check
 * or have none. An entry another pyseal process is making meanwhile (its lock is held)
 * has no manifest yet and is not the restore's: it is left alone.
 */
async function dropCorruptEntries(cacheRoot: string, before: Set<string>, log: CacheLog): Promise<number> {
  let dropped = 0
  for (const entry of await entryDirs(cacheRoot)) {
    if (before.has(entry) || lockHeld(`${entry}.lock`)) continue
    const problem = await verifyEntry(entry, { requireManifest: true })
    if (problem) {
      log.warning(`cache: ${path.relative(cacheRoot, entry)} is damaged (${problem}); it is discarded and rebuilt`)
      await rm(entry, { recursive: true, force: true })
      dropped++
    }
  }
  return dropped
}
