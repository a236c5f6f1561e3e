import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import { readDistribution } from '../../src/distribution/python-json'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/report'
import {
  expectBuilt,
  FIXTURES,
  LAUNCHER_PYTHON_VERSIONS,
  otherVersionArgs,
  pyseal,
  REPO,
  tempDir,
  TEST_TARGETS
} from './cli'

/**
 * The launcher's own test (c/tests/test_launcher.sh: the launcher and the archive
 * importer's fast paths, built against a CPython's static libpython, packed and run)
 * on every CPython version pyseal builds (3.11, 3.13, 3.14, 3.15), not only on Debian's
 * 3.11 that `npm test` runs it on first: zipimport's internals, which the fast paths
 * rely on, change between versions. For 3.13 and 3.15 this is `npm test`'s one build
 * and run of that version. The distribution is the one a pyseal build links.
 */
const GNU = 'x86_64-unknown-linux-gnu'
// The default last: on a cold cache another file is building it while these build.
const VERSIONS = TEST_TARGETS.includes(GNU) ? [...LAUNCHER_PYTHON_VERSIONS, 'default'] : []

describe.each(VERSIONS)('the launcher test on CPython %s', version => {
  it(
    'passes every check it runs, and skips none for want of a module',
    async () => {
      const outDir = tempDir('launcher-version')
      const versionArgs = version === 'default' ? [] : otherVersionArgs(version)
      const args = ['build', '--target', GNU, ...versionArgs, '--project', `${FIXTURES}/c-ext`, '--out-dir', outDir]
      const binary = expectBuilt(pyseal([...args, '--entry-point', 'none']))
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      const root = resolvePortablePath(report.python?.root ?? '', {
        cacheDir: defaultCacheDir(),
        project: '',
        outDir
      })
      const distribution = await readDistribution(root)
      const python = path.join(root, distribution.json.python_exe)
      const run = spawnSync('bash', [path.join(REPO, 'c', 'tests', 'test_launcher.sh')], {
        encoding: 'utf8',
        env: { ...process.env, PYSEAL_TEST_PYTHON: python },
        timeout: 20 * 60 * 1000
      })
      const summary = /(\d+) passed, (\d+) failed, (\d+) skipped/.exec(run.stdout)
      expect({ status: run.status, failures: run.stdout.split('\n').filter(l => l.startsWith('FAIL')) }).toEqual({
        status: 0,
        failures: []
      })
      expect(summary?.[2]).toBe('0')
      // The one check a build with the GIL skips is the free-threaded one.
      const skips = run.stdout.split('\n').filter(l => l.startsWith('skip'))
      expect(skips.filter(l => !l.includes('(not a free-threaded build)'))).toEqual([])
      expect(Number(summary?.[1])).toBeGreaterThan(40)
    },
    60 * 60 * 1000
  )
})
