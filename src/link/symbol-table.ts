import { runChecked } from '../exec/run'

// What objects and archives define and leave undefined, read with the target's `nm`
// (POSIX output format). Used by the check that a module links on its own
// (src/resolve/link-check.ts) and by localize.ts.

export interface SymbolTable {
  /** Global symbols defined (strong, weak and unique alike). */
  defined: Set<string>
  /** Symbols referenced and not defined, weak references left out (they need no definition). */
  undefined: Set<string>
}

/** At most this many files per `nm` run, so a long list never meets the argument limit. */
const FILES_PER_RUN = 200

/** The global symbols the files define and the strong ones they leave undefined, member by member for archives. */
export async function readSymbolTable(nm: string, files: string[]): Promise<SymbolTable> {
  const table: SymbolTable = { defined: new Set(), undefined: new Set() }
  for (let start = 0; start < files.length; start += FILES_PER_RUN) {
    const batch = files.slice(start, start + FILES_PER_RUN)
    const { stdout } = await runChecked({ command: nm, args: ['-g', '-P', ...batch] })
    addSymbols(table, stdout)
  }
  return table
}

/** Adds the lines of `nm -g -P` output (`name type [value size]`; archive member headers skipped). */
export function addSymbols(table: SymbolTable, nmOutput: string): void {
  for (const line of nmOutput.split('\n')) {
    const [name, type] = line.split(' ')
    if (!name || !type || type.length !== 1 || name.endsWith(':')) continue
    if (type === 'U') table.undefined.add(name)
    else if (type !== 'w' && type !== 'v') table.defined.add(name)
  }
  // A symbol one member defines and another references is defined for the whole.
  for (const name of table.defined) table.undefined.delete(name)
}
