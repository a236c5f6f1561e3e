import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * CPython's own regression tests for a handful of stdlib modules, run inside an
 * interpreter-mode binary that keeps the whole stdlib (`--stdlib-exclude none`).
 * regrtest lists its test directory with os.listdir, which cannot look inside the
 * executable's archive, so the binary first extracts its own `test` package into
 * the working directory (which `-m` puts first on sys.path); every module under
 * test still comes from the binary.
 */
const PYTHONS = (process.env.PYSEAL_TEST_PYTHONS ?? 'debian:python3.11,debian:python3.13').split(',')
const MODULES = ['test_json', 'test_math', 'test_zipimport', 'test_sqlite3', 'test_ssl', 'test_decimal']

const legs = PYTHONS.flatMap(python => TEST_TARGETS.map(target => [python, target] as const))

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
      const ignore = target.includes('musl') && muslFmaLosesZeroSign() ? ['-i', 'test_fma_zero_result'] : []
      const run = runBinary(binary, ['-m', 'test', '-q', ...ignore, ...MODULES], { cwd: testCwd })
      const output = run.stdout + run.stderr
      expect(output).toMatch(/[Rr]esult: SUCCESS/)
      expect(run.status).toBe(0)
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
    // test_ctypes itself loads _ctypes_test as a shared library (CDLL(_ctypes_test.__file__));
    // built in, that module has no file, so the suite cannot load. What it checks that
    // matters here, ctypes calling C through libffi, is exercised directly instead.
    it('calls C through ctypes: libc functions, callbacks, structures', () => {
      const run = runBinary(binary, [
        '-c',
        [
          'import ctypes, ctypes.util',
          'libc = ctypes.CDLL(None)',
          'print(libc.strlen(b"pyseal"))',
          'values = (ctypes.c_int * 5)(5, 1, 4, 2, 3)',
          'CMP = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int))',
          'libc.qsort(values, 5, ctypes.sizeof(ctypes.c_int), CMP(lambda a, b: a[0] - b[0]))',
          'print(list(values))',
          'class P(ctypes.Structure):',
          '    _fields_ = [("x", ctypes.c_int), ("y", ctypes.c_double)]',
          'print(ctypes.sizeof(P), P(2, 0.5).y)',
          'print(ctypes.util.find_library("c") is not None)'
        ].join('\n')
      ])
      expect(run.stderr).toBe('')
      expect(run.stdout.trim().split('\n')).toEqual(['6', '[1, 2, 3, 4, 5]', '16 0.5', 'True'])
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
