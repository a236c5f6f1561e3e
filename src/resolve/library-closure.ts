import { existsSync } from 'node:fs'
import path from 'node:path'
import { readDynamicSection } from '../link/elf-dynamic'
import type { Reason } from '../report/schema'
import type { Target } from '../targets/table'

/**
 * The shared libraries an extension module that is not built in brings with it, for
 * the two places such a module goes: a file beside the binary (src/link/ship-standalone.ts)
 * and the archive, loaded from memory (src/resolve/memory-images.ts).
 */

/** Shared libraries every Linux system has (as the manylinux policy counts them): never bundled. */
const ALWAYS_PRESENT = [/^ld-linux.*\.so/, /^libgcc_s\.so/, /^libstdc\+\+\.so/]

export interface BundledLibrary {
  /** The name it is needed by (a NEEDED entry). */
  soname: string
  file: string
  /** The bundled library that needs it; null: the module itself. */
  neededBy: string | null
  /** The bundled libraries it needs in turn, by the names it needs them. */
  needs: string[]
}

export interface LibraryClosure {
  found: BundledLibrary[]
  missing: Array<{ soname: string; neededBy: string | null }>
}

export interface ClosureSearch {
  target: Target
  /** Where the target's libraries are looked for, after the needing file's own RUNPATH. */
  searchDirs: string[]
}

/**
 * The shared libraries a module needs that a target system may lack, and theirs in turn
 * (a bundled libfreetype.so.6 needs libpng16.so.16), each found as the loader would: the
 * needing file's own RUNPATH first, then the target's library directories.
 */
export async function libraryClosure(module: string, search: ClosureSearch): Promise<LibraryClosure> {
  const dynamic = await readDynamicSection(module)
  const closure: LibraryClosure = { found: [], missing: [] }
  const seen = new Set<string>()
  const queue = [
    { needed: dynamic.needed, dirs: resolveRunpath(dynamic.runpath, module), neededBy: null as string | null }
  ]
  for (let next = queue.shift(); next; next = queue.shift()) {
    const needer = closure.found.find(l => l.soname === next?.neededBy)
    for (const soname of next.needed.filter(n => !isSystemLibrary(n, search.target))) {
      needer?.needs.push(soname)
      if (seen.has(soname)) continue
      seen.add(soname)
      const file = [...next.dirs, ...search.searchDirs].map(dir => path.join(dir, soname)).find(f => existsSync(f))
      if (!file) {
        closure.missing.push({ soname, neededBy: next.neededBy })
        continue
      }
      closure.found.push({ soname, file, neededBy: next.neededBy, needs: [] })
      const own = await readDynamicSection(file)
      queue.push({ needed: own.needed, dirs: resolveRunpath(own.runpath, file), neededBy: soname })
    }
  }
  return closure
}

/** The libraries in an order that loads each after every bundled library it needs (a cycle is broken anywhere). */
export function dependenciesFirst(found: BundledLibrary[]): BundledLibrary[] {
  const bySoname = new Map(found.map(l => [l.soname, l]))
  const ordered: BundledLibrary[] = []
  const visited = new Set<string>()
  const visit = (library: BundledLibrary): void => {
    if (visited.has(library.soname)) return
    visited.add(library.soname)
    for (const need of library.needs) {
      const dependency = bySoname.get(need)
      if (dependency) visit(dependency)
    }
    ordered.push(library)
  }
  found.forEach(visit)
  return ordered
}

/** LIBRARY_MISSING for each library found nowhere, naming what needs it (`module`: the module's file). */
export function missingLibraryReasons(closure: LibraryClosure, module: string, target: Target): Reason[] {
  return closure.missing.map(({ soname, neededBy }) => ({
    code: 'LIBRARY_MISSING',
    message: `${neededBy === null ? module : `${neededBy} (bundled for it)`} needs ${soname} at run time, which is not in its RUNPATH or ${target.triple}'s library directories`,
    hint: `install ${soname} on the machines that run the binary, or make it findable when building`
  }))
}

/** A RUNPATH's directories, $ORIGIN read as the directory of the file that has it. */
export function resolveRunpath(runpath: string[], file: string): string[] {
  return runpath.map(dir => dir.replace(/\$(ORIGIN|\{ORIGIN\})/g, path.dirname(file)))
}

function isSystemLibrary(soname: string, target: Target): boolean {
  if (ALWAYS_PRESENT.some(pattern => pattern.test(soname))) return true
  return target.toolchain.systemLibraries.some(name => soname.startsWith(`lib${name}.so`))
}
