import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { CommandFailedError, lastLines } from '../exec/run'
import { localizeExtension } from '../link/localize'
import { readSymbolTable } from '../link/symbol-table'
import { trialLink, type TrialLinkResult } from '../link/trial-link'
import type { Reason } from '../report/schema'
import { standaloneOrExcluded, type ModulePlan, type ResolveRequest } from './module-plan'
import { rustLinkFailedHint } from './rust-hints'

// The resolve stage's last step (src/pipeline.ts calls it after planModules): every
// third-party module that is to be built in is made into its one relocatable object
// now, and linked alone against what the final link will give it. One that leaves a
// symbol undefined does not sink the build: it falls back through the policy
// (shipped beside the binary, or left out) with LINK_FAILED naming the symbols.

export interface LinkCheckRequest extends Pick<
  ResolveRequest,
  'distribution' | 'target' | 'policy' | 'cxx' | 'installed' | 'siteDir' | 'linkExtra'
> {
  plans: ModulePlan[]
  /** Where the modules' objects are made; the link stage takes them from here. */
  workDir: string
}

/** The plans with each captured built-in localized and checked; the ones that do not link replaced by their fallback. */
export async function checkCapturedLinks(request: LinkCheckRequest): Promise<ModulePlan[]> {
  const toolchain = request.target.toolchain
  // Where symbols are not made private with objcopy (Mach-O, COFF), the final link is the check.
  if (!toolchain.objcopy) return request.plans
  const dir = path.join(request.workDir, 'extensions')
  await mkdir(dir, { recursive: true })
  let provided: Promise<Set<string>> | null = null
  const finalLinkSymbols = (): Promise<Set<string>> => (provided ??= symbolsFromElsewhere(request))
  const checked: ModulePlan[] = []
  for (const plan of request.plans) {
    const captured = plan.origin === 'package' && plan.status === 'builtin' && plan.capture !== 'link-extra'
    const failure = captured ? await linkFailure(plan, request, dir, finalLinkSymbols) : null
    checked.push(failure ? fallBack(plan, failure, request) : plan)
  }
  return checked
}

/** Null when the module links; else why not. */
async function linkFailure(
  plan: ModulePlan,
  request: LinkCheckRequest,
  dir: string,
  finalLinkSymbols: () => Promise<Set<string>>
): Promise<Reason | null> {
  const toolchain = request.target.toolchain
  try {
    plan.localized = await localizeExtension(plan, dir, toolchain)
  } catch (error) {
    if (!(error instanceof CommandFailedError)) throw error
    return linkFailed(plan, { ok: false, undefined: [], errors: [lastLines(error.result.stderr, 3)] })
  }
  const archives = plan.libraries.flatMap(l => (l.kind === 'static' ? [l.path] : []))
  const systemLibraries = [
    ...new Set([
      ...plan.libraries.flatMap(l => (l.kind === 'system' ? [l.name] : [])),
      ...request.distribution.json.build_info.core.links.map(l => l.name)
    ])
  ]
  const cxx = plan.language === 'c++' && request.cxx
  const trial = (stubbed: string[]): Promise<TrialLinkResult> =>
    trialLink({
      name: plan.module,
      object: plan.localized as string,
      archives,
      libraries: systemLibraries,
      stubbed,
      driver: cxx ? (request.cxx as string) : toolchain.cc,
      flags: [...(cxx ? toolchain.cxxLinkFlags : []), ...toolchain.linkFlags],
      cc: toolchain.cc,
      workDir: dir
    })
  const table = await readSymbolTable(toolchain.nm, [plan.localized, ...archives])
  const needed = [...table.undefined]
  const capi = needed.filter(isPythonApi)
  let result = await trial(capi)
  if (result.ok) return null
  // Beyond the C API, what CPython's own objects and libraries and link-extra define is in the final link too.
  const elsewhere = await finalLinkSymbols()
  const fromElsewhere = needed.filter(name => isPythonApi(name) || elsewhere.has(name))
  if (fromElsewhere.length > capi.length) result = await trial(fromElsewhere)
  return result.ok ? null : linkFailed(plan, result)
}

/** The Python C API: what `Python.h` declares is named `Py…` or `_Py…`. */
function isPythonApi(name: string): boolean {
  return name.startsWith('Py') || name.startsWith('_Py')
}

/** Global symbols of everything the final link holds besides the third-party modules: libpython, the stdlib's built-ins and their libraries, link-extra. */
async function symbolsFromElsewhere(request: LinkCheckRequest): Promise<Set<string>> {
  const { distribution } = request
  const files = distribution.json.build_info.core.objs.map(o => path.join(distribution.root, o))
  for (const plan of request.plans) {
    if (plan.origin !== 'stdlib' || plan.status !== 'builtin') continue
    files.push(...plan.objects, ...plan.libraries.flatMap(l => (l.kind === 'static' ? [l.path] : [])))
  }
  files.push(...request.linkExtra.flatMap(l => (l.kind === 'objects' ? l.paths : [])))
  return (await readSymbolTable(request.target.toolchain.nm, [...new Set(files)])).defined
}

function linkFailed(plan: ModulePlan, result: TrialLinkResult): Reason {
  const shown = result.undefined.slice(0, 8)
  const more = result.undefined.length > shown.length ? ` and ${result.undefined.length - shown.length} more` : ''
  const message =
    shown.length > 0
      ? `its captured objects leave ${shown.join(', ')}${more} undefined: not the Python C API, the C library or a library it declares`
      : `its captured objects do not link: ${result.errors.join(' ') || 'the linker gave no reason'}`
  return {
    code: 'LINK_FAILED',
    message,
    hint:
      plan.language === 'rust'
        ? rustLinkFailedHint(plan.module, result.undefined.length)
        : shown.length > 0
          ? `give a static library that defines ${shown.length === 1 ? 'it' : 'them'} with --link-extra LIB.a, or build ${plan.module} in from objects of your own with --link-extra ${plan.module}=OBJECTS`
          : `build ${plan.module} in from objects of your own with --link-extra ${plan.module}=OBJECTS`
  }
}

/** Not built in after all: the module's shared library ships beside the binary or the module is left out, as the policy says. */
function fallBack(plan: ModulePlan, failure: Reason, request: LinkCheckRequest): ModulePlan {
  const notBuiltIn: ModulePlan = {
    ...plan,
    objects: [],
    archives: [],
    localized: null,
    reasons: [
      ...plan.reasons.filter(
        r =>
          ![
            'BUILTIN',
            'SYMBOLS_LOCALIZED',
            'INIT_FUNCTION_RENAMED',
            'LIBRARY_LINKED_STATIC',
            'LIBRARY_BUILT_FROM_SOURCE'
          ].includes(r.code)
      ),
      failure
    ]
  }
  const file = request.installed.find(i => i.module === plan.module)
  if (!file) return { ...notBuiltIn, status: 'excluded', location: null }
  return standaloneOrExcluded(
    notBuiltIn,
    request.policy,
    request.target,
    path.join(request.siteDir, file.file),
    file.file
  )
}
