import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { actionScript, REPO, runBinary, tempDir } from './cli'

/**
 * The action run the way a runner runs it: `node <bundle>` with INPUT_* variables
 * (hyphens kept, names upper-cased), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files and
 * the workspace as GITHUB_WORKSPACE.
 */
function runAction(inputs: Record<string, string>): {
  code: number
  stdout: string
  outputs: Record<string, string>
  summary: string
} {
  const dir = tempDir('action')
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: REPO,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const run = spawnSync('node', [actionScript()], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return {
    code: run.status ?? 1,
    stdout: run.stdout + run.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

/** GITHUB_OUTPUT's `name<<DELIMITER ... DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3]
  return outputs
}

describe('the action, run as a runner runs it', () => {
  it(
    'builds the project, sets its outputs and writes the report to the job summary',
    () => {
      const outDir = tempDir('action-out')
      const result = runAction({
        target: 'x86_64-unknown-linux-gnu',
        project: 'example',
        'out-dir': outDir
      })
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^::group::distribution$/m)
      expect(result.stdout).toMatch(/^::endgroup::$/m)
      expect(result.outputs.binary).toBe(path.join(outDir, 'wordfreq'))
      expect(result.outputs.report).toBe(path.join(outDir, 'wordfreq.report.json'))
      expect(result.outputs.status).toBe('all-builtin')
      expect(result.outputs['cache-hit']).toBe('false')
      expect(result.summary).toMatch(/^### wordfreq for x86_64-unknown-linux-gnu: every extension module built in$/m)
      // Beside the binary: its checksum in sha256sum's format, and the report as Markdown.
      const check = spawnSync('sha256sum', ['-c', 'wordfreq.sha256'], { cwd: outDir, encoding: 'utf8' })
      expect(check.stdout.trim()).toBe('wordfreq: OK')
      expect(readFileSync(path.join(outDir, 'wordfreq.report.md'), 'utf8')).toBe(result.summary.trimEnd() + '\n')
      const run = runBinary(result.outputs.binary, ['the', 'cat', 'and', 'the', 'hat'])
      expect(run.status).toBe(0)
      expect(run.stdout).toMatch(/^\s*2 the$/m)
    },
    30 * 60 * 1000
  )

  it('names every bad input in one error annotation and builds nothing', () => {
    const result = runAction({ target: 'nope', cache: 'sometimes', upload: 'maybe', 'artifact-name': 'a/b' })
    expect(result.code).toBe(1)
    const errors = result.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/upload must be true or false, not "maybe"/)
    expect(errors[0]).toMatch(/cache: Invalid enum value/)
    expect(errors[0]).toMatch(/artifact-name: may not hold/)
    expect(errors[0]).toMatch(/Unknown target "nope"/)
    expect(result.outputs).toEqual({})
  })
})
