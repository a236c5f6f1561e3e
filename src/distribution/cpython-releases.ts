import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import bundledReleases from './cpython-releases.json'
import { compareVersions, isPrerelease, minorOf, RELEASE_PATTERN } from './release-version'

/**
 * The CPython source releases `--python-version` chooses from (cpython-releases.json):
 * each with the places its source can be fetched from and the sha256 it must have.
 * Input resolution turns a version into `cpython:X.Y.Z` (`cpython:X.Y.Zt` for the
 * free-threaded build), which obtain.ts fetches (first source that answers) and
 * builds like any source tarball.
 */
const SourceFacts = {
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Who publishes it, in words, for the log and the README. */
  from: z.string().min(1)
}

/** A whole URL, or a path on a mirror whose base the machine's settings give (source-mirrors.ts). */
export const CPythonSourceSchema = z.union([
  z.object({ url: z.string().url(), ...SourceFacts }).strict(),
  z.object({ mirror: z.enum(['debian', 'go-proxy']), path: z.string().min(1), ...SourceFacts }).strict()
])
export type CPythonSource = z.infer<typeof CPythonSourceSchema>

export const CPythonReleasesSchema = z.object({
  comment: z.string().optional(),
  /** What a bare X.Y means: the release the tests build; always a final release. */
  defaults: z.record(z.string().regex(/^3\.\d+$/), z.string().regex(/^3\.\d+\.\d+$/)),
  /** Final releases and pre-releases (`3.15.0rc2`); a pre-release is taken only when asked for. */
  releases: z.array(
    z.object({ version: z.string().regex(RELEASE_PATTERN), sources: z.array(CPythonSourceSchema).min(1) })
  )
})
export type CPythonReleases = z.infer<typeof CPythonReleasesSchema>
export type CPythonRelease = CPythonReleases['releases'][number]

/** The oldest and newest minor versions pyseal builds (its launcher and capture know their internals). */
export const SUPPORTED_MINORS = ['3.11', '3.12', '3.13', '3.14', '3.15']

/** The releases manifest: the bundled one, or PYSEAL_CPYTHON_RELEASES (a file) when set. */
export async function loadCPythonReleases(env: NodeJS.ProcessEnv = process.env): Promise<CPythonReleases> {
  const file = env.PYSEAL_CPYTHON_RELEASES
  const raw: unknown = file ? JSON.parse(await readFile(file, 'utf8')) : bundledReleases
  return CPythonReleasesSchema.parse(raw)
}

export interface PythonVersionRequest {
  /** `3.14`, `3.14.2` or a pre-release `3.15.0rc2`. */
  version: string
  freeThreaded: boolean
}

/**
 * `3.14`, `3.14.2`, `3.14t`, a pre-release `3.15.0rc2` (setup-python's `3.15.0-rc.2`
 * reads the same): the request, or a problem naming the valid forms. A version
 * outside 3.11–3.15 is refused with the range.
 */
export function parsePythonVersion(value: string): PythonVersionRequest | { problem: string } {
  const match = /^(3\.(\d+))(\.\d+)?(?:-?(a|b|rc)\.?(\d+))?(t)?$/.exec(value.trim())
  const range = `${SUPPORTED_MINORS[0]} to ${SUPPORTED_MINORS.at(-1)}`
  if (!match || (match[4] && !match[3])) {
    return {
      problem: `python-version "${value}" is not a CPython version: write X.Y or X.Y.Z from ${range}, e.g. 3.14 or 3.14.2`
    }
  }
  if (!SUPPORTED_MINORS.includes(match[1])) {
    return { problem: `python-version "${value}" is outside what pyseal builds: choose ${range}` }
  }
  const prerelease = match[4] ? `${match[4]}${match[5]}` : ''
  return { version: match[1] + (match[3] ?? '') + prerelease, freeThreaded: match[6] === 't' }
}

/** The oldest minor version with a free-threaded build (`--disable-gil`, PEP 703). */
export const FIRST_FREE_THREADED_MINOR = 13

/** The distribution value a release resolves to: `cpython:3.14.7`, or `cpython:3.14.7t` free-threaded. */
export function cpythonValue(version: string, freeThreaded: boolean): string {
  return `cpython:${version}${freeThreaded ? 't' : ''}`
}

/** `cpython:3.14.7t` → the release and the build it names; null for any other value. */
export function parseCPythonValue(value: string): { version: string; freeThreaded: boolean } | null {
  const match = /^cpython:(3\.\d+\.\d+(?:(?:a|b|rc)\d+)?)(t)?$/.exec(value)
  return match ? { version: match[1], freeThreaded: match[2] === 't' } : null
}

/**
 * The release a request means: X.Y through `defaults` (final releases only), X.Y.Z and
 * a pre-release exactly. A minor with pre-releases only (3.15 before its final) means
 * its newest pre-release when `allowPrereleases` (setup-python's allow-prereleases);
 * otherwise the problem names them. A problem names what is known.
 */
export function resolvePythonVersion(
  releases: CPythonReleases,
  request: PythonVersionRequest,
  allowPrereleases = false
): CPythonRelease | { problem: string } {
  const minor = minorOf(request.version)
  const known = releases.releases.filter(r => minorOf(r.version) === minor).map(r => r.version)
  const prereleases = known.filter(isPrerelease).sort(compareVersions)
  const bare = /^3\.\d+$/.test(request.version)
  const wanted = bare
    ? (releases.defaults[request.version] ?? (allowPrereleases ? prereleases.at(-1) : undefined))
    : request.version
  const release = wanted ? releases.releases.find(r => r.version === wanted) : undefined
  if (release) return release
  if (bare && prereleases.length === known.length && prereleases.length > 0) {
    return {
      problem:
        `python-version "${request.version}" has no final release in pyseal's release list, only ` +
        `the pre-release${prereleases.length > 1 ? 's' : ''} ${prereleases.join(', ')}: name one exactly ` +
        `(--python-version ${prereleases.at(-1)}), or set allow-prereleases to take the newest`
    }
  }
  return {
    problem:
      `python-version "${request.version}" has no source in pyseal's release list` +
      (known.length > 0 ? ` (known for ${minor}: ${known.join(', ')})` : ` (none is known for ${minor} yet)`) +
      ': choose a known one, or give --python-distribution a source tarball'
  }
}
