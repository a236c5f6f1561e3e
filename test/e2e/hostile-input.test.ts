import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction } from './action-run'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * Inputs with shell metacharacters ($(...), backticks, ;, newlines) go through the
 * CLI and through the action's INPUT_* variables into a real build, and nothing in
 * them runs: every command pyseal starts gets an argument vector, and its generated
 * scripts quote what they embed.
 */
describe('inputs that look like shell code', () => {
  const root = tempDir('hostile')
  const marker = path.join(root, 'RAN')
  const evil = `app $(touch ${marker}) \`touch ${marker}\`; touch ${marker}`

  it(
    'build a project whose path and output directory hold them, and run nothing',
    () => {
      const project = path.join(root, evil, 'c-ext')
      mkdirSync(path.dirname(project), { recursive: true })
      cpSync(path.join(FIXTURES, 'c-ext'), project, { recursive: true })
      const outDir = path.join(root, `out ${evil}`)
      const requirements = path.join(root, 'reqs $(id) `id`; x.txt')
      // A local requirement (an empty file is refused as a mistake).
      writeFileSync(requirements, `${path.join(FIXTURES, 'bare')}\n`)
      const run = pyseal([
        'build',
        '--target',
        'x86_64-unknown-linux-gnu',
        '--project',
        project,
        '--requirements',
        requirements,
        '--entry-point',
        'none',
        '--out-dir',
        outDir
      ])
      const binary = expectBuilt(run)
      expect(binary).toBe(path.join(outDir, 'cext'))
      expect(runBinary(binary, ['-c', 'import cext; print(cext.add(1, 2))']).stdout.trim()).toBe('3')
      expect(existsSync(marker)).toBe(false)
    },
    30 * 60 * 1000
  )

  it('refuse them where a name or an entry point is expected, naming the input, and run nothing', () => {
    const run = pyseal([
      'build',
      '--project',
      path.join(FIXTURES, 'c-ext'),
      '--name',
      `x$(touch ${marker})`,
      '--entry-point',
      `a;touch ${marker}\nb`,
      '--out-dir',
      path.join(root, 'refused')
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/name: may hold letters, digits/)
    expect(run.stderr).toMatch(/entry-point: must look like pkg\.module:function or pkg\.module/)
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/)
    expect(existsSync(marker)).toBe(false)
    expect(existsSync(path.join(root, 'refused'))).toBe(false)
  })

  it(
    "go through the action's inputs into a real build, and run nothing",
    () => {
      const workspace = path.join(root, `ws ${evil}`)
      cpSync(path.join(FIXTURES, 'c-ext'), path.join(workspace, 'c-ext'), { recursive: true })
      const requirementFiles = [`reqs $(touch ${marker}).txt`, `reqs \`touch ${marker}\`; touch ${marker}.txt`]
      for (const file of requirementFiles) {
        // The marker's path has slashes: each of these names is a few directories deep.
        mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true })
        writeFileSync(path.join(workspace, file), `${path.join(FIXTURES, 'bare')}\n`)
      }
      const result = runAction({
        'working-directory': workspace,
        project: 'c-ext',
        requirements: requirementFiles.join('\n'),
        'entry-point': 'none',
        target: 'x86_64-unknown-linux-gnu',
        'out-dir': `out ${evil}`,
        // Restored from no cache service here (a warning), but the suffix goes into the cache key
        // (one line without commas: the cache service refuses those in a key).
        cache: 'auto',
        'cache-suffix': `$(touch ${marker}) \`touch ${marker}\`; touch ${marker}`,
        'stdlib-exclude': `test,$(touch ${marker})`
      })
      if (result.code !== 0) throw new Error(`the action failed (${result.code}):\n${result.stdout}`)
      const binary = path.join(workspace, `out ${evil}`, 'cext')
      expect(result.outputs.binary).toBe(binary)
      expect(result.outputs.report).toBe(`${binary}.report.json`)
      expect(runBinary(binary, ['-c', 'import cext; print(cext.add(1, 2))']).stdout.trim()).toBe('3')
      expect(existsSync(marker)).toBe(false)
    },
    30 * 60 * 1000
  )

  it("refuse them in the action's name and entry-point inputs, in one annotation, and run nothing", () => {
    const result = runAction({
      project: path.join(FIXTURES, 'c-ext'),
      name: `x$(touch ${marker})`,
      'entry-point': `cext;touch ${marker}\ncext`,
      'artifact-name': `a\`touch ${marker}\``,
      'out-dir': path.join(root, 'refused-by-action')
    })
    expect(result.code).toBe(1)
    const errors = result.stdout.split('\n').filter(line => line.startsWith('::error'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/name: may hold letters, digits/)
    expect(errors[0]).toMatch(/entry-point: must look like pkg\.module:function/)
    expect(result.stdout).not.toMatch(/\bat .*\.js:\d+/)
    expect(existsSync(marker)).toBe(false)
    expect(existsSync(path.join(root, 'refused-by-action'))).toBe(false)
  })
})
