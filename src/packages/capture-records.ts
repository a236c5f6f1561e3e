import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'

/** One extension module as the build-time shim (python/pyseal_capture) recorded it. */
export const CaptureRecordSchema = z
  .object({
    schema: z.literal(1),
    module: z.string(),
    init_fn: z.string(),
    /** The module's own objects and the object files its link was given (copies in the capture directory). */
    objects: z.array(z.string()),
    /** Static archives its link was given by path (copies), members taken as the objects need them. */
    archives: z.array(z.string()).default([]),
    /** Static archives its link took whole (`--whole-archive`), copies. */
    whole_archives: z.array(z.string()).default([]),
    libraries: z.array(z.string()).default([]),
    library_dirs: z.array(z.string()).default([]),
    extra_link_args: z.array(z.string()).default([]),
    compiler: z.string().nullish(),
    language: z.enum(['c', 'c++', 'rust']).default('c'),
    capture: z.enum(['setuptools._distutils', 'distutils', 'compiler-wrapper']),
    package: z.string().nullish(),
    module_guess: z.boolean().optional(),
    /** The shared library the link wrote, where it was written (the build directory, gone by now). */
    output: z.string().nullish(),
    /** Its sha256 right after the link, when the shim could read it. */
    output_sha256: z.string().nullish()
  })
  .passthrough()
export type CaptureRecord = z.infer<typeof CaptureRecordSchema>

export const IntentSchema = z
  .object({
    schema: z.literal(1),
    package: z.string(),
    modules: z.array(z.string()),
    /** The modules still listed when the build started compiling them; absent when it never got there. */
    building: z.array(z.string()).optional()
  })
  .passthrough()
export type Intent = z.infer<typeof IntentSchema>

export interface CaptureResult {
  records: CaptureRecord[]
  intents: Intent[]
}

/** Reads every record and intent under a capture directory; an unreadable record is an error naming it. */
export async function readCapture(captureDir: string): Promise<CaptureResult> {
  return {
    records: await readJsonDir(path.join(captureDir, 'records'), CaptureRecordSchema),
    intents: await readJsonDir(path.join(captureDir, 'intended'), IntentSchema)
  }
}

async function readJsonDir<T>(dir: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T[]> {
  if (!existsSync(dir)) return []
  const names = (await readdir(dir)).filter(n => n.endsWith('.json')).sort()
  const items: T[] = []
  for (const name of names) {
    const file = path.join(dir, name)
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    if (!parsed.success) {
      throw new Error(`capture record ${file} is malformed: ${parsed.error.issues[0]?.message ?? 'unknown'}`)
    }
    items.push(parsed.data)
  }
  return items
}
