/**
 * Real packages, built from their source distributions, with every C accelerator a built-in.
 *
 * The app in test/fixtures/real-app pins markupsafe, simplejson, msgpack (Cython-generated C),
 * zstandard (C backend and a cffi backend), psutil, cffi and test/fixtures/cffi-mod (our own
 * cffi out-of-line API module). Its entry point prints JSON proving each accelerator is a
 * built-in module and exercising its API. An interpreter-mode binary built from the same
 * requirements (pytest rides along as pure Python) then runs the test suites shipped in the
 * markupsafe, simplejson and msgpack sdists against the embedded packages.
 *
 * Silent fallbacks these packages have, and what guards against each here:
 * - markupsafe: setup.py swallows a failed compile of _speedups (a warning only; CIBUILDWHEEL=1
 *   would make it fatal), and at run time markupsafe falls back to _native. The entry point
 *   and the suite guard (conftest below) assert `markupsafe._speedups` is a built-in.
 * - simplejson: setup.py swallows a failed compile unless REQUIRE_SPEEDUPS=1 (set for our
 *   builds below so a broken compile fails the build loudly instead of silently); at run time
 *   c_make_encoder / c_scanstring are None without _speedups, asserted not None.
 * - msgpack: MSGPACK_PUREPYTHON set at build time skips the extension; at import time
 *   msgpack silently falls back to msgpack.fallback; asserted: Packer is from msgpack._cmsgpack.
 * - zstandard: on CPython the default import policy requires backend_c (no silent fallback),
 *   but PYTHON_ZSTANDARD_IMPORT_POLICY can change that; the cffi backend (zstandard._cffi) is
 *   only built when cffi is importable at build time (it is a build requirement).
 * - psutil, cffi, cffi-mod: no fallback (import fails without their C modules).
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, type CliRun, TEST_TARGETS } from './cli'
import type { ReportModule } from '../../src/report/report'

/** A host Python with pip, used only to fetch the sdists whose test suites we run. */
const HOST_PYTHON = process.env.PYSEAL_TEST_HOST_PYTHON ?? 'python3'
const HOUR = 60 * 60 * 1000

/** Every extension module the pinned requirements compile, each of which must be a built-in. */
const EXTENSIONS = [
  '_cffi_backend',
  'cffimod._native',
  'markupsafe._speedups',
  'msgpack._cmsgpack',
  'psutil._psutil_linux',
  'psutil._psutil_posix',
  'simplejson._speedups',
  'zstandard._cffi',
  'zstandard.backend_c'
]

/** The pinned sdists whose own test suites run inside the interpreter-mode binary. */
const SUITES = [
  { pkg: 'markupsafe', version: '2.1.5', tests: 'tests' },
  { pkg: 'simplejson', version: '3.19.3', tests: 'simplejson/tests' },
  { pkg: 'msgpack', version: '1.1.0', tests: 'test' }
]

/** The accelerator each suite must see as a built-in. */
const ACCELERATOR: Record<string, string> = {
  markupsafe: 'markupsafe._speedups',
  simplejson: 'simplejson._speedups',
  msgpack: 'msgpack._cmsgpack'
}

/** Runs `pyseal ARGS` from `cwd`, with an environment that makes silent build fallbacks fatal. */
function pysealStrict(args: string[], cwd: string): CliRun {
  return pyseal(args, cwd, { REQUIRE_SPEEDUPS: '1' })
}

interface RealAppOutput {
  executable: string
  builtins: string[]
  markupsafe: Record<string, unknown>
  simplejson: Record<string, unknown>
  msgpack: Record<string, unknown>
  zstandard: Record<string, unknown>
  psutil: Record<string, unknown>
  cffi: Record<string, unknown>
}

describe.each(TEST_TARGETS)('real packages from their sdists for %s', target => {
  const outDir = tempDir('real')
  const app = path.join(FIXTURES, 'real-app')
  let binary = ''
  let out: RealAppOutput

  beforeAll(() => {
    binary = expectBuilt(
      pysealStrict(['build', '--target', target, '--requirements', 'requirements.txt', '--out-dir', outDir], app)
    )
    const run = runBinary(binary, [])
    if (run.status !== 0) throw new Error(`real-app exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
    out = JSON.parse(run.stdout) as RealAppOutput
  }, 2 * HOUR)

  it('makes every C accelerator a built-in module', () => {
    expect(binary).toBe(path.join(outDir, 'real-app'))
    expect(out.executable).toBe(binary)
    expect(out.builtins).toEqual(EXTENSIONS)
  })

  it('markupsafe escapes with its C _speedups', () => {
    expect(out.markupsafe).toEqual({
      builtin: true,
      origin: 'built-in',
      escape_is_c: true,
      escaped: '&lt;a href=&#34;x&#34;&gt;&amp;&#39;&lt;/a&gt;',
      is_markup: true,
      striptags: 'a b'
    })
  })

  it('simplejson encodes and decodes with its C _speedups', () => {
    expect(out.simplejson).toEqual({
      builtin: true,
      origin: 'built-in',
      c_make_encoder: true,
      c_make_scanner: true,
      c_scanstring: true,
      dumps: '{"a": "\\u00e9\\u2603", "b": [1, 2.5, null, true], "d": 1.10}',
      loads_back: true
    })
  })

  it('msgpack packs with the Cython-generated _cmsgpack', () => {
    expect(out.msgpack).toEqual({
      builtin: true,
      packer_module: 'msgpack._cmsgpack',
      unpacker_module: 'msgpack._cmsgpack',
      // {"k": [1, -2, 3.5, b"\x00\xff", "s", None, True], "n": 2**40}, as the msgpack spec encodes it
      packed_hex: '82a16b9701fecb400c000000000000c40200ffa173c0c3a16ecf0000010000000000',
      roundtrip: true
    })
  })

  it('zstandard round-trips with the C backend and with the cffi backend', () => {
    expect(out.zstandard).toMatchObject({
      builtin: true,
      cffi_builtin: true,
      backend: 'cext',
      compressed_smaller: true,
      roundtrip: true,
      cffi_roundtrip: true
    })
    expect(out.zstandard.zstd_version).toEqual([1, 5, 6])
  })

  it('psutil reads this process and the machine through its C modules', () => {
    expect(out.psutil).toEqual({
      builtin_linux: true,
      builtin_posix: true,
      pid_matches: true,
      exe: binary,
      cpu_count_positive: true,
      memory_total_positive: true,
      rss_positive: true
    })
  })

  it('cffi and an out-of-line API module generated by cffi run as built-ins', () => {
    expect(out.cffi).toEqual({
      backend_builtin: true,
      backend_origin: 'built-in',
      native_builtin: true,
      native_origin: 'built-in',
      cffi_version: '1.17.1',
      ffi_string: 'abc',
      gcd: 12,
      // FNV-1a (32 bit) of b"pyseal"
      fnv1a: 0xf837f1ff,
      minmax: [-1, 9],
      origin: 'compiled by cffi',
      magic: 0x5ea1
    })
  })

  it('reports every extension module of these packages as built-in', () => {
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as {
      status: string
      target: string
      modules: ReportModule[]
    }
    expect(report.status).toBe('ok')
    expect(report.target).toBe(target)
    const fromPackages = report.modules.filter(m => m.origin === 'package')
    expect(fromPackages.map(m => m.module).sort()).toEqual(EXTENSIONS)
    for (const m of fromPackages) {
      expect({ module: m.module, status: m.status }).toEqual({ module: m.module, status: 'builtin' })
    }
  })

  describe('the sdists own test suites, inside an interpreter-mode binary', () => {
    let python = ''
    const sdists = tempDir('real-sdists')

    beforeAll(() => {
      python = expectBuilt(
        pysealStrict(
          [
            'build',
            '--target',
            target,
            '--requirements',
            'requirements.txt',
            '--entry-point',
            'none',
            '--name',
            'real-python',
            '--out-dir',
            outDir
          ],
          app
        )
      )
    }, 2 * HOUR)

    it.each(SUITES)(
      '$pkg $version passes its own tests against the embedded package',
      ({ pkg, version, tests }) => {
        // Fetch and unpack the very sdist pip built the embedded package from.
        expect(readFileSync(path.join(app, 'requirements.txt'), 'utf8').split('\n')).toContain(`${pkg}==${version}`)
        const download = spawnSync(
          HOST_PYTHON,
          [
            '-m',
            'pip',
            'download',
            '--quiet',
            '--no-binary',
            ':all:',
            '--no-deps',
            '--dest',
            sdists,
            `${pkg}==${version}`
          ],
          { encoding: 'utf8' }
        )
        if (download.status !== 0) throw new Error(`pip download ${pkg}==${version} failed:\n${download.stderr}`)
        const archive = readdirSync(sdists).find(f => f.toLowerCase() === `${pkg}-${version}.tar.gz`)
        if (!archive) throw new Error(`no sdist of ${pkg} ${version} in ${sdists}: ${readdirSync(sdists).join(', ')}`)
        const unpacked = tempDir(`real-${pkg}-src`)
        const tar = spawnSync('tar', ['-xzf', path.join(sdists, archive), '-C', unpacked, '--strip-components=1'])
        expect(tar.status).toBe(0)
        expect(existsSync(path.join(unpacked, tests))).toBe(true)

        // Only the tests folder, renamed, in a directory of its own: the source tree of the
        // package is nowhere on the path, so the tests can only import the embedded package.
        const work = tempDir(`real-${pkg}-tests`)
        const testsDir = path.join(work, `${pkg}_sdist_tests`)
        cpSync(path.join(unpacked, tests), testsDir, { recursive: true })
        writeFileSync(path.join(work, 'pytest.ini'), '[pytest]\n')
        writeFileSync(path.join(work, 'conftest.py'), guardConftest(pkg))

        const run = runBinary(
          python,
          ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--import-mode=importlib', '-rs', testsDir],
          { cwd: work }
        )
        const output = `${run.stdout}\n${run.stderr}`
        if (run.status !== 0) throw new Error(`${pkg} tests failed (exit ${run.status}):\n${output}`)
        expect(output).toMatch(/\d+ passed/)
        expect(output).not.toMatch(/\d+ failed|\d+ errors?\b/)
        // Nothing skipped: markupsafe's suite, for one, skips its _speedups half when the
        // accelerator cannot be imported, and simplejson's skips its speedups tests.
        expect(output).not.toMatch(/\d+ skipped/)

        // What the guard saw once every test had run: the package came from inside the binary.
        const seen = JSON.parse(readFileSync(path.join(work, 'embedded.json'), 'utf8')) as {
          executable: string
          modules: Record<string, { origin: string | null; builtin: boolean }>
        }
        expect(seen.executable).toBe(python)
        expect(seen.modules[ACCELERATOR[pkg]]).toEqual({ origin: 'built-in', builtin: true })
        expect(Object.keys(seen.modules)).toContain(pkg)
        for (const [module, { origin, builtin }] of Object.entries(seen.modules)) {
          // A built-in (Cython sets its __file__ to "built-in" too), or a file inside the binary.
          const where = builtin ? origin : origin?.startsWith(`${python}${path.sep}`) ? 'inside the binary' : origin
          expect({ module, where }).toEqual({ module, where: builtin ? 'built-in' : 'inside the binary' })
        }
      },
      HOUR
    )
  })
})

/**
 * A conftest beside the copied tests folder: records, after the session, where every loaded
 * module of the package came from (its spec's origin, and whether it is a built-in), so the
 * test can check the suite ran against the embedded package and its built-in accelerator.
 */
function guardConftest(pkg: string): string {
  return `import json
import os
import sys


def pytest_sessionfinish(session, exitstatus):
    modules = {
        name: {
            "origin": getattr(getattr(module, "__spec__", None), "origin", None),
            "builtin": name in sys.builtin_module_names,
        }
        for name, module in sorted(sys.modules.items())
        if name == ${JSON.stringify(pkg)} or name.startswith(${JSON.stringify(pkg + '.')})
    }
    with open(os.path.join(os.path.dirname(__file__), "embedded.json"), "w") as f:
        json.dump({"executable": sys.executable, "modules": modules}, f)
`
}
