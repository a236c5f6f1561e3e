import path from 'node:path'
import type { CaptureRecord } from '../packages/capture-records'
import { resolveLibrary } from '../resolve/libraries'
import type { Reason } from '../report/schema'
import type { Target } from '../targets/table'
import type { LibraryProvider } from './library-provider'
import { recipeProviding } from './recipe-graph'
import { EXTENSION_LIBRARY_RECIPES } from './recipes'

/**
 * The resolve stage's side of the libraries pyseal builds (resolve/modules.ts calls it
 * before planning): every `-l` a captured module links that the target's own search
 * directories lack and a recipe provides is built (or found in the cache: a packages
 * entry reused from the cache did not start the build itself), its archives are then
 * found in its prefix, and the report says which were built from source and, for one
 * with no recipe, that there is none.
 */

/** What the planner needs to know of the libraries pyseal builds for the target. */
export interface BuiltLibraries {
  /** Directories to search after each record's own: the built prefixes' lib/. */
  searchDirs: string[]
  /** Each built archive (absolute path) with its recipe and upstream version. */
  archives: Map<string, { recipe: string; version: string }>
  /** `-l` names whose recipe failed to build, with the error. */
  failed: Map<string, string>
}

/** Builds (or finds cached) the recipes of the libraries the records link and the target's directories lack. */
export async function ensureRecordLibraries(
  records: readonly CaptureRecord[],
  provider: LibraryProvider,
  target: Target,
  searchDirs: string[],
  log: (line: string) => void = () => undefined
): Promise<BuiltLibraries> {
  const built: BuiltLibraries = { searchDirs: [], archives: new Map(), failed: new Map() }
  const names = new Set(records.flatMap(record => record.libraries))
  for (const name of [...names].sort()) {
    if (resolveLibrary(name, target.toolchain, searchDirs).kind !== 'missing') continue
    try {
      const prefix = await provider.ensure({ kind: 'library', name })
      if (!prefix) continue
      if (!built.searchDirs.includes(prefix.libDir)) built.searchDirs.push(prefix.libDir)
      for (const [recipe, info] of Object.entries(prefix.libraries)) {
        for (const archive of info.archives) built.archives.set(archive, { recipe, version: info.version })
      }
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
      log(`  libraries: building the recipe for -l${name} failed: ${message}`)
      built.failed.set(name, message)
    }
  }
  return built
}

/** The reason a module gives for one library it links statically: built from source by pyseal, or linked as found. */
export function staticLibraryReason(library: string, archive: string, built: BuiltLibraries | null): Reason {
  const from = built?.archives.get(archive)
  if (from) {
    return {
      code: 'LIBRARY_BUILT_FROM_SOURCE',
      message: `lib${library} is ${from.recipe} ${from.version}, built from source by pyseal for the target (${path.basename(archive)})`
    }
  }
  return { code: 'LIBRARY_LINKED_STATIC', message: `lib${library} linked from ${archive}` }
}

/** The reason a module gives for a library with no static archive for the target. */
export function missingLibraryReason(library: string, triple: string, built: BuiltLibraries | null): Reason {
  const message = `needs lib${library}, which has no static archive for ${triple}`
  if (!built)
    return {
      code: 'LIBRARY_MISSING',
      message,
      hint: `install its static library (lib${library}.a) or build it for the target`
    }
  const failure = built.failed.get(library)
  if (failure) {
    return {
      code: 'LIBRARY_MISSING',
      message: `${message}: its recipe failed to build (${failure})`,
      hint: 'see the build log the error names'
    }
  }
  const recipe = recipeProviding({ kind: 'library', name: library }, EXTENSION_LIBRARY_RECIPES)
  return {
    code: 'LIBRARY_MISSING',
    message: recipe
      ? message
      : `${message}, and pyseal has no recipe that builds lib${library} (src/libraries/recipes.ts)`,
    hint: `build lib${library}.a for ${triple} and give it with --link-extra, or add a recipe for it`
  }
}
