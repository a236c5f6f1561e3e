// The places outside src/ that list pyseal's options, written from the option registry
// (src/inputs/options/): the README's option tables, action.yml's inputs and the
// reusable workflow's `workflow_call` inputs; and the README's tables of the action's
// outputs and of the plan/ and report/ sub-actions, written from their action.yml. `npm run options-docs` rewrites them;
// test/inputs/options.test.ts fails when a checked-in file differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import {
  defaultText,
  plainDefault,
  plainText,
  withRepeatNote,
  type OptionSpec,
  type Surface
} from '../src/inputs/options/spec'
import { ACTION_OPTIONS } from '../src/inputs/options/action'
import { BUILD_OPTIONS } from '../src/inputs/options/build'
import { ALL_OPTIONS } from '../src/inputs/options/registry'
import { WORKFLOW_OPTIONS } from '../src/inputs/options/workflow'

const REPO = path.join(__dirname, '..')
export const README_FILE = path.join(REPO, 'README.md')
export const ACTION_FILE = path.join(REPO, 'action.yml')
export const WORKFLOW_FILE = path.join(REPO, '.github', 'workflows', 'pyseal.yml')

/** The README's generated tables, each between `<!-- options:ID -->` and `<!-- /options:ID -->`. */
export const README_TABLES = {
  build: { options: Object.values(BUILD_OPTIONS), header: 'flag, `[tool.pyseal]` key and action input' },
  action: { options: Object.values(ACTION_OPTIONS), header: 'action input' },
  workflow: {
    options: [
      ...Object.values(WORKFLOW_OPTIONS),
      ...Object.values(BUILD_OPTIONS).filter(o => o.surfaces.includes('workflow'))
    ],
    header: 'reusable-workflow input'
  }
} as const

const SURFACE_NAMES: Record<Surface, string> = {
  cli: 'a flag',
  pyproject: 'a `[tool.pyseal]` key',
  action: 'an action input',
  workflow: 'a reusable-workflow input'
}

/** How an option is named in a table's first column: a flag in the build table, the input elsewhere. */
export function tableName(id: keyof typeof README_TABLES, option: OptionSpec): string {
  return id === 'build' && option.surfaces.includes('cli') ? `--${option.name}` : option.name
}

/** The meaning column: the README text, how a repeated option is written, and where a build option is missing. */
function meaning(id: keyof typeof README_TABLES, option: OptionSpec): string {
  let text = withRepeatNote(
    option,
    id === 'build' ? (option.readme ?? option.summary) : option.summary,
    ' (repeatable; one per line as an action input)'
  )
  if (id === 'build') {
    const missing = (['cli', 'pyproject', 'action'] as const).filter(s => !option.surfaces.includes(s))
    if (missing.length > 0) text += ` (not ${missing.map(s => SURFACE_NAMES[s]).join(' nor ')})`
  }
  return text.replace(/\|/g, '\\|')
}

export function readmeTable(id: keyof typeof README_TABLES): string {
  const { options, header } = README_TABLES[id]
  const rows = options.map(
    option =>
      `| \`${tableName(id, option)}\` | ${(defaultText(option) ?? 'none').replace(/\|/g, '\\|')} | ${meaning(id, option)} |`
  )
  return [`| ${header} | default | meaning |`, '| --- | --- | --- |', ...rows].join('\n')
}

type YamlEntries = Record<string, { description?: string; default?: unknown; required?: boolean }>

/**
 * A table of an action.yml's inputs or outputs (the action's and the sub-actions'), as
 * the file declares them: the outputs have no registry entry, action.yml is theirs.
 */
export function actionYmlTable(file: string, section: 'inputs' | 'outputs'): string {
  const entries = ((parse(readFileSync(path.join(REPO, file), 'utf8')) as Record<string, YamlEntries>)[section] ??
    {}) as YamlEntries
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const rows = Object.entries(entries).map(([name, entry]) =>
    section === 'outputs'
      ? `| \`${name}\` | ${cell(entry.description ?? '')} |`
      : `| \`${name}\` | ${entry.required ? 'required' : entry.default === undefined ? 'none' : `\`${String(entry.default)}\``} | ${cell(entry.description ?? '')} |`
  )
  const header =
    section === 'outputs'
      ? [`| ${file} output | meaning |`, '| --- | --- |']
      : [`| ${file} input | default | meaning |`, '| --- | --- | --- |']
  return [...header, ...rows].join('\n')
}

/** The README's action.yml tables: `<!-- inputs:FILE -->` or `<!-- outputs:FILE -->` blocks. */
function readmeWithActionYmlTables(readme: string): string {
  return readme.replace(
    /(<!-- (inputs|outputs):([\w./-]+) -->\n)(?:[\s\S]*?\n)?(<!-- \/\2:\3 -->)/g,
    (_, start: string, section: 'inputs' | 'outputs', file: string, end: string) =>
      `${start}${actionYmlTable(file, section)}\n${end}`
  )
}

/** The README with every generated table rewritten. */
export function readmeWithTables(readme: string): string {
  let text = readmeWithActionYmlTables(readme)
  for (const id of Object.keys(README_TABLES) as Array<keyof typeof README_TABLES>) {
    const pattern = new RegExp(`(<!-- options:${id} -->\\n)(?:[\\s\\S]*?\\n)?(<!-- /options:${id} -->)`)
    if (!pattern.test(text))
      throw new Error(`README.md has no <!-- options:${id} --> ... <!-- /options:${id} --> block`)
    text = text.replace(pattern, (_, start: string, end: string) => `${start}${readmeTable(id)}\n${end}`)
  }
  return text
}

/** action.yml's and the workflow's description: the summary made plain, as a sentence. */
export function inputDescription(option: OptionSpec): string {
  const fallback = option.default?.declared || option.given === 'switch' ? null : plainDefault(option)
  const text =
    withRepeatNote(option, plainText(option.summary), ', one per line') +
    (fallback === null ? '' : `; default: ${fallback}`)
  return `${text[0].toUpperCase()}${text.slice(1)}.`
}

/** The default action.yml and the workflow declare: the runner passes it when the input is not given. */
export function declaredDefault(option: OptionSpec): string | boolean | undefined {
  if (!option.default?.declared) return undefined
  const value = option.default.value
  return typeof value === 'boolean' ? value : String(value)
}

/** A YAML string quoted as prettier quotes it: single quotes, unless the text holds more of them than of double. */
function quoted(text: string): string {
  const count = (quote: string): number => text.split(quote).length - 1
  return count("'") > count('"') ? JSON.stringify(text) : `'${text.replace(/'/g, "''")}'`
}

function actionInputs(): string[] {
  return ALL_OPTIONS.filter(o => o.surfaces.includes('action')).flatMap(option => {
    const fallback = declaredDefault(option)
    return [
      `  ${option.name}:`,
      `    description: ${quoted(inputDescription(option))}`,
      '    required: false',
      ...(fallback === undefined ? [] : [`    default: ${quoted(String(fallback))}`])
    ]
  })
}

function workflowInputs(): string[] {
  return README_TABLES.workflow.options.flatMap(option => {
    const type = option.given === 'switch' ? 'boolean' : 'string'
    const fallback = declaredDefault(option) ?? (type === 'boolean' ? false : '')
    return [
      `      ${option.name}:`,
      `        description: ${quoted(inputDescription(option))}`,
      `        type: ${type}`,
      `        default: ${typeof fallback === 'boolean' ? String(fallback) : quoted(fallback)}`
    ]
  })
}

/** `text` with the children of its one line `header` replaced by `lines` (up to the next line indented no deeper). */
function replaceYamlBlock(text: string, header: string, lines: string[]): string {
  const all = text.split('\n')
  const start = all.indexOf(header)
  if (start < 0 || all.indexOf(header, start + 1) >= 0) throw new Error(`expected exactly one line "${header}"`)
  const depth = header.length - header.trimStart().length
  let end = start + 1
  while (end < all.length && (all[end].trim() === '' || all[end].length - all[end].trimStart().length > depth)) end++
  return [...all.slice(0, start + 1), ...lines, ...all.slice(end)].join('\n')
}

export const actionWithInputs = (text: string): string => replaceYamlBlock(text, 'inputs:', actionInputs())
export const workflowWithInputs = (text: string): string => replaceYamlBlock(text, '    inputs:', workflowInputs())

if (require.main === module) {
  const rewrites: Array<[string, (text: string) => string]> = [
    [README_FILE, readmeWithTables],
    [ACTION_FILE, actionWithInputs],
    [WORKFLOW_FILE, workflowWithInputs]
  ]
  for (const [file, rewrite] of rewrites) {
    const before = readFileSync(file, 'utf8')
    const after = rewrite(before)
    if (after !== before) writeFileSync(file, after)
    process.stdout.write(`${after === before ? 'unchanged' : 'wrote'} ${path.relative(REPO, file)}\n`)
  }
}
