import { SUPPORTED_MINORS, type CPythonRelease, type CPythonReleases, type CPythonSource } from './cpython-releases'
import { compareVersions, isPrerelease, minorOf } from './release-version'

/**
 * Merges what the indexes name (release-index.ts) into the CPython release list, for
 * scripts/update-cpython-releases.ts. The list only grows: a pinned source keeps its
 * sha256 (an index that now gives another one is a conflict, never a silent change),
 * no release is dropped, and each minor's default becomes its newest known release.
 */

/** A place a release's source can be fetched from, found in an index. */
export interface FoundSource {
  version: string
  source: CPythonSource
}

export interface ReleaseListChanges {
  releases: CPythonReleases
  /** What changed, one line each, for the script's report. */
  changes: string[]
  /** Pinned files the indexes now give another sha256: the list must not be written. */
  conflicts: string[]
}

/** One name per file: the mirror and path, or the URL. */
export function sourceKey(source: CPythonSource): string {
  return 'url' in source ? source.url : `${source.mirror}:${source.path}`
}

export function mergeFoundSources(current: CPythonReleases, found: readonly FoundSource[]): ReleaseListChanges {
  const releases: CPythonRelease[] = current.releases.map(r => ({ ...r, sources: [...r.sources] }))
  const pinned = new Map(releases.flatMap(r => r.sources.map(s => [sourceKey(s), s] as const)))
  const changes: string[] = []
  const conflicts: string[] = []
  for (const { version, source } of found) {
    const key = sourceKey(source)
    const existing = pinned.get(key)
    if (existing) {
      if (existing.sha256 !== source.sha256) {
        conflicts.push(`${key}: the list pins sha256 ${existing.sha256}, ${source.from} gives ${source.sha256}`)
      }
      continue
    }
    pinned.set(key, source)
    const release = releases.find(r => r.version === version)
    if (release) {
      release.sources.push(source)
      changes.push(`${version}: another source, ${key} (sha256 ${source.sha256})`)
    } else {
      releases.push({ version, sources: [source] })
      changes.push(`${version}: new release, from ${key} (sha256 ${source.sha256})`)
    }
  }
  releases.sort((a, b) => compareVersions(a.version, b.version))
  const defaults = newestDefaults(current.defaults, releases, changes)
  return { releases: { ...current, defaults, releases }, changes, conflicts }
}

/**
 * Each supported minor's newest final release as its default (a pre-release is
 * never what a bare X.Y means: see allow-prereleases). A default the list already
 * had must still name a release (nothing is dropped; this guards the invariant).
 */
function newestDefaults(
  previous: Record<string, string>,
  releases: readonly CPythonRelease[],
  changes: string[]
): Record<string, string> {
  const defaults: Record<string, string> = {}
  for (const minor of [...SUPPORTED_MINORS].sort(compareVersions)) {
    const newest = releases.filter(r => minorOf(r.version) === minor && !isPrerelease(r.version)).at(-1)?.version
    if (!newest) continue
    defaults[minor] = newest
    if (previous[minor] !== newest) changes.push(`default ${minor}: ${previous[minor] ?? '(none)'} → ${newest}`)
  }
  for (const [minor, version] of Object.entries(previous)) {
    if (!releases.some(r => r.version === version)) {
      throw new Error(`the default for ${minor} names ${version}, which is not in the release list`)
    }
    if (!(minor in defaults)) defaults[minor] = version
  }
  return defaults
}
