import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runChecked, runCommand } from '../exec/run'

// One extension module linked alone into a throw-away executable, before the final
// link (src/resolve/link-check.ts decides what to do with the answer): what it
// leaves undefined, once the target's C library, its C++ runtime and the module's
// own libraries have had their say, is what the final link would fail on.

export interface TrialLinkRequest {
  /** A name for the files of this trial (the module's). */
  name: string
  /** The module as one relocatable object (src/link/localize.ts). */
  object: string
  /** Static archives the final link gives it (its libraries, resolved). */
  archives: string[]
  /** Libraries the final link names with `-l` (system ones: libc's parts, libpython's own needs). */
  libraries: string[]
  /** Symbols the final link defines elsewhere (the Python C API, CPython's libraries), stood in for by a stub. */
  stubbed: string[]
  /** The compiler driver that links (the C++ one for a C++ module) and the flags the final link gives it. */
  driver: string
  flags: string[]
  /** The target's C compiler, which assembles the stub. */
  cc: string
  workDir: string
}

export interface TrialLinkResult {
  ok: boolean
  /** Symbols the linker found no definition for (as it names them: C++ names may be demangled). */
  undefined: string[]
  /** The linker's first error lines, for a failure that is not an undefined symbol. */
  errors: string[]
}

/** Links the module with a stub for what comes from elsewhere; never throws for a failed link. */
export async function trialLink(request: TrialLinkRequest): Promise<TrialLinkResult> {
  const base = path.join(request.workDir, `${request.name}.trial`)
  const stub = `${base}.stub.o`
  await writeFile(`${base}.stub.s`, stubAssembly([...request.stubbed, 'main']))
  await runChecked({ command: request.cc, args: ['-c', `${base}.stub.s`, '-o', stub] })
  const args = ['-o', base, request.object, stub]
  if (request.archives.length > 0) args.push('-Wl,--start-group', ...request.archives, '-Wl,--end-group')
  args.push(...request.libraries.map(name => `-l${name}`), ...request.flags)
  const result = await runCommand({ command: request.driver, args })
  await rm(base, { force: true })
  const output = `${result.stderr}\n${result.stdout}`
  return {
    ok: result.code === 0,
    undefined: result.code === 0 ? [] : undefinedSymbols(output),
    errors: result.code === 0 ? [] : errorLines(output)
  }
}

/** One byte of data per name, each a global symbol: enough for any reference a static link resolves. */
export function stubAssembly(names: string[]): string {
  const lines = ['\t.data']
  for (const name of [...new Set(names)].sort()) {
    const symbol = /^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(name) ? name : JSON.stringify(name)
    lines.push(`\t.globl\t${symbol}`, `${symbol}:`, '\t.byte\t0')
  }
  return lines.join('\n') + '\n'
}

/** The undefined symbols GNU ld (`undefined reference to 'x'`) and lld (`undefined symbol: x`) report, in order, once each. */
export function undefinedSymbols(output: string): string[] {
  const found = new Set<string>()
  for (const match of output.matchAll(/undefined reference to [`']([^'`]+)'|undefined symbol: (.+)$/gm)) {
    const name = (match[1] ?? match[2]).trim()
    if (name !== 'main') found.add(name)
  }
  return [...found]
}

function errorLines(output: string): string[] {
  return output
    .split('\n')
    .map(line => line.trim())
    .filter(line => /error|undefined|not defined|isn't defined/i.test(line))
    .slice(0, 5)
}
