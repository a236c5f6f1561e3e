import type { ZodIssue } from 'zod'
import { ACTION_OPTIONS } from './options/action'
import { BUILD_OPTIONS } from './options/build'
import { didYouMean } from './suggest'

/** A setting's user-facing name by its camelCase field (BuildInputs', ActionOptions'): the registry's name. */
const NAMES_BY_FIELD: Record<string, string> = Object.fromEntries(
  Object.entries({ ...BUILD_OPTIONS, ...ACTION_OPTIONS }).map(([field, option]) => [field, option.name])
)

export function settingName(field: string | number | undefined): string {
  const name = String(field ?? '')
  return NAMES_BY_FIELD[name] ?? name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)
}

/**
 * One zod issue as a sentence a user can act on: the setting by its flag name, what
 * is wrong, and what would be right. `known` lists the valid keys, for typos.
 */
export function describeIssue(issue: ZodIssue, known: readonly string[] = []): string {
  const name = settingName(issue.path[0])
  switch (issue.code) {
    case 'invalid_enum_value':
      return `${name} must be one of ${issue.options.join(', ')}, not "${String(issue.received)}"`
    case 'invalid_type':
      return issue.received === 'undefined'
        ? `${name} is required`
        : `${name} must be ${article(issue.expected)}, not ${article(issue.received)}`
    case 'invalid_union':
      return `${name} must be a string or a list of strings`
    case 'unrecognized_keys':
      return issue.keys
        .map(key => `unknown setting "${key}".${didYouMean(key, known)} Known settings: ${known.join(', ')}`)
        .join('; ')
    default:
      return `${name}${issue.path.length > 1 ? ` (${issue.path.slice(1).join('.')})` : ''}: ${issue.message}`
  }
}

function article(type: string): string {
  if (type === 'array') return 'a list'
  if (type === 'object') return 'a table'
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}
