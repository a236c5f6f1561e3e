import { createHash } from 'node:crypto'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { UserError } from '../errors/user-error'
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
  /** Where the file goes; it exists only once complete and verified. */
  dest: string
  /** Expected sha256 (hex); null accepts any content of the announced length. */
  sha256: string | null
  log: (line: string) => void
}

/**
 * Downloads `url` to `dest` through a `.partial` file: a body shorter than its
 * Content-Length, or one whose sha256 differs from the expected one, is deleted and
 * reported, never renamed into place. An existing `dest` with the right hash is reused.
 */
export async function downloadVerified(request: DownloadRequest): Promise<{ file: string; sha256: string }> {
  const { url, dest, sha256 } = request
  const name = path.basename(dest)
  if (existsSync(dest)) {
    const existing = await sha256File(dest)
    if (sha256 === null || existing === sha256) return { file: dest, sha256: existing }
    await rm(dest, { force: true })
  }
  await mkdir(path.dirname(dest), { recursive: true })
  request.log(`  downloading ${url}`)
  let response: Response
  try {
    response = await fetch(url)
  } catch (error) {
    throw new DownloadError(name, `${url} could not be fetched (${describeFetchError(error)})`)
  }
  if (!response.ok || !response.body) throw new DownloadError(name, `${url} answered HTTP ${response.status}`)
  const announced = Number(response.headers.get('content-length') ?? NaN)
  const partial = `${dest}.partial`
  const hash = createHash('sha256')
  let received = 0
  try {
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      received += chunk.length
    })
    await pipeline(body, createWriteStream(partial))
  } catch (error) {
    await rm(partial, { force: true })
    throw new DownloadError(
      name,
      `the connection ended after ${received}${Number.isNaN(announced) ? '' : ` of ${announced}`} bytes (${describeFetchError(error)})`
    )
  }
  if (!Number.isNaN(announced) && received !== announced) {
    await rm(partial, { force: true })
    throw new DownloadError(name, `the body was truncated (${received} of ${announced} bytes)`)
  }
  const actual = hash.digest('hex')
  if (sha256 !== null && actual !== sha256.toLowerCase()) {
    await rm(partial, { force: true })
    throw new DownloadError(name, `its sha256 is ${actual}, not the expected ${sha256}`)
  }
  await rename(partial, dest)
  return { file: dest, sha256: actual }
}

function describeFetchError(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause
  return cause?.message ?? (error as Error).message ?? String(error)
}
