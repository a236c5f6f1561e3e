import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { readDynamicSection } from '../link/elf-dynamic'
import { patchelf } from '../link/patchelf'
import { dependenciesFirst, libraryClosure, missingLibraryReasons, type ClosureSearch } from './library-closure'
import type { ModulePlan } from './module-plan'

/** Where the archive holds the libraries modules loaded from memory need. */
export const MEMORY_LIBRARIES = '__pyseal__/libraries'

/**
 * For each module placed `in-memory` (Linux gnu): the shared libraries it needs that a
 * target system may lack, found as for a module shipped beside the binary, in the order
 * the launcher loads them (dependencies first). The module's NEEDED entries find an
 * already-loaded library only by its SONAME, so a library whose SONAME is not the name
 * it is needed by (or that has none) is embedded as a copy, made in workDir, that has
 * it. Called at the end of the resolve stage (src/resolve/modules.ts); the link stage
 * writes the table the launcher reads (src/link/app-header.ts), the embed stage the
 * members (src/link/embed.ts).
 */
export async function planMemoryImages(
  plans: ModulePlan[],
  search: ClosureSearch & { workDir: string }
): Promise<void> {
  for (const plan of plans) {
    if (plan.location !== 'in-memory' || !plan.standaloneFile) continue
    const { source, relative } = plan.standaloneFile
    const closure = await libraryClosure(source, search)
    plan.reasons.push(...missingLibraryReasons(closure, relative, search.target))
    const libraries: Array<{ source: string; member: string }> = []
    for (const library of dependenciesFirst(closure.found)) {
      const member = `${MEMORY_LIBRARIES}/${library.soname}`
      libraries.push({ source: await withSoname(library.file, library.soname, search.workDir), member })
      const by = library.neededBy === null ? '' : `, needed by ${library.neededBy}`
      plan.reasons.push({
        code: 'LIBRARY_BUNDLED',
        message: `${library.soname} (from ${path.dirname(library.file)}${by}) embedded in the executable as ${member}, loaded from memory before the module`
      })
    }
    plan.memoryImage = { member: relative, libraries }
  }
}

/** Every file embedded for the modules loaded from memory, and its member in the archive. */
export function memoryImageFiles(plans: ModulePlan[]): Array<{ source: string; member: string }> {
  return plans.flatMap(plan =>
    plan.memoryImage && plan.standaloneFile
      ? [{ source: plan.standaloneFile.source, member: plan.memoryImage.member }, ...plan.memoryImage.libraries]
      : []
  )
}

/** The library itself when its SONAME is the name it is needed by, else a copy in workDir that has that SONAME. */
async function withSoname(file: string, soname: string, workDir: string): Promise<string> {
  if ((await readDynamicSection(file)).soname === soname) return file
  const copy = path.join(workDir, 'memory-libraries', soname)
  await mkdir(path.dirname(copy), { recursive: true })
  await copyFile(file, copy)
  await patchelf(['--set-soname', soname], copy, 'give it the SONAME a module loaded from memory needs it by')
  return copy
}
