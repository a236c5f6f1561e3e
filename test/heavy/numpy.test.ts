import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from '../e2e/cli'

/**
 * The heavy tier (`npm run test:heavy`): numpy 2.3.5 from its sdist, built by meson-python
 * through the compiler wrapper, every extension module a built-in on gnu (zig's drivers at
 * the glibc floor) and musl. numpy's static libraries (npymath, the SIMD dispatch targets,
 * which meson makes thin archives) and its C++ (highway, x86-simd-sort) are captured whole.
 * On gnu, a subset of numpy's own test suite runs inside the interpreter-mode binary, and a
 * second build takes the compiled packages from the cache.
 */
const HOURS = 3 * 60 * 60 * 1000
const PROJECT = path.join(FIXTURES, 'numpy-app')

/** numpy's own tests run inside the binary: arrays and ufuncs (SIMD-dispatched loops), linear algebra, FFT, random. */
const NUMPY_TESTS = [
  '_core/tests/test_umath.py',
  '_core/tests/test_numeric.py',
  'linalg/tests/test_linalg.py',
  'fft/tests/test_pocketfft.py',
  'random/tests/test_generator_mt19937.py'
]

/**
 * pytest on numpy's test files at the paths `numpy.__file__` names (inside the executable,
 * read through its view). Its root directory is numpy's folder there: pytest walks down to
 * the files from its root, and a walk from the working directory would meet the
 * executable as the file it is on disk.
 */
const RUN_NUMPY_TESTS = `
import os, sys, numpy, pytest
root = os.path.dirname(numpy.__file__)
tests = [os.path.join(root, t) for t in ${JSON.stringify(NUMPY_TESTS)}]
sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", "--rootdir", root] + tests))
`

const EXERCISE = `
import json, sys
import numpy as np
a = np.arange(1, 10001, dtype=np.float64)
m = np.array([[4.0, 7.0], [2.0, 6.0]])
rng = np.random.default_rng(12345)
print(json.dumps({
    "sum": float(np.sum(np.sqrt(a) ** 2)),
    "sorted": np.sort(np.array([5, 3, 9, 1, 7], dtype=np.int32)).tolist(),
    "inverse": np.round(np.linalg.inv(m) @ m, 12).tolist(),
    "fft": np.round(np.abs(np.fft.fft([1.0, 0.0, -1.0, 0.0])), 12).tolist(),
    "random": int(rng.integers(0, 1000, size=100).shape[0]),
    "half": float(np.float16(2.5) * np.float16(2)),
    "version": np.__version__,
}))
`

function builtInCheck(modules: string[]): string {
  return `import importlib, sys\nmissing = [m for m in ${JSON.stringify(modules)} if m not in sys.builtin_module_names or importlib.import_module(m) is None]\nprint("missing:", missing)`
}

describe.each(TEST_TARGETS.filter(t => t.startsWith('x86_64-')))('numpy from its sdist on %s', target => {
  const outDir = tempDir('numpy')
  let binary = ''
  let modules: string[] = []

  beforeAll(() => {
    binary = expectBuilt(
      pyseal(['build', '--target', target, '--project', PROJECT, '--entry-point', 'none', '--out-dir', outDir])
    )
  }, HOURS)

  it('builds every numpy extension module in', () => {
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
    expect(report.verdict).toBe('all-builtin')
    const fromNumpy = report.modules.filter(m => m.module.startsWith('numpy.'))
    modules = fromNumpy.map(m => m.module)
    expect(modules).toEqual(expect.arrayContaining(['numpy._core._multiarray_umath', 'numpy.linalg._umath_linalg']))
    expect(fromNumpy.filter(m => m.status !== 'builtin')).toEqual([])
    expect(runBinary(binary, ['-c', builtInCheck(modules)]).stdout.trim()).toBe('missing: []')
  })

  it('runs numpy: ufuncs, sorting (x86-simd-sort), linear algebra, FFT, random, float16', () => {
    const run = runBinary(binary, ['-c', EXERCISE])
    if (run.status !== 0) throw new Error(`the binary exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
    expect(JSON.parse(run.stdout)).toEqual({
      sum: 50005000,
      sorted: [1, 3, 5, 7, 9],
      inverse: [
        [1, 0],
        [0, 1]
      ],
      fft: [0, 2, 0, 2],
      random: 100,
      half: 5,
      version: '2.3.5'
    })
  })

  if (target.endsWith('-gnu')) {
    it(
      'passes a subset of numpy own test suite inside the interpreter-mode binary',
      () => {
        const run = runBinary(binary, ['-c', RUN_NUMPY_TESTS], { cwd: tempDir('numpy-tests') })
        const summary = run.stdout.trim().split('\n').pop() ?? ''
        if (run.status !== 0)
          throw new Error(`numpy's tests failed (${run.status}):\n${run.stdout.slice(-8000)}\n${run.stderr}`)
        expect(summary).toMatch(/^\d+ passed/)
        // "3 xfailed" is numpy's own expectation; a failure or an error is not.
        expect(summary).not.toMatch(/\b\d+ (failed|errors?)\b/)
      },
      HOURS
    )

    it(
      'takes the compiled packages from the cache on a second build',
      () => {
        const again = pyseal([
          'build',
          '--target',
          target,
          '--project',
          PROJECT,
          '--entry-point',
          'none',
          '--out-dir',
          tempDir('numpy-again')
        ])
        expectBuilt(again)
        expect(again.stdout).toMatch(
          /reused cached packages [0-9a-f]+ \(\d+ extension modules captured, 0 compiled now\)/
        )
      },
      HOURS
    )
  }
})
