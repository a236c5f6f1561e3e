import { defaultCacheDir } from '../../src/cache/paths'
import { resolvePortablePath } from '../../src/report/portable'
import { DEFAULT_PYTHON_VERSION } from '../../src/inputs/options/value-schemas'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Report, ReportModule } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/** Extension files' ABI part on the default CPython, as its EXT_SUFFIX names it. */
const ABI_SUFFIX = `cpython-${DEFAULT_PYTHON_VERSION.replace('.', '')}-x86_64`

/**
 * The extension-module policy with real builds on glibc: what cannot be built in
 * is loaded from memory (the default) or ships as a shared-library file beside the
 * binary (filesystem-relative:lib) and really imports from there, or is left out
 * (static flavor, exclude-packages); link-extra builds in what pip could not
 * capture; a library with a static archive links in, one without makes its module
 * a file (test/e2e/in-memory.test.ts: loaded from memory with its libraries).
 */
const TRIPLE = 'x86_64-unknown-linux-gnu'
const MUSL = 'x86_64-unknown-linux-musl'
const LONG = 30 * 60 * 1000

function build(project: string, extra: string[] = []): { run: ReturnType<typeof pyseal>; outDir: string } {
  const outDir = tempDir('policy-out')
  const run = pyseal([
    'build',
    '--target',
    TRIPLE,
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

function entry(outDir: string, name: string, module: string): { report: Report; module: ReportModule | undefined } {
  const report = JSON.parse(readFileSync(path.join(outDir, `${name}.report.json`), 'utf8')) as Report
  return { report, module: report.modules.find(m => m.module === module) }
}

function readDistributionJson(root: string): { python_paths: { include: string } } {
  return JSON.parse(readFileSync(path.join(root, 'PYTHON.json'), 'utf8')) as { python_paths: { include: string } }
}

function copyFixture(name: string): string {
  const dir = path.join(tempDir('policy-project'), name)
  cpSync(path.join(FIXTURES, name), dir, { recursive: true })
  return dir
}

describe('an extension pyseal cannot capture (built by a direct compiler call)', () => {
  const project = path.join(FIXTURES, 'raw-ext')

  it(
    'ships as a file in lib/ with filesystem-relative:lib, and imports from there',
    () => {
      const { run, outDir } = build(project, ['--extension-location', 'filesystem-relative:lib'])
      const binary = expectBuilt(run)
      const { report, module } = entry(outDir, 'rawext', 'rawext._raw')
      expect(module?.status).toBe('standalone')
      expect(module?.reasons.map(r => r.code)).toEqual(['NO_OBJECT_FILES'])
      expect(module?.location).toBe('filesystem-relative:lib')
      expect(module?.file).toBe(`lib/rawext/_raw.${ABI_SUFFIX}-linux-gnu.so`)
      expect(report.verdict).toBe('fallback')
      expect(report.executable?.sideFiles).toEqual([module?.file])
      expect(run.stdout).toContain(`the binary needs lib/rawext/_raw.${ABI_SUFFIX}-linux-gnu.so beside it`)
      const check = runBinary(binary, ['-c', 'import rawext._raw as r\nprint(r.shout("hi"), r.__file__)'])
      expect(check.stdout.trim()).toBe(`hi! ${path.join(outDir, module?.file ?? '')}`)
    },
    LONG
  )

  it('is left out with the static flavor: the build fails once binary and report are written, and the import says why', () => {
    const { run, outDir } = build(project, ['--flavor', 'static'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /1 third-party extension module was left out of the binary: rawext\._raw \(rawext: NO_OBJECT_FILES, STATIC_FLAVOR_BUILTIN_ONLY\).* or accept this with --fail-on never/
    )
    const { report, module } = entry(outDir, 'rawext', 'rawext._raw')
    expect(module?.status).toBe('excluded')
    expect(module?.reasons.map(r => r.code)).toEqual(['NO_OBJECT_FILES', 'STATIC_FLAVOR_BUILTIN_ONLY'])
    expect(report.flavor).toBe('static')
    expect(report.status).toBe('ok')
    expect(existsSync(path.join(outDir, 'lib'))).toBe(false)
    const check = runBinary(path.join(outDir, 'rawext'), [
      '-c',
      'try:\n    import rawext._raw\nexcept ImportError as e:\n    print(type(e).__name__, e.name)\n    print(e)'
    ])
    const [kind, message] = check.stdout.trim().split('\n')
    expect(kind).toBe('ModuleNotFoundError rawext._raw')
    expect(message).toMatch(
      /^rawext\._raw is not in this executable: pyseal left it out \(NO_OBJECT_FILES: .*; STATIC_FLAVOR_BUILTIN_ONLY: /
    )
    expect(message).toContain(
      'use --flavor dynamic to keep it as a shared library, loaded from memory or beside the binary'
    )
  })

  it('is loaded from memory by default on Linux gnu: one file, the module at its path inside the binary', () => {
    const { run, outDir } = build(project)
    const binary = expectBuilt(run)
    const { report, module } = entry(outDir, 'rawext', 'rawext._raw')
    expect(module?.status).toBe('standalone')
    expect(module?.location).toBe('in-memory')
    expect(module?.reasons.map(r => r.code)).toEqual(['NO_OBJECT_FILES', 'LOADED_FROM_MEMORY'])
    expect(module?.file).toBeNull()
    expect(report.executable?.sideFiles).toEqual([])
    expect(existsSync(path.join(outDir, 'lib'))).toBe(false)
    const check = runBinary(binary, ['-c', 'import rawext._raw as r; print(r.shout("ok"), r.__file__)'])
    expect(check.stdout.trim()).toBe(`ok! ${path.join(binary, `rawext/_raw.${ABI_SUFFIX}-linux-gnu.so`)}`)
  })

  ;(TEST_TARGETS.includes(MUSL) ? it : it.skip)(
    'is left out of a static musl binary, which cannot load it (accepted with --fail-on never), and the import says why',
    () => {
      const outDir = tempDir('policy-musl')
      const run = pyseal([
        'build',
        '--target',
        MUSL,
        '--project',
        project,
        '--entry-point',
        'none',
        '--fail-on',
        'never',
        '--out-dir',
        outDir
      ])
      const binary = expectBuilt(run)
      const { report, module } = entry(outDir, 'rawext', 'rawext._raw')
      expect(module?.status).toBe('excluded')
      expect(module?.reasons.map(r => r.code)).toEqual(['NO_OBJECT_FILES', 'MUSL_BUILTIN_ONLY'])
      expect(report.flavor).toBe('static')
      expect(report.executable?.linkage).toEqual({ kind: 'static' })
      const check = runBinary(binary, [
        '-c',
        'try:\n    import rawext._raw\nexcept ImportError as e:\n    print("ImportError", e.name, e)'
      ])
      expect(check.stdout.trim()).toMatch(
        /^ImportError rawext\._raw rawext\._raw is not in this executable: pyseal left it out \(NO_OBJECT_FILES: .*; MUSL_BUILTIN_ONLY: .*\)\. To change that: declare its objects with --link-extra rawext\._raw=OBJECTS/
      )
    },
    LONG
  )

  it('is left out when its package is excluded', () => {
    const { run, outDir } = build(project, ['--exclude-packages', 'rawext'])
    expectBuilt(run)
    const { module } = entry(outDir, 'rawext', 'rawext._raw')
    expect(module?.status).toBe('excluded')
    expect(module?.reasons.map(r => r.code)).toEqual(['EXCLUDED_BY_POLICY'])
  })

  it('is built in from objects the user compiled, declared with link-extra', () => {
    const objects = tempDir('policy-objects')
    // Compiled against the headers of the CPython the binary links (the default one).
    const excluded = build(project, ['--exclude-packages', 'rawext'])
    const root = resolvePortablePath(entry(excluded.outDir, 'rawext', 'rawext._raw').report.python?.root ?? '', {
      cacheDir: defaultCacheDir(),
      project,
      outDir: excluded.outDir
    })
    const include = path.join(root, readDistributionJson(root).python_paths.include)
    const object = path.join(objects, '_raw.o')
    execFileSync('gcc', ['-c', '-fPIC', '-O2', `-I${include}`, path.join(project, 'rawext', '_raw.c'), '-o', object])
    const { run, outDir } = build(project, ['--link-extra', `rawext._raw=${object}`])
    const binary = expectBuilt(run)
    const { report, module } = entry(outDir, 'rawext', 'rawext._raw')
    expect(module?.status).toBe('builtin')
    expect(module?.reasons.map(r => r.code)).toEqual(['LINKED_FROM_LINK_EXTRA', 'SYMBOLS_LOCALIZED'])
    expect(report.verdict).toBe('all-builtin')
    const check = runBinary(binary, [
      '-c',
      'import sys, rawext._raw as r\nprint(r.shout("in"), "rawext._raw" in sys.builtin_module_names)'
    ])
    expect(check.stdout.trim()).toBe('in! True')
  })
})

describe('an extra static library given with link-extra', () => {
  it(
    'links into the binary and resolves what the extension left undefined; without it the module is loaded from memory, LINK_FAILED naming the symbol',
    () => {
      const dir = tempDir('policy-extra')
      const source = path.join(dir, 'extra.c')
      writeFileSync(source, 'int pyseal_extra_value(void) { return 7; }\n')
      execFileSync('gcc', ['-c', '-O2', source, '-o', path.join(dir, 'extra.o')])
      execFileSync('ar', ['rcs', path.join(dir, 'libpysealextra.a'), path.join(dir, 'extra.o')])
      const project = path.join(FIXTURES, 'extra-lib-ext')

      const withLibrary = build(project, ['--link-extra', path.join(dir, 'libpysealextra.a')])
      const binary = expectBuilt(withLibrary.run)
      expect(entry(withLibrary.outDir, 'extralib', 'extralib._uses').module?.status).toBe('builtin')
      const check = runBinary(binary, [
        '-c',
        'import sys, extralib._uses as u\nprint(u.value(), "extralib._uses" in sys.builtin_module_names)'
      ])
      expect(check.stdout.trim()).toBe('7 True')

      const without = build(project)
      const fallback = expectBuilt(without.run)
      const uses = entry(without.outDir, 'extralib', 'extralib._uses').module
      expect(uses?.status).toBe('standalone')
      expect(uses?.reasons.map(r => r.code)).toEqual(['LINK_FAILED', 'LOADED_FROM_MEMORY'])
      expect(uses?.reasons[0].message).toMatch(/^its captured objects leave pyseal_extra_value undefined/)
      expect(uses?.reasons[0].hint).toMatch(/--link-extra LIB\.a/)
      // Its shared library is what it is: it still needs the symbol when it loads from memory.
      const load = runBinary(fallback, ['-c', 'import extralib._uses'])
      expect(load.stderr).toMatch(/undefined symbol: pyseal_extra_value/)
    },
    LONG
  )
})

describe('a package kept as shared libraries by standalone-packages', () => {
  it(
    'keeps its captured extension a shared library anyway (loaded from memory), and imports it',
    () => {
      const { run, outDir } = build(path.join(FIXTURES, 'optional-ext'), ['--standalone-packages', 'optext'])
      const binary = expectBuilt(run)
      const { module } = entry(outDir, 'optext', 'optext._accel')
      expect(module?.status).toBe('standalone')
      expect(module?.reasons.map(r => r.code)).toEqual(['STANDALONE_BY_POLICY', 'LOADED_FROM_MEMORY'])
      const check = runBinary(binary, [
        '-c',
        'import sys, optext\nprint(optext.IMPLEMENTATION, "optext._accel" in sys.builtin_module_names)'
      ])
      expect(check.stdout.trim()).toBe('C False')
    },
    LONG
  )
})

describe('an extension that needs a library of its own', () => {
  /**
   * libpysealdemo with a static archive when asked; else as a shared library only, which
   * needs one of its own (libpysealinner, found through its RUNPATH $ORIGIN/inner), as
   * a system's libfreetype needs libpng: bundling must follow it.
   */
  function libraryDir(withArchive: boolean): string {
    const dir = tempDir('policy-lib')
    const source = path.join(dir, 'demo.c')
    if (withArchive) {
      writeFileSync(source, 'int pyseal_demo_answer(void) { return 42; }\n')
      execFileSync('gcc', ['-shared', '-fPIC', source, '-o', path.join(dir, 'libpysealdemo.so')])
      execFileSync('gcc', ['-c', '-fPIC', source, '-o', path.join(dir, 'demo.o')])
      execFileSync('ar', ['rcs', path.join(dir, 'libpysealdemo.a'), path.join(dir, 'demo.o')])
      return dir
    }
    mkdirSync(path.join(dir, 'inner'))
    writeFileSync(path.join(dir, 'inner.c'), 'int pyseal_demo_inner(void) { return 40; }\n')
    execFileSync('gcc', ['-shared', '-fPIC', 'inner.c', '-o', 'inner/libpysealinner.so'], { cwd: dir })
    writeFileSync(
      source,
      'int pyseal_demo_inner(void);\nint pyseal_demo_answer(void) { return pyseal_demo_inner() + 2; }\n'
    )
    execFileSync(
      'gcc',
      ['-shared', '-fPIC', 'demo.c', '-o', 'libpysealdemo.so', '-Linner', '-lpysealinner', '-Wl,-rpath,$ORIGIN/inner'],
      { cwd: dir }
    )
    return dir
  }

  it(
    'links the static archive when there is one',
    () => {
      const project = copyFixture('libdep-ext')
      writeFileSync(path.join(project, 'libdir.txt'), libraryDir(true))
      const { run, outDir } = build(project)
      const binary = expectBuilt(run)
      const { module } = entry(outDir, 'libdep', 'libdep._answer')
      expect(module?.status).toBe('builtin')
      expect(module?.reasons.map(r => r.code)).toContain('LIBRARY_LINKED_STATIC')
      expect(module?.libraries).toEqual([
        { name: 'pysealdemo', kind: 'static', path: expect.stringMatching(/libpysealdemo\.a$/) }
      ])
      expect(runBinary(binary, ['-c', 'import libdep._answer as a; print(a.answer())']).stdout.trim()).toBe('42')
    },
    LONG
  )

  it(
    'ships the module as a file when the library has no static archive (dynamic flavor), and fails it with the static flavor',
    () => {
      const project = copyFixture('libdep-ext')
      const libdir = libraryDir(false)
      writeFileSync(path.join(project, 'libdir.txt'), libdir)
      const dynamic = build(project, ['--extension-location', 'filesystem-relative:lib'])
      const binary = expectBuilt(dynamic.run)
      const { report, module } = entry(dynamic.outDir, 'libdep', 'libdep._answer')
      expect(module?.status).toBe('standalone')
      expect(module?.reasons.map(r => r.code)).toEqual(['LIBRARY_MISSING', 'LIBRARY_BUNDLED', 'LIBRARY_BUNDLED'])
      expect(module?.reasons[2].message).toMatch(/^libpysealinner\.so \(from .*\/inner, needed by libpysealdemo\.so\)/)
      expect(module?.libraries[0]).toMatchObject({ name: 'pysealdemo', kind: 'missing' })
      expect(report.executable?.sideFiles).toEqual([
        `lib/libdep/_answer.${ABI_SUFFIX}-linux-gnu.so`,
        'lib/libpysealdemo.so',
        'lib/libpysealinner.so'
      ])
      // Both libraries were bundled beside it: the folder works without the originals.
      rmSync(libdir, { recursive: true })
      expect(runBinary(binary, ['-c', 'import libdep._answer as a; print(a.answer())']).stdout.trim()).toBe('42')

      const strict = build(project, ['--flavor', 'static'])
      expect(strict.run.code).toBe(1)
      expect(strict.run.stderr).toMatch(/libdep\._answer \(libdep\): needs libpysealdemo, which has no static archive/)
      const failed = entry(strict.outDir, 'libdep', 'libdep._answer')
      expect(failed.module?.status).toBe('failed')
      // No binary: no module is said to be built in.
      expect(failed.report.modules.filter(m => m.status === 'builtin')).toEqual([])
      expect(failed.report.modules.find(m => m.module === 'math')?.reasons.map(r => r.code)).toEqual([
        'STDLIB_BUILTIN',
        'NO_BINARY'
      ])
    },
    LONG
  )
})
