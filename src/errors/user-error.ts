/**
 * The one error type for a failure the user can fix: a mistake in what they gave or a
 * missing prerequisite on their machine. Every stage throws one (or a subclass) for
 * such a failure, naming the input it is about, the cause and the fix; the CLI
 * (src/commands/) and the action (src/main.ts) show any failure through renderError,
 * so a message reads the same in a terminal, a job log and a report.
 */
export interface UserErrorParts {
  /** What the user gave, as they would recognize it: a flag and its value, a package, a file. */
  input: string
  /** What is wrong with it, in words. */
  cause: string
  /** What to do about it. */
  fix: string
}

export class UserError extends Error {
  readonly input: string
  /** What is wrong, in words (not an underlying Error: that is in the message when it matters). */
  override readonly cause: string
  readonly fix: string

  /**
   * `message` is the text the user reads; by default "INPUT CAUSE: FIX" ("requirements
   * file x.txt does not exist: check --requirements"). Give it when the sentence reads
   * better in another order, but let it name all three.
   */
  constructor(parts: UserErrorParts, message = `${parts.input} ${parts.cause}: ${parts.fix}`) {
    super(message)
    this.name = 'UserError'
    this.input = parts.input
    this.cause = parts.cause
    this.fix = parts.fix
  }
}

/** The text a front shows for any failure: the message alone, never a stack trace. */
export function renderError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** A failure as the CLI prints it on stderr: one `pyseal: error:` line first, the details after. */
export function renderCliError(error: unknown): string {
  return `pyseal: error: ${renderError(error)}\n`
}
