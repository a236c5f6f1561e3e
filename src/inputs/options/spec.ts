import { z } from 'zod'

/**
 * What one entry of the option registry (registry.ts) says, and the schemas and
 * name lists derived from a group of entries. schema.ts, action-inputs.ts,
 * commands/build-flags.ts and scripts/options-docs.ts derive their parts through these.
 */

/** Where an option can be given: a CLI flag, a `[tool.pyseal]` key, an action input, a reusable-workflow input. */
export type Surface = 'cli' | 'pyproject' | 'action' | 'workflow'

/**
 * How a raw value is written. `text`: one string. `list`: comma-separated, or a TOML
 * array. `repeated`: a repeatable flag, one item per line in the action, a TOML array
 * or comma-separated string. `switch`: a flag without value, true/false elsewhere.
 */
export type Given = 'text' | 'list' | 'repeated' | 'switch'

export interface OptionDefault {
  /** The value pyseal uses when the option is not given (absent: computed, see `text`, or nothing). */
  readonly value?: string | boolean | readonly string[]
  /** The default as the docs say it (Markdown), where the value alone would not say it. */
  readonly text?: string
  /**
   * action.yml and the reusable workflow declare the value as their default. The
   * runner then always passes it, so it wins over `[tool.pyseal]`: declare only where
   * that is meant.
   */
  readonly declared?: boolean
}

export interface OptionSpec {
  /** kebab-case: the flag is `--NAME`; the `[tool.pyseal]` key and the inputs are NAME. */
  readonly name: string
  /** The resolved value's schema (enum values and patterns live here); absent for an input pyseal does not read. */
  readonly value?: z.ZodTypeAny
  readonly given: Given
  /** `[tool.pyseal]` takes only a TOML array here (a string is an error, not split at commas). */
  readonly arrayOnly?: boolean
  readonly surfaces: readonly Surface[]
  /** The CLI usage's placeholder for the value (`--target TRIPLE`). */
  readonly metavar?: string
  readonly default?: OptionDefault
  /** One phrase, lower-case, no final period; `code` in backticks. The CLI usage, action.yml and the workflow use it. */
  readonly summary: string
  /** The README's meaning column, where it says more than the summary (Markdown). */
  readonly readme?: string
}

/** The options of a group that can be given on a surface, in registry order. */
export function optionsOn(options: Record<string, OptionSpec>, surface: Surface): OptionSpec[] {
  return Object.values(options).filter(option => option.surfaces.includes(surface))
}

/** The entries that have a value schema (pyseal reads them), by field. */
type Valued<T extends Record<string, OptionSpec>> = {
  [K in keyof T as T[K] extends { value: z.ZodTypeAny } ? K : never]: T[K] extends {
    value: infer V extends z.ZodTypeAny
  }
    ? V
    : never
}

/** A zod object of the resolved values, one field per entry that pyseal reads. */
export function valueSchema<T extends Record<string, OptionSpec>>(options: T): z.ZodObject<Valued<T>> {
  const shape: Record<string, z.ZodTypeAny> = {}
  for (const [field, option] of Object.entries(options)) if (option.value) shape[field] = option.value
  return z.object(shape) as unknown as z.ZodObject<Valued<T>>
}

/** A raw value's type: text, a switch (a TOML boolean or true/false text), else text or a TOML array. */
type RawOf<G extends Given> = G extends 'text' ? string : G extends 'switch' ? boolean | string : string | string[]

/** What a user writes, by option name: every option optional. */
export type RawValues<T extends Record<string, OptionSpec>> = {
  [K in keyof T as T[K]['name']]?: T[K] extends { arrayOnly: true } ? string[] : RawOf<T[K]['given']>
}

const RAW_SCHEMAS: Record<Given, z.ZodTypeAny> = {
  text: z.string(),
  list: z.union([z.string(), z.array(z.string())]),
  repeated: z.union([z.string(), z.array(z.string())]),
  switch: z.union([z.boolean(), z.string()])
}

/** The raw values' schema for one surface: unknown names are an error (did-you-mean names the option). */
export function rawSchema<T extends Record<string, OptionSpec>>(options: T, surface: Surface): z.ZodType<RawValues<T>> {
  const shape = Object.fromEntries(
    optionsOn(options, surface).map(option => [
      option.name,
      option.arrayOnly ? z.array(z.string()) : RAW_SCHEMAS[option.given]
    ])
  )
  return z.object(shape).partial().strict() as unknown as z.ZodType<RawValues<T>>
}

/** The docs' default: its text, else the value in backticks, else null (none). */
export function defaultText(option: OptionSpec): string | null {
  const value = option.default?.value
  if (option.default?.text) return option.default.text
  if (value === undefined || value === '') return null
  return `\`${Array.isArray(value) ? value.join(',') : String(value)}\``
}

/**
 * Markdown made plain for the CLI and YAML descriptions: no emphasis, no backticks,
 * except that a value that reads like a word (`none`, `static`) is quoted, so that it
 * is not read as one.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, (_, code: string) => (/^[a-z][a-z0-9+-]*$/.test(code) ? `"${code}"` : code))
    .replace(/\*([^*]+)\*/g, '$1')
}

/** The default for the CLI and YAML: a literal value bare (`default: pyseal-out`), a description made plain. */
export function plainDefault(option: OptionSpec): string | null {
  const text = defaultText(option)
  if (text === null) return null
  return option.default?.text ? plainText(text) : text.replace(/`/g, '')
}

/** A repeated option's note (`(repeatable)`, `one per line`) after the summary's first clause. */
export function withRepeatNote(option: OptionSpec, text: string, note: string): string {
  if (option.given !== 'repeated') return text
  const clause = text.indexOf('; ')
  return clause < 0 ? `${text}${note}` : `${text.slice(0, clause)}${note}${text.slice(clause)}`
}
