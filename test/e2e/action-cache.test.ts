import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/schema'
import { runAction, type ActionRun } from './action-run'
import { expectBuilt, FIXTURES, pyseal, REPO, runBinary, tempDir } from './cli'

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

  /** The main step and then its post step, one log, as a job shows them. */
  const seal = (extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}): ActionRun => {
    const outDir = tempDir('action-cache-out')
    const run = runAction(
      {
        target: 'x86_64-unknown-linux-gnu',
        project: 'example',
        'python-distribution': distribution,
        'out-dir': outDir,
        'cache-dir': cacheDir,
        cache: 'true',
        glibc: 'host',
        ...extra
      },
      {
        ACTIONS_CACHE_SERVICE_V2: 'true',
        ACTIONS_RESULTS_URL: `${base}/`,
        ACTIONS_RUNTIME_TOKEN: TOKEN,
        ImageOS: 'ubuntu24',
        ...env
      },
      { post: true }
    )
    expect(run.post?.code).toBe(0)
    return { ...run, stdout: `${run.stdout}${run.post?.stdout ?? ''}` }
  }
  /**
   * The fake service's control endpoint. A run blocks this process for longer than the
   * service keeps an idle connection open, so a pooled socket may be gone: try once more.
   */
  const control = async (pathname: string, init?: RequestInit): Promise<Response> =>
    fetch(`${base}${pathname}`, init).catch(() => fetch(`${base}${pathname}`, init))
  const state = async (): Promise<{ caches: Array<{ key: string; committed: boolean; size: number }> }> =>
    (await control('/_control/state')).json() as Promise<{
      caches: Array<{ key: string; committed: boolean; size: number }>
    }>

  it(
    'saves the cache after a cold build',
    async () => {
      rmSync(cacheDir, { recursive: true, force: true })
      const run = seal()
      expect(run.code).toBe(0)
      expect(run.outputs['cache-hit']).toBe('false')
      expect(run.outputs['cache-partial']).toBe('false')
      expect(run.outputs['cache-key']).toMatch(/^pyseal-v1-x86_64-unknown-linux-gnu-ubuntu24-[0-9a-f]{32}$/)
      const report = JSON.parse(readFileSync(run.outputs.report, 'utf8')) as Report
      expect(run.outputs['pyseal-version']).toBe(
        (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version
      )
      expect(run.outputs['python-version']).toMatch(/^3\.\d+\.\d+$/)
      expect(run.outputs['python-version']).toBe(report.python?.version)
      expect(run.stdout).toMatch(/built packages/)
      // Saved by the post step, under the key the main step named.
      expect(run.post?.stdout).toContain(`cache: saved ${run.outputs['cache-key']}`)
      const caches = (await state()).caches
      expect(caches).toHaveLength(1)
      expect(caches[0]).toMatchObject({ key: run.outputs['cache-key'], committed: true })
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
    'restores on a tag push but saves nothing, not even under cache: true, and neither on the other restore-only events',
    async () => {
      const before = (await state()).caches.length
      rmSync(cacheDir, { recursive: true, force: true })
      const tag = seal({}, { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0' })
      expect(tag.code).toBe(0)
      expect(tag.outputs['cache-hit']).toBe('true')
      expect(tag.stdout).toMatch(/reused cached packages/)
      expect(tag.stdout).toContain('cache: restore only on a tag push (refs/tags/v1.0.0); nothing is saved')
      // A miss, which would otherwise be saved: a suffix no entry has.
      for (const event of ['release', 'pull_request_target', 'workflow_run']) {
        rmSync(cacheDir, { recursive: true, force: true })
        const run = seal({ 'cache-suffix': event.replace(/_/g, '-') }, { GITHUB_EVENT_NAME: event })
        expect(run.code).toBe(0)
        expect(run.outputs['cache-hit']).toBe('false')
        expect(run.stdout).toContain(`cache: restore only on a ${event} event; nothing is saved`)
        expect(run.post?.stdout).toBe('')
      }
      expect((await state()).caches).toHaveLength(before)
    },
    30 * 60 * 1000
  )

  it(
    'saves the cache from the post step when the build fails after compiling the packages',
    async () => {
      rmSync(cacheDir, { recursive: true, force: true })
      // The packages are built and cached, then the link stage refuses a package the app does not have.
      const failed = seal({ 'cache-suffix': 'failed', 'package-data-location': 'nosuchpkg=user-cache' })
      expect(failed.code).toBe(1)
      expect(failed.stdout).toMatch(/^::error::.*nosuchpkg/m)
      expect(failed.stdout).toMatch(/built packages/)
      expect(failed.post?.stdout).toContain(`cache: saved ${failed.outputs['cache-key']}`)
      expect((await state()).caches).toContainEqual(
        expect.objectContaining({ key: failed.outputs['cache-key'], committed: true })
      )
      // The next run, on a fresh runner, starts from what the failed one compiled.
      rmSync(cacheDir, { recursive: true, force: true })
      const next = seal({ 'cache-suffix': 'failed' })
      expect(next.code).toBe(0)
      expect(next.outputs['cache-key']).toBe(failed.outputs['cache-key'])
      expect(next.outputs['cache-hit']).toBe('true')
      expect(next.stdout).toMatch(/reused cached packages/)
    },
    30 * 60 * 1000
  )

  it(
    'builds anyway, with a warning, when the stored entry is damaged',
    async () => {
      const key = (await state()).caches[0].key
      await control('/_control/corrupt', { method: 'POST', body: JSON.stringify({ key }) })
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
        (await (await control('/_control/state')).json()) as {
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
