import { z } from 'zod'
import type { OptionSpec, Surface } from './spec'
import { DEFAULT_GLIBC_FLOOR, NEWEST_GLIBC_FLOOR, OLDEST_GLIBC_FLOOR } from '../../toolchain/glibc-floor'
import {
  DEFAULT_PYTHON_VERSION,
  DEFAULT_STDLIB_EXCLUDE,
  EntryPointSchema,
  ExtensionLocationSchema,
  GlibcFloorSchema,
  LinkExtraSchema,
  PackageDataLocationSchema
} from './value-schemas'

/**
 * The build's options, one entry each (spec.ts says what an entry holds; registry.ts
 * what is derived from them). resolve-inputs.ts resolves each into BuildInputs,
 * whose schema (schema.ts) is these entries' values: a new entry must be filled in
 * there, and the compiler says so.
 */

const EVERYWHERE: readonly Surface[] = ['cli', 'pyproject', 'action']
const ALSO_WORKFLOW: readonly Surface[] = ['cli', 'pyproject', 'action', 'workflow']

/** The build's options (the fields of BuildInputs): CLI flags, `[tool.pyseal]` keys and action inputs alike. */
export const BUILD_OPTIONS = {
  target: {
    name: 'target',
    value: z.string().min(1),
    given: 'text',
    surfaces: EVERYWHERE,
    metavar: 'TRIPLE',
    default: { text: "this machine's triple" },
    summary: 'target triple or alias (`linux-x64`, `linux-musl-x64`, ...)'
  },
  project: {
    name: 'project',
    value: z.string().min(1),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'DIR',
    default: { value: '.', declared: true },
    summary: 'the project directory (a `pyproject.toml` or `setup.py`)'
  },
  requirements: {
    name: 'requirements',
    value: z.array(z.string().min(1)),
    given: 'repeated',
    arrayOnly: true,
    surfaces: ALSO_WORKFLOW,
    metavar: 'FILE',
    summary: 'a requirements file; everything is built from source'
  },
  entryPoint: {
    name: 'entry-point',
    value: EntryPointSchema.nullable(),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'MOD[:FUNC]',
    default: { text: 'the only `[project.scripts]` entry' },
    summary:
      'what the binary runs: `pkg.module:function` or `pkg.module`; `none` (or no scripts at all) gives an ' +
      'interpreter-mode binary that behaves like `python`'
  },
  name: {
    name: 'name',
    value: z.string().regex(/^[\w.-]+$/, 'may hold letters, digits, ".", "_" and "-" only'),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'NAME',
    default: { text: "the project's name" },
    summary: 'executable name'
  },
  pythonVersion: {
    name: 'python-version',
    value: z.string().nullable(),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'X.Y[.Z][t]',
    default: {
      value: DEFAULT_PYTHON_VERSION,
      text: `\`${DEFAULT_PYTHON_VERSION}\` (when python-distribution is not given)`
    },
    summary:
      'the CPython to build from source, as setup-python names it: `3.11` to `3.15` or an exact ' +
      "`3.13.5` or `3.15.0rc2`, fetched from the sources pinned in pyseal's release list; a `t` suffix (`3.14t`) builds the " +
      'free-threaded CPython (GIL disabled); python-distribution wins when given',
    readme:
      'the CPython to build from source, as setup-python names it: `3.11` to `3.15` or an exact ' +
      'release such as `3.13.5` (a pre-release such as `3.15.0rc2` too; a bare `3.15` takes a pre-release only with ' +
      'allow-prereleases), fetched from the places and sha256 pinned in `src/distribution/cpython-releases.json` ' +
      "(Debian's source packages where Debian has the version, else the release tag of CPython's repository as the " +
      'Go module proxy serves it). A `t` suffix (`3.14t`, `3.14.7t`; 3.13 and later) builds the free-threaded CPython ' +
      '(`--disable-gil`, ABI `cp314t`): the binary starts with the GIL disabled, packages are built as `cp314t` ' +
      'extensions, and importing an extension module that does not declare `Py_mod_gil` support turns the GIL back ' +
      'on with a RuntimeWarning, as in CPython. python-distribution wins when given; the two must not disagree'
  },
  allowPrereleases: {
    name: 'allow-prereleases',
    value: z.boolean(),
    given: 'switch',
    surfaces: ALSO_WORKFLOW,
    default: { value: false },
    summary:
      'let a bare `X.Y` python-version take its newest pre-release (`3.15.0rc2`) when the release list has no ' +
      'final release of it yet, as in setup-python; an exact pre-release is always taken'
  },
  pythonDistribution: {
    name: 'python-distribution',
    value: z.string().min(1),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'SRC',
    default: { text: 'none: python-version decides' },
    summary:
      'the CPython to build on: a source tarball (path or URL), `debian:python3.11` / `debian:python3.13`, a ' +
      'python-build-standalone full archive (`pbs:3.11`, or its path or URL#sha256=HEX), or a directory with PYTHON.json',
    readme:
      "a CPython source tarball (path or URL), `debian:python3.11` / `debian:python3.13` (Debian's source packages), " +
      'a python-build-standalone *full* archive (`pbs:3.11`, `pbs:3.11.9+20240415:lto`, its path, or its URL with ' +
      '`#sha256=HEX`), or a directory holding a `PYTHON.json`'
  },
  pythonOptimization: {
    name: 'python-optimization',
    value: z.enum(['none', 'lto', 'pgo+lto']),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'MODE',
    default: { value: 'none' },
    summary:
      'for a CPython built from source: `none` (quickest to build), `lto`, or `pgo+lto` (the fastest start-up, ' +
      'about four times the build, cached once built)',
    readme:
      'for a CPython built from source: `none` (quickest to build), `lto`, or `pgo+lto` (profile-guided and ' +
      'link-time optimized, as operating systems ship it: the fastest start-up, a build about four times as long, ' +
      'cached once built). python-build-standalone archives choose theirs by variant (`pbs:3.11:pgo+lto`)'
  },
  glibc: {
    name: 'glibc',
    value: GlibcFloorSchema,
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: '2.N|host',
    default: { value: DEFAULT_GLIBC_FLOOR },
    summary:
      `the oldest glibc the binary must start on (Linux gnu targets only): \`2.N\` from ${OLDEST_GLIBC_FLOOR} to ` +
      `${NEWEST_GLIBC_FLOOR}, or \`host\` (no floor); a binary or shipped library that needs a newer glibc fails the build`,
    readme:
      `the oldest glibc the binary must start on, for Linux gnu targets: \`2.N\` from ${OLDEST_GLIBC_FLOOR} to ` +
      `${NEWEST_GLIBC_FLOOR}, or \`host\` (no floor: whatever this machine's toolchain links against). The binary and ` +
      "every shared library shipped beside it or embedded in it are checked after the build (the report's `executable.requires`); one " +
      'that needs a newer glibc fails the build (unless `--fail-on never`), naming the file, the symbol version and ' +
      'a symbol that needs it. ' +
      'Given in `[tool.pyseal]`, it applies to the gnu targets of a matrix and is ignored on others'
  },
  stdlibExclude: {
    name: 'stdlib-exclude',
    value: z.array(z.string()),
    given: 'list',
    surfaces: EVERYWHERE,
    metavar: 'LIST',
    default: { value: DEFAULT_STDLIB_EXCLUDE, text: 'test suites, `idlelib`, `tkinter`, `ensurepip`, `lib2to3`' },
    summary: 'comma-separated stdlib parts to leave out; `none` keeps the whole stdlib'
  },
  stdlib: {
    name: 'stdlib',
    value: z.enum(['all', 'imported']),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'all|imported',
    default: { value: 'all' },
    summary:
      '`all`: the stdlib less stdlib-exclude; `imported`: only the stdlib modules and extension modules the app ' +
      'and its packages import (found statically; a smaller binary)',
    readme:
      '`all`: the stdlib less stdlib-exclude; `imported`: pack only the stdlib modules the app and its packages ' +
      'import and link only the stdlib extension modules they import (found statically with `modulefinder`: ' +
      "module level in the stdlib, everywhere in the app and its packages, plus a kept table of what C code imports; the interpreter's own modules always " +
      'stay). A hello-world drops from about 33 MB to 9 MB. Importing a module left out this way raises ' +
      '`ModuleNotFoundError` naming `--stdlib-include NAME`, and the report lists it (`STDLIB_NOT_IMPORTED` for an ' +
      'extension module, `stdlib.leftOut` for the rest)'
  },
  stdlibInclude: {
    name: 'stdlib-include',
    value: z.array(z.string().regex(/^[A-Za-z_][\w.]*$/, 'must be dotted module names')),
    given: 'list',
    surfaces: ALSO_WORKFLOW,
    metavar: 'LIST',
    summary: 'comma-separated modules that stdlib `imported` keeps though no import of them is found (dynamic imports)',
    readme:
      'modules that stdlib `imported` keeps though no import of them is found (`importlib.import_module(name)` ' +
      'with a computed name): comma-separated dotted names'
  },
  outDir: {
    name: 'out-dir',
    value: z.string().min(1),
    given: 'text',
    surfaces: EVERYWHERE,
    metavar: 'DIR',
    default: { value: 'pyseal-out', declared: true },
    summary: 'where the executable and its report go',
    readme: 'where `<name>` and `<name>.report.json` go'
  },
  cacheDir: {
    name: 'cache-dir',
    value: z.string().min(1),
    given: 'text',
    surfaces: EVERYWHERE,
    metavar: 'DIR',
    default: { text: '`~/.cache/pyseal`' },
    summary: 'the build cache: built CPython distributions and compiled packages, by content'
  },
  failOn: {
    name: 'fail-on',
    value: z.enum(['error', 'fallback', 'never']),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'WHEN',
    default: { value: 'error', declared: true },
    summary:
      'when the build counts as failed: `error` (when no binary could be made, or a third-party extension module is ' +
      'left out: neither built in nor shipped beside the binary, and its package not in exclude-packages), ' +
      '`fallback` (also when one is not built in) or `never`'
  },
  flavor: {
    name: 'flavor',
    value: z.enum(['static', 'dynamic']).nullable(),
    given: 'text',
    surfaces: ALSO_WORKFLOW,
    metavar: 'static|dynamic',
    default: { text: '`static` on musl, `dynamic` elsewhere' },
    summary:
      '`static`: built-ins only; `dynamic`: extension modules that cannot be built in are kept as shared libraries, ' +
      'loaded from memory or shipped beside the binary (extension-location)'
  },
  extensionLocations: {
    name: 'extension-location',
    value: z.array(ExtensionLocationSchema).min(1),
    given: 'list',
    surfaces: EVERYWHERE,
    metavar: 'LIST',
    default: { value: 'in-memory,filesystem-relative:lib' },
    summary:
      'where such files go, first that works wins: `in-memory` (embedded in the binary and loaded from memory on ' +
      'import; Linux gnu), `filesystem-relative:DIR` (a folder beside the binary)'
  },
  allowInMemorySharedLibraryLoading: {
    name: 'allow-in-memory-shared-library-loading',
    value: z.boolean(),
    given: 'switch',
    surfaces: EVERYWHERE,
    default: { value: false, declared: true },
    summary:
      "let `in-memory` use a loader of pyseal's own (Windows); not needed on Linux gnu, where the system's loader maps the module"
  },
  packageDataLocations: {
    name: 'package-data-location',
    value: z.array(PackageDataLocationSchema),
    given: 'list',
    surfaces: ALSO_WORKFLOW,
    metavar: 'LIST',
    summary:
      'comma-separated `PKG=filesystem-relative:DIR` or `PKG=user-cache`: top-level packages whose files code ' +
      'outside Python opens by path, shipped beside the binary or extracted to a per-user cache on first import'
  },
  excludePackages: {
    name: 'exclude-packages',
    value: z.array(z.string()),
    given: 'list',
    surfaces: EVERYWHERE,
    metavar: 'LIST',
    summary: 'comma-separated distributions whose extension modules are left out'
  },
  standalonePackages: {
    name: 'standalone-packages',
    value: z.array(z.string()),
    given: 'list',
    surfaces: EVERYWHERE,
    metavar: 'LIST',
    summary:
      'comma-separated distributions whose extension modules stay shared libraries (loaded from memory or beside ' +
      'the binary, as extension-location says)'
  },
  linkExtra: {
    name: 'link-extra',
    value: z.array(LinkExtraSchema),
    given: 'repeated',
    surfaces: EVERYWHERE,
    metavar: 'ITEM',
    summary:
      'extra objects or static libraries to link (`a.o,libx.a`), or an extension module compiled outside pip, ' +
      'built in from them (`pkg.mod=a.o,libm.a`)'
  }
} as const satisfies Record<string, OptionSpec>
