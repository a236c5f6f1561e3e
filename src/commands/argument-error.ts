import { didYouMean } from '../inputs/suggest'

/**
 * A command-line mistake (node:util parseArgs' error) in one line: which argument,
 * what is wrong, what to write instead. `options` are the command's option names.
 */
export function describeArgumentError(error: unknown, options: string[], command: string): string {
  const message = (error as Error).message
  const flagNames = options.map(name => `--${name}`)
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = (/'(-[^']*)'/.exec(message)?.[1] ?? message).split('=')[0]
      return `unknown option ${flag}.${didYouMean(flag, flagNames)} ${command} takes ${flagNames.join(', ')}.`
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']*)'/.exec(message)?.[1] ?? ''
      return `unexpected argument "${argument}": ${command} takes only options (${flagNames.join(', ')})`
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(--[\w-]+)/.exec(message)?.[1] ?? 'an option'
      return /does not take an argument/.test(message)
        ? `${option} is a switch and takes no value: give ${option} alone to turn it on`
        : `${option} needs a value: write ${option} VALUE`
    }
    default:
      return message
  }
}
