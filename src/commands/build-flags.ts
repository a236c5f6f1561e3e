import type { ParseArgsConfig } from 'node:util'
import { optionsOn, plainDefault, plainText, withRepeatNote, type OptionSpec } from '../inputs/options/spec'
import { BUILD_OPTIONS } from '../inputs/options/build'

/**
 * `pyseal build`'s flags and their usage text, derived from the option registry
 * (inputs/options/): commands/build.ts parses with them, cli.ts prints the usage.
 */

const FLAGS = optionsOn(BUILD_OPTIONS, 'cli')

/** parseArgs' options: a switch is a boolean flag, a repeated option a repeatable one. */
export const BUILD_FLAGS: NonNullable<ParseArgsConfig['options']> = Object.fromEntries(
  FLAGS.map(option => [
    option.name,
    option.given === 'switch'
      ? { type: 'boolean' as const }
      : { type: 'string' as const, multiple: option.given === 'repeated' }
  ])
)

const HELP_COLUMN = 32
const WIDTH = 92

/** One flag's usage: `--name METAVAR` and its help, wrapped at the help column. */
function flagUsage(option: OptionSpec): string {
  const flag = `  --${option.name}${option.metavar ? ` ${option.metavar}` : ''}`
  // A switch is off unless given: its default goes without saying.
  const fallback = option.given === 'switch' ? null : plainDefault(option)
  const help =
    withRepeatNote(option, plainText(option.summary), ' (repeatable)') +
    (fallback === null ? '' : `; default: ${fallback}`)
  const lines: string[] = []
  let line = ''
  for (const word of help.split(' ')) {
    if (line !== '' && HELP_COLUMN + line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  lines.push(line)
  const indent = ' '.repeat(HELP_COLUMN)
  const first = flag.length < HELP_COLUMN ? `${flag.padEnd(HELP_COLUMN)}${lines.shift()}` : flag
  return [first, ...lines.map(l => indent + l)].join('\n')
}

/** The build options part of `pyseal --help`. */
export const BUILD_FLAGS_USAGE =
  'Build options (the same names work in [tool.pyseal] of pyproject.toml; flags win):\n' +
  FLAGS.map(flagUsage).join('\n') +
  '\n'
