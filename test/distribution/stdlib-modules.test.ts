import { parseModuleLine } from '../../src/distribution/setup-local'
import { chooseStdlibModules } from '../../src/distribution/stdlib-modules'
import { findTarget } from '../../src/targets/table'

describe('choosing the stdlib extension modules', () => {
  const candidates = [
    parseModuleLine('zlib zlibmodule.c -lz'),
    parseModuleLine('_ctypes_test _ctypes/_ctypes_test.c -lm'),
    parseModuleLine('_tkinter _tkinter.c -ltk'),
    parseModuleLine('_lzma _lzmamodule.c -llzma')
  ]
  const missing = (module: { name: string }): string[] => (module.name === '_lzma' ? ['lzma'] : [])

  it('builds _ctypes_test as a shared library where the target can load one', () => {
    const choice = chooseStdlibModules(candidates, ['_dbm'], findTarget('x86_64-unknown-linux-gnu'), missing)
    expect(choice.statics.map(m => m.name)).toEqual(['zlib'])
    expect(choice.shared.map(m => m.name)).toEqual(['_ctypes_test'])
    expect(choice.notBuilt.map(n => n.module)).toEqual(['_tkinter', '_lzma', '_dbm'])
    expect(choice.notBuilt.find(n => n.module === '_lzma')?.cause).toMatch(/liblzma, which has no static archive/)
  })

  it('leaves ctypes and its test module out of static musl binaries, with the cause', () => {
    const choice = chooseStdlibModules(candidates, [], findTarget('x86_64-unknown-linux-musl'), missing)
    expect(choice.shared).toEqual([])
    expect(choice.notBuilt.find(n => n.module === '_ctypes_test')?.cause).toMatch(/ctypes is not available/)
  })
})
