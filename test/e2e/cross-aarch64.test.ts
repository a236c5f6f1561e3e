import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import type { Report } from '../../src/report/report'
import { selectToolchain } from '../../src/toolchain/select-toolchain'
import { findTarget } from '../../src/targets/table'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * A cross build: aarch64-unknown-linux-gnu from this x86_64 machine with Debian's
 * cross gcc. CPython is built twice from one tarball (for here, then for the target
 * with the first as its build Python); the C extension compiles for aarch64 while pip
 * runs here; the binary runs under qemu-user.
 */
const TRIPLE = 'aarch64-unknown-linux-gnu'
const runsHere = os.arch() === 'x64' && process.platform === 'linux'

;(runsHere ? describe : describe.skip)('cross build for aarch64-unknown-linux-gnu', () => {
  const emulator = selectToolchain(findTarget(TRIPLE), 'x86_64-unknown-linux-gnu').emulator ?? []
  let binary = ''

  beforeAll(
    () => {
      binary = expectBuilt(
        pyseal([
          'build',
          '--target',
          'linux-arm64',
          '--project',
          `${FIXTURES}/c-ext`,
          '--entry-point',
          'none',
          '--python-distribution',
          'debian:python3.11',
          '--out-dir',
          tempDir('cross')
        ])
      )
    },
    90 * 60 * 1000
  )

  it('is an aarch64 executable', () => {
    const file = spawnSync('file', ['-b', binary], { encoding: 'utf8' })
    expect(file.stdout).toMatch(/ELF 64-bit LSB .*ARM aarch64/)
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
    expect(report.target).toBe(TRIPLE)
    expect(report.modules.find(m => m.module === 'cext._core')?.status).toBe('builtin')
  })

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

  it('keeps its stdlib extension modules built in, OpenSSL and SQLite among them', () => {
    const run = underEmulator(
      'import ssl, sqlite3, zlib, hashlib\nprint(ssl.OPENSSL_VERSION.split()[0], sqlite3.connect(":memory:").execute("select 6*7").fetchone()[0], zlib.crc32(b"pyseal"), hashlib.sha256(b"").hexdigest()[:8])'
    )
    expect(run.stderr).toBe('')
    expect(run.stdout.trim()).toBe(`OpenSSL 42 ${crc32('pyseal')} e3b0c442`)
  })
})

function crc32(text: string): number {
  let crc = 0xffffffff
  for (const byte of Buffer.from(text)) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}
