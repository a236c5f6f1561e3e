import { runCommand } from '../exec/run'

/**
 * The symbol versions an ELF file needs from the shared libraries it loads (its
 * `.gnu.version_r` table: `GLIBC_2.34` from libc.so.6), each with the symbols that
 * ask for it (`pthread_create@GLIBC_2.34` in `.dynsym`). Read with `readelf -V
 * --dyn-syms`, which reads every architecture. report/requires.ts calls it for the
 * binary and each shared library shipped beside it.
 */

/** One version a file needs from one library, with the undefined symbols bound to it (sorted; may be none). */
export interface VersionNeed {
  library: string
  version: string
  symbols: string[]
}

export async function readVersionNeeds(file: string): Promise<VersionNeed[]> {
  const result = await runCommand({ command: 'readelf', args: ['-W', '-V', '--dyn-syms', file] })
  if (result.code !== 0) throw new Error(`readelf -V ${file} failed: ${result.stderr.trim()}`)
  return parseVersionNeeds(result.stdout)
}

/**
 * The version-needed entries of `readelf -W -V --dyn-syms` output, with their symbols
 * from the dynamic symbol table: a symbol's `(N)` is the entry's `Version: N`, which
 * tells libc's GLIBC_2.2.5 from libm's.
 */
export function parseVersionNeeds(output: string): VersionNeed[] {
  const needs: VersionNeed[] = []
  const symbols = undefinedSymbolVersions(output)
  let library: string | null = null
  for (const line of sectionLines(output, /^Version needs section /)) {
    const file = /^\s*(?:0x)?[0-9a-f]+:\s+Version:\s+\d+\s+File:\s+(\S+)/.exec(line)
    if (file) {
      library = file[1]
      continue
    }
    const name = /^\s*(?:0x)?[0-9a-f]+:\s+Name:\s+(\S+)\s+Flags:.*?Version:\s+(\d+)/.exec(line)
    if (name && library !== null) {
      const bound = symbols.get(`${name[1]} (${name[2]})`) ?? symbols.get(name[1]) ?? []
      needs.push({ library, version: name[1], symbols: [...bound].sort() })
    }
  }
  return needs
}

/** The undefined dynamic symbols by `VERSION (INDEX)` (`hypot@GLIBC_2.35 (15)`), or by VERSION where no index is shown. */
function undefinedSymbolVersions(output: string): Map<string, Set<string>> {
  const byVersion = new Map<string, Set<string>>()
  for (const line of sectionLines(output, /^Symbol table '\.dynsym' /)) {
    const match = /\sUND\s+([^\s@]+)@([^\s@]+)(?:\s+\((\d+)\))?\s*$/.exec(line)
    if (!match) continue
    const key = match[3] === undefined ? match[2] : `${match[2]} (${match[3]})`
    const names = byVersion.get(key) ?? new Set<string>()
    names.add(match[1])
    byVersion.set(key, names)
  }
  return byVersion
}

/** The lines of the sections whose header matches, up to the next header (a line that starts in column 0). */
function sectionLines(output: string, header: RegExp): string[] {
  const lines: string[] = []
  let inside = false
  for (const line of output.split('\n')) {
    if (/^\S/.test(line)) inside = header.test(line)
    else if (inside) lines.push(line)
  }
  return lines
}
