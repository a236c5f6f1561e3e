import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/report'
import { compareVersions } from '../../src/toolchain/glibc-floor'
import { FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * The glibc floor on this machine (Debian 12, glibc 2.36), whose toolchain links
 * against its own glibc: the newer-glibc-ext fixture (an extension calling getrandom,
 * GLIBC_2.25) shipped beside the binary, built with `--glibc 2.17` (refused: both
 * files need more) and with `--glibc host` (built, and it runs). What the report says
 * each file needs is compared with readelf -V and objdump -T of the files written.
 */
const GNU = 'x86_64-unknown-linux-gnu'
const PROJECT = path.join(FIXTURES, 'newer-glibc-ext')

type Requires = NonNullable<Report['executable']>['requires']

/** The newest GLIBC_ release a file needs, as `readelf -V` lists its version-needed entries. */
function newestGlibc(file: string): string {
  const output = execFileSync('readelf', ['-V', '-W', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const releases = [...output.matchAll(/Name: GLIBC_(\d+(?:\.\d+)+)\s/g)].map(m => m[1])
  expect(releases.length).toBeGreaterThan(0)
  return releases.sort(compareVersions).at(-1) ?? ''
}

/** The undefined symbols `objdump -T` shows bound to GLIBC_<release>. */
function symbolsAt(file: string, release: string): string[] {
  const output = execFileSync('objdump', ['-T', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return output
    .split('\n')
    .filter(line => line.includes('*UND*') && line.includes(`(GLIBC_${release})`))
    .map(line => line.trim().split(/\s+/).at(-1) ?? '')
}

function build(outDir: string, floor: string): { code: number; stderr: string; report: Report } {
  const run = pyseal([
    'build',
    '--project',
    PROJECT,
    '--target',
    GNU,
    '--standalone-packages',
    'newerglibc',
    '--glibc',
    floor,
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
    'refuses --glibc 2.17 naming each file, the version and a symbol; the report says what they need',
    () => {
      const outDir = tempDir('glibc-floor')
      const { code, stderr, report } = build(outDir, '2.17')
      expect(code).toBe(1)
      const needs = expectRequiresRead(outDir, report.executable?.requires)
      expect(compareVersions(needs.binary, '2.17')).toBeGreaterThan(0)
      const requires = report.executable?.requires as Exclude<Requires, 'static' | null | undefined>
      const symbol = requires.files[0].needs[0].symbol ?? ''
      const line = stderr.split('\n').find(l => l.startsWith('pyseal: error:'))
      expect(line).toBe(
        `pyseal: error: --glibc 2.17: newerglibc needs GLIBC_${needs.binary} for ${symbol}, ` +
          `${needs.module} needs GLIBC_2.25 for getrandom, newer than the floor. ` +
          `Raise --glibc to ${requires.glibc}, or give --glibc host to build without a floor. ` +
          'The binary and report were written; see newerglibc.report.json.'
      )
      // Like --fail-on fallback: the report is written, and says the build itself went through.
      expect(report.status).toBe('ok')
    },
    20 * 60 * 1000
  )

  it(
    'builds with --glibc host and with the floor the files need, and the binary runs with its shipped module',
    () => {
      const outDir = tempDir('glibc-host')
      const host = build(outDir, 'host')
      expect(host.stderr).toBe('')
      expect(host.code).toBe(0)
      expectRequiresRead(outDir, host.report.executable?.requires)
      const run = runBinary(path.join(outDir, 'newerglibc'), [
        '-c',
        'import sys, newerglibc._random as r; print(len(r.random_bytes(16)), "newerglibc._random" in sys.builtin_module_names)'
      ])
      expect(run.stderr).toBe('')
      expect(run.stdout.trim()).toBe('16 False')
      expect(readFileSync(path.join(outDir, 'newerglibc.report.md'), 'utf8')).toMatch(/; glibc 2\.\d+ or newer\)/)

      const requires = host.report.executable?.requires as Exclude<Requires, 'static' | null | undefined>
      const exact = build(tempDir('glibc-exact'), requires.glibc ?? '')
      expect(exact.stderr).toBe('')
      expect(exact.code).toBe(0)
    },
    20 * 60 * 1000
  )
})
