import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'

const SKIPPED_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  'build',
  'dist',
  'pyseal-out',
  '__pycache__',
  'node_modules',
  '.tox',
  '.nox',
  '.venv',
  '.mypy_cache',
  '.pytest_cache'
])

/** A hash of a source tree's files (paths and bytes), skipping build output and VCS folders. */
export async function hashTree(root: string): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.endsWith('.egg-info')) await walk(full)
      } else if (entry.isFile()) {
        hash
          .update(path.relative(root, full))
          .update('\0')
          .update(await readFile(full))
          .update('\0')
      }
    }
  }
  await walk(root)
  return hash.digest('hex')
}
