import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readDynamicSection } from '../../src/link/elf-dynamic'
import { renderAppHeader } from '../../src/link/app-header'
import { dependenciesFirst, libraryClosure } from '../../src/resolve/library-closure'
import { MEMORY_LIBRARIES, memoryImageFiles, planMemoryImages } from '../../src/resolve/memory-images'
import { emptyPlan, type ModulePlan } from '../../src/resolve/module-plan'
import { findTarget } from '../../src/targets/table'
import type { Distribution } from '../../src/distribution/python-json'

/**
 * Real shared libraries, built here with gcc: a module needing libtop and libbase, libtop
 * needing libbase too. A breadth-first walk finds libtop first; loading it first would
 * make the system's loader look for libbase on disk, so the order must put libbase first.
 * libbase has no SONAME, libtop the right one.
 */
function libraries(): { dir: string; module: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-memory-images-'))
  const gcc = (args: string[]): void => void execFileSync('gcc', args, { cwd: dir })
  writeFileSync(path.join(dir, 'base.c'), 'int base(void) { return 40; }\n')
  gcc(['-shared', '-fPIC', 'base.c', '-o', 'libbase.so'])
  writeFileSync(path.join(dir, 'top.c'), 'int base(void);\nint top(void) { return base() + 2; }\n')
  gcc(['-shared', '-fPIC', 'top.c', '-o', 'libtop.so.1', '-Wl,-soname,libtop.so.1', '-L.', '-lbase'])
  writeFileSync(
    path.join(dir, 'mod.c'),
    'int top(void);\nint base(void);\nint PyInit__mod(void) { return top() + base(); }\n'
  )
  gcc(['-shared', '-fPIC', 'mod.c', '-o', '_mod.so', '-L.', '-l:libtop.so.1', '-lbase', '-Wl,-rpath,$ORIGIN'])
  return { dir, module: path.join(dir, '_mod.so') }
}

describe('the libraries a module loaded from memory brings', () => {
  const target = findTarget('linux-x64')

  it('are found through its RUNPATH and ordered dependencies first', async () => {
    const { module } = libraries()
    const closure = await libraryClosure(module, { target, searchDirs: [] })
    expect(closure.found.map(l => l.soname)).toEqual(['libtop.so.1', 'libbase.so'])
    expect(closure.found[0].needs).toEqual(['libbase.so'])
    expect(dependenciesFirst(closure.found).map(l => l.soname)).toEqual(['libbase.so', 'libtop.so.1'])
  })

  it('are embedded with the SONAME the module needs them by, and named in the launcher header', async () => {
    const { dir, module } = libraries()
    const workDir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-memory-work-'))
    const plan: ModulePlan = {
      ...emptyPlan('pkg._mod', 'package', 'pkg'),
      status: 'standalone',
      location: 'in-memory',
      standaloneFile: { source: module, relative: 'pkg/_mod.so' }
    }
    const builtin = emptyPlan('pkg._fast', 'package', 'pkg')
    await planMemoryImages([plan, builtin], { target, searchDirs: [], workDir })
    expect(builtin.memoryImage).toBeNull()
    const base = path.join(workDir, 'memory-libraries', 'libbase.so')
    expect(plan.memoryImage).toEqual({
      member: 'pkg/_mod.so',
      libraries: [
        { source: base, member: `${MEMORY_LIBRARIES}/libbase.so` },
        { source: path.join(dir, 'libtop.so.1'), member: `${MEMORY_LIBRARIES}/libtop.so.1` }
      ]
    })
    expect((await readDynamicSection(base)).soname).toBe('libbase.so')
    expect((await readDynamicSection(path.join(dir, 'libbase.so'))).soname).toBeNull()
    expect(plan.reasons.map(r => r.code)).toEqual(['LIBRARY_BUNDLED', 'LIBRARY_BUNDLED'])
    // The module needs libbase itself (the breadth-first walk found it there first).
    expect(plan.reasons[0].message).toMatch(
      /^libbase\.so \(from [^,]*\) embedded in the executable as __pyseal__\/libraries\/libbase\.so, loaded from memory/
    )
    expect(memoryImageFiles([plan, builtin]).map(f => f.member)).toEqual([
      'pkg/_mod.so',
      `${MEMORY_LIBRARIES}/libbase.so`,
      `${MEMORY_LIBRARIES}/libtop.so.1`
    ])

    const distribution = { json: { build_info: { extensions: {} } } } as unknown as Distribution
    const header = renderAppHeader({ distribution, plans: [plan], entryPoint: null, optimize: 0, sideDirectory: 'lib' })
    expect(header).toContain(
      '#define PYSEAL_MEMORY_MODULES "{\\"pkg._mod\\":[\\"pkg/_mod.so\\",[\\"__pyseal__/libraries/libbase.so\\",\\"__pyseal__/libraries/libtop.so.1\\"]]}"'
    )
    // Nothing beside the binary: no side directory, no standalone-file table.
    expect(header).not.toContain('PYSEAL_SIDE_DIR')
    expect(header).not.toContain('PYSEAL_STANDALONE_MODULES')
  })
})
