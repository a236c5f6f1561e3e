import { runCommand } from '../exec/run'

/** What an ELF file's dynamic section says (`readelf -d`, which reads every architecture). */
export interface DynamicSection {
  /** No dynamic section at all: a fully static executable. */
  static: boolean
  /** NEEDED entries: the shared libraries it loads. */
  needed: string[]
  /** SONAME: the name a NEEDED entry finds it by once loaded; null when it has none. */
  soname: string | null
  /** RUNPATH or RPATH directories, as written (with $ORIGIN unexpanded). */
  runpath: string[]
}

export async function readDynamicSection(file: string): Promise<DynamicSection> {
  const result = await runCommand({ command: 'readelf', args: ['-d', '-W', file] })
  if (result.code !== 0) throw new Error(`readelf -d ${file} failed: ${result.stderr.trim()}`)
  const output = result.stdout + result.stderr
  const needed = [...output.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map(m => m[1])
  const runpath = [...output.matchAll(/\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]+)\]/g)]
    .flatMap(m => m[1].split(':'))
    .filter(dir => dir !== '')
  const soname = /\(SONAME\)\s+Library soname: \[([^\]]+)\]/.exec(output)?.[1] ?? null
  return { static: /There is no dynamic section/.test(output), needed, soname, runpath }
}
