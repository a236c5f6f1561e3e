import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { runAction } from './action-run'
import { FIXTURES, REPO, runBinary, tempDir } from './cli'

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
    expect(errors[0]).toMatch(/cache must be one of auto, true, false, not "sometimes"/)
    expect(errors[0]).toMatch(/artifact-name: may not hold/)
    expect(errors[0]).toMatch(/Unknown target "nope"/)
    expect(result.outputs).toEqual({})
  })

  it(
    'turns a compiler error into an annotation on the source line, through its problem matcher',
    () => {
      const result = runAction({
        target: 'x86_64-unknown-linux-gnu',
        project: path.relative(REPO, path.join(FIXTURES, 'broken-ext')),
        'out-dir': tempDir('action-broken')
      })
      expect(result.code).toBe(1)
      const matcher = /^::add-matcher::(.+)$/m.exec(result.stdout)?.[1] ?? ''
      const pattern = (
        JSON.parse(readFileSync(matcher, 'utf8')) as { problemMatcher: Array<{ pattern: Array<{ regexp: string }> }> }
      ).problemMatcher[0].pattern[0].regexp
      const matched = result.stdout.split('\n').filter(line => new RegExp(pattern).test(line))
      expect(matched.some(line => /_oops\.c:\d+:\d+: error: /.test(line))).toBe(true)
      expect(result.stdout).toMatch(/^::error::Building broken-ext from source failed/m)
    },
    30 * 60 * 1000
  )
})
