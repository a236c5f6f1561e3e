import type { OptionSpec } from './spec'

/**
 * The options only the reusable workflow (.github/workflows/pyseal.yml) takes, one
 * entry each: its jobs use them; pyseal's code never sees them. The build's options
 * marked `workflow` in build.ts are its inputs too, passed on to the action.
 */

/** What only the reusable workflow takes (.github/workflows/pyseal.yml uses them in its jobs). */
export const WORKFLOW_OPTIONS = {
  targets: {
    name: 'targets',
    given: 'list',
    surfaces: ['workflow'],
    default: { value: 'linux-x64', declared: true },
    summary: 'comma-separated target triples or aliases (`all` for every one)'
  },
  release: {
    name: 'release',
    given: 'switch',
    surfaces: ['workflow'],
    default: { value: false, declared: true },
    summary: 'on a tag, attach the binaries, `SHA256SUMS` and provenance to the release'
  }
} as const satisfies Record<string, OptionSpec>
