import { floorRecipes, withGlibcFloor } from '../../src/toolchain/floor-toolchain'
import { selectToolchain } from '../../src/toolchain/select-toolchain'
import { LIBZSTD_RECIPE, STATIC_LIBRARY_RECIPES } from '../../src/toolchain/static-deps-recipes'
import { findTarget } from '../../src/targets/table'

const HOST = 'x86_64-unknown-linux-gnu'

describe('the glibc floor toolchain', () => {
  it('starts every gnu target at host and leaves targets without glibc out', () => {
    expect(selectToolchain(findTarget('linux-x64'), HOST).glibcFloor).toBe('host')
    expect(selectToolchain(findTarget('linux-arm64'), HOST).glibcFloor).toBe('host')
    expect(selectToolchain(findTarget('linux-musl-x64'), HOST).glibcFloor).toBeNull()
    expect(findTarget('linux-x64').toolchain.zigGlibcTarget).toBe('x86_64-linux-gnu')
    expect(findTarget('linux-arm64').cross[0].toolchain.zigGlibcTarget).toBe('aarch64-linux-gnu')
    expect(findTarget('linux-musl-x64').toolchain.zigGlibcTarget).toBeNull()
  })

  it('keeps the table toolchain for host, and for a target without glibc', async () => {
    const gnu = selectToolchain(findTarget('linux-x64'), HOST)
    expect(await withGlibcFloor(gnu, 'host', '/nonexistent', () => undefined)).toBe(gnu)
    const musl = selectToolchain(findTarget('linux-musl-x64'), HOST)
    expect(await withGlibcFloor(musl, null, '/nonexistent', () => undefined)).toBe(musl)
  })

  it("builds musl's static libraries and libzstd, as they are for this machine's architecture", () => {
    const recipes = floorRecipes(selectToolchain(findTarget('linux-x64'), HOST))
    expect(recipes).toEqual([...STATIC_LIBRARY_RECIPES, LIBZSTD_RECIPE])
  })

  it('tells OpenSSL and autotools the target when it is another architecture; zlib takes CC alone', () => {
    const recipes = floorRecipes(selectToolchain(findTarget('linux-arm64'), HOST))
    const configure = (name: string): readonly string[] =>
      recipes.find(r => r.name === name)?.steps.find(s => s.step === 'configure')?.argv ?? []
    expect(configure('openssl').slice(0, 2)).toEqual(['./Configure', 'linux-aarch64'])
    for (const name of ['liblzma', 'libffi', 'sqlite3', 'libuuid']) {
      expect([name, configure(name).at(-1)]).toEqual([name, '--host=aarch64-linux-gnu'])
    }
    expect(configure('zlib').some(word => word.startsWith('--host'))).toBe(false)
  })
})
