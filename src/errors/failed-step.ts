import { lastLines } from '../exec/run'
import { UserError } from './user-error'

/**
 * A build step that failed with a log to show (a static library's configure, CPython's
 * make, pip building a package, pip installing zig): its stages describe the failure
 * with these parts, and FailedStepError lays them out one way for all of them.
 */
export interface FailedStep {
  /** What the user gave that this step works on: a package, a tarball, a recipe. */
  input: string
  /** What was being made, as a sentence's subject: "Static dependency zlib (Debian source zlib 1.3)". */
  what: string
  /** The step that failed: "configure", "pip install". */
  step: string
  /** Why, in a clause: "`make -j2` exited with 2". */
  reason?: string
  /** The step's log, when it wrote one. */
  log?: StepLog
  /** What to do. */
  fix: string
}

export interface StepLog {
  /** The log, or the lines of it that say why; its last LOG_LINES lines are shown. */
  text: string
  /** How those lines were chosen, for their heading. */
  heading?: string
  /** Where the whole log was written. */
  file?: string
}

/** How many lines of a log a message shows; the log file holds the rest. */
export const LOG_LINES = 25

/**
 * `WHAT failed at step "STEP": REASON.`, the log's lines between markers, the log
 * file, and `What to do: FIX`; parts that are absent are left out.
 */
function failedStepMessage(failure: FailedStep): string {
  const { log } = failure
  const shown = log ? lastLines(log.text, LOG_LINES) : ''
  return [
    `${failure.what} failed at step "${failure.step}"${failure.reason ? `: ${failure.reason}` : ''}.`,
    ...(shown === '' ? [] : [`--- ${log?.heading ?? `last ${LOG_LINES} lines of the log`} ---`, shown, '--- end ---']),
    ...(log?.file ? [`Full log: ${log.file}`] : []),
    `What to do: ${failure.fix}`
  ].join('\n')
}

/** A failed step as a user error; stages with their own error class extend this one. */
export class FailedStepError extends UserError {
  readonly step: string
  readonly logFile: string | undefined

  constructor(failure: FailedStep) {
    super(
      { input: failure.input, cause: `${failure.what} failed at step "${failure.step}"`, fix: failure.fix },
      failedStepMessage(failure)
    )
    this.name = 'FailedStepError'
    this.step = failure.step
    this.logFile = failure.log?.file
  }
}
