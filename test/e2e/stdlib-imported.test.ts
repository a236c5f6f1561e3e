import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'
import type { Report } from '../../src/report/report'

/**
 * `--stdlib imported` packs only the stdlib the app reaches and links
 * only the stdlib extension modules it imports: the fixture app (C, Cython, package
 * data, spawn and forkserver children, a re-executed interpreter) still works whole, a
 * module nothing imports is absent, its import and the report say how to keep it, and
 * --stdlib-include keeps it.
 */
describe('--stdlib imported', () => {
  const app = path.join(FIXTURES, 'app')
  const outDir = tempDir('stdlib-imported')
  const build = (extra: string[], out: string): string =>
    expectBuilt(
      pyseal(['build', '--requirements', 'requirements.txt', '--stdlib', 'imported', ...extra, '--out-dir', out], app)
    )

  it(
    'keeps everything the fixture app reaches, children included, and leaves out the rest',
    () => {
      const binary = build([], outDir)
      const run = runBinary(binary, ['--spawn', '--reexec', '3'])
      expect(run.status).toBe(3)
      expect(JSON.parse(run.stdout)).toMatchObject({
        cext_add: 42,
        cython_compiled: true,
        greeting: 'Hello from a data file',
        spawn: [1, 4, 9],
        forkserver: [16, 25],
        reexec: '42'
      })
      // The import of a module left out says which option brings it back, and is still an ImportError.
      const missing = runBinary(
        binary,
        ['-c', 'try:\n import sqlite3\nexcept ImportError as e:\n print(type(e).__name__, e.name)\n raise'],
        { env: { PYSEAL_INTERPRETER: '1' } }
      )
      expect(missing.status).toBe(1)
      expect(missing.stdout.trim()).toBe('ModuleNotFoundError sqlite3')
      expect(missing.stderr).toContain(
        "No module named 'sqlite3': pyseal left the stdlib module 'sqlite3' out of this executable " +
          '(--stdlib imported found no import of it); build it with --stdlib-include sqlite3 (or --stdlib all)'
      )
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      expect(report.stdlib?.choice).toBe('imported')
      expect(report.stdlib?.leftOut).toEqual(expect.arrayContaining(['sqlite3', '_sqlite3', 'tomllib']))
      expect(report.stdlib?.leftOut).not.toContain('json')
      expect(readFileSync(`${binary}.report.md`, 'utf8')).toMatch(
        /stdlib: what the app imports \(\d+ top-level modules left out/
      )
      const sqlite = report.modules.find(m => m.module === '_sqlite3')
      expect(sqlite?.status).toBe('excluded')
      expect(sqlite?.reasons.map(r => r.code)).toContain('STDLIB_NOT_IMPORTED')
      expect(sqlite?.reasons.at(-1)?.message).toMatch(/--stdlib-include _sqlite3/)
      // the interpreter's own modules stay whatever the app imports
      expect(report.modules.find(m => m.module === '_signal')?.status).toBe('builtin')
    },
    30 * 60 * 1000
  )

  it(
    'keeps what --stdlib-include names, with what it imports',
    () => {
      const binary = build(['--stdlib-include', 'sqlite3'], path.join(outDir, 'with-sqlite'))
      const run = runBinary(
        binary,
        ['-c', 'import sqlite3; print(sqlite3.connect(":memory:").execute("select 6*7").fetchone()[0])'],
        {
          env: { PYSEAL_INTERPRETER: '1' }
        }
      )
      expect(run.stdout.trim()).toBe('42')
    },
    30 * 60 * 1000
  )
})
