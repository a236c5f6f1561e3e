import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  CPythonReleasesSchema,
  parsePythonVersion,
  resolvePythonVersion
} from '../../src/distribution/cpython-releases'
import bundledReleases from '../../src/distribution/cpython-releases.json'
import { glibcValue } from '../../src/inputs/parse-values'
import { MissingRequirementError, PackageBuildError } from '../../src/packages/pip-errors'
import { UnknownTargetError } from '../../src/targets/table'

/**
 * The README's troubleshooting section quotes the messages a first run meets: each
 * quote must still be what pyseal says. Every entry is listed here with how pyseal
 * comes to say it (the real code, given the mistake), or with why it quotes no message,
 * so an entry added to the README without a producer, or a message reworded without the
 * README, fails.
 */
const REPO = path.join(__dirname, '..', '..')
const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
const section = readme.split('\n### Troubleshooting\n')[1]?.split('\n### ')[0] ?? ''

/** Each entry: its bold lead, whitespace folded, and the backquoted text inside the bold parts. */
const entries = section
  .split(/\n- /)
  .slice(1)
  .map(text => text.replace(/\s+/g, ' '))
  .map(text => {
    const bold = [...text.matchAll(/\*\*(.+?)\*\*/g)].map(m => m[1])
    return { lead: bold.join(' … '), quotes: bold.flatMap(b => [...b.matchAll(/`([^`]+)`/g)].map(m => m[1])) }
  })

const releases = CPythonReleasesSchema.parse(bundledReleases)
const problemOf = (result: object): string => ('problem' in result ? String(result.problem) : '')
const workflow = readFileSync(path.join(REPO, '.github', 'workflows', 'pyseal.yml'), 'utf8')

/** By the entry's first quote: what pyseal says for that mistake, or null with why the entry quotes no message. */
const SAID: Record<string, (() => string[]) | { noMessage: string }> = {
  'Unknown target "…"': () => [new UnknownTargetError(['linux-x46']).message],
  'glibc "2.17" does not apply: … links musl statically': () => {
    const problems: string[] = []
    glibcValue({ value: '2.17', fromSettings: false }, 'x86_64-unknown-linux-musl', problems)
    return problems
  },
  'python-version "…" is outside what pyseal builds': () => [
    problemOf(parsePythonVersion('3.9')),
    problemOf(resolvePythonVersion(releases, { version: '3.14.99', freeThreaded: false }))
  ],
  'debian:python3.11': { noMessage: 'apt-get source fails as apt words it; the entry names the input to change' },
  'Building <package> from source failed': () => [new PackageBuildError('pyyaml', 'error: x', 'pip.log').message],
  'requirement … is not on the package index': () => [
    new MissingRequirementError('nosuchpkg==1.0', ['requirements.txt'], 'pip.log').message
  ],
  'fail-on: fallback': { noMessage: "the step fails by the user's own policy; the report says why" },
  'cache-hit': { noMessage: 'an output, not an error' },
  'no binary for <target>': () => [/::error::(no binary for \$target[^"]*)/.exec(workflow)?.[1] ?? '']
}

/** A quote as a pattern: "…" and "<placeholder>" stand for any text. */
const pattern = (quote: string): RegExp =>
  new RegExp(
    quote
      .split(/…|<[a-z]+>/)
      .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')
  )

describe("the README's troubleshooting section", () => {
  it('has the entries this test knows how pyseal comes to say', () => {
    expect(entries.length).toBeGreaterThanOrEqual(8)
    expect(entries.map(e => e.quotes[0])).toEqual(Object.keys(SAID))
  })

  const quoting = entries.flatMap(e => {
    const said = SAID[e.quotes[0]]
    return typeof said === 'function' ? [[e.lead, e.quotes, said] as const] : []
  })
  it.each(quoting)('quotes what pyseal says: %s', (_lead, quotes, said) => {
    const messages = said()
    for (const quote of quotes) expect([quote, messages.some(m => pattern(quote).test(m))]).toEqual([quote, true])
  })
})
