import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { actionlint } from '../support/actionlint'

/**
 * The README's quick start is what a new user copies first: it must come first, stay
 * short, and be a workflow file as it stands — copied verbatim into
 * .github/workflows/, actionlint finds nothing in it.
 */
const REPO = path.join(__dirname, '..', '..')
const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
const section = readme.split('\n## Quick start\n')[1]?.split('\n## ')[0] ?? ''
const workflow = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? ''

describe("the README's quick start", () => {
  it('is the first section, before "Two commands"', () => {
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map(m => m[1])
    expect(headings.slice(0, 2)).toEqual(['Quick start', 'Two commands'])
  })

  it('is a workflow of at most 10 lines that runs the action', () => {
    expect(workflow.trimEnd().split('\n').length).toBeLessThanOrEqual(10)
    const steps = (parse(workflow) as { jobs: Record<string, { steps: Array<{ uses?: string }> }> }).jobs.binary.steps
    expect(steps.map(s => s.uses)).toEqual(['actions/checkout@v4', 'OWNER/pyseal@v1'])
  })

  it('passes actionlint when copied verbatim into a workflow file', () => {
    const repo = path.join(os.tmpdir(), `pyseal-quick-start-${process.pid}`)
    mkdirSync(path.join(repo, '.github', 'workflows'), { recursive: true })
    const file = path.join(repo, '.github', 'workflows', 'binary.yml')
    writeFileSync(file, workflow)
    const run = spawnSync(actionlint(), ['-no-color', file], { cwd: repo, encoding: 'utf8' })
    expect(run.stdout + run.stderr).toBe('')
    expect(run.status).toBe(0)
  })
})
