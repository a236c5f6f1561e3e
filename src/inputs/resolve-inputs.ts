import { existsSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../cache/paths'
import { findTarget, hostTriple } from '../targets/table'
import { readProjectMetadata } from './pyproject'
import { BuildInputsSchema, DEFAULT_STDLIB_EXCLUDE, InputError, type BuildInputs, type RawInputs } from './schema'

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
    stdlibExclude,
    outDir: path.resolve(cwd, merged['out-dir'] ?? 'pyseal-out'),
    cacheDir: merged['cache-dir'] ? path.resolve(cwd, merged['cache-dir']) : defaultCacheDir(),
    failOn: merged['fail-on'] ?? 'error'
  }
  const parsed = BuildInputsSchema.safeParse(candidate)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`)
  }
  if (problems.length > 0) throw new InputError(problems)
  return parsed.data as BuildInputs
}
