import * as core from '@actions/core'
import path from 'node:path'
import { renderError } from './errors/user-error'
import { input } from './inputs/action-inputs'
import { planMatrix } from './targets/plan'

/**
 * The plan sub-action (plan/action.yml, bundled as dist/plan.js): the build matrix of
 * the reusable workflow's plan job, as `pyseal plan` prints it, set as the `matrix`
 * output. The workflow runs it from this repository, so it needs no package registry.
 */
export function runPlan(env: NodeJS.ProcessEnv = process.env): number {
  try {
    const targets = input(env, 'targets')
      .split(/[\s,]+/)
      .filter(t => t !== '')
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
    // Artifacts are named for the project's directory unless a name is given.
    const name = input(env, 'name') || path.basename(path.resolve(workspace, input(env, 'project') || '.'))
    const matrix = planMatrix(targets, `pyseal-${name}`)
    core.info(`planned ${matrix.include.map(leg => `${leg.target} on ${leg['runs-on']}`).join(', ')}`)
    core.setOutput('matrix', JSON.stringify(matrix))
    return 0
  } catch (error) {
    core.error(renderError(error))
    return 1
  }
}

if (require.main === module) process.exitCode = runPlan()
