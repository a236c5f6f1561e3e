import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

// The one place pyseal hashes: file contents, text, and content keys of cache entries.

/** sha256 of a file's bytes, hex. */
export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', chunk => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

/** sha256 of a text, hex. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A short content key for a JSON-serialisable description (keys sorted, so order never matters). */
export function contentKey(description: unknown, length = 24): string {
  return sha256Text(stableJson(description)).slice(0, length)
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
