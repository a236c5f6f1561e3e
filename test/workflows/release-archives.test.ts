import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parse } from 'yaml'
import { planMatrix } from '../../src/targets/plan'
import { sampleReport } from '../report/sample'

/**
 * The reusable workflow's release job, its "archives and checksums" script run for real
 * as a runner runs a `run:` step (bash -eo pipefail) over artifacts laid out as the
 * action uploads them: one archive per planned target, SHA256SUMS that verify, and a
 * planned target without a binary stopping the release with its annotation.
 */
const REPO = path.join(__dirname, '..', '..')
type Step = { name?: string; run?: string }
const workflow = parse(readFileSync(path.join(REPO, '.github', 'workflows', 'pyseal.yml'), 'utf8')) as {
  jobs: { release: { steps: Step[] } }
}
const script = workflow.jobs.release.steps.find(s => s.name === 'archives and checksums')?.run ?? ''

/** An artifact as the action uploads it: the binary, its checksum and report, and lib/ beside it. */
function artifact(root: string, target: string, binary: string): void {
  const dir = path.join(root, 'artifacts', `pyseal-app-${target}`)
  mkdirSync(path.join(dir, 'lib'), { recursive: true })
  writeFileSync(path.join(dir, binary), `binary for ${target}`)
  writeFileSync(path.join(dir, 'app.sha256'), 'x  app\n')
  writeFileSync(path.join(dir, 'app.report.json'), JSON.stringify(sampleReport({ name: 'app', target })))
  writeFileSync(path.join(dir, 'lib', 'ext.so'), 'ext')
}

function runScript(root: string, targets: string[]): { code: number; stdout: string } {
  const env = {
    PATH: process.env.PATH,
    MATRIX: JSON.stringify(planMatrix(targets, 'pyseal-app')),
    VERSION: 'v1.2.3'
  }
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd: root,
    env,
    encoding: 'utf8'
  })
  return { code: run.status ?? 1, stdout: run.stdout + run.stderr }
}

describe("the release job's archives", () => {
  it('makes one archive per planned target, named for the tag, and SHA256SUMS that verify', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pyseal-release-'))
    artifact(root, 'x86_64-unknown-linux-gnu', 'app')
    artifact(root, 'x86_64-pc-windows-msvc', 'app.exe')
    const run = runScript(root, ['linux-x64', 'windows-x64'])
    expect(run).toEqual({ code: 0, stdout: '' })
    expect(readdirSync(path.join(root, 'release')).sort()).toEqual([
      'SHA256SUMS',
      'app-v1.2.3-x86_64-pc-windows-msvc.zip',
      'app-v1.2.3-x86_64-unknown-linux-gnu.tar.gz'
    ])
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: path.join(root, 'release'), encoding: 'utf8' })
    expect(check.status).toBe(0)
    const listed = spawnSync('tar', ['-tzf', 'release/app-v1.2.3-x86_64-unknown-linux-gnu.tar.gz'], {
      cwd: root,
      encoding: 'utf8'
    })
    expect(listed.stdout.split('\n').filter(Boolean).sort()).toEqual([
      './',
      './app',
      './app.report.json',
      './app.sha256',
      './lib/',
      './lib/ext.so'
    ])
  })

  it.each([
    ['uploaded nothing', (): void => undefined],
    [
      'uploaded its report but no binary',
      (root: string): void => {
        const dir = path.join(root, 'artifacts', 'pyseal-app-aarch64-unknown-linux-gnu')
        mkdirSync(dir, { recursive: true })
        const report = sampleReport({ name: 'app', target: 'aarch64-unknown-linux-gnu', status: 'failed' })
        writeFileSync(path.join(dir, 'app.report.json'), JSON.stringify(report))
      }
    ]
  ])('stops with one annotation naming a planned target that %s', (_what, leave) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pyseal-release-'))
    artifact(root, 'x86_64-unknown-linux-gnu', 'app')
    leave(root)
    const run = runScript(root, ['linux-x64', 'linux-arm64'])
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n').filter(line => line.startsWith('::error::'))).toEqual([
      '::error::no binary for aarch64-unknown-linux-gnu: a release needs every planned target'
    ])
  })
})
