import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/report'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

const project = path.join(FIXTURES, 'cpp-ext')

describe('a C++ extension module', () => {
  if (TEST_TARGETS.includes('x86_64-unknown-linux-gnu')) {
    it(
      'is built in on glibc, with the C++ runtime linked statically',
      () => {
        const outDir = tempDir('cpp')
        const binary = expectBuilt(
          pyseal(['build', '--target', 'x86_64-unknown-linux-gnu', '--project', project, '--out-dir', outDir])
        )
        const run = runBinary(binary, [
          '-c',
          'import sys, cppext\nprint(cppext.sort_words("b c a"), "cppext._words" in sys.builtin_module_names)\n' +
            'try:\n    cppext.sort_words("  ")\nexcept ValueError as e:\n    print("ValueError", e)'
        ])
        expect(run.stdout.trim().split('\n')).toEqual(['a b c True', 'ValueError no words'])
        const ldd = runBinary('ldd', [binary])
        expect(ldd.stdout).not.toMatch(/libstdc\+\+/)
      },
      30 * 60 * 1000
    )
  }

  if (TEST_TARGETS.includes('x86_64-unknown-linux-musl')) {
    // Debian's musl-gcc has no C++ library for musl: C++ comes from zig's c++
    // (clang with libc++ for musl), which also drives the fully static link.
    it(
      'is built in on musl through zig, in a fully static binary',
      () => {
        const outDir = tempDir('cpp-musl')
        const binary = expectBuilt(
          pyseal(['build', '--target', 'x86_64-unknown-linux-musl', '--project', project, '--out-dir', outDir])
        )
        const run = runBinary(binary, [
          '-c',
          'import sys, cppext\nprint(cppext.sort_words("b c a"), "cppext._words" in sys.builtin_module_names)\n' +
            'try:\n    cppext.sort_words("  ")\nexcept ValueError as e:\n    print("ValueError", e)'
        ])
        expect(run.stdout.trim().split('\n')).toEqual(['a b c True', 'ValueError no words'])
        const report = JSON.parse(readFileSync(path.join(outDir, 'cppext.report.json'), 'utf8')) as Report
        const words = report.modules.find(m => m.module === 'cppext._words')
        expect(words?.status).toBe('builtin')
        expect(words?.language).toBe('c++')
        const ldd = runBinary('ldd', [binary])
        expect(ldd.stdout + ldd.stderr).toMatch(/not a dynamic executable/)
      },
      30 * 60 * 1000
    )
  }
})
