import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'smol-toml'
import { RawInputsSchema, type RawInputs } from './schema'

/** What pyseal takes from a project's pyproject.toml. */
export interface ProjectMetadata {
  name: string | null
  /** `[project.scripts]`: command name → `module:function`. */
  scripts: Record<string, string>
  /** `[tool.pyseal]`, validated. */
  settings: RawInputs
  problems: string[]
}

export async function readProjectMetadata(projectDir: string): Promise<ProjectMetadata> {
  const file = path.join(projectDir, 'pyproject.toml')
  const empty: ProjectMetadata = { name: null, scripts: {}, settings: {}, problems: [] }
  if (!existsSync(file)) return empty
  let doc: Record<string, unknown>
  try {
    doc = parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch (error) {
    return { ...empty, problems: [`${file} is not valid TOML: ${(error as Error).message.split('\n')[0]}`] }
  }
  const project = (doc.project ?? {}) as Record<string, unknown>
  const tool = ((doc.tool ?? {}) as Record<string, unknown>).pyseal ?? {}
  const parsed = RawInputsSchema.safeParse(tool)
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(i => `[tool.pyseal] in ${file}: ${i.path.join('.') || 'table'}: ${i.message}`)
  const scripts = (project.scripts ?? {}) as Record<string, string>
  return {
    name: typeof project.name === 'string' ? project.name : null,
    scripts,
    settings: parsed.success ? parsed.data : {},
    problems
  }
}
