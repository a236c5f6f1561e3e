import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'
import { newestGlibc } from './glibc-needs'
import { RUST_EXT_OUTPUT, RUST_EXT_PROGRAM } from './rust-ext-program'

/**
 * A Rust extension module (PyO3, built by maturin with the machine's cargo) built in:
 * cargo's link of the cdylib goes through pyseal's compiler wrapper, which records the
 * crate's objects and the .rlib's of its dependencies and of Rust's std; they become one
 * relocatable object like a C module's. Its function runs, and a panic unwinds into a
 * Python exception through the unwinder the final link gave.
 */
const GNU = 'x86_64-unknown-linux-gnu'
const MUSL = 'x86_64-unknown-linux-musl'
const project = path.join(FIXTURES, 'rust-ext')

/** The maturin fixture built for `target` and run: its function's answer and the panic are checked, and its module is built in as rust. */
function builtAndRun(target: string): {
  binary: string
  report: Report
  module: Report['modules'][number] | undefined
} {
  const outDir = tempDir('rust')
  const binary = expectBuilt(
    pyseal(['build', '--target', target, '--project', project, '--entry-point', 'none', '--out-dir', outDir])
  )
  const run = runBinary(binary, ['-c', RUST_EXT_PROGRAM])
  expect(run.stdout.trim().split('\n')).toEqual(RUST_EXT_OUTPUT)
  const report = JSON.parse(readFileSync(path.join(outDir, 'rustext.report.json'), 'utf8')) as Report
  const module = report.modules.find(m => m.module === 'rustext.rustext')
  expect(module?.status).toBe('builtin')
  expect(module?.language).toBe('rust')
  return { binary, report, module }
}

describe('a Rust extension module built by maturin', () => {
  ;(TEST_TARGETS.includes(GNU) ? it : it.skip)(
    'is built in on gnu at the glibc floor, with no libgcc_s, and the report says rust',
    () => {
      const { binary, report, module } = builtAndRun(GNU)
      expect(module?.capture).toBe('compiler-wrapper')
      expect(report.executable?.sideFiles).toEqual([])
      // Rust's std asks for nothing above the floor, and its unwinder is linked in.
      expect(newestGlibc(binary)).toBe('2.17')
      expect(runBinary('ldd', [binary]).stdout).not.toMatch(/libgcc_s/)
    },
    30 * 60 * 1000
  )
  ;(TEST_TARGETS.includes(MUSL) ? it : it.skip)(
    'is built in on musl, unwinding through the libunwind rustup ships for musl, in a static binary',
    () => {
      const { binary, module } = builtAndRun(MUSL)
      expect(module?.reasons.map(r => r.message)).toContainEqual(expect.stringMatching(/^libgcc_s linked from /))
      expect(runBinary('readelf', ['-l', binary]).stdout).not.toMatch(/INTERP/)
    },
    30 * 60 * 1000
  )
})

const TWO = [
  'import sys, rusttwo._alpha as a, rusttwo._beta as b',
  'print(a.remember("x"), a.remember("y"), b.count("x"), b.count("x"), b.count("z"))',
  'print(all(m in sys.builtin_module_names for m in ("rusttwo._alpha", "rusttwo._beta")))'
].join('\n')

describe('two Rust extension modules built by setuptools-rust, in one package', () => {
  const twoProject = path.join(FIXTURES, 'rust-two')
  for (const target of [GNU, MUSL]) {
    ;(TEST_TARGETS.includes(target) ? it : it.skip)(
      `are both built in on ${target}, each with its own copy of Rust's std`,
      () => {
        const outDir = tempDir('rust-two')
        const binary = expectBuilt(
          pyseal(['build', '--target', target, '--project', twoProject, '--entry-point', 'none', '--out-dir', outDir])
        )
        expect(runBinary(binary, ['-c', TWO]).stdout.trim().split('\n')).toEqual(['1 2 1 2 1', 'True'])
        const report = JSON.parse(readFileSync(path.join(outDir, 'rusttwo.report.json'), 'utf8')) as Report
        const rust = report.modules.filter(m => m.module.startsWith('rusttwo.'))
        expect(rust.map(m => [m.module, m.status, m.language])).toEqual([
          ['rusttwo._alpha', 'builtin', 'rust'],
          ['rusttwo._beta', 'builtin', 'rust']
        ])
      },
      30 * 60 * 1000
    )
  }
})

/**
 * A fixture copied with a marker file of its own: a package key no successful build has,
 * so pip runs (a cached build of the fixture would need no Rust at all).
 */
function uncachedCopy(fixture: string, marker: string): string {
  const copy = path.join(tempDir('rust-uncached'), fixture)
  cpSync(path.join(FIXTURES, fixture), copy, { recursive: true })
  writeFileSync(path.join(copy, 'no-rust-marker.txt'), `${marker}\n`)
  return copy
}

describe('a Rust package on a machine without a usable Rust', () => {
  const withoutCargo = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(dir => !/\.cargo|rustup/.test(dir))
    .join(path.delimiter)
  const emptyRustup = path.join(tempDir('rustup-home'), 'empty')
  mkdirSync(emptyRustup)
  const cases: [string, string, NodeJS.ProcessEnv, RegExp][] = [
    [
      'maturin, no cargo on PATH',
      'rust-ext',
      { PATH: withoutCargo },
      /^rust-ext has Rust code, and Rust's cargo is not on PATH .*: install Rust with rustup/
    ],
    [
      'setuptools-rust, no cargo on PATH',
      'rust-two',
      { PATH: withoutCargo },
      /^rusttwo has Rust code, and Rust's cargo is not on PATH .*: install Rust with rustup/
    ],
    [
      'maturin, rustup without a default toolchain',
      'rust-ext',
      { RUSTUP_HOME: emptyRustup },
      /^rust-ext has Rust code, and rustup has no default toolchain .*: run `rustup default stable`/
    ],
    [
      'setuptools-rust, rustup without a default toolchain',
      'rust-two',
      { RUSTUP_HOME: emptyRustup },
      /^rusttwo has Rust code, and rustup has no default toolchain .*: run `rustup default stable`/
    ]
  ]
  ;(TEST_TARGETS.includes(GNU) ? it.each(cases) : it.skip.each(cases))(
    'fails naming the package, the cause and the fix in one line (%s)',
    (_what, fixture, env, said) => {
      const outDir = tempDir('no-rust')
      const project = uncachedCopy(fixture, JSON.stringify(env))
      const run = pyseal(
        ['build', '--target', GNU, '--project', project, '--entry-point', 'none', '--out-dir', outDir],
        undefined,
        env
      )
      expect(run.code).not.toBe(0)
      const line = run.stderr.split('\n').find(l => l.startsWith('pyseal: error: '))
      expect(line?.replace('pyseal: error: ', '')).toMatch(said)
    },
    10 * 60 * 1000
  )
})
