import { existsSync, statfsSync, statSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UserError } from '../errors/user-error'

/**
 * The output directory could not take a file: full, read-only, or not a directory.
 * The message names the path, the cause and what to do.
 */
export class OutputWriteError extends UserError {
  constructor(file: string, error: unknown) {
    const parts = { input: file, cause: causeOf(error), fix: remedyOf(error) }
    super(parts, `cannot write ${file}: ${parts.cause}; ${parts.fix}`)
    this.name = 'OutputWriteError'
  }
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code
}

function causeOf(error: unknown): string {
  switch (code(error)) {
    case 'ENOSPC':
      return 'the disk is full'
    case 'EDQUOT':
      return 'the disk quota is used up'
    case 'EROFS':
      return 'the file system is read-only'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a path on the way is a file, not a directory'
    default:
      return (error as Error).message
  }
}

function remedyOf(error: unknown): string {
  if (code(error) === 'ENOSPC' || code(error) === 'EDQUOT') return 'free some space or choose another --out-dir'
  return 'choose another --out-dir (out-dir in the action and [tool.pyseal])'
}

/** The files one build leaves in the output directory (the binary, its reports and checksum). */
export function outputFiles(executable: string): string[] {
  return [executable, `${executable}.report.json`, `${executable}.report.md`, `${executable}.sha256`]
}

/**
 * Creates the output directory and removes what an earlier build of the same name
 * left there, so that a build that stops half-way (killed, disk full) never leaves an
 * old report or binary that looks like this build's.
 */
export async function prepareOutputDir(outDir: string, executable: string): Promise<void> {
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new OutputWriteError(outDir, Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }))
  }
  try {
    await mkdir(outDir, { recursive: true })
    for (const file of outputFiles(executable)) await rm(file, { force: true })
    // A file written and removed: a read-only or full directory fails here, before any work.
    const probe = path.join(outDir, `.${path.basename(executable)}.write-test`)
    await writeFile(probe, 'pyseal')
    await rm(probe)
  } catch (error) {
    throw new OutputWriteError(outDir, error)
  }
}

/**
 * A stage that failed because a disk was full or read-only (a compiler, the linker or
 * pip says so in its own words) becomes an error that says so first, naming the
 * directories pyseal writes to; other failures pass through unchanged.
 */
export function explainDiskFailure(error: Error, dirs: { outDir: string; cacheDir: string }): Error {
  const text = `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}`
  const where = `--out-dir ${dirs.outDir} or --cache-dir ${dirs.cacheDir}`
  if (/ENOSPC|EDQUOT|No space left on device|Disk quota exceeded/.test(text) || noRoomLeft(dirs)) {
    const fix = `free some space, or give ${where} a disk with room`
    return new UserError(
      { input: where, cause: 'is on a full disk', fix },
      `a disk pyseal writes to is full: ${fix}.\n${error.message}`
    )
  }
  if (/EROFS|Read-only file system/.test(text)) {
    const fix = `give ${where} a writable place`
    return new UserError(
      { input: where, cause: 'is on a read-only file system', fix },
      `a directory pyseal writes to is read-only: ${fix}.\n${error.message}`
    )
  }
  return error
}

/**
 * Whether a directory pyseal writes to has (almost) no room left. zig's linker writes its
 * output through a memory map and dies of SIGBUS without a word when the disk fills, so
 * a failure with no room left counts as a full disk even when no tool said so.
 */
function noRoomLeft(dirs: { outDir: string; cacheDir: string }): boolean {
  return [dirs.outDir, dirs.cacheDir].some(dir => {
    try {
      const space = statfsSync(dir)
      return space.bavail * space.bsize < 1024 * 1024
    } catch {
      return false
    }
  })
}

/** Writes `file` whole or not at all: a temporary name beside it, then a rename. */
export async function writeFileAtomic(file: string, data: string): Promise<void> {
  const partial = `${file}.partial`
  try {
    await writeFile(partial, data)
    await rename(partial, file)
  } catch (error) {
    await rm(partial, { force: true }).catch(() => undefined)
    throw new OutputWriteError(file, error)
  }
}

/** Moves a finished file into place (same directory tree, so the rename is atomic). */
export async function moveIntoPlace(staged: string, file: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true })
    await rename(staged, file)
  } catch (error) {
    throw new OutputWriteError(file, error)
  }
}
