import { createHash } from 'node:crypto'
import { cp, readFile, readdir } from 'node:fs/promises'
import path from 'node:path'

/** Build output at the project's top level (a package may well have a `build` subpackage). */
const TOP_LEVEL_OUTPUT = new Set(['build', 'dist', 'pyseal-out'])

/** Folders skipped at any depth: version control, caches, environments, egg-info. */
const SKIPPED_DIRS = new Set([
  '.git',
  '.hg',
  '.svn',
  '__pycache__',
  'node_modules',
  '.tox',
  '.nox',
  '.venv',
  '.mypy_cache',
  '.pytest_cache'
])

function skipped(root: string, full: string): boolean {
  const name = path.basename(full)
  if (path.dirname(full) === root && TOP_LEVEL_OUTPUT.has(name)) return true
  return SKIPPED_DIRS.has(name) || name.endsWith('.egg-info')
}

/**
 * Copies a project for building, without its build output: pip builds in the tree
 * it is given, and a stale build/ from an earlier build (another target's
 * extensions, say) would otherwise ride into the wheel. The user's tree is left as it was.
 */
export async function copyProjectTree(source: string, destination: string): Promise<void> {
  await cp(source, destination, {
    recursive: true,
    filter: from => from === source || !skipped(source, from)
  })
}

/** A hash of a source tree's files (paths and bytes), skipping build output and VCS folders. */
export async function hashTree(root: string): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (!skipped(root, full)) await walk(full)
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
