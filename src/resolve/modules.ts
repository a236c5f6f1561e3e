import path from 'node:path'
import type { CaptureRecord, Intent } from '../packages/capture-records'
import type { InstalledExtension } from '../packages/installed-extensions'
import type { Distribution } from '../distribution/python-json'
import { normalizeName } from '../utils/package-name'
import type { LinkExtra } from '../inputs/schema'
import type { Reason } from '../report/schema'
import type { Target } from '../targets/table'
import { resolveLibrary, type LibraryResolution } from './libraries'
import { locationName, placeSharedLibrary, type ExtensionPolicy } from './policy'

export type { Reason, ReasonCode } from '../report/schema'

/** A shared-library file shipped beside the binary. */
export interface StandaloneFile {
  /** Where it is now (absolute). */
  source: string
  /** Where it goes, relative to the side directory (`pkg/_mod.cpython-311-x86_64-linux-gnu.so`). */
  relative: string
}

/** The decision for one extension module. */
export interface ModulePlan {
  module: string
  origin: 'stdlib' | 'package'
  package: string | null
  /** The package's version (from its dist-info), when known. */
  version: string | null
  /** `standalone`: shipped as a shared-library file in the side directory beside the binary. */
  status: 'builtin' | 'standalone' | 'excluded' | 'failed'
  reasons: Reason[]
  /** Absolute object and archive paths to link (built-ins only). */
  objects: string[]
  /** The file to ship (standalone modules only). */
  standaloneFile: StandaloneFile | null
  /** `builtin`, `filesystem-relative:DIR`, `in-memory`, or null when the module is nowhere. */
  location: string | null
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
  policy: ExtensionPolicy
  searchDirs: string[]
  /** The target's C++ compiler driver on this machine, or null when it has none. */
  cxx: string | null
  includeStdlibTestModules: boolean
  /** With `--stdlib imported`: the stdlib modules found imported; the other stdlib extension modules are left out. */
  stdlibImported?: Set<string> | null
  records: CaptureRecord[]
  intents: Intent[]
  installed: InstalledExtension[]
  /** The site directory the installed extension files are relative to. */
  siteDir: string
  linkExtra: LinkExtra[]
}

function emptyPlan(module: string, origin: ModulePlan['origin'], pkg: string | null): ModulePlan {
  return {
    module,
    origin,
    package: pkg,
    version: null,
    status: 'builtin',
    reasons: [],
    objects: [],
    standaloneFile: null,
    location: 'builtin',
    initFunction: null,
    linkedInitFunction: null,
    libraries: [],
    language: 'c',
    capture: null
  }
}

/** Decides, per extension module, built-in / standalone / excluded / failed, with every reason. */
export function planModules(request: ResolveRequest): ModulePlan[] {
  const plans = [...planStdlib(request), ...planPackages(request), ...planLinkExtra(request)]
  const present = new Set(plans.map(p => p.module))
  for (const intent of request.intents) {
    for (const module of intent.modules) {
      if (present.has(module)) continue
      present.add(module)
      plans.push(
        excluded(emptyPlan(module, 'package', intent.package), {
          code: 'INTENDED_NOT_BUILT',
          message: `${intent.package} meant to build ${module} but produced no extension (a failed optional build); its pure-Python fallback, if any, is used`
        })
      )
    }
  }
  assignInitFunctionNames(plans)
  return plans
}

function planStdlib(request: ResolveRequest): ModulePlan[] {
  const { distribution, target, policy } = request
  const json = distribution.json
  const testModules = new Set(json.pyseal?.test_extensions ?? [])
  const plans: ModulePlan[] = []
  for (const [module, variants] of Object.entries(json.build_info.extensions).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const variant = variants[0]
    if (variant.in_core) continue
    const plan = emptyPlan(module, 'stdlib', null)
    plan.capture = 'distribution'
    plan.initFunction = variant.init_fn
    plan.linkedInitFunction = variant.init_fn
    // A required module (Setup.bootstrap: _signal, time, ...) is used by the interpreter itself.
    if (request.stdlibImported && !request.stdlibImported.has(module) && !variant.required) {
      plans.push(
        excluded(plan, {
          code: 'STDLIB_NOT_IMPORTED',
          message: `no import of it was found (--stdlib imported); keep it with --stdlib-include ${module}`
        })
      )
      continue
    }
    if (testModules.has(module) && !request.includeStdlibTestModules) {
      plans.push(
        excluded(plan, {
          code: 'STDLIB_TEST_MODULE_LEFT_OUT',
          message: "only CPython's own tests use it; kept with --stdlib-exclude none"
        })
      )
      continue
    }
    if (variant.objs.length === 0 && variant.shared_lib) {
      const file = path.join(distribution.root, variant.shared_lib)
      const standalone = standaloneOrExcluded(plan, policy, target, file, path.basename(file))
      if (standalone.status === 'standalone') {
        standalone.reasons.push({
          code: 'STANDALONE_SHARED_LIBRARY',
          message: `the distribution has it only as a shared library; shipped as ${policy.sideDirectory}/${path.basename(file)} beside the binary`
        })
      }
      plans.push(standalone)
      continue
    }
    plan.objects = variant.objs.map(o => path.join(distribution.root, o))
    plan.libraries = variant.links.map(link =>
      link.system || !link.path_static
        ? { name: link.name, kind: 'system' as const }
        : { name: link.name, kind: 'static' as const, path: path.join(distribution.root, link.path_static) }
    )
    plan.reasons.push({ code: 'STDLIB_BUILTIN', message: 'built into the distribution' })
    plans.push(plan)
  }
  for (const notBuilt of json.pyseal?.not_built ?? []) {
    plans.push(
      excluded(emptyPlan(notBuilt.module, 'stdlib', null), { code: 'STDLIB_NOT_BUILT', message: notBuilt.cause })
    )
  }
  return plans
}

function planPackages(request: ResolveRequest): ModulePlan[] {
  const { target, policy } = request
  const records = new Map(request.records.map(r => [r.module, r]))
  const declared = new Set(request.linkExtra.flatMap(l => (l.kind === 'module' ? [l.module] : [])))
  const plans: ModulePlan[] = []
  for (const file of request.installed) {
    if (declared.has(file.module)) continue
    const record = records.get(file.module)
    const plan = emptyPlan(
      file.module,
      'package',
      record?.package ?? file.distribution ?? packageOf(request.intents, file.module)
    )
    plan.capture = record?.capture ?? null
    plan.version = file.version ?? null
    const name = plan.package ? normalizeName(plan.package) : null
    const source = path.join(request.siteDir, file.file)

    if (name && policy.excludePackages.includes(name)) {
      plans.push(
        excluded(plan, {
          code: 'EXCLUDED_BY_POLICY',
          message: `${plan.package} is in exclude-packages, so ${file.module} is left out`
        })
      )
      continue
    }
    if (!record) {
      const noObjects: Reason = {
        code: 'NO_OBJECT_FILES',
        message: `${file.file} was built without passing through the compiler pyseal watches, so there are no object files to link`,
        hint: `declare its objects with --link-extra ${file.module}=OBJECTS, or build it with setuptools`
      }
      plans.push(standaloneOrExcluded({ ...plan, reasons: [noObjects] }, policy, target, source, file.file))
      continue
    }
    if (name && policy.standalonePackages.includes(name)) {
      const standalone = standaloneOrExcluded(plan, policy, target, source, file.file)
      standalone.reasons.unshift({
        code: 'STANDALONE_BY_POLICY',
        message: `${plan.package} is in standalone-packages, so ${file.module} stays a shared-library file`
      })
      plans.push(standalone)
      continue
    }
    plan.objects = record.objects
    plan.initFunction = record.init_fn
    plan.linkedInitFunction = record.init_fn
    plan.language = record.language
    plan.reasons.push({ code: 'BUILTIN', message: `objects captured through ${record.capture}` })
    if (record.language === 'c++' && !request.cxx) {
      plan.status = 'failed'
      plan.location = null
      plan.reasons.push({
        code: 'CXX_TOOLCHAIN_MISSING',
        message: `a C++ extension needs a C++ toolchain for ${target.triple}, and pyseal has none configured for it yet`
      })
    }
    const searchDirs = [...record.library_dirs, ...request.searchDirs]
    for (const library of record.libraries) {
      const resolved = resolveLibrary(library, target.toolchain, searchDirs)
      plan.libraries.push(resolved)
      if (resolved.kind === 'static') {
        plan.reasons.push({ code: 'LIBRARY_LINKED_STATIC', message: `lib${library} linked from ${resolved.path}` })
      } else if (resolved.kind === 'missing') {
        plan.status = 'failed'
        plan.location = null
        plan.reasons.push({
          code: 'LIBRARY_MISSING',
          message: `needs lib${library}, which has no static archive for ${target.triple}`,
          hint: `install its static library (lib${library}.a) or build it for the target`
        })
      }
    }
    // What cannot be built in may still ship as its shared-library file, where the policy allows.
    const fallback = plan.status === 'failed' ? standaloneOrExcluded(plan, policy, target, source, file.file) : null
    if (fallback?.status === 'standalone') {
      // Not built in after all: the captured objects go unused, the shared library loads what it needs.
      const reasons = fallback.reasons.filter(r => r.code !== 'BUILTIN')
      plans.push({ ...fallback, objects: [], reasons })
    } else {
      plans.push(plan)
    }
  }
  return plans
}

/** Modules the user compiled outside pip and declared with link-extra: built in from the given objects. */
function planLinkExtra(request: ResolveRequest): ModulePlan[] {
  return request.linkExtra.flatMap(extra => {
    if (extra.kind !== 'module') return []
    const plan = emptyPlan(extra.module, 'package', null)
    const installed = request.installed.find(i => i.module === extra.module)
    plan.package = installed?.distribution ?? null
    plan.objects = extra.paths
    plan.capture = 'link-extra'
    plan.initFunction = `PyInit_${extra.module.split('.').pop()}`
    plan.linkedInitFunction = plan.initFunction
    plan.reasons.push({
      code: 'LINKED_FROM_LINK_EXTRA',
      message: `built in from ${extra.paths.map(p => path.basename(p)).join(', ')} (--link-extra)`
    })
    return [plan]
  })
}

/** A module that exists only as a shared library: placed by the policy, or left out with the reasons. */
function standaloneOrExcluded(
  plan: ModulePlan,
  policy: ExtensionPolicy,
  target: Target,
  source: string,
  relative: string
): ModulePlan {
  const placement = placeSharedLibrary(policy, target, path.basename(source))
  if (!placement.location) {
    return { ...plan, status: 'excluded', location: null, reasons: [...plan.reasons, ...placement.reasons] }
  }
  return {
    ...plan,
    status: 'standalone',
    location: locationName(placement.location),
    standaloneFile: { source, relative },
    reasons: [...plan.reasons, ...placement.reasons]
  }
}

/** A module left out for one reason, with nothing to link. */
function excluded(plan: ModulePlan, reason: Reason): ModulePlan {
  return { ...plan, status: 'excluded', location: null, objects: [], reasons: [...plan.reasons, reason] }
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
