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
    /No matching distribution found for ([\w.-]+)/,
    /Could not find a version that satisfies the requirement ([\w.-]+)/
  ]
  for (const pattern of patterns) {
    const match = pattern.exec(output)
    if (match) return match[1]
  }
  return path.basename(project)
}
