import path from 'node:path'
import { sha256File } from '../cache/hash'
import { normalizeName } from '../utils/package-name'
import type { CaptureRecord } from './capture-records'
import type { InstalledExtension } from './installed-extensions'

// Capture records named by what the wheel installed (build-packages.ts calls it once pip
// is done). The shim names a module from its link (setuptools' extension name, or the
// shape of the folder the compiler wrapper saw it linked in); a build that links in a
// folder of a shape nothing knows (`cp310-abi3-linux_x86_64/`, a CMake build tree) leaves
// a bare guess (`_ffi`, `_zmq`). The installed file is the truth: the record takes its name.

/** The records, each named after the installed extension file it made, where that can be told. */
export async function nameRecordsByInstalledFiles(
  records: CaptureRecord[],
  installed: InstalledExtension[],
  siteDir: string
): Promise<CaptureRecord[]> {
  const installedNames = new Set(installed.map(file => file.module))
  const unnamed = records.filter(record => !installedNames.has(record.module))
  if (unnamed.length === 0) return records
  const claimed = new Set(records.filter(record => installedNames.has(record.module)).map(record => record.module))
  const free = installed.filter(file => !claimed.has(file.module))
  // Bytes are compared only with files no record names yet.
  const hashes = new Map(
    await Promise.all(free.map(async file => [file.module, await sha256File(path.join(siteDir, file.file))] as const))
  )
  // The surest matches claim first: the same bytes, then the most folders in common. A
  // record of a build dependency compiled from source (its own `lib` in no installed
  // folder) then never takes a file that the package's own record matches better.
  const matches = records
    .map((record, index) => ({
      index,
      match: installedNames.has(record.module) ? null : installedFileOf(record, installed, hashes)
    }))
    .filter((entry): entry is { index: number; match: Match } => entry.match !== null)
    .sort((a, b) => b.match.score - a.match.score || a.index - b.index)
  const named = [...records]
  for (const { index, match } of matches) {
    if (claimed.has(match.file.module)) continue
    claimed.add(match.file.module)
    named[index] = renamed(records[index], match.file)
  }
  return named
}

function renamed(record: CaptureRecord, file: InstalledExtension): CaptureRecord {
  const last = file.module.split('.').pop()
  return {
    ...record,
    module: file.module,
    // The init function is the file name's: the same as guessed, unless the build renamed the file.
    init_fn: record.module.split('.').pop() === last ? record.init_fn : `PyInit_${last}`,
    module_guess: false,
    named_from: record.module
  }
}

/** An installed file a record may have made, and how sure that is: the same bytes beat any number of folders in common. */
interface Match {
  file: InstalledExtension
  score: number
}

/**
 * The installed file a record made: the same bytes as its link wrote (among the files
 * no record names yet); else, of the files with its output's name (in the record's
 * distribution, when it has one), the one whose path ends in the most of the output's
 * folders: a CMake or meson build tree mirrors part of the package path
 * (`build/src/pyopal/lib.so` is `pyopal/lib.so`, not `scoring_matrices/lib.so`), and
 * installing may strip the file or rewrite its run path, so the bytes differ. A tie
 * tells nothing.
 */
function installedFileOf(
  record: CaptureRecord,
  installed: InstalledExtension[],
  hashes: Map<string, string>
): Match | null {
  if (record.output_sha256) {
    const same = installed.filter(file => hashes.get(file.module) === record.output_sha256)
    if (same.length === 1) return { file: same[0], score: Infinity }
  }
  if (!record.output) return null
  let named = installed.filter(file => path.basename(file.file) === path.basename(record.output as string))
  const pkg = record.package ?? (typeof record.dist_name === 'string' ? record.dist_name : null)
  const ofPackage = pkg
    ? named.filter(file => file.distribution && normalizeName(file.distribution) === normalizeName(pkg))
    : []
  if (ofPackage.length > 0) named = ofPackage
  return closestByPath(record.output, named)
}

/** Of files of one name, the one whose folders match the most of the output's last folders; null on a tie. */
export function closestByPath(output: string, files: InstalledExtension[]): Match | null {
  const outputFolders = path.dirname(output).split(path.sep).reverse()
  let best: Match | null = null
  let tie = false
  for (const file of files) {
    const folders = path
      .dirname(file.file)
      .split(path.sep)
      .filter(part => part !== '.')
      .reverse()
    let score = 0
    while (score < folders.length && folders[score] === outputFolders[score]) score++
    if (!best || score > best.score) [best, tie] = [{ file, score }, false]
    else if (score === best.score) tie = true
  }
  return tie ? null : best
}
