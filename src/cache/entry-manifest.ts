import { existsSync } from 'node:fs'
import { readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { sha256File } from './hash'

/**
 * A cache entry's own list of its files and their sha256. The cache-entry primitive
 * (cached-entry.ts) writes it last, with the entry's kind and recipe version: that
 * manifest is the entry's completion marker. The action's GitHub cache
 * (github-cache.ts) writes one, without kind, into an older entry that lacks it before
 * the entry leaves this machine, and checks every entry against its manifest when it
 * comes back: a damaged or incomplete restore is found and rebuilt instead of linked.
 */
export const ENTRY_MANIFEST = '.pyseal-entry.json'

export interface EntryManifest {
  /** The kind of entry (entry-kinds.ts), when the cache-entry primitive made it. */
  kind?: string
  /** The kind's recipe version the entry was made by. */
  recipeVersion?: number
  files: Record<string, string>
}

/** The entry's files, relative to it, without the manifest and its temporary copies. */
async function listFiles(dir: string, base = dir): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await listFiles(full, base)))
    else if (entry.isFile() && !entry.name.startsWith(ENTRY_MANIFEST)) files.push(path.relative(base, full))
  }
  return files.sort()
}

/**
 * Writes the manifest of `dir` through a temporary name, so a reader never meets half
 * a manifest. The cache-entry primitive writes it, `madeBy` its kind, when the entry is
 * complete; without `madeBy` (the GitHub cache's save, for an older entry) an existing
 * manifest is kept: an entry never changes after it is complete.
 */
export async function writeEntryManifest(
  dir: string,
  madeBy: { kind: string; recipeVersion: number } | null = null
): Promise<void> {
  const file = path.join(dir, ENTRY_MANIFEST)
  if (!madeBy && existsSync(file)) return
  const files: Record<string, string> = {}
  for (const name of await listFiles(dir)) files[name] = await sha256File(path.join(dir, name))
  const manifest: EntryManifest = { ...madeBy, files }
  const partial = `${file}.${process.pid}.partial`
  try {
    await writeFile(partial, JSON.stringify(manifest) + '\n')
    await rename(partial, file)
  } finally {
    await rm(partial, { force: true })
  }
}

/** The entry's manifest; null when it has none; 'unreadable' when it is not a manifest. */
export async function readEntryManifest(dir: string): Promise<EntryManifest | 'unreadable' | null> {
  const file = path.join(dir, ENTRY_MANIFEST)
  if (!existsSync(file)) return null
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as EntryManifest
    return manifest && typeof manifest.files === 'object' && manifest.files !== null ? manifest : 'unreadable'
  } catch {
    return 'unreadable'
  }
}

export interface VerifyOptions {
  /** Restored from elsewhere: an entry without a manifest fails. */
  requireManifest?: boolean
  /** False: only check that every listed file is there (for entries too large to hash on every use). */
  hashes?: boolean
}

/**
 * Null when `dir` matches its manifest; else what is wrong. Without a manifest the
 * entry passes (built here) unless `requireManifest` (restored: it must have one).
 */
export async function verifyEntry(dir: string, options: VerifyOptions = {}): Promise<string | null> {
  const manifest = await readEntryManifest(dir)
  if (manifest === null) return options.requireManifest ? 'it has no manifest (an incomplete restore)' : null
  if (manifest === 'unreadable') return 'its manifest is unreadable'
  const present = new Set(await listFiles(dir))
  for (const [file, sha] of Object.entries(manifest.files)) {
    if (!present.has(file)) return `${file} is missing`
    if (options.hashes !== false && (await sha256File(path.join(dir, file))) !== sha) {
      return `${file} does not match its sha256`
    }
  }
  return null
}
