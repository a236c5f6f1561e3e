import path from 'node:path'
import { FailedStepError } from '../errors/failed-step'
import { UserError } from '../errors/user-error'

// Turns pip's output into one message naming the package that failed and why.

export class PackageBuildError extends FailedStepError {
  constructor(
    readonly packageName: string,
    errorLines: string,
    logFile: string
  ) {
    super({
      input: packageName,
      what: `Building ${packageName} from source`,
      step: 'pip install',
      log: { text: errorLines, heading: "the compiler's and pip's error lines", file: logFile },
      fix:
        `fix the build of ${packageName} (missing headers or libraries are the usual cause: install its -dev packages), ` +
        'or remove it from the requirements.'
    })
    this.name = 'PackageBuildError'
  }
}

/** A requirement pip found no distribution of: a name or version the index does not have. */
export class MissingRequirementError extends UserError {
  constructor(requirement: string, requirementsFiles: string[], logFile: string) {
    const where = requirementsFiles.length > 0 ? requirementsFiles.join(', ') : "the project's dependencies"
    const cause = 'is not on the package index (pip found no matching distribution)'
    const fix = `check its name and version in ${where}`
    super(
      { input: `requirement ${requirement}`, cause, fix },
      `requirement ${requirement} ${cause}: ${fix}. Full log: ${logFile}`
    )
    this.name = 'MissingRequirementError'
  }
}

/**
 * A package with Rust code (maturin, setuptools-rust) whose build found no usable Rust: the
 * package, the cause and the fix in one line, in place of the build's own words (maturin
 * asks for a Rust installer as a build dependency, setuptools-rust says "can't find Rust
 * compiler", rustup's proxies say they have no default toolchain).
 */
export class RustToolchainError extends UserError {
  constructor(packageName: string, problem: RustToolchainProblem, logFile: string) {
    super(
      { input: packageName, cause: problem.cause, fix: problem.fix },
      `${packageName} has Rust code, and ${problem.cause}: ${problem.fix}. Full log: ${logFile}`
    )
    this.name = 'RustToolchainError'
  }
}

export interface RustToolchainProblem {
  cause: string
  fix: string
}

/** Why a package's build found no usable Rust, from pip's output; null when that was not why it failed. */
export function rustToolchainProblem(output: string): RustToolchainProblem | null {
  if (/rustup could not choose a version of (cargo|rustc) to run/.test(output)) {
    return {
      cause: 'rustup has no default toolchain to run cargo and rustc with',
      fix: 'run `rustup default stable` (or set RUSTUP_TOOLCHAIN), then build again'
    }
  }
  // maturin without cargo (MATURIN_NO_INSTALL_RUST keeps it from fetching a Rust installer,
  // puccinialin, as a build dependency); setuptools-rust: "can't find Rust compiler".
  if (
    /can't find Rust compiler|Cargo, the Rust package manager, is not installed|Collecting puccinialin/.test(output)
  ) {
    return {
      cause: "Rust's cargo is not on PATH (maturin and setuptools-rust build with it)",
      fix: 'install Rust with rustup (its default profile gives cargo and rustc) and put ~/.cargo/bin on PATH'
    }
  }
  return null
}

/** The compiler's and pip's error lines, which say why; the log keeps the rest. */
export function buildErrorLines(output: string): string {
  const lines = output.split('\n').map(l => l.trim())
  const errors = lines.filter(l => /(^|\s)(error|ERROR)[:\s]/.test(l) && !l.startsWith('error: subprocess-exited'))
  return (errors.length > 0 ? errors.slice(0, 12) : lines.filter(l => l !== '').slice(-15)).join('\n')
}

/** Names the package pip was building when it failed. */
export function failedPackage(output: string, project: string): string {
  const patterns = [
    /Failed building wheel for ([\w.-]+)/,
    /Failed to build installable wheels for some pyproject\.toml based projects\s*\S*\s*([\w.-]+)/,
    /Building wheel for ([\w.-]+) \(pyproject\.toml\) did not run successfully/,
    /Getting requirements to build wheel did not run successfully[\s\S]*?for ([\w.-]+)/,
    // A dependency whose metadata step failed: the last one pip was collecting.
    /(?:Collecting |Processing \S*\/)([\w.-]+?)(?:[=<>!~ ;[][^\n]*)?\n(?:(?!Collecting |Processing )[\s\S])*?Preparing metadata \(pyproject\.toml\): finished with status 'error'/,
    /No matching distribution found for ([\w.-]+)/,
    /Could not find a version that satisfies the requirement ([\w.-]+)/
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(output)
    if (match) return match[1]
  }
  return path.basename(project)
}
