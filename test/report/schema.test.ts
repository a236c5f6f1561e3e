import { readFileSync } from 'node:fs'
import { REPORT_JSON_SCHEMA_FILE, reportJsonSchemaText } from '../../scripts/report-json-schema'
import { verdictOf } from '../../src/report/report'
import { ReportSchema } from '../../src/report/schema'
import { sampleReport } from './sample'
import { reportSchemaErrors } from './validate'

describe('report schema', () => {
  it('is the JSON Schema generated from the zod schema (npm run report-schema rewrites it)', () => {
    expect(readFileSync(REPORT_JSON_SCHEMA_FILE, 'utf8')).toBe(reportJsonSchemaText())
  })

  it('accepts a complete report, and the zod schema agrees', () => {
    const report = sampleReport()
    expect(reportSchemaErrors(report)).toEqual([])
    expect(ReportSchema.safeParse(report).success).toBe(true)
  })

  it('rejects an unknown reason code and a missing verdict, naming where', () => {
    const bad = sampleReport() as unknown as Record<string, unknown>
    delete bad.verdict
    const modules = bad.modules as Array<{ reasons: Array<{ code: string }> }>
    modules[0].reasons[0].code = 'MADE_UP'
    const errors = reportSchemaErrors(bad)
    expect(errors.some(e => e.includes("must have required property 'verdict'"))).toBe(true)
    expect(errors.some(e => e.startsWith('/modules/0/reasons/0/code'))).toBe(true)
  })

  it('gives the verdict from the third-party modules only', () => {
    expect(verdictOf(sampleReport())).toBe('all-builtin')
    const excludedStdlib = sampleReport()
    excludedStdlib.modules.push({
      ...excludedStdlib.modules[0],
      module: '_tkinter',
      origin: 'stdlib',
      status: 'excluded'
    })
    expect(verdictOf(excludedStdlib)).toBe('all-builtin')
    const fallback = sampleReport()
    fallback.modules[0].status = 'excluded'
    expect(verdictOf(fallback)).toBe('fallback')
    expect(verdictOf(sampleReport({ status: 'failed' }))).toBe('failed')
  })
})
