import path from 'node:path'
import type { CaptureRecord, Intent } from '../packages/capture-records'
import type { InstalledExtension } from '../packages/installed-extensions'
import type { Distribution } from '../distribution/python-json'
import type { LinkExtra } from '../inputs/schema'
import type { BuiltLibraries } from '../libraries/built-libraries'
import type { LibraryProvider } from '../libraries/library-provider'
import type { Reason } from '../report/schema'
import type { Target } from '../targets/table'
import type { LibraryResolution } from './libraries'
import { locationName, placeSharedLibrary, type ExtensionPolicy } from './policy'

// The resolve stage's vocabulary: one module's plan and the request that the planners
// (plan-stdlib.ts, plan-packages.ts, modules.ts) share, and the small steps they all take.

/** A shared-library file shipped beside the binary. */
export interface StandaloneFile {
  /** Where it is now (absolute). */
  source: string
  /** Where it goes, relative to the side directory (`pkg/_mod.cpython-311-x86_64-linux-gnu.so`). */
  relative: string
}

/** A module loaded from memory (`in-memory`): what the archive holds for it (src/resolve/memory-images.ts). */
export interface MemoryImage {
  /** The module's member, at its package path (`pkg/_mod.cpython-314-x86_64-linux-gnu.so`). */
  member: string
  /** The libraries it needs, dependencies before dependents: the file embedded and its member. */
  libraries: Array<{ source: string; member: string }>
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
  /** Absolute object paths to link, and archives taken whole (built-ins only). */
  objects: string[]
  /** Static archives of the module's own link, members taken as its objects need them (built-ins only). */
  archives: string[]
  /** The module as one relocatable object with its symbols made private, once made (src/link/localize.ts). */
  localized: string | null
  /** The file to ship (standalone modules only). */
  standaloneFile: StandaloneFile | null
  /** Set for a standalone module placed `in-memory`, once its libraries are found. */
  memoryImage: MemoryImage | null
  /** `builtin`, `filesystem-relative:DIR`, `in-memory`, or null when the module is nowhere. */
  location: string | null
  /** The init function as compiled, and the name it has in the binary. */
  initFunction: string | null
  linkedInitFunction: string | null
  libraries: LibraryResolution[]
  language: 'c' | 'c++' | 'rust'
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
  /** Builds the libraries packages link, for the target (musl, a glibc floor); null or absent: none is built. */
  libraries?: LibraryProvider | null
  /** What resolveModules found built from the provider's recipes (set by it, not by callers). */
  builtLibraries?: BuiltLibraries | null
}

/** A plan with no decision yet: built in, nothing to link. */
export function emptyPlan(module: string, origin: ModulePlan['origin'], pkg: string | null): ModulePlan {
  return {
    module,
    origin,
    package: pkg,
    version: null,
    status: 'builtin',
    reasons: [],
    objects: [],
    archives: [],
    localized: null,
    standaloneFile: null,
    memoryImage: null,
    location: 'builtin',
    initFunction: null,
    linkedInitFunction: null,
    libraries: [],
    language: 'c',
    capture: null
  }
}

/** A module that exists only as a shared library: placed by the policy, or left out with the reasons. */
export function standaloneOrExcluded(
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
export function excluded(plan: ModulePlan, reason: Reason): ModulePlan {
  return { ...plan, status: 'excluded', location: null, objects: [], archives: [], reasons: [...plan.reasons, reason] }
}
