import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { UserError } from '../errors/user-error'

/**
 * The python-build-standalone `PYTHON.json` format (versions 7 and 8), as far as a
 * static relink needs it. pyseal writes the same layout for CPython it builds from
 * source, with its own additions under the `pyseal` key.
 */
export const LinkEntrySchema = z.object({
  name: z.string(),
  system: z.boolean().optional(),
  framework: z.boolean().optional(),
  path_static: z.string().nullish(),
  path_dynamic: z.string().nullish()
})
export type LinkEntry = z.infer<typeof LinkEntrySchema>

export const ExtensionVariantSchema = z
  .object({
    in_core: z.boolean(),
    /** `NULL` (as a string) for modules the runtime sets up itself, such as `sys`. */
    init_fn: z.string().nullable(),
    objs: z.array(z.string()),
    links: z.array(LinkEntrySchema),
    required: z.boolean(),
    variant: z.string(),
    shared_lib: z.string().nullish(),
    static_lib: z.string().nullish(),
    licenses: z.array(z.string()).nullish()
  })
  .passthrough()
export type ExtensionVariant = z.infer<typeof ExtensionVariantSchema>

/** A stdlib extension module the distribution could not provide, and why. */
export const NotBuiltSchema = z.object({ module: z.string(), cause: z.string() })
export type NotBuilt = z.infer<typeof NotBuiltSchema>

export const PysealDistributionInfoSchema = z.object({
  /** sha256 of the CPython source tarball this was built from. */
  source_sha256: z.string(),
  /** The cache key the distribution is stored under. */
  key: z.string(),
  not_built: z.array(NotBuiltSchema),
  /** Stdlib extension modules that exist only for CPython's own tests. */
  test_extensions: z.array(z.string()),
  /** Header directory for compiling the launcher and inittab. */
  include_dir: z.string()
})

export const PythonJsonSchema = z
  .object({
    version: z.string(),
    target_triple: z.string(),
    python_version: z.string(),
    python_major_minor_version: z.string(),
    python_exe: z.string(),
    python_paths: z.object({ stdlib: z.string(), include: z.string() }).passthrough(),
    python_extension_module_loading: z.array(z.string()),
    python_stdlib_test_packages: z.array(z.string()).default([]),
    libpython_link_mode: z.string().optional(),
    build_info: z.object({
      core: z.object({ objs: z.array(z.string()), links: z.array(LinkEntrySchema) }),
      extensions: z.record(z.array(ExtensionVariantSchema)),
      inittab_object: z.string().nullish(),
      inittab_source: z.string().nullish(),
      inittab_cflags: z.array(z.string()).default([]),
      object_file_format: z.string().optional()
    }),
    pyseal: PysealDistributionInfoSchema.optional()
  })
  .passthrough()
export type PythonJson = z.infer<typeof PythonJsonSchema>

/** A distribution on disk: its root directory (where PYTHON.json lives) and its description. */
export interface Distribution {
  root: string
  json: PythonJson
  /** Native object format, with python-build-standalone's stray `%` removed (`elf`, `llvm-bitcode:18`). */
  objectFileFormat: string
}

export class DistributionFormatError extends UserError {
  constructor(file: string, detail: string) {
    const fix = 'Point --python-distribution at a CPython source tarball or a python-build-standalone "full" archive.'
    super(
      { input: file, cause: `is not a usable PYTHON.json (${detail})`, fix },
      `${file} is not a usable PYTHON.json: ${detail}. ${fix}`
    )
    this.name = 'DistributionFormatError'
  }
}

/** Reads and validates `<root>/PYTHON.json`. */
export async function readDistribution(root: string): Promise<Distribution> {
  const file = path.join(root, 'PYTHON.json')
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    throw new DistributionFormatError(file, (error as Error).message)
  }
  return parseDistribution(root, raw, file)
}

export function parseDistribution(root: string, raw: unknown, file = 'PYTHON.json'): Distribution {
  const parsed = PythonJsonSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = parsed.error.issues.map(i => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new DistributionFormatError(file, issues.slice(0, 5).join('; '))
  }
  if (!['7', '8'].includes(parsed.data.version) && !parsed.data.pyseal) {
    throw new DistributionFormatError(file, `format version ${parsed.data.version} is not one of 7, 8`)
  }
  const format = (parsed.data.build_info.object_file_format ?? 'elf').replace(/%/g, '')
  return { root, json: parsed.data, objectFileFormat: format }
}

/** The variant of an extension module the link uses: the first one, as python-build-standalone orders them. */
export function defaultVariant(json: PythonJson, module: string): ExtensionVariant | undefined {
  return json.build_info.extensions[module]?.[0]
}

/** A distribution's ABI as wheel tags name it (`cp314`, `cp314t`) and whether its build is free-threaded. */
export interface PythonAbi {
  tag: string
  freeThreaded: boolean
}

/**
 * Read off the include directory's name, which carries CPython's ABI flags
 * (`include/python3.14t` for a free-threaded build) in both pyseal's own builds and
 * python-build-standalone's.
 */
export function pythonAbi(json: PythonJson): PythonAbi {
  const [major, minor] = json.python_major_minor_version.split('.')
  const flags = /python\d+\.\d+([a-z]*)$/.exec(json.python_paths.include)?.[1] ?? ''
  return { tag: `cp${major}${minor}${flags.includes('t') ? 't' : ''}`, freeThreaded: flags.includes('t') }
}
