import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/report'
import { compareVersions, DEFAULT_GLIBC_FLOOR } from '../../src/toolchain/glibc-floor'
import { FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'
import { newestGlibc, symbolsAt } from './glibc-needs'
import { debianRootFs, runInRootFs } from './older-distribution'

/**
 * The glibc floor on this machine (Debian 12, glibc 2.36). The newer-glibc-ext fixture's
 * extension (getrandom, GLIBC_2.25) is compiled and linked by this machine's gcc whatever
 * CC says, as build backends with a toolchain of their own do, and ships beside the
 * binary. With the default floor the binary keeps to 2.17 (zig compiled it) and the
 * module does not: the build is refused, naming the module. With `--glibc host` both link
 * against this machine's glibc: it builds, runs here, and does not start on Debian 11.
 * What the report says each file needs is compared with readelf -V and objdump -T.
 */
const GNU = 'x86_64-unknown-linux-gnu'
const PROJECT = path.join(FIXTURES, 'newer-glibc-ext')

type Requires = NonNullable<Report['executable']>['requires']

/** Builds the fixture with `--glibc floor`, or with the default floor when floor is null. */
function build(
  outDir: string,
  floor: string | null,
  extra: string[] = []
): { code: number; stderr: string; report: Report } {
  const run = pyseal([
    'build',
    '--project',
    PROJECT,
    '--target',
    GNU,
    '--standalone-packages',
    'newerglibc',
    '--extension-location',
    'filesystem-relative:lib',
    ...(floor === null ? [] : ['--glibc', floor]),
    ...extra,
    '--out-dir',
    outDir
  ])
  const report = JSON.parse(readFileSync(path.join(outDir, 'newerglibc.report.json'), 'utf8')) as Report
  return { ...run, report }
}

/** What readelf and objdump say the binary and its shipped module need, checked against the report. */
function expectRequiresRead(outDir: string, requires: Requires): { binary: string; module: string } {
  if (!requires || requires === 'static') throw new Error(`requires is ${String(requires)}`)
  const moduleFile = requires.files[1]?.file ?? ''
  expect(requires.files.map(f => f.file)).toEqual(['newerglibc', moduleFile])
  expect(moduleFile).toMatch(/^lib\/newerglibc\/_random\.cpython-\d+-x86_64-linux-gnu\.so$/)
  const binary = newestGlibc(path.join(outDir, 'newerglibc'))
  const module = newestGlibc(path.join(outDir, moduleFile))
  expect(module).toBe('2.25')
  expect(requires.glibc).toBe(compareVersions(binary, module) >= 0 ? binary : module)
  expect(requires.glibcxx).toBeNull()
  expect(requires.files[0].needs).toEqual([{ version: `GLIBC_${binary}`, symbol: expect.any(String) }])
  expect(symbolsAt(path.join(outDir, 'newerglibc'), binary)).toContain(requires.files[0].needs[0].symbol)
  expect(requires.files[1].needs).toEqual([{ version: 'GLIBC_2.25', symbol: 'getrandom' }])
  expect(symbolsAt(path.join(outDir, moduleFile), '2.25')).toContain('getrandom')
  return { binary, module: moduleFile }
}

;(TEST_TARGETS.includes(GNU) ? describe : describe.skip)('the glibc floor, on a machine with glibc 2.36', () => {
  it(
    'keeps the binary to the default floor and refuses the module that needs more, naming it, the version and a symbol',
    () => {
      expect(DEFAULT_GLIBC_FLOOR).toBe('2.17')
      const outDir = tempDir('glibc-floor')
      const { code, stderr, report } = build(outDir, null)
      expect(code).toBe(1)
      const needs = expectRequiresRead(outDir, report.executable?.requires)
      expect(needs.binary).toBe('2.17')
      const line = stderr.split('\n').find(l => l.startsWith('pyseal: error:'))
      expect(line).toBe(
        `pyseal: error: --glibc 2.17: ${needs.module} needs GLIBC_2.25 for getrandom, newer than the floor. ` +
          'Raise --glibc to 2.25, or give --glibc host to build without a floor. ' +
          'The binary and report were written; see newerglibc.report.json.'
      )
      // Like --fail-on fallback: the report is written, and says the build itself went through.
      expect(report.status).toBe('ok')
    },
    20 * 60 * 1000
  )

  it(
    'builds with --glibc host: the binary runs here with its shipped module, and needs too new a glibc for Debian 11',
    async () => {
      const outDir = tempDir('glibc-host')
      // 3.11: the CPython the cross build compiles for this machine with its gcc, so no build of its own.
      const host = build(outDir, 'host', ['--python-version', '3.11'])
      expect(host.stderr).toBe('')
      expect(host.code).toBe(0)
      const needs = expectRequiresRead(outDir, host.report.executable?.requires)
      expect(compareVersions(needs.binary, '2.31')).toBeGreaterThan(0)
      const binary = path.join(outDir, 'newerglibc')
      const code =
        'import sys, newerglibc._random as r; print(len(r.random_bytes(16)), "newerglibc._random" in sys.builtin_module_names)'
      const run = runBinary(binary, ['-c', code])
      expect(run.stderr).toBe('')
      expect(run.stdout.trim()).toBe('16 False')
      expect(readFileSync(path.join(outDir, 'newerglibc.report.md'), 'utf8')).toMatch(/; glibc 2\.\d+ or newer\)/)
      // What the floor is for: on Debian 11 (glibc 2.31) this binary does not start.
      const older = runInRootFs(await debianRootFs('bullseye'), binary, ['-c', 'print("started")'])
      expect(older.stdout).toBe('')
      expect(older.stderr).toMatch(new RegExp(`version \`GLIBC_2\\.(3[2-9]|4\\d)' not found`))
      expect(older.status).not.toBe(0)
    },
    20 * 60 * 1000
  )
})
