import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { defaultCacheDir } from '../../src/cache/paths'
import { planMatrix } from '../../src/targets/plan'

const REPO = path.join(__dirname, '..', '..')
const files = [
  ...readdirSync(path.join(REPO, '.github', 'workflows')).map(f => path.join(REPO, '.github', 'workflows', f)),
  ...readdirSync(path.join(REPO, 'workflows')).map(f => path.join(REPO, 'workflows', f)),
  path.join(REPO, 'action.yml')
].filter(f => /\.ya?ml$/.test(f))

/** actionlint from PATH or Go's bin directory (scripts/setup-system.sh installs it). */
function actionlint(): string {
  for (const dir of [...(process.env.PATH ?? '').split(':'), path.join(os.homedir(), 'go', 'bin'), '/usr/local/bin']) {
    const candidate = path.join(dir, 'actionlint')
    if (dir && existsSync(candidate)) return candidate
  }
  throw new Error('actionlint is not installed: go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12')
}

/** zizmor from PATH or the venv scripts/install-zizmor.sh makes in pyseal's cache directory. */
function zizmor(): string {
  const venv = path.join(defaultCacheDir(), 'tools', 'zizmor-1.32.0', 'bin')
  for (const dir of [...(process.env.PATH ?? '').split(':'), venv]) {
    const candidate = path.join(dir, 'zizmor')
    if (dir && existsSync(candidate)) return candidate
  }
  throw new Error('zizmor is not installed: bash scripts/install-zizmor.sh')
}

interface ZizmorFinding {
  ident: string
  determinations: { severity: string }
  locations: Array<{ symbolic: { key: unknown }; concrete: { location: { start_point: { row: number } } } }>
}

/** zizmor's findings over every workflow (offline: no GitHub API), with the repository's .github/zizmor.yml. */
function zizmorFindings(persona: 'regular' | 'auditor'): string[] {
  const dirs = [path.join(REPO, '.github', 'workflows'), path.join(REPO, 'workflows')]
  const run = spawnSync(zizmor(), ['--offline', '--no-progress', '--persona', persona, '--format', 'json', ...dirs], {
    cwd: REPO,
    encoding: 'utf8'
  })
  if (run.stdout.trim() === '') throw new Error(`zizmor gave no report (${run.status}): ${run.stderr}`)
  return (JSON.parse(run.stdout) as ZizmorFinding[]).map(
    f =>
      `${f.ident} (${f.determinations.severity}) ${JSON.stringify(f.locations[0]?.symbolic.key)}:${(f.locations[0]?.concrete.location.start_point.row ?? 0) + 1}`
  )
}

type Job = {
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string>
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown }
  'runs-on'?: string
  outputs?: Record<string, string>
  steps?: Array<{ uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string> }>
}
type Workflow = { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job> }

function load(file: string): Workflow {
  return parse(readFileSync(file, 'utf8')) as Workflow
}

describe('workflow files', () => {
  it('pass actionlint', () => {
    const workflows = files.filter(f => !f.endsWith('action.yml'))
    const run = spawnSync(actionlint(), ['-no-color', ...workflows], { encoding: 'utf8' })
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
  })

  it('pass zizmor, the GitHub Actions security linter, with no finding (ignores are justified inline)', () => {
    expect(zizmorFindings('regular')).toEqual([])
  })

  it("have no template injection and no excessive permissions even by zizmor's auditor persona", () => {
    const security = zizmorFindings('auditor').filter(f =>
      /^(template-injection|excessive-permissions|undocumented-permissions|artipacked|dangerous-triggers|cache-poisoning|github-env|secrets-inherit|overprovisioned-secrets|unpinned-uses) /.test(
        f
      )
    )
    expect(security).toEqual([])
  })

  it('never expand ${{ }} inside a run: script (inputs reach scripts through env)', () => {
    for (const file of files.filter(f => !f.endsWith('action.yml'))) {
      for (const [name, job] of Object.entries(load(file).jobs)) {
        for (const step of job.steps ?? []) {
          if (step.run)
            expect({ file: path.basename(file), job: name, run: step.run }).not.toEqual(
              expect.objectContaining({ run: expect.stringContaining('${{') })
            )
        }
      }
    }
  })
})

describe('the reusable workflow', () => {
  const workflow = load(path.join(REPO, '.github', 'workflows', 'pyseal.yml'))
  const call = workflow.on.workflow_call as {
    inputs: Record<string, { type: string }>
    outputs: Record<string, unknown>
  }
  const jobs = workflow.jobs

  it('is called with the documented inputs', () => {
    expect(Object.keys(call.inputs).sort()).toEqual(
      [
        'entry-point',
        'fail-on',
        'flavor',
        'glibc',
        'project',
        'python-distribution',
        'python-version',
        'release',
        'targets'
      ].sort()
    )
    expect(call.inputs.release.type).toBe('boolean')
  })

  it('plans, builds each leg, reports and releases, in that order', () => {
    expect(Object.keys(jobs)).toEqual(['plan', 'build', 'report', 'release'])
    expect(jobs.build.needs).toBe('plan')
    expect(jobs.report.needs).toEqual(['plan', 'build'])
    expect(jobs.release.needs).toEqual(['plan', 'build'])
    expect(jobs.release.if).toContain("startsWith(github.ref, 'refs/tags/')")
    expect(jobs.report.if).toBe('${{ !cancelled() }}')
  })

  it("feeds pyseal plan's matrix to the build job, whose legs use its keys", () => {
    expect(jobs.plan.outputs?.matrix).toBe('${{ steps.plan.outputs.matrix }}')
    expect(jobs.plan.steps?.find(s => s.run)?.run).toContain('pyseal@1 plan --targets "$TARGETS"')
    expect(jobs.build.strategy).toEqual({ 'fail-fast': false, matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}' })
    expect(jobs.build['runs-on']).toBe('${{ matrix.runs-on }}')
    const action = jobs.build.steps?.find(s => s.uses?.endsWith('/pyseal@v1'))
    expect(action?.with).toMatchObject({
      target: '${{ matrix.target }}',
      // A glibc floor is for gnu legs only: pyseal refuses one given for musl, macOS or Windows.
      glibc: "${{ endsWith(matrix.target, '-linux-gnu') && inputs.glibc || '' }}",
      upload: true,
      'artifact-name': '${{ matrix.artifact }}'
    })
    const leg = planMatrix(['linux-x64'], 'pyseal-app').include[0]
    for (const key of ['runs-on', 'target', 'artifact']) expect(Object.keys(leg)).toContain(key)
  })

  it('gives every job the least permissions it needs, and none by default', () => {
    expect(workflow.permissions).toEqual({})
    expect(jobs.plan.permissions).toEqual({ contents: 'read' })
    expect(jobs.build.permissions).toEqual({ contents: 'read' })
    expect(jobs.report.permissions).toEqual({ actions: 'read' })
    expect(jobs.release.permissions).toEqual({ contents: 'write', 'id-token': 'write', attestations: 'write' })
  })

  it('checks every planned target before releasing, with checksums and provenance', () => {
    const steps = jobs.release.steps ?? []
    const script = steps.find(s => s.run?.includes('SHA256SUMS'))?.run ?? ''
    expect(script).toContain("jq -r '.include[]")
    expect(script).toContain('a release needs every planned target')
    expect(steps.some(s => s.uses === 'actions/attest-build-provenance@v2')).toBe(true)
  })
})
