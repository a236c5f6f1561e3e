import { floorRecipes } from '../../src/toolchain/floor-toolchain'
import { requiredCommands, selectToolchain } from '../../src/toolchain/select-toolchain'
import { compilesThroughZig, withBuildCompilers, zigDriverSet } from '../../src/toolchain/zig-toolchain'
import { versionRecipes } from '../../src/toolchain/version-static-libraries'
import { buildVersionLibraries } from '../../src/toolchain/version-static-libraries'
import { findTarget } from '../../src/targets/table'

const HOST = 'x86_64-unknown-linux-gnu'
const aarch64Musl = (): ReturnType<typeof selectToolchain> => selectToolchain(findTarget('linux-musl-arm64'), HOST)

describe('musl targets built through zig', () => {
  it('picks zig for aarch64 musl from x86_64, and musl-gcc for musl of this machine', () => {
    const cross = aarch64Musl()
    expect(cross.crossCompiling).toBe(true)
    expect(cross.configureHost).toBe('aarch64-linux-musl')
    expect(cross.glibcFloor).toBeNull()
    expect(compilesThroughZig(cross)).toBe(true)
    expect(compilesThroughZig(selectToolchain(findTarget('linux-musl-x64'), HOST))).toBe(false)
    expect(compilesThroughZig(selectToolchain(findTarget('linux-arm64'), HOST))).toBe(false)
  })

  it('asks PATH for the binutils only: pyseal installs zig and writes its compilers', () => {
    expect(requiredCommands(aarch64Musl().toolchain)).toEqual([
      'aarch64-linux-gnu-ar',
      'aarch64-linux-gnu-ld',
      'aarch64-linux-gnu-nm',
      'aarch64-linux-gnu-objcopy'
    ])
    expect(requiredCommands(selectToolchain(findTarget('linux-musl-x64'), HOST).toolchain)).toContain('musl-gcc')
  })

  it('leaves a target without a zig target as it is', async () => {
    const musl = selectToolchain(findTarget('linux-musl-x64'), HOST)
    expect(await withBuildCompilers(musl, null, '/nonexistent', () => undefined)).toBe(musl)
    const gnu = selectToolchain(findTarget('linux-x64'), HOST)
    expect(await withBuildCompilers(gnu, 'host', '/nonexistent', () => undefined)).toBe(gnu)
  })

  it('has no drivers to key the static libraries by before they are written', async () => {
    await expect(zigDriverSet(aarch64Musl(), '/nonexistent')).rejects.toThrow(
      'aarch64-unknown-linux-musl has no zig drivers in place'
    )
  })

  it('builds the static libraries, libzstd among them, for aarch64 musl', async () => {
    const recipes = floorRecipes(aarch64Musl())
    const configure = (name: string): readonly string[] =>
      recipes.find(r => r.name === name)?.steps.find(s => s.step === 'configure')?.argv ?? []
    expect(configure('openssl').slice(0, 2)).toEqual(['./Configure', 'linux-aarch64'])
    for (const name of ['liblzma', 'libffi', 'sqlite3', 'libuuid']) {
      expect([name, configure(name).at(-1)]).toEqual([name, '--host=aarch64-linux-musl'])
    }
    expect(recipes.map(r => r.name)).toContain('libzstd')
    // So CPython 3.14 needs no prefix of version libraries beside them (musl-gcc's targets do).
    expect(versionRecipes('3.14.7').map(r => r.name)).toEqual(['libzstd'])
    expect(await buildVersionLibraries(aarch64Musl(), '3.14.7', '/nonexistent', () => undefined)).toBeNull()
  })
})
