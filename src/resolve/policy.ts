import type { BuildInputs, ExtensionLocation } from '../inputs/schema'
import type { Reason } from '../report/schema'
import type { Target } from '../targets/table'

/** What may happen to an extension module that is not built in, for one target. */
export interface ExtensionPolicy {
  flavor: 'static' | 'dynamic'
  locations: ExtensionLocation[]
  allowInMemory: boolean
  excludePackages: string[]
  standalonePackages: string[]
  /** The directory beside the binary that shared-library files go to (the first filesystem-relative location). */
  sideDirectory: string | null
}

/** The policy from the inputs, with the target's default flavor (static where the binary is static-only). */
export function extensionPolicy(inputs: BuildInputs, target: Target): ExtensionPolicy {
  const flavor = target.capabilities.staticOnly ? 'static' : (inputs.flavor ?? 'dynamic')
  const fileLocation = inputs.extensionLocations.find(l => l.kind === 'filesystem-relative')
  return {
    flavor,
    locations: inputs.extensionLocations,
    allowInMemory: inputs.allowInMemorySharedLibraryLoading,
    excludePackages: inputs.excludePackages,
    standalonePackages: inputs.standalonePackages,
    sideDirectory: fileLocation?.kind === 'filesystem-relative' ? fileLocation.dir : null
  }
}

/** Where a module that exists only as a shared library goes, or null, with the reasons for the choice. */
export interface Placement {
  location: ExtensionLocation | null
  reasons: Reason[]
}

/**
 * Tries the policy's locations in order for a shared-library module, like
 * PyOxidizer's location and fallback: in-memory where the target can load from
 * memory (with the system's own loader, or with one of its own that the policy
 * allows); a file beside the binary where the target loads shared libraries at all. Built-ins-only flavors and targets place nothing.
 */
export function placeSharedLibrary(policy: ExtensionPolicy, target: Target, file: string): Placement {
  if (target.capabilities.staticOnly) {
    return {
      location: null,
      reasons: [{ code: 'MUSL_BUILTIN_ONLY', message: `${target.triple} binaries are static and cannot load ${file}` }]
    }
  }
  if (policy.flavor === 'static') {
    return {
      location: null,
      reasons: [
        {
          code: 'STATIC_FLAVOR_BUILTIN_ONLY',
          message: `the static flavor ships built-ins only, so ${file} is left out`,
          hint: 'use --flavor dynamic to keep it as a shared library, loaded from memory or beside the binary'
        }
      ]
    }
  }
  const reasons: Reason[] = []
  for (const location of policy.locations) {
    if (location.kind === 'in-memory') {
      const inMemory = target.capabilities.inMemorySharedLibraries
      if (inMemory === 'none') {
        reasons.push({
          code: 'IN_MEMORY_SHARED_LIBRARY_UNSUPPORTED',
          message: `${target.triple} binaries cannot load a shared library from memory`
        })
        continue
      }
      if (inMemory === 'own-loader' && !policy.allowInMemory) {
        reasons.push({
          code: 'IN_MEMORY_SHARED_LIBRARY_DISALLOWED',
          message: 'in-memory loading was not allowed',
          hint: 'pass --allow-in-memory-shared-library-loading to allow it'
        })
        continue
      }
      reasons.push(loadedFromMemory(file, inMemory))
      return { location, reasons }
    }
    if (target.capabilities.canLoadSharedLibraries) return { location, reasons }
  }
  reasons.push({
    code: 'SHARED_LIBRARY_NOT_LOADABLE',
    message: `no extension location works for ${file} on ${target.triple}`,
    hint: 'add filesystem-relative:lib to --extension-location'
  })
  return { location: null, reasons }
}

/** LOADED_FROM_MEMORY: how the module is loaded, and what that needs where it runs. */
function loadedFromMemory(file: string, loader: 'system-loader' | 'own-loader'): Reason {
  if (loader === 'own-loader') {
    return {
      code: 'LOADED_FROM_MEMORY',
      message: `${file} is embedded in the executable and loaded from memory on import`
    }
  }
  return {
    code: 'LOADED_FROM_MEMORY',
    message:
      `${file} is embedded in the executable and loaded from memory on import ` +
      "(a memfd the system's loader maps through /proc/self/fd): no file beside the binary, none written to disk",
    hint: 'needs Linux 3.17 or later and /proc mounted where it runs; --extension-location filesystem-relative:lib ships it beside the binary instead'
  }
}

/** The report's word for a location. */
export function locationName(location: ExtensionLocation): string {
  return location.kind === 'in-memory' ? 'in-memory' : `filesystem-relative:${location.dir}`
}
