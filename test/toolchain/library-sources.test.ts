import {
  debianSourceOrig,
  LibrarySourcesSchema,
  loadLibrarySources,
  placeFileName,
  type LibrarySources
} from '../../src/toolchain/library-sources'
import { refreshLibrarySources } from '../../src/toolchain/library-sources-merge'
import { EXTENSION_LIBRARY_RECIPES } from '../../src/libraries/recipes'
import { ALL_LIBRARY_RECIPES } from '../../src/toolchain/static-deps-recipes'

// Debian 12's Sources index, cut down: freetype has orig-<component> tarballs and
// signatures beside its main upstream tarball; zlib's is repacked (+dfsg), with an epoch.
const INDEX = `Package: freetype
Version: 2.12.1+dfsg-5+deb12u4
Checksums-Sha256:
 eead829b4bc79107e8e79c4da006110dffe264f9d48b3ba02f76cf7e84b64389 3918 freetype_2.12.1+dfsg-5+deb12u4.dsc
 ce729d97f166a919a6a3037c949af01d5d6e1783614024d72683153f0bc5ef05 263656 freetype_2.12.1+dfsg.orig-ft2demos.tar.xz
 0303e45fe1dc659f14353c276ac0ea1025b30e19ac8138c52d5df79b55726f14 833 freetype_2.12.1+dfsg.orig-ft2demos.tar.xz.asc
 7dedb6b9adf331559daea614a83b8de42a753e685ec8e1c4bdb4529eb880b0d1 2188492 freetype_2.12.1+dfsg.orig.tar.xz
 c625a97a78e4c74acd32e5b63b3973c9ea8a5c3d7b7f8f7c02def4421589c61b 44844 freetype_2.12.1+dfsg-5+deb12u4.debian.tar.xz
Directory: pool/main/f/freetype

Package: zlib
Version: 1:1.2.13.dfsg-1
Checksums-Sha256:
 71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1 1002946 zlib_1.2.13.dfsg.orig.tar.bz2
 c3a8c5ab9e4b2ba3c0a2b37b0e1e1d3bde7e1e2a5c1fd2a1b1e1e0a1e0a1e0a1 20000 zlib_1.2.13.dfsg-1.debian.tar.xz
Directory: pool/main/z/zlib
`

describe('debianSourceOrig', () => {
  test("takes the package's main upstream tarball, not a component's or a signature", () => {
    expect(debianSourceOrig(INDEX, 'freetype')).toEqual({
      debianVersion: '2.12.1+dfsg-5+deb12u4',
      upstreamVersion: '2.12.1+dfsg',
      path: 'pool/main/f/freetype/freetype_2.12.1+dfsg.orig.tar.xz',
      sha256: '7dedb6b9adf331559daea614a83b8de42a753e685ec8e1c4bdb4529eb880b0d1'
    })
  })

  test('keeps the epoch in the Debian version and leaves it out of the upstream one', () => {
    expect(debianSourceOrig(INDEX, 'zlib')).toMatchObject({
      debianVersion: '1:1.2.13.dfsg-1',
      upstreamVersion: '1.2.13.dfsg',
      path: 'pool/main/z/zlib/zlib_1.2.13.dfsg.orig.tar.bz2'
    })
  })

  test('is null for a package the index does not have', () => {
    expect(debianSourceOrig(INDEX, 'libxslt')).toBeNull()
  })
})

describe('the bundled list', () => {
  test("has a source for every recipe, Debian first and the project's own release file after, each place pinned and named once", async () => {
    const list = loadLibrarySources()
    for (const recipe of [...ALL_LIBRARY_RECIPES, ...EXTENSION_LIBRARY_RECIPES]) {
      const source = list.sources[recipe.sourcePackage]
      expect(source).toBeDefined()
      expect(source.places[0]).toMatchObject({ mirror: 'debian' })
      // A second place off Debian's archive: a runner whose apt names Ubuntu's fetches the project's own release file.
      expect([recipe.sourcePackage, source.places.some(place => 'url' in place)]).toEqual([recipe.sourcePackage, true])
      expect(placeFileName(source.places[0])).toContain(source.version)
      const where = source.places.map(place => ('url' in place ? place.url : place.path))
      expect(new Set(where).size).toBe(where.length)
    }
  })

  test('refuses a list whose first place is not Debian, or a place that is not https', () => {
    const place = { url: 'https://example.invalid/zlib-1.2.13.tar.gz', sha256: 'a'.repeat(64), from: 'upstream' }
    const source = { version: '1.2.13', debianVersion: '1:1.2.13-1', places: [place] }
    expect(LibrarySourcesSchema.safeParse({ sources: { zlib: source } }).success).toBe(false)
    const debian = {
      mirror: 'debian',
      path: 'pool/main/z/zlib/zlib_1.2.13.orig.tar.gz',
      sha256: 'b'.repeat(64),
      from: 'Debian'
    }
    const plain = { ...place, url: 'http://example.invalid/zlib-1.2.13.tar.gz' }
    expect(LibrarySourcesSchema.safeParse({ sources: { zlib: { ...source, places: [debian, plain] } } }).success).toBe(
      false
    )
    expect(LibrarySourcesSchema.safeParse({ sources: { zlib: { ...source, places: [debian, place] } } }).success).toBe(
      true
    )
  })
})

describe('refreshLibrarySources', () => {
  const upstream = { url: 'https://example.invalid/freetype-2.12.1.tar.xz', sha256: 'c'.repeat(64), from: 'upstream' }
  const current: LibrarySources = {
    sources: {
      freetype: {
        version: '2.12.1+dfsg',
        debianVersion: '2.12.1+dfsg-5+deb12u3',
        places: [
          {
            mirror: 'debian',
            path: 'pool/main/f/freetype/freetype_2.12.1+dfsg.orig.tar.xz',
            sha256: 'd'.repeat(64),
            from: 'x'
          },
          upstream
        ]
      },
      gone: {
        version: '1',
        debianVersion: '1-1',
        places: [{ mirror: 'debian', path: 'pool/g/gone_1.orig.tar.gz', sha256: 'e'.repeat(64), from: 'x' }]
      }
    }
  }
  const found = new Map([
    ['freetype', debianSourceOrig(INDEX, 'freetype')],
    ['zlib', debianSourceOrig(INDEX, 'zlib')]
  ])

  test("takes Debian's tarball first, keeps a same release's other places, says what changed", () => {
    const result = refreshLibrarySources(current, ['zlib', 'freetype', 'zlib'], found, 'Debian 12 (bookworm)')
    expect(result.problems).toEqual([])
    expect(result.sources.sources.freetype.places).toEqual([
      expect.objectContaining({
        mirror: 'debian',
        sha256: '7dedb6b9adf331559daea614a83b8de42a753e685ec8e1c4bdb4529eb880b0d1'
      }),
      upstream
    ])
    expect(Object.keys(result.sources.sources)).toEqual(['freetype', 'zlib'])
    expect(result.changes).toEqual([
      'freetype: Debian 2.12.1+dfsg-5+deb12u3 → 2.12.1+dfsg-5+deb12u4',
      'zlib: new, 1.2.13.dfsg (pool/main/z/zlib/zlib_1.2.13.dfsg.orig.tar.bz2)',
      'gone: no recipe names it any more, removed'
    ])
  })

  test('drops the other places of an older release, and reports a package the index lacks', () => {
    const older = { ...current, sources: { freetype: { ...current.sources.freetype, version: '2.11.0' } } }
    const result = refreshLibrarySources(
      older,
      ['freetype', 'libxslt'],
      new Map([...found, ['libxslt', null]]),
      'Debian 12'
    )
    expect(result.sources.sources.freetype.places).toHaveLength(1)
    expect(result.changes).toContain("freetype: 1 upstream place(s) of 2.11.0 dropped: add 2.12.1+dfsg's")
    expect(result.problems).toEqual(["libxslt: Debian 12's source index has no upstream tarball for it"])
  })
})
