import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

let cached: string | null = null

/** The folder holding pyseal's package.json, python/ and c/ (from src/ in tests, from dist/ when bundled). */
export function packageRoot(): string {
  if (cached) return cached
  let dir = __dirname
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pyseal') {
      cached = dir
      return dir
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`pyseal's package root was not found above ${__dirname}`)
    dir = parent
  }
}

/** pyseal's own version (its package.json), for the report and the cache keys. */
export function toolVersion(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version
}
