import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'smol-toml'

/**
 * The project's own runtime requirements, when pyproject.toml states them
 * statically (`[project] dependencies`, not listed in `dynamic`); null when only
 * building the project could tell (setup.py, or dynamic dependencies). Knowing
 * them lets the dependencies be built once, apart from the project, so a change
 * in the project's own code does not rebuild them.
 */
export async function staticDependencies(projectDir: string): Promise<string[] | null> {
  const file = path.join(projectDir, 'pyproject.toml')
  if (!existsSync(file)) return null
  let doc: Record<string, unknown>
  try {
    doc = parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch {
    return null
  }
  const project = doc.project as Record<string, unknown> | undefined
  if (!project || typeof project !== 'object') return null
  const dynamic = Array.isArray(project.dynamic) ? project.dynamic : []
  if (dynamic.includes('dependencies')) return null
  const dependencies = project.dependencies ?? []
  if (!Array.isArray(dependencies) || !dependencies.every(d => typeof d === 'string')) return null
  return dependencies as string[]
}
