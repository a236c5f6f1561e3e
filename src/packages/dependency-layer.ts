import { existsSync } from 'node:fs'
import { appendFile, cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { contentKey } from '../cache/hash'
import { withCacheLock } from '../cache/lock'
import { writeEntryManifest } from '../cache/entry-manifest'
import { readCapture } from './capture-records'
import { pipInstall } from './pip-install'
import { intactEntry, type PackageBuildRequest } from './build-packages'

/**
 * The requirements files and the project's own dependencies, built from source
 * once and cached by what they are, not by the project's code: the project's own
 * layer is rebuilt on every change to it, this one only when they change.
 */
export async function buildDependencyLayer(
  request: PackageBuildRequest,
  dependencies: string[],
  keyParts: Record<string, unknown>,
  prefix: string
): Promise<{ root: string; reused: boolean }> {
  const { requirements, cacheRoot, log } = request
  const key = contentKey({ ...keyParts, layer: 'dependencies', dependencies })
  const root = path.join(cacheRoot, 'packages', key)
  const doneMarker = path.join(root, 'build.json')
  const names = [...dependencies, ...requirements.map(r => path.basename(r))].join(', ')
  if (await intactEntry(root, `dependencies ${key}`, log)) {
    log(`  reused cached dependencies ${key} (${names})`)
    return { root, reused: true }
  }
  return withCacheLock(`${root}.lock`, async () => {
    if (await intactEntry(root, `dependencies ${key}`, log)) return { root, reused: true }
    await rm(root, { recursive: true, force: true })
    const captureDir = path.join(root, 'capture')
    await mkdir(captureDir, { recursive: true })
    log(`  pip install (from source) the dependencies: ${names}`)
    const into = { prefix, siteDir: path.join(root, 'site'), captureDir, logFile: path.join(root, 'pip.log') }
    await pipInstall(request, into, [...dependencies, ...requirements.flatMap(r => ['-r', r])])
    const records = (await readCapture(captureDir)).records.length
    await writeFile(doneMarker, JSON.stringify({ key, records }, null, 2) + '\n')
    await writeEntryManifest(root)
    return { root, reused: false }
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
