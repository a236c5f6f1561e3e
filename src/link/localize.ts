import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runChecked } from '../exec/run'
import type { ModulePlan } from '../resolve/modules'
import type { Toolchain } from '../targets/table'

/**
 * Merges one extension's objects into a single relocatable object (`ld -r`) whose
 * only strong global symbol is its init function, renamed when another module shares
 * the name: two packages' `_speedups`, or helpers both call `utils_init`, then link
 * together. Weak and unique symbols (C++ inline functions, template instances,
 * `DW.ref.__gxx_personality_v0`) stay global: they live in COMDAT groups the linker
 * merges across objects, the C++ runtime's included, and a local copy would break that.
 */
export async function localizeExtension(plan: ModulePlan, workDir: string, toolchain: Toolchain): Promise<string> {
  const initFunction = plan.initFunction
  const linked = plan.linkedInitFunction
  if (!initFunction || !linked) throw new Error(`${plan.module} has no init function to keep`)
  if (!toolchain.objcopy) {
    throw new Error(
      `${plan.module}: pyseal makes an extension's symbols private with objcopy, which this target's toolchain has not; ` +
        'only ELF targets (Linux) can link third-party extensions so far'
    )
  }
  const merged = path.join(workDir, `${plan.module}.merged.o`)
  const localized = path.join(workDir, `${plan.module}.o`)
  await mergeObjects(plan, merged, toolchain)
  const keep = [linked, ...(await weakSymbols(merged, toolchain))]
  const keepFile = path.join(workDir, `${plan.module}.keep`)
  await writeFile(keepFile, keep.join('\n') + '\n')
  const args = ['-w']
  if (linked !== initFunction) args.push(`--redefine-sym=${initFunction}=${linked}`)
  args.push(`--keep-global-symbols=${keepFile}`, merged, localized)
  await runChecked({ command: toolchain.objcopy, args })
  return localized
}

/** `ld -r` of the module's inputs into `merged`, made so binutils and lld take it. */
async function mergeObjects(plan: ModulePlan, merged: string, toolchain: Toolchain): Promise<void> {
  const inputs = relocatableInputs(plan)
  if (plan.language !== 'rust') {
    await runChecked({ command: toolchain.ld, args: ['-r', '-o', merged, ...inputs] })
    return
  }
  // rustc's own link of a cdylib says noexecstack: its symbols.o carries no .note.GNU-stack,
  // which would otherwise ask for an executable stack (lld refuses one). The bitcode rustc
  // embeds in std's objects (.llvmbc) serves its own LTO only, and binutils' LTO plugin
  // aborts on it ("LLVM ERROR: Invalid encoding") when nm reads the merged object.
  const raw = `${merged}.raw`
  await runChecked({ command: toolchain.ld, args: ['-r', '-z', 'noexecstack', '-o', raw, ...inputs] })
  await runChecked({
    command: toolchain.objcopy as string,
    args: ['--remove-section=.llvmbc', '--remove-section=.llvmcmd', raw, merged]
  })
  await rm(raw, { force: true })
}

/**
 * What `ld -r` merges for a module: its objects; archives among them whole (a
 * link-extra module's, a `--whole-archive` group of its link); the archives its
 * link named, members taken only as the objects need them, as the link that made
 * its shared library did (one group: members may need each other in any order).
 */
export function relocatableInputs(plan: Pick<ModulePlan, 'objects' | 'archives'>): string[] {
  const objects = plan.objects.filter(o => !o.endsWith('.a'))
  const whole = plan.objects.filter(o => o.endsWith('.a'))
  const inputs = [...objects]
  if (whole.length > 0) inputs.push('--whole-archive', ...whole, '--no-whole-archive')
  if (plan.archives.length > 0) inputs.push('--start-group', ...plan.archives, '--end-group')
  return inputs
}

/** Defined weak (W, V) and unique (u) symbols of an object, by `nm -P`. */
async function weakSymbols(object: string, toolchain: Toolchain): Promise<string[]> {
  const { stdout } = await runChecked({ command: toolchain.nm, args: ['--defined-only', '-P', object] })
  return stdout
    .split('\n')
    .map(line => line.split(' '))
    .filter(([name, type]) => name && ['W', 'V', 'u'].includes(type))
    .map(([name]) => name)
}
