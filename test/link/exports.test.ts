import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cApiSymbols, parseSymbols, renderExportScript, shippedModuleNeeds } from '../../src/link/exports'
import type { ModulePlan } from '../../src/resolve/modules'

function freshDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'pyseal-exports-'))
}

function gcc(dir: string, name: string, source: string, args: string[]): void {
  writeFileSync(path.join(dir, `${name}.c`), source)
  execFileSync('gcc', [path.join(dir, `${name}.c`), ...args], { cwd: dir })
}

describe("the executable's exports", () => {
  it('are what CPython-like objects define visibly: -fvisibility=hidden leaves out all but the marked API', async () => {
    const dir = freshDir()
    gcc(
      dir,
      'core',
      `#define API __attribute__((visibility("default")))
       API int Py_Answer(void) { return 42; }
       API int PyExc_Thing;
       int _mi_private_helper(void) { return 1; }
       static int local_helper(void) { return 2; }
       int uses(void) { return local_helper() + undefined_elsewhere(); }
       int undefined_elsewhere(void);`,
      ['-fvisibility=hidden', '-fPIC', '-c', '-o', 'core.o']
    )
    expect(await cApiSymbols([path.join(dir, 'core.o')])).toEqual(['PyExc_Thing', 'Py_Answer'])
  })

  it('add what a shipped module leaves undefined that neither its libraries nor a versioned library provide', async () => {
    const dir = freshDir()
    gcc(dir, 'own', 'int own_answer(void) { return 1; }', ['-shared', '-fPIC', '-o', 'libown.so'])
    gcc(
      dir,
      'module',
      `#include <string.h>
       int own_answer(void); int PyLong_FromLong(long); int host_only_symbol(void);
       int PyInit_m(void) { return PyLong_FromLong(own_answer() + host_only_symbol() + (int)strlen("x")); }`,
      ['-shared', '-fPIC', '-o', 'm.so', `-L${dir}`, '-lown', '-Wl,-rpath,$ORIGIN']
    )
    const plan = { status: 'standalone', standaloneFile: { source: path.join(dir, 'm.so'), relative: 'm.so' } }
    // own_answer comes from libown.so (found through $ORIGIN), strlen names its glibc version.
    expect(await shippedModuleNeeds([plan as ModulePlan])).toEqual(['PyLong_FromLong', 'host_only_symbol'])
  })

  it('read versioned dynamic symbols and notes after the visibility', () => {
    const output = [
      "Symbol table '.dynsym' contains 3 entries:",
      '     1: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND crc32@ZLIB_1.2.0 (3)',
      '     2: 0000000000401106    11 FUNC    GLOBAL DEFAULT [VARIANT_PCS]    14 PyList_New',
      '     3: 0000000000401110    11 FUNC    LOCAL  DEFAULT   14 helper',
      '     4: 0000000000401120     8 OBJECT  WEAK   HIDDEN    22 hidden_weak'
    ].join('\n')
    expect(parseSymbols(output)).toEqual([
      { name: 'crc32', version: 'ZLIB_1.2.0', defined: false, binding: 'GLOBAL', visibility: 'DEFAULT' },
      { name: 'PyList_New', version: null, defined: true, binding: 'GLOBAL', visibility: 'DEFAULT' },
      { name: 'hidden_weak', version: null, defined: true, binding: 'WEAK', visibility: 'HIDDEN' }
    ])
  })

  it('are linked as a script that exports only the names given', () => {
    const dir = freshDir()
    const script = path.join(dir, 'exports.o')
    writeFileSync(script, renderExportScript(['api_one']))
    gcc(
      dir,
      'main',
      'int api_one(void) { return 0; } int private_two(void) { return 1; } int main(void) { return api_one(); }',
      ['-no-pie', '-o', 'main', '-Wl,--export-dynamic', script]
    )
    const exported = execFileSync('nm', ['-D', '--defined-only', path.join(dir, 'main')], { encoding: 'utf8' })
    expect(exported).toMatch(/ T api_one$/m)
    expect(exported).not.toMatch(/private_two|main/)
  })
})
