import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { libraryClosure, missingLibraryReasons } from '../resolve/library-closure'
import type { ModulePlan } from '../resolve/modules'
import type { Target } from '../targets/table'
import { patchelf } from './patchelf'

export interface ShipRequest {
  plans: ModulePlan[]
  outDir: string
  sideDirectory: string | null
  target: Target
  /** Where the target's libraries are looked for, after the module's own RUNPATH. */
  searchDirs: string[]
  log: (line: string) => void
}

/**
 * Copies each standalone module's shared library into the side directory beside the
 * binary, and the shared libraries it needs that a target system may lack (ELF
 * NEEDED, found through the module's RUNPATH and the target's library directories):
 * those go to the side directory's root and the module's RUNPATH becomes $ORIGIN-
 * relative, so the folder works wherever it is copied. Returns the files shipped,
 * relative to the binary's directory; adds LIBRARY_BUNDLED / LIBRARY_MISSING reasons.
 */
export async function shipStandaloneModules(request: ShipRequest): Promise<string[]> {
  const { outDir, sideDirectory } = request
  const shipped = new Set<string>()
  if (!sideDirectory) return []
  const sideRoot = path.join(outDir, sideDirectory)
  for (const plan of request.plans) {
    // A module loaded from memory is in the archive (src/resolve/memory-images.ts), not beside it.
    if (plan.status !== 'standalone' || !plan.standaloneFile || plan.location === 'in-memory') continue
    const dest = path.join(sideRoot, plan.standaloneFile.relative)
    await mkdir(path.dirname(dest), { recursive: true })
    await copyFile(plan.standaloneFile.source, dest)
    shipped.add(`${sideDirectory}/${plan.standaloneFile.relative}`)

    const closure = await libraryClosure(plan.standaloneFile.source, request)
    plan.reasons.push(...missingLibraryReasons(closure, plan.standaloneFile.relative, request.target))
    for (const library of closure.found) {
      await copyFile(library.file, path.join(sideRoot, library.soname))
      shipped.add(`${sideDirectory}/${library.soname}`)
      const by = library.neededBy === null ? '' : `, needed by ${library.neededBy}`
      plan.reasons.push({
        code: 'LIBRARY_BUNDLED',
        message: `${library.soname} (from ${path.dirname(library.file)}${by}) shipped as ${sideDirectory}/${library.soname}, found through $ORIGIN`
      })
    }
    // The bundled libraries sit together at the side directory's root: each finds the others there.
    for (const library of closure.found.filter(l => l.needs.length > 0)) {
      await setRunpath(path.join(sideRoot, library.soname), '$ORIGIN')
    }
    if (closure.found.length > 0) {
      const up = path.relative(path.dirname(dest), sideRoot) || '.'
      await setRunpath(dest, up === '.' ? '$ORIGIN' : `$ORIGIN/${up}`)
      request.log(`  ${plan.module}: bundled ${closure.found.map(l => l.soname).join(', ')} in ${sideDirectory}/`)
    }
  }
  return [...shipped].sort()
}

async function setRunpath(file: string, runpath: string): Promise<void> {
  await patchelf(['--set-rpath', runpath], file, 'point it at the libraries bundled beside it')
}
