import { readMakeVariables } from './make-vars'

/**
 * Where `make install` puts a configured CPython build, and the ABI it was built
 * for, read from its Makefile: a free-threaded build (`--disable-gil`, ABI flag
 * `t`) installs `bin/python3.14t`, `lib/python3.14t` and `include/python3.14t`, a
 * default one the same names without the `t`. Read by source-build.ts after
 * configure; layout.ts writes them into PYTHON.json.
 */
export interface InstallNames {
  /** `3.14`. */
  minor: string
  /** `t` for a free-threaded build, `` for a default one (3.11 and 3.12 have no ABI flag). */
  abiFlags: string
  /** The interpreter, relative to the install prefix: `bin/python3.14t`. */
  exe: string
  /** The standard library, relative to the install prefix: `lib/python3.14t`. */
  stdlib: string
  /** The C headers, relative to the install prefix: `include/python3.14t`. */
  include: string
  /** `cpython-314t-x86_64-linux-gnu`. */
  soabi: string
  /** `.cpython-314t-x86_64-linux-gnu.so`. */
  extSuffix: string
}

/** The install names of the CPython configured in buildDir. */
export async function readInstallNames(buildDir: string): Promise<InstallNames> {
  const vars = await readMakeVariables(buildDir, [
    'VERSION',
    'ABIFLAGS',
    'ABI_THREAD',
    'LDVERSION',
    'EXE',
    'SOABI',
    'EXT_SUFFIX'
  ])
  // ABI_THREAD (3.13+) names the library directory; LDVERSION (VERSION + ABIFLAGS) the rest.
  return {
    minor: vars.VERSION,
    abiFlags: vars.ABIFLAGS,
    exe: `bin/python${vars.LDVERSION}${vars.EXE}`,
    stdlib: `lib/python${vars.VERSION}${vars.ABI_THREAD}`,
    include: `include/python${vars.LDVERSION}`,
    soabi: vars.SOABI,
    extSuffix: vars.EXT_SUFFIX
  }
}

/** The PEP 425 ABI tag of a build: `cp314`, `cp314t`. */
export function abiTag(names: InstallNames): string {
  return `cp${names.minor.replace('.', '')}${names.abiFlags}`
}
