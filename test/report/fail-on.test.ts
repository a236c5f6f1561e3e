import { failureOf } from '../../src/report/fail-on'
import type { Report } from '../../src/report/schema'
import { sampleReport } from './sample'

/** The sample report's binary with a shipped library, needing what the e2e build's files need on Debian 12. */
function reportNeeding(requires: NonNullable<Report['executable']>['requires']): Report {
  const report = sampleReport()
  if (report.executable) report.executable.requires = requires
  return report
}

const NEEDS_235 = reportNeeding({
  glibc: '2.35',
  glibcxx: null,
  cxxabi: null,
  files: [
    { file: 'app', needs: [{ version: 'GLIBC_2.35', symbol: 'hypot' }] },
    { file: 'lib/newerglibc/_random.so', needs: [{ version: 'GLIBC_2.25', symbol: 'getrandom' }] },
    { file: 'lib/plain.so', needs: [{ version: 'GLIBC_2.2.5', symbol: '__cxa_finalize' }] }
  ]
})

describe('fail-on and the glibc floor', () => {
  it('fails a build whose files need a newer glibc than the floor, naming each with its version and a symbol', () => {
    expect(failureOf(NEEDS_235, { failOn: 'error', glibc: '2.17' })).toBe(
      '--glibc 2.17: app needs GLIBC_2.35 for hypot, lib/newerglibc/_random.so needs GLIBC_2.25 for getrandom, ' +
        'newer than the floor. Raise --glibc to 2.35, or give --glibc host to build without a floor. ' +
        'The binary and report were written; see app.report.json.'
    )
    expect(failureOf(NEEDS_235, { failOn: 'fallback', glibc: '2.28' })).toMatch(
      /^--glibc 2\.28: app needs GLIBC_2\.35 for hypot, newer than the floor\. Raise --glibc to 2\.35/
    )
  })

  it('passes a floor at or above what the files need, host, a static binary, and fail-on never', () => {
    expect(failureOf(NEEDS_235, { failOn: 'error', glibc: '2.35' })).toBeNull()
    expect(failureOf(NEEDS_235, { failOn: 'error', glibc: '2.40' })).toBeNull()
    expect(failureOf(NEEDS_235, { failOn: 'error', glibc: 'host' })).toBeNull()
    expect(failureOf(NEEDS_235, { failOn: 'never', glibc: '2.17' })).toBeNull()
    expect(failureOf(reportNeeding('static'), { failOn: 'error', glibc: null })).toBeNull()
    expect(failureOf(sampleReport(), { failOn: 'error', glibc: '2.17' })).toBeNull()
  })

  it('still fails a fallback under fail-on fallback, after the floor', () => {
    const fallback = reportNeeding(null)
    fallback.verdict = 'fallback'
    fallback.modules[0].status = 'standalone'
    expect(failureOf(fallback, { failOn: 'fallback', glibc: '2.17' })).toMatch(
      /^--fail-on fallback: 1 third-party extension module is not built in: app\._speedups \(app, BUILTIN\)/
    )
    expect(failureOf(fallback, { failOn: 'error', glibc: '2.17' })).toBeNull()
  })
})

describe('fail-on and modules left out of the binary', () => {
  function leftOut(...codes: Array<Report['modules'][number]['reasons'][number]['code']>): Report {
    const report = reportNeeding(null)
    report.verdict = 'fallback'
    report.modules[0].status = 'excluded'
    report.modules[0].reasons = codes.map(code => ({ code, message: code.toLowerCase() }))
    return report
  }

  it('fails by default when a third-party module is neither built in nor beside the binary, naming it and the way out', () => {
    const failure = failureOf(leftOut('LINK_FAILED', 'MUSL_BUILTIN_ONLY'), { failOn: 'error', glibc: null })
    expect(failure).toBe(
      '1 third-party extension module was left out of the binary: app._speedups (app: LINK_FAILED, MUSL_BUILTIN_ONLY); ' +
        'importing one raises ImportError. Build it in (the report says how), ship it beside the binary ' +
        '(--flavor dynamic, where the target loads shared libraries), leave it out on purpose (--exclude-packages), ' +
        'or accept this with --fail-on never. The binary and report were written; see app.report.json.'
    )
    expect(failureOf(leftOut('LINK_FAILED', 'MUSL_BUILTIN_ONLY'), { failOn: 'never', glibc: null })).toBeNull()
  })

  it('lets pass what was left out on purpose: exclude-packages, or an optional build the package gave up itself', () => {
    expect(failureOf(leftOut('EXCLUDED_BY_POLICY'), { failOn: 'error', glibc: null })).toBeNull()
    expect(failureOf(leftOut('INTENDED_NOT_BUILT'), { failOn: 'error', glibc: null })).toBeNull()
    expect(failureOf(leftOut('INTENDED_NOT_BUILT'), { failOn: 'fallback', glibc: null })).toMatch(/^--fail-on fallback/)
  })
})
