import { createWriteStream, existsSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { UserError } from '../errors/user-error'
import { cachedEntry } from './cached-entry'
import { DOWNLOAD } from './entry-kinds'
import { sha256File } from './hash'

/** A download that cannot be used: its name, and what was wrong with it. */
export class DownloadError extends UserError {
  constructor(
    readonly file: string,
    detail: string
  ) {
    super(
      { input: file, cause: detail, fix: 'check the address, its sha256 and the network, then retry' },
      `Downloading ${file} failed: ${detail}. Nothing from it was used.`
    )
    this.name = 'DownloadError'
  }
}

export interface DownloadRequest {
  url: string
  /**
   * Where the file goes: `<entry>/<name>`, the entry directory keyed by what is
   * expected (the sha256, or the URL when there is none); it exists only once the
   * file is complete and verified.
   */
  dest: string
  /** Expected sha256 (hex); null accepts any content of the announced length. */
  sha256: string | null
  log: (line: string) => void
}

/**
 * Downloads `url` to `dest` as a cache entry of its own: a body shorter than its
 * Content-Length, or one whose sha256 differs from the expected one, is deleted and
 * reported, never moved into place. A complete entry is reused (checked against its
 * manifest), and two processes asking at once download it once.
 */
export async function downloadVerified(request: DownloadRequest): Promise<{ file: string; sha256: string }> {
  const { dest, sha256, log } = request
  const name = path.basename(dest)
  await cachedEntry({
    kind: DOWNLOAD,
    root: path.dirname(dest),
    describe: name,
    // Before manifests, a download was complete once its file was there with the expected sha256.
    legacyComplete: async root =>
      existsSync(path.join(root, name)) && (sha256 === null || (await sha256File(path.join(root, name))) === sha256),
    build: dir => fetchVerified(request, path.join(dir, name)),
    log
  })
  return { file: dest, sha256: sha256 ?? (await sha256File(dest)) }
}

/** Fetches into the entry's staging directory, which the cache-entry primitive removes on any failure. */
async function fetchVerified(request: DownloadRequest, file: string): Promise<void> {
  const { url, sha256 } = request
  const name = path.basename(file)
  request.log(`  downloading ${url}`)
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new DownloadError(name, `${url} could not be fetched (${describeFetchError(error)})`)
  }
  if (!response.ok || !response.body) throw new DownloadError(name, `${url} answered HTTP ${response.status}`)
  const announced = Number(response.headers.get('content-length') ?? NaN)
  let received = 0
  try {
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)
    body.on('data', (chunk: Buffer) => {
      received += chunk.length
    })
    await pipeline(body, createWriteStream(file))
  } catch (error) {
    throw new DownloadError(
      name,
      `the connection ended after ${received}${Number.isNaN(announced) ? '' : ` of ${announced}`} bytes (${describeFetchError(error)})`
    )
  }
  if (!Number.isNaN(announced) && received !== announced) {
    throw new DownloadError(name, `the body was truncated (${received} of ${announced} bytes)`)
  }
  const actual = await sha256File(file)
  if (sha256 !== null && actual !== sha256.toLowerCase()) {
    throw new DownloadError(name, `its sha256 is ${actual}, not the expected ${sha256}`)
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause
  return cause?.message ?? (error as Error).message ?? String(error)
}
