import path from 'node:path'
import type { CaptureRecord, Intent } from '../packages/capture-records'
import { normalizeName } from '../utils/package-name'
import type { Reason } from '../report/schema'
import { missingLibraryReason, staticLibraryReason } from '../libraries/built-libraries'
import { resolveLibrary } from './libraries'
import { isRustSharedLibrary, rustNoObjectFilesHint } from './rust-hints'
import { emptyPlan, excluded, standaloneOrExcluded, type ModulePlan, type ResolveRequest } from './module-plan'

/** The extension modules pip installed: built in from their captured objects, or placed by the policy. */
export function planPackages(request: ResolveRequest): ModulePlan[] {
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
          message: `${plan.package} is in exclude-packages, so ${file.module} is left out`,
          hint: `take ${plan.package} out of --exclude-packages to build it in`
        })
      )
      continue
    }
    if (!record) {
      const noObjects: Reason = {
        code: 'NO_OBJECT_FILES',
        message: `${file.file} was built without passing through the compiler pyseal watches, so there are no object files to link`,
        hint: isRustSharedLibrary(source)
          ? rustNoObjectFilesHint(file.module)
          : `declare its objects with --link-extra ${file.module}=OBJECTS, or build it with setuptools`
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
    builtInFromRecord(plan, record, request)
    // What cannot be built in may still ship as its shared-library file, where the policy allows.
    const fallback = plan.status === 'failed' ? standaloneOrExcluded(plan, policy, target, source, file.file) : null
    if (fallback?.status === 'standalone') {
      // Not built in after all: the captured objects go unused, the shared library loads what it needs.
      const reasons = fallback.reasons.filter(r => r.code !== 'BUILTIN')
      plans.push({ ...fallback, objects: [], archives: [], reasons })
    } else {
      plans.push(plan)
    }
  }
  return plans
}

/** A captured module made a built-in from its record: objects, init function, libraries resolved (failed if one is missing). */
function builtInFromRecord(plan: ModulePlan, record: CaptureRecord, request: ResolveRequest): void {
  const { target } = request
  plan.objects = [...record.objects, ...record.whole_archives]
  plan.archives = record.archives
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
  const built = request.builtLibraries ?? null
  const searchDirs = [...record.library_dirs, ...request.searchDirs, ...(built?.searchDirs ?? [])]
  for (const library of record.libraries) {
    const resolved = resolveLibrary(library, target.toolchain, searchDirs)
    plan.libraries.push(resolved)
    if (resolved.kind === 'static') {
      plan.reasons.push(staticLibraryReason(library, resolved.path, built))
    } else if (resolved.kind === 'missing') {
      plan.status = 'failed'
      plan.location = null
      plan.reasons.push(missingLibraryReason(library, target.triple, built))
    }
  }
}

/** Modules the user compiled outside pip and declared with link-extra: built in from the given objects. */
export function planLinkExtra(request: ResolveRequest): ModulePlan[] {
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

function packageOf(intents: Intent[], module: string): string | null {
  return intents.find(i => i.modules.includes(module))?.package ?? null
}
