import { resolveBuildInputs } from '../../src/inputs/resolve-inputs'
import { InputError } from '../../src/inputs/schema'
import { extensionPolicy, placeSharedLibrary, type ExtensionPolicy } from '../../src/resolve/policy'
import { findTarget } from '../../src/targets/table'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const policy = (extra: Partial<ExtensionPolicy> = {}): ExtensionPolicy => ({
  flavor: 'dynamic',
  locations: [{ kind: 'filesystem-relative', dir: 'lib' }],
  allowInMemory: false,
  excludePackages: [],
  standalonePackages: [],
  sideDirectory: 'lib',
  ...extra
})
const codes = (placement: ReturnType<typeof placeSharedLibrary>): string[] => placement.reasons.map(r => r.code)

describe('where a shared-library extension goes', () => {
  const gnu = findTarget('linux-x64')
  const musl = findTarget('linux-musl-x64')
  const windows = findTarget('windows-x64')

  it('goes beside the binary with the dynamic flavor on glibc', () => {
    expect(placeSharedLibrary(policy(), gnu, 'x.so')).toEqual({
      location: { kind: 'filesystem-relative', dir: 'lib' },
      reasons: []
    })
  })

  it('is left out by the static flavor, and on musl whatever the flavor', () => {
    expect(codes(placeSharedLibrary(policy({ flavor: 'static' }), gnu, 'x.so'))).toEqual(['STATIC_FLAVOR_BUILTIN_ONLY'])
    expect(placeSharedLibrary(policy(), musl, 'x.so').location).toBeNull()
    expect(codes(placeSharedLibrary(policy(), musl, 'x.so'))).toEqual(['MUSL_BUILTIN_ONLY'])
  })

  it('falls back from in-memory where the target cannot load from memory, saying so', () => {
    const inMemoryFirst = policy({ locations: [{ kind: 'in-memory' }, { kind: 'filesystem-relative', dir: 'lib' }] })
    const placed = placeSharedLibrary(inMemoryFirst, findTarget('macos-arm64'), 'x.so')
    expect(placed.location).toEqual({ kind: 'filesystem-relative', dir: 'lib' })
    expect(codes(placed)).toEqual(['IN_MEMORY_SHARED_LIBRARY_UNSUPPORTED'])
  })

  it('loads from memory on Linux gnu with the system loader, without asking for permission', () => {
    const inMemoryFirst = policy({ locations: [{ kind: 'in-memory' }, { kind: 'filesystem-relative', dir: 'lib' }] })
    for (const target of [gnu, findTarget('linux-arm64')]) {
      const placed = placeSharedLibrary(inMemoryFirst, target, 'x.so')
      expect(placed.location).toEqual({ kind: 'in-memory' })
      expect(codes(placed)).toEqual(['LOADED_FROM_MEMORY'])
      expect(placed.reasons[0].message).toMatch(/^x\.so is embedded in the executable and loaded from memory on import/)
    }
  })

  it('uses in-memory on Windows only when allowed', () => {
    const inMemoryFirst = policy({ locations: [{ kind: 'in-memory' }, { kind: 'filesystem-relative', dir: 'lib' }] })
    expect(codes(placeSharedLibrary(inMemoryFirst, windows, 'x.pyd'))).toEqual(['IN_MEMORY_SHARED_LIBRARY_DISALLOWED'])
    expect(placeSharedLibrary({ ...inMemoryFirst, allowInMemory: true }, windows, 'x.pyd').location).toEqual({
      kind: 'in-memory'
    })
  })

  it('finds no place when in-memory is the only location on a target that cannot load from memory', () => {
    const placed = placeSharedLibrary(policy({ locations: [{ kind: 'in-memory' }] }), findTarget('macos-x64'), 'x.so')
    expect(placed.location).toBeNull()
    expect(codes(placed)).toEqual(['IN_MEMORY_SHARED_LIBRARY_UNSUPPORTED', 'SHARED_LIBRARY_NOT_LOADABLE'])
  })
})

describe('policy inputs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-policy-'))
  writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n')
  writeFileSync(path.join(dir, 'extra.o'), '')

  it('defaults to the dynamic flavor on glibc, loading from memory first, and the static one on musl', async () => {
    const gnu = await resolveBuildInputs({ target: 'linux-x64' }, dir)
    expect(extensionPolicy(gnu, findTarget('linux-x64'))).toMatchObject({
      flavor: 'dynamic',
      locations: [{ kind: 'in-memory' }, { kind: 'filesystem-relative', dir: 'lib' }],
      sideDirectory: 'lib'
    })
    const musl = await resolveBuildInputs({ target: 'linux-musl-x64', flavor: 'dynamic' }, dir)
    expect(extensionPolicy(musl, findTarget('linux-musl-x64')).flavor).toBe('static')
  })

  it('reads locations, package lists (normalized) and link-extra items', async () => {
    const inputs = await resolveBuildInputs(
      {
        'extension-location': 'in-memory,filesystem-relative:ext',
        'exclude-packages': 'Foo_Bar, baz',
        'standalone-packages': ['qux'],
        'link-extra': ['extra.o', 'pkg._mod=extra.o'],
        'allow-in-memory-shared-library-loading': 'true'
      },
      dir
    )
    expect(inputs.extensionLocations).toEqual([{ kind: 'in-memory' }, { kind: 'filesystem-relative', dir: 'ext' }])
    expect(inputs.excludePackages).toEqual(['foo-bar', 'baz'])
    expect(inputs.standalonePackages).toEqual(['qux'])
    expect(inputs.allowInMemorySharedLibraryLoading).toBe(true)
    expect(inputs.linkExtra).toEqual([
      { kind: 'objects', paths: [path.join(dir, 'extra.o')] },
      { kind: 'module', module: 'pkg._mod', paths: [path.join(dir, 'extra.o')] }
    ])
  })

  it('names every bad policy value at once', async () => {
    const error = (await resolveBuildInputs(
      {
        flavor: 'medium',
        'extension-location': 'cloud',
        'link-extra': ['missing.a'],
        'exclude-packages': 'x',
        'standalone-packages': 'x',
        'allow-in-memory-shared-library-loading': 'perhaps'
      },
      dir
    ).catch(e => e)) as InputError
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/extension-location "cloud" is not in-memory or filesystem-relative:DIR/)
    expect(error.message).toMatch(/link-extra file .*missing\.a does not exist/)
    expect(error.message).toMatch(/x is in both exclude-packages and standalone-packages/)
    expect(error.message).toMatch(/allow-in-memory-shared-library-loading must be true or false, not "perhaps"/)
    expect(error.message).toMatch(/flavor must be one of static, dynamic, not "medium"/)
  })
})
