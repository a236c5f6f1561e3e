import path from 'node:path'
import type { ExtensionLibraryRecipe } from './recipe-types'

/**
 * Which recipe answers a build's question (a header it includes, a `-l` name it links,
 * a pkg-config module it asks for), and the recipes to build for it, dependencies first.
 * Pure: library-provider.ts and the report's wording (built-libraries.ts) call it.
 */

/** What a package's build asked for. */
export interface LibraryQuery {
  kind: 'header' | 'library' | 'pkg-config'
  name: string
}

/** The recipe that provides what was asked for, or null when pyseal has none. */
export function recipeProviding(
  query: LibraryQuery,
  recipes: readonly ExtensionLibraryRecipe[]
): ExtensionLibraryRecipe | null {
  const matches = (recipe: ExtensionLibraryRecipe): boolean => {
    if (query.kind === 'library') return recipe.provides.libraries.includes(query.name)
    if (query.kind === 'pkg-config') return recipe.provides.pkgConfig.includes(query.name)
    return recipe.provides.headers.some(header => sameHeader(header, query.name))
  }
  return recipes.find(matches) ?? null
}

/**
 * A header in a library's own directory (`libxml/HTMLparser.h`) belongs to the library
 * that provides another header of that directory; a top-level one must match exactly.
 */
function sameHeader(provided: string, asked: string): boolean {
  const normalized = path.posix.normalize(asked)
  if (provided === normalized) return true
  const directory = (header: string): string | null => (header.includes('/') ? header.split('/')[0] : null)
  return directory(provided) !== null && directory(provided) === directory(normalized)
}

/** The recipe and every recipe it depends on, each once, dependencies before what needs them. */
export function recipeClosure(name: string, recipes: readonly ExtensionLibraryRecipe[]): ExtensionLibraryRecipe[] {
  const byName = new Map(recipes.map(recipe => [recipe.name, recipe]))
  const ordered: ExtensionLibraryRecipe[] = []
  const visit = (current: string, chain: string[]): void => {
    if (ordered.some(recipe => recipe.name === current)) return
    if (chain.includes(current))
      throw new Error(`library recipes depend on each other: ${[...chain, current].join(' -> ')}`)
    const recipe = byName.get(current)
    if (!recipe) {
      const by = chain.length > 0 ? ` (needed by ${chain[chain.length - 1]})` : ''
      throw new Error(`no library recipe named ${current}${by}`)
    }
    for (const dependency of recipe.dependsOn) visit(dependency, [...chain, current])
    ordered.push(recipe)
  }
  visit(name, [])
  return ordered
}

/** The include directories a user of the recipe compiles with, relative to the prefix. */
export function includeDirsOf(recipe: ExtensionLibraryRecipe): readonly string[] {
  return recipe.includeDirs ?? ['include']
}

/** How a query is named in messages: `yaml.h`, `-lyaml`, `pkg-config yaml-0.1`. */
export function describeQuery(query: LibraryQuery): string {
  if (query.kind === 'library') return `-l${query.name}`
  if (query.kind === 'pkg-config') return `pkg-config ${query.name}`
  return query.name
}
