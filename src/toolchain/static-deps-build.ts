import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { DEFAULT_SOURCE_DATE_EPOCH } from '../cache/source-date-epoch'
import { FailedStepError } from '../errors/failed-step'
import { CommandSpec, runCommand } from '../exec/run'
import type { StaticLibraryRecipe } from './static-deps-recipes'
import type { SourceInfo } from './static-deps-sources'

// One static library built by its recipe (static-deps.ts runs them in turn), installed
// with DESTDIR under the never-existing prefix every library is configured for.

/** The prefix every library is configured for; it never exists at run time. */
export const CONFIGURED_PREFIX = '/nonexistent/pyseal-static-deps'

export interface BuildOneArgs {
  recipe: StaticLibraryRecipe
  source: SourceInfo
  tarballPath: string
  /** Scratch space: the unpacked sources go under `<work>/src`. */
  work: string
  destdir: string
  stagedPrefix: string
  /** The compiler's environment for a recipe, pkg-config reading only the given directory (static-deps-compilers.ts). */
  recipeEnv: (pkgConfigLibdir: string) => Record<string, string>
  jobs: number
  /** Where each library's build log is kept (`<logDir>/<key>-<name>.log`). */
  logDir: string
  key: string
  log: (line: string) => void
}

export async function buildOne(args: BuildOneArgs): Promise<void> {
  const { recipe, source, destdir, stagedPrefix } = args
  const srcDir = path.join(args.work, 'src', recipe.name)
  await fs.mkdir(srcDir, { recursive: true })
  const logPath = path.join(args.logDir, `${args.key}-${recipe.name}.log`)
  await fs.mkdir(path.dirname(logPath), { recursive: true })
  const logText: string[] = []
  const append = (chunk: string): void => {
    logText.push(chunk)
  }

  const toolchain = args.recipeEnv(path.join(stagedPrefix, 'lib', 'pkgconfig'))
  const env = recipeEnv(toolchain)
  // A recipe that builds against an earlier one of the same prefix (libxslt against libxml2)
  // finds it through pkg-config: its `.pc` names the configured prefix, staged under destdir.
  env.PKG_CONFIG_SYSROOT_DIR = destdir
  const vars: Record<string, string> = {
    prefix: CONFIGURED_PREFIX,
    destdir,
    jobs: String(args.jobs),
    version: source.upstreamVersion,
    ...toolchain
  }
  const substitute = (text: string): string =>
    text.replace(/@([A-Za-z_]+)@/g, (whole, name: string) => (name in vars ? vars[name] : whole))

  const run = async (step: string, spec: CommandSpec): Promise<void> => {
    args.log(`static deps: ${recipe.name}: ${step}`)
    append(`\n$ ${spec.command} ${spec.args.join(' ')}\n`)
    const res = await runCommand({ ...spec, onOutput: append })
    if (res.code !== 0) {
      await fs.writeFile(logPath, logText.join(''))
      throw new FailedStepError({
        input: `static dependency ${recipe.name}`,
        what: `Static dependency ${recipe.name} (Debian source ${source.sourcePackage} ${source.debianVersion})`,
        step,
        reason: `\`${spec.command} ${spec.args.join(' ')}\` exited with ${res.code}`,
        log: { text: logText.join(''), file: logPath },
        fix: recipeStepFix(recipe.name)
      })
    }
  }

  if (args.tarballPath.endsWith('.zip')) {
    // A project's own zip (SQLite's source tree): one top directory, moved into place.
    const unzipped = path.join(args.work, 'unzip', recipe.name)
    await fs.mkdir(unzipped, { recursive: true })
    await run('unpack', { command: 'unzip', args: ['-q', args.tarballPath, '-d', unzipped], env })
    const [top] = await fs.readdir(unzipped)
    await fs.rm(srcDir, { recursive: true })
    await fs.rename(path.join(unzipped, top), srcDir)
  } else {
    await run('unpack', { command: 'tar', args: ['-xf', args.tarballPath, '-C', srcDir, '--strip-components=1'], env })
  }
  for (const step of recipe.steps) {
    const [command, ...rest] = step.argv.map(substitute)
    await run(step.step, { command, args: rest, cwd: srcDir, env })
  }
  for (const file of recipe.generatedFiles ?? []) {
    const target = path.join(stagedPrefix, file.path)
    await fs.mkdir(path.dirname(target), { recursive: true })
    await fs.writeFile(target, substitute(file.content))
  }
  const missing = recipe.produces.filter(file => !existsSync(path.join(stagedPrefix, file)))
  if (missing.length > 0) {
    await fs.writeFile(logPath, logText.join(''))
    throw new FailedStepError({
      input: `static dependency ${recipe.name}`,
      what: `Static dependency ${recipe.name} (Debian source ${source.sourcePackage} ${source.debianVersion})`,
      step: 'verify',
      reason: `the build succeeded but did not install ${missing.join(', ')}`,
      log: { text: logText.join(''), file: logPath },
      fix: `the upstream build layout changed; adjust the '${recipe.name}' recipe in src/toolchain/static-deps-recipes.ts.`
    })
  }
  await fs.writeFile(logPath, logText.join(''))
  await fs.rm(srcDir, { recursive: true, force: true })
}

/**
 * Flags carry no absolute path and the clock is fixed, so the archives do not depend on
 * where or when they were built (OpenSSL records its flags and a build date). Recipes are
 * independent of each other, except through pkg-config (buildOne points it at the staged prefix)
 * or flags a recipe gives itself.
 */
function recipeEnv(toolchain: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...toolchain,
    LC_ALL: 'C',
    SOURCE_DATE_EPOCH: DEFAULT_SOURCE_DATE_EPOCH
  }
  const ignored = ['CPATH', 'LIBRARY_PATH', 'PKG_CONFIG_SYSROOT_DIR', 'MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'DESTDIR']
  for (const name of ignored) delete env[name]
  return env
}

/** Drops libtool archives and makes every `.pc` file relative to its own directory. */
export async function finishPrefix(stagedPrefix: string): Promise<void> {
  const libDir = path.join(stagedPrefix, 'lib')
  for (const entry of await fs.readdir(libDir)) {
    if (entry.endsWith('.la')) await fs.rm(path.join(libDir, entry))
  }
  const pcDir = path.join(libDir, 'pkgconfig')
  if (!existsSync(pcDir)) return
  const destdir = stagedPrefix.slice(0, stagedPrefix.length - CONFIGURED_PREFIX.length)
  for (const entry of await fs.readdir(pcDir)) {
    if (!entry.endsWith('.pc')) continue
    const file = path.join(pcDir, entry)
    const text = await fs.readFile(file, 'utf8')
    // A recipe built against an earlier one may name it by its staged path (pkg-config's sysroot).
    const relocated = text
      .replace(/^prefix=.*$/m, 'prefix=${pcfiledir}/../..')
      .split(stagedPrefix)
      .join('${prefix}')
      .split(CONFIGURED_PREFIX)
      .join('${prefix}')
    if (relocated.includes(destdir)) {
      throw new Error(`Static deps: ${entry} refers to the temporary build directory; the recipe leaks a path.`)
    }
    await fs.writeFile(file, relocated)
  }
}

/** What to do when a recipe's command fails. */
function recipeStepFix(recipe: string): string {
  return (
    `check that the build tools are installed (musl-tools for musl, make, perl for OpenSSL, ` +
    `tclsh for sqlite3), then retry; nothing was added to the cache. If the source itself does not ` +
    `build for the target, adjust the '${recipe}' recipe in src/toolchain/static-deps-recipes.ts.`
  )
}
