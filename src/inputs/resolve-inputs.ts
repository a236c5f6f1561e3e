import { existsSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../cache/paths'
import { findTarget, hostTriple } from '../targets/table'
import { readProjectMetadata } from './pyproject'
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
    throw new InputError([`project directory ${project} does not exist (--project)`])
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
  for (const file of requirements) {
    if (!existsSync(file)) problems.push(`requirements file ${file} does not exist (--requirements)`)
  }

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
    pythonDistribution: merged['python-distribution'] ?? DEFAULT_PYTHON_DISTRIBUTION,
    pythonOptimization: merged['python-optimization'] ?? 'none',
    stdlibExclude,
    outDir: path.resolve(cwd, merged['out-dir'] ?? 'pyseal-out'),
    cacheDir: merged['cache-dir'] ? path.resolve(cwd, merged['cache-dir']) : defaultCacheDir(),
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
  const parsed = BuildInputsSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`)
  }
  if (problems.length > 0) throw new InputError(problems)
  return parsed.data as BuildInputs
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

/** Distribution names compare as PEP 503 normalizes them (`Foo_Bar` is `foo-bar`). */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-')
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
    if (!existsSync(file)) problems.push(`link-extra file ${file} does not exist`)
    else if (!/\.(o|obj|a|lib)$/.test(file))
      problems.push(`link-extra file ${file} is not an object file or static library`)
  }
  return match ? { kind: 'module', module: match[1], paths } : { kind: 'objects', paths }
}
