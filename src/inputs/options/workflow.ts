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
    summary:
      "on a tag, attach the binaries' archives, `SHA256SUMS` and provenance to the tag's release, created when missing"
  },
  releaseDraft: {
    name: 'release-draft',
    given: 'switch',
    surfaces: ['workflow'],
    default: { value: false, declared: true },
    summary: 'a release the workflow creates is a draft, published by hand'
  },
  beforeBuild: {
    name: 'before-build',
    given: 'text',
    surfaces: ['workflow'],
    default: { value: '', declared: true },
    summary:
      "a bash snippet run on each build leg before pyseal (the leg's target in `PYSEAL_TARGET`), for the " +
      "project's own system needs"
  }
} as const satisfies Record<string, OptionSpec>
