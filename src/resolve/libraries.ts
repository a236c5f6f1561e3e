import { existsSync } from 'node:fs'
import path from 'node:path'
import { runChecked } from '../exec/run'
import type { Toolchain } from '../targets/table'

import type { LibraryResolution } from '../report/schema'

export type { LibraryResolution } from '../report/schema'

/** The directories the toolchain's linker searches, in order. */
export async function linkerSearchDirs(toolchain: Toolchain, extraDirs: string[] = []): Promise<string[]> {
  if (toolchain.libraryDirs) return unique([...extraDirs, ...toolchain.libraryDirs])
  const { stdout } = await runChecked({ command: toolchain.cc, args: ['-print-search-dirs'] })
  const line = stdout.split('\n').find(l => l.startsWith('libraries:')) ?? ''
  const dirs = line
    .replace(/^libraries:\s*=?/, '')
    .split(':')
    .filter(d => d !== '')
    .map(d => path.normalize(d))
  return unique([...extraDirs, ...dirs])
}

/** Decides, per library, whether it stays a system library or which static archive links it. */
export function resolveLibrary(name: string, toolchain: Toolchain, searchDirs: string[]): LibraryResolution {
  if (toolchain.systemLibraries.includes(name)) return { name, kind: 'system' }
  for (const dir of searchDirs) {
    const archive = path.join(dir, `lib${name}.a`)
    if (existsSync(archive)) return { name, kind: 'static', path: archive }
  }
  return { name, kind: 'missing', searched: searchDirs }
}

/** Splits link words into `-l` names, `-L` dirs, archives given by path, and the rest. */
export function splitLinkWords(words: string[]): {
  libraries: string[]
  libraryDirs: string[]
  archives: string[]
  other: string[]
} {
  const libraries: string[] = []
  const libraryDirs: string[] = []
  const archives: string[] = []
  const other: string[] = []
  for (const word of words) {
    if (word.startsWith('-l')) libraries.push(word.slice(2))
    else if (word.startsWith('-L')) libraryDirs.push(word.slice(2))
    else if (word.endsWith('.a')) archives.push(word)
    else if (word !== '') other.push(word)
  }
  return { libraries, libraryDirs, archives, other }
}

function unique(items: string[]): string[] {
  return [...new Set(items)]
}
