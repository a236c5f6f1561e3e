import path from 'node:path'
import type { z } from 'zod'
import { describeIssue } from './issues'
import { optionsOn, valueSchema } from './options/spec'
import { booleanOf } from './parse-values'
import { ACTION_OPTIONS } from './options/action'
import { BUILD_OPTIONS } from './options/build'
import { InputError, type RawInputs } from './schema'

/**
 * The action's inputs, as the runner passes them (`INPUT_<NAME>` variables): the
 * build options by their registry names (the CLI's flag names), and the options only
 * the action takes. src/main.ts calls both readers.
 */

/** One input as the runner passes it, trimmed; empty when not given. The sub-actions read theirs with it too. */
export const input = (env: NodeJS.ProcessEnv, name: string): string => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()

/**
 * The build options the action was given; an empty input is unset, a repeated one takes
 * one item per line (never split at commas: a link-extra item is `pkg.mod=a.o,b.a`).
 */
export function readActionInputs(env: NodeJS.ProcessEnv): RawInputs {
  const inputs: Record<string, unknown> = {}
  for (const option of optionsOn(BUILD_OPTIONS, 'action')) {
    const value = input(env, option.name)
    if (value === '') continue
    inputs[option.name] =
      option.given === 'repeated'
        ? value
            .split('\n')
            .map(s => s.trim())
            .filter(s => s !== '')
        : value
  }
  return inputs as RawInputs
}

/** What only the action takes, validated (github-token is not read: the cache and artifact clients use the runner's own token). */
export const ActionOptionsSchema = valueSchema(ACTION_OPTIONS)
export type ActionOptions = z.infer<typeof ActionOptionsSchema>

/** Every field of ActionOptions, before validation: an action-only option added to the registry is read here. */
type Candidate = { [K in keyof ActionOptions]: unknown }

/** Where the action's paths are relative to: working-directory under the workspace (known even when other inputs are bad). */
export function actionWorkingDirectory(env: NodeJS.ProcessEnv): string {
  return path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), input(env, 'working-directory') || '.')
}

/** The action-only inputs, parsed at once; every bad one is named in one message. */
export function readActionOptions(env: NodeJS.ProcessEnv): ActionOptions {
  const problems: string[] = []
  const candidate: Candidate = {
    cache: input(env, 'cache') || ACTION_OPTIONS.cache.default.value,
    cacheSuffix: input(env, 'cache-suffix'),
    upload: booleanOf(input(env, 'upload') || undefined, 'upload', problems),
    artifactName: input(env, 'artifact-name') || null,
    workingDirectory: actionWorkingDirectory(env)
  }
  const parsed = ActionOptionsSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(issue))
  }
  if (problems.length > 0) throw new InputError(problems)
  return parsed.data as ActionOptions
}
