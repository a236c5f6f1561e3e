import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * uvloop 0.22.1 from its sdist: Cython-generated C, and the libuv it bundles, built by
 * libuv's own configure and make into a static library that setup.py hands the link
 * as Extension.extra_objects. The whole link is captured, so its one extension module
 * is a built-in on gnu and musl, and the app runs asyncio on uvloop's loop: a TCP
 * echo on loopback, a subprocess through pipes, timers.
 */
const HOUR = 60 * 60 * 1000
const EXTENSIONS = ['uvloop.loop']

interface UvloopAppOutput {
  builtins: string[]
  loop: string
  echo: string
  pipe: { stdout: string; returncode: number }
  timers: { concurrent_sleeps_overlap: boolean; order: string[] }
  uvloop: string
}

describe.each(TEST_TARGETS.filter(t => t.startsWith('x86_64-')))('uvloop from its sdist for %s', target => {
  const outDir = tempDir('uvloop')
  let binary = ''

  beforeAll(() => {
    binary = expectBuilt(
      pyseal(['build', '--target', target, '--project', path.join(FIXTURES, 'uvloop-app'), '--out-dir', outDir])
    )
  }, HOUR)

  it('builds every extension module of uvloop in', () => {
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
    expect(report.verdict).toBe('all-builtin')
    const fromUvloop = report.modules.filter(m => m.package === 'uvloop')
    expect(fromUvloop.map(m => [m.module, m.status])).toEqual(EXTENSIONS.map(m => [m, 'builtin']))
    expect(report.executable?.sideFiles).toEqual([])
  })

  it('runs asyncio on uvloop: a TCP echo on loopback, a subprocess through pipes, timers', () => {
    const run = runBinary(binary, [])
    if (run.status !== 0) throw new Error(`uvloop-app exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
    const out = JSON.parse(run.stdout) as UvloopAppOutput
    expect(out).toEqual({
      builtins: EXTENSIONS,
      loop: 'uvloop.Loop',
      echo: 'laesyp',
      pipe: { stdout: "through libuv's pipes", returncode: 0 },
      timers: { concurrent_sleeps_overlap: true, order: ['soon', 'later'] },
      uvloop: '0.22.1'
    })
  })
})
