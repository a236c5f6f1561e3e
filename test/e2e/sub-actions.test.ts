import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { sampleReport } from '../report/sample'
import { runAction } from './action-run'
import { REPO, tempDir } from './cli'

/**
 * The plan and report sub-actions (plan/action.yml, report/action.yml) as a runner
 * runs them: their bundles from dist/, INPUT_* variables, the output and summary
 * files. They are what lets the reusable workflow run without any package registry;
 * each bad input fails the step with one annotation that names it.
 */
const PLAN = path.join(REPO, 'dist', 'plan.js')
const REPORT = path.join(REPO, 'dist', 'report.js')

const annotations = (stdout: string): string[] => stdout.split('\n').filter(line => line.startsWith('::error::'))

/** A directory of reports, one per target given, each with the verdict given. */
function reportsDir(verdicts: Record<string, 'all-builtin' | 'fallback'>): string {
  const dir = tempDir('sub-action-reports')
  for (const [target, verdict] of Object.entries(verdicts)) {
    const report = sampleReport({ target, verdict })
    writeFileSync(path.join(dir, `app-${target}.report.json`), JSON.stringify(report))
  }
  return dir
}

describe('the plan sub-action', () => {
  it("sets the matrix output, one leg per target, artifacts named for the project's directory", () => {
    const run = runAction({ targets: 'linux-x64, linux-musl-x64', project: 'example' }, {}, { script: PLAN })
    expect(run.code).toBe(0)
    const matrix = JSON.parse(run.outputs.matrix) as { include: Array<{ target: string; artifact: string }> }
    expect(matrix.include.map(leg => [leg.target, leg.artifact])).toEqual([
      ['x86_64-unknown-linux-gnu', 'pyseal-example-x86_64-unknown-linux-gnu'],
      ['x86_64-unknown-linux-musl', 'pyseal-example-x86_64-unknown-linux-musl']
    ])
  })

  it.each([
    [
      'a misspelt target',
      { targets: 'linux-x64,linux-arm46' },
      /Unknown target "linux-arm46".*Did you mean "linux-arm64"\?/
    ],
    ['no target', { targets: ' , ' }, /No targets given/],
    [
      'a name no artifact can carry',
      { targets: 'linux-x64', name: 'my app' },
      /name "my app" cannot name an artifact \(may hold letters, digits.*\): give the plan a name/
    ]
  ])('fails on %s with one annotation', (_name, inputs, says) => {
    const run = runAction(inputs, {}, { script: PLAN })
    expect(run.code).toBe(1)
    expect(annotations(run.stdout)).toEqual([expect.stringMatching(says)])
    expect(run.outputs).toEqual({})
  })
})

describe('the report sub-action', () => {
  it('renders every report as one targets x modules table in the job summary', () => {
    const reports = reportsDir({
      'x86_64-unknown-linux-gnu': 'all-builtin',
      'x86_64-unknown-linux-musl': 'all-builtin'
    })
    const out = path.join(tempDir('comment'), 'comment.md')
    const run = runAction({ reports, out }, {}, { script: REPORT })
    expect(run.code).toBe(0)
    // `out` gets the same Markdown, for a pull-request comment (workflows/pr-comment.yml).
    expect(readFileSync(out, 'utf8')).toBe(run.summary.trimEnd() + '\n')
    expect(run.summary).toContain('x86_64-unknown-linux-gnu')
    expect(run.summary).toContain('x86_64-unknown-linux-musl')
    expect(run.summary).toContain('app._speedups')
    expect(run.outputs.regression).toBe('false')
  })

  it('creates the directories out names, relative to the workspace', () => {
    const workspace = tempDir('workspace')
    const reports = reportsDir({ 'x86_64-unknown-linux-gnu': 'all-builtin' })
    const run = runAction({ reports, out: 'comments/pr.md' }, { GITHUB_WORKSPACE: workspace }, { script: REPORT })
    expect(run.code).toBe(0)
    expect(readFileSync(path.join(workspace, 'comments', 'pr.md'), 'utf8')).toBe(run.summary.trimEnd() + '\n')
  })

  it('diffs each target against its base report and fails on a regression, naming the file', () => {
    const base = reportsDir({ 'x86_64-unknown-linux-gnu': 'all-builtin' })
    const head = reportsDir({ 'x86_64-unknown-linux-gnu': 'fallback' })
    const run = runAction({ reports: head, base }, {}, { script: REPORT })
    expect(run.code).toBe(1)
    expect(annotations(run.stdout)).toEqual([
      "::error::app-x86_64-unknown-linux-gnu.report.json is worse than the base branch's report"
    ])
    expect(run.summary).toMatch(/### x86_64-unknown-linux-gnu: /)
    expect(run.outputs.regression).toBe('true')
  })

  it('renders without a diff when the base branch has no reports yet', () => {
    const reports = reportsDir({ 'x86_64-unknown-linux-gnu': 'all-builtin' })
    const run = runAction({ reports, base: path.join(reports, 'no-base') }, {}, { script: REPORT })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('No base reports to compare with')
  })

  it.each([
    ['a reports directory that does not exist', () => ({ reports: 'nope' }), /reports "nope" is not a directory/],
    ['a reports directory without reports', () => ({ reports: tempDir('empty') }), /holds no \*\.report\.json/],
    [
      'a base that is a file',
      () => {
        const reports = reportsDir({ 'x86_64-unknown-linux-gnu': 'all-builtin' })
        const file = path.join(reports, 'base.txt')
        writeFileSync(file, '')
        return { reports, base: file }
      },
      /base "\S+base\.txt" is a file, not a directory/
    ],
    [
      'an out that is a directory',
      () => ({ reports: reportsDir({ 'x86_64-unknown-linux-gnu': 'all-builtin' }), out: tempDir('comment-dir') }),
      /out "\S+comment-dir\S*" is a directory, not a file/
    ],
    [
      'a report file that is not a report',
      () => {
        const reports = tempDir('bad-reports')
        mkdirSync(reports, { recursive: true })
        writeFileSync(path.join(reports, 'app.report.json'), '{"schema": 1}')
        return { reports }
      },
      /app\.report\.json is not a pyseal report/
    ]
  ])('fails on %s with one annotation', (_name, inputs, says) => {
    const run = runAction(inputs(), { GITHUB_WORKSPACE: tempDir('workspace') }, { script: REPORT })
    expect(run.code).toBe(1)
    expect(annotations(run.stdout)).toEqual([expect.stringMatching(says)])
  })
})
