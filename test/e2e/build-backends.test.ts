import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * Build backends that never touch distutils, captured whole through the compiler
 * wrapper and built in, on gnu (zig's drivers at the glibc floor) and musl:
 * - meson-python: test/fixtures/meson-ext, C and C++ modules linked with static
 *   libraries meson makes itself (thin archives), a kernel compiled for two instruction
 *   sets into libraries of their own and picked at run time, hidden symbols across
 *   objects, link-time optimization asked for;
 * - scikit-build-core (CMake): pyopal 0.7.3 from its sdist, Cython-generated C++ with one
 *   module per instruction set, each linked with a static library CMake builds, and
 *   scoring-matrices 0.3.5, whose module is also called `lib`.
 */
const HOUR = 60 * 60 * 1000

function builtReport(binary: string): Report {
  return JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
}

const MESON_CHECK = `
import json, sys
import mesonext._cmod as c, mesonext._cppmod as cpp
try:
    cpp.top_word("   ")
except ValueError as error:
    empty = str(error)
print(json.dumps({
    "builtins": sorted(m for m in sys.builtin_module_names if m.startswith("mesonext")),
    "scale_sum": c.scale_sum(3),
    "weight": c.weight("abc"),
    "top": cpp.top_word("fig pear fig apple pear fig"),
    "greeting": cpp.greeting(),
    "empty": empty,
}))
`

describe.each(TEST_TARGETS.filter(t => t.startsWith('x86_64-')))('build backends beyond setuptools on %s', target => {
  it(
    'builds meson-python modules in: meson static libraries (thin), kernels per instruction set, C++, LTO asked for',
    () => {
      const outDir = tempDir('meson')
      const binary = expectBuilt(
        pyseal([
          'build',
          '--target',
          target,
          '--project',
          path.join(FIXTURES, 'meson-ext'),
          '--entry-point',
          'none',
          '--out-dir',
          outDir
        ])
      )
      const report = builtReport(binary)
      expect(report.verdict).toBe('all-builtin')
      const modules = report.modules.filter(m => m.package === 'mesonext')
      expect(modules.map(m => [m.module, m.status, m.capture])).toEqual([
        ['mesonext._cmod', 'builtin', 'compiler-wrapper'],
        ['mesonext._cppmod', 'builtin', 'compiler-wrapper']
      ])
      const run = runBinary(binary, ['-c', MESON_CHECK])
      if (run.status !== 0) throw new Error(`the binary exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
      const out = JSON.parse(run.stdout) as Record<string, unknown>
      const [dispatched, baseline, kernel] = out.scale_sum as [number, number, string]
      // 3 * (1 + ... + 1000); the kernel the CPU runs and the baseline agree.
      expect([dispatched, baseline]).toEqual([1501500, 1501500])
      expect(['AVX2', 'baseline']).toContain(kernel)
      expect({ ...out, scale_sum: null }).toEqual({
        builtins: ['mesonext._cmod', 'mesonext._cppmod'],
        scale_sum: null,
        weight: 294,
        top: ['fig', 3, 310],
        greeting: 'built in by meson',
        empty: 'no words'
      })
    },
    HOUR
  )

  it(
    'builds scikit-build-core modules in: pyopal (CMake, C++, a module per instruction set) and two modules named lib',
    () => {
      const outDir = tempDir('skbuild')
      const binary = expectBuilt(
        pyseal(['build', '--target', target, '--project', path.join(FIXTURES, 'skbuild-app'), '--out-dir', outDir])
      )
      const report = builtReport(binary)
      expect(report.verdict).toBe('all-builtin')
      const EXTENSIONS = [
        'pyopal.lib',
        'pyopal.platform.avx2',
        'pyopal.platform.sse2',
        'pyopal.platform.sse4',
        'scoring_matrices.lib'
      ]
      const built = report.modules.filter(m => /^(pyopal|scoring_matrices)\./.test(m.module))
      expect(built.map(m => [m.module, m.status]).sort()).toEqual(EXTENSIONS.map(m => [m, 'builtin']))
      const run = runBinary(binary, [])
      if (run.status !== 0) throw new Error(`skbuild-app exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
      expect(JSON.parse(run.stdout)).toEqual({
        builtins: EXTENSIONS,
        variants: { sse2: true, sse4: true, avx2: true },
        best: 2,
        scores_positive: true,
        blosum62_W_W: 11,
        pyopal: '0.7.3'
      })
    },
    HOUR
  )
})
