import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { defaultCacheDir } from '../../src/cache/paths'
import { planMatrix } from '../../src/targets/plan'
import { actionlint } from '../support/actionlint'

const REPO = path.join(__dirname, '..', '..')
const files = [
  ...readdirSync(path.join(REPO, '.github', 'workflows')).map(f => path.join(REPO, '.github', 'workflows', f)),
  ...readdirSync(path.join(REPO, 'workflows')).map(f => path.join(REPO, 'workflows', f)),
  path.join(REPO, 'action.yml')
].filter(f => /\.ya?ml$/.test(f))

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

type Step = {
  id?: string
  name?: string
  if?: string
  shell?: string
  uses?: string
  run?: string
  with?: Record<string, unknown>
  env?: Record<string, string>
}
type Job = {
  needs?: string | string[]
  if?: string
  permissions?: Record<string, string>
  strategy?: { 'fail-fast'?: boolean; matrix?: unknown }
  'runs-on'?: string
  outputs?: Record<string, string>
  steps?: Step[]
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
        'allow-prereleases',
        'before-build',
        'entry-point',
        'fail-on',
        'flavor',
        'glibc',
        'name',
        'package-data-location',
        'project',
        'python-distribution',
        'python-optimization',
        'python-version',
        'release',
        'release-draft',
        'requirements',
        'stdlib',
        'stdlib-include',
        'targets'
      ].sort()
    )
    expect(call.inputs.release.type).toBe('boolean')
    expect(call.inputs['release-draft'].type).toBe('boolean')
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
    const plan = jobs.plan.steps?.find(s => s.uses === 'OWNER/pyseal/plan@v1')
    expect(plan?.with).toEqual({
      targets: '${{ inputs.targets }}',
      project: '${{ inputs.project }}',
      name: '${{ inputs.name }}'
    })
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
    expect(jobs.plan.permissions).toEqual({})
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

describe('the reusable workflow, job by job', () => {
  const workflow = load(path.join(REPO, '.github', 'workflows', 'pyseal.yml'))
  const inputNames = Object.keys((workflow.on.workflow_call as { inputs: Record<string, unknown> }).inputs)
  const steps = Object.entries(workflow.jobs).flatMap(([job, j]) => (j.steps ?? []).map(step => ({ job, step })))
  const action = workflow.jobs.build.steps?.find(s => s.uses === 'OWNER/pyseal@v1')
  const actionInputs = Object.keys(
    (parse(readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as { inputs: object }).inputs
  )

  /** Where each workflow-only input must arrive: the step (or job condition) that acts on it. */
  const WORKFLOW_ONLY: Record<string, (job: Record<string, Job>) => unknown> = {
    targets: jobs => jobs.plan.steps?.find(s => s.uses === 'OWNER/pyseal/plan@v1')?.with?.targets,
    release: jobs => jobs.release.if,
    'release-draft': jobs => jobs.release.steps?.find(s => s.run?.includes('gh release create'))?.env?.DRAFT,
    'before-build': jobs => jobs.build.steps?.find(s => s.name === 'before-build')?.env?.BEFORE_BUILD
  }

  it('passes every input that is also an action input to the action, under its own name', () => {
    const shared = inputNames.filter(name => actionInputs.includes(name))
    expect(shared.length).toBe(14)
    const wrong = shared.filter(name => !String(action?.with?.[name]).includes(`inputs.${name} `))
    expect(wrong).toEqual([])
  })

  it('brings every other input to the step that acts on it', () => {
    const others = inputNames.filter(name => !actionInputs.includes(name))
    expect(others.sort()).toEqual(Object.keys(WORKFLOW_ONLY).sort())
    for (const name of others) {
      expect({ name, at: String(WORKFLOW_ONLY[name](workflow.jobs)) }).toEqual({
        name,
        at: expect.stringContaining(`inputs.${name}`)
      })
    }
  })

  it('runs before-build on each leg before the action, in bash, with the target named', () => {
    const build = workflow.jobs.build.steps ?? []
    const before = build.findIndex(s => s.name === 'before-build')
    expect(before).toBeGreaterThan(-1)
    expect(before).toBeLessThan(build.indexOf(action as Step))
    expect(build[before]).toMatchObject({
      if: "${{ inputs.before-build != '' }}",
      shell: 'bash',
      env: { PYSEAL_TARGET: '${{ matrix.target }}' },
      run: 'bash -euo pipefail -c "$BEFORE_BUILD"'
    })
  })

  it('fetches pyseal from nowhere but this repository: its action and sub-actions, whose dist/ is checked in', () => {
    const outside = steps.filter(
      ({ step }) => step.run && /\b(npx|npm|pnpm|yarn|pip|pipx|uv|curl|wget)\b|pyseal@/.test(step.run)
    )
    expect(outside.map(({ job, step }) => `${job}: ${step.run}`)).toEqual([])
    const uses = steps.map(({ step }) => step.uses).filter((u): u is string => u !== undefined)
    const foreign = uses.filter(u => !/^actions\/[\w-]+@v\d+$/.test(u) && !/^OWNER\/pyseal(\/[\w-]+)?@v1$/.test(u))
    expect(foreign).toEqual([])
    const ours = [...new Set(uses.filter(u => u.startsWith('OWNER/pyseal')))]
    expect(ours.sort()).toEqual(['OWNER/pyseal/plan@v1', 'OWNER/pyseal/report@v1', 'OWNER/pyseal@v1'])
    for (const ref of ours) {
      const dir = path.join(REPO, /^OWNER\/pyseal\/?([\w-]*)@/.exec(ref)?.[1] ?? '')
      const runs = (parse(readFileSync(path.join(dir, 'action.yml'), 'utf8')) as { runs: Record<string, string> }).runs
      expect({ ref, using: runs.using }).toEqual({ ref, using: 'node24' })
      for (const entry of [runs.main, runs.post].filter(Boolean)) {
        const file = path.resolve(dir, entry)
        expect({ ref, entry: path.relative(REPO, file) }).toEqual({
          ref,
          entry: expect.stringMatching(/^dist\/\w+\.js$/)
        })
        expect({ ref, exists: existsSync(file) }).toEqual({ ref, exists: true })
      }
    }
  })

  it("reports through the report sub-action, diffing against the base branch's reports on pull requests", () => {
    const report = workflow.jobs.report.steps?.find(s => s.uses === 'OWNER/pyseal/report@v1')
    expect(report?.with).toEqual({
      reports: 'reports',
      base: "${{ github.event_name == 'pull_request' && 'base' || '' }}"
    })
  })

  it('creates the release when the tag has none (a draft if asked), then uploads archives, SHA256SUMS and provenance', () => {
    const release = workflow.jobs.release.steps ?? []
    const create = release.findIndex(s => s.run?.includes('gh release create'))
    const upload = release.findIndex(s => s.run?.includes('gh release upload'))
    expect(create).toBeGreaterThan(-1)
    expect(upload).toBeGreaterThan(create)
    expect(release[create].run).toMatch(/if ! gh release view "\$TAG"/)
    expect(release[create].run).toMatch(/"\$DRAFT" = true \]; then draft=\(--draft\)/)
    expect(release[upload].env?.ATTESTATION).toBe('${{ steps.provenance.outputs.bundle-path }}')
    expect(release[upload].run).toContain('release/provenance.intoto.jsonl')
    expect(release.find(s => s.id === 'provenance')?.uses).toBe('actions/attest-build-provenance@v2')
  })
})
