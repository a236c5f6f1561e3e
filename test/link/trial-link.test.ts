import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addSymbols, readSymbolTable, type SymbolTable } from '../../src/link/symbol-table'
import { stubAssembly, trialLink, undefinedSymbols } from '../../src/link/trial-link'

/** A C file compiled to an object the way an extension's are (-fPIC), in a fresh directory. */
function compile(source: string): { dir: string; object: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-trial-'))
  writeFileSync(path.join(dir, 'module.c'), source)
  execFileSync('gcc', ['-fPIC', '-c', path.join(dir, 'module.c'), '-o', path.join(dir, 'module.o')])
  return { dir, object: path.join(dir, 'module.o') }
}

const MODULE = `
#include <string.h>
extern void *PyLong_FromLong(long);
extern int pyseal_missing_symbol(void);
void *PyInit__m(void) { return PyLong_FromLong((long)strlen("abc") + USE_MISSING); }
`

describe('a module linked alone before the final link', () => {
  const link = (object: string, dir: string, stubbed: string[]): ReturnType<typeof trialLink> =>
    trialLink({
      name: 'm',
      object,
      archives: [],
      libraries: ['m'],
      stubbed,
      driver: 'gcc',
      flags: ['-no-pie'],
      cc: 'gcc',
      workDir: dir
    })

  it('links when the stub stands in for the C API and libc gives the rest', async () => {
    const { dir, object } = compile(`#define USE_MISSING 0\n${MODULE}`)
    const table = await readSymbolTable('nm', [object])
    expect(table.undefined.has('PyLong_FromLong')).toBe(true)
    expect(table.defined.has('PyInit__m')).toBe(true)
    expect(await link(object, dir, ['PyLong_FromLong'])).toEqual({ ok: true, undefined: [], errors: [] })
  })

  it('names what neither the stub nor the C library defines', async () => {
    const { dir, object } = compile(`#define USE_MISSING pyseal_missing_symbol()\n${MODULE}`)
    const result = await link(object, dir, ['PyLong_FromLong'])
    expect(result.ok).toBe(false)
    expect(result.undefined).toEqual(['pyseal_missing_symbol'])
    const withoutStub = await link(object, dir, [])
    expect(withoutStub.undefined.sort()).toEqual(['PyLong_FromLong', 'pyseal_missing_symbol'])
  })
})

describe('reading linker output and nm tables', () => {
  it('finds undefined symbols in GNU ld and lld messages, main left out', () => {
    const gnu =
      "crt1.o: in function `_start':\n(.text+0x17): undefined reference to `main'\n" +
      "m.c:(.text+0x11): undefined reference to `uv_loop_init'\nm.c:(.text+0x21): undefined reference to `uv_loop_init'"
    const lld =
      'ld.lld: error: undefined symbol: npy_cabs\n>>> referenced by x.c:4\nld.lld: error: undefined symbol: main'
    expect(undefinedSymbols(gnu)).toEqual(['uv_loop_init'])
    expect(undefinedSymbols(lld)).toEqual(['npy_cabs'])
  })

  it('writes a stub that assembles, one global per name', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-stub-'))
    writeFileSync(path.join(dir, 'stub.s'), stubAssembly(['PyExc_TypeError', '_ZN3foo3barEv', 'main', 'main']))
    execFileSync('gcc', ['-c', path.join(dir, 'stub.s'), '-o', path.join(dir, 'stub.o')])
    const table: SymbolTable = { defined: new Set(), undefined: new Set() }
    addSymbols(table, execFileSync('nm', ['-g', '-P', path.join(dir, 'stub.o')], { encoding: 'utf8' }))
    expect([...table.defined].sort()).toEqual(['PyExc_TypeError', '_ZN3foo3barEv', 'main'])
  })

  it('counts a symbol one archive member defines and another uses as defined', () => {
    const table: SymbolTable = { defined: new Set(), undefined: new Set() }
    addSymbols(table, 'libx.a[a.o]:\nuse_b U\nweak_ref w\nlibx.a[b.o]:\nuse_b T 0 10\nshared W 0 4\n')
    expect([...table.defined].sort()).toEqual(['shared', 'use_b'])
    expect([...table.undefined]).toEqual([])
  })
})
