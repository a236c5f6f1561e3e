import * as core from '@actions/core'
import path from 'node:path'
import { renderError, UserError } from './errors/user-error'
import { input } from './inputs/action-inputs'
import { BUILD_OPTIONS } from './inputs/options/build'
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
    const named = BUILD_OPTIONS.name.value.safeParse(name)
    if (!named.success) {
      throw new UserError({
        input: `name "${name}"`,
        cause: `cannot name an artifact (${named.error.issues[0].message})`,
        fix: 'give the plan a name of letters, digits, ".", "_" and "-"'
      })
    }
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
