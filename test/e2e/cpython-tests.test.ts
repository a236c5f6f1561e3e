import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * CPython's own regression tests for a handful of stdlib modules, run inside an
 * interpreter-mode binary that keeps the whole stdlib (`--stdlib-exclude none`).
 * regrtest lists its test directory with os.listdir, which cannot look inside the
 * executable's archive, so the binary first extracts its own `test` package into
 * the working directory (which `-m` puts first on sys.path); every module under
 * test still comes from the binary.
 */
const TARGETS = (process.env.PYSEAL_TEST_TARGETS ?? 'x86_64-unknown-linux-gnu,x86_64-unknown-linux-musl').split(',')
const PYTHONS = (process.env.PYSEAL_TEST_PYTHONS ?? 'debian:python3.11,debian:python3.13').split(',')
const MODULES = ['test_json', 'test_math', 'test_zipimport', 'test_sqlite3', 'test_ssl', 'test_decimal']

const legs = PYTHONS.flatMap(python => TARGETS.map(target => [python, target] as const))

function extractedTestDir(binary: string): string {
  const cwd = tempDir('regrtest-cwd')
  const run = runBinary(
    binary,
    [
      '-c',
      'import sys, zipfile\nz = zipfile.ZipFile(sys.executable)\nz.extractall(".", [n for n in z.namelist() if n.startswith("test/")])'
    ],
    { cwd }
  )
  if (run.status !== 0) throw new Error(`could not extract the test package: ${run.stderr}`)
  return cwd
}

describe.each(legs)('CPython regression tests for %s on %s', (python, target) => {
  let binary = ''
  let testCwd = ''
  beforeAll(
    () => {
      const outDir = tempDir('regrtest')
      const run = pyseal([
        'build',
        '--target',
        target,
        '--project',
        `${FIXTURES}/bare`,
        '--python-distribution',
        python,
        '--stdlib-exclude',
        'none',
        '--entry-point',
        'none',
        '--name',
        'python-full',
        '--out-dir',
        outDir
      ])
      binary = expectBuilt(run)
      testCwd = extractedTestDir(binary)
    },
    60 * 60 * 1000
  )

  it(
    'passes test_json, test_math, test_zipimport, test_sqlite3, test_ssl and test_decimal',
    () => {
      const run = runBinary(binary, ['-m', 'test', '-q', ...MODULES], { cwd: testCwd })
      const output = run.stdout + run.stderr
      expect(output).toMatch(/Result: SUCCESS/)
      expect(run.status).toBe(0)
    },
    60 * 60 * 1000
  )

  it(
    target.includes('musl') ? 'has no ctypes, cleanly (ImportError, not a half-present module)' : 'passes test_ctypes',
    () => {
      if (target.includes('musl')) {
        const run = runBinary(binary, [
          '-c',
          'import importlib.util, sys\n' +
            'assert "_ctypes" not in sys.builtin_module_names\n' +
            'try:\n    import ctypes\nexcept ImportError as e:\n    print("ImportError", e.name)\n'
        ])
        expect(run.stdout.trim()).toBe('ImportError _ctypes')
        const skipped = runBinary(binary, ['-m', 'test', '-q', 'test_ctypes'], { cwd: testCwd })
        expect(skipped.stdout + skipped.stderr).toMatch(/skipped|SUCCESS|NO TESTS RAN/i)
      } else {
        const run = runBinary(binary, ['-m', 'test', '-q', 'test_ctypes'], { cwd: testCwd })
        expect(run.stdout + run.stderr).toMatch(/Result: SUCCESS/)
        expect(run.status).toBe(0)
      }
    },
    60 * 60 * 1000
  )
})
