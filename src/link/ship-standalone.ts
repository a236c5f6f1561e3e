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
    const closure = await libraryClosure(
      { needed: dynamic.needed, dirs: resolveRunpath(dynamic.runpath, plan.standaloneFile.source) },
      request
    )
    for (const { soname, neededBy } of closure.missing) {
      const by = neededBy === null ? plan.standaloneFile.relative : `${neededBy} (bundled for it)`
      plan.reasons.push({
        code: 'LIBRARY_MISSING',
        message: `${by} needs ${soname} at run time, which is not in its RUNPATH or ${request.target.triple}'s library directories`,
        hint: `install ${soname} on the machines that run the binary, or make it findable when building`
      })
    }
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
    for (const library of closure.found.filter(l => l.bundlesNeeds)) {
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

interface BundledLibrary {
  soname: string
  file: string
  /** The bundled library that needs it; null: the module itself. */
  neededBy: string | null
  /** Whether it needs other bundled libraries (its RUNPATH then points beside itself). */
  bundlesNeeds: boolean
}

interface LibraryClosure {
  found: BundledLibrary[]
  missing: Array<{ soname: string; neededBy: string | null }>
}

/**
 * The shared libraries a module needs that a target system may lack, and theirs in turn
 * (a bundled libfreetype.so.6 needs libpng16.so.16), each found as the loader would: the
 * needing file's own RUNPATH first, then the target's library directories.
 */
async function libraryClosure(
  module: { needed: string[]; dirs: string[] },
  request: ShipRequest
): Promise<LibraryClosure> {
  const closure: LibraryClosure = { found: [], missing: [] }
  const seen = new Set<string>()
  const queue = [{ ...module, neededBy: null as string | null }]
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const soname of next.needed.filter(n => !isSystemLibrary(n, request.target))) {
      if (next.neededBy !== null) {
        const needer = closure.found.find(l => l.soname === next?.neededBy)
        if (needer) needer.bundlesNeeds = true
      }
      if (seen.has(soname)) continue
      seen.add(soname)
      const file = [...next.dirs, ...request.searchDirs].map(dir => path.join(dir, soname)).find(f => existsSync(f))
      if (!file) {
        closure.missing.push({ soname, neededBy: next.neededBy })
        continue
      }
      closure.found.push({ soname, file, neededBy: next.neededBy, bundlesNeeds: false })
      const own = await readDynamicSection(file)
      queue.push({ needed: own.needed, dirs: resolveRunpath(own.runpath, file), neededBy: soname })
    }
  }
  return closure
}

/** A RUNPATH's directories, $ORIGIN read as the directory of the file that has it. */
function resolveRunpath(runpath: string[], file: string): string[] {
  return runpath.map(dir => dir.replace(/\$(ORIGIN|\{ORIGIN\})/g, path.dirname(file)))
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
