import type { Target } from '../targets/table'
import type { NotBuilt } from './python-json'
import { parseModuleLine, type SetupModule } from './setup-local'

/** Stdlib extension modules that exist only for CPython's own test suite. */
export const TEST_EXTENSIONS = [
  '_testcapi',
  '_testbuffer',
  '_testclinic',
  '_testclinic_limited',
  '_testlimitedcapi',
  '_ctypes_test',
  '_testimportmultiple',
  'xxsubtype'
]

/**
 * Test modules that CPython's tests load as shared libraries (`CDLL(_ctypes_test.__file__)`):
 * on targets that can load shared libraries they are built as files, shipped beside the binary.
 */
export const SHARED_TEST_EXTENSIONS = ['_ctypes_test']

/** Modules pyseal never builds in, with the reason the report gives. */
const POLICY_EXCLUSIONS: Record<string, string> = {
  _tkinter: 'Tcl/Tk is not linked statically by pyseal (tkinter is left out of binaries)',
  _testinternalcapi: 'cannot be a built-in module: it needs the interpreter-internal getpath code object',
  _testmultiphase: 'test-only module whose several init functions cannot all be built in',
  _testsinglephase: 'test-only module whose several init functions cannot all be built in',
  _testexternalinspection: 'test-only module that inspects another process; not useful in a binary',
  _xxtestfuzz: 'fuzzing harness, not useful in a binary',
  xxlimited: 'example module, not useful in a binary',
  xxlimited_35: 'example module, not useful in a binary',
  _xxsubinterpreters: 'experimental module left out of binaries',
  nis: 'needs libnsl and libtirpc, whose static archives pull in Kerberos; the module is deprecated',
  readline: 'libreadline is GPL-licensed; pyseal does not link it into binaries (the REPL works without line editing)',
  _dbm: 'needs a dbm library that pyseal does not link statically',
  _gdbm: 'needs libgdbm (GPL-licensed), which pyseal does not link statically'
}

const MUSL_EXCLUSIONS: Record<string, string> = {
  _ctypes: 'a static musl binary cannot load shared libraries, so ctypes would fail at import (MUSL_BUILTIN_ONLY)',
  _ctypes_test: 'ctypes is not available in a static musl binary',
  _crypt: 'musl has no separate libcrypt with the glibc interface',
  spwd: 'musl has no shadow-password group API that the module needs'
}

/**
 * Setup lines 3.11 lacks: there these modules were built only by setup.py, never
 * by makesetup. 3.13 has lines of its own for them.
 */
export function lines311(ffiIncludeDir: string | null): SetupModule[] {
  const modules: SetupModule[] = []
  if (ffiIncludeDir) {
    modules.push(
      parseModuleLine(
        '_ctypes _ctypes/_ctypes.c _ctypes/callbacks.c _ctypes/callproc.c _ctypes/stgdict.c _ctypes/cfield.c ' +
          `-DHAVE_FFI_PREP_CIF_VAR -DHAVE_FFI_PREP_CLOSURE_LOC -DHAVE_FFI_CLOSURE_ALLOC -I${ffiIncludeDir} -lffi -ldl`
      )
    )
  }
  modules.push(
    parseModuleLine(
      '_curses _cursesmodule.c -DHAVE_NCURSESW -D_XOPEN_SOURCE_EXTENDED -I/usr/include/ncursesw -lncursesw -ltinfo'
    ),
    parseModuleLine(
      '_curses_panel _curses_panel.c -DHAVE_NCURSESW -D_XOPEN_SOURCE_EXTENDED -I/usr/include/ncursesw -lpanelw -lncursesw -ltinfo'
    )
  )
  return modules
}

/** Why a module is left out before anything is compiled, or null to try it. */
export function policyExclusion(module: string, target: Target): string | null {
  if (target.libc === 'musl' && MUSL_EXCLUSIONS[module]) return MUSL_EXCLUSIONS[module]
  return POLICY_EXCLUSIONS[module] ?? null
}

export interface ModuleChoice {
  statics: SetupModule[]
  /** Modules built as shared-library files (`*shared*`), never linked in. */
  shared: SetupModule[]
  notBuilt: NotBuilt[]
}

/** Splits candidate modules into those to build in and those left out, with each cause. */
export function chooseStdlibModules(
  candidates: SetupModule[],
  commented: string[],
  target: Target,
  missingLibraries: (module: SetupModule) => string[]
): ModuleChoice {
  const statics: SetupModule[] = []
  const shared: SetupModule[] = []
  const notBuilt: NotBuilt[] = []
  const seen = new Set<string>()
  for (const module of candidates) {
    if (seen.has(module.name)) continue
    seen.add(module.name)
    const excluded = policyExclusion(module.name, target)
    if (excluded) {
      notBuilt.push({ module: module.name, cause: excluded })
      continue
    }
    const missing = missingLibraries(module)
    if (missing.length > 0) {
      const names = missing.map(l => `lib${l}`).join(', ')
      notBuilt.push({ module: module.name, cause: `needs ${names}, which has no static archive for ${target.triple}` })
      continue
    }
    if (SHARED_TEST_EXTENSIONS.includes(module.name) && target.capabilities.canLoadSharedLibraries) shared.push(module)
    else statics.push(module)
  }
  for (const name of commented) {
    if (seen.has(name)) continue
    seen.add(name)
    notBuilt.push({
      module: name,
      cause: policyExclusion(name, target) ?? 'configure found no usable library for it on the build machine'
    })
  }
  return { statics, shared, notBuilt }
}
