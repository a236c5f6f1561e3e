import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { actionScript, REPO, tempDir } from './cli'

export interface ActionRun {
  code: number
  stdout: string
  outputs: Record<string, string>
  summary: string
  /** The post step's exit code and log (runAction with `post`), as a runner runs it after the main step. */
  post: { code: number; stdout: string } | null
}

/**
 * The action run the way a runner runs it: `node <bundle>` with INPUT_* variables
 * (hyphens kept, names upper-cased), GITHUB_OUTPUT, GITHUB_STATE and
 * GITHUB_STEP_SUMMARY files and the workspace as GITHUB_WORKSPACE; with `post`, then
 * dist/post.js with the state the main step saved as STATE_* variables (action.yml's
 * `runs.post`, which runs whatever the main step's outcome). `script` runs another
 * bundle (a sub-action's) the same way.
 */
export function runAction(
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
  { post = false, script = actionScript() }: { post?: boolean; script?: string } = {}
): ActionRun {
  const dir = tempDir('action')
  const outputFile = path.join(dir, 'output')
  const summaryFile = path.join(dir, 'summary')
  const stateFile = path.join(dir, 'state')
  for (const file of [outputFile, summaryFile, stateFile]) writeFileSync(file, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: REPO,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    RUNNER_TEMP: dir,
    ...extraEnv
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const run = spawnSync('node', [script], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  let postRun: ActionRun['post'] = null
  if (post) {
    const state = parseOutputs(readFileSync(stateFile, 'utf8'))
    const postEnv = { ...env, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])) }
    const ran = spawnSync('node', [path.join(REPO, 'dist', 'post.js')], { env: postEnv, encoding: 'utf8' })
    postRun = { code: ran.status ?? 1, stdout: ran.stdout + ran.stderr }
  }
  return {
    code: run.status ?? 1,
    stdout: run.stdout + run.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    post: postRun
  }
}

/** GITHUB_OUTPUT's and GITHUB_STATE's `name<<DELIMITER ... DELIMITER` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1]] = match[3]
  return outputs
}
