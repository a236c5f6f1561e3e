import {
  CPythonReleasesSchema,
  loadCPythonReleases,
  parsePythonVersion,
  resolvePythonVersion,
  SUPPORTED_MINORS
} from '../../src/distribution/cpython-releases'
import bundled from '../../src/distribution/cpython-releases.json'
import { DEFAULT_PYTHON_VERSION } from '../../src/inputs/options/value-schemas'

describe('the CPython release list', () => {
  it('has the shape pyseal reads: releases with pinned sources, and a release for each default', async () => {
    const releases = CPythonReleasesSchema.parse(bundled)
    for (const [minor, version] of Object.entries(releases.defaults)) {
      expect(SUPPORTED_MINORS).toContain(minor)
      expect(version.startsWith(`${minor}.`)).toBe(true)
      expect(releases.releases.map(r => r.version)).toContain(version)
    }
    for (const release of releases.releases) {
      for (const source of release.sources) {
        expect(source.sha256).toMatch(/^[0-9a-f]{64}$/)
        if ('url' in source) expect(new URL(source.url).protocol).toMatch(/^https?:$/)
        else expect(source.path).not.toMatch(/^\/|:\/\//)
      }
    }
    expect(await loadCPythonReleases({})).toEqual(releases)
  })

  it('fetches the default release from more than one place, so a first run does not hang on one site', () => {
    const releases = CPythonReleasesSchema.parse(bundled)
    const release = releases.releases.find(r => r.version === releases.defaults[DEFAULT_PYTHON_VERSION])
    const places = (release?.sources ?? []).map(source => ('url' in source ? new URL(source.url).host : source.mirror))
    expect(new Set(places).size).toBeGreaterThanOrEqual(2)
  })
})

describe('python-version', () => {
  it('reads X.Y, X.Y.Z and the free-threaded suffix', () => {
    expect(parsePythonVersion('3.14')).toEqual({ version: '3.14', freeThreaded: false })
    expect(parsePythonVersion(' 3.13.5 ')).toEqual({ version: '3.13.5', freeThreaded: false })
    expect(parsePythonVersion('3.14t')).toEqual({ version: '3.14', freeThreaded: true })
  })

  it('reads a pre-release as CPython writes it and as setup-python does', () => {
    expect(parsePythonVersion('3.15.0rc2')).toEqual({ version: '3.15.0rc2', freeThreaded: false })
    expect(parsePythonVersion('3.15.0-rc.2')).toEqual({ version: '3.15.0rc2', freeThreaded: false })
    expect(parsePythonVersion('3.15.0b1t')).toEqual({ version: '3.15.0b1', freeThreaded: true })
    expect(parsePythonVersion('3.15rc2')).toHaveProperty('problem')
  })

  it('refuses what is not a version, or outside 3.11 to 3.15', () => {
    for (const value of ['3.9', '3.10', '3.16']) {
      expect(parsePythonVersion(value)).toEqual({
        problem: `python-version "${value}" is outside what pyseal builds: choose 3.11 to 3.15`
      })
    }
    for (const value of ['3.14x', '4', '3', '2.7', 'latest', '3.14.2.1']) {
      expect(parsePythonVersion(value)).toHaveProperty('problem')
    }
  })

  it('means the default release for X.Y and the exact one for X.Y.Z', () => {
    const releases = CPythonReleasesSchema.parse(bundled)
    expect(resolvePythonVersion(releases, { version: '3.11', freeThreaded: false })).toMatchObject({
      version: '3.11.2'
    })
    expect(resolvePythonVersion(releases, { version: '3.13.5', freeThreaded: false })).toMatchObject({
      version: '3.13.5'
    })
    expect(resolvePythonVersion(releases, { version: '3.12.1', freeThreaded: false })).toEqual({
      problem:
        'python-version "3.12.1" has no source in pyseal\'s release list (known for 3.12: 3.12.14): ' +
        'choose a known one, or give --python-distribution a source tarball'
    })
  })

  it('takes a pre-release when named, or for a bare X.Y with no final release only when allowed', () => {
    const releases = CPythonReleasesSchema.parse(bundled)
    const only = (version: string): string[] =>
      releases.releases.filter(r => r.version.startsWith(`${version}.`)).map(r => r.version)
    expect(only('3.15')).toEqual(['3.15.0rc2'])
    expect(resolvePythonVersion(releases, { version: '3.15.0rc2', freeThreaded: false })).toMatchObject({
      version: '3.15.0rc2'
    })
    expect(resolvePythonVersion(releases, { version: '3.15', freeThreaded: false }, true)).toMatchObject({
      version: '3.15.0rc2'
    })
    expect(resolvePythonVersion(releases, { version: '3.15', freeThreaded: false })).toEqual({
      problem:
        'python-version "3.15" has no final release in pyseal\'s release list, only the pre-release 3.15.0rc2: ' +
        'name one exactly (--python-version 3.15.0rc2), or set allow-prereleases to take the newest'
    })
    // A minor with a final release keeps it, allowed or not.
    expect(resolvePythonVersion(releases, { version: '3.14', freeThreaded: false }, true)).toMatchObject({
      version: releases.defaults['3.14']
    })
  })
})
