import path from 'node:path'
import { emptyPlan, excluded, standaloneOrExcluded, type ModulePlan, type ResolveRequest } from './module-plan'

/** The distribution's own extension modules: built in, left out (with the flag that keeps them), or standalone. */
export function planStdlib(request: ResolveRequest): ModulePlan[] {
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
          message:
            standalone.location === 'in-memory'
              ? 'the distribution has it only as a shared library; embedded in the binary, loaded from memory'
              : `the distribution has it only as a shared library; shipped as ${policy.sideDirectory}/${path.basename(file)} beside the binary`
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
