import { DEFAULT_PYTHON_VERSION } from '../../src/inputs/options/value-schemas'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/report'
import { DEFAULT_GLIBC_FLOOR } from '../../src/toolchain/glibc-floor'
import { expectBuilt, FIXTURES, pyseal, tempDir, TEST_TARGETS } from './cli'
import { neededVersions, newestGlibc, undefinedSymbols } from './glibc-needs'
import { debianRootFs, runInRootFs } from './older-distribution'

/**
 * Binaries on an older distribution than the one they were built on: Debian 11
 * (glibc 2.31), a real root file system entered with chroot. A fully static musl
 * binary needs nothing from it; a gnu binary built here with the default glibc floor
 * (2.17) needs no newer glibc than that floor's, which readelf and objdump confirm and
 * the report says. (glibc-floor.test.ts shows a `--glibc host` build failing there.)
 */
const MUSL = 'x86_64-unknown-linux-musl'
const GNU = 'x86_64-unknown-linux-gnu'

/** The checks every gnu binary built with the default floor passes: readelf, objdump and the report agree. */
function expectWithinDefaultFloor(binary: string): void {
  expect(DEFAULT_GLIBC_FLOOR).toBe('2.17')
  expect(newestGlibc(binary)).toBe('2.17')
  // The C++ runtime (zig's libc++) is linked statically: no libstdc++ versions.
  expect(neededVersions(binary, 'GLIBCXX')).toEqual([])
  expect(neededVersions(binary, 'CXXABI')).toEqual([])
  const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
  expect(report.executable?.requires).toEqual({
    glibc: '2.17',
    glibcxx: null,
    cxxabi: null,
    files: [{ file: path.basename(binary), needs: [{ version: 'GLIBC_2.17', symbol: expect.any(String) }] }]
  })
  // libm's functions come from glibc, not from zig's compiler-rt (which defines them too, less exactly).
  const symbols = undefinedSymbols(binary)
  for (const name of ['log2', 'log10', 'sin']) expect([name, symbols.get(name)]).toEqual([name, 'GLIBC_2.2.5'])
}

describe('on Debian 11 (glibc 2.31)', () => {
  let root = ''
  beforeAll(
    async () => {
      root = await debianRootFs('bullseye')
    },
    20 * 60 * 1000
  )

  it('is a real Debian 11: its own programs run and its C library is 2.31', () => {
    const ldd = runInRootFs(root, `${root}/usr/bin/ldd`, ['--version'])
    expect(ldd.error).toBeUndefined()
    expect(ldd.stdout).toMatch(/GLIBC 2\.31/)
    expect(readFileSync(`${root}/etc/debian_version`, 'utf8')).toMatch(/^11\./)
  })

  ;(TEST_TARGETS.includes(MUSL) ? it : it.skip)(
    'a musl binary pyseal built here runs there, its C extension built in',
    () => {
      const outDir = tempDir('older-musl')
      const binary = expectBuilt(
        pyseal(['build', '--project', `${FIXTURES}/c-ext`, '--target', MUSL, '--out-dir', outDir])
      )
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      expect(report.executable?.linkage).toEqual({ kind: 'static' })
      expect(report.executable?.requires).toBe('static')
      const run = runInRootFs(root, binary, [
        '-c',
        'import sys, cext._core as m; print(sys.version_info[:2], "cext._core" in sys.builtin_module_names, m.add(40, 2))'
      ])
      expect(run.stderr).toBe('')
      expect(run.stdout.trim()).toBe(`(${DEFAULT_PYTHON_VERSION.replace('.', ', ')}) True 42`)
      expect(run.status).toBe(0)
    },
    30 * 60 * 1000
  )

  ;(TEST_TARGETS.includes(GNU) ? it : it.skip)(
    'the real-packages app, built for gnu with the default glibc floor, runs there with every accelerator built in',
    () => {
      const app = path.join(FIXTURES, 'real-app')
      const outDir = tempDir('older-real')
      const args = ['build', '--target', GNU, '--requirements', 'requirements.txt', '--out-dir', outDir]
      // As real-packages.test.ts builds it (the same packages entry): a failed accelerator compile is fatal.
      const binary = expectBuilt(pyseal(args, app, { REQUIRE_SPEEDUPS: '1' }))
      expectWithinDefaultFloor(binary)
      const run = runInRootFs(root, binary, [])
      expect(run.stderr).toBe('')
      expect(run.status).toBe(0)
      const out = JSON.parse(run.stdout) as Record<string, Record<string, unknown>> & { builtins: string[] }
      expect(out.builtins).toHaveLength(9)
      expect(out.markupsafe).toMatchObject({
        escape_is_c: true,
        escaped: '&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;'
      })
      expect(out.simplejson).toMatchObject({ c_scanstring: true, loads_back: true })
      expect(out.msgpack).toMatchObject({ packer_module: 'msgpack._cmsgpack', roundtrip: true })
      expect(out.zstandard).toMatchObject({ backend: 'cext', roundtrip: true, cffi_roundtrip: true })
      expect(out.psutil).toMatchObject({ pid_matches: true, memory_total_positive: true })
      expect(out.cffi).toMatchObject({ gcd: 12, fnv1a: 0xf837f1ff })
    },
    2 * 60 * 60 * 1000
  )

  ;(TEST_TARGETS.includes(GNU) ? it : it.skip)(
    'the C++ fixture, built for gnu with the default glibc floor, runs there with its runtime linked statically',
    () => {
      const outDir = tempDir('older-cpp')
      const binary = expectBuilt(
        pyseal(['build', '--target', GNU, '--project', `${FIXTURES}/cpp-ext`, '--out-dir', outDir])
      )
      expectWithinDefaultFloor(binary)
      const run = runInRootFs(root, binary, [
        '-c',
        'import sys, cppext\nprint(cppext.sort_words("b c a"), "cppext._words" in sys.builtin_module_names)\n' +
          'try:\n    cppext.sort_words("  ")\nexcept ValueError as e:\n    print("ValueError", e)'
      ])
      expect(run.stderr).toBe('')
      expect(run.stdout.trim().split('\n')).toEqual(['a b c True', 'ValueError no words'])
    },
    30 * 60 * 1000
  )
})
