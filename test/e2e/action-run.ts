import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { actionScript, REPO, tempDir } from './cli'

/**
 * The action run the way a runner runs it: `node <bundle>` with INPUT_* variables
 * (hyphens kept, names upper-cased), GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files and
 * the workspace as GITHUB_WORKSPACE.
 */
export function runAction(
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {}
): {
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
    RUNNER_TEMP: dir,
    ...extraEnv
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
