import { ACTION_OPTIONS } from './action'
import { BUILD_OPTIONS } from './build'
import type { OptionSpec } from './spec'
import { WORKFLOW_OPTIONS } from './workflow'

/**
 * The option registry: every option pyseal takes, declared once, in build.ts (the
 * build's options), action.ts (the action's own) and workflow.ts (the reusable
 * workflow's own); spec.ts says what an entry holds. Derived from it: the build
 * inputs' and `[tool.pyseal]`'s schemas (inputs/schema.ts), the action's input
 * reading (inputs/action-inputs.ts), the CLI's flags and usage
 * (commands/build-flags.ts), the did-you-mean candidates, and, written by
 * `npm run options-docs`, the README's option tables, action.yml's inputs and the
 * reusable workflow's inputs (test/inputs/options.test.ts fails when one differs).
 * Adding an option: one entry, then its implementation (resolve-inputs.ts for a
 * build option, readActionOptions for an action-only one, the workflow's jobs for a
 * workflow-only one), then `npm run options-docs`.
 */

/** Every option, build options first, in the order the docs list them. */
export const ALL_OPTIONS: readonly OptionSpec[] = [
  ...Object.values(BUILD_OPTIONS),
  ...Object.values(ACTION_OPTIONS),
  ...Object.values(WORKFLOW_OPTIONS)
]
