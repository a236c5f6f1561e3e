import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/report'
import bundled from '../../src/distribution/cpython-releases.json'
import { expectBuilt, FIXTURES, otherVersionArgs, pyseal, runBinary, tempDir } from './cli'

/**
 * --python-version: the release list's source for that version, fetched by plain
 * download (no apt, no deb-src entries) and checked against its pinned sha256, then
 * built like any source tarball. 3.11.2 is the same file Debian's source package
 * holds, so the CPython built from it is the cached one the other tests use.
 */
describe('--python-version', () => {
  it(
    'builds from the pinned source of that version and says so in the report',
    () => {
      const outDir = tempDir('pyversion')
      const args = ['build', '--project', `${FIXTURES}/c-ext`, ...otherVersionArgs('3.11'), '--out-dir', outDir]
      const run = pyseal(args)
      const binary = expectBuilt(run)
      expect(run.stdout).toMatch(/CPython 3\.11\.2 source from Debian 12 \(bookworm\)/)
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      expect(report.python?.version).toBe('3.11.2')
      expect(report.python?.sha256).toBe('2411c74bda5bbcfcddaf4531f66d1adc73f247f529aee981b029513aefdbf849')
      const out = runBinary(binary, ['-c', 'import sys, cext._core as m; print(sys.version_info[:3], m.add(1, 2))'])
      expect(out.stdout.trim()).toBe('(3, 11, 2) 3')
    },
    60 * 60 * 1000
  )

  it(
    'refuses a source whose sha256 is not the pinned one, and keeps nothing of it',
    () => {
      const scratch = tempDir('pyversion-tampered')
      const releases = structuredClone(bundled)
      const wrong = '0'.repeat(64)
      releases.releases = releases.releases.filter(r => r.version === '3.11.2')
      releases.releases[0].sources = [{ ...releases.releases[0].sources[0], sha256: wrong }]
      const manifest = path.join(scratch, 'releases.json')
      writeFileSync(manifest, JSON.stringify(releases))
      const cacheDir = path.join(scratch, 'cache')
      const outDir = path.join(scratch, 'out')
      const run = pyseal(
        [
          'build',
          '--project',
          `${FIXTURES}/c-ext`,
          '--python-version',
          '3.11',
          '--out-dir',
          outDir,
          '--cache-dir',
          cacheDir
        ],
        undefined,
        { PYSEAL_CPYTHON_RELEASES: manifest }
      )
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(
        /python3\.11_3\.11\.2\.orig\.tar\.gz.*its sha256 is 2411c74b[0-9a-f]+, not the expected 0{64}/
      )
      expect(run.stderr).not.toMatch(/\n\s+at /)
      // Nothing of the refused file anywhere in the cache (sources, staging, scratch).
      const kept = existsSync(cacheDir) ? readdirSync(cacheDir, { recursive: true }) : []
      expect(kept.filter(f => String(f).endsWith('.tar.gz'))).toEqual([])
      expect(existsSync(path.join(outDir, 'cext'))).toBe(false)
    },
    30 * 60 * 1000
  )
})
