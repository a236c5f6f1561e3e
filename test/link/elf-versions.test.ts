import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseVersionNeeds, readVersionNeeds } from '../../src/link/elf-versions'

/**
 * The samples are `readelf -W -V --dyn-syms` (GNU Binutils 2.40) of files pyseal built
 * on Debian 12 (glibc 2.36) from test/fixtures/newer-glibc-ext for
 * x86_64-unknown-linux-gnu with `--standalone-packages newerglibc`: the extension module
 * shipped in lib/ (whole), the binary (an excerpt: the version-needed table whole, the
 * dynamic symbol table cut to some of its 12,950 rows, the version of each symbol to
 * its first rows), and the musl build of test/fixtures/c-ext (whole).
 */
const sample = (name: string): string => readFileSync(path.join(__dirname, 'samples', name), 'utf8')

describe('ELF version needs', () => {
  it("reads an extension module's needs, each with the symbols bound to it", () => {
    expect(parseVersionNeeds(sample('readelf-extension-module.txt'))).toEqual([
      { library: 'libc.so.6', version: 'GLIBC_2.2.5', symbols: ['__cxa_finalize'] },
      { library: 'libc.so.6', version: 'GLIBC_2.25', symbols: ['getrandom'] }
    ])
  })

  it("reads a binary's needs from each library, leaving out the symbols it defines", () => {
    const needs = parseVersionNeeds(sample('readelf-binary-excerpt.txt'))
    expect(needs.filter(n => n.library === 'libm.so.6').map(n => n.version)).toEqual([
      'GLIBC_2.29',
      'GLIBC_2.35',
      'GLIBC_2.2.5'
    ])
    expect(needs.filter(n => n.library === 'libc.so.6')).toHaveLength(23)
    expect(needs.find(n => n.library === 'libm.so.6' && n.version === 'GLIBC_2.35')?.symbols).toEqual(['hypot'])
    expect(needs.find(n => n.library === 'libm.so.6' && n.version === 'GLIBC_2.29')?.symbols).toEqual([
      'exp',
      'exp2',
      'log',
      'log2',
      'pow'
    ])
    const libc225 = needs.find(n => n.library === 'libc.so.6' && n.version === 'GLIBC_2.25')
    expect(libc225?.symbols).toEqual(['explicit_bzero', 'getentropy', 'getrandom'])
    // libm's GLIBC_2.2.5 and libc's are told apart by the symbols' version index.
    expect(needs.find(n => n.library === 'libm.so.6' && n.version === 'GLIBC_2.2.5')?.symbols).toEqual(['fmod'])
    expect(needs.find(n => n.library === 'libc.so.6' && n.version === 'GLIBC_2.2.5')?.symbols).toEqual([
      'ftell',
      'printf'
    ])
    expect(needs.flatMap(n => n.symbols)).not.toContain('Py_Initialize')
    expect(needs.flatMap(n => n.symbols)).not.toContain('main')
  })

  it('reads nothing from a fully static binary', () => {
    expect(parseVersionNeeds(sample('readelf-static-binary.txt'))).toEqual([])
  })

  it('reads a program compiled here: getrandom binds it to GLIBC_2.25', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-elf-versions-'))
    writeFileSync(
      path.join(dir, 'random.c'),
      '#include <sys/random.h>\nint main(void) { char b[4]; return getrandom(b, 4, 0) != 4; }\n'
    )
    execFileSync('gcc', ['-o', path.join(dir, 'random'), path.join(dir, 'random.c')])
    const needs = await readVersionNeeds(path.join(dir, 'random'))
    expect(needs).toContainEqual({ library: 'libc.so.6', version: 'GLIBC_2.25', symbols: ['getrandom'] })
  })

  it('says which file readelf could not read', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-elf-versions-'))
    writeFileSync(path.join(dir, 'notes.txt'), 'not an ELF file')
    await expect(readVersionNeeds(path.join(dir, 'notes.txt'))).rejects.toThrow(/readelf -V \S+notes\.txt failed/)
  })
})
