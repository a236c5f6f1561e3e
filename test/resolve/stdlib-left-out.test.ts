import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Distribution } from '../../src/distribution/python-json'
import { renderAppHeader } from '../../src/link/app-header'
import { emptyPlan, excluded } from '../../src/resolve/module-plan'
import { stdlibSection } from '../../src/resolve/stdlib-imports'
import { renderReport } from '../../src/report/markdown'
import { sampleReport } from '../report/sample'

/** A stdlib directory laid out as CPython installs it, with what is not a module beside the modules. */
function distribution(): Distribution {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pyseal-stdlib-left-out-'))
  const stdlib = path.join(root, 'install', 'lib', 'python3.14')
  for (const dir of [
    'json',
    'email',
    'sqlite3',
    'tkinter',
    'site-packages',
    'lib-dynload',
    '__pycache__',
    'config-3.14-x86_64-linux-gnu',
    '__phello__'
  ]) {
    mkdirSync(path.join(stdlib, dir), { recursive: true })
  }
  for (const file of [
    'os.py',
    'csv.py',
    'tomllib.py',
    '_sysconfigdata__linux_x86_64-linux-gnu.py',
    'LICENSE.txt',
    'not-a-module.py'
  ]) {
    writeFileSync(path.join(stdlib, file), '')
  }
  return { root, json: { python_paths: { stdlib: 'install/lib/python3.14' } } } as unknown as Distribution
}

describe('the stdlib modules --stdlib imported leaves out', () => {
  const imports = {
    modules: new Set(['json', 'json.decoder', 'os', '_json']),
    topLevel: ['encodings', 'json', 'os.py']
  }
  const plans = [
    excluded(emptyPlan('_sqlite3', 'stdlib', null), { code: 'STDLIB_NOT_IMPORTED', message: 'no import of it' }),
    excluded(emptyPlan('_tkinter', 'stdlib', null), { code: 'STDLIB_NOT_IMPORTED', message: 'no import of it' }),
    emptyPlan('_json', 'stdlib', null),
    excluded(emptyPlan('pkg._native', 'package', 'pkg'), { code: 'LINK_FAILED', message: 'a test' })
  ]

  it('are the stdlib directory modules and extension modules not kept, less what stdlib-exclude leaves out anyway', () => {
    const section = stdlibSection(
      { stdlib: 'imported', stdlibExclude: ['test', 'tkinter'] },
      distribution(),
      imports,
      plans
    )
    // _tkinter is an extension module of its own: stdlib-exclude names the package only.
    expect(section).toEqual({
      choice: 'imported',
      leftOut: ['_sqlite3', '_tkinter', 'csv', 'email', 'sqlite3', 'tomllib']
    })
  })

  it('are none with the whole stdlib', () => {
    expect(stdlibSection({ stdlib: 'all', stdlibExclude: [] }, distribution(), null, plans)).toEqual({
      choice: 'all',
      leftOut: []
    })
  })

  it('reach the launcher as one string of names, and the Markdown report as a count and a list', () => {
    const bare = { json: { build_info: { extensions: {} } } } as unknown as Distribution
    const header = renderAppHeader({
      distribution: bare,
      plans: [],
      entryPoint: 'app:main',
      optimize: 0,
      sideDirectory: null,
      stdlibLeftOut: ['csv', 'sqlite3']
    })
    expect(header).toContain('#define PYSEAL_STDLIB_LEFT_OUT "csv sqlite3"')
    expect(
      renderAppHeader({ distribution: bare, plans: [], entryPoint: null, optimize: 0, sideDirectory: null })
    ).not.toContain('PYSEAL_STDLIB_LEFT_OUT')
    const report = sampleReport()
    report.modules.push({ ...report.modules[0], module: '_json', origin: 'stdlib', package: null, version: null })
    report.stdlib = { choice: 'imported', leftOut: ['csv', 'sqlite3'] }
    const markdown = renderReport(report)
    expect(markdown).toContain(
      'stdlib: what the app imports (2 top-level modules left out; `--stdlib-include NAME` keeps one)'
    )
    expect(markdown).toContain('- not imported, left out: csv, sqlite3')
  })
})
