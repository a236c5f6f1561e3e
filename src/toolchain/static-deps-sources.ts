import path from 'node:path'
import { downloadVerified, DownloadError } from '../cache/download'
import { mirrorBase } from '../distribution/source-mirrors'
import { UserError } from '../errors/user-error'
import { loadLibrarySources, placeFileName, type LibrarySourcePlace } from './library-sources'
import type { StaticLibraryRecipe } from './static-deps-recipes'

// The static libraries' sources (static-deps.ts): the release each recipe builds, pinned
// in library-sources.json, fetched from the first of its places that answers.

/** One recipe's source: the Debian source package, its release and where it can be fetched. */
export interface SourceInfo {
  sourcePackage: string
  debianVersion: string
  upstreamVersion: string
  /** Debian's upstream tarball, the first place: its name and sha256 key the prefix. */
  tarball: string
  sha256: string
  places: LibrarySourcePlace[]
}

/** The recipe's source as the pinned list gives it; known without any network. */
export function resolveSource(recipe: StaticLibraryRecipe): SourceInfo {
  const source = loadLibrarySources().sources[recipe.sourcePackage]
  if (!source) {
    throw new UserError({
      input: `static dependency ${recipe.name}`,
      cause: `its source package ${recipe.sourcePackage} is not in pyseal's list of library sources`,
      fix: "run `npm run update-library-sources` in pyseal's checkout (a recipe was added without its source)"
    })
  }
  const first = source.places[0]
  return {
    sourcePackage: recipe.sourcePackage,
    debianVersion: source.debianVersion,
    upstreamVersion: source.version,
    tarball: placeFileName(first),
    sha256: first.sha256,
    places: source.places
  }
}

/**
 * The recipe's source, from the first place that answers with the pinned sha256, kept as a
 * download entry `<downloads>/<sha256 prefix>/<file name>`: a file fetched once is never
 * fetched again, whichever place it came from. Returns the file's path.
 */
export async function downloadSource(
  recipe: StaticLibraryRecipe,
  source: SourceInfo,
  downloads: string,
  log: (line: string) => void
): Promise<string> {
  const failures: string[] = []
  for (const place of source.places) {
    const url = await placeUrl(place)
    if (!url) {
      failures.push(
        `${place.from}: this machine names no Debian archive (set PYSEAL_DEBIAN_MIRROR, or add one to apt's sources)`
      )
      continue
    }
    const dest = path.join(downloads, place.sha256.slice(0, 16), storedName(place, source.places))
    try {
      log(`static deps: ${recipe.name} ${source.upstreamVersion} source from ${place.from}`)
      return (await downloadVerified({ url, dest, sha256: place.sha256, log })).file
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error
      failures.push(error.message)
    }
  }
  throw new UserError(
    {
      input: `static dependency ${recipe.name}`,
      cause: `the source of ${recipe.sourcePackage} ${source.upstreamVersion} could not be fetched from any of its places`,
      fix: 'check the network; a machine with no Debian archive needs the project sites in reach'
    },
    `The source of static dependency ${recipe.name} (${recipe.sourcePackage} ${source.upstreamVersion}) could not be fetched from any of its places:\n  - ${failures.join('\n  - ')}\n` +
      "Check the network; a machine whose apt names no Debian archive fetches from the project's own site (or set PYSEAL_DEBIAN_MIRROR)."
  )
}

/**
 * The name a download is kept under: the first name its sha256 has in the list, so the
 * same bytes fetched from a place that names them otherwise (Debian's `.orig` name, the
 * project's own) are one entry, found again whichever place answered.
 */
function storedName(place: LibrarySourcePlace, places: readonly LibrarySourcePlace[]): string {
  return placeFileName(places.find(other => other.sha256 === place.sha256) ?? place)
}

async function placeUrl(place: LibrarySourcePlace): Promise<string | null> {
  if ('url' in place) return place.url
  const base = await mirrorBase(place.mirror)
  return base ? `${base.replace(/\/+$/, '')}/${place.path}` : null
}
