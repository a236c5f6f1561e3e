import * as core from '@actions/core'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readReport } from './commands/report'
import { UserError, renderError } from './errors/user-error'
import { input } from './inputs/action-inputs'
import { diffReports, isRegression, renderDiff } from './report/diff'
import { renderMatrix, renderReport } from './report/markdown'

/**
 * The report sub-action (report/action.yml, bundled as dist/report.js): the reusable
 * workflow's report job. It renders every `*.report.json` of `reports` as one
 * targets × modules table in the job summary and, when `base` holds the base branch's
 * reports, diffs each target against its own, failing on a regression (as
 * `pyseal report render` and `pyseal report diff` do on the command line); `out`
 * names a file that gets the same Markdown (a pull-request comment).
 */
export async function runReport(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    const out = outFile(workspace, input(env, 'out'))
    const given = input(env, 'reports')
    const files = reportFiles(path.resolve(workspace, given || 'reports'), 'reports', given)
    const reports = await Promise.all(files.map(readReport))
    let summary = reports.length === 1 ? renderReport(reports[0]) : renderMatrix(reports)
    let regressed = false
    const baseGiven = input(env, 'base')
    const base = baseGiven ? path.resolve(workspace, baseGiven) : null
    if (base && !existsSync(base)) summary += `\nNo base reports to compare with (${baseGiven} does not exist).\n`
    else if (base && !statSync(base).isDirectory()) {
      throw new UserError({
        input: `base "${baseGiven}"`,
        cause: 'is a file, not a directory',
        fix: "give the directory the base branch's reports were downloaded into"
      })
    } else if (base) {
      for (const file of files) {
        const baseFile = path.join(base, path.basename(file))
        if (!existsSync(baseFile)) continue
        const diff = diffReports(await readReport(baseFile), await readReport(file))
        summary += `\n${renderDiff(diff)}`
        if (isRegression(diff)) {
          regressed = true
          core.error(`${path.basename(file)} is worse than the base branch's report`)
        }
      }
    }
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write()
    if (out) {
      await mkdir(path.dirname(out), { recursive: true })
      await writeFile(out, summary)
    }
    core.setOutput('regression', String(regressed))
    return regressed ? 1 : 0
  } catch (error) {
    core.error(renderError(error))
    return 1
  }
}

/** The file `out` names, checked before any work: a directory there fails the step naming the input. */
function outFile(workspace: string, given: string): string | null {
  if (!given) return null
  const file = path.resolve(workspace, given)
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new UserError({
      input: `out "${given}"`,
      cause: 'is a directory, not a file',
      fix: 'give the path of a file for the Markdown, such as report.md'
    })
  }
  return file
}

/** The `*.report.json` files directly in `dir`; none, or no such directory, is an error naming the input. */
function reportFiles(dir: string, name: string, given: string): string[] {
  const shown = `${name} "${given || 'reports'}"`
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UserError({
      input: shown,
      cause: 'is not a directory',
      fix: 'give the directory the report files were gathered into'
    })
  }
  const files = readdirSync(dir)
    .filter(f => f.endsWith('.report.json'))
    .sort()
    .map(f => path.join(dir, f))
  if (files.length === 0) {
    throw new UserError({ input: shown, cause: 'holds no *.report.json', fix: 'check that the build legs uploaded' })
  }
  return files
}

if (require.main === module) {
  void runReport().then(code => {
    process.exitCode = code
  })
}
