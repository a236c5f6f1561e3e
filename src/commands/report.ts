import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { didYouMean } from '../inputs/suggest'
import { diffReports, isRegression, renderDiff } from '../report/diff'
import { renderMatrix, renderReport } from '../report/markdown'
import { PREVIOUS_REPORT_SCHEMA, upgradeReport } from '../report/migrate'
import { REPORT_SCHEMA, ReportSchema, type Report } from '../report/schema'

/**
 * `pyseal report render FILE... [--out FILE]`: Markdown for one report, or the
 * targets × modules matrix for several. `pyseal report diff BASE HEAD [--out FILE]`:
 * what changed between two reports of one target; exits 1 when the head regressed.
 */
export async function reportCommand(args: string[]): Promise<number> {
  const [verb, ...rest] = args
  try {
    if (verb !== 'render' && verb !== 'diff') {
      throw new Error(
        `unknown report command "${verb ?? ''}".${didYouMean(verb ?? '', ['render', 'diff'])} ` +
          'Use "report render FILE..." or "report diff BASE HEAD"'
      )
    }
    const { values, positionals } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: true,
      options: { out: { type: 'string' } }
    })
    const reports = await Promise.all(positionals.map(readReport))
    let text: string
    let code = 0
    if (verb === 'render') {
      if (reports.length === 0) throw new Error('report render takes one or more report files')
      text = reports.length === 1 ? renderReport(reports[0]) : renderMatrix(reports)
    } else if (verb === 'diff') {
      if (reports.length !== 2) throw new Error('report diff takes two report files: BASE HEAD')
      if (reports[0].target !== reports[1].target) {
        throw new Error(`${positionals[0]} is for ${reports[0].target}, ${positionals[1]} for ${reports[1].target}`)
      }
      const diff = diffReports(reports[0], reports[1])
      text = renderDiff(diff)
      code = isRegression(diff) ? 1 : 0
    } else {
      throw new Error(`unknown report command "${verb ?? ''}": use "report render FILE..." or "report diff BASE HEAD"`)
    }
    if (values.out) await writeFile(values.out, text)
    else process.stdout.write(text)
    return code
  } catch (error) {
    process.stderr.write(`pyseal: ${(error as Error).message}\n`)
    return 2
  }
}

async function readReport(file: string): Promise<Report> {
  let raw: unknown
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new Error(
      code === 'ENOENT'
        ? `report file ${file} does not exist: give the path of a <name>.report.json`
        : `report file ${file} cannot be read (${(error as Error).message})`
    )
  }
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new Error(`${file} is not JSON (${(error as Error).message}): give a <name>.report.json that pyseal wrote`)
  }
  const schema = (raw as { schema?: unknown } | null)?.schema
  if (
    typeof schema === 'string' &&
    schema.startsWith('pyseal-report/') &&
    ![REPORT_SCHEMA, PREVIOUS_REPORT_SCHEMA].includes(schema)
  ) {
    throw new Error(
      `${file} is a ${schema} report; this pyseal reads ${REPORT_SCHEMA} and ${PREVIOUS_REPORT_SCHEMA}: use the pyseal that wrote it`
    )
  }
  const parsed = ReportSchema.safeParse(upgradeReport(raw))
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new Error(`${file} is not a pyseal report: ${first.path.join('.') || '(root)'}: ${first.message}`)
  }
  return parsed.data
}
