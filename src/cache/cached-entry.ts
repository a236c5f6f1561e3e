import { existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import type { EntryKind } from './entry-kinds'
import { readEntryManifest, verifyEntry, writeEntryManifest } from './entry-manifest'
import { withCacheLock } from './lock'

/**
 * "Build once, mark complete": the one way pyseal makes a cache entry, used by every
 * cached thing (CPython distributions, pbs archives, packages and their dependency
 * layer, static libraries, zig, kernel headers, downloads). It owns the lock (two
 * pyseal processes never make one entry twice: the second waits and reuses it), the
 * staging directory and its atomic rename into place, the manifest written last as
 * the completion marker, the check on reuse (a damaged entry is rebuilt, with a log
 * line), and the clearing of what a killed build left.
 */
export interface EntryRequest {
  kind: EntryKind
  /** The entry's directory, `<cache>/<folder>/<key>`. */
  root: string
  /** How log lines name it; the kind's noun and the key by default. */
  describe?: string
  /**
   * Makes the entry's files in `dir`: a staging directory renamed into place once
   * complete, or the entry's own directory with `buildInPlace`. `work` is a scratch
   * directory for the build's own use (not created here), removed once the entry is made.
   */
  build: (dir: string, work: string) => Promise<void>
  /**
   * For an entry whose files hold absolute paths to it (CPython's configured prefix,
   * capture records): it is made where it stays, and is complete once its manifest
   * is written. After a failure it keeps its logs for the error message; the next
   * attempt clears it.
   */
  buildInPlace?: boolean
  /** For entries made before manifests: whether one is complete (the kind's legacy marker by default). */
  legacyComplete?: (root: string) => boolean | Promise<boolean>
  log: (line: string) => void
}

export interface CachedEntry {
  root: string
  /** False when this process made it. */
  reused: boolean
}

type EntryState = { complete: true } | { complete: false; problem: string | null }

/** The entry at `request.root`, made by `request.build` unless a complete one is there. */
export async function cachedEntry(request: EntryRequest): Promise<CachedEntry> {
  const { kind, root, log } = request
  const what = request.describe ?? `${kind.noun} ${path.basename(root)}`
  const stale = (problem: string): string =>
    `  cached ${what} ${kind.plural ? 'are' : 'is'} ${problem}: building ${kind.plural ? 'them' : 'it'} again`
  const first = await entryState(request)
  if (first.complete) {
    log(`  reused cached ${what}`)
    return { root, reused: true }
  }
  if (first.problem) log(stale(first.problem))
  let waited = false
  return withCacheLock(
    `${root}.lock`,
    async () => {
      const now = await entryState(request)
      if (now.complete) {
        log(waited ? `  reused ${what}, which another pyseal process ${kind.made}` : `  reused cached ${what}`)
        return { root, reused: true }
      }
      if (now.problem && now.problem !== first.problem) log(stale(now.problem))
      await makeEntry(request, what, now.problem)
      return { root, reused: false }
    },
    () => {
      waited = true
      log(`  waiting for another pyseal process building ${what}`)
    }
  )
}

/** Complete: made by this recipe and matching its manifest, or an older entry with its legacy marker. */
async function entryState(request: EntryRequest): Promise<EntryState> {
  const { kind, root } = request
  const manifest = await readEntryManifest(root)
  if (manifest === null || manifest === 'unreadable' || manifest.kind === undefined) {
    const legacy = request.legacyComplete
      ? await request.legacyComplete(root)
      : kind.legacyMarker !== undefined && existsSync(path.join(root, kind.legacyMarker))
    if (!legacy)
      return { complete: false, problem: manifest === 'unreadable' ? 'damaged (its manifest is unreadable)' : null }
  } else if (manifest.recipeVersion !== kind.recipeVersion) {
    return { complete: false, problem: `from recipe ${manifest.recipeVersion}, not ${kind.recipeVersion}` }
  }
  const problem = await verifyEntry(root, { hashes: kind.check === 'sha256' })
  return problem ? { complete: false, problem: `damaged (${problem})` } : { complete: true }
}

/** Builds the entry (the lock is held), writes its manifest last and, when staged, renames it into place. */
async function makeEntry(request: EntryRequest, what: string, problem: string | null): Promise<void> {
  const { kind, root, log } = request
  const work = `${root}.work`
  const dir = request.buildInPlace ? root : `${root}.partial`
  if (existsSync(work) || existsSync(`${root}.partial`) || (request.buildInPlace && existsSync(root) && !problem)) {
    log(`  clearing what an unfinished build of ${what} left`)
  }
  await rm(work, { recursive: true, force: true })
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const started = Date.now()
  try {
    await request.build(dir, work)
    await writeEntryManifest(dir, { kind: kind.name, recipeVersion: kind.recipeVersion })
    if (!request.buildInPlace) await moveIntoPlace(dir, request)
  } catch (error) {
    if (!request.buildInPlace) {
      await rm(dir, { recursive: true, force: true })
      await rm(work, { recursive: true, force: true })
    }
    throw error
  }
  await rm(work, { recursive: true, force: true })
  log(`  ${kind.made} ${what} in ${((Date.now() - started) / 1000).toFixed(1)}s`)
}

/**
 * Renames the staging directory to the entry. What is at the entry's place was found
 * unfinished, damaged or from another recipe under the lock; only a pyseal that makes
 * this kind without the lock (an older version) can have finished one there since.
 */
async function moveIntoPlace(dir: string, request: EntryRequest): Promise<void> {
  const theirs = async (): Promise<boolean> => existsSync(request.root) && (await entryState(request)).complete
  if (await theirs()) {
    await rm(dir, { recursive: true, force: true })
    return
  }
  await rm(request.root, { recursive: true, force: true })
  try {
    await rename(dir, request.root)
  } catch (error) {
    if (!(await theirs())) throw error
    await rm(dir, { recursive: true, force: true })
  }
}
