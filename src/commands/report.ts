import { readFile, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { renderCliError, UserError } from '../errors/user-error'
import { didYouMean } from '../inputs/suggest'
import { argumentError } from './argument-error'
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
      const fix = `${didYouMean(verb ?? '', ['render', 'diff'])} Use "report render FILE..." or "report diff BASE HEAD"`
      throw new UserError(
        { input: `"${verb ?? ''}"`, cause: 'is not a report command', fix: fix.trimStart() },
        `unknown report command "${verb ?? ''}".${fix}`
      )
    }
    const { values, positionals } = parseReportArgs(rest, verb)
    const reports = await Promise.all(positionals.map(readReport))
    let text: string
    let code = 0
    if (verb === 'render') {
      if (reports.length === 0) throw usage('report render', 'one or more report files')
      text = reports.length === 1 ? renderReport(reports[0]) : renderMatrix(reports)
    } else {
      if (reports.length !== 2) throw usage('report diff', 'two report files: BASE HEAD')
      if (reports[0].target !== reports[1].target) {
        throw new UserError(
          {
            input: `${positionals[0]} and ${positionals[1]}`,
            cause: `are reports of two targets (${reports[0].target}, ${reports[1].target})`,
            fix: 'compare two reports of one target'
          },
          `${positionals[0]} is for ${reports[0].target}, ${positionals[1]} for ${reports[1].target}: compare two reports of one target`
        )
      }
      const diff = diffReports(reports[0], reports[1])
      text = renderDiff(diff)
      code = isRegression(diff) ? 1 : 0
    }
    if (values.out) await writeFile(values.out, text)
    else process.stdout.write(text)
    return code
  } catch (error) {
    process.stderr.write(renderCliError(error))
    return 2
  }
}

/** A report file read and checked (an older schema upgraded); every problem a UserError. The report sub-action reads with it too. */
export async function readReport(file: string): Promise<Report> {
  let raw: unknown
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw code === 'ENOENT'
      ? new UserError({
          input: `report file ${file}`,
          cause: 'does not exist',
          fix: 'give the path of a <name>.report.json'
        })
      : new UserError({
          input: `report file ${file}`,
          cause: `cannot be read (${(error as Error).message})`,
          fix: 'check its permissions'
        })
  }
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new UserError({
      input: file,
      cause: `is not JSON (${(error as Error).message})`,
      fix: 'give a <name>.report.json that pyseal wrote'
    })
  }
  const schema = (raw as { schema?: unknown } | null)?.schema
  if (
    typeof schema === 'string' &&
    schema.startsWith('pyseal-report/') &&
    ![REPORT_SCHEMA, PREVIOUS_REPORT_SCHEMA].includes(schema)
  ) {
    throw new UserError(
      {
        input: file,
        cause: `is a ${schema} report; this pyseal reads ${REPORT_SCHEMA} and ${PREVIOUS_REPORT_SCHEMA}`,
        fix: 'use the pyseal that wrote it'
      },
      `${file} is a ${schema} report; this pyseal reads ${REPORT_SCHEMA} and ${PREVIOUS_REPORT_SCHEMA}: use the pyseal that wrote it`
    )
  }
  const parsed = ReportSchema.safeParse(upgradeReport(raw))
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new UserError(
      {
        input: file,
        cause: `is not a pyseal report (${first.path.join('.') || '(root)'}: ${first.message})`,
        fix: 'give a <name>.report.json that pyseal wrote'
      },
      `${file} is not a pyseal report: ${first.path.join('.') || '(root)'}: ${first.message}`
    )
  }
  return parsed.data
}

function parseReportArgs(args: string[], verb: string): { values: { out?: string }; positionals: string[] } {
  const options = { out: { type: 'string' } } as const
  try {
    return parseArgs({ args, strict: true, allowPositionals: true, options })
  } catch (error) {
    throw argumentError(error, Object.keys(options), `pyseal report ${verb}`)
  }
}

/** A report command given the wrong number of files. */
function usage(command: string, takes: string): UserError {
  return new UserError(
    { input: command, cause: 'was given the wrong number of files', fix: `give it ${takes}` },
    `${command} takes ${takes}`
  )
}
