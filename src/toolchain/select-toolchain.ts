import { UserError, type UserErrorParts } from '../errors/user-error'
import { runCommand } from '../exec/run'
import type { Target, Toolchain, ToolchainInstall } from '../targets/table'
import type { GlibcFloor } from './glibc-floor'

/** A target as built on one machine: its row, with the toolchain that machine uses for it. */
export interface HostedTarget extends Target {
  /** The build machine's triple. */
  host: string
  /** True when the toolchain is a cross toolchain. */
  crossCompiling: boolean
  /** The GNU triplet configure takes as --host when cross compiling, else null. */
  configureHost: string | null
  /** How to run the target's binaries on the host, or null when they run natively (or cannot run here). */
  emulator: string[] | null
  /**
   * The glibc its toolchain links against: `host` for the table's compilers, a release
   * once floor-toolchain.ts has put a floor's compilers in; null for a target without glibc.
   */
  glibcFloor: GlibcFloor | null
}

/** A target this machine cannot build, or whose toolchain is not installed. */
export class ToolchainUnavailableError extends UserError {
  constructor(parts: UserErrorParts, message: string) {
    super(parts, message)
    this.name = 'ToolchainUnavailableError'
  }
}

/** Picks the toolchain that builds `target` on a machine of triple `host`: native, or a cross toolchain from the table. */
export function selectToolchain(target: Target, host: string): HostedTarget {
  const glibcFloor = target.libc === 'gnu' ? 'host' : null
  if (target.triple === host || sameMachineKind(target.triple, host)) {
    return { ...target, host, crossCompiling: false, configureHost: null, emulator: null, glibcFloor }
  }
  const cross = target.cross.find(c => c.host === host)
  if (cross) {
    return {
      ...target,
      toolchain: cross.toolchain,
      host,
      crossCompiling: true,
      configureHost: cross.configureHost,
      emulator: cross.emulator,
      glibcFloor
    }
  }
  const from = target.cross.map(c => c.host)
  const cause = `binaries cannot be built on this machine (${host}): pyseal has no cross toolchain for it here`
  const fix =
    `Build it on a ${target.os} ${target.arch} machine (GitHub runner "${target.runner.label}"` +
    (from.length > 0 ? `, or from ${from.join(', ')}` : '') +
    "), for example with pyseal's reusable workflow, which gives every target its own runner."
  throw new ToolchainUnavailableError({ input: target.triple, cause, fix }, `${target.triple} ${cause}. ${fix}`)
}

/**
 * A Linux host builds both libcs of its own architecture natively (musl through
 * musl-gcc); other OSes build only their own triple.
 */
function sameMachineKind(triple: string, host: string): boolean {
  const [arch, , os] = triple.split('-')
  const [hostArch, , hostOs] = host.split('-')
  return os === 'linux' && hostOs === 'linux' && arch === hostArch
}

/**
 * The commands a toolchain needs on PATH (the C++ one is optional: only C++ extensions
 * need it). zig's compilers are not among them: pyseal installs zig and writes them.
 */
export function requiredCommands(toolchain: Toolchain): string[] {
  const compilers = toolchain.zigTarget ? [] : [toolchain.cc]
  const commands = [...compilers, toolchain.ar, toolchain.ld, toolchain.nm]
  if (toolchain.objcopy) commands.push(toolchain.objcopy)
  return [...new Set(commands)]
}

/** How a user installs a toolchain, as a line to run or a step to take. */
export function installAdvice(install: ToolchainInstall): string {
  switch (install.kind) {
    case 'apt':
      return `sudo apt-get install -y ${install.packages.join(' ')}`
    case 'xcode':
      return 'xcode-select --install (Xcode command line tools)'
    case 'msvc':
      return `install Visual Studio Build Tools with the C++ workload, and run from its "${install.arch}" developer environment`
  }
}

export interface EnsureToolchainOptions {
  /** Install missing apt packages (in GitHub Actions on Linux, as the runner allows). */
  install: boolean
  log: (line: string) => void
  /** Where apt-get and sudo are looked up and run (default: this process's environment). */
  env?: NodeJS.ProcessEnv
}

/**
 * Checks that the toolchain's commands run here; installs them with apt when allowed
 * and possible, or stops with the exact command that installs them.
 */
export async function ensureToolchain(target: HostedTarget, options: EnsureToolchainOptions): Promise<void> {
  let missing = await missingCommands(target.toolchain)
  if (missing.length === 0) return
  const install = target.toolchain.install
  if (options.install && install.kind === 'apt') {
    const update = asRoot(['apt-get', 'update', '-qq'])
    const installing = asRoot(['apt-get', 'install', '-y', '-qq', ...install.packages])
    // The fallback changes the machine, as root: the log shows the exact commands, sudo included.
    options.log(
      `  ${missing.join(', ')} not found for ${target.triple}; running: ${commandLine(update)} && ${commandLine(installing)}`
    )
    const env = { ...(options.env ?? process.env), DEBIAN_FRONTEND: 'noninteractive' }
    try {
      if ((await runCommand({ ...update, env })).code === 0) await runCommand({ ...installing, env })
    } catch {
      // No apt-get or sudo here: the message below says what to install.
    }
    missing = await missingCommands(target.toolchain)
    if (missing.length === 0) return
  }
  const cause = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not installed`
  const fix = `Install ${missing.length === 1 ? 'it' : 'them'} with: ${installAdvice(install)}`
  throw new ToolchainUnavailableError(
    { input: `the ${target.triple} toolchain`, cause, fix },
    `The ${target.triple} toolchain is incomplete on this machine: ${cause}. ${fix}`
  )
}

const commandLine = (run: { command: string; args: string[] }): string => [run.command, ...run.args].join(' ')

/** A command run as root: directly when pyseal is root, else through non-interactive sudo (as on GitHub's runners). */
function asRoot(words: string[]): { command: string; args: string[] } {
  return process.getuid?.() === 0
    ? { command: words[0], args: words.slice(1) }
    : { command: 'sudo', args: ['-n', ...words] }
}

async function missingCommands(toolchain: Toolchain): Promise<string[]> {
  const missing: string[] = []
  for (const command of requiredCommands(toolchain)) {
    const found = await runCommand({ command: 'sh', args: ['-c', 'command -v "$1"', 'sh', command] })
    if (found.code !== 0) missing.push(command)
  }
  return missing
}
