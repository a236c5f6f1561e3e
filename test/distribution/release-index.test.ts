import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  debianOrigsFromSources,
  finalUpstreamVersion,
  goProxyReleases,
  indexEntryFromRelease,
  newestOfEachMinor,
  parseDeb822
} from '../../src/distribution/release-index'
import { compareVersions } from '../../src/distribution/release-version'

// Excerpts of real indexes (Debian's bookworm and sid source indexes and sid's
// InRelease, trimmed to a few stanzas and fields; the Go module proxy's version list
// of CPython's repository), captured 2026-12.
const sample = (name: string): string => readFileSync(path.join(__dirname, 'release-index-samples', name), 'utf8')

// A pre-release upload as sid carries them before a final release (same shape as the
// python3.15 stanza of the sid excerpt, version and file names changed).
const PRE_RELEASE = `Package: python3.15
Version: 3.15.0~a3-1
Checksums-Sha256:
 ${'1'.repeat(64)} 3704 python3.15_3.15.0~a3-1.dsc
 ${'2'.repeat(64)} 27313404 python3.15_3.15.0~a3.orig.tar.xz
Directory: pool/main/p/python3.15
`

describe("Debian's source index", () => {
  it('reads deb822 stanzas with their continuation lines', () => {
    const [defaults, first] = parseDeb822(sample('sid-Sources'))
    expect(defaults.get('Package')).toBe('python3-defaults')
    expect(first.get('Version')).toBe('3.13.15-1')
    expect(first.get('Directory')).toBe('pool/main/p/python3.13')
    expect(first.get('Checksums-Sha256')?.split('\n')).toEqual([
      '',
      '4078ff651ea7096e6933f794b854054cda195d600e02ac83306cee524da31b87 4040 python3.13_3.13.15-1.dsc',
      '1e66a7945a48390ee4c2a4268a0e4185884059a13c4aab6d148aa208deea4a76 23160540 python3.13_3.13.15.orig.tar.xz',
      '1cf592dd51de735ff73644743e8959fb16bd50714168855509b709fdeede8342 261776 python3.13_3.13.15-1.debian.tar.xz'
    ])
  })

  it('takes the upstream version of a final release only', () => {
    expect(finalUpstreamVersion('3.11.2-6+deb12u6')).toBe('3.11.2')
    expect(finalUpstreamVersion('3.13.5-2')).toBe('3.13.5')
    expect(finalUpstreamVersion('1:3.14.1-1')).toBe('3.14.1')
    expect(finalUpstreamVersion('3.15.0~a3-1')).toBeNull()
    expect(finalUpstreamVersion('3.14.0~rc2-1')).toBeNull()
  })

  it("gives each python3.X package's upstream tarball with its pool path and sha256", () => {
    expect(debianOrigsFromSources(sample('bookworm-Sources'))).toEqual([
      {
        version: '3.11.2',
        package: 'python3.11',
        path: 'pool/main/p/python3.11/python3.11_3.11.2.orig.tar.gz',
        sha256: '2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849',
        size: 26437858
      }
    ])
    // python3-defaults is not CPython's source; the .asc beside an orig is not a tarball.
    expect(debianOrigsFromSources(sample('sid-Sources')).map(o => o.path)).toEqual([
      'pool/main/p/python3.13/python3.13_3.13.15.orig.tar.xz',
      'pool/main/p/python3.13/python3.13_3.13.18.orig.tar.xz',
      'pool/main/p/python3.15/python3.15_3.15.2.orig.tar.xz'
    ])
  })

  it('skips a pre-release upload', () => {
    const withPreRelease = `${sample('sid-Sources')}\n\n${PRE_RELEASE}`
    expect(debianOrigsFromSources(withPreRelease).map(o => o.version)).toEqual(['3.13.15', '3.13.18', '3.15.2'])
  })

  it("finds the index's sha256 and size in InRelease's SHA256 section, not its MD5Sum one", () => {
    expect(indexEntryFromRelease(sample('sid-InRelease'), 'main/source/Sources.gz')).toEqual({
      sha256: '59c605c18b169751f339bebcc701542beb5383e45b031f2f46e2418b3b2bd976',
      size: 16423626
    })
    expect(indexEntryFromRelease(sample('sid-InRelease'), 'main/source/Sources.bz2')).toBeNull()
  })
})

describe("the Go module proxy's version list", () => {
  it('keeps the release tags of 3.11 to 3.15, without pseudo-versions, pre-releases or older minors', () => {
    const list = `${sample('go-proxy-list')}v3.15.0a1+incompatible\nv3.15.0rc1+incompatible\n`
    expect(goProxyReleases(list)).toEqual([
      '3.11.11',
      '3.11.13',
      '3.11.14',
      '3.11.15',
      '3.11.16',
      '3.12.12',
      '3.12.13',
      '3.12.14',
      '3.13.15',
      '3.14.0',
      '3.14.1',
      '3.14.2',
      '3.14.3',
      '3.14.4',
      '3.14.5',
      '3.14.6',
      '3.14.7'
    ])
  })

  it("picks each minor's newest release, comparing numerically", () => {
    expect(newestOfEachMinor(['3.14.10', '3.11.2', '3.14.9', '3.13.5'])).toEqual(['3.11.2', '3.13.5', '3.14.10'])
    expect(compareVersions('3.9.1', '3.13.0')).toBeLessThan(0)
    const ordered = ['3.14.10', '3.15.0', '3.15.0a3', '3.15.0rc2', '3.15.0b1', '3.15.1'].sort(compareVersions)
    expect(ordered).toEqual(['3.14.10', '3.15.0a3', '3.15.0b1', '3.15.0rc2', '3.15.0', '3.15.1'])
  })
})
