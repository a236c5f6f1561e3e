import { readdirSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runChecked } from '../exec/run'
import { packageRoot } from '../utils/package-root'
import type { Distribution } from '../distribution/python-json'
import type { ModulePlan } from '../resolve/modules'
import type { Target } from '../targets/table'
import { renderAppHeader } from './app-header'
import { writeExportScript } from './exports'
import { localizeExtension } from './localize'

export interface LinkRequest {
  distribution: Distribution
  target: Target
  /** The target's C++ driver on this machine: it links when C++ objects are in the binary. */
  cxx: string | null
  plans: ModulePlan[]
  /** Where standalone modules are imported from, beside the binary (null: none ship). */
  sideDirectory: string | null
  /** Directories beside the binary that packages are imported from (package-data-location). */
  packageDirs?: string[]
  /** Packages extracted to a per-user cache on first import (package-data-location). */
  extractedPackages?: string[]
  /** Extra objects and static libraries the user asked to link (link-extra). */
  extraObjects: string[]
  /** Top-level stdlib modules `--stdlib imported` left out: importing one names the option that keeps it. */
  stdlibLeftOut?: string[] | null
  entryPoint: string | null
  workDir: string
  /** The native executable (without resources) to write. */
  output: string
}

export interface LinkResult {
  executable: string
  /** The compile and link commands, for the report and for reproducing by hand. */
  commands: string[][]
}

/** The launcher's C sources: every `.c` file directly in the package's `c/` folder (see c/README.md), in a fixed order. */
function launcherSources(): string[] {
  const folder = path.join(packageRoot(), 'c')
  return readdirSync(folder)
    .filter(name => name.endsWith('.c'))
    .sort()
    .map(name => path.join(folder, name))
}

/** Compiles each launcher source with the pyseal_app.h in workDir; returns the objects, in link order. */
async function compileLauncher(
  cc: string,
  distribution: Distribution,
  workDir: string,
  run: (command: string, args: string[]) => Promise<void>
): Promise<string[]> {
  const include = path.join(distribution.root, distribution.json.python_paths.include)
  const objects: string[] = []
  for (const source of launcherSources()) {
    const object = path.join(workDir, `${path.basename(source, '.c')}.o`)
    objects.push(object)
    await run(cc, [
      '-O2',
      '-g0',
      // Header paths reach the object through assert's __FILE__: the same name in any cache dir.
      `-ffile-prefix-map=${distribution.root}=/pyseal-python`,
      `-I${include}`,
      `-I${workDir}`,
      '-c',
      source,
      '-o',
      object
    ])
  }
  return objects
}

/** Compiles the launcher with the generated pyseal_app.h and links everything into one executable. */
export async function linkExecutable(request: LinkRequest): Promise<LinkResult> {
  const { distribution, target, plans, workDir } = request
  const toolchain = target.toolchain
  await mkdir(workDir, { recursive: true })
  const commands: string[][] = []
  const run = async (command: string, args: string[]): Promise<void> => {
    commands.push([command, ...args])
    await runChecked({ command, args })
  }

  await writeFile(
    path.join(workDir, 'pyseal_app.h'),
    renderAppHeader({
      distribution,
      plans,
      entryPoint: request.entryPoint,
      optimize: 0,
      sideDirectory: request.sideDirectory,
      packageDirs: request.packageDirs,
      extractedPackages: request.extractedPackages,
      stdlibLeftOut: request.stdlibLeftOut
    })
  )
  const launcherObjects = await compileLauncher(toolchain.cc, distribution, workDir, run)

  const builtins = plans.filter(p => p.status === 'builtin')
  const objects: string[] = [
    ...launcherObjects,
    ...distribution.json.build_info.core.objs.map(o => path.join(distribution.root, o))
  ]
  const extensionsDir = path.join(workDir, 'extensions')
  await mkdir(extensionsDir, { recursive: true })
  for (const plan of builtins) {
    if (plan.origin === 'stdlib') objects.push(...plan.objects)
    else objects.push(plan.localized ?? (await localizeExtension(plan, extensionsDir, toolchain)))
  }

  const archives = new Set<string>()
  for (const extra of request.extraObjects) {
    if (extra.endsWith('.a')) archives.add(extra)
    else objects.push(extra)
  }
  const systemLibraries = new Set<string>()
  for (const link of distribution.json.build_info.core.links) systemLibraries.add(link.name)
  for (const plan of builtins) {
    for (const library of plan.libraries) {
      if (library.kind === 'static') archives.add(library.path)
      else if (library.kind === 'system') systemLibraries.add(library.name)
    }
  }
  const needsCxx = builtins.some(p => p.language === 'c++')
  const driver = needsCxx && request.cxx ? request.cxx : toolchain.cc
  const args = ['-o', request.output, ...objects]
  if (archives.size > 0) args.push('-Wl,--start-group', ...[...archives].sort(), '-Wl,--end-group')
  args.push(...[...systemLibraries].sort().map(name => `-l${name}`))
  if (needsCxx) args.push(...toolchain.cxxLinkFlags)
  args.push(...toolchain.linkFlags)
  // A dynamically linked ELF executable exports the C API and no more (exports.ts), for the modules it loads and ctypes.
  if (target.objectFormat === 'elf' && !target.capabilities.staticOnly) {
    const linkInputs = [...objects, ...archives]
    args.push('-Wl,--export-dynamic', await writeExportScript({ distribution, plans, linkInputs, workDir }))
  }
  await run(driver, args)
  // Debug info is most of CPython's objects; the resources are appended after this, never before.
  if (toolchain.objcopy) await run(toolchain.objcopy, ['--strip-debug', request.output])
  return { executable: request.output, commands }
}
