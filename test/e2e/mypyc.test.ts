import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * mypyc puts the compiled code of a group of modules in one extension module, the group
 * library, and makes each compiled module a shim whose init imports the group and calls
 * the init the group exports for it through a capsule. Two groups, from source: the
 * fixture app's own two modules (a group named by a hash, a top-level module) and
 * charset-normalizer 3.4.4's charset_normalizer.md (a group of one, inside the package;
 * compiled by mypyc with the switch pyseal sets: src/packages/accelerators.ts). Every
 * group and shim is a built-in on gnu and musl: each shim's import finds its group among
 * the built-ins, and the app runs compiled code.
 */
const HOUR = 60 * 60 * 1000
const APP_GROUP = /^[0-9a-f]{20}__mypyc$/
const BUILTINS_IN_PACKAGES = [
  'charset_normalizer.md',
  'charset_normalizer.md__mypyc',
  'mypyc_app.tally',
  'mypyc_app.words'
]

interface MypycAppOutput {
  app: Record<string, unknown>
  builtins: string[]
  groups: string[]
  detected: Record<string, { encoding: string; text_round_trips: boolean }>
  md: Record<string, unknown>
  version: string
}

describe.each(TEST_TARGETS.filter(t => t.startsWith('x86_64-')))('mypyc-compiled modules for %s', target => {
  const outDir = tempDir('mypyc')
  const fixture = path.join(FIXTURES, 'mypyc-app')
  let binary = ''

  beforeAll(() => {
    binary = expectBuilt(
      pyseal([
        'build',
        '--target',
        target,
        '--project',
        fixture,
        '--requirements',
        path.join(fixture, 'requirements.txt'),
        '--out-dir',
        outDir
      ])
    )
  }, HOUR)

  it('builds every group library and every module it serves in', () => {
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
    expect(report.verdict).toBe('all-builtin')
    const fromPackages = report.modules.filter(m => m.origin === 'package')
    const appGroup = fromPackages.find(m => APP_GROUP.test(m.module))?.module ?? '<hash>__mypyc'
    const rows = fromPackages.map(m => [m.module, m.package, m.status, m.initFunction])
    expect(rows.sort()).toEqual(
      [
        [appGroup, 'mypyc_app', 'builtin', `PyInit_${appGroup}`],
        ['charset_normalizer.md', 'charset_normalizer', 'builtin', 'PyInit_md'],
        ['charset_normalizer.md__mypyc', 'charset_normalizer', 'builtin', 'PyInit_md__mypyc'],
        ['mypyc_app.tally', 'mypyc_app', 'builtin', 'PyInit_tally'],
        ['mypyc_app.words', 'mypyc_app', 'builtin', 'PyInit_words']
      ].sort()
    )
    expect(report.executable?.sideFiles).toEqual([])
  })

  it('runs compiled code of both groups: counts words, detects encodings', () => {
    const run = runBinary(binary, [])
    if (run.status !== 0) throw new Error(`mypyc-app exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
    const out = JSON.parse(run.stdout) as MypycAppOutput
    const appGroup = out.groups.find(g => APP_GROUP.test(g)) ?? '<hash>__mypyc'
    expect(out).toEqual({
      // Interpreted, the app's function and method are Python functions and a Tally has a __dict__.
      app: {
        top: [
          ['the', 3],
          ['and', 1]
        ],
        spec_origins: ['built-in', 'built-in'],
        function_type: 'builtin_function_or_method',
        method_type: 'method_descriptor',
        instance_has_dict: false
      },
      builtins: BUILTINS_IN_PACKAGES,
      groups: [appGroup, 'charset_normalizer.md__mypyc'].sort(),
      detected: {
        cp1251: { encoding: 'cp1251', text_round_trips: true },
        utf_8: { encoding: 'utf_8', text_round_trips: true }
      },
      // Interpreted, md's functions are Python functions ('function', false, 'function').
      md: {
        spec_origin: 'built-in',
        function_type: 'builtin_function_or_method',
        function_is_builtin: true,
        method_type: 'method_descriptor',
        ratio_of_plain_text: 0,
        ratio_of_mojibake_is_high: true
      },
      version: '3.4.4'
    })
  })
})
