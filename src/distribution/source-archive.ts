import { existsSync } from 'node:fs'
import { chmod, open, readdir } from 'node:fs/promises'
import path from 'node:path'
import { runChecked } from '../exec/run'

/**
 * Unpacks a CPython source archive into `work` and returns the directory that holds
 * its `configure` (null when there is none). A tarball keeps its file modes; a zip
 * (a repository tag as the Go module proxy serves it, under
 * `github.com/python/cpython@vX.Y.Z+incompatible/`) does not, so its scripts —
 * the files that start with `#!` — are made executable again.
 */
export async function unpackSourceArchive(file: string, work: string): Promise<string | null> {
  if (file.endsWith('.zip')) {
    await runChecked({ command: 'unzip', args: ['-q', file, '-d', work] })
    const srcDir = await findConfigure(work, 3)
    if (srcDir) await restoreScriptModes(srcDir)
    return srcDir
  }
  await runChecked({ command: 'tar', args: ['-xf', file, '-C', work] })
  return findConfigure(work, 1)
}

/** The first directory at most `depth` levels below `dir` that holds a `configure` script. */
async function findConfigure(dir: string, depth: number): Promise<string | null> {
  if (existsSync(path.join(dir, 'configure'))) return dir
  if (depth === 0) return null
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (!entry.isDirectory()) continue
    const found = await findConfigure(path.join(dir, entry.name), depth - 1)
    if (found) return found
  }
  return null
}

async function restoreScriptModes(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) await restoreScriptModes(full)
    else if (entry.isFile() && (await startsWithShebang(full))) await chmod(full, 0o755)
  }
}

async function startsWithShebang(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const head = Buffer.alloc(2)
    const { bytesRead } = await handle.read(head, 0, 2, 0)
    return bytesRead === 2 && head.toString('latin1') === '#!'
  } finally {
    await handle.close()
  }
}
