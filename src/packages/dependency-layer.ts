import { existsSync } from 'node:fs'
import { appendFile, cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { cachedEntry, type CachedEntry } from '../cache/cached-entry'
import { DEPENDENCY_LAYER } from '../cache/entry-kinds'
import { contentKey } from '../cache/hash'
import { readCapture } from './capture-records'
import { pipInstall } from './pip-install'
import type { PackageBuildRequest } from './build-packages'

/**
 * The requirements files and the project's own dependencies, built from source
 * once and cached by what they are, not by the project's code: the project's own
 * layer is rebuilt on every change to it, this one only when they change.
 */
export async function buildDependencyLayer(
  request: PackageBuildRequest,
  dependencies: string[],
  keyParts: Record<string, unknown>,
  prefixes: string[]
): Promise<CachedEntry> {
  const { requirements, cacheRoot, log } = request
  const key = contentKey({ ...keyParts, layer: 'dependencies', dependencies })
  const names = [...dependencies, ...requirements.map(r => path.basename(r))].join(', ')
  return cachedEntry({
    kind: DEPENDENCY_LAYER,
    root: path.join(cacheRoot, 'packages', key),
    describe: `dependencies ${key} (${names})`,
    // Capture records name the objects by absolute path, inside the entry (rewritten when merged).
    buildInPlace: true,
    build: async root => {
      const captureDir = path.join(root, 'capture')
      await mkdir(captureDir, { recursive: true })
      log(`  pip install (from source) the dependencies: ${names}`)
      const into = { prefixes, siteDir: path.join(root, 'site'), captureDir, logFile: path.join(root, 'pip.log') }
      await pipInstall(request, into, [...dependencies, ...requirements.flatMap(r => ['-r', r])])
      const records = (await readCapture(captureDir)).records.length
      await writeFile(path.join(root, 'build.json'), JSON.stringify({ key, records }, null, 2) + '\n')
    },
    log
  })
}

/**
 * Adds the dependency layer to the project's entry: its installed files (the
 * project's own win), its captured objects, and its capture records, pointed at
 * this entry's copies so the entry stands alone in any cache.
 */
export async function mergeDependencyLayer(layerRoot: string, root: string): Promise<void> {
  if (existsSync(path.join(layerRoot, 'site'))) {
    await cp(path.join(layerRoot, 'site'), path.join(root, 'site'), {
      recursive: true,
      force: false,
      errorOnExist: false
    })
  }
  const from = path.join(layerRoot, 'capture')
  const to = path.join(root, 'capture')
  if (existsSync(path.join(from, 'objects'))) {
    await cp(path.join(from, 'objects'), path.join(to, 'objects'), {
      recursive: true,
      force: false,
      errorOnExist: false
    })
  }
  const oldPrefix = JSON.stringify(from + path.sep).slice(1, -1)
  const newPrefix = JSON.stringify(to + path.sep).slice(1, -1)
  for (const kind of ['records', 'intended']) {
    const dir = path.join(from, kind)
    if (!existsSync(dir)) continue
    await mkdir(path.join(to, kind), { recursive: true })
    for (const name of await readdir(dir)) {
      const target = path.join(to, kind, name)
      if (existsSync(target)) continue
      const text = await readFile(path.join(dir, name), 'utf8')
      await writeFile(target, text.split(oldPrefix).join(newPrefix))
    }
  }
  const skipped = path.join(from, 'skipped.jsonl')
  if (existsSync(skipped)) await appendFile(path.join(to, 'skipped.jsonl'), await readFile(skipped, 'utf8'))
}
