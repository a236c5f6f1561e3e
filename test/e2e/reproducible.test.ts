import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import releases from '../../src/distribution/cpython-releases.json'
import { DEFAULT_PYTHON_VERSION } from '../../src/inputs/options/value-schemas'
import { resolvePortablePath } from '../../src/report/portable'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * The same app built twice from two copies in different places, into different
 * output directories, at different times (compilers see SOURCE_DATE_EPOCH, 2000-01-01
 * unless the user sets one, never the clock), once with the built packages cached and
 * once with a cache directory that has only the CPython distribution (so every package
 * compiles again): the binary and both reports are the same bytes.
 */
function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** Where two binaries differ, by archive member and ELF section (binary_difference.py). */
function binaryDifference(a: string, b: string): string {
  return execFileSync('python3', [path.join(__dirname, 'binary_difference.py'), a, b], { encoding: 'utf8' })
}

describe.each(TEST_TARGETS)('two clean builds of the same app for %s', target => {
  const first = { project: path.join(tempDir('repro-a'), 'c-ext'), outDir: path.join(tempDir('repro-a-out'), 'out') }
  const second = {
    project: path.join(tempDir('repro-b'), 'some', 'deeper', 'place', 'c-ext'),
    outDir: path.join(tempDir('repro-b-out'), 'another name'),
    cacheDir: path.join(tempDir('repro-cache'), 'cache')
  }
  let reportA: Report
  let reportB: Report

  beforeAll(
    () => {
      for (const project of [first.project, second.project]) {
        mkdirSync(path.dirname(project), { recursive: true })
        cpSync(path.join(FIXTURES, 'c-ext'), project, { recursive: true })
      }
      const args = ['build', '--target', target, '--entry-point', 'none']
      expectBuilt(pyseal([...args, '--out-dir', first.outDir], first.project, { TZ: 'UTC' }))
      reportA = JSON.parse(readFileSync(path.join(first.outDir, 'cext.report.json'), 'utf8')) as Report

      // A cache with only the distribution the first build used (and its source tarball): the packages compile anew.
      const shared = defaultCacheDir()
      const distribution = resolvePortablePath(reportA.python?.root ?? '', { ...first, cacheDir: shared })
      cpSync(distribution, path.join(second.cacheDir, path.relative(shared, distribution)), { recursive: true })
      // Its source tarball, and for musl the static libraries and kernel headers it was built with.
      const alongside = readdirSync(shared).filter(
        d => d === 'sources' || d === 'static-deps' || d.startsWith('musl-kernel-headers')
      )
      for (const dir of alongside) cpSync(path.join(shared, dir), path.join(second.cacheDir, dir), { recursive: true })
      expect(existsSync(path.join(second.cacheDir, 'sources'))).toBe(true)
      const run = pyseal([...args, '--out-dir', second.outDir, '--cache-dir', second.cacheDir], second.project, {
        TZ: 'Asia/Tokyo'
      })
      expectBuilt(run)
      expect(run.stdout).toMatch(/✓ build [\d.]+s: built packages/)
      reportB = JSON.parse(readFileSync(path.join(second.outDir, 'cext.report.json'), 'utf8')) as Report
    },
    30 * 60 * 1000
  )

  it('leave the same files in the output directory', () => {
    expect(readdirSync(first.outDir).sort()).toEqual(['cext', 'cext.report.json', 'cext.report.md', 'cext.sha256'])
    expect(readdirSync(second.outDir).sort()).toEqual(readdirSync(first.outDir).sort())
  })

  it.each(['cext', 'cext.report.json', 'cext.report.md', 'cext.sha256'])('give %s byte for byte', name => {
    const [a, b] = [path.join(first.outDir, name), path.join(second.outDir, name)]
    // On a difference, say where it is: the archive members or the ELF sections that differ.
    const where = sha256(a) === sha256(b) ? '' : name === 'cext' ? binaryDifference(a, b) : 'differs'
    expect(where).toBe('')
  })

  it('give a report with no path of the machine in it, recording the inputs by hash', () => {
    const text = readFileSync(path.join(second.outDir, 'cext.report.json'), 'utf8')
    for (const place of [second.project, second.outDir, second.cacheDir, '/tmp/']) expect(text).not.toContain(place)
    expect(reportB.executable?.path).toBe('cext')
    expect(reportB.python?.root).toMatch(/^\{cache-dir\}\/python\/\w+$/)
    expect(reportB.inputs.project).toMatch(/^[0-9a-f]{64}$/)
    expect(reportB.inputs.pythonDistribution).toBe(`cpython:${releases.defaults[DEFAULT_PYTHON_VERSION]}`)
    expect(reportB.python?.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(reportB.packages?.key).toBe(reportA.packages?.key)
  })

  it('give a binary that runs', () => {
    const binary = path.join(second.outDir, 'cext')
    expect(runBinary(binary, ['-c', 'import cext; print(cext.add(2, 3))']).stdout.trim()).toBe('5')
  })
})
