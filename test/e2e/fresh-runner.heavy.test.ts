import {
  expectSealedAndUploaded,
  freshRunner,
  runnerRootFs,
  runStep,
  SEAL_WITH,
  startResultsService,
  type ResultsService
} from './fresh-runner'

/**
 * The heavy tier (npm run test:heavy): the action on a fresh runner (fresh-runner.ts)
 * with no cache at all, as a project's very first run: pyseal installs zig with the
 * runner's pip, fetches the static libraries' and CPython's sources by plain download,
 * builds them for the glibc floor inside the runner, then the binary; the post step
 * saves it all, and a second fresh runner restores it and compiles nothing. 24 minutes
 * on 2 busy cores, so npm test runs only the warm second run (fresh-runner.test.ts).
 */
const MINUTES = 60 * 1000

describe('the action on a fresh runner with no cache at all', () => {
  let root = ''
  let service: ResultsService | null = null
  let savedKey = ''

  beforeAll(async () => {
    root = await runnerRootFs()
    service = await startResultsService()
  }, 30 * MINUTES)

  afterAll(() => service?.stop())

  it(
    'obtains and builds everything itself, then builds, runs and uploads the binary and saves the cache',
    async () => {
      if (!service) throw new Error('no results service')
      const runner = freshRunner(root)
      const run = runStep(runner, 'action', SEAL_WITH, service.url, 90)
      await expectSealedAndUploaded(runner, run, service)
      expect(run.outputs['cache-hit']).toBe('false')
      expect(run.log).toMatch(/installed zig \d+\.\d+\.\d+/)
      expect(run.log).toMatch(/static deps: building/)
      expect(run.log).toMatch(/CPython 3\.14\.\d+ source from/)
      expect(run.log).toMatch(/built CPython 3\.14\.\d+/)
      expect(run.postCode).toBe(0)
      expect(run.log).toContain(`cache: saved ${run.outputs['cache-key']}`)
      savedKey = run.outputs['cache-key']
    },
    120 * MINUTES
  )

  it(
    'restores it on the next fresh runner, which compiles nothing',
    async () => {
      if (!service || !savedKey) throw new Error('the cold run did not save')
      const runner = freshRunner(root)
      const run = runStep(runner, 'action', { ...SEAL_WITH, upload: 'false' }, service.url)
      if (run.code !== 0) throw new Error(`the step failed (${run.code}):\n${run.log.slice(-20000)}`)
      expect(run.outputs['cache-key']).toBe(savedKey)
      expect(run.outputs['cache-hit']).toBe('true')
      expect(run.log).toMatch(/reused cached CPython 3\.14\.\d+/)
      expect(run.log).toMatch(/reused cached packages/)
      expect(run.log).not.toMatch(/static deps: building/)
    },
    30 * MINUTES
  )
})
