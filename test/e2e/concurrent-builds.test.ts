import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { readEntryManifest, verifyEntry } from '../../src/cache/entry-manifest'
import { defaultCacheDir } from '../../src/cache/paths'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/schema'
import { cliScript, expectBuilt, FIXTURES, pyseal, runBinary, tempDir, type CliRun } from './cli'

/**
 * Two `pyseal build` processes started at the same moment on one cache directory, for
 * the same target and for two targets: both succeed, every cache entry is made once
 * (the other process waits for it and reuses it), and the cache they leave passes its
 * manifest checks. Each run starts from a fresh cache holding only the CPython
 * distributions, copied from the shared cache (~/.cache/pyseal) to keep the test
 * affordable on two cores; everything else is made for real and at the same time: the
 * CPython source download, the kernel headers, zig, and the packages. The static
 * libraries come from the shared cache too (building musl's again costs three minutes of
 * both cores, and they go through the same cache-entry primitive as the rest), except in
 * the heavy tier (PYSEAL_TEST_CONCURRENT_STATIC_LIBRARIES=1, scripts/test-heavy.sh),
 * where the same-target case builds musl's static libraries from nothing, with their own
 * source downloads, in both processes at once.
 */
const GNU = 'x86_64-unknown-linux-gnu'
const MUSL = 'x86_64-unknown-linux-musl'

/** A line the cache-entry primitive prints when this process made an entry. */
/** The default CPython's source download (a release tag's zip, or Debian's source package). */
const CPYTHON_SOURCE = /(?:cpython-\d+\.\d+\.\d+\.zip|Debian source package python3\.\d+)/

const MADE = /^ {2}(?:built|downloaded|unpacked|installed|linked) (.+) in [\d.]+s$/gm

/** Whether the same-target case builds the static libraries from nothing (the heavy tier). */
const STATIC_LIBRARIES_FROM_NOTHING = process.env.PYSEAL_TEST_CONCURRENT_STATIC_LIBRARIES === '1'

/** Runs `pyseal ARGS` without waiting for it, so two can start together. */
function start(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [cliScript(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', code => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

/** The entries each process made, by how the log names them. */
function made(run: CliRun): string[] {
  return [...run.stdout.matchAll(MADE)].map(match => match[1])
}

/** Every entry directory in the cache, and every leftover of an unfinished build (staging, scratch, lock). */
function cacheContents(cacheDir: string): { entries: string[]; leftovers: string[] } {
  const entries: string[] = []
  const leftovers: string[] = []
  const visit = (folder: string, isEntry: (name: string) => boolean): void => {
    if (!existsSync(folder)) return
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name)
      if (!statSync(full).isDirectory()) continue
      if (/\.(partial|work|lock)$/.test(name) || /^\.(tmp|print-uris)-/.test(name)) leftovers.push(full)
      else if (isEntry(name)) entries.push(full)
    }
  }
  visit(path.join(cacheDir, 'python'), () => true)
  visit(path.join(cacheDir, 'packages'), () => true)
  visit(path.join(cacheDir, 'static-deps'), name => name !== 'downloads' && name !== 'logs')
  visit(path.join(cacheDir, 'static-deps', 'downloads'), () => true)
  visit(path.join(cacheDir, 'sources'), () => true)
  visit(path.join(cacheDir, 'toolchain'), name => name.startsWith('zig-') && name !== 'zig-cache')
  visit(cacheDir, name => name.startsWith('musl-kernel-headers-'))
  return { entries, leftovers }
}

describe('two builds at the same moment on one cache', () => {
  const project = path.join(tempDir('concurrent'), 'c-ext')
  /** The CPython entries (relative to a cache root) for each target, from the shared cache. */
  const distributions = new Map<string, string>()

  beforeAll(
    () => {
      cpSync(path.join(FIXTURES, 'c-ext'), project, { recursive: true })
      const shared = defaultCacheDir()
      for (const target of [GNU, MUSL]) {
        const probe = tempDir('concurrent-probe')
        expectBuilt(
          pyseal(['build', '--target', target, '--entry-point', 'none', '--project', project, '--out-dir', probe])
        )
        const report = JSON.parse(readFileSync(path.join(probe, 'cext.report.json'), 'utf8')) as Report
        const root = resolvePortablePath(report.python?.root ?? '', { project, outDir: probe, cacheDir: shared })
        distributions.set(target, path.relative(shared, root))
      }
    },
    90 * 60 * 1000
  )

  /** The entries each fresh cache starts with (made by the shared cache's builds, not by the runs under test). */
  const seeded: string[] = []

  /** A fresh cache holding the CPython distributions of the shared cache, and its static libraries if asked. */
  const seededCache = (withStaticLibraries = false): string => {
    const cacheDir = path.join(tempDir('concurrent-cache'), 'cache')
    seeded.length = 0
    for (const relative of distributions.values()) {
      cpSync(path.join(defaultCacheDir(), relative), path.join(cacheDir, relative), { recursive: true })
      seeded.push(path.join(cacheDir, relative))
    }
    const staticDeps = path.join(defaultCacheDir(), 'static-deps')
    if (withStaticLibraries && existsSync(staticDeps)) {
      for (const name of readdirSync(staticDeps).filter(name => /^[0-9a-f]{20}$/.test(name))) {
        const into = path.join(cacheDir, 'static-deps', name)
        // Hard links: prefixes are never written once made, and this keeps the copy instant.
        mkdirSync(path.dirname(into), { recursive: true })
        execFileSync('cp', ['-al', path.join(staticDeps, name), into])
        seeded.push(into)
      }
    }
    return cacheDir
  }

  /** Starts one build per target at the same moment; both must succeed and their binaries run. */
  const buildTogether = async (cacheDir: string, targets: string[]): Promise<CliRun[]> => {
    const outDirs = targets.map(() => tempDir('concurrent-out'))
    const runs = await Promise.all(
      targets.map((target, i) =>
        start([
          'build',
          '--target',
          target,
          '--entry-point',
          'none',
          '--project',
          project,
          '--cache-dir',
          cacheDir,
          '--out-dir',
          outDirs[i]
        ])
      )
    )
    for (const run of runs) {
      const binary = expectBuilt(run)
      expect(runBinary(binary, ['-c', 'import cext; print(cext.add(40, 2))']).stdout.trim()).toBe('42')
    }
    return runs
  }

  /** Every entry was made once, by one of the two, and every entry in the cache passes its manifest check. */
  const expectSoundCache = async (cacheDir: string, runs: CliRun[]): Promise<void> => {
    const all = runs.flatMap(made)
    expect(all.length).toBeGreaterThan(0)
    expect(all.filter((what, i) => all.indexOf(what) !== i)).toEqual([])
    const { entries, leftovers } = cacheContents(cacheDir)
    expect(leftovers).toEqual([])
    const madeHere: string[] = []
    for (const entry of entries) {
      const isSeeded = seeded.includes(entry)
      expect([path.relative(cacheDir, entry), await verifyEntry(entry, { requireManifest: !isSeeded })]).toEqual([
        path.relative(cacheDir, entry),
        null
      ])
      const manifest = await readEntryManifest(entry)
      if (!isSeeded && manifest && manifest !== 'unreadable' && manifest.kind) madeHere.push(entry)
    }
    // One "made" line per entry the primitive made, and none for the seeded distributions
    // (which carry manifests of their own when they were made by this version of pyseal).
    expect(madeHere.length).toBe(all.length)
    for (const entry of seeded) expect(all.filter(what => what.includes(path.basename(entry)))).toEqual([])
  }

  /** The entry named `what` was made by exactly one of the runs and reused by the other. */
  const madeOnceReusedOnce = (runs: CliRun[], what: RegExp): void => {
    const makers = runs.filter(run => made(run).some(line => what.test(line)))
    expect(makers).toHaveLength(1)
    const other = runs.find(run => run !== makers[0]) as CliRun
    expect(other.stdout).toMatch(new RegExp(`^ {2}reused (cached )?${what.source}`, 'm'))
  }

  it(
    'for the same target: each entry is made by one process and reused by the other',
    async () => {
      const cacheDir = seededCache(!STATIC_LIBRARIES_FROM_NOTHING)
      const runs = await buildTogether(cacheDir, [MUSL, MUSL])
      await expectSoundCache(cacheDir, runs)
      const entries = [/packages [0-9a-f]{24}/, /zig \d+\.\d+\.\d+/, /kernel headers [0-9a-f]{16}/, CPYTHON_SOURCE]
      for (const what of STATIC_LIBRARIES_FROM_NOTHING ? [...entries, /static libraries [0-9a-f]{20}/] : entries) {
        madeOnceReusedOnce(runs, what)
      }
      if (!STATIC_LIBRARIES_FROM_NOTHING) {
        for (const run of runs) expect(run.stdout).toMatch(/^ {2}reused (cached )?static libraries [0-9a-f]{20}/m)
      }
      for (const run of runs) expect(run.stdout).toMatch(/^ {2}reused cached CPython [0-9a-f]{24}/m)
      expect(runs.map(run => run.stdout).join('\n')).toMatch(/^ {2}waiting for another pyseal process building /m)
    },
    60 * 60 * 1000
  )

  it(
    'for two targets: what they share is made once, what is their own each makes, and each makes its own',
    async () => {
      const cacheDir = seededCache(true)
      const runs = await buildTogether(cacheDir, [GNU, MUSL])
      await expectSoundCache(cacheDir, runs)
      // Both use zig: musl for C++, gnu for the glibc floor.
      madeOnceReusedOnce(runs, CPYTHON_SOURCE)
      madeOnceReusedOnce(runs, /zig \d+\.\d+\.\d+/)
      const [gnu, musl] = runs
      expect(made(gnu).filter(what => what.startsWith('packages '))).toHaveLength(1)
      expect(made(musl).filter(what => what.startsWith('packages '))).toHaveLength(1)
      // Static libraries of their own, from the seeded cache: the glibc floor's for gnu, musl's for musl.
      for (const run of runs) {
        expect(made(run).filter(what => what.startsWith('static libraries '))).toEqual([])
        expect(run.stdout).toMatch(/^ {2}reused (cached )?static libraries [0-9a-f]{20}/m)
      }
      // Kernel headers for musl only.
      expect(made(musl).some(line => /kernel headers/.test(line))).toBe(true)
      expect(gnu.stdout).not.toMatch(/kernel headers/)
    },
    60 * 60 * 1000
  )
})
