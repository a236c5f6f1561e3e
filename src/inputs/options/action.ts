import { z } from 'zod'
import type { OptionSpec } from './spec'

/**
 * The options only the action takes, one entry each (the build's options are action
 * inputs too: build.ts). readActionOptions (action-inputs.ts) reads each into
 * ActionOptions, whose schema is these entries' values.
 */

/** What only the action takes (the CLI has no cache service or artifact store): the fields of ActionOptions. */
export const ACTION_OPTIONS = {
  cache: {
    name: 'cache',
    value: z.enum(['auto', 'true', 'false']),
    given: 'text',
    surfaces: ['action'],
    default: { value: 'auto', declared: true },
    summary:
      '`auto` (restore always; save on pushes to the default branch), `true` (save on every run) or `false` (no ' +
      'cache); tag pushes, releases, `pull_request_target` and `workflow_run` only restore'
  },
  cacheSuffix: {
    name: 'cache-suffix',
    // The cache service refuses a key with a comma or over 512 characters: a suffix that makes one is bad input, not a warning.
    value: z
      .string()
      .max(200, 'may be at most 200 characters long: the cache service refuses longer keys')
      .regex(/^[^,\r\n]*$/, 'may not hold "," or line breaks: the cache service refuses such keys'),
    given: 'text',
    surfaces: ['action'],
    default: { value: '' },
    summary:
      'appended to the cache keys, to keep different jobs apart (no commas or line breaks, at most 200 characters)'
  },
  upload: {
    name: 'upload',
    value: z.boolean(),
    given: 'switch',
    surfaces: ['action'],
    default: { value: false, declared: true },
    summary: 'upload the binary (with `lib/` if any), its `.sha256`, the report JSON and Markdown as an artifact'
  },
  artifactName: {
    name: 'artifact-name',
    value: z
      .string()
      .regex(/^[^"<>|*?\r\n\\/:]+$/, 'may not hold " : < > | * ? / \\ or line breaks: choose a name without them')
      .nullable(),
    given: 'text',
    surfaces: ['action'],
    default: { text: '`pyseal-<name>-<target>`' },
    summary: 'the artifact name'
  },
  workingDirectory: {
    name: 'working-directory',
    value: z.string(),
    given: 'text',
    surfaces: ['action'],
    default: { text: 'the workspace' },
    summary: 'where relative paths in the other inputs start'
  },
  /** Declared for callers that pass it; pyseal does not read it (the cache and artifact clients use the runner's own token). */
  githubToken: {
    name: 'github-token',
    given: 'text',
    surfaces: ['action'],
    default: { value: '${{ github.token }}', text: 'the job token', declared: true },
    summary: 'token for the cache and artifact services'
  }
} as const satisfies Record<string, OptionSpec>
