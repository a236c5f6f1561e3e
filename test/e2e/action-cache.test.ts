import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/schema'
import { runAction } from './action-run'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * The action's object cache against a loopback results service that speaks the
 * cache v2 twirp protocol and the blob transfers @actions/cache makes: a cold run
 * saves, a run on a fresh runner restores and compiles nothing, a damaged entry is
 * detected and rebuilt. The CPython distribution comes from a directory here, so the
 * cache holds the built packages (with `--glibc host`: no zig, no static libraries);
 * the cache directory is the same path each run (the cache service keys on paths) and
 * is emptied between runs, as a new runner is.
 */
const TOKEN = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ scp: 'Actions.Results:run-1:job-1' })).toString('base64url')}.x`

describe('the action with the cache service', () => {
  let server: ChildProcess | null = null
  let base = ''
  let distribution = ''
  const cacheDir = path.join(tempDir('action-cache'), 'cache')

  beforeAll(
    async () => {
      const out = tempDir('action-cache-dist')
      expectBuilt(
        pyseal([
          'build',
          '--project',
          `${FIXTURES}/bare`,
          '--entry-point',
          'none',
          '--out-dir',
          out,
          '--target',
          'linux-x64',
          // What is cached is the point here, not the glibc floor: this machine's gcc, and a CPython it built anyway.
          '--glibc',
          'host',
          '--python-version',
          '3.11'
        ])
      )
      const root = (JSON.parse(readFileSync(path.join(out, 'bare.report.json'), 'utf8')) as Report).python?.root ?? ''
      distribution = resolvePortablePath(root, {
        project: `${FIXTURES}/bare`,
        outDir: out,
        cacheDir: defaultCacheDir()
      })
      server = spawn('node', [path.join(__dirname, '..', 'fakes', 'results-service.js'), tempDir('results-service')], {
        stdio: ['ignore', 'pipe', 'inherit']
      })
      const port = await new Promise<string>((resolve, reject) => {
        server?.stdout?.once('data', (chunk: Buffer) => resolve(/PORT (\d+)/.exec(chunk.toString())?.[1] ?? ''))
        server?.once('exit', code => reject(new Error(`service exited ${code}`)))
      })
      base = `http://127.0.0.1:${port}`
    },
    30 * 60 * 1000
  )

  afterAll(() => {
    server?.kill()
  })

  const seal = (extra: Record<string, string> = {}): ReturnType<typeof runAction> => {
    const outDir = tempDir('action-cache-out')
    return runAction(
      {
        ...extra,
        target: 'x86_64-unknown-linux-gnu',
        project: 'example',
        'python-distribution': distribution,
        'out-dir': outDir,
        'cache-dir': cacheDir,
        cache: 'true',
        glibc: 'host'
      },
      {
        ACTIONS_CACHE_SERVICE_V2: 'true',
        ACTIONS_RESULTS_URL: `${base}/`,
        ACTIONS_RUNTIME_TOKEN: TOKEN,
        ImageOS: 'ubuntu24'
      }
    )
  }
  const state = async (): Promise<{ caches: Array<{ key: string; committed: boolean; size: number }> }> =>
    (await fetch(`${base}/_control/state`)).json() as Promise<{
      caches: Array<{ key: string; committed: boolean; size: number }>
    }>

  it(
    'saves the cache after a cold build',
    async () => {
      rmSync(cacheDir, { recursive: true, force: true })
      const run = seal()
      expect(run.code).toBe(0)
      expect(run.outputs['cache-hit']).toBe('false')
      expect(run.stdout).toMatch(/built packages/)
      expect(run.stdout).toMatch(/cache: saved pyseal-v1-x86_64-unknown-linux-gnu-ubuntu24-[0-9a-f]{32}/)
      const caches = (await state()).caches
      expect(caches).toHaveLength(1)
      expect(caches[0]).toMatchObject({ committed: true })
      expect(caches[0].size).toBeGreaterThan(10_000)
      expect(runBinary(run.outputs.binary, ['a', 'b', 'a']).stdout).toMatch(/^\s*2 a$/m)
    },
    30 * 60 * 1000
  )

  it(
    'restores it on a fresh runner, compiles nothing and does not save again',
    async () => {
      rmSync(cacheDir, { recursive: true, force: true })
      const run = seal()
      expect(run.code).toBe(0)
      expect(run.outputs['cache-hit']).toBe('true')
      expect(run.stdout).toMatch(/reused cached packages/)
      expect(run.stdout).toMatch(/was an exact hit; not saved again/)
      expect((await state()).caches).toHaveLength(1)
    },
    30 * 60 * 1000
  )

  it(
    'builds anyway, with a warning, when the stored entry is damaged',
    async () => {
      const key = (await state()).caches[0].key
      await fetch(`${base}/_control/corrupt`, { method: 'POST', body: JSON.stringify({ key }) })
      rmSync(cacheDir, { recursive: true, force: true })
      const run = seal()
      expect(run.code).toBe(0)
      expect(run.outputs['cache-hit']).toBe('false')
      expect(run.stdout).toMatch(/^::warning::.*(restore|cache)/im)
      expect(run.stdout).toMatch(/built packages/)
      expect(runBinary(run.outputs.binary, ['b']).stdout).toMatch(/^\s*1 b$/m)
    },
    30 * 60 * 1000
  )

  it(
    'uploads the binary, its checksum and reports as one artifact named for the target',
    async () => {
      rmSync(cacheDir, { recursive: true, force: true })
      const run = seal({ upload: 'true', cache: 'false' })
      expect(run.code).toBe(0)
      const artifacts = (
        (await (await fetch(`${base}/_control/state`)).json()) as {
          artifacts: Array<{ id: number; name: string; finalized: boolean; hash: string }>
        }
      ).artifacts
      expect(artifacts).toHaveLength(1)
      expect(artifacts[0]).toMatchObject({ name: 'pyseal-wordfreq-x86_64-unknown-linux-gnu', finalized: true })
      expect(run.outputs['artifact-id']).toBe(String(artifacts[0].id))
      const zip = Buffer.from(await (await fetch(`${base}/blobs/${artifacts[0].id}`)).arrayBuffer())
      expect(artifacts[0].hash).toBe(`sha256:${createHash('sha256').update(zip).digest('hex')}`)
      const unpacked = tempDir('artifact')
      writeFileSync(path.join(unpacked, 'a.zip'), zip)
      const list = execFileSync(
        'python3',
        [
          '-c',
          'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.extractall(sys.argv[2]); print(sorted(z.namelist()))',
          path.join(unpacked, 'a.zip'),
          unpacked
        ],
        { encoding: 'utf8' }
      )
      expect(list.trim()).toBe("['wordfreq', 'wordfreq.report.json', 'wordfreq.report.md', 'wordfreq.sha256']")
      expect(execFileSync('sha256sum', ['-c', 'wordfreq.sha256'], { cwd: unpacked, encoding: 'utf8' }).trim()).toBe(
        'wordfreq: OK'
      )
    },
    30 * 60 * 1000
  )
})
