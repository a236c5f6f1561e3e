import { spawn } from 'node:child_process'

/** One external command, as the stages run it. */
export interface CommandSpec {
  command: string
  args: string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Text fed to standard input. */
  input?: string
  /** Where the combined output also goes line by line (a build log). */
  onOutput?: (chunk: string) => void
}

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** A command that exited non-zero; `tail` holds its last output lines for the message. */
export class CommandFailedError extends Error {
  constructor(
    readonly spec: CommandSpec,
    readonly result: CommandResult
  ) {
    const tail = lastLines(result.stderr + result.stdout, 25)
    super(`${describeCommand(spec)} exited with ${result.code}\n${tail}`)
    this.name = 'CommandFailedError'
  }
}

export function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n')
}

/** Runs a command to completion and returns its output; never throws for a non-zero exit. */
export function runCommand(spec: CommandSpec): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: [spec.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout?.on('data', (d: Buffer) => {
      out.push(d)
      spec.onOutput?.(d.toString())
    })
    child.stderr?.on('data', (d: Buffer) => {
      err.push(d)
      spec.onOutput?.(d.toString())
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString()
      })
    })
    if (child.stdin) {
      child.stdin.on('error', () => undefined)
      child.stdin.end(spec.input)
    }
  })
}

/** Runs a command and throws CommandFailedError unless it exits 0. */
export async function runChecked(spec: CommandSpec): Promise<CommandResult> {
  const result = await runCommand(spec)
  if (result.code !== 0) throw new CommandFailedError(spec, result)
  return result
}

/** A command line short enough for a message: long argument lists are elided in the middle. */
export function describeCommand(spec: CommandSpec): string {
  const args =
    spec.args.length > 8
      ? [...spec.args.slice(0, 4), `… ${spec.args.length - 6} more …`, ...spec.args.slice(-2)]
      : spec.args
  return [spec.command, ...args].join(' ')
}
