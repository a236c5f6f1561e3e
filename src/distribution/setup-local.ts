/**
 * CPython's `Modules/Setup` files, as `makesetup` reads them: pyseal renders the
 * configured `Setup.stdlib` into a `Setup.local` that makes every chosen stdlib
 * extension module static (`*static*`) and disables the rest (`*disabled*`), so
 * neither makesetup nor setup.py builds a shared copy behind pyseal's back.
 */

/** One module line of a Setup file. */
export interface SetupModule {
  name: string
  /** Source paths relative to `Modules/`. */
  sources: string[]
  /** Compiler words (-I, -D, $(X_CFLAGS)); makesetup's default is the module's MODULE_*_CFLAGS. */
  cflags: string[]
  /** Linker words (-l, -L, archives, $(X_LDFLAGS)). */
  ldflags: string[]
}

export interface ParsedSetup {
  /** Modules on uncommented lines, in file order. */
  enabled: SetupModule[]
  /** Module names on commented-out module lines (not built by configure's choice). */
  commented: string[]
}

const ruleLine = /^(?:@[A-Z0-9_]+@)?([A-Za-z_][A-Za-z0-9_]*)\s+\S+\.(?:c|cc|cpp|m)\b/

/** Parses a rendered Setup file (`Modules/Setup.stdlib` after configure). */
export function parseSetup(text: string): ParsedSetup {
  const enabled: SetupModule[] = []
  const commented: string[] = []
  for (const rawLine of text.split('\n')) {
    const hash = rawLine.indexOf('#')
    const line = (hash > 0 ? rawLine.slice(0, hash) : rawLine).trim()
    if (line === '' || line.startsWith('*')) continue
    if (line.startsWith('#')) {
      const match = ruleLine.exec(line.replace(/^#+\s*/, ''))
      if (match) commented.push(match[1])
      continue
    }
    if (line.includes('=')) continue
    enabled.push(parseModuleLine(line))
  }
  return { enabled, commented }
}

export function parseModuleLine(line: string): SetupModule {
  const words = line.split(/\s+/).filter(w => w !== '')
  const name = words[0]
  const sources: string[] = []
  const cflags: string[] = []
  const ldflags: string[] = []
  for (const word of words.slice(1)) {
    if (/\.(c|cc|cpp|cxx|m)$/.test(word)) sources.push(word)
    else if (/^-[IDUCfF]/.test(word) || /^\$\(\w+_(CFLAGS|INCLUDES)\)$/.test(word)) cflags.push(word)
    else ldflags.push(word)
  }
  if (cflags.length === 0 && ldflags.length === 0) {
    const upper = name.toUpperCase()
    cflags.push(`$(MODULE_${upper}_CFLAGS)`)
    ldflags.push(`$(MODULE_${upper}_LDFLAGS)`)
  }
  return { name, sources, cflags, ldflags }
}

/** The object file makesetup compiles a source to, relative to the build directory. */
export function objectForSource(source: string): string {
  const base = source.replace(/\.(c|cc|cpp|cxx|m)$/, '.o')
  return `Modules/${base}`
}

/** Renders a Setup line; `=` is not allowed in a Setup line (makesetup takes it for a variable). */
export function renderModuleLine(module: SetupModule): string {
  for (const word of [...module.cflags, ...module.ldflags]) {
    if (word.includes('=') && !word.startsWith('$(')) {
      throw new Error(`Setup line for ${module.name} has "${word}": makesetup reads "=" as a make variable`)
    }
  }
  return [module.name, ...module.sources, ...module.cflags, ...module.ldflags].join(' ')
}

/** Renders the Setup.local that makes `statics` built-in, `shared` files, and disables `disabled`. */
export function renderSetupLocal(statics: SetupModule[], shared: SetupModule[], disabled: string[]): string {
  const lines = ['# Written by pyseal: every chosen stdlib extension module is built in.', '*static*']
  lines.push(...statics.map(renderModuleLine))
  if (shared.length > 0) {
    lines.push(
      '',
      '# Test modules that their tests load as shared libraries.',
      '*shared*',
      ...shared.map(renderModuleLine)
    )
  }
  if (disabled.length > 0) {
    lines.push('', '*disabled*', ...disabled)
  }
  return lines.join('\n') + '\n'
}
