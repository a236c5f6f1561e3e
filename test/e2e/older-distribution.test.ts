import { DEFAULT_PYTHON_VERSION } from '../../src/inputs/options/value-schemas'
import { readFileSync } from 'node:fs'
import type { Report } from '../../src/report/report'
import { expectBuilt, FIXTURES, pyseal, tempDir, TEST_TARGETS } from './cli'
import { debianRootFs, runInRootFs } from './older-distribution'

/**
 * Binaries on an older distribution than the one they were built on: Debian 11
 * (glibc 2.31), a real root file system entered with chroot. A fully static musl
 * binary needs nothing from it. (A gnu binary built here needs this machine's glibc
 * until the glibc floor lands; its test will join this file.)
 */
const MUSL = 'x86_64-unknown-linux-musl'

describe('on Debian 11 (glibc 2.31)', () => {
  let root = ''
  beforeAll(
    async () => {
      root = await debianRootFs('bullseye')
    },
    20 * 60 * 1000
  )

  it('is a real Debian 11: its own programs run and its C library is 2.31', () => {
    const ldd = runInRootFs(root, `${root}/usr/bin/ldd`, ['--version'])
    expect(ldd.error).toBeUndefined()
    expect(ldd.stdout).toMatch(/GLIBC 2\.31/)
    expect(readFileSync(`${root}/etc/debian_version`, 'utf8')).toMatch(/^11\./)
  })

  ;(TEST_TARGETS.includes(MUSL) ? it : it.skip)(
    'a musl binary pyseal built here runs there, its C extension built in',
    () => {
      const outDir = tempDir('older-musl')
      const binary = expectBuilt(
        pyseal(['build', '--project', `${FIXTURES}/c-ext`, '--target', MUSL, '--out-dir', outDir])
      )
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      expect(report.executable?.linkage).toEqual({ kind: 'static' })
      expect(report.executable?.requires).toBe('static')
      const run = runInRootFs(root, binary, [
        '-c',
        'import sys, cext._core as m; print(sys.version_info[:2], "cext._core" in sys.builtin_module_names, m.add(40, 2))'
      ])
      expect(run.stderr).toBe('')
      expect(run.stdout.trim()).toBe(`(${DEFAULT_PYTHON_VERSION.replace('.', ', ')}) True 42`)
      expect(run.status).toBe(0)
    },
    30 * 60 * 1000
  )
})
