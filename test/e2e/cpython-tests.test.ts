import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/report'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * CPython's own regression tests for a handful of stdlib modules, run straight from an
 * interpreter-mode binary that keeps the whole stdlib (`--stdlib-exclude none`):
 * regrtest lists its test directory, unittest discovers test packages and the tests
 * read their data files by path, all inside the executable's archive (the launcher's
 * read-only view of it, c/README.md "Files by path"). Every module under test comes
 * from the binary.
 *
 * test_ssl hands its certificate files to OpenSSL, which opens them by path in C: it
 * runs in a second binary built with `--package-data-location test=user-cache`, whose
 * `test` package is extracted to a per-user cache on first import.
 *
 * test_importlib's ZipFixtures tests (test_zip, and the prebuilt-wheel cases of
 * test_main) assume the test package's data is a folder on disk: they expect
 * `importlib.resources.as_file()` of a wheel in it to be that very file, where a
 * package in a zip gets a temporary copy with another name. They are left out
 * (`-i`), as they would be for a `test` package imported from any zip.
 *
 * test_ctypes loads `_ctypes_test` with `CDLL(_ctypes_test.__file__)`, a path the C
 * library opens: on gnu that module is shipped as a shared library in `lib/` beside the
 * binary (`--extension-location filesystem-relative:lib`; loaded from memory, its
 * `__file__` would be a path inside the binary).
 *
 * test_importlib skips its parts that need the test-only `_testmultiphase` module, which
 * pyseal does not build (as CPython's own run does where a module is missing).
 *
 * They run on the default CPython. PYSEAL_TEST_PYTHONS takes other --python-version
 * values (`3.13`) or --python-distribution values (anything with `:` or `/`, a source
 * tarball's path too), comma-separated, `default` for the default: the binary says
 * its version, and the modules of newer versions (test_zstd from 3.14) are added for it.
 */
const PYTHONS = (process.env.PYSEAL_TEST_PYTHONS ?? 'default').split(',')
const MODULES = ['test_json', 'test_math', 'test_zipimport', 'test_sqlite3', 'test_decimal']
const GNU_MODULES = ['test_ctypes']
/**
 * Modules run from a CPython version on: [module, minor version]. test_zstd is new in
 * 3.14; 3.11's test_importlib checks frozen modules against their source files in a
 * CPython tree and loads _testmultiphase from a file, which no pyseal binary has (it
 * fails those checks with the test package extracted to disk too).
 */
const NEWER_MODULES: [string, number][] = [
  ['test_importlib', 13],
  ['test_zstd', 14]
]

const legs = PYTHONS.flatMap(python => TEST_TARGETS.map(target => [python, target] as const))

function pythonArgs(python: string): string[] {
  if (python === 'default') return []
  return /[:/]/.test(python) ? ['--python-distribution', python] : ['--python-version', python]
}

/** test_importlib's tests that need the test package on disk (see above). */
const ON_DISK_ONLY = ['test.test_importlib.metadata.test_zip.*', '*.PackagesDistributionsPrebuiltTest.*']

function buildFull(target: string, python: string, extra: string[]): { binary: string; outDir: string } {
  const outDir = tempDir('regrtest')
  const run = pyseal([
    'build',
    '--target',
    target,
    '--project',
    `${FIXTURES}/bare`,
    ...pythonArgs(python),
    '--stdlib-exclude',
    'none',
    '--entry-point',
    'none',
    '--name',
    'python-full',
    '--extension-location',
    'filesystem-relative:lib',
    '--out-dir',
    outDir,
    ...extra
  ])
  return { binary: expectBuilt(run), outDir }
}

describe.each(legs)('CPython regression tests for %s on %s', (python, target) => {
  let binary = ''
  let outDir = ''
  let testCwd = ''
  beforeAll(
    () => {
      ;({ binary, outDir } = buildFull(target, python, []))
      testCwd = tempDir('regrtest-cwd')
    },
    60 * 60 * 1000
  )

  const modules = target.includes('musl') ? MODULES : [...MODULES, ...GNU_MODULES]
  it(
    `passes ${modules.join(', ')}, and ${NEWER_MODULES.map(([m, minor]) => `${m} on 3.${minor}+`).join(', ')}, straight from the binary`,
    () => {
      const ignore = [...(target.includes('musl') && muslFmaLosesZeroSign() ? ['-i', 'test_fma_zero_result'] : [])]
      ignore.push(...ON_DISK_ONLY.flatMap(pattern => ['-i', pattern]))
      const minor = Number(runBinary(binary, ['-c', 'import sys; print(sys.version_info.minor)']).stdout.trim())
      expect(minor).toBeGreaterThanOrEqual(11)
      const newer = NEWER_MODULES.filter(([, since]) => minor >= since).map(([m]) => m)
      const run = runBinary(binary, ['-m', 'test', '-q', ...ignore, ...modules, ...newer], { cwd: testCwd })
      const output = run.stdout + run.stderr
      expect(output).toMatch(/[Rr]esult: SUCCESS/)
      expect(run.status).toBe(0)
      // Nothing was written beside the tests: the working directory holds only what regrtest made.
      expect(existsSync(path.join(testCwd, 'test'))).toBe(false)
    },
    60 * 60 * 1000
  )

  it(
    'passes test_ssl, whose certificates OpenSSL opens by path, with the test package extracted to a user cache',
    () => {
      const extracted = buildFull(target, python, ['--package-data-location', 'test=user-cache'])
      const cacheHome = tempDir('regrtest-user-cache')
      const env = { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cacheHome }
      const run = runBinary(extracted.binary, ['-m', 'test', '-q', 'test_ssl'], { cwd: testCwd, env })
      expect(run.stdout + run.stderr).toMatch(/[Rr]esult: SUCCESS/)
      expect(run.status).toBe(0)
      const where = runBinary(extracted.binary, ['-c', 'import test.test_ssl as t; print(t.CERTFILE)'], { env })
      // test/certdata/ from 3.13 on, test/ before
      expect(where.stdout.trim()).toMatch(
        new RegExp(`^${cacheHome}/pyseal/packages/[0-9a-f]{64}/test/(certdata/)?keycert\\.pem$`)
      )
    },
    60 * 60 * 1000
  )

  if (target.includes('musl')) {
    it('has no ctypes, cleanly (ImportError, not a half-present module)', () => {
      const run = runBinary(binary, [
        '-c',
        'import sys\n' +
          'assert "_ctypes" not in sys.builtin_module_names\n' +
          'try:\n    import ctypes\nexcept ImportError as e:\n    print("ImportError", e.name)\n'
      ])
      expect(run.stdout.trim()).toBe('ImportError _ctypes')
    })
  } else {
    it('ships _ctypes_test as a shared library beside the binary, and says so in the report', () => {
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      const entry = report.modules.find(m => m.module === '_ctypes_test')
      expect(entry?.status).toBe('standalone')
      expect(entry?.reasons.map(r => r.code)).toEqual(['STANDALONE_SHARED_LIBRARY'])
      expect(entry?.file).toMatch(/^lib\/_ctypes_test\.cpython-3\d+-x86_64-linux-gnu\.so$/)
      expect(report.executable?.sideFiles).toEqual([entry?.file])
      expect(existsSync(path.join(outDir, entry?.file ?? ''))).toBe(true)
      const run = runBinary(binary, ['-c', 'import _ctypes_test, sys; print(_ctypes_test.__file__)'])
      expect(run.stdout.trim()).toBe(path.join(outDir, entry?.file ?? ''))
    })
  }
})

/**
 * musl 1.2.3's fma() returns +0.0 where IEEE 754 wants -0.0 for an exact zero
 * result of opposite-signed products: a libc bug that CPython's test_math checks
 * for. The test leaves that one case out only when a plain C program shows the
 * same answer from musl itself.
 */
function muslFmaLosesZeroSign(): boolean {
  const dir = tempDir('fma')
  const source = path.join(dir, 'fma.c')
  writeFileSync(
    source,
    '#include <math.h>\n#include <stdio.h>\nint main(void) { volatile double t = 1e-200;\n' +
      '  printf("%d\\n", signbit(fma(t, -t, 0.0)) != 0); return 0; }\n'
  )
  execFileSync('musl-gcc', ['-static', '-O0', '-o', path.join(dir, 'fma'), source, '-lm'])
  return execFileSync(path.join(dir, 'fma'), { encoding: 'utf8' }).trim() === '0'
}
