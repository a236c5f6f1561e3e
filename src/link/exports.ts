import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { runCommand } from '../exec/run'
import type { Distribution } from '../distribution/python-json'
import type { ModulePlan } from '../resolve/modules'
import { readDynamicSection } from './elf-dynamic'

/**
 * What a dynamically linked ELF executable exports: the Python C API, and the symbols a
 * module shipped beside the binary leaves for the executable to define. The final link
 * (link-executable.ts) exports dynamically and is given these names as a version script
 * that makes every other symbol local. Exporting every global instead also offered the
 * binary's private static OpenSSL, zlib, libffi, SQLite... to every shared library the
 * process loads: a shipped module, or a library bundled with it, then bound part of its
 * calls to the executable's copy (an unversioned definition satisfies a versioned
 * reference too), mixing two builds of one library in one process.
 */

/** One entry of an ELF symbol table, as `readelf -W -s` prints it. */
export interface ElfSymbol {
  name: string
  /** The version an undefined dynamic symbol asks for (`crc32@ZLIB_1.2.0`), or that a definition has. */
  version: string | null
  defined: boolean
  binding: 'GLOBAL' | 'WEAK'
  visibility: 'DEFAULT' | 'PROTECTED' | 'HIDDEN' | 'INTERNAL'
}

// `  12: 0000000000000000    42 FUNC    GLOBAL DEFAULT    1 PyList_New`; some architectures add
// `[VARIANT_PCS]`-like notes after the visibility. Local symbols are never exported: not read.
const SYMBOL_LINE =
  /^\s*\d+:\s+[0-9a-fA-F]+\s+\S+\s+\S+\s+(GLOBAL|WEAK)\s+(DEFAULT|PROTECTED|HIDDEN|INTERNAL)(?:\s+\[[^\]]*\])*\s+(\S+)\s+(\S+)/

/** The global and weak symbols of `readelf -W -s` or `--dyn-syms` output (any number of files). */
export function parseSymbols(readelfOutput: string): ElfSymbol[] {
  const symbols: ElfSymbol[] = []
  for (const line of readelfOutput.split('\n')) {
    const match = SYMBOL_LINE.exec(line)
    if (!match) continue
    const [, binding, visibility, section, fullName] = match
    const at = fullName.indexOf('@')
    symbols.push({
      name: at < 0 ? fullName : fullName.slice(0, at),
      version: at < 0 ? null : fullName.slice(at).replace(/^@+/, ''),
      defined: section !== 'UND',
      binding: binding as ElfSymbol['binding'],
      visibility: visibility as ElfSymbol['visibility']
    })
  }
  return symbols
}

/** At most this many files per `readelf` run, so a long list never meets the argument limit. */
const FILES_PER_RUN = 200

/** The symbols of the files' static (`.symtab`) or dynamic (`.dynsym`) tables; the host's readelf reads every architecture. */
async function readSymbols(files: string[], table: 'static' | 'dynamic'): Promise<ElfSymbol[]> {
  const symbols: ElfSymbol[] = []
  for (let start = 0; start < files.length; start += FILES_PER_RUN) {
    const batch = files.slice(start, start + FILES_PER_RUN)
    const args = ['-W', table === 'static' ? '-s' : '--dyn-syms', ...batch]
    const result = await runCommand({ command: 'readelf', args })
    if (result.code !== 0) throw new Error(`readelf ${args.slice(0, 2).join(' ')} failed: ${result.stderr.trim()}`)
    symbols.push(...parseSymbols(result.stdout))
  }
  return symbols
}

/**
 * The Python C API: what CPython's own objects (libpython's, PYTHON.json's core objects)
 * define with default or protected visibility. CPython compiles with -fvisibility=hidden and
 * marks its API (`PyAPI_FUNC`, `PyAPI_DATA`) visible, so this is the set its shared libpython
 * exports, for whatever version and build (free-threaded included) the distribution is.
 */
export async function cApiSymbols(coreObjects: string[]): Promise<string[]> {
  const symbols = await readSymbols(coreObjects, 'static')
  const exported = symbols.filter(s => s.defined && (s.visibility === 'DEFAULT' || s.visibility === 'PROTECTED'))
  return [...new Set(exported.map(s => s.name))].sort()
}

/**
 * What modules shipped beside the binary leave for the executable to define: their strong
 * undefined dynamic symbols that name no version (a versioned reference declares the library
 * that provides it) and that no library of theirs found through their RUNPATH defines.
 * Mostly the C API again; more when a module was built for an interpreter that provided more.
 */
export async function shippedModuleNeeds(plans: ModulePlan[]): Promise<string[]> {
  const needs = new Set<string>()
  for (const plan of plans) {
    if (plan.status !== 'standalone' || !plan.standaloneFile) continue
    const file = plan.standaloneFile.source
    const dynamic = await readDynamicSection(file)
    const ownDirs = dynamic.runpath.map(dir => dir.replace(/\$(ORIGIN|\{ORIGIN\})/g, path.dirname(file)))
    const libraries = dynamic.needed
      .map(soname => ownDirs.map(dir => path.join(dir, soname)).find(candidate => existsSync(candidate)))
      .filter((found): found is string => found !== undefined)
    const provided = new Set((await readSymbols(libraries, 'dynamic')).filter(s => s.defined).map(s => s.name))
    for (const symbol of await readSymbols([file], 'dynamic')) {
      if (!symbol.defined && symbol.binding === 'GLOBAL' && !symbol.version && !provided.has(symbol.name)) {
        needs.add(symbol.name)
      }
    }
  }
  return [...needs].sort()
}

/**
 * The shipped modules' needs that the executable's own inputs define. lld refuses a version
 * script naming a symbol the link does not define; a need nothing here defines is the
 * system's to provide (or the module's import fails, as it would with any interpreter).
 */
async function definedNeeds(plans: ModulePlan[], linkInputs: string[]): Promise<string[]> {
  const needs = await shippedModuleNeeds(plans)
  if (needs.length === 0) return []
  const defined = new Set((await readSymbols(linkInputs, 'static')).filter(s => s.defined).map(s => s.name))
  return needs.filter(name => defined.has(name))
}

/**
 * A linker script whose VERSION command exports the names and makes every other symbol local
 * (one anonymous version node: the exports carry no version). GNU ld and lld read it alike.
 * It is a version script rather than `--dynamic-list` because zig's driver, which links for
 * a glibc floor, passes neither that nor `--version-script` to the linker for an executable.
 */
export function renderExportScript(symbols: string[]): string {
  return [
    'VERSION {',
    '  {',
    '    global:',
    ...symbols.map(name => `      ${name};`),
    '    local:',
    '      *;',
    '  };',
    '}',
    ''
  ].join('\n')
}

/**
 * Writes the executable's export script into workDir; returns the path the link takes as an
 * input file. It is named `.o` because zig's driver hands the linker only inputs it knows by
 * their extension, and both linkers read an input that is not an object as a linker script.
 */
export async function writeExportScript(request: {
  distribution: Distribution
  plans: ModulePlan[]
  /** The link's objects and archives: a shipped module's need is exported only where one defines it. */
  linkInputs: string[]
  workDir: string
}): Promise<string> {
  const { distribution, plans, workDir } = request
  const core = distribution.json.build_info.core.objs.map(o => path.join(distribution.root, o))
  const symbols = new Set([...(await cApiSymbols(core)), ...(await definedNeeds(plans, request.linkInputs))])
  if (symbols.size === 0) throw new Error(`${distribution.root}: CPython's core objects define no exported symbol`)
  const file = path.join(workDir, 'exports.o')
  await writeFile(file, renderExportScript([...symbols].sort()))
  return file
}
