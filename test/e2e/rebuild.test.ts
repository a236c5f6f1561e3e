import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * The requirements and the project's static dependencies are compiled in a cached
 * layer of their own: a change in the app's own Python code rebuilds the app and
 * the binary, and compiles no extension module again.
 */
describe('rebuilding after a change in the app', () => {
  const work = tempDir('rebuild')
  const app = path.join(work, 'app')
  const outDir = path.join(work, 'out')
  cpSync(path.join(FIXTURES, 'app'), app, { recursive: true })
  const requirements = ['c-ext', 'cython-ext', 'speedups-a', 'speedups-b', 'zlib-ext', 'resources-pkg']
  writeFileSync(path.join(app, 'requirements.txt'), requirements.map(r => path.join(FIXTURES, r)).join('\n') + '\n')
  const build = (): string[] => {
    const run = pyseal(['build', '--requirements', 'requirements.txt', '--out-dir', outDir], app)
    return [expectBuilt(run), run.stdout]
  }

  it(
    'reuses the compiled dependencies and ships the edited code',
    () => {
      const [binary] = build()
      expect(JSON.parse(runBinary(binary, []).stdout).frozen).toBeNull()

      const cli = path.join(app, 'fixture_app', 'cli.py')
      // A new edit each run, so the app's own layer cannot come from an earlier run's cache.
      const edit = `edited ${process.pid} ${Date.now()}`
      writeFileSync(cli, readFileSync(cli, 'utf8').replace('getattr(sys, "frozen", None)', JSON.stringify(edit)))
      const [again, second] = build()
      expect(second).toMatch(/reused cached dependencies [0-9a-f]+ \(requirements\.txt\)/)
      expect(second).toMatch(/pip install \(from source\) app, without its dependencies/)
      expect(second).not.toMatch(/pip install \(from source\) the dependencies/)
      expect(second).toMatch(/✓ build [\d.]+s: built packages \S+ \(5 extension modules captured, 0 compiled now\)/)
      const output = JSON.parse(runBinary(again, []).stdout)
      expect(output.frozen).toBe(edit)
      expect(output.cext_add).toBe(42)
      expect(output.cython_compiled).toBe(true)
    },
    40 * 60 * 1000
  )
})
