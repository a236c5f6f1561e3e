import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { isPbsValue, loadPbsManifest, parsePbsRequest, resolvePbsArchive } from '../distribution/pbs'
import { TARGETS } from '../targets/table'
import { readUtf8 } from './pyproject'
import {
  cpythonValue,
  FIRST_FREE_THREADED_MINOR,
  loadCPythonReleases,
  parseCPythonValue,
  parsePythonVersion,
  resolvePythonVersion,
  type PythonVersionRequest
} from '../distribution/cpython-releases'
import type { ExtensionLocation, LinkExtra, PackageDataLocation } from './options/value-schemas'
import { DEFAULT_GLIBC_FLOOR, parseGlibcFloor, whyNoGlibc, type GlibcFloor } from '../toolchain/glibc-floor'

/**
 * One option's raw value (a flag's text, a TOML value, an action input) made into
 * its resolved form, with a one-line problem for a bad one. resolve-inputs.ts and
 * action-inputs.ts call these; the checks that span options stay there.
 */

/** A list setting given as a TOML array, a repeated flag, or one comma-separated string. */
export function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  return (Array.isArray(value) ? value : value.split(','))
    .flatMap(v => v.split(','))
    .map(v => v.trim())
    .filter(v => v !== '')
}

/** A true/false setting (TOML boolean, or yes/no/1/0 text from flags and action inputs); false when unset. */
export function booleanOf(value: boolean | string | undefined, name: string, problems: string[]): boolean {
  if (value === undefined || typeof value === 'boolean') return value ?? false
  if (/^(true|yes|1)$/i.test(value)) return true
  if (/^(false|no|0|)$/i.test(value)) return false
  problems.push(`${name} must be true or false, not "${value}"`)
  return false
}

/** --stdlib-exclude: the default when unset; `none` (or nothing) keeps the whole stdlib. */
export function stdlibExcludeOf(value: string | string[] | undefined, defaults: readonly string[]): string[] {
  if (value === undefined) return [...defaults]
  return (Array.isArray(value) ? value : value.split(',')).map(s => s.trim()).filter(s => s !== '' && s !== 'none')
}

/** --extension-location: `in-memory` or `filesystem-relative:DIR`, in the order given. */
export function extensionLocationsOf(value: string | string[], problems: string[]): ExtensionLocation[] {
  return listOf(value).map(location => {
    if (location === 'in-memory') return { kind: 'in-memory' as const }
    const match = /^filesystem-relative:(.+)$/.exec(location)
    if (!match) problems.push(`extension-location "${location}" is not in-memory or filesystem-relative:DIR`)
    return { kind: 'filesystem-relative' as const, dir: match?.[1] ?? location }
  })
}

/** --package-data-location: `PKG=filesystem-relative:DIR` or `PKG=user-cache`, one package once. */
export function packageDataLocationsOf(
  value: string | string[] | undefined,
  problems: string[]
): PackageDataLocation[] {
  const seen = new Set<string>()
  return listOf(value).flatMap(item => {
    const match = /^([^=]*)=(user-cache|filesystem-relative:(.*))$/.exec(item)
    if (!match) {
      problems.push(
        `package-data-location "${item}" is not PKG=filesystem-relative:DIR or PKG=user-cache ` +
          '(PKG: a top-level package of the app)'
      )
      return []
    }
    const [, pkg, where, dir] = match
    if (seen.has(pkg)) problems.push(`package-data-location names ${pkg} twice: give it one location`)
    seen.add(pkg)
    const location =
      where === 'user-cache' ? { kind: 'user-cache' as const } : { kind: 'filesystem-relative' as const, dir }
    return [{ package: pkg, location }]
  })
}

/** A directory setting whose path, if it exists, must be a directory. */
export function directoryValue(dir: string, name: string, problems: string[]): string {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    problems.push(`${name} ${dir} is a file, not a directory: give --${name} a directory (it is created if missing)`)
  }
  return dir
}

/** Why a requirements file cannot be read by pip: missing, not a file, not UTF-8, or listing nothing. */
export async function requirementsProblems(file: string): Promise<string[]> {
  if (!existsSync(file)) return [`requirements file ${file} does not exist: check --requirements`]
  if (!statSync(file).isFile()) return [`requirements file ${file} is not a file: give --requirements a file`]
  const text = await readUtf8(file)
  if (text === null) return [`requirements file ${file} is not UTF-8 text: save it as UTF-8 (pip reads nothing else)`]
  const lines = text.split('\n').map(l => l.replace(/(^|\s)#.*$/, '').trim())
  if (lines.every(l => l === '')) {
    return [`requirements file ${file} lists no requirements: add them, or leave out --requirements`]
  }
  return []
}

/**
 * --glibc for the target: a floor on a Linux gnu target (the default when not given),
 * null on any other. A version given as a flag or action input for a target without
 * glibc is a problem; from `[tool.pyseal]`, which serves every target of a matrix, it
 * applies to the gnu targets only and is dropped elsewhere.
 */
export function glibcValue(
  given: { value: string | undefined; fromSettings: boolean },
  triple: string,
  problems: string[]
): GlibcFloor | null {
  const target = TARGETS.find(t => t.triple === triple)
  const noGlibc = target ? whyNoGlibc(target) : null
  if (given.value === undefined) return noGlibc === null ? DEFAULT_GLIBC_FLOOR : null
  const parsed = parseGlibcFloor(given.value)
  if ('problem' in parsed) {
    problems.push(parsed.problem)
    return null
  }
  if (noGlibc === null) return parsed.floor
  if (parsed.floor !== 'host' && !given.fromSettings) {
    problems.push(`glibc "${given.value}" does not apply: ${noGlibc}; leave out --glibc for this target`)
  }
  return null
}

const DEBIAN_PYTHONS = ['python3.11', 'python3.13']

/** --python-distribution: a debian: value pyseal knows, a pbs: request it can parse, a URL, or a path that exists. */
export async function distributionValue(
  value: string,
  triple: string,
  cwd: string,
  problems: string[]
): Promise<string> {
  if (value.startsWith('debian:')) {
    const pkg = value.slice('debian:'.length)
    if (!DEBIAN_PYTHONS.includes(pkg)) {
      problems.push(
        `python-distribution "${value}" is not a CPython pyseal can build from Debian's sources: ` +
          `use ${DEBIAN_PYTHONS.map(p => `debian:${p}`).join(' or ')}, a CPython source tarball, or pbs:VERSION`
      )
    }
    return value
  }
  if (/^https?:\/\//.test(value)) return value
  if (value.startsWith('cpython:')) {
    const named = parseCPythonValue(value)
    const known = (await loadCPythonReleases()).releases.some(r => r.version === named?.version)
    if (!known)
      problems.push(`python-distribution "${value}" names no release pyseal knows: use --python-version X.Y instead`)
    else if (named?.freeThreaded && !hasFreeThreadedBuild(named.version))
      problems.push(noFreeThreadedBuild(`python-distribution "${value}"`))
    return value
  }
  if (isPbsValue(value) && value.startsWith('pbs:')) {
    try {
      // An archive the manifest does not know for the target is a bad input, found before anything is built.
      const known = TARGETS.some(t => t.triple === triple)
      const request = parsePbsRequest(value)
      if (known) resolvePbsArchive(await loadPbsManifest(), request, triple)
    } catch (error) {
      problems.push((error as Error).message)
    }
    return value
  }
  const local = path.resolve(cwd, value)
  if (!existsSync(local)) {
    problems.push(
      `python-distribution "${value}" is neither debian:python3.N, pbs:VERSION, a URL nor an existing file or directory: ` +
        'give one of those'
    )
    return value
  }
  return local
}

/** `a.o,libx.a` (objects to link) or `pkg.mod=a.o,b.a` (a built-in module from them); paths must exist. */
export function parseLinkExtra(item: string, cwd: string, problems: string[]): LinkExtra {
  const match = /^([A-Za-z_][\w.]*)=(.+)$/.exec(item)
  const paths = (match ? match[2] : item)
    .split(/[,;]/)
    .map(p => p.trim())
    .filter(p => p !== '')
    .map(p => path.resolve(cwd, p))
  for (const file of paths) {
    if (!existsSync(file)) problems.push(`link-extra file ${file} does not exist: check --link-extra`)
    else if (!/\.(o|obj|a|lib)$/.test(file))
      problems.push(`link-extra file ${file} is not an object file or static library: give .o, .obj, .a or .lib files`)
  }
  return match ? { kind: 'module', module: match[1], paths } : { kind: 'objects', paths }
}

/**
 * --python-version: the release it means, as the distribution value `cpython:X.Y.Z`.
 * With --python-distribution too, the distribution wins; a version it visibly
 * contradicts (`debian:python3.13`, `pbs:3.11` against `3.14`) is a problem.
 */
export async function pythonVersionValue(
  version: string,
  distribution: string | undefined,
  problems: string[],
  allowPrereleases = false
): Promise<string | null> {
  const request = parsePythonVersion(version)
  if ('problem' in request) {
    problems.push(request.problem)
    return null
  }
  if (request.freeThreaded && !hasFreeThreadedBuild(request.version)) {
    problems.push(noFreeThreadedBuild(`python-version "${version}"`))
    return null
  }
  if (distribution !== undefined) {
    const problem = disagreement(version, request, distribution)
    if (problem) problems.push(problem)
    return null
  }
  const release = resolvePythonVersion(await loadCPythonReleases(), request, allowPrereleases)
  if ('problem' in release) {
    problems.push(release.problem)
    return null
  }
  return cpythonValue(release.version, request.freeThreaded)
}

/** A free-threaded build exists for this version (`3.14`, `3.14.7`). */
function hasFreeThreadedBuild(version: string): boolean {
  return Number(version.split('.')[1]) >= FIRST_FREE_THREADED_MINOR
}

function noFreeThreadedBuild(what: string): string {
  return `${what}: CPython has a free-threaded build from 3.${FIRST_FREE_THREADED_MINOR} on: choose 3.${FIRST_FREE_THREADED_MINOR}t or later, or drop the t`
}

/**
 * What python-distribution visibly says against python-version: another version
 * (`debian:python3.13`, `pbs:3.11`, `cpython:3.13.5` against `3.14`), or a build with
 * the GIL where `3.14t` asks for a free-threaded one (Debian's never is), or the reverse.
 */
function disagreement(version: string, request: PythonVersionRequest, distribution: string): string | null {
  const cpython = parseCPythonValue(distribution)
  const given =
    /^debian:python(3\.\d+)$/.exec(distribution)?.[1] ??
    /^pbs:(3\.\d+(?:\.\d+)?)/.exec(distribution)?.[1] ??
    cpython?.version
  if (!given) return null
  const agree = (a: string, b: string): boolean => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`)
  // Known for Debian's (never) and a release's value; a pbs: archive's variant is not checked here.
  const freeThreaded = distribution.startsWith('debian:') ? false : (cpython?.freeThreaded ?? request.freeThreaded)
  if (!agree(given, request.version) || freeThreaded !== request.freeThreaded) {
    const build = cpython?.freeThreaded ? `${given}t` : given
    return `python-version "${version}" and python-distribution "${distribution}" (CPython ${build}) disagree: give one of them`
  }
  return null
}
