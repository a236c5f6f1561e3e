import path from 'node:path'
import { downloadVerified, DownloadError } from '../cache/download'
import { UserError } from '../errors/user-error'
import { loadCPythonReleases } from './cpython-releases'
import { mirrorBase, type SourceMirror } from './source-mirrors'

/** What names each mirror, for the message when a machine has none. */
const MIRROR_SETTING: Record<SourceMirror, string> = {
  debian: "set PYSEAL_DEBIAN_MIRROR to a Debian archive, or add one to apt's sources",
  'go-proxy': 'set GOPROXY, or install Go'
}

async function mirrorUrl(mirror: SourceMirror, file: string): Promise<string | null> {
  const base = await mirrorBase(mirror)
  return base ? `${base.replace(/\/+$/, '')}/${file}` : null
}

/**
 * `cpython:X.Y.Z` (what --python-version resolves to): the release's source, fetched
 * from the first of its places that answers, checked against the release list's
 * sha256 and kept in the cache by that sha256. Called by obtain.ts.
 */
export async function fetchCPythonSource(
  value: string,
  cacheRoot: string,
  log: (line: string) => void
): Promise<string> {
  const version = value.slice('cpython:'.length)
  const release = (await loadCPythonReleases()).releases.find(r => r.version === version)
  if (!release) {
    throw new UserError({
      input: `python-distribution "${value}"`,
      cause: "names no release in pyseal's CPython release list",
      fix: 'use --python-version X.Y (or X.Y.Z) instead'
    })
  }
  const failures: string[] = []
  for (const source of release.sources) {
    const url = 'url' in source ? source.url : await mirrorUrl(source.mirror, source.path)
    if (!url) {
      const mirror = 'mirror' in source ? source.mirror : 'debian'
      failures.push(`${source.from}: this machine names no ${mirror} mirror (${MIRROR_SETTING[mirror]})`)
      continue
    }
    const name = path.basename(new URL(url).pathname)
    // The Go module proxy names every file by the tag only: keep the version in the name.
    const file = name.endsWith('.zip') ? `cpython-${version}.zip` : name
    const dest = path.join(cacheRoot, 'downloads', 'cpython', source.sha256.slice(0, 16), file)
    try {
      log(`  CPython ${version} source from ${source.from}`)
      return (await downloadVerified({ url, dest, sha256: source.sha256, log })).file
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
