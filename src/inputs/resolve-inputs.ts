import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../cache/paths'
import { isPbsValue, loadPbsManifest, parsePbsRequest, resolvePbsArchive } from '../distribution/pbs'
import { findTarget, hostTriple, TARGETS } from '../targets/table'
import { normalizeName } from '../utils/package-name'
import { describeIssue } from './issues'
import { readProjectMetadata, readUtf8 } from './pyproject'
import {
  BuildInputsSchema,
  DEFAULT_STDLIB_EXCLUDE,
  InputError,
  type BuildInputs,
  type LinkExtra,
  type RawInputs
} from './schema'

export const DEFAULT_PYTHON_DISTRIBUTION = 'debian:python3.11'

/**
 * Merges flags (or action inputs) over `[tool.pyseal]` over defaults, validates
 * everything, and throws one InputError listing every bad value.
 */
export async function resolveBuildInputs(flags: RawInputs, cwd = process.cwd()): Promise<BuildInputs> {
  const problems: string[] = []
  const project = path.resolve(cwd, flags.project ?? '.')
  if (!existsSync(project)) {
    throw new InputError([`project directory ${project} does not exist: point --project at the project's directory`])
  }
  if (!statSync(project).isDirectory()) {
    throw new InputError([`project ${project} is a file, not a directory: point --project at the directory holding it`])
  }
  if (!existsSync(path.join(project, 'pyproject.toml')) && !existsSync(path.join(project, 'setup.py'))) {
    problems.push(`${project} has neither pyproject.toml nor setup.py: point --project at a Python project`)
  }
  const metadata = await readProjectMetadata(project)
  problems.push(...metadata.problems)
  const merged: RawInputs = { ...metadata.settings, ...flags }

  let target = merged.target ?? hostTriple()
  try {
    target = findTarget(target).triple
  } catch (error) {
    problems.push((error as Error).message)
  }

  // "none" asks for interpreter mode even when the project declares scripts.
  const interpreterMode = merged['entry-point'] === 'none'
  let entryPoint: string | null = interpreterMode ? null : (merged['entry-point'] ?? null)
  if (entryPoint === null && !interpreterMode) {
    const scripts = Object.values(metadata.scripts)
    if (scripts.length === 1) entryPoint = scripts[0]
    else if (scripts.length > 1) {
      problems.push(
        `[project.scripts] has ${scripts.length} entries (${Object.keys(metadata.scripts).join(', ')}): choose one with --entry-point`
      )
    }
  }

  const requirements = (merged.requirements ?? []).map(r => path.resolve(cwd, r))
  for (const file of requirements) problems.push(...(await requirementsProblems(file)))

  const exclude = merged['stdlib-exclude']
  const stdlibExclude =
    exclude === undefined
      ? DEFAULT_STDLIB_EXCLUDE
      : (Array.isArray(exclude) ? exclude : exclude.split(',')).map(s => s.trim()).filter(s => s !== '' && s !== 'none')

  const candidate = {
    target,
    project,
    requirements,
    entryPoint,
    name: merged.name ?? metadata.name ?? path.basename(project),
    pythonDistribution: await distributionValue(merged['python-distribution'], target, cwd, problems),
    pythonOptimization: merged['python-optimization'] ?? 'none',
    stdlibExclude,
    stdlib: merged.stdlib ?? 'all',
    stdlibInclude: listOf(merged['stdlib-include']),
    outDir: directoryValue(path.resolve(cwd, merged['out-dir'] ?? 'pyseal-out'), 'out-dir', problems),
    cacheDir: directoryValue(
      merged['cache-dir'] ? path.resolve(cwd, merged['cache-dir']) : defaultCacheDir(),
      'cache-dir',
      problems
    ),
    failOn: merged['fail-on'] ?? 'error',
    flavor: merged.flavor ?? null,
    extensionLocations: listOf(merged['extension-location'] ?? 'filesystem-relative:lib').map(location => {
      if (location === 'in-memory') return { kind: 'in-memory' as const }
      const match = /^filesystem-relative:(.+)$/.exec(location)
      if (!match) problems.push(`extension-location "${location}" is not in-memory or filesystem-relative:DIR`)
      return { kind: 'filesystem-relative' as const, dir: match?.[1] ?? location }
    }),
    allowInMemorySharedLibraryLoading: booleanOf(
      merged['allow-in-memory-shared-library-loading'],
      'allow-in-memory-shared-library-loading',
      problems
    ),
    excludePackages: listOf(merged['exclude-packages']).map(normalizeName),
    standalonePackages: listOf(merged['standalone-packages']).map(normalizeName),
    linkExtra: listOf(merged['link-extra']).map(item => parseLinkExtra(item, cwd, problems))
  }
  for (const name of candidate.excludePackages.filter(n => candidate.standalonePackages.includes(n))) {
    problems.push(`${name} is in both exclude-packages and standalone-packages: choose one`)
  }
  problems.push(...flavorConflicts(candidate.flavor, candidate.standalonePackages))
  const parsed = BuildInputsSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const fromProject = issue.path[0] === 'name' && merged.name === undefined && metadata.name !== null
      problems.push(
        describeIssue(issue) +
          (fromProject
            ? ` ("${metadata.name}" is [project] name in pyproject.toml; give --name to choose another)`
            : '')
      )
    }
  }
  if (problems.length > 0) throw new InputError(problems)
  return parsed.data as BuildInputs
}

/** Why a requirements file cannot be read by pip: missing, not a file, not UTF-8, or listing nothing. */
async function requirementsProblems(file: string): Promise<string[]> {
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

const DEBIAN_PYTHONS = ['python3.11', 'python3.13']

/** --python-distribution: a debian: value pyseal knows, a pbs: request it can parse, a URL, or a path that exists. */
async function distributionValue(
  value: string | undefined,
  triple: string,
  cwd: string,
  problems: string[]
): Promise<string> {
  if (value === undefined) return DEFAULT_PYTHON_DISTRIBUTION
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

/** A directory setting whose path, if it exists, must be a directory. */
function directoryValue(dir: string, name: string, problems: string[]): string {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    problems.push(`${name} ${dir} is a file, not a directory: give --${name} a directory (it is created if missing)`)
  }
  return dir
}

/**
 * Files beside the binary asked for with the built-ins-only flavor chosen explicitly.
 * (The static default of musl targets is no conflict: one [tool.pyseal] serves every
 * target of a matrix, and the report says what musl leaves out.)
 */
function flavorConflicts(flavor: string | null, standalonePackages: string[]): string[] {
  if (flavor !== 'static' || standalonePackages.length === 0) return []
  return [
    `standalone-packages (${standalonePackages.join(', ')}) conflicts with flavor static: ` +
      'files beside the binary need the dynamic flavor; use exclude-packages to leave them out instead'
  ]
}

/** A list setting given as a TOML array, a repeated flag, or one comma-separated string. */
function listOf(value: string | string[] | undefined): string[] {
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

/** `a.o,libx.a` (objects to link) or `pkg.mod=a.o,b.a` (a built-in module from them); paths must exist. */
function parseLinkExtra(item: string, cwd: string, problems: string[]): LinkExtra {
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
