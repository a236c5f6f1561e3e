import type { RawInputs } from './schema'

/** The action's inputs, by the names action.yml declares (the CLI's flag names). */
export const ACTION_INPUT_NAMES = [
  'target',
  'project',
  'requirements',
  'entry-point',
  'name',
  'python-distribution',
  'stdlib-exclude',
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
