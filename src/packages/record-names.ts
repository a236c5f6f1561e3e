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
  const hashes = new Map(
    await Promise.all(free.map(async file => [file.module, await sha256File(path.join(siteDir, file.file))] as const))
  )
  return records.map(record => {
    if (installedNames.has(record.module)) return record
    const file = installedFileOf(
      record,
      free.filter(f => !claimed.has(f.module)),
      hashes
    )
    if (!file) return record
    claimed.add(file.module)
    const last = file.module.split('.').pop()
    return {
      ...record,
      module: file.module,
      // The init function is the file name's: the same as guessed, unless the build renamed the file.
      init_fn: record.module.split('.').pop() === last ? record.init_fn : `PyInit_${last}`,
      module_guess: false,
      named_from: record.module
    }
  })
}

/**
 * The one installed file a record made: the same bytes as its link wrote; else the
 * same file name (in the record's distribution, when several packages have one).
 */
function installedFileOf(
  record: CaptureRecord,
  candidates: InstalledExtension[],
  hashes: Map<string, string>
): InstalledExtension | null {
  if (record.output_sha256) {
    const same = candidates.filter(file => hashes.get(file.module) === record.output_sha256)
    if (same.length === 1) return same[0]
  }
  if (!record.output) return null
  const name = path.basename(record.output)
  let named = candidates.filter(file => path.basename(file.file) === name)
  const pkg = record.package ?? (typeof record.dist_name === 'string' ? record.dist_name : null)
  if (named.length > 1 && pkg) {
    named = named.filter(file => file.distribution && normalizeName(file.distribution) === normalizeName(pkg))
  }
  return named.length === 1 ? named[0] : null
}
