import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { cachedEntry, type EntryRequest } from '../../src/cache/cached-entry'
import type { EntryKind } from '../../src/cache/entry-kinds'
import { ENTRY_MANIFEST, verifyEntry, writeEntryManifest } from '../../src/cache/entry-manifest'
import { withCacheLock } from '../../src/cache/lock'

const KIND: EntryKind = {
  name: 'thing',
  noun: 'thing',
  plural: false,
  made: 'built',
  recipeVersion: 3,
  check: 'sha256',
  legacyMarker: 'done.json'
}

/** A request that counts its builds and collects its log, writing `data.txt` (and the legacy marker). */
function request(
  root: string,
  overrides: Partial<EntryRequest> = {}
): EntryRequest & { builds: string[]; lines: string[] } {
  const builds: string[] = []
  const lines: string[] = []
  return {
    kind: KIND,
    root,
    build: async dir => {
      builds.push(dir)
      await writeFile(path.join(dir, 'data.txt'), 'contents')
      await writeFile(path.join(dir, 'done.json'), '{}')
    },
    log: line => lines.push(line),
    ...overrides,
    builds,
    lines
  }
}

function cacheDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'pyseal-entry-test-'))
}

/** What is left beside the entries: staging, scratch and lock directories. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter(name => /\.(partial|work|lock)$/.test(name))
}

describe('cachedEntry', () => {
  it('builds in a staging directory, renames it into place with its manifest, and reuses it after', async () => {
    const cache = cacheDir()
    const root = path.join(cache, 'k1')
    const first = request(root)
    expect(await cachedEntry(first)).toEqual({ root, reused: false })
    expect(first.builds).toEqual([`${root}.partial`])
    expect(first.lines).toEqual([expect.stringMatching(/^ {2}built thing k1 in [\d.]+s$/)])
    const manifest = JSON.parse(readFileSync(path.join(root, ENTRY_MANIFEST), 'utf8'))
    expect(manifest).toMatchObject({ kind: 'thing', recipeVersion: 3, files: { 'data.txt': expect.any(String) } })
    expect(leftovers(cache)).toEqual([])

    const second = request(root)
    expect(await cachedEntry(second)).toEqual({ root, reused: true })
    expect(second.builds).toEqual([])
    expect(second.lines).toEqual(['  reused cached thing k1'])
  })

  it('builds once when two callers ask at the same moment; the second waits and reuses it', async () => {
    const root = path.join(cacheDir(), 'k2')
    let release: () => void = () => undefined
    const gate = new Promise<void>(resolve => (release = resolve))
    const slow = request(root, {
      build: async dir => {
        slow.builds.push(dir)
        await gate
        await writeFile(path.join(dir, 'data.txt'), 'contents')
      }
    })
    const building = cachedEntry(slow)
    while (slow.builds.length === 0) await new Promise(resolve => setTimeout(resolve, 10))
    const other = request(root)
    const waiting = cachedEntry(other)
    setTimeout(release, 1500)
    expect(await Promise.all([building, waiting])).toEqual([
      { root, reused: false },
      { root, reused: true }
    ])
    expect([...slow.builds, ...other.builds]).toHaveLength(1)
    expect(other.lines).toEqual([
      '  waiting for another pyseal process building thing k2',
      '  reused thing k2, which another pyseal process built'
    ])
  })

  it('leaves nothing of a failed staged build', async () => {
    const cache = cacheDir()
    const root = path.join(cache, 'k3')
    const failing = request(root, {
      build: async (dir, work) => {
        mkdirSync(work)
        await writeFile(path.join(dir, 'half.txt'), 'half')
        throw new Error('the recipe failed')
      }
    })
    await expect(cachedEntry(failing)).rejects.toThrow('the recipe failed')
    expect(readdirSync(cache)).toEqual([])
  })

  it('keeps a failed in-place build for its logs, and clears it on the next attempt', async () => {
    const cache = cacheDir()
    const root = path.join(cache, 'k4')
    const failing = request(root, {
      buildInPlace: true,
      build: async dir => {
        await writeFile(path.join(dir, 'pip.log'), 'what went wrong')
        throw new Error('pip failed')
      }
    })
    await expect(cachedEntry(failing)).rejects.toThrow('pip failed')
    expect(readFileSync(path.join(root, 'pip.log'), 'utf8')).toBe('what went wrong')
    expect(leftovers(cache)).toEqual([])

    const again = request(root, { buildInPlace: true })
    expect(await cachedEntry(again)).toEqual({ root, reused: false })
    expect(again.builds).toEqual([root])
    expect(again.lines[0]).toBe('  clearing what an unfinished build of thing k4 left')
    expect(existsSync(path.join(root, 'pip.log'))).toBe(false)
    expect(await verifyEntry(root, { requireManifest: true })).toBeNull()
  })

  it('rebuilds a damaged entry, saying what was wrong', async () => {
    const root = path.join(cacheDir(), 'k5')
    await cachedEntry(request(root))
    writeFileSync(path.join(root, 'data.txt'), 'changed')
    const again = request(root)
    expect(await cachedEntry(again)).toEqual({ root, reused: false })
    expect(again.lines[0]).toBe('  cached thing k5 is damaged (data.txt does not match its sha256): building it again')
    expect(readFileSync(path.join(root, 'data.txt'), 'utf8')).toBe('contents')
  })

  it('rebuilds an entry made by another recipe version', async () => {
    const root = path.join(cacheDir(), 'k6')
    await cachedEntry(request(root, { kind: { ...KIND, recipeVersion: 2 } }))
    const again = request(root)
    expect(await cachedEntry(again)).toEqual({ root, reused: false })
    expect(again.lines[0]).toBe('  cached thing k6 is from recipe 2, not 3: building it again')
  })

  it('reuses an entry made before manifests by its legacy marker, and not one without it', async () => {
    const cache = cacheDir()
    const legacy = path.join(cache, 'k7')
    mkdirSync(legacy)
    writeFileSync(path.join(legacy, 'done.json'), '{}')
    expect(await cachedEntry(request(legacy))).toEqual({ root: legacy, reused: true })
    // A manifest the GitHub cache's save added (no kind) is checked, but completion is still the marker's.
    await writeEntryManifest(legacy)
    expect(await cachedEntry(request(legacy))).toEqual({ root: legacy, reused: true })

    const unmarked = path.join(cache, 'k8')
    mkdirSync(unmarked)
    await writeEntryManifest(unmarked)
    const again = request(unmarked)
    expect(await cachedEntry(again)).toEqual({ root: unmarked, reused: false })
    expect(again.builds).toEqual([`${unmarked}.partial`])
  })

  it('clears what a killed build left: its staging directory, its scratch directory and its lock', async () => {
    const cache = cacheDir()
    const root = path.join(cache, 'k9')
    mkdirSync(`${root}.partial`)
    writeFileSync(path.join(`${root}.partial`, 'data.txt'), 'half')
    mkdirSync(`${root}.work`)
    mkdirSync(`${root}.lock`)
    writeFileSync(path.join(`${root}.lock`, 'pid'), '2147483646')
    const again = request(root)
    expect(await cachedEntry(again)).toEqual({ root, reused: false })
    expect(again.lines[0]).toBe('  clearing what an unfinished build of thing k9 left')
    expect(leftovers(cache)).toEqual([])
  })
})

describe('withCacheLock', () => {
  it('takes over a lock whose owner died before writing its pid', async () => {
    const lock = path.join(cacheDir(), 'k.lock')
    mkdirSync(lock)
    const old = new Date(Date.now() - 120_000)
    utimesSync(lock, old, old)
    expect(await withCacheLock(lock, async () => 'held')).toBe('held')
    expect(existsSync(lock)).toBe(false)
  })
})
