import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'

// What pip installed: every compiled extension module file below the site directory,
// by dotted name, and the distribution whose RECORD lists it. Used by the packages
// stage and by resolve (which matches captured objects to installed modules).

/** An extension module file pip installed, by dotted name. */
export interface InstalledExtension {
  module: string
  /** Path relative to the site directory. */
  file: string
  /** The distribution whose dist-info RECORD lists the file, when one does, and its version. */
  distribution: string | null
  version?: string | null
}

const EXTENSION_FILE = /^(.+?)(\.cpython-[^.]+|\.abi3)?\.(so|pyd)$/

/**
 * Every compiled extension module file below the site directory, as a dotted
 * module name. A file tagged for another platform (`.cpython-311-x86_64-linux-gnu.so`
 * in a musl build) is a stale in-tree build/ copy that setuptools packed along,
 * never something this build compiled: it is skipped.
 */
export async function findExtensionFiles(siteDir: string, platformTag: string): Promise<InstalledExtension[]> {
  const found: InstalledExtension[] = []
  const walk = async (dir: string): Promise<void> => {
    if (!existsSync(dir)) return
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else {
        const match = EXTENSION_FILE.exec(entry.name)
        if (!match) continue
        if (match[2]?.startsWith('.cpython-') && !match[2].endsWith(`-${platformTag}`)) continue
        const relative = path.relative(siteDir, full)
        const parts = path.dirname(relative) === '.' ? [] : path.dirname(relative).split(path.sep)
        if (parts.some(p => p.endsWith('.libs') || p.includes('-') || p.includes('.'))) continue
        found.push({ module: [...parts, match[1]].join('.'), file: relative, distribution: null })
      }
    }
  }
  await walk(siteDir)
  const owners = await recordOwners(siteDir)
  for (const extension of found) {
    const owner = owners.get(extension.file)
    extension.distribution = owner?.name ?? null
    extension.version = owner?.version ?? null
  }
  return found.sort((a, b) => (a.module < b.module ? -1 : 1))
}

/** File (relative to the site directory) → the distribution (name, version) whose dist-info RECORD lists it. */
async function recordOwners(siteDir: string): Promise<Map<string, { name: string; version: string }>> {
  const owners = new Map<string, { name: string; version: string }>()
  if (!existsSync(siteDir)) return owners
  for (const entry of await readdir(siteDir)) {
    const match = /^(.+?)-([^-]+)\.dist-info$/.exec(entry)
    const record = path.join(siteDir, entry, 'RECORD')
    if (!match || !existsSync(record)) continue
    for (const line of (await readFile(record, 'utf8')).split('\n')) {
      const file = line.split(',')[0]
      if (file) owners.set(path.normalize(file), { name: match[1], version: match[2] })
    }
  }
  return owners
}
