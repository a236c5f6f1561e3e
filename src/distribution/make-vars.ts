import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runChecked } from '../exec/run'
import type { SetupModule } from './setup-local'

/**
 * Reads fully expanded variables from a configured CPython build directory's
 * Makefile, by running make on a one-rule makefile that includes it.
 */
export async function readMakeVariables(buildDir: string, names: string[]): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pyseal-make-'))
  try {
    const printer = path.join(dir, 'print.mk')
    const lines = names.map(n => `\t@printf '%s\\t%s\\n' '${n}' '$(strip $(${n}))'`)
    await writeFile(printer, `pyseal-print-variables:\n${lines.join('\n')}\n`)
    const { stdout } = await runChecked({
      command: 'make',
      args: ['--no-print-directory', '-s', '-f', 'Makefile', '-f', printer, 'pyseal-print-variables'],
      cwd: buildDir
    })
    const values: Record<string, string> = {}
    for (const line of stdout.split('\n')) {
      const tab = line.indexOf('\t')
      if (tab > 0) values[line.slice(0, tab)] = line.slice(tab + 1)
    }
    return values
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Splits an expanded make value into words. */
export function words(value: string | undefined): string[] {
  return (value ?? '').split(/\s+/).filter(w => w !== '')
}

/** Each module's link words with make variables expanded. */
export async function expandLinkWords(buildDir: string, modules: SetupModule[]): Promise<Map<string, string[]>> {
  const variables = new Set<string>()
  for (const module of modules) {
    for (const word of module.ldflags) {
      const match = /^\$\((\w+)\)$/.exec(word)
      if (match) variables.add(match[1])
    }
  }
  const values = await readMakeVariables(buildDir, [...variables])
  const result = new Map<string, string[]>()
  for (const module of modules) {
    const expanded = module.ldflags.flatMap(word => {
      const match = /^\$\((\w+)\)$/.exec(word)
      return match ? words(values[match[1]]) : [word]
    })
    result.set(module.name, expanded)
  }
  return result
}
