import { findTarget } from '../../src/targets/table'
import type { BuildToolchain } from '../../src/toolchain/toolchain-env'
import {
  buildVersionLibraries,
  versionRecipes,
  withVersionLibraries
} from '../../src/toolchain/version-static-libraries'

// The build of the libzstd prefix itself, and a program linked against it, are in
// static-deps.test.ts (e2e): here only which version needs what, and the toolchain it gives.

const muslToolchain: BuildToolchain = {
  env: { CPPFLAGS: '-I/base/include', LDFLAGS: '-L/base/lib', PKG_CONFIG_LIBDIR: '/base/lib/pkgconfig' },
  configureArgs: [],
  libraryDirs: ['/base/lib'],
  ffiIncludeDir: '/base/include',
  compilerVersion: 'gcc 12',
  staticDepsKey: 'base',
  cxx: null
}

describe('version static libraries', () => {
  it('asks libzstd of CPython 3.14 and later only', () => {
    for (const version of ['3.11.2', '3.12.12', '3.13.5', '3.13.15', '2.7.18'])
      expect(versionRecipes(version)).toEqual([])
    for (const version of ['3.14.0', '3.14.7', '3.15.2', '3.16.0a1', '4.0.0']) {
      expect(versionRecipes(version).map(r => r.name)).toEqual(['libzstd'])
    }
  })

  it('builds nothing for glibc targets (the system -dev package provides it) nor for 3.13', async () => {
    const never = (): void => {
      throw new Error('nothing should be logged')
    }
    expect(await buildVersionLibraries(findTarget('x86_64-unknown-linux-gnu'), '3.14.7', '/nonexistent', never)).toBe(
      null
    )
    expect(await buildVersionLibraries(findTarget('x86_64-unknown-linux-musl'), '3.13.5', '/nonexistent', never)).toBe(
      null
    )
  })

  it("adds the prefix after the base set's headers, archives and pkg-config files", () => {
    const toolchain = withVersionLibraries(muslToolchain, { key: 'zstd', prefix: '/v' })
    expect(toolchain.env.CPPFLAGS).toBe('-I/base/include -I/v/include')
    expect(toolchain.env.LDFLAGS).toBe('-L/base/lib -L/v/lib')
    expect(toolchain.env.PKG_CONFIG_LIBDIR).toBe('/base/lib/pkgconfig:/v/lib/pkgconfig')
    expect(toolchain.libraryDirs).toEqual(['/base/lib', '/v/lib'])
    expect(toolchain.staticDepsKey).toBe('base')
    expect(withVersionLibraries(muslToolchain, null)).toBe(muslToolchain)
  })
})
