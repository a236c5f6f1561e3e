import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/schema'
import { cliScript, expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'
import { seedToolchain } from './seeded-cache'

/**
 * Faults a build must survive with nothing lost and nothing half-made left looking
 * finished: killed while pip compiles and while linking (the next run is correct), a
 * damaged file in a cached packages entry (found by its manifest, rebuilt, the cache
 * not poisoned), a full disk and a read-only output directory (one clear line, no
 * binary), a machine without a compiler (the packages to install are named).
 * Bad input paths are test/e2e/bad-input.test.ts; a failing package build is in
 * fixtures.test.ts and report-policy.test.ts; damaged restores from GitHub's cache in
 * action-cache.test.ts; altered and truncated downloads in pbs-download.test.ts.
 */
const TARGET = 'x86_64-unknown-linux-gnu'
const OUTPUTS = ['cext', 'cext.report.json', 'cext.report.md', 'cext.sha256']

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** What in the output directory looks like a finished build, or like half of one. */
function leftBehind(outDir: string): string[] {
  if (!existsSync(outDir)) return []
  return readdirSync(outDir).filter(f => OUTPUTS.includes(f) || f.endsWith('.partial'))
}

/** Runs `pyseal ARGS` and SIGKILLs it, with every process it started, once its output matches `moment`. */
function buildKilledWhen(
  args: string[],
  cwd: string,
  moment: RegExp
): Promise<{ stdout: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn('node', [cliScript(), ...args], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let killed = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (!killed && moment.test(stdout) && child.pid) {
        killed = true
        process.kill(-child.pid, 'SIGKILL')
      }
    })
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ stdout, signal }))
  })
}

/** Mounts a tmpfs (root only); returns a function that unmounts it, or null where mounting is not allowed. */
function mountTmpfs(dir: string, options: string): (() => void) | null {
  mkdirSync(dir, { recursive: true })
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status !== 0) return null
  return () => {
    spawnSync('umount', [dir])
  }
}

describe('injected faults', () => {
  const project = path.join(tempDir('faults'), 'c-ext')
  const cacheDir = path.join(tempDir('faults-cache'), 'cache')
  const outDir = path.join(tempDir('faults-out'), 'out')
  const build = (...extra: string[]): string[] => [
    'build',
    '--target',
    TARGET,
    '--entry-point',
    'none',
    '--project',
    project,
    '--cache-dir',
    cacheDir,
    ...extra
  ]
  let packagesKey = ''
  let goodSha = ''

  beforeAll(
    () => {
      cpSync(path.join(FIXTURES, 'c-ext'), project, { recursive: true })
      // A cache holding only the CPython distribution and its toolchain (copied from the shared cache): packages compile here.
      const probe = tempDir('faults-probe')
      expectBuilt(
        pyseal(['build', '--target', TARGET, '--entry-point', 'none', '--project', project, '--out-dir', probe])
      )
      const report = JSON.parse(readFileSync(path.join(probe, 'cext.report.json'), 'utf8')) as Report
      const shared = defaultCacheDir()
      const distribution = resolvePortablePath(report.python?.root ?? '', { project, outDir: probe, cacheDir: shared })
      cpSync(distribution, path.join(cacheDir, path.relative(shared, distribution)), { recursive: true })
      cpSync(path.join(shared, 'sources'), path.join(cacheDir, 'sources'), { recursive: true })
      seedToolchain(cacheDir)
      packagesKey = report.packages?.key ?? ''
    },
    30 * 60 * 1000
  )

  it(
    'a build killed while pip compiles leaves nothing finished-looking; the next run compiles anew and is correct',
    async () => {
      const killed = await buildKilledWhen(build('--out-dir', outDir), project, /pip install \(from source\)/)
      expect(killed.signal).toBe('SIGKILL')
      expect(leftBehind(outDir)).toEqual([])
      expect(existsSync(path.join(cacheDir, 'packages', packagesKey, 'build.json'))).toBe(false)

      const again = pyseal(build('--out-dir', outDir), project)
      const binary = expectBuilt(again)
      expect(again.stdout).toMatch(/✓ build [\d.]+s: built packages/)
      expect(runBinary(binary, ['-c', 'import cext; print(cext.add(40, 2))']).stdout.trim()).toBe('42')
      expect(readdirSync(outDir).sort()).toEqual(OUTPUTS)
      goodSha = sha256(binary)
    },
    30 * 60 * 1000
  )

  it(
    'a build killed while linking over an earlier one leaves neither the old binary nor half a new one; the next run gives the same bytes',
    async () => {
      expect(goodSha).not.toBe('')
      const killed = await buildKilledWhen(build('--out-dir', outDir), project, /▸ link/)
      expect(killed.signal).toBe('SIGKILL')
      expect(leftBehind(outDir)).toEqual([])

      const binary = expectBuilt(pyseal(build('--out-dir', outDir), project))
      expect(sha256(binary)).toBe(goodSha)
      expect(readFileSync(`${binary}.sha256`, 'utf8')).toBe(`${goodSha}  cext\n`)
    },
    30 * 60 * 1000
  )

  it(
    'a damaged file in a cached packages entry is found by its manifest and the entry rebuilt, leaving the cache sound',
    () => {
      const entry = path.join(cacheDir, 'packages', packagesKey)
      const object = path.join('capture', 'objects', 'cext._core')
      const damaged = path.join(entry, object, readdirSync(path.join(entry, object)).find(f => f.endsWith('.o')) ?? '')
      writeFileSync(damaged, Buffer.alloc(64, 0))

      const out = tempDir('faults-damaged')
      const run = pyseal(build('--out-dir', out), project)
      expect(run.stdout).toContain(
        `cached packages ${packagesKey} are damaged (${path.relative(entry, damaged)} does not match its sha256): building them again`
      )
      expect(run.stdout).toMatch(/✓ build [\d.]+s: built packages/)
      expect(sha256(expectBuilt(run))).toBe(goodSha)

      const next = pyseal(build('--out-dir', out), project)
      expect(next.stdout).toMatch(/✓ build [\d.]+s: reused cached packages/)
      expect(sha256(expectBuilt(next))).toBe(goodSha)
    },
    30 * 60 * 1000
  )

  const root = process.getuid?.() === 0
  ;(root ? it : it.skip)('a full disk ends in one line that says so, and nothing finished-looking is left', () => {
    const full = path.join(tempDir('faults-full'), 'disk')
    const unmount = mountTmpfs(full, 'size=1m')
    expect(unmount).not.toBeNull()
    try {
      const out = path.join(full, 'out')
      const run = pyseal(build('--out-dir', out), project)
      expect(run.code).toBe(1)
      expect(run.stderr.split('\n')[0]).toMatch(
        /^pyseal: error: a disk pyseal writes to is full: free some space, or give --out-dir \S+ or --cache-dir \S+ a disk with room\.$/
      )
      expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/)
      expect(leftBehind(out).filter(f => f !== 'cext.report.json' && f !== 'cext.report.md')).toEqual([])
      expect(readdirSync(out).filter(f => f.endsWith('.work'))).toEqual([])
      if (existsSync(path.join(out, 'cext.report.json'))) {
        const report = JSON.parse(readFileSync(path.join(out, 'cext.report.json'), 'utf8')) as Report
        expect(report).toMatchObject({ status: 'failed', executable: null })
        expect(report.error).toMatch(/^a disk pyseal writes to is full/)
      }
    } finally {
      unmount?.()
    }
  })
  ;(root ? it : it.skip)('a read-only output directory is refused before any work, in one line', () => {
    const readOnly = path.join(tempDir('faults-ro'), 'disk')
    const unmount = mountTmpfs(readOnly, 'ro,size=1m')
    expect(unmount).not.toBeNull()
    try {
      const run = pyseal(build('--out-dir', readOnly), project)
      expect(run.code).toBe(1)
      expect(run.stderr.split('\n')[0]).toBe(
        `pyseal: error: cannot write ${readOnly}: the file system is read-only; choose another --out-dir (out-dir in the action and [tool.pyseal])`
      )
      expect(run.stdout).not.toMatch(/▸ distribution/)
    } finally {
      unmount?.()
    }
  })

  it('a machine without the C compiler is told which packages to install', () => {
    const bin = tempDir('faults-bin')
    symlinkSync(process.execPath, path.join(bin, 'node'))
    symlinkSync('/bin/sh', path.join(bin, 'sh'))
    const out = tempDir('faults-nocc')
    const run = pyseal(build('--out-dir', out), project, { PATH: bin })
    expect(run.code).toBe(1)
    expect(run.stderr.split('\n')[0]).toMatch(
      /^pyseal: error: The x86_64-unknown-linux-gnu toolchain is incomplete on this machine: gcc.* not installed\. Install (it|them) with: sudo apt-get install -y build-essential/
    )
    expect(leftBehind(out).filter(f => !f.includes('.report.'))).toEqual([])
  })
})
