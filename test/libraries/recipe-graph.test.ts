import { describeQuery, includeDirsOf, recipeClosure, recipeProviding } from '../../src/libraries/recipe-graph'
import { EXTENSION_LIBRARY_RECIPES } from '../../src/libraries/recipes'
import type { ExtensionLibraryRecipe } from '../../src/libraries/recipe-types'

const recipe = (name: string, dependsOn: string[] = []): ExtensionLibraryRecipe => ({
  name,
  sourcePackage: name,
  usedBy: 'a test',
  dependsOn,
  provides: { headers: [], libraries: [], pkgConfig: [] },
  steps: [],
  produces: [],
  archives: []
})

describe('the library recipes', () => {
  it('cover the libraries popular extension modules link', () => {
    const names = EXTENSION_LIBRARY_RECIPES.map(r => r.name)
    for (const wanted of [
      'libxml2',
      'libxslt',
      'libyaml',
      'libzstd',
      'liblz4',
      'libjpeg-turbo',
      'libpng',
      'libtiff',
      'libwebp',
      'freetype',
      'lcms2',
      'libuv',
      'zlib',
      'bzip2',
      'liblzma',
      'libffi',
      'openssl'
    ]) {
      expect(names).toContain(wanted)
    }
    expect(new Set(names).size).toBe(names.length)
  })

  it('depend only on recipes that exist, without cycles', () => {
    for (const r of EXTENSION_LIBRARY_RECIPES) {
      expect(() => recipeClosure(r.name, EXTENSION_LIBRARY_RECIPES)).not.toThrow()
    }
  })

  it('produce an archive for every -l name they provide, and a .pc file for every pkg-config module', () => {
    for (const r of EXTENSION_LIBRARY_RECIPES) {
      for (const library of r.provides.libraries) expect(r.produces).toContain(`lib/lib${library}.a`)
      for (const archive of r.archives) expect(r.produces).toContain(archive)
      // libpng16.pc is libpng.pc's twin; libuv.pc would name the shared library
      for (const module of r.provides.pkgConfig.filter(
        m => !['libpng16', 'libuv', 'libexslt', 'libwebpmux', 'libwebpdemux', 'libssl', 'libcrypto'].includes(m)
      )) {
        expect(r.produces).toContain(`lib/pkgconfig/${module}.pc`)
      }
    }
  })

  it('never provide one thing twice', () => {
    const seen = new Map<string, string>()
    for (const r of EXTENSION_LIBRARY_RECIPES) {
      for (const item of [
        ...r.provides.libraries.map(l => `-l${l}`),
        ...r.provides.pkgConfig.map(m => `pc:${m}`),
        ...r.provides.headers
      ]) {
        expect([item, seen.get(item) ?? r.name]).toEqual([item, r.name])
        seen.set(item, r.name)
      }
    }
  })
})

describe('recipeProviding', () => {
  const find = (kind: 'header' | 'library' | 'pkg-config', name: string): string | null =>
    recipeProviding({ kind, name }, EXTENSION_LIBRARY_RECIPES)?.name ?? null

  it('answers a header, a -l name and a pkg-config module', () => {
    expect(find('header', 'yaml.h')).toBe('libyaml')
    expect(find('library', 'yaml')).toBe('libyaml')
    expect(find('pkg-config', 'yaml-0.1')).toBe('libyaml')
    expect(find('library', 'exslt')).toBe('libxslt')
    expect(find('pkg-config', 'libxml-2.0')).toBe('libxml2')
    expect(find('library', 'jpeg')).toBe('libjpeg-turbo')
    expect(find('header', 'ft2build.h')).toBe('freetype')
  })

  it("gives a header of a library's own directory to that library, a top-level one only when named", () => {
    expect(find('header', 'libxml/HTMLparser.h')).toBe('libxml2')
    expect(find('header', 'libexslt/exsltconfig.h')).toBe('libxslt')
    expect(find('header', 'openssl/./rand.h')).toBe('openssl')
    expect(find('header', 'yaml_private.h')).toBeNull()
    expect(find('header', 'Python.h')).toBeNull()
    expect(find('library', 'pysealdemo')).toBeNull()
  })
})

describe('recipeClosure', () => {
  it('orders dependencies first, each once', () => {
    expect(recipeClosure('libtiff', EXTENSION_LIBRARY_RECIPES).map(r => r.name)).toEqual([
      'zlib',
      'libjpeg-turbo',
      'libtiff'
    ])
    expect(recipeClosure('libxslt', EXTENSION_LIBRARY_RECIPES).map(r => r.name)).toEqual(['libxml2', 'libxslt'])
    expect(recipeClosure('libyaml', EXTENSION_LIBRARY_RECIPES).map(r => r.name)).toEqual(['libyaml'])
    const diamond = [recipe('a', ['b', 'c']), recipe('b', ['d']), recipe('c', ['d']), recipe('d')]
    expect(recipeClosure('a', diamond).map(r => r.name)).toEqual(['d', 'b', 'c', 'a'])
  })

  it('refuses a cycle and an unknown recipe, naming them', () => {
    expect(() => recipeClosure('a', [recipe('a', ['b']), recipe('b', ['a'])])).toThrow(
      'library recipes depend on each other: a -> b -> a'
    )
    expect(() => recipeClosure('a', [recipe('a', ['nope'])])).toThrow('no library recipe named nope (needed by a)')
  })
})

describe('the small helpers', () => {
  it('name include directories and queries', () => {
    const libxml2 = EXTENSION_LIBRARY_RECIPES.find(r => r.name === 'libxml2')
    expect(libxml2 && includeDirsOf(libxml2)).toEqual(['include/libxml2'])
    expect(includeDirsOf(recipe('x'))).toEqual(['include'])
    expect(describeQuery({ kind: 'library', name: 'yaml' })).toBe('-lyaml')
    expect(describeQuery({ kind: 'pkg-config', name: 'yaml-0.1' })).toBe('pkg-config yaml-0.1')
    expect(describeQuery({ kind: 'header', name: 'yaml.h' })).toBe('yaml.h')
  })
})
