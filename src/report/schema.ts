import { z } from 'zod'

/**
 * The compatibility report (`<name>.report.json`), one per target: the zod schema is
 * the definition; `schema/pyseal-report.schema.json` is generated from it
 * (`npm run report-schema`) and a test fails when the two drift apart.
 *
 * Reproducible: the same inputs give the same bytes. Nothing in it depends on where
 * the build ran (paths under the project, the output directory and the cache directory
 * are written `{project}/…`, relative, and `{cache-dir}/…`), on the clock or on
 * whether a cache was warm.
 */
export const REPORT_SCHEMA = 'pyseal-report/3'

/** Why a module ended up as it did. */
export const ReasonCodeSchema = z.enum([
  'BUILTIN',
  'STDLIB_BUILTIN',
  'STDLIB_NOT_BUILT',
  'STDLIB_TEST_MODULE_LEFT_OUT',
  'STDLIB_NOT_IMPORTED',
  'NO_OBJECT_FILES',
  'MUSL_BUILTIN_ONLY',
  'STATIC_FLAVOR_BUILTIN_ONLY',
  'LIBRARY_LINKED_STATIC',
  'LIBRARY_BUILT_FROM_SOURCE',
  'LIBRARY_MISSING',
  'LIBRARY_BUNDLED',
  'SYMBOLS_LOCALIZED',
  'INIT_FUNCTION_RENAMED',
  'INTENDED_NOT_BUILT',
  'CXX_TOOLCHAIN_MISSING',
  'STANDALONE_SHARED_LIBRARY',
  'SHARED_LIBRARY_NOT_LOADABLE',
  'IN_MEMORY_SHARED_LIBRARY_UNSUPPORTED',
  'IN_MEMORY_SHARED_LIBRARY_DISALLOWED',
  'LOADED_FROM_MEMORY',
  'EXCLUDED_BY_POLICY',
  'STANDALONE_BY_POLICY',
  'LINKED_FROM_LINK_EXTRA',
  'LINK_FAILED',
  'NO_BINARY'
])
export type ReasonCode = z.infer<typeof ReasonCodeSchema>

export const ReasonSchema = z.object({
  code: ReasonCodeSchema,
  /** What happened, naming the module, package or library. */
  message: z.string(),
  /** What the user can do about it, when there is something to do. */
  hint: z.string().nullable().optional()
})
export type Reason = z.infer<typeof ReasonSchema>

export const LibraryResolutionSchema = z.discriminatedUnion('kind', [
  /** Part of the target's C library: stays dynamic (glibc) or is the libc itself (musl). */
  z.object({ name: z.string(), kind: z.literal('system') }),
  /** Linked from this static archive. */
  z.object({ name: z.string(), kind: z.literal('static'), path: z.string() }),
  /** Nowhere to be found; `searched` lists where pyseal looked. */
  z.object({ name: z.string(), kind: z.literal('missing'), searched: z.array(z.string()) })
])
export type LibraryResolution = z.infer<typeof LibraryResolutionSchema>

export const ModuleOutcomeSchema = z.enum(['builtin', 'standalone', 'excluded', 'failed'])

export const ReportModuleSchema = z.object({
  /** Dotted module name (`markupsafe._speedups`). */
  module: z.string(),
  /** `stdlib` for CPython's own extension modules, `package` for third-party ones. */
  origin: z.enum(['stdlib', 'package']),
  /** The distribution (from its dist-info RECORD) that installed it, when known. */
  package: z.string().nullable(),
  /** That distribution's version, when known. */
  version: z.string().nullable(),
  /** built-in, shipped as a file beside the binary, left out, or failed. */
  status: ModuleOutcomeSchema,
  reasons: z.array(ReasonSchema),
  /** For standalone modules: the file beside the binary, relative to the binary's directory (null when loaded from memory). */
  file: z.string().nullable(),
  /** Where the module lives: `builtin`, `filesystem-relative:DIR`, `in-memory`, or null when nowhere. */
  location: z.string().nullable(),
  /**
   * How its objects were captured: `setuptools._distutils`, `distutils` or `wrapper` for
   * packages, `link-extra` for declared ones, `distribution` for CPython's own; null when none were.
   */
  capture: z.string().nullable(),
  language: z.enum(['c', 'c++', 'rust']),
  /** The init function as linked (renamed when two modules share one). */
  initFunction: z.string().nullable(),
  libraries: z.array(LibraryResolutionSchema)
})
export type ReportModule = z.infer<typeof ReportModuleSchema>

/** A package whose files live outside the archive, so that code outside Python can open them by path. */
export const PackageDataEntrySchema = z.object({
  /** The top-level package. */
  package: z.string(),
  /** `filesystem-relative:DIR` (its folder beside the binary) or `user-cache` (extracted on first import). */
  location: z.string(),
  /** Where its files are at run time, and why. */
  message: z.string()
})
export type PackageDataEntry = z.infer<typeof PackageDataEntrySchema>

export const LinkageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('static') }),
  /** The shared libraries the binary needs at run time (ELF NEEDED). */
  z.object({ kind: z.literal('dynamic'), needed: z.array(z.string()) })
])

/**
 * What the binary needs of the system it runs on, read from the ELF version tables of
 * the files written: `static` for a binary with no dynamic section (musl).
 */
export const RequiresSchema = z.union([
  z.literal('static'),
  z.object({
    /** The newest glibc release any of the files needs (`2.34` for GLIBC_2.34), null when none. */
    glibc: z.string().nullable(),
    /** The newest libstdc++ symbol version (`3.4.29` for GLIBCXX_3.4.29), null when none. */
    glibcxx: z.string().nullable(),
    /** The newest C++ ABI version (`1.3.13` for CXXABI_1.3.13), null when none. */
    cxxabi: z.string().nullable(),
    /** The binary and each ELF file shipped beside it, relative to the output directory. */
    files: z.array(
      z.object({
        file: z.string(),
        /** Its newest version of each family, as the file names it, and a symbol it takes at that version. */
        needs: z.array(z.object({ version: z.string(), symbol: z.string().nullable() }))
      })
    )
  })
])

/** The one-word answer per target: every extension built in, some not, or no binary. */
export const VerdictSchema = z.enum(['all-builtin', 'fallback', 'failed'])
export type Verdict = z.infer<typeof VerdictSchema>

/** Which stdlib is in the binary (--stdlib) and, with `imported`, the top-level stdlib modules left out. */
export const ReportStdlibSchema = z.object({
  choice: z.enum(['all', 'imported']),
  /** Importing one raises ModuleNotFoundError naming `--stdlib-include NAME` (stdlib-exclude's are not listed). */
  leftOut: z.array(z.string())
})
export type ReportStdlib = z.infer<typeof ReportStdlibSchema>

export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  tool: z.object({ name: z.literal('pyseal'), version: z.string() }),
  name: z.string(),
  target: z.string(),
  status: z.enum(['ok', 'failed']),
  verdict: VerdictSchema,
  /** The message the build stopped with, when it failed. */
  error: z.string().nullable(),
  entryPoint: z.string().nullable(),
  /** static: built-ins only; dynamic: shared-library files allowed beside the binary. */
  flavor: z.enum(['static', 'dynamic']),
  /** What the build read, by content: two reports with equal inputs describe the same build. */
  inputs: z.object({
    /** sha256 over the project's files (relative paths and bytes; build output and VCS folders skipped). */
    project: z.string(),
    /** Each requirements file: its path (`{project}/…` inside the project) and the sha256 of its bytes. */
    requirements: z.array(z.object({ file: z.string(), sha256: z.string() })),
    /** --python-distribution as given. */
    pythonDistribution: z.string()
  }),
  python: z
    .object({
      version: z.string(),
      /** The ABI as wheel tags name it: `cp314`, or `cp314t` for a free-threaded build (absent in older reports). */
      abi: z.string().optional(),
      /** True when the GIL is disabled: a free-threaded build (absent in older reports). */
      freeThreaded: z.boolean().optional(),
      /** Where it came from: the source tarball or archive name (and, for a release pyseal fetched, the place), or a directory. */
      source: z.string(),
      /** sha256 of that tarball or archive, when pyseal read one. */
      sha256: z.string().nullable(),
      /** Where the distribution is unpacked (its PYTHON.json), usually `{cache-dir}/python/KEY`. */
      root: z.string()
    })
    .nullable(),
  /** The compiled packages' cache key (a hash of the distribution, project, requirements and build recipe). */
  packages: z.object({ key: z.string() }).nullable(),
  executable: z
    .object({
      /** Relative to the report's directory (the output directory). */
      path: z.string(),
      bytes: z.number().int(),
      sha256: z.string(),
      linkage: LinkageSchema,
      /** Files that must ship beside the binary, relative to its directory. */
      sideFiles: z.array(z.string()),
      /** What the binary and its side files need (null: not ELF; absent in older reports). */
      requires: RequiresSchema.nullable().optional()
    })
    .nullable(),
  summary: z.object({
    builtin: z.number().int(),
    standalone: z.number().int(),
    excluded: z.number().int(),
    failed: z.number().int()
  }),
  modules: z.array(ReportModuleSchema),
  /** Packages listed in package-data-location (absent in older reports). */
  packageData: z.array(PackageDataEntrySchema).optional(),
  /** The stdlib choice (absent in older reports and when the build stopped before resolving modules). */
  stdlib: ReportStdlibSchema.optional()
})
export type Report = z.infer<typeof ReportSchema>
