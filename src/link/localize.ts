import path from 'node:path'
import { runChecked } from '../exec/run'
import type { ModulePlan } from '../resolve/modules'
import type { Toolchain } from '../targets/table'

/**
 * Merges one extension's objects into a single relocatable object (`ld -r`) whose
 * only global symbol is its init function, renamed when another module shares the
 * name: two packages' `_speedups`, or helpers both call `utils_init`, then link together.
 */
export async function localizeExtension(plan: ModulePlan, workDir: string, toolchain: Toolchain): Promise<string> {
  const initFunction = plan.initFunction
  const linked = plan.linkedInitFunction
  if (!initFunction || !linked) throw new Error(`${plan.module} has no init function to keep`)
  const merged = path.join(workDir, `${plan.module}.merged.o`)
  const localized = path.join(workDir, `${plan.module}.o`)
  await runChecked({ command: toolchain.ld, args: ['-r', '-o', merged, ...plan.objects] })
  const args = ['-w']
  if (linked !== initFunction) args.push(`--redefine-sym=${initFunction}=${linked}`)
  args.push(`--keep-global-symbol=${linked}`, merged, localized)
  await runChecked({ command: toolchain.objcopy, args })
  return localized
}
