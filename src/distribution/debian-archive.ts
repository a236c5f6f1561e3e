import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { downloadVerified } from '../cache/download'
import { indexEntryFromRelease } from './release-index'

/**
 * Reads a Debian suite's source index from an archive, for the scripts that refresh
 * pinned source lists (scripts/update-cpython-releases.ts, update-library-sources.ts).
 */

const SOURCES_INDEX = 'main/source/Sources.gz'

export async function fetchOk(url: string, method = 'GET'): Promise<Response> {
  const response = await fetch(url, { method })
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`)
  return response
}

/**
 * A suite's source index, checked as apt checks it (downloadVerified): its sha256 must be the
 * one the suite's InRelease gives. InRelease's own OpenPGP signature is not verified
 * here (no gpg step): the check ties the index to InRelease as fetched, and the
 * printed changes are what a reviewer reads before committing them. Downloaded under `work`.
 */
export async function suiteSourcesIndex(
  base: string,
  suite: string,
  work: string,
  log: (line: string) => void
): Promise<string> {
  const release = await (await fetchOk(`${base}/dists/${suite}/InRelease`)).text()
  // apt refuses an InRelease past its Valid-Until; here it is a warning: the index is old, not wrong.
  const validUntil = /^Valid-Until: (.+)$/m.exec(release)?.[1]
  if (validUntil && Date.parse(validUntil) < Date.now()) log(`warning: ${suite}'s InRelease expired ${validUntil}`)
  const expected = indexEntryFromRelease(release, SOURCES_INDEX)
  if (!expected) throw new Error(`${suite}'s InRelease names no ${SOURCES_INDEX}`)
  const url = `${base}/dists/${suite}/${SOURCES_INDEX}`
  const dest = path.join(work, suite, path.basename(SOURCES_INDEX))
  const { file } = await downloadVerified({ url, dest, sha256: expected.sha256, log })
  return gunzipSync(readFileSync(file)).toString('utf8')
}
