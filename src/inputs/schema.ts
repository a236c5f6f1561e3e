import { z } from 'zod'

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
  /** fnmatch patterns relative to the stdlib root; empty keeps the whole stdlib. */
  stdlibExclude: z.array(z.string()),
  outDir: z.string().min(1),
  cacheDir: z.string().min(1),
  /**
   * When the build counts as failed: `error` only when no binary could be made;
   * `fallback` also when a third-party extension module is not built in; `never`.
   */
  failOn: z.enum(['error', 'fallback', 'never'])
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
    'stdlib-exclude': z.union([z.string(), z.array(z.string())]),
    'out-dir': z.string(),
    'cache-dir': z.string(),
    'fail-on': z.string()
  })
  .partial()
  .strict()
export type RawInputs = z.infer<typeof RawInputsSchema>

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(`pyseal cannot start: ${problems.length === 1 ? problems[0] : '\n  - ' + problems.join('\n  - ')}`)
    this.name = 'InputError'
  }
}
