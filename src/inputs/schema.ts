import { z } from 'zod'
import { UserError } from '../errors/user-error'

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

/** Where an extension module that cannot be built in may live, in the order tried. */
export const ExtensionLocationSchema = z.discriminatedUnion('kind', [
  /** Loaded from memory, never written to disk (only Windows can, and only when allowed). */
  z.object({ kind: z.literal('in-memory') }),
  /** A shared-library file in this directory beside the binary (`filesystem-relative:lib`). */
  z.object({
    kind: z.literal('filesystem-relative'),
    dir: z
      .string()
      .regex(
        /^(?!\.\.?(\/|$))(?!.*\/\.\.?(\/|$))[\w.-]+(\/[\w.-]+)*$/,
        'must be a directory below the binary\'s (letters, digits, ".", "_", "-" and "/"; no ".." and no leading "/")'
      )
  })
])
export type ExtensionLocation = z.infer<typeof ExtensionLocationSchema>

/** Extra objects or static libraries to link, or an extension module compiled outside pip. */
export const LinkExtraSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('objects'), paths: z.array(z.string()) }),
  /** `pkg.mod=a.o,b.a`: a built-in module from these objects (its init function is PyInit_mod). */
  z.object({ kind: z.literal('module'), module: z.string(), paths: z.array(z.string()) })
])
export type LinkExtra = z.infer<typeof LinkExtraSchema>

const entryPoint = z
  .string()
  .regex(/^[A-Za-z_][\w.]*(:[A-Za-z_][\w.]*)?$/, 'must look like pkg.module:function or pkg.module')

/**
 * Every setting pyseal takes, in one vocabulary: the CLI flags, the action's inputs
 * and `[tool.pyseal]` in pyproject.toml use these names (kebab-case outside).
 */
export const BuildInputsSchema = z.object({
  target: z.string().min(1),
  project: z.string().min(1),
  requirements: z.array(z.string().min(1)),
  entryPoint: entryPoint.nullable(),
  name: z.string().regex(/^[\w.-]+$/, 'may hold letters, digits, ".", "_" and "-" only'),
  pythonDistribution: z.string().min(1),
  /**
   * How a CPython built from source is optimized: `none` (quickest to build), `lto`,
   * or `pgo+lto` (profile-guided, as operating systems and python-build-standalone ship it).
   */
  pythonOptimization: z.enum(['none', 'lto', 'pgo+lto']),
  /** fnmatch patterns relative to the stdlib root; empty keeps the whole stdlib. */
  stdlibExclude: z.array(z.string()),
  /**
   * `all`: the stdlib less stdlibExclude; `imported`: only the stdlib modules (and
   * stdlib extension modules) the app and its packages import, found statically.
   */
  stdlib: z.enum(['all', 'imported']),
  /** Modules kept with `stdlib: imported` though no import of them was found (dynamic imports). */
  stdlibInclude: z.array(z.string().regex(/^[A-Za-z_][\w.]*$/, 'must be dotted module names')),
  outDir: z.string().min(1),
  cacheDir: z.string().min(1),
  /**
   * When the build counts as failed: `error` only when no binary could be made;
   * `fallback` also when a third-party extension module is not built in; `never`.
   */
  failOn: z.enum(['error', 'fallback', 'never']),
  /**
   * `static`: built-ins only; `dynamic`: built-ins preferred, shared-library files
   * allowed. Null: the target's default (static where the binary is static-only).
   */
  flavor: z.enum(['static', 'dynamic']).nullable(),
  extensionLocations: z.array(ExtensionLocationSchema).min(1),
  allowInMemorySharedLibraryLoading: z.boolean(),
  /** Distributions whose extension modules are left out (their pure-Python fallback, if any, is used). */
  excludePackages: z.array(z.string()),
  /** Distributions whose extension modules stay shared-library files even when they could be built in. */
  standalonePackages: z.array(z.string()),
  linkExtra: z.array(LinkExtraSchema)
})
export type BuildInputs = z.infer<typeof BuildInputsSchema>

/** What the user may set; everything has a default except what the project supplies. */
export const RawInputsSchema = z
  .object({
    target: z.string(),
    project: z.string(),
    requirements: z.array(z.string()),
    'entry-point': z.string(),
    name: z.string(),
    'python-distribution': z.string(),
    'python-optimization': z.string(),
    'stdlib-exclude': z.union([z.string(), z.array(z.string())]),
    stdlib: z.string(),
    'stdlib-include': z.union([z.string(), z.array(z.string())]),
    'out-dir': z.string(),
    'cache-dir': z.string(),
    'fail-on': z.string(),
    flavor: z.string(),
    'extension-location': z.union([z.string(), z.array(z.string())]),
    'allow-in-memory-shared-library-loading': z.union([z.boolean(), z.string()]),
    'exclude-packages': z.union([z.string(), z.array(z.string())]),
    'standalone-packages': z.union([z.string(), z.array(z.string())]),
    'link-extra': z.union([z.string(), z.array(z.string())])
  })
  .partial()
  .strict()
export type RawInputs = z.infer<typeof RawInputsSchema>

/** Every problem found in the build's inputs, each a line that names the input, the cause and the fix. */
export class InputError extends UserError {
  constructor(readonly problems: string[]) {
    super(
      { input: 'the build inputs', cause: problems.join('; '), fix: 'correct each as its problem says' },
      `pyseal cannot start: ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`
    )
    this.name = 'InputError'
  }
}
