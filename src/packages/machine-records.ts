import { existsSync } from 'node:fs'
import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * What pip records that names this machine rather than the package: `direct_url.json`
 * (PEP 610: for pyseal, the project's copy in the cache) and RECORD lines for files
 * outside the site directory (console scripts, whose first line names the cache's
 * Python). Neither is in the binary; both would make it differ per cache directory.
 * They go, RECORD lines and all.
 */
export async function dropMachineRecords(siteDir: string): Promise<void> {
  for (const entry of await readdir(siteDir)) {
    if (!entry.endsWith('.dist-info')) continue
    const directUrl = path.join(siteDir, entry, 'direct_url.json')
    if (existsSync(directUrl)) await rm(directUrl)
    const record = path.join(siteDir, entry, 'RECORD')
    if (!existsSync(record)) continue
    const lines = (await readFile(record, 'utf8')).split('\n')
    const kept = lines.filter(l => !l.startsWith(`${entry}/direct_url.json,`) && !l.startsWith('../'))
    if (kept.length !== lines.length) await writeFile(record, kept.join('\n'))
  }
}
