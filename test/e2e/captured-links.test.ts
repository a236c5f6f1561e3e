import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report, ReportModule } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS, type CliRun } from './cli'

/**
 * What a setuptools build links, captured whole, and what happens when it does not
 * link on its own: a module whose objects leave a symbol undefined falls back alone
 * (LINK_FAILED), the rest of the binary is built and works, and a module left out
 * says why when imported.
 */
const GNU = 'x86_64-unknown-linux-gnu'
const MUSL = 'x86_64-unknown-linux-musl'
const LONG = 30 * 60 * 1000

function build(target: string, project: string, extra: string[] = []): { run: CliRun; outDir: string } {
  const outDir = tempDir('links-out')
  const run = pyseal([
    'build',
    '--target',
    target,
    '--project',
    project,
    '--entry-point',
    'none',
    '--out-dir',
    outDir,
    ...extra
  ])
  return { run, outDir }
}

function readReport(
  outDir: string,
  name: string
): { report: Report; module: (name: string) => ReportModule | undefined } {
  const report = JSON.parse(readFileSync(path.join(outDir, `${name}.report.json`), 'utf8')) as Report
  return { report, module: name => report.modules.find(m => m.module === name) }
}

const GOOD =
  'import sys, brokenlink._good as g\nprint(g.length("héllo"), "brokenlink._good" in sys.builtin_module_names)'
const MISSING =
  'try:\n    import brokenlink._missing\nexcept ImportError as e:\n    print(type(e).__name__, e.name)\n    print(e)'

describe('a module whose captured objects do not link on their own', () => {
  const project = path.join(FIXTURES, 'broken-link-ext')

  it(
    'is loaded from memory in a gnu binary with LINK_FAILED naming the symbol, and the rest is built in',
    () => {
      const { run, outDir } = build(GNU, project)
      const binary = expectBuilt(run)
      const { report, module } = readReport(outDir, 'brokenlink')
      expect(report.verdict).toBe('fallback')
      expect(module('brokenlink._good')?.status).toBe('builtin')
      const missing = module('brokenlink._missing')
      expect(missing?.status).toBe('standalone')
      expect(missing?.reasons.map(r => r.code)).toEqual(['LINK_FAILED', 'LOADED_FROM_MEMORY'])
      expect(missing?.reasons[0].message).toMatch(/^its captured objects leave pyseal_missing_symbol undefined/)
      expect(missing?.location).toBe('in-memory')
      expect(report.executable?.sideFiles).toEqual([])
      expect(runBinary(binary, ['-c', GOOD]).stdout.trim()).toBe('6 True')
    },
    LONG
  )
  ;(TEST_TARGETS.includes(MUSL) ? it : it.skip)(
    'is left out of a musl binary: the build fails once binary and report are written, the rest works, the import says why',
    () => {
      const { run, outDir } = build(MUSL, project)
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(
        /1 third-party extension module was left out of the binary: brokenlink\._missing \(brokenlink: LINK_FAILED, MUSL_BUILTIN_ONLY\)/
      )
      const binary = path.join(outDir, 'brokenlink')
      expect(existsSync(binary)).toBe(true)
      const { report, module } = readReport(outDir, 'brokenlink')
      expect(report.status).toBe('ok')
      expect(module('brokenlink._good')?.status).toBe('builtin')
      expect(module('brokenlink._missing')?.status).toBe('excluded')
      expect(runBinary(binary, ['-c', GOOD]).stdout.trim()).toBe('6 True')
      const [kind, message] = runBinary(binary, ['-c', MISSING]).stdout.trim().split('\n')
      expect(kind).toBe('ModuleNotFoundError brokenlink._missing')
      expect(message).toMatch(
        /^brokenlink\._missing is not in this executable: pyseal left it out \(LINK_FAILED: its captured objects leave pyseal_missing_symbol undefined.*; MUSL_BUILTIN_ONLY: .*\)\. To change that: give a static library that defines it with --link-extra LIB\.a/
      )

      const accepted = build(MUSL, project, ['--fail-on', 'never'])
      expectBuilt(accepted.run)
    },
    LONG
  )
})

describe.each(TEST_TARGETS.filter(t => t === GNU || t === MUSL))(
  'what a setuptools link takes, captured whole, on %s',
  target => {
    const project = path.join(FIXTURES, 'whole-link-ext')
    const MODULES = ['wholeext._bundled', 'wholeext._clib', 'wholeext._thin', 'wholeext.sub._ffi']

    it(
      'builds in extra_objects, a build_clib library, a thin --whole-archive group and a limited-API module linked elsewhere',
      () => {
        const { run, outDir } = build(target, project)
        const binary = expectBuilt(run)
        const { report, module } = readReport(outDir, 'wholeext')
        expect(report.verdict).toBe('all-builtin')
        expect(MODULES.map(name => [name, module(name)?.status])).toEqual(MODULES.map(name => [name, 'builtin']))
        // Linked by the package's own $CC call: captured by the compiler wrapper, named by the installed file.
        expect(module('wholeext.sub._ffi')?.capture).toBe('compiler-wrapper')
        expect(module('_ffi')).toBeUndefined()
        const check = runBinary(binary, [
          '-c',
          `import importlib, sys\nfor name in ${JSON.stringify(MODULES)}:\n    print(name, importlib.import_module(name).value(), name in sys.builtin_module_names)`
        ])
        // 12: libbundled.a and extra.o; 5: build_clib's library; 34: both members of the thin archive; 42: abi3
        expect(check.stdout.trim().split('\n')).toEqual([
          'wholeext._bundled 12 True',
          'wholeext._clib 5 True',
          'wholeext._thin 34 True',
          'wholeext.sub._ffi 42 True'
        ])
      },
      LONG
    )
  }
)
