import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { diffReports, isRegression, renderDiff } from '../../src/report/diff'
import { renderMatrix, renderReport } from '../../src/report/markdown'
import { verdictOf } from '../../src/report/report'
import type { Report, ReportModule } from '../../src/report/schema'
import { sampleReport } from './sample'

const EXPECTED = path.join(__dirname, 'expected')

/** Compares with test/report/expected/NAME; PYSEAL_UPDATE_EXPECTED=1 rewrites the file instead. */
function expectFile(name: string, actual: string): void {
  const file = path.join(EXPECTED, name)
  if (process.env.PYSEAL_UPDATE_EXPECTED === '1') writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

function module(name: string, status: ReportModule['status'], extra: Partial<ReportModule> = {}): ReportModule {
  return {
    module: name,
    origin: 'package',
    package: name.split('.')[0],
    version: null,
    status,
    reasons: [],
    file: null,
    location: status === 'builtin' ? 'builtin' : null,
    capture: 'setuptools._distutils',
    language: 'c',
    initFunction: `PyInit_${name.split('.').pop()}`,
    libraries: [],
    ...extra
  }
}

function gnuReport(): Report {
  const modules = [
    module('markupsafe._speedups', 'builtin', {
      version: '3.0.2',
      reasons: [
        { code: 'BUILTIN', message: 'objects captured through setuptools._distutils' },
        { code: 'SYMBOLS_LOCALIZED', message: 'every symbol but PyInit__speedups made private' }
      ]
    }),
    module('rusty._native', 'excluded', {
      capture: null,
      reasons: [
        {
          code: 'NO_OBJECT_FILES',
          message: 'rusty/_native.so was built without passing through the compiler pyseal watches',
          hint: 'build it with setuptools or meson, or pass its objects through link-extra'
        }
      ]
    }),
    module('needs.lib', 'failed', {
      libraries: [{ name: 'foo', kind: 'missing', searched: ['/usr/lib/x86_64-linux-gnu'] }],
      reasons: [{ code: 'LIBRARY_MISSING', message: 'needs libfoo, which has no static archive | anywhere' }]
    }),
    module('_ctypes_test', 'standalone', {
      origin: 'stdlib',
      package: null,
      capture: null,
      file: 'lib/_ctypes_test.cpython-311-x86_64-linux-gnu.so',
      reasons: [
        { code: 'STANDALONE_SHARED_LIBRARY', message: 'shipped as lib/_ctypes_test.cpython-311-x86_64-linux-gnu.so' }
      ]
    }),
    module('zlib', 'builtin', {
      origin: 'stdlib',
      package: null,
      capture: null,
      reasons: [{ code: 'STDLIB_BUILTIN', message: 'built into the distribution' }]
    }),
    module('_tkinter', 'excluded', {
      origin: 'stdlib',
      package: null,
      capture: null,
      reasons: [{ code: 'STDLIB_NOT_BUILT', message: 'Tcl/Tk is not linked statically by pyseal' }]
    })
  ]
  const report = sampleReport({
    name: 'wordfreq',
    modules,
    summary: { builtin: 2, standalone: 1, excluded: 2, failed: 1 },
    executable: {
      path: 'pyseal-out/wordfreq',
      bytes: 23_456_789,
      sha256: 'c'.repeat(64),
      linkage: { kind: 'dynamic', needed: ['libm.so.6', 'libc.so.6'] },
      sideFiles: ['lib/_ctypes_test.cpython-311-x86_64-linux-gnu.so']
    }
  })
  return { ...report, verdict: verdictOf(report) }
}

function muslReport(): Report {
  const report = sampleReport({
    name: 'wordfreq',
    target: 'x86_64-unknown-linux-musl',
    modules: [
      module('markupsafe._speedups', 'builtin', { reasons: [{ code: 'BUILTIN', message: 'objects captured' }] }),
      module('needs.lib', 'builtin', {
        reasons: [{ code: 'LIBRARY_LINKED_STATIC', message: 'libfoo linked from /x/libfoo.a' }]
      })
    ],
    summary: { builtin: 2, standalone: 0, excluded: 0, failed: 0 },
    executable: {
      path: 'pyseal-out/wordfreq',
      bytes: 30_000_000,
      sha256: 'd'.repeat(64),
      linkage: { kind: 'static' },
      sideFiles: []
    }
  })
  return { ...report, verdict: verdictOf(report) }
}

describe('Markdown rendering of reports', () => {
  it('renders one report: verdict, binary, one line per module with problems first, the stdlib folded', () => {
    expectFile('one-report.md', renderReport(gnuReport()))
  })

  it('says a module loaded from memory is loaded from memory, not beside the binary', () => {
    const report = gnuReport()
    report.modules.push(
      module('libdep._answer', 'standalone', {
        location: 'in-memory',
        reasons: [{ code: 'LOADED_FROM_MEMORY', message: 'embedded in the executable and loaded from memory' }]
      })
    )
    report.summary.standalone += 1
    const markdown = renderReport(report)
    expect(markdown).toContain('2 built in, 1 beside the binary, 1 loaded from memory, 2 left out, 1 failed')
    expect(markdown).toMatch(/^\| `libdep\._answer` \| libdep \| loaded from memory \| LOADED_FROM_MEMORY/m)
    expect(renderReport(gnuReport())).toContain('2 built in, 1 beside the binary, 2 left out, 1 failed')
  })

  it('renders a failed build with its error', () => {
    const failed = sampleReport({
      status: 'failed',
      verdict: 'failed',
      executable: null,
      error: 'Building foo failed.\nexit 1'
    })
    expectFile('failed-report.md', renderReport(failed))
  })

  it('renders several reports as a targets × modules matrix', () => {
    expectFile('matrix.md', renderMatrix([gnuReport(), muslReport()]))
  })

  it('diffs two reports: new failures, changes and fixes, and says whether it regressed', () => {
    const diff = diffReports(muslReport(), { ...gnuReport(), target: 'x86_64-unknown-linux-musl' })
    expect(diff.changes.map(c => [c.module, c.kind])).toEqual([
      ['needs.lib', 'new-failure'],
      ['_ctypes_test', 'changed'],
      ['_tkinter', 'changed'],
      ['rusty._native', 'changed'],
      ['zlib', 'fixed']
    ])
    expect(isRegression(diff)).toBe(true)
    expect(isRegression(diffReports(gnuReport(), gnuReport()))).toBe(false)
    expectFile('diff.md', renderDiff(diff))
  })

  it('says what the binary needs of the system from executable.requires: the newest glibc and C++ versions, or nothing', () => {
    const report = sampleReport()
    const binaryLine = (requires: NonNullable<Report['executable']>['requires']): string => {
      if (report.executable) report.executable.requires = requires
      return renderReport(report).split('\n')[2]
    }
    const files = [{ file: 'app', needs: [{ version: 'GLIBC_2.35', symbol: 'hypot' }] }]
    expect(binaryLine({ glibc: '2.35', glibcxx: null, cxxabi: null, files })).toMatch(
      /^binary `app` \(0\.0 MB, needs libm\.so\.6, libc\.so\.6; glibc 2\.35 or newer\) · /
    )
    expect(binaryLine({ glibc: '2.17', glibcxx: '3.4.29', cxxabi: '1.3.13', files })).toMatch(
      /; glibc 2\.17, GLIBCXX_3\.4\.29, CXXABI_1\.3\.13 or newer\) · /
    )
    expect(binaryLine({ glibc: null, glibcxx: null, cxxabi: null, files: [] })).toMatch(/libc\.so\.6\) · /)
    expect(binaryLine(null)).toMatch(/libc\.so\.6\) · /)
  })
})
