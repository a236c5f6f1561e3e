import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sha256File } from '../../src/cache/hash'
import { defaultCacheDir } from '../../src/cache/paths'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/report'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'
import { seedToolchain } from './seeded-cache'

/**
 * The python-build-standalone download path, for real: pyseal's own source-built
 * distribution is packed as a PBS "full" archive (`python/PYTHON.json`, `.tar.zst`),
 * served from a loopback HTTP server in another process, and given to pyseal by URL,
 * by `pbs:` request through a manifest, with a wrong sha256 and with a truncated body.
 */
const TRIPLE = 'x86_64-unknown-linux-gnu'
const ARCHIVE = `cpython-3.11.2+20261126-${TRIPLE}-pyseal-full.tar.zst`
/** The download path is the point here, not the glibc floor: this machine's gcc and the 3.11 other tests build with it. */
const HOST_GLIBC = ['--glibc', 'host']

describe('python-build-standalone archives over HTTP', () => {
  let served = ''
  let sha256 = ''
  let server: ChildProcess | null = null
  let base = ''

  beforeAll(
    async () => {
      // The source-built distribution this archive is made of (cached after the first build).
      const out = tempDir('pbs-source')
      const first = pyseal([
        'build',
        '--target',
        TRIPLE,
        '--project',
        `${FIXTURES}/bare`,
        '--entry-point',
        'none',
        '--python-distribution',
        'debian:python3.11',
        ...HOST_GLIBC,
        '--out-dir',
        out
      ])
      expectBuilt(first)
      const report = JSON.parse(readFileSync(path.join(out, 'bare.report.json'), 'utf8')) as Report
      const root = resolvePortablePath(report.python?.root ?? '', {
        project: `${FIXTURES}/bare`,
        outDir: out,
        cacheDir: defaultCacheDir()
      })
      served = tempDir('pbs-served')
      const tar = spawnSync(
        'tar',
        [
          '--zstd',
          '-cf',
          path.join(served, ARCHIVE),
          '-C',
          root,
          '--transform',
          's,^,python/,S',
          'PYTHON.json',
          'build',
          'install'
        ],
        { encoding: 'utf8' }
      )
      if (tar.status !== 0) throw new Error(`packing the archive failed: ${tar.stderr}`)
      sha256 = await sha256File(path.join(served, ARCHIVE))
      server = spawn('node', [path.join(__dirname, 'loopback-files.js'), served], {
        stdio: ['ignore', 'pipe', 'inherit']
      })
      const port = await new Promise<string>((resolve, reject) => {
        server?.stdout?.once('data', (chunk: Buffer) => {
          const match = /PORT (\d+)/.exec(chunk.toString())
          if (match) resolve(match[1])
          else reject(new Error(`server said ${chunk.toString()}`))
        })
        server?.once('exit', code => reject(new Error(`server exited ${code}`)))
      })
      base = `http://127.0.0.1:${port}`
    },
    60 * 60 * 1000
  )

  afterAll(() => {
    server?.kill()
  })

  /** A cache of the test's own, holding zig and the static libraries: what is downloaded and unpacked is the test's. */
  const seededCache = (prefix: string): string => {
    const cacheDir = tempDir(prefix)
    seedToolchain(cacheDir)
    return cacheDir
  }

  const build = (distribution: string, cacheDir: string, env: NodeJS.ProcessEnv = {}): ReturnType<typeof pyseal> =>
    pyseal(
      [
        'build',
        '--target',
        TRIPLE,
        '--project',
        `${FIXTURES}/c-ext`,
        '--entry-point',
        'none',
        '--python-distribution',
        distribution,
        ...HOST_GLIBC,
        '--out-dir',
        tempDir('pbs-out'),
        '--cache-dir',
        cacheDir
      ],
      undefined,
      env
    )

  it(
    'downloads an archive by URL with its sha256, unpacks it, and links a binary from it',
    () => {
      const cacheDir = seededCache('pbs-cache')
      const run = build(`${base}/files/${ARCHIVE}#sha256=${sha256}`, cacheDir)
      const binary = expectBuilt(run)
      expect(run.stdout).toContain(`downloading ${base}/files/${ARCHIVE}`)
      const check = runBinary(binary, ['-c', 'import sys, cext._core; print("cext._core" in sys.builtin_module_names)'])
      expect(check.stdout.trim()).toBe('True')
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      expect(report.python?.source).toBe(ARCHIVE)
      expect(report.python?.version).toBe('3.11.2')

      // The same archive again: nothing is downloaded or unpacked a second time.
      const again = build(`${base}/files/${ARCHIVE}#sha256=${sha256}`, cacheDir)
      expectBuilt(again)
      expect(again.stdout).not.toContain('downloading')
      expect(again.stdout).toMatch(/reused cached CPython 3\.11\.2/)
    },
    60 * 60 * 1000
  )

  it(
    'resolves pbs:3.11 through a manifest and a mirror',
    () => {
      const manifest = path.join(tempDir('pbs-manifest'), 'manifest.json')
      writeFileSync(
        manifest,
        JSON.stringify({
          assetUrlPrefix: 'https://example.invalid/releases/download',
          archives: [{ python: '3.11.2', release: '20261126', triple: TRIPLE, variant: 'pyseal', sha256 }]
        })
      )
      // The mirror serves /<release>/<name>: point it at a directory laid out that way.
      const run = build('pbs:3.11', seededCache('pbs-cache'), {
        PYSEAL_PBS_MANIFEST: manifest,
        PYSEAL_PBS_MIRROR: `${base}/files/`
      })
      // loopback-files.js serves by base name, so /files/20261126/NAME finds NAME.
      const binary = expectBuilt(run)
      expect(run.stdout).toContain(`downloading ${base}/files/20261126/${ARCHIVE}`)
      expect(runBinary(binary, ['-c', 'import cext; print("ok")']).stdout.trim()).toBe('ok')
    },
    60 * 60 * 1000
  )

  it('refuses an archive whose sha256 differs, naming the file, and keeps nothing of it', () => {
    const cacheDir = seededCache('pbs-cache')
    const wrong = '0'.repeat(64)
    const run = build(`${base}/files/${ARCHIVE}#sha256=${wrong}`, cacheDir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`Downloading ${ARCHIVE} failed: its sha256 is ${sha256}, not the expected ${wrong}`)
    expect(filesUnder(path.join(cacheDir, 'downloads'))).toEqual([])
    expect(existsSync(path.join(cacheDir, 'python'))).toBe(false)
  })

  it('refuses a truncated body, naming the file, and keeps nothing of it', () => {
    const cacheDir = seededCache('pbs-cache')
    const run = build(`${base}/truncated/${ARCHIVE}#sha256=${sha256}`, cacheDir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      new RegExp(`Downloading ${ARCHIVE.replace(/[.+]/g, '\\$&')} failed: the (connection ended|body was truncated)`)
    )
    expect(filesUnder(path.join(cacheDir, 'downloads'))).toEqual([])
  })

  it('refuses a CPython source tarball URL whose #sha256 pin differs, naming the file, and keeps nothing of it', () => {
    writeFileSync(path.join(served, 'Python-3.11.2.tgz'), 'not the tarball that was pinned')
    const cacheDir = seededCache('tarball-cache')
    const wrong = 'f'.repeat(64)
    const run = build(`${base}/files/Python-3.11.2.tgz#sha256=${wrong}`, cacheDir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      new RegExp(`Downloading Python-3\\.11\\.2\\.tgz failed: its sha256 is [0-9a-f]{64}, not the expected ${wrong}`)
    )
    expect(filesUnder(path.join(cacheDir, 'sources'))).toEqual([])
    expect(existsSync(path.join(cacheDir, 'python'))).toBe(false)
  })

  it('asks for the sha256 of an archive URL it does not know', () => {
    const run = build(`${base}/files/${ARCHIVE}`, seededCache('pbs-cache'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`${ARCHIVE} is not in pyseal's manifest of known archives`)
    expect(run.stderr).toContain(`#sha256=HEX`)
  })
})

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => entry.name)
}
