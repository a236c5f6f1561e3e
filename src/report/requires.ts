import { open } from 'node:fs/promises'
import path from 'node:path'
import { readVersionNeeds, type VersionNeed } from '../link/elf-versions'
import { compareVersions } from '../toolchain/glibc-floor'
import type { Target } from '../targets/table'
import type { Report } from './schema'

/**
 * The report's `executable.requires`: the newest glibc (and libstdc++, C++ ABI) symbol
 * versions that the written binary and every shared library shipped beside it or
 * embedded in it (loaded from memory) need,
 * read from their ELF version tables (not from the options), with the file and a
 * symbol behind each. src/pipeline.ts fills it in; report/fail-on.ts checks it
 * against the glibc floor.
 */

export type Requires = NonNullable<NonNullable<Report['executable']>['requires']>
type FileNeeds = Exclude<Requires, 'static'>['files'][number]

/** The symbol-version families the report names, by field: `GLIBC_2.34`, `GLIBCXX_3.4.29`, `CXXABI_1.3.13`. */
const FAMILIES = { glibc: 'GLIBC_', glibcxx: 'GLIBCXX_', cxxabi: 'CXXABI_' } as const
type Family = keyof typeof FAMILIES

/**
 * glibc versions that are no release number but exist only from one release on: a
 * binary linked with packed relative relocations (`-z pack-relative-relocs`) needs
 * GLIBC_ABI_DT_RELR, which glibc has from 2.36.
 */
const GLIBC_MARKER_RELEASES: Record<string, string> = { GLIBC_ABI_DT_RELR: '2.36' }

/** The release a version name stands for in its family (`GLIBC_2.2.5` → `2.2.5`); null for GLIBC_PRIVATE and the like. */
export function releaseOf(family: Family, version: string): string | null {
  if (family === 'glibc' && version in GLIBC_MARKER_RELEASES) return GLIBC_MARKER_RELEASES[version]
  const prefix = FAMILIES[family]
  if (!version.startsWith(prefix)) return null
  const release = version.slice(prefix.length)
  return /^\d+(\.\d+)*$/.test(release) ? release : null
}

export interface RequiresRequest {
  target: Pick<Target, 'objectFormat'>
  linkage: NonNullable<Report['executable']>['linkage']
  /** The binary as written, and its name in the report (relative to the output directory). */
  binary: { file: string; name: string }
  outDir: string
  /** The files shipped beside the binary, relative to the output directory. */
  sideFiles: string[]
  /** Shared libraries embedded in the binary and loaded from memory, with their names in the report. */
  embedded?: Array<{ file: string; name: string }>
}

/** `static` for a binary with no dynamic section; null where the target's files are not ELF. */
export async function readRequires(request: RequiresRequest): Promise<Requires | null> {
  if (request.target.objectFormat !== 'elf') return null
  if (request.linkage.kind === 'static') return 'static'
  const files = [request.binary]
  for (const name of request.sideFiles) {
    const file = path.join(request.outDir, name)
    if (await isElf(file)) files.push({ file, name })
  }
  files.push(...(request.embedded ?? []))
  const read = await Promise.all(files.map(async f => ({ file: f.name, needs: await readVersionNeeds(f.file) })))
  return requiresOf(read)
}

/** Each file's newest version per family (with a symbol bound to it), and the newest over all files. */
export function requiresOf(files: Array<{ file: string; needs: VersionNeed[] }>): Requires {
  const perFile: FileNeeds[] = files.map(({ file, needs }) => ({
    file,
    needs: (Object.keys(FAMILIES) as Family[]).flatMap(family => {
      const newest = newestOf(family, needs)
      return newest ? [{ version: newest.version, symbol: newest.symbols[0] ?? null }] : []
    })
  }))
  const overall = (family: Family): string | null =>
    newestRelease(perFile.flatMap(f => f.needs.map(n => releaseOf(family, n.version))))
  return { glibc: overall('glibc'), glibcxx: overall('glibcxx'), cxxabi: overall('cxxabi'), files: perFile }
}

/** The need of the newest release in a family (a named symbol preferred among equals), or null. */
function newestOf(family: Family, needs: VersionNeed[]): VersionNeed | null {
  let best: { need: VersionNeed; release: string } | null = null
  for (const need of needs) {
    const release = releaseOf(family, need.version)
    if (release === null) continue
    const order = best ? compareVersions(release, best.release) : 1
    if (order > 0 || (order === 0 && best && best.need.symbols.length === 0 && need.symbols.length > 0)) {
      best = { need, release }
    }
  }
  return best?.need ?? null
}

function newestRelease(releases: Array<string | null>): string | null {
  return releases.reduce<string | null>(
    (a, b) => (b === null || (a !== null && compareVersions(a, b) >= 0) ? a : b),
    null
  )
}

/** An ELF file starts with 0x7f 'E' 'L' 'F'. */
async function isElf(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0)
    return bytesRead === 4 && buffer.toString('latin1') === '\x7fELF'
  } finally {
    await handle.close()
  }
}
