import { UserError } from '../errors/user-error'
import type { z } from 'zod'
import { rawSchema, valueSchema, type RawValues } from './options/spec'
import { BUILD_OPTIONS } from './options/build'

/**
 * The build's inputs as the stages see them, and what a user may write, both derived
 * from the option registry (options/registry.ts): one vocabulary for the CLI flags, the
 * action's inputs and `[tool.pyseal]` (kebab-case outside, camelCase inside). The
 * stages import every input type from here.
 */

export type { ExtensionLocation, LinkExtra } from './options/value-schemas'

/** Every setting, resolved and validated. */
export const BuildInputsSchema = valueSchema(BUILD_OPTIONS)
export type BuildInputs = z.infer<typeof BuildInputsSchema>

/** What the user may set (`[tool.pyseal]` keys, flags, action inputs); everything has a default except what the project supplies. */
export const RawInputsSchema = rawSchema(BUILD_OPTIONS, 'pyproject')
export type RawInputs = RawValues<typeof BUILD_OPTIONS>

/** Every problem found in the build's inputs, each a line that names the input, the cause and the fix. */
export class InputError extends UserError {
  constructor(readonly problems: string[]) {
    super(
      { input: 'the build inputs', cause: problems.join('; '), fix: 'correct each as its problem says' },
      `pyseal cannot start: ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`
    )
    this.name = 'InputError'
  }
}
