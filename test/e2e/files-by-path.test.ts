import { chmodSync, copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/report'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * A package that reads the files it ships by path, from its __file__
 * (test/fixtures/data-by-path): from Python through the launcher's read-only view of
 * the archive, in a single file moved alone to an empty directory; from C (fopen)
 * only through package-data-location, with the package's folder beside the binary
 * or extracted to a per-user cache on its first import.
 */
const PROJECT = path.join(FIXTURES, 'data-by-path')

const FROM_PYTHON = [
  'hello from data.json',
  "['__init__.py', '_native.c', 'a.txt', 'b.txt', 'cli.py', 'data.json', 'notes']",
  "['a.txt', 'b.txt']",
  '6 True True',
  'a note in a folder'
].join('\n')
const FROM_C = '{"greeting": "hello from data.json"}'

function build(target: string, extra: string[]): { outDir: string; binary: string; report: Report } {
  const outDir = tempDir('files-by-path')
  const binary = expectBuilt(pyseal(['build', '--project', PROJECT, '--target', target, '--out-dir', outDir, ...extra]))
  const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
  return { outDir, binary, report }
}

/** The binary copied alone into an empty directory: nothing beside it. */
function alone(binary: string): string {
  const copy = path.join(tempDir('alone'), path.basename(binary))
  copyFileSync(binary, copy)
  chmodSync(copy, 0o755)
  return copy
}

describe.each(TEST_TARGETS)('files by path on %s', target => {
  describe('in a single file (the archive read by path)', () => {
    let binary = ''
    let report: Report
    beforeAll(
      () => {
        const built = build(target, [])
        binary = alone(built.binary)
        report = built.report
      },
      30 * 60 * 1000
    )

    it('reads, lists, globs, stats its files and refuses writes, moved alone to an empty directory', () => {
      const run = runBinary(binary, ['python'])
      expect(run.stderr).toBe('')
      expect(run.stdout.trim()).toBe(`${FROM_PYTHON}\nwrite refused: EROFS`)
      expect(readdirSync(path.dirname(binary))).toEqual([path.basename(binary)])
      expect(report.packageData).toBeUndefined()
    })

    it('has __file__ inside the binary, which C code cannot open', () => {
      expect(runBinary(binary, ['where']).stdout.trim()).toBe(`${binary}/databypath True`)
      const run = runBinary(binary, ['c'])
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(`NotADirectoryError: [Errno 20] Not a directory: '${binary}/databypath/data.json'`)
    })
  })

  describe('with the package beside the binary (filesystem-relative:data)', () => {
    let built: ReturnType<typeof build>
    beforeAll(
      () => {
        built = build(target, ['--package-data-location', 'databypath=filesystem-relative:data'])
      },
      30 * 60 * 1000
    )

    it('imports the package from data/ beside the binary, where C code opens its files', () => {
      const folder = path.join(built.outDir, 'data', 'databypath')
      expect(runBinary(built.binary, ['where']).stdout.trim()).toBe(`${folder} True`)
      expect(runBinary(built.binary, ['c']).stdout.trim()).toBe(FROM_C)
      expect(runBinary(built.binary, ['python']).stdout).toContain(FROM_PYTHON)
      expect(existsSync(path.join(folder, 'data.json'))).toBe(true)
    })

    it('says so in the report, and lists the folder among the files to ship', () => {
      expect(built.report.packageData).toEqual([
        expect.objectContaining({ package: 'databypath', location: 'filesystem-relative:data' })
      ])
      expect(built.report.executable?.sideFiles).toEqual(
        expect.arrayContaining(['data/databypath/data.json', 'data/databypath/notes/c.txt'])
      )
      expect(readFileSync(`${built.binary}.report.md`, 'utf8')).toContain(
        'Package `databypath` (filesystem-relative:data)'
      )
    })
  })

  describe('extracted to a per-user cache on first import (user-cache)', () => {
    let binary = ''
    let report: Report
    beforeAll(
      () => {
        const built = build(target, ['--package-data-location', 'databypath=user-cache'])
        binary = alone(built.binary)
        report = built.report
      },
      30 * 60 * 1000
    )

    it('extracts the package once, checked by hash, and C code opens its files there', () => {
      const cacheHome = tempDir('user-cache')
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cacheHome }
      const where = runBinary(binary, ['where'], { env }).stdout.trim()
      expect(where).toMatch(new RegExp(`^${cacheHome}/pyseal/packages/[0-9a-f]{64}/databypath True$`))
      const folder = where.split(' ')[0]
      expect(statSync(path.join(cacheHome, 'pyseal')).mode & 0o777).toBe(0o700)
      expect(runBinary(binary, ['c'], { env }).stdout.trim()).toBe(FROM_C)
      expect(readdirSync(path.dirname(binary))).toEqual([path.basename(binary)])

      // A file changed in the cache is noticed and written again.
      writeFileSync(path.join(folder, 'data.json'), '{"greeting": "tampered"}\n')
      expect(runBinary(binary, ['c'], { env }).stdout.trim()).toBe(FROM_C)
    })

    it('refuses a cache directory that others can write to, naming it and the fix', () => {
      const cacheHome = tempDir('shared-cache')
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cacheHome }
      expect(runBinary(binary, ['where'], { env }).status).toBe(0)
      chmodSync(path.join(cacheHome, 'pyseal'), 0o777)
      const run = runBinary(binary, ['c'], { env })
      expect(run.status).toBe(1)
      expect(run.stderr).toContain(
        `pyseal: ${cacheHome}/pyseal is not a directory of this user's that only this user can write to; ` +
          'remove it, or set XDG_CACHE_HOME to a directory of your own'
      )
    })

    it('says so in the report', () => {
      expect(report.packageData).toEqual([expect.objectContaining({ package: 'databypath', location: 'user-cache' })])
      expect(report.executable?.sideFiles).toEqual([])
    })
  })
})
