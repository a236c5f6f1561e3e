import { z } from 'zod'
import { parseDeb822 } from '../distribution/release-index'
import bundledSources from './library-sources.json'

/**
 * The sources of the C libraries pyseal builds from source (library-sources.json): for
 * each Debian source package a recipe names, the release it builds and the places its
 * source can be fetched from, each pinned by sha256. The first place is Debian 12's
 * upstream tarball (`.orig.tar.*`, found on the Debian archive the machine's settings
 * name); the others are the project's own release files, for machines with no Debian
 * archive in reach (a GitHub runner's apt names Ubuntu's). An upstream file whose sha256
 * differs from Debian's (Debian repacked it: `+dfsg`) is the same release packed
 * differently: either builds the same library. Read by static-deps-sources.ts; refreshed
 * from Debian's source index by scripts/update-library-sources.ts.
 */

const PlaceFacts = {
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Who publishes it, in words, for the log. */
  from: z.string().min(1)
}

/** A path on the machine's Debian archive (source-mirrors.ts), or a whole URL. */
export const LibrarySourcePlaceSchema = z.union([
  z.object({ mirror: z.literal('debian'), path: z.string().regex(/^pool\//), ...PlaceFacts }).strict(),
  z.object({ url: z.string().url().startsWith('https://'), ...PlaceFacts }).strict()
])
export type LibrarySourcePlace = z.infer<typeof LibrarySourcePlaceSchema>

export const LibrarySourceSchema = z
  .object({
    /** The upstream release, as Debian's file names it (`1.2.13.dfsg`). */
    version: z.string().min(1),
    /** Debian 12's version of the source package, `1:1.2.13.dfsg-1`. */
    debianVersion: z.string().min(1),
    places: z.array(LibrarySourcePlaceSchema).min(1)
  })
  .strict()
  .refine(source => 'mirror' in source.places[0], { message: "the first place is Debian's upstream tarball" })
export type LibrarySource = z.infer<typeof LibrarySourceSchema>

export const LibrarySourcesSchema = z
  .object({
    comment: z.string().optional(),
    /** Keyed by Debian source package name. */
    sources: z.record(z.string().regex(/^[a-z0-9][a-z0-9.+-]+$/), LibrarySourceSchema)
  })
  .strict()
export type LibrarySources = z.infer<typeof LibrarySourcesSchema>

let checked: LibrarySources | null = null

/** The bundled list, checked against its schema once per process. */
export function loadLibrarySources(): LibrarySources {
  checked ??= LibrarySourcesSchema.parse(bundledSources)
  return checked
}

/** The file name a place's path or URL ends in. */
export function placeFileName(place: LibrarySourcePlace): string {
  const where = 'url' in place ? new URL(place.url).pathname : place.path
  return where.slice(where.lastIndexOf('/') + 1)
}

/** A source package's upstream tarball as a Debian `Sources` index lists it. */
export interface DebianSourceOrig {
  debianVersion: string
  upstreamVersion: string
  /** Relative to the archive's root. */
  path: string
  sha256: string
}

/**
 * The upstream tarball of `pkg` in a `Sources` index: its `.orig.tar.*` (the main one,
 * not an `orig-<component>` tarball), or the only tarball of a native package; null
 * when the index has no such package.
 */
export function debianSourceOrig(sourcesIndex: string, pkg: string): DebianSourceOrig | null {
  const name = new RegExp(`^${pkg.replace(/[.+]/g, '\\$&')}_([^_]+?)(\\.orig)?\\.tar\\.(gz|bz2|xz|lzma|zst)$`)
  for (const stanza of parseDeb822(sourcesIndex)) {
    if (stanza.get('Package') !== pkg) continue
    const directory = stanza.get('Directory')
    const debianVersion = stanza.get('Version')
    if (!directory || !debianVersion) continue
    const files = (stanza.get('Checksums-Sha256') ?? '').split('\n').map(line => line.trim().split(/\s+/))
    const orig =
      files.find(([, , file]) => file && name.exec(file)?.[2]) ??
      files.find(([, , file]) => file && name.test(file) && !file.includes('.debian.tar.'))
    if (!orig) continue
    const [sha256, , file] = orig
    return { debianVersion, upstreamVersion: name.exec(file)?.[1] ?? '', path: `${directory}/${file}`, sha256 }
  }
  return null
}
