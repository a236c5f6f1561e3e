import path from 'node:path'
import { z } from 'zod'
import { describeIssue } from './issues'
import { booleanOf } from './resolve-inputs'
import { InputError, type RawInputs } from './schema'

/** The action's inputs, by the names action.yml declares (the CLI's flag names). */
export const ACTION_INPUT_NAMES = [
  'target',
  'project',
  'requirements',
  'entry-point',
  'name',
  'python-distribution',
  'python-optimization',
  'stdlib-exclude',
  'stdlib',
  'stdlib-include',
  'out-dir',
  'cache-dir',
  'fail-on',
  'flavor',
  'extension-location',
  'allow-in-memory-shared-library-loading',
  'exclude-packages',
  'standalone-packages',
  'link-extra'
] as const

/** Inputs that take one value per line (or comma-separated). */
const LIST_INPUTS = new Set(['requirements', 'link-extra'])

/**
 * Reads the inputs the runner passes as `INPUT_<NAME>` variables; an empty input
 * is unset. `requirements` takes one file per line (or comma-separated).
 */
export function readActionInputs(env: NodeJS.ProcessEnv): RawInputs {
  const inputs: Record<string, unknown> = {}
  for (const name of ACTION_INPUT_NAMES) {
    const value = (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
    if (value === '') continue
    inputs[name] = LIST_INPUTS.has(name)
      ? value
          .split(/[\n,]/)
          .map(s => s.trim())
          .filter(s => s !== '')
      : value
  }
  return inputs as RawInputs
}

/** What only the action takes (the CLI has no cache service or artifact store). */
export const ActionOptionsSchema = z.object({
  /** `auto`: restore always, save only on pushes to the default branch; `true`: always save; `false`: no cache. */
  cache: z.enum(['auto', 'true', 'false']),
  /** Appended to every cache key, to keep caches of different jobs apart. */
  cacheSuffix: z.string(),
  /** Upload the binary, its checksum and report as an artifact. */
  upload: z.boolean(),
  /** The artifact's name (default `pyseal-<name>-<target>`). */
  artifactName: z
    .string()
    .regex(/^[^"<>|*?\r\n\\/:]+$/, 'may not hold " : < > | * ? / \\ or line breaks: choose a name without them')
    .nullable(),
  /** Where relative paths in the other inputs start from. */
  workingDirectory: z.string()
})
export type ActionOptions = z.infer<typeof ActionOptionsSchema>

/** The action-only inputs, parsed at once; every bad one is named in one message. */
export function readActionOptions(env: NodeJS.ProcessEnv): ActionOptions {
  const input = (name: string): string => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim()
  const problems: string[] = []
  const candidate = {
    cache: input('cache') || 'auto',
    cacheSuffix: input('cache-suffix'),
    upload: booleanOf(input('upload') || undefined, 'upload', problems),
    artifactName: input('artifact-name') || null,
    workingDirectory: path.resolve(env.GITHUB_WORKSPACE ?? process.cwd(), input('working-directory') || '.')
  }
  const parsed = ActionOptionsSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(describeIssue(issue))
  }
  if (problems.length > 0) throw new InputError(problems)
  return parsed.data as ActionOptions
}
