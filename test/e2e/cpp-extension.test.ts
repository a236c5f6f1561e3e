import { readFileSync } from 'node:fs'
import path from 'node:path'
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
    // Debian's musl-gcc has no C++ standard library for musl: until a musl C++
    // toolchain is configured, the build must stop and say so, naming the module.
    it(
      'stops the musl build with a message naming the module and the missing toolchain',
      () => {
        const outDir = tempDir('cpp-musl')
        const run = pyseal([
          'build',
          '--target',
          'x86_64-unknown-linux-musl',
          '--project',
          project,
          '--out-dir',
          outDir
        ])
        expect(run.code).toBe(1)
        expect(run.stderr).toMatch(/cppext\._words \(cppext\): a C\+\+ extension needs a C\+\+ toolchain/)
        const report = JSON.parse(readFileSync(path.join(outDir, 'cppext.report.json'), 'utf8')) as {
          status: string
          modules: Array<{ module: string; status: string; reasons: Array<{ code: string }> }>
        }
        expect(report.status).toBe('failed')
        const words = report.modules.find(m => m.module === 'cppext._words')
        expect(words?.status).toBe('failed')
        expect(words?.reasons.map(r => r.code)).toContain('CXX_TOOLCHAIN_MISSING')
      },
      30 * 60 * 1000
    )
  }
})
