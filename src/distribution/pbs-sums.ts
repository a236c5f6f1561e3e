import type { PbsArchive, PbsManifest } from './pbs'

const FULL_ARCHIVE =
  /^cpython-(\d+\.\d+\.\d+)\+(\d{8})-([a-z0-9_]+-[a-z]+-[a-z]+(?:-[a-z]+)?)-([a-z0-9+_-]+?)-full\.tar\.zst$/

/**
 * Reads a python-build-standalone release's `SHA256SUMS` (`<sha256>  <file name>` per
 * line) and keeps the "full" archives for the given triples: the only ones with the
 * objects and PYTHON.json a static relink needs.
 */
export function fullArchivesFromSums(text: string, triples: readonly string[]): PbsArchive[] {
  const archives: PbsArchive[] = []
  for (const line of text.split('\n')) {
    const [sha256, name] = line.trim().split(/\s+\*?/)
    if (!sha256 || !name || !/^[0-9a-f]{64}$/.test(sha256)) continue
    const match = FULL_ARCHIVE.exec(name)
    if (!match) continue
    const [, python, release, triple, variant] = match
    if (!triples.includes(triple) || variant.includes('freethreaded') || variant.includes('debug')) continue
    archives.push({ python, release, triple, variant, sha256 })
  }
  return archives
}

/** The manifest with `added` merged in (one entry per name; newest first), ready to write. */
export function mergeManifest(manifest: PbsManifest, added: PbsArchive[]): PbsManifest {
  const key = (a: PbsArchive): string => `${a.python}+${a.release}-${a.triple}-${a.variant}`
  const byKey = new Map(manifest.archives.map(a => [key(a), a]))
  for (const archive of added) byKey.set(key(archive), archive)
  const version = (v: string): number => v.split('.').reduce((n, part) => n * 1000 + Number(part), 0)
  const archives = [...byKey.values()].sort(
    (a, b) =>
      version(b.python) - version(a.python) ||
      b.release.localeCompare(a.release) ||
      a.triple.localeCompare(b.triple) ||
      a.variant.localeCompare(b.variant)
  )
  return { ...manifest, archives }
}
