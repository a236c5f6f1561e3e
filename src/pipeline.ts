import { statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { buildPackages, type BuiltPackages } from './packages/build-packages'
import { checkEntryPoint } from './packages/entry-point'
import { obtainDistribution, type ObtainedDistribution } from './distribution/obtain'
import { prepareBuildToolchain, type BuildToolchain } from './toolchain/toolchain-env'
import type { BuildInputs } from './inputs/schema'
import { embedResources } from './link/embed'
import { shipSideFiles } from './link/side-files'
import {
  locatePackageData,
  type LocatedPackage,
  extractedPackages,
  packageDataEntries,
  packageDataRoots,
  packageDirectories
} from './link/package-data'
import { linkExecutable } from './link/link-executable'
import { assertLinkable } from './link/object-format'
import { toolVersion } from './utils/package-root'
import { executableSection, finishReport, pythonSection, startReport } from './report/assemble'
import { explainDiskFailure, moveIntoPlace, prepareOutputDir } from './publish/output-dir'
import type { Report } from './report/report'
import { linkerSearchDirs } from './resolve/libraries'
import { libraryProvider } from './libraries/library-provider'
import { stdlibImportsFor, stdlibSection, type StdlibImports } from './resolve/stdlib-imports'
import { resolveModules, type ModulePlan } from './resolve/modules'
import { extensionPolicy, type ExtensionPolicy } from './resolve/policy'
import { ensureToolchain, selectToolchain, type HostedTarget } from './toolchain/select-toolchain'
import { withBuildCompilers } from './toolchain/zig-toolchain'
import { findTarget, hostTriple } from './targets/table'

/** How the fronts (CLI, action) watch the pipeline. */
export interface PipelineObserver {
  stageStarted(name: string): void
  stageFinished(name: string, seconds: number, detail: string): void
  log(line: string): void
}

export interface BuildOutcome {
  executable: string
  reportFile: string
  report: Report
}

/** A failure of the build that still left a report behind. */
export class BuildFailedError extends Error {
  constructor(
    readonly failure: Error,
    readonly reportFile: string
  ) {
    super(failure.message)
    this.name = 'BuildFailedError'
  }
}

/** One build of one target, as the stages below share it. */
interface BuildRun {
  inputs: BuildInputs
  target: HostedTarget
  policy: ExtensionPolicy
  observer: PipelineObserver
  report: Report
  /** Where the binary is made before it is moved into place, whole; removed at the end. */
  workDir: string
  executable: string
  /** Every module's decision, once resolve has run (the report lists them even on failure). */
  plans: ModulePlan[]
}

/** Runs every stage in order for one target and writes the executable and its report. */
export async function runBuild(inputs: BuildInputs, observer: PipelineObserver): Promise<BuildOutcome> {
  const target = selectToolchain(findTarget(inputs.target), hostTriple())
  const policy = extensionPolicy(inputs, target)
  const executable = path.join(inputs.outDir, inputs.name)
  const reportFile = `${executable}.report.json`
  const report = await startReport({ inputs, triple: target.triple, flavor: policy.flavor, version: toolVersion() })
  if (inputs.packageDataLocations.length > 0) report.packageData = packageDataEntries(inputs.packageDataLocations)
  await prepareOutputDir(inputs.outDir, executable)
  const workDir = path.join(inputs.outDir, `.${inputs.name}.work`)
  const run: BuildRun = { inputs, target, policy, observer, report, workDir, executable, plans: [] }
  let written: Report = report
  try {
    await buildStages(run)
    report.status = 'ok'
  } catch (caught) {
    const error = explainDiskFailure(caught as Error, inputs)
    report.error = error.message
    report.executable = null
    throw new BuildFailedError(error, reportFile)
  } finally {
    await rm(workDir, { recursive: true, force: true }).catch(() => undefined)
    written = await finishReport({ report, plans: run.plans, policy, inputs, executable, reportFile })
  }
  return { executable, reportFile, report: written }
}

/** The stages in order: distribution, packages, resolve, link, embed, and the binary moved into place. */
async function buildStages(run: BuildRun): Promise<void> {
  const { inputs, observer } = run
  await ensureToolchain(run.target, { install: process.env.GITHUB_ACTIONS === 'true', log: observer.log })
  run.target = await withBuildCompilers(run.target, inputs.glibc, inputs.cacheDir, observer.log)
  const target = run.target
  const obtained = await distributionStage(run)
  const toolchain = await prepareBuildToolchain(target, inputs.cacheDir, observer.log)
  const packages = await packagesStage(run, obtained, toolchain)
  const located = locatePackageData(inputs.packageDataLocations, {
    siteDir: packages.siteDir,
    stdlibDir: path.join(obtained.distribution.root, obtained.distribution.json.python_paths.stdlib),
    stdlibExclude: inputs.stdlibExclude
  })
  const searchDirs = await linkerSearchDirs(target.toolchain, toolchain.libraryDirs)
  const stdlibImports = await stdlibImportsFor(inputs, obtained.buildDistribution, packages.siteDir, observer.log)
  await rm(run.workDir, { recursive: true, force: true })
  run.plans = await resolveStage(run, { obtained, packages, toolchain, searchDirs, stdlibImports })
  run.report.stdlib = stdlibSection(inputs, obtained.distribution, stdlibImports, run.plans)
  const staged = await linkAndEmbedStage(run, { obtained, packages, toolchain, stdlibImports, located })
  const sideFiles = await shipSideFiles({
    plans: run.plans,
    sideDirectory: run.policy.sideDirectory,
    target,
    searchDirs,
    log: observer.log,
    located,
    buildDistribution: obtained.buildDistribution,
    outDir: inputs.outDir,
    workDir: run.workDir
  })
  run.report.executable = await executableSection({
    staged,
    name: path.relative(inputs.outDir, run.executable),
    outDir: inputs.outDir,
    sideFiles,
    target,
    plans: run.plans
  })
  await moveIntoPlace(staged, run.executable)
}

/** Runs one named stage, telling the observer when it starts and how long it took. */
async function stage<T>(
  observer: PipelineObserver,
  name: string,
  work: () => Promise<T>,
  describe: (value: T) => string
): Promise<T> {
  observer.stageStarted(name)
  const started = Date.now()
  const value = await work()
  observer.stageFinished(name, (Date.now() - started) / 1000, describe(value))
  return value
}

async function distributionStage(run: BuildRun): Promise<ObtainedDistribution> {
  const { inputs, target, observer } = run
  const obtained = await stage(
    observer,
    'distribution',
    () =>
      obtainDistribution(
        { value: inputs.pythonDistribution, optimization: inputs.pythonOptimization },
        target,
        inputs.cacheDir,
        observer.log
      ),
    d => `${d.reused ? 'reused cached' : 'built'} CPython ${d.distribution.json.python_version} (${d.source})`
  )
  const distribution = obtained.distribution
  run.report.python = pythonSection(obtained)
  assertLinkable(distribution, target, obtained.source)
  return obtained
}

async function packagesStage(
  run: BuildRun,
  obtained: ObtainedDistribution,
  toolchain: BuildToolchain
): Promise<BuiltPackages> {
  const { inputs, target, observer } = run
  const packages = await stage(
    observer,
    'build',
    () =>
      buildPackages({
        distribution: obtained.distribution,
        buildDistribution: obtained.buildDistribution,
        crossSysconfigName: obtained.crossSysconfigName,
        project: inputs.project,
        requirements: inputs.requirements,
        cacheRoot: inputs.cacheDir,
        env: { CC: target.toolchain.cc, ...toolchain.env },
        cxx: toolchain.cxx,
        libraries: libraryProvider(target, inputs.cacheDir, observer.log),
        platformTag: `${target.arch}-${target.os}-${target.libc}`,
        log: observer.log
      }),
    p =>
      `${p.reused ? 'reused cached packages' : 'built packages'} ${p.key} (${p.capture.records.length} extension modules captured, ${p.compiled} compiled now)`
  )
  run.report.packages = { key: packages.key }
  checkEntryPoint(inputs.entryPoint, packages.siteDir, packages.installed)
  return packages
}

interface ResolveContext {
  obtained: ObtainedDistribution
  packages: BuiltPackages
  toolchain: BuildToolchain
  searchDirs: string[]
  stdlibImports: StdlibImports | null
}

async function resolveStage(run: BuildRun, context: ResolveContext): Promise<ModulePlan[]> {
  const { inputs, target, policy, observer } = run
  const plans = await stage(
    observer,
    'resolve',
    async () =>
      resolveModules({
        stdlibImported: context.stdlibImports?.modules ?? null,
        distribution: context.obtained.distribution,
        target,
        policy,
        searchDirs: context.searchDirs,
        cxx: context.toolchain.cxx,
        includeStdlibTestModules: !inputs.stdlibExclude.includes('test'),
        records: context.packages.capture.records,
        intents: context.packages.capture.intents,
        installed: context.packages.installed,
        siteDir: context.packages.siteDir,
        linkExtra: inputs.linkExtra,
        libraries: context.packages.libraries,
        workDir: run.workDir
      }),
    p => `${p.filter(m => m.status === 'builtin').length} built-in extension modules`
  )
  run.plans = plans
  const failed = plans.filter(p => p.status === 'failed')
  if (failed.length > 0) {
    throw new Error(
      `These extension modules cannot be linked for ${target.triple}:\n` +
        failed.map(p => `  - ${p.module} (${p.package ?? 'unknown package'}): ${p.reasons.at(-1)?.message}`).join('\n')
    )
  }
  return plans
}

/** Links the native executable and appends the resources; returns the staged binary in the work directory. */
async function linkAndEmbedStage(
  run: BuildRun,
  context: Omit<ResolveContext, 'searchDirs'> & { located: LocatedPackage[] }
): Promise<string> {
  const { inputs, target, observer, workDir } = run
  const native = path.join(workDir, `${inputs.name}.native`)
  const staged = path.join(workDir, inputs.name)
  await stage(
    observer,
    'link',
    () =>
      linkExecutable({
        distribution: context.obtained.distribution,
        target,
        cxx: context.toolchain.cxx,
        plans: run.plans,
        sideDirectory: run.policy.sideDirectory,
        packageDirs: packageDirectories(inputs.packageDataLocations),
        extractedPackages: extractedPackages(inputs.packageDataLocations),
        extraObjects: inputs.linkExtra.flatMap(l => (l.kind === 'objects' ? l.paths : [])),
        stdlibLeftOut: run.report.stdlib?.leftOut ?? null,
        entryPoint: inputs.entryPoint,
        workDir,
        output: native
      }),
    () => `${Math.round(statSync(native).size / 1e5) / 10} MB native code`
  )
  await stage(
    observer,
    'embed',
    () =>
      embedResources({
        distribution: context.obtained.distribution,
        buildDistribution: context.obtained.buildDistribution,
        siteDir: context.packages.siteDir,
        packageData: packageDataRoots(context.located),
        stdlibExclude: inputs.stdlibExclude,
        stdlibTopLevel: context.stdlibImports?.topLevel ?? null,
        plans: run.plans,
        workDir,
        nativeExecutable: native,
        output: staged
      }),
    e => e.summary
  )
  return staged
}
