import { existsSync } from 'node:fs'
import { copyFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { runCommand } from '../exec/run'
import { readDynamicSection } from './elf-dynamic'
import type { ModulePlan } from '../resolve/modules'
import type { Target } from '../targets/table'
import { UserError } from '../errors/user-error'

/** Shared libraries every Linux system has (as the manylinux policy counts them): never bundled. */
const ALWAYS_PRESENT = [/^ld-linux.*\.so/, /^libgcc_s\.so/, /^libstdc\+\+\.so/]

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
    if (plan.status !== 'standalone' || !plan.standaloneFile) continue
    const dest = path.join(sideRoot, plan.standaloneFile.relative)
    await mkdir(path.dirname(dest), { recursive: true })
    await copyFile(plan.standaloneFile.source, dest)
    shipped.add(`${sideDirectory}/${plan.standaloneFile.relative}`)

    const dynamic = await readDynamicSection(dest)
    const ownDirs = dynamic.runpath.map(dir =>
      dir.replace(/\$(ORIGIN|\{ORIGIN\})/g, path.dirname(plan.standaloneFile?.source ?? ''))
    )
    const bundled: string[] = []
    for (const soname of dynamic.needed.filter(n => !isSystemLibrary(n, request.target))) {
      const found = [...ownDirs, ...request.searchDirs].map(dir => path.join(dir, soname)).find(f => existsSync(f))
      if (!found) {
        plan.reasons.push({
          code: 'LIBRARY_MISSING',
          message: `${plan.standaloneFile.relative} needs ${soname} at run time, which is not in its RUNPATH or ${request.target.triple}'s library directories`,
          hint: `install ${soname} on the machines that run the binary, or make it findable when building`
        })
        continue
      }
      await copyFile(found, path.join(sideRoot, soname))
      shipped.add(`${sideDirectory}/${soname}`)
      bundled.push(soname)
      plan.reasons.push({
        code: 'LIBRARY_BUNDLED',
        message: `${soname} (from ${path.dirname(found)}) shipped as ${sideDirectory}/${soname}, found through $ORIGIN`
      })
    }
    if (bundled.length > 0) {
      const up = path.relative(path.dirname(dest), sideRoot) || '.'
      await setRunpath(dest, up === '.' ? '$ORIGIN' : `$ORIGIN/${up}`)
      request.log(`  ${plan.module}: bundled ${bundled.join(', ')} in ${sideDirectory}/`)
    }
  }
  return [...shipped].sort()
}

function isSystemLibrary(soname: string, target: Target): boolean {
  if (ALWAYS_PRESENT.some(pattern => pattern.test(soname))) return true
  return target.toolchain.systemLibraries.some(name => soname.startsWith(`lib${name}.so`))
}

async function setRunpath(file: string, runpath: string): Promise<void> {
  let result
  try {
    result = await runCommand({ command: 'patchelf', args: ['--set-rpath', runpath, file] })
  } catch {
    throw new UserError({
      input: 'patchelf',
      cause: `is needed to point ${path.basename(file)} at the libraries bundled beside it, and it is not installed`,
      fix: 'install it (Debian/Ubuntu: apt-get install patchelf), or use --flavor static'
    })
  }
  if (result.code !== 0) throw new Error(`patchelf --set-rpath ${runpath} ${file} failed: ${result.stderr.trim()}`)
}
