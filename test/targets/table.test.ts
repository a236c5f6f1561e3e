import { readFileSync } from 'node:fs'
import path from 'node:path'
import { findTarget, TARGETS, UnknownTargetError } from '../../src/targets/table'

describe('target table', () => {
  it('has one row per triple pyseal knows', () => {
    expect(TARGETS.map(t => t.triple).sort()).toEqual([
      'aarch64-apple-darwin',
      'aarch64-unknown-linux-gnu',
      'aarch64-unknown-linux-musl',
      'x86_64-apple-darwin',
      'x86_64-pc-windows-msvc',
      'x86_64-unknown-linux-gnu',
      'x86_64-unknown-linux-musl'
    ])
  })

  it.each([
    ['linux-x64', 'x86_64-unknown-linux-gnu'],
    ['linux-musl-x64', 'x86_64-unknown-linux-musl'],
    ['linux-arm64', 'aarch64-unknown-linux-gnu'],
    ['linux-musl-arm64', 'aarch64-unknown-linux-musl'],
    ['macos-x64', 'x86_64-apple-darwin'],
    ['macos-arm64', 'aarch64-apple-darwin'],
    ['windows-x64', 'x86_64-pc-windows-msvc'],
    [' X86_64-unknown-linux-musl ', 'x86_64-unknown-linux-musl']
  ])('maps %s to %s', (alias, triple) => {
    expect(findTarget(alias).triple).toBe(triple)
  })

  it('gives every alias to one triple only', () => {
    const names = TARGETS.flatMap(t => [t.triple, ...t.aliases])
    expect(new Set(names).size).toBe(names.length)
  })

  it('lists every valid target when the value is unknown', () => {
    expect(() => findTarget('linux-sparc')).toThrow(UnknownTargetError)
    expect(() => findTarget('linux-sparc')).toThrow(/x86_64-unknown-linux-gnu \(linux-x64/)
    expect(() => findTarget('linux-sparc')).toThrow(/x86_64-pc-windows-msvc \(windows-x64/)
  })

  it('answers what each binary can load', () => {
    const capabilities = Object.fromEntries(TARGETS.map(t => [t.triple, t.capabilities]))
    expect(capabilities['x86_64-unknown-linux-musl']).toEqual({
      canLoadSharedLibraries: false,
      inMemorySharedLibraries: 'none',
      staticOnly: true
    })
    expect(capabilities['aarch64-unknown-linux-musl'].staticOnly).toBe(true)
    expect(capabilities['x86_64-unknown-linux-gnu'].canLoadSharedLibraries).toBe(true)
    expect(capabilities['aarch64-apple-darwin'].canLoadSharedLibraries).toBe(true)
    // Linux gnu loads an extension from memory with the system's loader; Windows would need one of its own.
    const inMemory = TARGETS.filter(t => t.capabilities.inMemorySharedLibraries !== 'none')
    expect(inMemory.map(t => [t.triple, t.capabilities.inMemorySharedLibraries])).toEqual([
      ['x86_64-unknown-linux-gnu', 'system-loader'],
      ['aarch64-unknown-linux-gnu', 'system-loader'],
      ['x86_64-pc-windows-msvc', 'own-loader']
    ])
  })

  it('names a GitHub runner and an install method for every row', () => {
    for (const target of TARGETS) {
      expect(target.runner.label).toMatch(/^(ubuntu|macos|windows)-/)
      const expected = { linux: 'apt', macos: 'xcode', windows: 'msvc' }[target.os]
      expect(target.toolchain.install.kind).toBe(expected)
    }
  })

  it('gives musl rows a C++ compiler through zig, for their own architecture', () => {
    expect(findTarget('linux-musl-x64').toolchain.zigCxxTarget).toBe('x86_64-linux-musl')
    // aarch64 musl compiles C and C++ through zig wherever it is built.
    expect(findTarget('linux-musl-arm64').toolchain).toMatchObject({
      zigTarget: 'aarch64-linux-musl',
      cxx: 'c++-aarch64-linux-musl',
      ar: 'ar',
      install: { kind: 'apt', packages: ['binutils'] }
    })
  })

  it('builds aarch64 musl from x86_64 Linux through zig, with the target binutils, run under qemu-user', () => {
    const [cross, ...others] = findTarget('linux-musl-arm64').cross
    expect(others).toEqual([])
    expect(cross.host).toBe('x86_64-unknown-linux-gnu')
    expect(cross.configureHost).toBe('aarch64-linux-musl')
    expect(cross.emulator).toEqual(['qemu-aarch64'])
    expect(cross.toolchain).toMatchObject({
      cc: 'cc-aarch64-linux-musl',
      cxx: 'c++-aarch64-linux-musl',
      zigTarget: 'aarch64-linux-musl',
      ar: 'aarch64-linux-gnu-ar',
      ld: 'aarch64-linux-gnu-ld',
      objcopy: 'aarch64-linux-gnu-objcopy',
      nm: 'aarch64-linux-gnu-nm',
      linkFlags: ['-static'],
      libraryDirs: [],
      install: { kind: 'apt', packages: ['binutils-aarch64-linux-gnu', 'qemu-user'] }
    })
    expect(findTarget('linux-musl-arm64').testedOn).toBe('this-machine')
    // Every other toolchain names host compilers.
    const zigRows = TARGETS.flatMap(t => [t.toolchain, ...t.cross.map(c => c.toolchain)]).filter(t => t.zigTarget)
    expect(zigRows).toEqual([findTarget('linux-musl-arm64').toolchain, cross.toolchain])
  })

  it('is the table the README shows, with where each triple is tested', () => {
    const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8')
    for (const target of TARGETS) {
      const row = readme.split('\n').find(line => line.startsWith(`| ${target.triple} |`))
      expect(row).toBeDefined()
      expect(row).toContain(target.testedOn === 'this-machine' ? 'tested here' : 'GitHub workflow')
    }
  })
})
