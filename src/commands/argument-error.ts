import { UserError } from '../errors/user-error'
import { didYouMean } from '../inputs/suggest'

/**
 * A command-line mistake (node:util parseArgs' error) as a user error in one line:
 * which argument, what is wrong, what to write instead. `options` are the command's
 * option names.
 */
export function argumentError(error: unknown, options: string[], command: string): UserError {
  const message = (error as Error).message
  const flagNames = options.map(name => `--${name}`)
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const flag = (/'(-[^']*)'/.exec(message)?.[1] ?? message).split('=')[0]
      const fix = `${didYouMean(flag, flagNames).trimStart()} ${command} takes ${flagNames.join(', ')}.`.trimStart()
      return new UserError({ input: flag, cause: 'unknown option', fix }, `unknown option ${flag}. ${fix}`)
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const argument = /'([^']*)'/.exec(message)?.[1] ?? ''
      const fix = `${command} takes only options (${flagNames.join(', ')})`
      return new UserError(
        { input: `"${argument}"`, cause: 'unexpected argument', fix },
        `unexpected argument "${argument}": ${fix}`
      )
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = /'(--[\w-]+)/.exec(message)?.[1] ?? 'an option'
      return /does not take an argument/.test(message)
        ? new UserError({
            input: option,
            cause: 'is a switch and takes no value',
            fix: `give ${option} alone to turn it on`
          })
        : new UserError({ input: option, cause: 'needs a value', fix: `write ${option} VALUE` })
    }
    default:
      return new UserError({ input: command, cause: message, fix: `see pyseal --help` }, message)
  }
}
