import path from 'node:path'

/** The directories a build's paths live under, each written as a name in the report. */
export interface BuildRoots {
  project: string
  outDir: string
  cacheDir: string
}

/**
 * A root's name in the report. The output directory is the report's own directory,
 * so paths below it become plain relative paths.
 */
const ROOT_NAMES: Record<keyof BuildRoots, string> = { project: '{project}', outDir: '.', cacheDir: '{cache-dir}' }

/**
 * Rewrites every absolute path under the project, the output directory or the cache
 * directory, wherever it appears in a string (a field or a message), as `{project}/…`,
 * `./…` or `{cache-dir}/…`: the report then reads the same from any checkout, output
 * directory and cache location. The deepest root wins (an output directory inside
 * the project is the output directory).
 */
export function portableStrings<T>(value: T, roots: BuildRoots): T {
  const prefixes = (Object.keys(ROOT_NAMES) as (keyof BuildRoots)[])
    .map(key => ({ from: path.resolve(roots[key]), to: ROOT_NAMES[key] }))
    .sort((a, b) => b.from.length - a.from.length)
  const rewrite = (text: string): string => {
    let out = text
    for (const { from, to } of prefixes) out = replacePrefix(out, from, to)
    return out
  }
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return rewrite(node)
    if (Array.isArray(node)) return node.map(walk)
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node as Record<string, unknown>).map(([k, v]) => [k, walk(v)]))
    }
    return node
  }
  return walk(value) as T
}

/** `root` and `root/…` (not `root-other/…`) become `name` and `name/…`. */
function replacePrefix(text: string, root: string, name: string): string {
  if (root === path.parse(root).root) return text
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return text.replace(new RegExp(`${escaped}(?=/|$|[^\\w.-])`, 'g'), name)
}

/** The real path of a report path written by portableStrings, given the same roots. */
export function resolvePortablePath(file: string, roots: BuildRoots): string {
  if (file === '{cache-dir}' || file.startsWith('{cache-dir}/'))
    return roots.cacheDir + file.slice('{cache-dir}'.length)
  if (file === '{project}' || file.startsWith('{project}/')) return roots.project + file.slice('{project}'.length)
  return path.resolve(roots.outDir, file)
}
