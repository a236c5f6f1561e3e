import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import type { Report } from '../../src/report/report'
import { compareVersions, DEFAULT_GLIBC_FLOOR } from '../../src/toolchain/glibc-floor'
import { selectToolchain } from '../../src/toolchain/select-toolchain'
import { findTarget } from '../../src/targets/table'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'
import { newestGlibc, symbolsAt, undefinedSymbols } from './glibc-needs'

/**
 * Cross builds from this x86_64 machine: aarch64-unknown-linux-gnu for the default glibc
 * floor and aarch64-unknown-linux-musl, both through zig (the static libraries built from
 * source for the target, no arm64 multiarch package). CPython is built twice from one
 * tarball (for here, then for the target with the first as its build Python; the first is
 * shared by both); the C extension compiles for aarch64 while pip runs here; the binaries
 * run under qemu-user.
 */
const HOST = 'x86_64-unknown-linux-gnu'
const runsHere = os.arch() === 'x64' && process.platform === 'linux'

/** Accelerators and library bindings every aarch64 binary has built in; _ctypes only where shared libraries load. */
const BUILT_IN = ['_ssl', '_hashlib', '_sqlite3', 'zlib', '_bz2', '_lzma', '_decimal', '_json', '_pickle', '_struct']
const BUILT_IN_MORE = ['_datetime', '_elementtree', 'pyexpat', '_uuid', '_socket', 'select', 'math']

const CROSS_BUILDS = [
  { triple: 'aarch64-unknown-linux-gnu', alias: 'linux-arm64', libc: 'gnu' },
  { triple: 'aarch64-unknown-linux-musl', alias: 'linux-musl-arm64', libc: 'musl' }
]
/**
 * `npm test` builds for aarch64 gnu; `npm run test:heavy` for aarch64 musl, whose CPython and
 * static libraries are a build of their own (PYSEAL_TEST_CROSS_TARGETS, comma-separated triples).
 */
const CROSS_TARGETS = (process.env.PYSEAL_TEST_CROSS_TARGETS ?? 'aarch64-unknown-linux-gnu').split(',')

;(runsHere ? describe.each : describe.skip.each)(CROSS_BUILDS.filter(b => CROSS_TARGETS.includes(b.triple)))(
  'cross build for $triple',
  ({ triple, alias, libc }) => {
    const emulator = selectToolchain(findTarget(triple), HOST).emulator ?? []
    let binary = ''
    let report: Report

    beforeAll(
      () => {
        binary = expectBuilt(
          pyseal([
            'build',
            '--target',
            alias,
            '--project',
            `${FIXTURES}/c-ext`,
            '--entry-point',
            'none',
            '--python-distribution',
            'debian:python3.11',
            '--out-dir',
            tempDir(`cross-${libc}`)
          ])
        )
        report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      },
      90 * 60 * 1000
    )

    it(`is an aarch64 executable, ${libc === 'musl' ? 'fully static' : 'linked against glibc'}`, () => {
      const file = spawnSync('file', ['-b', binary], { encoding: 'utf8' })
      expect(file.stdout).toMatch(/ELF 64-bit LSB .*ARM aarch64/)
      expect(file.stdout).toMatch(libc === 'musl' ? /statically linked/ : /dynamically linked/)
      expect(report.target).toBe(triple)
      expect(report.modules.find(m => m.module === 'cext._core')?.status).toBe('builtin')
    })

    if (libc === 'gnu') {
      it(`needs no glibc newer than the default floor (${DEFAULT_GLIBC_FLOOR}), as readelf, objdump and the report say`, () => {
        const newest = newestGlibc(binary)
        expect(compareVersions(newest, DEFAULT_GLIBC_FLOOR)).toBeLessThanOrEqual(0)
        const objdump = 'aarch64-linux-gnu-objdump'
        const versions = new Set([...undefinedSymbols(binary, objdump).values()].filter(v => v.startsWith('GLIBC_')))
        expect([...versions].filter(v => compareVersions(v.slice('GLIBC_'.length), DEFAULT_GLIBC_FLOOR) > 0)).toEqual(
          []
        )
        const requires = report.executable?.requires
        if (!requires || requires === 'static') throw new Error(`requires is ${String(requires)}`)
        expect(requires.glibc).toBe(newest)
        expect(requires.files.map(f => f.file)).toEqual([report.executable?.path])
        const needs = requires.files[0].needs.find(n => n.version === `GLIBC_${newest}`)
        expect(symbolsAt(binary, newest, objdump)).toContain(needs?.symbol)
      })
    } else {
      it('is static, as the report says', () => {
        expect(report.executable?.requires).toBe('static')
        const dynamic = spawnSync('readelf', ['-d', binary], { encoding: 'utf8' })
        expect(dynamic.stdout).toContain('There is no dynamic section in this file.')
      })
    }

    /** Runs Python code in the binary under the target's emulator. */
    const underEmulator = (code: string): ReturnType<typeof runBinary> =>
      runBinary(emulator[0], [...emulator.slice(1), binary, '-c', code])

    it('runs under qemu-user with its C extension built in', () => {
      const run = underEmulator(
        'import platform, sys, cext\nprint(platform.machine(), "cext._core" in sys.builtin_module_names, cext.add(40, 2), cext.where())'
      )
      expect(run.stderr).toBe('')
      expect(run.stdout.trim()).toBe('aarch64 True 42 compiled C')
    })

    it('has its accelerators built in, OpenSSL and SQLite among them, and they work', () => {
      const wanted = [...BUILT_IN, ...BUILT_IN_MORE, ...(libc === 'gnu' ? ['_ctypes'] : [])]
      const run = underEmulator(
        `import sys, ssl, sqlite3, zlib, hashlib, lzma, bz2, decimal\nprint([m for m in ${JSON.stringify(wanted)} if m not in sys.builtin_module_names])\n` +
          'print(ssl.OPENSSL_VERSION.split()[0], sqlite3.connect(":memory:").execute("select 6*7").fetchone()[0], zlib.crc32(b"pyseal"), hashlib.sha256(b"").hexdigest()[:8])\n' +
          'print(lzma.decompress(lzma.compress(b"x" * 9)) == bz2.decompress(bz2.compress(b"x" * 9)), decimal.Decimal(1) / 7)'
      )
      expect(run.stderr).toBe('')
      expect(run.stdout.trim().split('\n')).toEqual([
        '[]',
        `OpenSSL 42 ${crc32('pyseal')} e3b0c442`,
        'True 0.1428571428571428571428571429'
      ])
    })
  }
)

function crc32(text: string): number {
  let crc = 0xffffffff
  for (const byte of Buffer.from(text)) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}
