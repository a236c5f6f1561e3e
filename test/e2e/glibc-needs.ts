import { execFileSync } from 'node:child_process'
import { compareVersions } from '../../src/toolchain/glibc-floor'

/**
 * What an ELF file needs of glibc, read with binutils rather than pyseal's own reader,
 * so the e2e tests check the report's `executable.requires` against an independent
 * answer: `readelf -V` for the version-needed entries, `objdump -T` for the symbols.
 */

function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

/** Every version of a family (`GLIBC`, `GLIBCXX`, `CXXABI`) `readelf -V` lists as needed, oldest first. */
export function neededVersions(file: string, family = 'GLIBC'): string[] {
  const releases = [
    ...tool('readelf', ['-V', '-W', file]).matchAll(new RegExp(`Name: ${family}_(\\d+(?:\\.\\d+)+)\\s`, 'g'))
  ]
  return [...new Set(releases.map(m => m[1]))].sort(compareVersions)
}

/** The newest GLIBC_ release a file needs. */
export function newestGlibc(file: string): string {
  const releases = neededVersions(file)
  if (releases.length === 0) throw new Error(`readelf lists no GLIBC_ version needed by ${file}`)
  return releases.at(-1) ?? ''
}

/**
 * Each undefined dynamic symbol `objdump -T` lists, with the version it is bound to
 * (`GLIBC_2.2.5`); `objdump` names the target's (`aarch64-linux-gnu-objdump`) for another architecture.
 */
export function undefinedSymbols(file: string, objdump = 'objdump'): Map<string, string> {
  const symbols = new Map<string, string>()
  for (const line of tool(objdump, ['-T', file]).split('\n')) {
    const match = /\*UND\*\s+\S+\s+(?:\((\S+)\)|(\S+))\s+(\S+)$/.exec(line.trim())
    if (match) symbols.set(match[3], match[1] ?? match[2])
  }
  return symbols
}

/** The undefined symbols `objdump -T` shows bound to GLIBC_<release>. */
export function symbolsAt(file: string, release: string, objdump = 'objdump'): string[] {
  return [...undefinedSymbols(file, objdump)]
    .filter(([, version]) => version === `GLIBC_${release}`)
    .map(([name]) => name)
}
