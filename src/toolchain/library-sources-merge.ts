import type { DebianSourceOrig, LibrarySource, LibrarySources } from './library-sources'

/**
 * How scripts/update-library-sources.ts refreshes library-sources.json from Debian 12's
 * source index: each package a recipe names gets Debian's upstream tarball as its first
 * place. The other places (the project's own release files, added by hand) stay while
 * the release is the same and are dropped, with a line saying so, when it changes:
 * their sha256 pins the old release. Pure, for the unit tests.
 */

export interface LibrarySourcesRefresh {
  sources: LibrarySources
  changes: string[]
  /** Packages the index does not have: nothing is written. */
  problems: string[]
}

export function refreshLibrarySources(
  current: LibrarySources,
  wanted: readonly string[],
  found: ReadonlyMap<string, DebianSourceOrig | null>,
  suiteName: string
): LibrarySourcesRefresh {
  const sources: Record<string, LibrarySource> = {}
  const changes: string[] = []
  const problems: string[] = []
  for (const pkg of [...new Set(wanted)].sort()) {
    const orig = found.get(pkg)
    const old = current.sources[pkg]
    if (!orig) {
      problems.push(`${pkg}: ${suiteName}'s source index has no upstream tarball for it`)
      if (old) sources[pkg] = old
      continue
    }
    const debianPlace = {
      mirror: 'debian' as const,
      path: orig.path,
      sha256: orig.sha256,
      from: `${suiteName}, source package ${pkg} (its upstream tarball, checked against the suite's index)`
    }
    const sameRelease = old?.version === orig.upstreamVersion
    const others = sameRelease ? old.places.filter(place => !('mirror' in place)) : []
    if (!old) changes.push(`${pkg}: new, ${orig.upstreamVersion} (${orig.path})`)
    else if (!sameRelease) {
      changes.push(`${pkg}: ${old.version} → ${orig.upstreamVersion}`)
      const dropped = old.places.filter(place => !('mirror' in place))
      if (dropped.length > 0)
        changes.push(
          `${pkg}: ${dropped.length} upstream place(s) of ${old.version} dropped: add ${orig.upstreamVersion}'s`
        )
    } else if (old.places[0].sha256 !== orig.sha256 || old.debianVersion !== orig.debianVersion) {
      changes.push(`${pkg}: Debian ${old.debianVersion} → ${orig.debianVersion}`)
    }
    sources[pkg] = {
      version: orig.upstreamVersion,
      debianVersion: orig.debianVersion,
      places: [debianPlace, ...others]
    }
  }
  for (const pkg of Object.keys(current.sources)) {
    if (!(pkg in sources)) changes.push(`${pkg}: no recipe names it any more, removed`)
  }
  return { sources: { comment: current.comment, sources }, changes, problems }
}
