import path from 'node:path'
import { downloadVerified, DownloadError } from '../cache/download'
import { contentKey } from '../cache/hash'
import { UserError } from '../errors/user-error'
import { loadCPythonReleases, parseCPythonValue } from './cpython-releases'
import { mirrorBase, type SourceMirror } from './source-mirrors'

/** What names each mirror, for the message when a machine has none. */
const MIRROR_SETTING: Record<SourceMirror, string> = {
  debian: "set PYSEAL_DEBIAN_MIRROR to a Debian archive, or add one to apt's sources",
  'go-proxy': 'set GOPROXY, or install Go'
}

export interface SourceDownload {
  url: string
  /** The pinned sha256; null takes what comes (its sha256 is returned, to pin next time). */
  sha256: string | null
  /** The file's name in the cache, when the URL's last part does not say what it is. */
  name?: string
  cacheRoot: string
  log: (line: string) => void
}

/**
 * A CPython source by URL, as a download entry under `<cache>/sources/`, keyed by the
 * URL and its pin: an unpinned download of a URL is never taken for the pinned one.
 */
export async function downloadCPythonSource(request: SourceDownload): Promise<{ file: string; sha256: string }> {
  const { url, sha256, cacheRoot, log } = request
  const dir = path.join(cacheRoot, 'sources', contentKey({ url, sha256: sha256 ?? undefined }, 16))
  const dest = path.join(dir, request.name ?? (path.basename(new URL(url).pathname) || 'python.tgz'))
  return downloadVerified({ url, dest, sha256, log })
}

/**
 * `cpython:X.Y.Z` or `cpython:X.Y.Zt` (what --python-version resolves to; the free-threaded
 * build has the same source): the release's source, fetched
 * from the first of its places that answers, checked against the release list's
 * sha256 and kept in the cache like any pinned source download; with the release
 * list's words for the place it came from, for the report. Called by obtain.ts.
 */
export async function fetchCPythonSource(
  value: string,
  cacheRoot: string,
  log: (line: string) => void
): Promise<{ file: string; from: string }> {
  const version = parseCPythonValue(value)?.version
  const release = (await loadCPythonReleases()).releases.find(r => r.version === version)
  if (!version || !release) {
    throw new UserError({
      input: `python-distribution "${value}"`,
      cause: "names no release in pyseal's CPython release list",
      fix: 'use --python-version X.Y (or X.Y.Z) instead'
    })
  }
  const failures: string[] = []
  for (const source of release.sources) {
    const base = 'mirror' in source ? await mirrorBase(source.mirror) : null
    if ('mirror' in source && !base) {
      failures.push(`${source.from}: this machine names no ${source.mirror} mirror (${MIRROR_SETTING[source.mirror]})`)
      continue
    }
    const url = 'url' in source ? source.url : `${base?.replace(/\/+$/, '')}/${source.path}`
    // The Go module proxy names every file by the tag only: keep the version in the name.
    const name = url.endsWith('.zip') ? `cpython-${version}.zip` : undefined
    try {
      log(`  CPython ${version} source from ${source.from}`)
      const { file } = await downloadCPythonSource({ url, sha256: source.sha256, name, cacheRoot, log })
      return { file, from: source.from }
    } catch (error) {
      if (!(error instanceof DownloadError)) throw error
      failures.push(error.message)
    }
  }
  throw new UserError(
    {
      input: `CPython ${version}`,
      cause: 'could not be fetched from any of its sources',
      fix: 'check the network, or give --python-distribution a local source tarball'
    },
    `CPython ${version}'s source could not be fetched from any of its places:\n  - ${failures.join('\n  - ')}\n` +
      'Check the network, or give --python-distribution a local source tarball of that version.'
  )
}
