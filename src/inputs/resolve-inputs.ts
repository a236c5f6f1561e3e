import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import type { ZodIssue } from 'zod'
import { defaultCacheDir } from '../cache/paths'
import { findTarget, hostTriple } from '../targets/table'
import { normalizeName } from '../utils/package-name'
import { describeIssue } from './issues'
import {
  booleanOf,
  directoryValue,
  distributionValue,
  extensionLocationsOf,
  packageDataLocationsOf,
  glibcValue,
  listOf,
  parseLinkExtra,
  pythonVersionValue,
  requirementsProblems,
  stdlibExcludeOf
} from './parse-values'
import { BUILD_OPTIONS as OPTIONS } from './options/build'
import { readProjectMetadata, type ProjectMetadata } from './pyproject'
import { BuildInputsSchema, InputError, type BuildInputs, type RawInputs } from './schema'

/**
 * The build's inputs, resolved: flags (or action inputs) over `[tool.pyseal]` over
 * the registry's defaults (options/build.ts), every value checked, one InputError listing
 * every bad one. `pyseal build` and the action call resolveBuildInputs.
 */

/** Every field of BuildInputs, before validation: an option added to the registry must be filled in here. */
type Candidate = { [K in keyof BuildInputs]: unknown }

interface Context {
  /** The flags (or action inputs) alone, to tell them from `[tool.pyseal]`. */
  flags: RawInputs
  project: string
  metadata: ProjectMetadata
  cwd: string
  problems: string[]
}

export async function resolveBuildInputs(flags: RawInputs, cwd = process.cwd()): Promise<BuildInputs> {
  const problems: string[] = []
  const project = projectDirectory(flags.project, cwd, problems)
  const metadata = await readProjectMetadata(project)
  problems.push(...metadata.problems)
  const merged: RawInputs = { ...metadata.settings, ...flags }
  const candidate = await candidateInputs(merged, { flags, project, metadata, cwd, problems })
  problems.push(...crossOptionConflicts(candidate))
  const parsed = BuildInputsSchema.safeParse(candidate)
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map(issue => describeBuildIssue(issue, merged, metadata.name)))
  }
  if (problems.length > 0) throw new InputError(problems)
  return parsed.data as BuildInputs
}

/** --project: a directory that exists (else nothing else can be checked) and holds a Python project. */
function projectDirectory(value: string | undefined, cwd: string, problems: string[]): string {
  const project = path.resolve(cwd, value ?? OPTIONS.project.default.value)
  if (!existsSync(project)) {
    throw new InputError([`project directory ${project} does not exist: point --project at the project's directory`])
  }
  if (!statSync(project).isDirectory()) {
    throw new InputError([`project ${project} is a file, not a directory: point --project at the directory holding it`])
  }
  if (!existsSync(path.join(project, 'pyproject.toml')) && !existsSync(path.join(project, 'setup.py'))) {
    problems.push(`${project} has neither pyproject.toml nor setup.py: point --project at a Python project`)
  }
  return project
}

/** Each option's value from the merged settings, its default, or what the project says. */
async function candidateInputs(merged: RawInputs, context: Context): Promise<Candidate> {
  const { flags, project, metadata, cwd, problems } = context
  const target = targetTriple(merged.target ?? hostTriple(), problems)
  const entryPoint = entryPointOf(merged['entry-point'], metadata.scripts, problems)
  const requirements = (merged.requirements ?? []).map(r => path.resolve(cwd, r))
  for (const file of requirements) problems.push(...(await requirementsProblems(file)))
  // python-distribution wins when given; otherwise python-version, or its default, names the CPython.
  const given = merged['python-distribution']
  const version = merged['python-version'] ?? (given === undefined ? OPTIONS.pythonVersion.default.value : null)
  const allowPrereleases = booleanOf(merged['allow-prereleases'], 'allow-prereleases', problems)
  const fromVersion = version === null ? null : await pythonVersionValue(version, given, problems, allowPrereleases)
  // Null only when python-version was refused: that problem stops the build, and the
  // placeholder (never used) keeps the schema from adding a second one.
  const distribution = given ?? fromVersion
  const cacheDir = merged['cache-dir'] ? path.resolve(cwd, merged['cache-dir']) : defaultCacheDir()
  return {
    target,
    glibc: glibcValue({ value: merged.glibc, fromSettings: flags.glibc === undefined }, target, problems),
    project,
    requirements,
    entryPoint,
    name: merged.name ?? metadata.name ?? path.basename(project),
    pythonVersion: version,
    allowPrereleases,
    pythonDistribution:
      distribution === null ? 'cpython:unresolved' : await distributionValue(distribution, target, cwd, problems),
    pythonOptimization: merged['python-optimization'] ?? OPTIONS.pythonOptimization.default.value,
    stdlibExclude: stdlibExcludeOf(merged['stdlib-exclude'], OPTIONS.stdlibExclude.default.value),
    stdlib: merged.stdlib ?? OPTIONS.stdlib.default.value,
    stdlibInclude: listOf(merged['stdlib-include']),
    outDir: directoryValue(path.resolve(cwd, merged['out-dir'] ?? OPTIONS.outDir.default.value), 'out-dir', problems),
    cacheDir: directoryValue(cacheDir, 'cache-dir', problems),
    failOn: merged['fail-on'] ?? OPTIONS.failOn.default.value,
    flavor: merged.flavor ?? null,
    extensionLocations: extensionLocationsOf(
      merged['extension-location'] ?? OPTIONS.extensionLocations.default.value,
      problems
    ),
    allowInMemorySharedLibraryLoading: booleanOf(
      merged['allow-in-memory-shared-library-loading'],
      'allow-in-memory-shared-library-loading',
      problems
    ),
    packageDataLocations: packageDataLocationsOf(merged['package-data-location'], problems),
    excludePackages: listOf(merged['exclude-packages']).map(normalizeName),
    standalonePackages: listOf(merged['standalone-packages']).map(normalizeName),
    linkExtra: listOf(merged['link-extra']).map(item => parseLinkExtra(item, cwd, problems))
  }
}

/** A triple or alias from the target table, as its triple; an unknown one is a problem with a did-you-mean. */
function targetTriple(value: string, problems: string[]): string {
  try {
    return findTarget(value).triple
  } catch (error) {
    problems.push((error as Error).message)
    return value
  }
}

/** --entry-point, else the project's only script; "none" asks for interpreter mode even when scripts exist. */
function entryPointOf(value: string | undefined, scripts: Record<string, string>, problems: string[]): string | null {
  if (value === 'none') return null
  if (value !== undefined) return value
  const entries = Object.values(scripts)
  if (entries.length > 1) {
    problems.push(
      `[project.scripts] has ${entries.length} entries (${Object.keys(scripts).join(', ')}): choose one with --entry-point`
    )
  }
  return entries.length === 1 ? entries[0] : null
}

/**
 * Options that contradict each other: a package both left out and kept beside the
 * binary, files beside the binary with the built-ins-only flavor chosen explicitly, or
 * an optimized CPython for a glibc floor.
 * (The static default of musl targets is no conflict: one [tool.pyseal] serves every
 * target of a matrix, and the report says what musl leaves out.)
 */
function crossOptionConflicts(candidate: Candidate): string[] {
  const excluded = candidate.excludePackages as string[]
  const standalone = candidate.standalonePackages as string[]
  const problems = excluded
    .filter(name => standalone.includes(name))
    .map(name => `${name} is in both exclude-packages and standalone-packages: choose one`)
  if (candidate.flavor === 'static' && standalone.length > 0) {
    problems.push(
      `standalone-packages (${standalone.join(', ')}) conflicts with flavor static: ` +
        'files beside the binary need the dynamic flavor; use exclude-packages to leave them out instead'
    )
  }
  const floor = candidate.glibc
  if (candidate.pythonOptimization !== 'none' && typeof floor === 'string' && floor !== 'host') {
    // zig (floor-toolchain.ts) is clang without llvm-profdata, and its LTO objects are bitcode pyseal cannot link.
    problems.push(
      `python-optimization ${String(candidate.pythonOptimization)} cannot be built for glibc ${floor}: ` +
        "only this machine's gcc optimizes CPython; give --glibc host (the binary then needs this machine's glibc) " +
        'or python-optimization none'
    )
  }
  return problems
}

/** A zod issue as one line; a bad name that came from [project] says so and how to choose another. */
function describeBuildIssue(issue: ZodIssue, merged: RawInputs, projectName: string | null): string {
  const fromProject = issue.path[0] === 'name' && merged.name === undefined && projectName !== null
  return (
    describeIssue(issue) +
    (fromProject ? ` ("${projectName}" is [project] name in pyproject.toml; give --name to choose another)` : '')
  )
}
