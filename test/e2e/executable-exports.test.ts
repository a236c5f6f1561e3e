import { execFileSync } from 'node:child_process'
import { cpSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * What the executable exports, on x86_64 gnu with the defaults (glibc floor, zig's link):
 * the Python C API and nothing of its private static libraries. A module ships beside the
 * binary with a library bundled next to it that calls zlib, which the executable also has
 * built in: the library must bind zlib's functions to the system's libz, and neither it nor
 * the module may bind anything but the C API to the executable.
 */
const TRIPLE = 'x86_64-unknown-linux-gnu'
const LONG = 30 * 60 * 1000

/** What `nm -D --defined-only` lists: `name` or `name@VERSION` (glibc's copy-relocated data). */
function exportedSymbols(binary: string): string[] {
  const output = execFileSync('nm', ['-D', '--defined-only', binary], { encoding: 'utf8' })
  return output
    .split('\n')
    .map(line => line.trim().split(/\s+/)[2])
    .filter((name): name is string => Boolean(name))
}

interface Binding {
  from: string
  to: string
  symbol: string
}

/** The `binding file A [0] to B [0]: normal symbol `x'` lines of LD_DEBUG=bindings. */
function bindings(stderr: string): Binding[] {
  return [...stderr.matchAll(/binding file (\S+) \[\d+\] to (\S+) \[\d+\]: normal symbol `([^']+)'/g)].map(m => ({
    from: path.normalize(m[1]),
    to: m[2],
    symbol: m[3]
  }))
}

describe("the executable's dynamic symbol table", () => {
  it(
    'holds the C API only, and a shipped module and its bundled library bind nothing else to the executable',
    () => {
      const libdir = tempDir('exports-lib')
      writeFileSync(
        path.join(libdir, 'demo.c'),
        '#include <zlib.h>\nint pyseal_demo_answer(void) { return 42 + (int)(crc32(0, 0, 0) + (zlibVersion()[0] == 0)); }\n'
      )
      execFileSync('gcc', ['-shared', '-fPIC', 'demo.c', '-o', 'libpysealdemo.so', '-lz'], { cwd: libdir })
      const project = path.join(tempDir('exports-project'), 'libdep-ext')
      cpSync(path.join(FIXTURES, 'libdep-ext'), project, { recursive: true })
      writeFileSync(path.join(project, 'libdir.txt'), libdir)
      const outDir = tempDir('exports-out')
      const run = pyseal([
        'build',
        '--target',
        TRIPLE,
        '--project',
        project,
        '--entry-point',
        'none',
        // The module ships as a file beside the binary (the default would load it from memory).
        '--extension-location',
        'filesystem-relative:lib',
        '--out-dir',
        outDir
      ])
      const binary = expectBuilt(run)

      const exported = exportedSymbols(binary)
      expect(exported).toEqual(expect.arrayContaining(['Py_Initialize', 'PyExc_TypeError', 'PyModule_Create2']))
      // CPython's private static libraries (OpenSSL, zlib, libffi, SQLite, expat, zstd, xz) are all in this binary.
      const checkImports = runBinary(binary, ['-c', 'import ssl, zlib, ctypes, sqlite3, pyexpat, lzma; print("ok")'])
      expect(checkImports.stdout.trim()).toBe('ok')
      expect(exported.filter(name => !/^(_?Py|PY_)/.test(name) && !name.includes('@GLIBC_'))).toEqual([])

      const check = runBinary(
        binary,
        ['-c', 'import ctypes, libdep._answer as a; print(a.answer(), ctypes.pythonapi.Py_IsInitialized())'],
        { env: { PATH: process.env.PATH, HOME: process.env.HOME, LD_DEBUG: 'bindings' } }
      )
      expect(check.stdout.trim()).toBe('42 1')
      const sideDir = path.join(outDir, 'lib')
      const shipped = bindings(check.stderr).filter(b => b.from.startsWith(sideDir + path.sep))
      const toExecutable = shipped.filter(b => b.to === binary)
      expect(toExecutable.map(b => b.symbol)).toEqual(expect.arrayContaining(['PyModule_Create2', 'PyLong_FromLong']))
      expect(toExecutable.filter(b => !/^_?Py/.test(b.symbol) || !exported.includes(b.symbol))).toEqual([])
      const zlib = shipped.filter(b => b.symbol === 'crc32' || b.symbol === 'zlibVersion')
      expect(zlib.map(b => [path.basename(b.from), path.basename(b.to)])).toEqual([
        ['libpysealdemo.so', 'libz.so.1'],
        ['libpysealdemo.so', 'libz.so.1']
      ])
    },
    LONG
  )
})
