import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { reportSchemaErrors } from '../report/validate'

export const REPO = path.resolve(__dirname, '..', '..')
export const FIXTURES = path.join(REPO, 'test', 'fixtures')

/** The targets the e2e tests build for (PYSEAL_TEST_TARGETS narrows them). */
export const TEST_TARGETS = (
  process.env.PYSEAL_TEST_TARGETS ?? 'x86_64-unknown-linux-gnu,x86_64-unknown-linux-musl'
).split(',')

/**
 * The CPython versions besides the default that the whole fixture app is built on, on
 * x86_64 gnu: 3.11 in `npm test`; `npm run test:heavy` adds 3.13 and 3.15
 * (PYSEAL_TEST_PYTHON_VERSIONS narrows or widens them; 3.12 is fetched like the others
 * but not built here).
 */
export const OTHER_PYTHON_VERSIONS = (process.env.PYSEAL_TEST_PYTHON_VERSIONS ?? '3.11')
  .split(',')
  .filter(v => v !== '')

/**
 * The versions besides the default that `npm test` builds and runs at least once, through
 * the launcher's own test (launcher-versions.test.ts): every version pyseal builds here.
 * PYSEAL_TEST_LAUNCHER_VERSIONS narrows or widens them.
 */
export const LAUNCHER_PYTHON_VERSIONS = (process.env.PYSEAL_TEST_LAUNCHER_VERSIONS ?? '3.11,3.13,3.15.0rc2')
  .split(',')
  .filter(v => v !== '')

/**
 * The options that build another CPython version: with this machine's gcc (`--glibc
 * host`), so that one 3.11 serves every test that needs it (the cross builds' build
 * Python and the `--glibc host` tests build the same). The glibc floor is tested on the
 * default version; a version's own code paths do not depend on the toolchain.
 */
export function otherVersionArgs(version: string): string[] {
  return ['--python-version', version, '--glibc', 'host']
}

let bundled: string | null = null

/** The CLI bundled from src/ (what `npm run package` makes of it), built once per test file. */
export function cliScript(): string {
  if (bundled) return bundled
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-cli-'))
  // Inside the repo, so the bundle finds python/ and c/ beside package.json.
  bundled = path.join(REPO, 'build-tsc', `cli-${path.basename(dir)}.js`)
  execFileSync(
    path.join(REPO, 'node_modules', '.bin', 'esbuild'),
    ['src/cli.ts', '--bundle', '--platform=node', '--target=node20', `--outfile=${bundled}`, '--log-level=warning'],
    { cwd: REPO }
  )
  return bundled
}

/** The action as GitHub runs it: dist/index.js (test/workflows/dist.test.ts keeps it the bundle of src/). */
export function actionScript(): string {
  return path.join(REPO, 'dist', 'index.js')
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `pyseal ARGS` as a user would, from `cwd`, with extra environment variables if given. */
export function pyseal(args: string[], cwd: string = REPO, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync('node', [cliScript(), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024
  })
  checkReports(args)
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr }
}

/** Every report a build writes must validate against the checked-in JSON Schema. */
function checkReports(args: string[]): void {
  const at = args.indexOf('--out-dir')
  const outDir = at >= 0 ? args[at + 1] : null
  if (!outDir || !existsSync(outDir) || !statSync(outDir).isDirectory()) return
  for (const name of readdirSync(outDir).filter(n => n.endsWith('.report.json'))) {
    const errors = reportSchemaErrors(JSON.parse(readFileSync(path.join(outDir, name), 'utf8')))
    if (errors.length > 0)
      throw new Error(`${path.join(outDir, name)} does not match the report schema:\n${errors.join('\n')}`)
  }
}

/** Runs a produced executable. */
export function runBinary(
  binary: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}
): SpawnSyncReturns<string> {
  return spawnSync(binary, args, {
    encoding: 'utf8',
    input: options.input,
    env: options.env ?? { PATH: process.env.PATH, HOME: process.env.HOME },
    cwd: options.cwd ?? os.tmpdir(),
    timeout: 20 * 60 * 1000,
    maxBuffer: 64 * 1024 * 1024
  })
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `pyseal-${prefix}-`))
}

/** Fails with the CLI's own output when a build did not succeed. */
export function expectBuilt(run: CliRun): string {
  if (run.code !== 0) throw new Error(`pyseal build failed (${run.code}):\n${run.stdout}\n${run.stderr}`)
  const lines = run.stdout.trim().split('\n')
  return lines[lines.length - 1]
}
