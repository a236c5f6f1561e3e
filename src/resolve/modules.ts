import path from 'node:path'
import type { CaptureRecord, Intent } from '../build/capture-records'
import type { InstalledExtension } from '../build/install-packages'
import type { Distribution } from '../distribution/python-json'
import type { Target } from '../targets/table'
import type { Reason } from '../report/schema'
import { resolveLibrary, type LibraryResolution } from './libraries'

export type { Reason, ReasonCode } from '../report/schema'

/** The directory beside the binary that standalone extension modules are shipped in and imported from. */
export const SIDE_DIRECTORY = 'lib'

/** The decision for one extension module. */
export interface ModulePlan {
  module: string
  origin: 'stdlib' | 'package'
  package: string | null
  /** `standalone`: shipped as a shared-library file in the side directory beside the binary. */
  status: 'builtin' | 'standalone' | 'excluded' | 'failed'
  reasons: Reason[]
  /** Absolute object paths to link (built-ins only). */
  objects: string[]
  /** Absolute path of the shared-library file to ship (standalone modules only). */
  sharedLibrary: string | null
  /** The init function as compiled, and the name it has in the binary. */
  initFunction: string | null
  linkedInitFunction: string | null
  libraries: LibraryResolution[]
  language: 'c' | 'c++'
  capture: string | null
}

export interface ResolveRequest {
  distribution: Distribution
  target: Target
  searchDirs: string[]
  /** The target's C++ compiler driver on this machine, or null when it has none. */
  cxx: string | null
  includeStdlibTestModules: boolean
  records: CaptureRecord[]
  intents: Intent[]
  installed: InstalledExtension[]
}

/** Decides, per extension module, built-in / excluded / failed, with every reason. */
export function planModules(request: ResolveRequest): ModulePlan[] {
  const { distribution, target } = request
  const json = distribution.json
  const testModules = new Set(json.pyseal?.test_extensions ?? [])
  const plans: ModulePlan[] = []

  for (const [module, variants] of Object.entries(json.build_info.extensions).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const variant = variants[0]
    if (variant.in_core) continue
    const base: ModulePlan = {
      module,
      origin: 'stdlib',
      package: null,
      status: 'builtin',
      reasons: [],
      objects: [],
      sharedLibrary: null,
      initFunction: variant.init_fn,
      linkedInitFunction: variant.init_fn,
      libraries: [],
      language: 'c',
      capture: null
    }
    if (testModules.has(module) && !request.includeStdlibTestModules) {
      plans.push({
        ...base,
        status: 'excluded',
        reasons: [
          {
            code: 'STDLIB_TEST_MODULE_LEFT_OUT',
            message: "only CPython's own tests use it; kept with --stdlib-exclude none"
          }
        ]
      })
      continue
    }
    if (variant.objs.length === 0 && variant.shared_lib) {
      plans.push(sharedLibraryPlan(base, path.join(distribution.root, variant.shared_lib), target))
      continue
    }
    base.objects = variant.objs.map(o => path.join(distribution.root, o))
    base.libraries = variant.links.map(link =>
      link.system || !link.path_static
        ? { name: link.name, kind: 'system' as const }
        : { name: link.name, kind: 'static' as const, path: path.join(distribution.root, link.path_static) }
    )
    base.reasons.push({ code: 'STDLIB_BUILTIN', message: 'built into the distribution' })
    plans.push(base)
  }
  for (const notBuilt of json.pyseal?.not_built ?? []) {
    plans.push(excludedPlan(notBuilt.module, 'stdlib', null, { code: 'STDLIB_NOT_BUILT', message: notBuilt.cause }))
  }

  const records = new Map(request.records.map(r => [r.module, r]))
  for (const file of request.installed) {
    const record = records.get(file.module)
    const plan: ModulePlan = {
      module: file.module,
      origin: 'package',
      package: record?.package ?? file.distribution ?? packageOf(request.intents, file.module),
      status: 'builtin',
      reasons: [],
      objects: [],
      sharedLibrary: null,
      initFunction: null,
      linkedInitFunction: null,
      libraries: [],
      language: 'c',
      capture: record?.capture ?? null
    }
    if (!record) {
      plan.status = 'excluded'
      plan.reasons.push({
        code: 'NO_OBJECT_FILES',
        message: `${file.file} was built without passing through the compiler pyseal watches, so there are no object files to link`
      })
      if (target.capabilities.staticOnly) {
        plan.reasons.push({
          code: 'MUSL_BUILTIN_ONLY',
          message: `${target.triple} binaries cannot load shared-library extensions`
        })
      }
      plans.push(plan)
      continue
    }
    plan.objects = record.objects
    plan.initFunction = record.init_fn
    plan.linkedInitFunction = record.init_fn
    plan.language = record.language
    plan.reasons.push({ code: 'BUILTIN', message: `objects captured through ${record.capture}` })
    if (record.language === 'c++' && !request.cxx) {
      plan.status = 'failed'
      plan.reasons.push({
        code: 'CXX_TOOLCHAIN_MISSING',
        message: `a C++ extension needs a C++ toolchain for ${target.triple}, and pyseal has none configured for it yet`
      })
    }
    const searchDirs = [...record.library_dirs, ...request.searchDirs]
    for (const name of record.libraries) {
      const resolved = resolveLibrary(name, target.toolchain, searchDirs)
      plan.libraries.push(resolved)
      if (resolved.kind === 'static') {
        plan.reasons.push({ code: 'LIBRARY_LINKED_STATIC', message: `lib${name} linked from ${resolved.path}` })
      } else if (resolved.kind === 'missing') {
        plan.status = 'failed'
        plan.reasons.push({
          code: 'LIBRARY_MISSING',
          message: `needs lib${name}, which has no static archive for ${target.triple}; install its static library (lib${name}.a) or build it for the target`
        })
      }
    }
    plans.push(plan)
  }

  const present = new Set(plans.map(p => p.module))
  for (const intent of request.intents) {
    for (const module of intent.modules) {
      if (present.has(module)) continue
      present.add(module)
      plans.push(
        excludedPlan(module, 'package', intent.package, {
          code: 'INTENDED_NOT_BUILT',
          message: `${intent.package} meant to build ${module} but produced no extension (a failed optional build); its pure-Python fallback, if any, is used`
        })
      )
    }
  }
  assignInitFunctionNames(plans)
  return plans
}

/** A distribution module that exists only as a shared-library file: shipped beside the binary where it can load. */
function sharedLibraryPlan(base: ModulePlan, file: string, target: Target): ModulePlan {
  if (!target.capabilities.canLoadSharedLibraries) {
    return {
      ...base,
      status: 'excluded',
      reasons: [
        {
          code: 'SHARED_LIBRARY_NOT_LOADABLE',
          message: `the distribution has it only as ${path.basename(file)}, and ${target.triple} binaries cannot load shared libraries`
        }
      ]
    }
  }
  return {
    ...base,
    status: 'standalone',
    sharedLibrary: file,
    reasons: [
      {
        code: 'STANDALONE_SHARED_LIBRARY',
        message: `the distribution has it only as a shared library; shipped as ${SIDE_DIRECTORY}/${path.basename(file)} beside the binary`
      }
    ]
  }
}

/** A module left out for one reason, with nothing to link. */
function excludedPlan(module: string, origin: ModulePlan['origin'], pkg: string | null, reason: Reason): ModulePlan {
  return {
    module,
    origin,
    package: pkg,
    status: 'excluded',
    reasons: [reason],
    objects: [],
    sharedLibrary: null,
    initFunction: null,
    linkedInitFunction: null,
    libraries: [],
    language: 'c',
    capture: null
  }
}

function packageOf(intents: Intent[], module: string): string | null {
  return intents.find(i => i.modules.includes(module))?.package ?? null
}

/** Gives every built-in a distinct init symbol; the second `PyInit__speedups` becomes `PyInit_<dotted_name>`. */
export function assignInitFunctionNames(plans: ModulePlan[]): void {
  const taken = new Set<string>()
  for (const plan of plans.filter(p => p.status === 'builtin' && p.origin === 'stdlib')) {
    if (plan.linkedInitFunction) taken.add(plan.linkedInitFunction)
  }
  for (const plan of plans.filter(p => p.status === 'builtin' && p.origin === 'package')) {
    const wanted = plan.initFunction ?? `PyInit_${plan.module.split('.').pop()}`
    let name = wanted
    if (taken.has(name)) {
      name = `PyInit_pyseal_${plan.module.replace(/[^A-Za-z0-9]/g, '_')}`
      plan.reasons.push({
        code: 'INIT_FUNCTION_RENAMED',
        message: `${wanted} is also defined by another module; linked as ${name}`
      })
    }
    taken.add(name)
    plan.linkedInitFunction = name
    plan.reasons.push({ code: 'SYMBOLS_LOCALIZED', message: `every symbol but ${name} made private` })
  }
}
