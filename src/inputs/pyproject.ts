import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parse } from 'smol-toml'
import { describeIssue } from './issues'
import { optionsOn } from './options/spec'
import { BUILD_OPTIONS } from './options/build'
import { RawInputsSchema, type RawInputs } from './schema'

/** Every key `[tool.pyseal]` takes (the did-you-mean candidates for a misspelt one). */
export const SETTING_NAMES = optionsOn(BUILD_OPTIONS, 'pyproject').map(option => option.name)

/** A file's text, or null when its bytes are not UTF-8 (TOML and pip read nothing else). */
export async function readUtf8(file: string): Promise<string | null> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file))
  } catch (error) {
    if (error instanceof TypeError) return null
    throw error
  }
}

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
  const text = await readUtf8(file)
  if (text === null) {
    return { ...empty, problems: [`${file} is not UTF-8 text: save it as UTF-8 (TOML allows nothing else)`] }
  }
  let doc: Record<string, unknown>
  try {
    doc = parse(text) as Record<string, unknown>
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0]
    return { ...empty, problems: [`${file} is not valid TOML (${detail}): fix the syntax at that line`] }
  }
  const project = (doc.project ?? {}) as Record<string, unknown>
  const tool = ((doc.tool ?? {}) as Record<string, unknown>).pyseal ?? {}
  const problems: string[] = []
  if (typeof tool !== 'object' || Array.isArray(tool)) {
    problems.push(`[tool.pyseal] in ${file} must be a table of settings, not ${typeof tool}`)
  }
  const parsed = RawInputsSchema.safeParse(problems.length > 0 ? {} : tool)
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map(i => `[tool.pyseal] in ${file}: ${describeIssue(i, SETTING_NAMES)}`))
  }
  const scripts: Record<string, string> = {}
  for (const [command, target] of Object.entries((project.scripts ?? {}) as Record<string, unknown>)) {
    if (typeof target === 'string') scripts[command] = target
    else problems.push(`[project.scripts] ${command} in ${file} must be a string like "pkg.module:function"`)
  }
  return {
    name: typeof project.name === 'string' ? project.name : null,
    scripts,
    settings: parsed.success ? parsed.data : {},
    problems
  }
}
