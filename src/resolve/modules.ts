import { ensureRecordLibraries } from '../libraries/built-libraries'
import { checkCapturedLinks } from './link-check'
import { planMemoryImages } from './memory-images'
import { emptyPlan, excluded, type ModulePlan, type ResolveRequest } from './module-plan'
import { planLinkExtra, planPackages } from './plan-packages'
import { planStdlib } from './plan-stdlib'

export type { Reason, ReasonCode } from '../report/schema'
export type { ModulePlan, ResolveRequest, StandaloneFile } from './module-plan'

/**
 * The resolve stage (src/pipeline.ts): every module planned, then each captured
 * built-in made into its relocatable object in workDir and linked alone; one that
 * does not link falls back (src/resolve/link-check.ts); the libraries of a module
 * loaded from memory are found (src/resolve/memory-images.ts).
 */
export async function resolveModules(request: ResolveRequest & { workDir: string }): Promise<ModulePlan[]> {
  const { libraries, records, target, searchDirs } = request
  // Libraries the modules link that pyseal builds for the target: built now if the packages came from the cache.
  const builtLibraries = libraries ? await ensureRecordLibraries(records, libraries, target, searchDirs) : null
  const planned = { ...request, builtLibraries }
  const plans = await checkCapturedLinks({ ...planned, plans: planModules(planned) })
  await planMemoryImages(plans, request)
  return plans
}

/** Decides, per extension module, built-in / standalone / excluded / failed, with every reason. */
export function planModules(request: ResolveRequest): ModulePlan[] {
  const plans = [...planStdlib(request), ...planPackages(request), ...planLinkExtra(request)]
  const present = new Set(plans.map(p => p.module))
  for (const intent of request.intents) {
    for (const module of intent.modules) {
      if (present.has(module)) continue
      present.add(module)
      // Dropped before its build started: the package's own choice (an optional library not found for the target).
      const why =
        intent.building && !intent.building.includes(module)
          ? `${intent.package} left ${module} out of its build (it did not find an optional library the module needs for the target)`
          : `${intent.package} meant to build ${module} but produced no extension (a failed optional build)`
      plans.push(
        excluded(emptyPlan(module, 'package', intent.package), {
          code: 'INTENDED_NOT_BUILT',
          message: `${why}; its pure-Python fallback, if any, is used`
        })
      )
    }
  }
  assignInitFunctionNames(plans)
  return plans
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
