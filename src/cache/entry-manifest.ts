import { existsSync } from 'node:fs'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { sha256File } from './hash'

/**
 * A cache entry's own list of its files and their sha256, written before the entry
 * leaves this machine (into GitHub's cache) and checked when it comes back: a damaged
 * or incomplete restore is found and the entry rebuilt instead of linked.
 */
export const ENTRY_MANIFEST = '.pyseal-entry.json'

interface EntryManifest {
  files: Record<string, string>
}

async function listFiles(dir: string, base = dir): Promise<string[]> {
  const files: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) files.push(...(await listFiles(full, base)))
    else if (entry.isFile() && entry.name !== ENTRY_MANIFEST) files.push(path.relative(base, full))
  }
  return files.sort()
}

/** Writes the manifest of `dir` (once: an entry never changes after it is complete). */
export async function writeEntryManifest(dir: string): Promise<void> {
  if (existsSync(path.join(dir, ENTRY_MANIFEST))) return
  const files: Record<string, string> = {}
  for (const file of await listFiles(dir)) files[file] = await sha256File(path.join(dir, file))
  await writeFile(path.join(dir, ENTRY_MANIFEST), JSON.stringify({ files } satisfies EntryManifest) + '\n')
}

/**
 * Null when `dir` matches its manifest; else what is wrong. Without a manifest the
 * entry passes (built here) unless `requireManifest` (restored: it must have one).
 */
export async function verifyEntry(dir: string, options: { requireManifest?: boolean } = {}): Promise<string | null> {
  const manifestFile = path.join(dir, ENTRY_MANIFEST)
  if (!existsSync(manifestFile)) return options.requireManifest ? 'it has no manifest (an incomplete restore)' : null
  let manifest: EntryManifest
  try {
    manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as EntryManifest
  } catch {
    return 'its manifest is unreadable'
  }
  const present = new Set(await listFiles(dir))
  for (const [file, sha] of Object.entries(manifest.files)) {
    if (!present.has(file)) return `${file} is missing`
    if ((await sha256File(path.join(dir, file))) !== sha) return `${file} does not match its sha256`
  }
  return null
}
