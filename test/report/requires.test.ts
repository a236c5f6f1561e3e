import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseVersionNeeds } from '../../src/link/elf-versions'
import { readRequires, releaseOf, requiresOf } from '../../src/report/requires'
import { compareVersions } from '../../src/toolchain/glibc-floor'

/** readelf output of a binary and the extension module shipped beside it (test/link/samples says where from). */
const needsOf = (name: string) =>
  parseVersionNeeds(readFileSync(path.join(__dirname, '..', 'link', 'samples', name), 'utf8'))

describe("the report's executable.requires", () => {
  it('names the newest glibc over the binary and its shipped library, and each file with a symbol behind it', () => {
    const requires = requiresOf([
      { file: 'app', needs: needsOf('readelf-binary-excerpt.txt') },
      { file: 'lib/newerglibc/_random.so', needs: needsOf('readelf-extension-module.txt') }
    ])
    expect(requires).toEqual({
      glibc: '2.35',
      glibcxx: null,
      cxxabi: null,
      files: [
        { file: 'app', needs: [{ version: 'GLIBC_2.35', symbol: 'hypot' }] },
        { file: 'lib/newerglibc/_random.so', needs: [{ version: 'GLIBC_2.25', symbol: 'getrandom' }] }
      ]
    })
  })

  it("names libstdc++'s and the C++ ABI's versions too, and a file that needs nothing", () => {
    const requires = requiresOf([
      {
        file: 'lib/cpp/_ext.so',
        needs: [
          { library: 'libstdc++.so.6', version: 'GLIBCXX_3.4.9', symbols: ['_ZSt4cout'] },
          { library: 'libstdc++.so.6', version: 'GLIBCXX_3.4.29', symbols: ['_ZNSt7__cxx1112basic_stringD1Ev'] },
          { library: 'libstdc++.so.6', version: 'CXXABI_1.3.13', symbols: ['__cxa_call_terminate'] },
          { library: 'libc.so.6', version: 'GLIBC_2.14', symbols: ['memcpy'] }
        ]
      },
      { file: 'lib/plain.so', needs: [] }
    ])
    expect(requires).toMatchObject({ glibc: '2.14', glibcxx: '3.4.29', cxxabi: '1.3.13' })
    expect(requires !== 'static' && requires.files).toEqual([
      {
        file: 'lib/cpp/_ext.so',
        needs: [
          { version: 'GLIBC_2.14', symbol: 'memcpy' },
          { version: 'GLIBCXX_3.4.29', symbol: '_ZNSt7__cxx1112basic_stringD1Ev' },
          { version: 'CXXABI_1.3.13', symbol: '__cxa_call_terminate' }
        ]
      },
      { file: 'lib/plain.so', needs: [] }
    ])
  })

  it('counts GLIBC_ABI_DT_RELR as glibc 2.36 and GLIBC_PRIVATE as no release', () => {
    expect(releaseOf('glibc', 'GLIBC_ABI_DT_RELR')).toBe('2.36')
    expect(releaseOf('glibc', 'GLIBC_PRIVATE')).toBeNull()
    expect(releaseOf('glibc', 'GLIBC_2.2.5')).toBe('2.2.5')
    expect(releaseOf('glibc', 'GLIBCXX_3.4')).toBeNull()
    const requires = requiresOf([
      {
        file: 'app',
        needs: [
          { library: 'libc.so.6', version: 'GLIBC_2.34', symbols: ['pthread_create'] },
          { library: 'libc.so.6', version: 'GLIBC_ABI_DT_RELR', symbols: [] },
          { library: 'libc.so.6', version: 'GLIBC_PRIVATE', symbols: ['__libc_stack_end'] }
        ]
      }
    ])
    expect(requires).toMatchObject({
      glibc: '2.36',
      files: [{ needs: [{ version: 'GLIBC_ABI_DT_RELR', symbol: null }] }]
    })
  })

  it('compares versions part by part', () => {
    expect(compareVersions('2.2.5', '2.17')).toBeLessThan(0)
    expect(compareVersions('2.35', '2.4')).toBeGreaterThan(0)
    expect(compareVersions('2.17', '2.17.0')).toBe(0)
  })

  it('is static for a binary with no dynamic section, and not read where the files are not ELF', async () => {
    const request = { binary: { file: '/nonexistent', name: 'app' }, outDir: '/nonexistent', sideFiles: [] }
    expect(await readRequires({ ...request, target: { objectFormat: 'elf' }, linkage: { kind: 'static' } })).toBe(
      'static'
    )
    expect(
      await readRequires({ ...request, target: { objectFormat: 'mach-o' }, linkage: { kind: 'dynamic', needed: [] } })
    ).toBeNull()
  })

  it('reads the binary and each ELF file beside it, compiled here, and skips the other files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-requires-'))
    mkdirSync(path.join(dir, 'lib'))
    writeFileSync(path.join(dir, 'main.c'), 'int main(void) { return 0; }\n')
    writeFileSync(
      path.join(dir, 'wipe.c'),
      '#include <string.h>\nvoid wipe(char *p, size_t n) { explicit_bzero(p, n); }\n'
    )
    writeFileSync(path.join(dir, 'lib', 'NOTES.txt'), 'not ELF\n')
    execFileSync('gcc', ['-o', path.join(dir, 'app'), path.join(dir, 'main.c')])
    execFileSync('gcc', ['-shared', '-fPIC', '-o', path.join(dir, 'lib', 'libwipe.so'), path.join(dir, 'wipe.c')])
    const requires = await readRequires({
      target: { objectFormat: 'elf' },
      linkage: { kind: 'dynamic', needed: ['libc.so.6'] },
      binary: { file: path.join(dir, 'app'), name: 'app' },
      outDir: dir,
      sideFiles: ['lib/NOTES.txt', 'lib/libwipe.so']
    })
    if (requires === null || requires === 'static') throw new Error(`expected versions, got ${String(requires)}`)
    expect(requires.files.map(f => f.file)).toEqual(['app', 'lib/libwipe.so'])
    expect(requires.files[1].needs).toEqual([{ version: 'GLIBC_2.25', symbol: 'explicit_bzero' }])
    // The binary's own newest version is this machine's (a program linked against glibc 2.34 or later
    // takes __libc_start_main@GLIBC_2.34); the overall newest is the greater of the two.
    const binary = requires.files[0].needs[0]
    expect(binary.version).toMatch(/^GLIBC_2\.\d+$/)
    expect(requires.glibc).toBe(compareVersions(binary.version.slice(6), '2.25') > 0 ? binary.version.slice(6) : '2.25')
  })
})
