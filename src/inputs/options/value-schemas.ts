import { z } from 'zod'

/**
 * The value vocabularies some options take (extension locations, link-extra items,
 * entry points, the stdlib left out by default). The option registry (build.ts)
 * names them as its entries' values; the stages use their types through schema.ts.
 */

/**
 * The CPython a build gets when neither python-version nor python-distribution is
 * given: the newest release with a year of bug fixes behind it, which most new
 * projects start on, and the first with compression.zstd and a supported free-threaded
 * build. A newer minor becomes the default once its first bug-fix releases are out
 * and pyseal's tests build it.
 */
export const DEFAULT_PYTHON_VERSION = '3.14'

/** The stdlib parts left out unless the user says otherwise (test suites, IDLE, Tk, bundled pip, 2to3). */
export const DEFAULT_STDLIB_EXCLUDE = [
  'test',
  '*/test',
  '*/tests',
  'idlelib',
  'tkinter',
  'turtledemo',
  'turtle.py',
  'ensurepip',
  'lib2to3',
  'site-packages'
]

/** Files in this directory beside the binary (`filesystem-relative:lib`). */
const FilesystemRelativeSchema = z.object({
  kind: z.literal('filesystem-relative'),
  dir: z
    .string()
    .regex(
      /^(?!\.\.?(\/|$))(?!.*\/\.\.?(\/|$))[\w.-]+(\/[\w.-]+)*$/,
      'must be a directory below the binary\'s (letters, digits, ".", "_", "-" and "/"; no ".." and no leading "/")'
    )
})

/** Where an extension module that cannot be built in may live, in the order tried. */
export const ExtensionLocationSchema = z.discriminatedUnion('kind', [
  /** Loaded from memory, never written to disk (only Windows can, and only when allowed). */
  z.object({ kind: z.literal('in-memory') }),
  /** A shared-library file in this directory beside the binary. */
  FilesystemRelativeSchema
])
export type ExtensionLocation = z.infer<typeof ExtensionLocationSchema>

/**
 * Where a package whose files are opened by path outside Python (a C library, a
 * subprocess) lives instead of the archive: its whole directory beside the binary, or
 * extracted from the archive to a per-user cache directory on its first import.
 */
export const PackageDataLocationSchema = z.object({
  /** A top-level package of the app (an import name). */
  package: z.string().regex(/^[A-Za-z_]\w*$/, 'must be a top-level package name (`mypkg`, not `mypkg.sub` or a path)'),
  location: z.discriminatedUnion('kind', [FilesystemRelativeSchema, z.object({ kind: z.literal('user-cache') })])
})
export type PackageDataLocation = z.infer<typeof PackageDataLocationSchema>

/** Extra objects or static libraries to link, or an extension module compiled outside pip. */
export const LinkExtraSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('objects'), paths: z.array(z.string()) }),
  /** `pkg.mod=a.o,b.a`: a built-in module from these objects (its init function is PyInit_mod). */
  z.object({ kind: z.literal('module'), module: z.string(), paths: z.array(z.string()) })
])
export type LinkExtra = z.infer<typeof LinkExtraSchema>

/**
 * A resolved glibc floor: `host` or a release `2.N` (range checked by
 * toolchain/glibc-floor.ts), null on a target without glibc.
 */
export const GlibcFloorSchema = z
  .union([z.literal('host'), z.custom<`2.${number}`>(v => typeof v === 'string' && /^2\.\d+$/.test(v))])
  .nullable()

/** `pkg.module:function` or `pkg.module`. */
export const EntryPointSchema = z
  .string()
  .regex(/^[A-Za-z_][\w.]*(:[A-Za-z_][\w.]*)?$/, 'must look like pkg.module:function or pkg.module')
