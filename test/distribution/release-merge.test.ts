import { CPythonReleasesSchema, type CPythonReleases } from '../../src/distribution/cpython-releases'
import { mergeFoundSources, type FoundSource } from '../../src/distribution/release-merge'
import bundled from '../../src/distribution/cpython-releases.json'

const debian = (version: string, sha256: string): FoundSource => ({
  version,
  source: {
    mirror: 'debian',
    path: `pool/main/p/python${version.split('.').slice(0, 2).join('.')}/python3_${version}.orig.tar.xz`,
    sha256,
    from: 'Debian unstable (sid)'
  }
})
const goProxy = (version: string, sha256: string): FoundSource => ({
  version,
  source: { mirror: 'go-proxy', path: `github.com/python/cpython/@v/v${version}+incompatible.zip`, sha256, from: 'tag' }
})

const LIST: CPythonReleases = {
  comment: 'kept as it is',
  defaults: { '3.13': '3.13.5' },
  releases: [{ version: '3.13.5', sources: [debian('3.13.5', 'a'.repeat(64)).source] }]
}

describe('merging found releases into the release list', () => {
  it("adds new releases in version order and moves each minor's default to its newest", () => {
    const { releases, changes, conflicts } = mergeFoundSources(LIST, [
      debian('3.13.10', 'b'.repeat(64)),
      debian('3.13.9', 'c'.repeat(64)),
      goProxy('3.14.7', 'd'.repeat(64))
    ])
    expect(conflicts).toEqual([])
    expect(releases.comment).toBe('kept as it is')
    expect(releases.releases.map(r => r.version)).toEqual(['3.13.5', '3.13.9', '3.13.10', '3.14.7'])
    expect(releases.defaults).toEqual({ '3.13': '3.13.10', '3.14': '3.14.7' })
    expect(Object.keys(releases.defaults)).toEqual(['3.13', '3.14'])
    expect(changes).toContain('default 3.13: 3.13.5 → 3.13.10')
    expect(changes).toContain('default 3.14: (none) → 3.14.7')
    expect(CPythonReleasesSchema.parse(releases)).toEqual(releases)
  })

  it("keeps a pre-release, after its minor's finals, and never makes it a default", () => {
    const withCandidate = {
      ...LIST,
      releases: [...LIST.releases, { version: '3.15.0rc2', sources: [debian('3.15.0rc2', 'f'.repeat(64)).source] }]
    }
    const { releases } = mergeFoundSources(withCandidate, [
      debian('3.13.9', 'c'.repeat(64)),
      debian('3.15.0b1', 'b'.repeat(64))
    ])
    expect(releases.releases.map(r => r.version)).toEqual(['3.13.5', '3.13.9', '3.15.0b1', '3.15.0rc2'])
    expect(releases.defaults).toEqual({ '3.13': '3.13.9' })
    const { releases: final } = mergeFoundSources(releases, [debian('3.15.0', '9'.repeat(64))])
    expect(final.releases.map(r => r.version).slice(-3)).toEqual(['3.15.0b1', '3.15.0rc2', '3.15.0'])
    expect(final.defaults['3.15']).toBe('3.15.0')
  })

  it('keeps a pinned source as it is and adds another place for a known release after it', () => {
    const { releases, changes } = mergeFoundSources(LIST, [
      debian('3.13.5', 'a'.repeat(64)),
      goProxy('3.13.5', 'e'.repeat(64))
    ])
    expect(releases.releases).toEqual([
      { version: '3.13.5', sources: [LIST.releases[0].sources[0], goProxy('3.13.5', 'e'.repeat(64)).source] }
    ])
    expect(changes).toEqual([
      `3.13.5: another source, go-proxy:github.com/python/cpython/@v/v3.13.5+incompatible.zip (sha256 ${'e'.repeat(64)})`
    ])
  })

  it('reports a pinned file whose sha256 an index now gives differently, and keeps the pinned one', () => {
    const { releases, conflicts } = mergeFoundSources(LIST, [debian('3.13.5', 'f'.repeat(64))])
    expect(conflicts).toEqual([
      `debian:pool/main/p/python3.13/python3_3.13.5.orig.tar.xz: the list pins sha256 ${'a'.repeat(64)}, ` +
        `Debian unstable (sid) gives ${'f'.repeat(64)}`
    ])
    expect(releases.releases[0].sources[0].sha256).toBe('a'.repeat(64))
  })

  it('changes nothing when the indexes name nothing new', () => {
    const list = CPythonReleasesSchema.parse(bundled)
    const { releases, changes, conflicts } = mergeFoundSources(list, [])
    expect([changes, conflicts]).toEqual([[], []])
    expect(JSON.stringify(releases, null, 2)).toBe(JSON.stringify(list, null, 2))
  })

  it('refuses a list whose default names a release it does not have', () => {
    const broken = { ...LIST, defaults: { '3.12': '3.12.14' } }
    expect(() => mergeFoundSources(broken, [])).toThrow(
      'the default for 3.12 names 3.12.14, which is not in the release list'
    )
  })
})
