import path from 'node:path'
import { sha256Text } from '../cache/hash'
import { recipeForTarget } from '../toolchain/floor-toolchain'
import type { HostedTarget } from '../toolchain/select-toolchain'
import { buildStaticDeps } from '../toolchain/static-deps'
import { buildsOwnStaticLibraries, staticDepsCompilerChoice } from '../toolchain/static-deps-compiler-choice'
import { describeQuery, includeDirsOf, recipeClosure, recipeProviding, type LibraryQuery } from './recipe-graph'
import { EXTENSION_LIBRARY_RECIPES } from './recipes'
import type { ExtensionLibraryRecipe } from './recipe-types'

/**
 * Builds the libraries extension modules need for the target being built, on demand:
 * when a package's build asks for one (library-server.ts answers its compiler wrapper
 * and pkg-config), and when the resolve stage finds a module linking one
 * (built-libraries.ts). A recipe and the recipes it depends on are built into one
 * static-deps prefix, content-addressed by target, floor, recipes and source sha256
 * (static-deps.ts), so a project that needs none builds none, and a second build
 * reuses the prefix, built by the compiler that builds CPython's own libraries
 * (static-deps-compiler-choice.ts). Only targets whose libraries pyseal builds itself
 * get a provider: musl, and gnu with a glibc floor; `--glibc host` keeps the machine's.
 */

/** One built prefix: the asked recipe and its dependencies. */
export interface BuiltLibraryPrefix {
  /** The recipe asked for. */
  recipe: string
  prefix: string
  /** Absolute include directories of the asked recipe and its dependencies. */
  includeDirs: string[]
  libDir: string
  pkgConfigDir: string
  /** Every recipe built into the prefix: its upstream version and absolute archive paths. */
  libraries: Record<string, { version: string; archives: string[] }>
}

export interface LibraryProvider {
  /** What the packages built with this provider are keyed on: the recipes and the target. */
  identity: string
  /** The prefix holding what the query asks for, built if need be; null when no recipe provides it. */
  ensure(query: LibraryQuery): Promise<BuiltLibraryPrefix | null>
}

/** The provider for a target, or null when its libraries are not pyseal's to build. */
export function libraryProvider(
  target: HostedTarget,
  cacheRoot: string,
  log: (line: string) => void,
  recipes: readonly ExtensionLibraryRecipe[] = EXTENSION_LIBRARY_RECIPES
): LibraryProvider | null {
  if (!buildsOwnStaticLibraries(target)) return null
  const floor = target.glibcFloor
  const built = new Map<string, Promise<BuiltLibraryPrefix>>()
  const build = (recipe: string, query: LibraryQuery): Promise<BuiltLibraryPrefix> => {
    let prefix = built.get(recipe)
    if (!prefix) {
      log(
        `  libraries: ${describeQuery(query)} is ${recipe}'s: building it for ${target.triple} (or taking it from the cache)`
      )
      prefix = buildClosure(recipe, { target, cacheRoot, log, recipes })
      // A failed recipe stays failed for this run: every compile of a package asks again, and
      // the build (deterministic) would be repeated for each. The shim's stderr may be hidden
      // (a setup.py silencing pkg-config), so the log says it.
      prefix.catch((error: unknown) => log(`  libraries: building ${recipe} failed: ${firstLine(error)}`))
      built.set(recipe, prefix)
    }
    return prefix
  }
  return {
    identity: sha256Text(JSON.stringify({ triple: target.triple, floor, recipes })).slice(0, 20),
    ensure: async query => {
      const recipe = recipeProviding(query, recipes)
      return recipe ? build(recipe.name, query) : null
    }
  }
}

function firstLine(error: unknown): string {
  const fail = error as { logFile?: string }
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]
  return fail.logFile ? `${message} (log: ${fail.logFile})` : message
}

interface ClosureBuild {
  target: HostedTarget
  cacheRoot: string
  log: (line: string) => void
  recipes: readonly ExtensionLibraryRecipe[]
}

async function buildClosure(name: string, context: ClosureBuild): Promise<BuiltLibraryPrefix> {
  const { target, cacheRoot, log } = context
  const closure = recipeClosure(name, context.recipes).map(recipe => recipeForTarget(recipe, target))
  const compiler = await staticDepsCompilerChoice(target, cacheRoot)
  if (!compiler) throw new Error(`${target.triple}: pyseal does not build its static libraries`)
  const deps = await buildStaticDeps({ ...compiler, cacheRoot, log, recipes: closure })
  const includeDirs = [...new Set(closure.flatMap(recipe => includeDirsOf(recipe)))]
  return {
    recipe: name,
    prefix: deps.prefix,
    // The asked recipe's own directories first (libxml2's include/libxml2 before include).
    includeDirs: includeDirs.reverse().map(dir => path.join(deps.prefix, dir)),
    libDir: path.join(deps.prefix, 'lib'),
    pkgConfigDir: path.join(deps.prefix, 'lib', 'pkgconfig'),
    libraries: Object.fromEntries(
      Object.entries(deps.libraries).map(([library, info]) => [
        library,
        { version: info.version, archives: info.archives }
      ])
    )
  }
}
