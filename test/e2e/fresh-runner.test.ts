import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/schema'
import { expectBuilt, pyseal, REPO, tempDir } from './cli'
import {
  expectSealedAndUploaded,
  freshRunner,
  onMachine,
  runInRunner,
  RUNNER_NODE,
  runnerRootFs,
  runStep,
  SEAL_WITH,
  startResultsService,
  type ResultsService,
  type Runner,
  type StepRun,
  WORKSPACE
} from './fresh-runner'
import { linkTree, seedToolchain } from './seeded-cache'

/**
 * The action with zero setup on a fresh runner (fresh-runner.ts: a Debian 12 root file
 * system with a runner image's tools and none of the -dev libraries), as the second run
 * of a project: its cache comes from the loopback cache service, where a first action
 * run saved it. That first run is on this machine, with the runner's paths (the cache
 * service keys entries on them) and the CPython, static libraries and zig of this
 * machine's cache, whose keys the runner's compilers give too (the same Debian gcc, so
 * the same libgcc.a in the glibc floor's drivers). The cold run, which builds all of
 * that inside the runner, is fresh-runner.heavy.test.ts (npm run test:heavy).
 */
const MINUTES = 60 * 1000

describe('the action on a fresh runner', () => {
  let root = ''
  let service: ResultsService | null = null
  let runner: Runner | null = null

  beforeAll(async () => {
    root = await runnerRootFs()
    service = await startResultsService()
  }, 30 * MINUTES)

  afterAll(() => service?.stop())

  it('is a runner image without the -dev libraries, musl or Go: the compilers, Node and pip run', () => {
    const probe = runInRunner(
      freshRunner(root),
      [
        'sh',
        '-c',
        `gcc --version && node --version && ${RUNNER_NODE} --version && python3 -m pip --version && zstd --version`
      ],
      { PATH: '/usr/bin:/bin', HOME: '/home/runner' }
    )
    expect(probe.stderr).toBe('')
    expect(probe.stdout).toMatch(/^gcc .* 12\.\d+\.\d+/m)
    // The Node the steps run with is Debian's package, the image's own.
    expect(probe.stdout).toMatch(/^(v18\.\d+\.\d+)\n\1$/m)
    for (const absent of [
      'usr/include/zlib.h',
      'usr/include/x86_64-linux-gnu/ffi.h',
      'usr/include/openssl/ssl.h',
      'usr/include/sqlite3.h',
      'usr/include/lzma.h',
      'usr/bin/musl-gcc',
      'usr/bin/go'
    ]) {
      expect([absent, existsSync(path.join(root, absent))]).toEqual([absent, false])
    }
    expect(readFileSync(path.join(root, 'etc/apt/sources.list'), 'utf8')).not.toMatch(/deb-src/)
  })

  it(
    'restores what a first run saved, then builds, runs and uploads the binary with nothing to compile',
    async () => {
      if (!service) throw new Error('no results service')
      const first = firstRunOnThisMachine(service)
      expect(first.postCode).toBe(0)
      expect(first.postLines).toContain(`cache: saved ${first.outputs['cache-key']}`)

      runner = freshRunner(root)
      const second = runStep(runner, 'action', SEAL_WITH, service.url)
      await expectSealedAndUploaded(runner, second, service)
      // The runner's compilers give this machine's keys: the exact entry, CPython and the packages reused.
      expect(second.outputs['cache-key']).toBe(first.outputs['cache-key'])
      expect(second.outputs['cache-hit']).toBe('true')
      expect(second.log).toMatch(/reused cached CPython 3\.14\.\d+/)
      expect(second.log).toMatch(/reused cached packages/)
      expect(second.log).not.toMatch(/static deps: building/)
      expect(second.log).toMatch(/was an exact hit; not saved again/)
      expect(second.postCode).toBe(0)
    },
    40 * MINUTES
  )

  it('runs the plan and report sub-actions the same way', () => {
    if (!service || !runner) throw new Error('the build on the runner did not run')
    const plan = runStep(runner, 'plan', { targets: 'linux-x64', project: 'example' }, service.url)
    expect(plan.code).toBe(0)
    expect(JSON.parse(plan.outputs.matrix)).toEqual({
      include: [expect.objectContaining({ target: 'x86_64-unknown-linux-gnu' })]
    })
    const out = 'report-comment.md'
    const report = runStep(runner, 'report', { reports: 'pyseal-out', out }, service.url)
    expect(report.code).toBe(0)
    expect(report.outputs.regression).toBe('false')
    expect(report.summary).toContain('x86_64-unknown-linux-gnu')
    expect(report.summary).toContain('wordfreq._count')
    expect(readFileSync(onMachine(runner, `${WORKSPACE}/${out}`), 'utf8')).toBe(report.summary.trimEnd() + '\n')
  })
})

/**
 * The project's first run, on this machine with the runner's paths: its cache starts
 * with what this machine's cache holds for the build (the CPython a CLI build of the
 * example names, the static libraries, zig), and its post step saves it to the service.
 */
function firstRunOnThisMachine(service: ResultsService): StepRun {
  const out = tempDir('fresh-runner-cli')
  const project = path.join(REPO, 'example')
  expectBuilt(
    pyseal(['build', '--project', project, '--target', 'linux-x64', '--python-version', '3.14', '--out-dir', out])
  )
  const report = JSON.parse(readFileSync(path.join(out, 'wordfreq.report.json'), 'utf8')) as Report
  const shared = defaultCacheDir()
  const python = resolvePortablePath(report.python?.root ?? '', { project, outDir: out, cacheDir: shared })
  const first = freshRunner(null)
  const cache = path.join(first.home, '.cache', 'pyseal')
  linkTree(python, path.join(cache, path.relative(shared, python)))
  seedToolchain(cache)
  // No upload: the second run's artifact is the one to find (the service keeps one of a name).
  const run = runStep(first, 'action', { ...SEAL_WITH, upload: 'false' }, service.url)
  if (run.code !== 0) throw new Error(`the first run failed (${run.code}):\n${run.log.slice(-20000)}`)
  expect(run.log).toMatch(/reused cached CPython/)
  return run
}
