import { spawnSync } from 'node:child_process'
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { findTarget } from '../../src/targets/table'
import { selectToolchain } from '../../src/toolchain/select-toolchain'
import { RUST_EXT_OUTPUT, RUST_EXT_PROGRAM } from './rust-ext-program'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * The heavy tier (`npm run test:heavy`; skipped by `npm test`): real Rust packages from their
 * sdists, built in with the machine's cargo, for gnu (glibc floor) and musl, in one binary
 * (test/fixtures/rust-packages-app): cryptography 50.0.2 (maturin; its Rust module links
 * OpenSSL through openssl-sys, pointed by pkg-config at the static OpenSSL pyseal builds for
 * CPython's _ssl, so one OpenSSL is in the process; cffi's _cffi_backend beside it), pydantic
 * 2.14.4 with pydantic-core 2.50.5 (maturin/PyO3), bcrypt 5.0.0 (setuptools-rust) and, for
 * pydantic-core's tests, hypothesis 6.170.17 (a Rust module too): four Rust extension modules,
 * each with its own std, all built in and exercised. On gnu a subset of pydantic-core's own
 * tests (PYDANTIC_CORE_TESTS, 600-odd tests) runs inside the binary with its interpreter
 * (`-m pytest`).
 * Compiling them takes the better part of an hour on 2 cores. Last, the maturin fixture
 * (test/fixtures/rust-ext) cross-built for aarch64 gnu and musl and run under qemu-user.
 */
const HOUR = 60 * 60 * 1000
const X86_64 = TEST_TARGETS.filter(t => t.startsWith('x86_64-'))
const RUST_MODULES = [
  'bcrypt._bcrypt',
  'cryptography.hazmat.bindings._rust',
  // hypothesis 6.170.17, which pydantic-core's tests need, has a Rust module of its own.
  'hypothesis._native',
  'pydantic_core._pydantic_core'
]

/** pydantic-core's own tests run inside the binary: validators and serializers of the common types, and JSON. */
const PYDANTIC_CORE_TESTS = [
  'tests/validators/test_int.py',
  'tests/validators/test_string.py',
  'tests/validators/test_model.py',
  'tests/validators/test_list.py',
  'tests/validators/test_dict.py',
  'tests/serializers/test_model.py',
  'tests/test_json.py'
]

interface Built {
  binary: string
  report: Report
  modules: Report['modules']
}

function build(target: string): Built {
  const outDir = tempDir('heavy-rust')
  const binary = expectBuilt(
    pyseal([
      'build',
      '--target',
      target,
      '--project',
      path.join(FIXTURES, 'rust-packages-app'),
      '--entry-point',
      'none',
      '--out-dir',
      outDir
    ])
  )
  const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
  const packages = ['cryptography', 'pydantic-core', 'pydantic_core', 'bcrypt', 'cffi', 'hypothesis']
  return { binary, report, modules: report.modules.filter(m => packages.includes(m.package?.toLowerCase() ?? '')) }
}

describe.each(X86_64)('Rust packages from their sdists built in for %s', target => {
  let built: Built
  let out: Record<string, Record<string, unknown> | string[]>

  beforeAll(() => {
    built = build(target)
    const run = runBinary(built.binary, ['-m', 'rust_packages_app.cli'])
    if (run.status !== 0) throw new Error(`${built.binary} exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
    out = JSON.parse(run.stdout) as typeof out
  }, 2 * HOUR)

  it('builds in every extension module of the packages, the four Rust ones as rust, with nothing beside the binary', () => {
    expect(built.modules.filter(m => m.status !== 'builtin').map(m => [m.module, m.status])).toEqual([])
    const rust = built.modules.filter(m => m.language === 'rust').map(m => m.module)
    expect(rust.sort()).toEqual(RUST_MODULES)
    expect(built.modules.map(m => m.module)).toContain('_cffi_backend')
    expect(built.report.executable?.sideFiles).toEqual([])
    expect(out.builtins).toEqual(expect.arrayContaining([...RUST_MODULES, '_cffi_backend']))
  })

  it("hashes and encrypts with cryptography against the one OpenSSL CPython's ssl module uses", () => {
    expect(out.crypto).toMatchObject({
      sha256: '30bf79fffaa1e7bb0360784eaabf467daa43354a5095adfc7fbbb3e646f2eff3',
      fernet: 'sealed'
    })
    const crypto = out.crypto as Record<string, string>
    expect(crypto.openssl).toMatch(/^OpenSSL 3\./)
    expect(crypto.openssl).toBe(crypto.ssl)
    // One copy of OpenSSL in the binary: cryptography's module, built in, brought none of its own.
    const nm = spawnSync('nm', [built.binary], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    expect(nm.stdout.split('\n').filter(line => / [TtWw] (OPENSSL_init_crypto|SSL_CTX_new)$/.test(line))).toHaveLength(
      2
    )
  })

  it('validates with pydantic and hashes with bcrypt: two more Rust modules, each with its own std', () => {
    expect(out.pydantic).toEqual({ dump: { name: 'bolt', count: 12 }, error: 'int_parsing' })
    expect(out.bcrypt).toEqual({ check: true, wrong: false })
  })

  ;(target.endsWith('-gnu') ? it : it.skip)(
    "passes a subset of pydantic-core's own tests inside the binary",
    () => {
      const sdists = tempDir('pydantic-core-sdist')
      const download = spawnSync(
        'python3',
        // pip prepares the sdist's metadata with maturin, taken as a wheel as pyseal's builds take it.
        ['-m', 'pip', 'download', '--quiet', '--no-binary', ':all:', '--only-binary', 'maturin', '--no-deps'].concat([
          '--dest',
          sdists,
          'pydantic-core==2.50.5'
        ]),
        { encoding: 'utf8' }
      )
      const archive = readdirSync(sdists).find(f => f.endsWith('.tar.gz'))
      if (!archive) throw new Error(`pip download pydantic-core failed:\n${download.stderr}`)
      const unpacked = tempDir('pydantic-core-src')
      expect(
        spawnSync('tar', ['-xzf', path.join(sdists, archive), '-C', unpacked, '--strip-components=1']).status
      ).toBe(0)
      // The tests folder alone: the package itself can only come from inside the binary.
      const work = tempDir('pydantic-core-tests')
      cpSync(path.join(unpacked, 'tests'), path.join(work, 'tests'), { recursive: true })
      writeFileSync(path.join(work, 'pytest.ini'), '[pytest]\n')
      const run = runBinary(built.binary, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...PYDANTIC_CORE_TESTS], {
        cwd: work
      })
      const output = `${run.stdout}\n${run.stderr}`
      if (run.status !== 0) throw new Error(`pydantic-core's tests failed (exit ${run.status}):\n${output}`)
      expect(output).toMatch(/\d{3,} passed/)
      expect(output).not.toMatch(/\d+ failed|\d+ errors?\b/)
    },
    HOUR
  )
})

;(os.arch() === 'x64' && process.platform === 'linux' ? describe.each : describe.skip.each)([
  { triple: 'aarch64-unknown-linux-gnu', alias: 'linux-arm64' },
  { triple: 'aarch64-unknown-linux-musl', alias: 'linux-musl-arm64' }
])('a Rust extension module cross-built for $triple', ({ triple, alias }) => {
  it(
    "is built in (cargo builds for the target with rustup's std for it), runs and unwinds a panic under qemu-user",
    () => {
      const outDir = tempDir('rust-aarch64')
      const binary = expectBuilt(
        pyseal([
          'build',
          '--target',
          alias,
          '--project',
          path.join(FIXTURES, 'rust-ext'),
          '--entry-point',
          'none',
          // The CPython the cross builds of cross-aarch64.test.ts use: one build serves both.
          '--python-distribution',
          'debian:python3.11',
          '--out-dir',
          outDir
        ])
      )
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      const module = report.modules.find(m => m.module === 'rustext.rustext')
      expect([module?.status, module?.language]).toEqual(['builtin', 'rust'])
      const [emulator, ...emulatorArgs] = selectToolchain(findTarget(triple), 'x86_64-unknown-linux-gnu').emulator ?? []
      const run = spawnSync(emulator, [...emulatorArgs, binary, '-c', RUST_EXT_PROGRAM], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME },
        cwd: os.tmpdir(),
        timeout: 10 * 60 * 1000
      })
      expect(run.stdout.trim().split('\n')).toEqual(RUST_EXT_OUTPUT)
    },
    HOUR
  )
})
