import type { ExecOptions } from '@actions/exec'
import { ToolRunner } from '@actions/exec/lib/toolrunner'
import type { SpawnOptions } from 'node:child_process'
import { accessSync, closeSync, constants, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Every external command pyseal starts (compilers, make, pip, tar, readelf, the
 * distribution's Python) runs through runCommand or runChecked, in the CLI and in the
 * action alike. Both hand it to the Actions toolkit's runner (@actions/exec): no
 * shell, the arguments as a vector (so `$(...)`, backticks and `;` in a path stay
 * characters), output streamed to listeners and kept for messages, nothing echoed to
 * the log, and the exit code returned rather than thrown, so each stage words its
 * own failure.
 */

/** One external command, as the stages run it. */
export interface CommandSpec {
  command: string
  args: string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Text fed to standard input; without it, standard input is empty. */
  input?: string
  /** Where the combined output also goes as it arrives (a build log). */
  onOutput?: (chunk: string) => void
}

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** A command that exited non-zero; its last output lines are in the message. */
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

/** The exit code of a child that a signal ended (the shell's 128 + N, with N unknown here). */
const KILLED_BY_SIGNAL = 128

/** Runs a command to completion and returns its output; never throws for a non-zero exit. */
export async function runCommand(spec: CommandSpec): Promise<CommandResult> {
  const out: Buffer[] = []
  const err: Buffer[] = []
  const options: ExecOptions = {
    cwd: spec.cwd,
    env: spec.env && definedOnly(spec.env),
    // The toolkit would echo "[command]…" and the output to stdout; the stages log what they choose.
    silent: true,
    ignoreReturnCode: true,
    listeners: {
      stdout: data => {
        out.push(data)
        spec.onOutput?.(data.toString())
      },
      stderr: data => {
        err.push(data)
        spec.onOutput?.(data.toString())
      }
    }
  }
  const stdin = standardInput(spec.input)
  try {
    const runner = withStandardInput(new ToolRunner(lookUp(spec.command, spec.env), spec.args, options), stdin.fd)
    // A child ended by a signal has no exit code: the toolkit passes on Node's null.
    const code = (await runner.exec()) as number | null
    return {
      code: code ?? KILLED_BY_SIGNAL,
      stdout: Buffer.concat(out).toString(),
      stderr: Buffer.concat(err).toString()
    }
  } finally {
    stdin.close()
  }
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

/**
 * The child's standard input: nothing (it reads end-of-file at once), or the input
 * text from a file. The toolkit's own `input` option writes to a pipe instead, which
 * stays open when unused (a child that reads it waits forever) and, when the child
 * exits before reading, fails with EPIPE in a place no caller can catch.
 */
function standardInput(input: string | undefined): { fd: number | 'ignore'; close: () => void } {
  if (input === undefined) return { fd: 'ignore', close: () => undefined }
  const dir = mkdtempSync(path.join(tmpdir(), 'pyseal-stdin-'))
  const file = path.join(dir, 'input')
  writeFileSync(file, input, { mode: 0o600 })
  const fd = openSync(file, 'r')
  return {
    fd,
    close: () => {
      closeSync(fd)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** The runner's spawn options as the toolkit builds them (cwd, env), with standard input set. */
interface SpawnOptionsBuilder {
  _getSpawnOptions(options: ExecOptions, toolPath: string): SpawnOptions
}

function withStandardInput(runner: ToolRunner, stdin: number | 'ignore'): ToolRunner {
  const builder = runner as unknown as SpawnOptionsBuilder
  const toolkitOptions = builder._getSpawnOptions.bind(runner)
  builder._getSpawnOptions = (options, toolPath) => ({
    ...toolkitOptions(options, toolPath),
    stdio: [stdin, 'pipe', 'pipe']
  })
  return runner
}

/**
 * A bare command name is found on the PATH of the environment the command gets, as
 * spawn does; the toolkit would look on pyseal's own PATH.
 */
function lookUp(command: string, env: NodeJS.ProcessEnv | undefined): string {
  if (command.includes('/') || env === undefined || env.PATH === process.env.PATH) return command
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.resolve(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // Not here: the next directory.
    }
  }
  return command
}

/** The environment as the toolkit types it: variables set to undefined are left out, as spawn leaves them. */
function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
