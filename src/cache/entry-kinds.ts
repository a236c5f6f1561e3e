/**
 * Every kind of cache entry pyseal makes, with its recipe version: the one place a
 * recipe version is declared. Bump a kind's `recipeVersion` when the way it is made
 * changes what it holds. Kinds keyed by a content hash put the version into the hash
 * (old and new entries then live side by side); every entry's manifest records it,
 * and the cache-entry primitive (cached-entry.ts) rebuilds an entry made by another
 * recipe, so kinds named by version or checksum (zig, downloads) follow a bump too.
 */
export interface EntryKind {
  /** Recorded in each entry's manifest. */
  name: string
  /** How log lines name an entry, before its key: `packages 1a2b…`. */
  noun: string
  /** The noun is plural ("packages … are damaged"). */
  plural: boolean
  /** What log lines say was done to make one: built, downloaded, unpacked, installed. */
  made: string
  recipeVersion: number
  /**
   * What is checked each time an entry is reused: `sha256` hashes every file against
   * the manifest; `files` checks that every listed file is there (entries of hundreds
   * of megabytes, hashed only when restored from GitHub's cache).
   */
  check: 'sha256' | 'files'
  /**
   * For entries made before manifests marked completion: the file (relative to the
   * entry) whose presence said the entry was complete. Still written by the recipes,
   * so pyseal versions that know only it keep reading this cache.
   */
  legacyMarker?: string
}

/** CPython built from a source tarball (distribution/source-build.ts), in the PYTHON.json layout. */
export const CPYTHON_BUILD: EntryKind = {
  name: 'cpython',
  noun: 'CPython',
  plural: false,
  made: 'built',
  recipeVersion: 7,
  check: 'files',
  legacyMarker: 'PYTHON.json'
}

/** A python-build-standalone full archive, unpacked (distribution/pbs.ts). */
export const PBS_DISTRIBUTION: EntryKind = {
  name: 'pbs',
  noun: 'python-build-standalone',
  plural: false,
  made: 'unpacked',
  recipeVersion: 1,
  check: 'files',
  legacyMarker: 'python/PYTHON.json'
}

/** The project installed from source with its captured objects (packages/build-packages.ts). */
export const PACKAGES: EntryKind = {
  name: 'packages',
  noun: 'packages',
  plural: true,
  made: 'built',
  recipeVersion: 5,
  check: 'sha256',
  legacyMarker: 'build.json'
}

/** The requirements and the project's dependencies (packages/dependency-layer.ts): the packages' recipe. */
export const DEPENDENCY_LAYER: EntryKind = { ...PACKAGES, name: 'dependencies', noun: 'dependencies' }

/** The static C libraries for musl (toolchain/static-deps.ts); its manifest.json names the libraries. */
export const STATIC_DEPS: EntryKind = {
  name: 'static-deps',
  noun: 'static libraries',
  plural: true,
  made: 'built',
  recipeVersion: 2,
  check: 'sha256',
  legacyMarker: 'manifest.json'
}

/** zig, installed from its pinned wheel (toolchain/zig.ts). */
export const ZIG: EntryKind = {
  name: 'zig',
  noun: 'zig',
  plural: false,
  made: 'installed',
  recipeVersion: 1,
  check: 'files',
  legacyMarker: 'ziglang/zig'
}

/** Symlinks to the Linux kernel headers musl-gcc lacks (toolchain/musl-kernel-headers.ts). */
export const KERNEL_HEADERS: EntryKind = {
  name: 'kernel-headers',
  noun: 'kernel headers',
  plural: true,
  made: 'linked',
  recipeVersion: 1,
  check: 'sha256',
  legacyMarker: 'linux'
}

/** One verified download: a CPython source tarball or a python-build-standalone archive (cache/download.ts). */
export const DOWNLOAD: EntryKind = {
  name: 'download',
  noun: 'download',
  plural: false,
  made: 'downloaded',
  recipeVersion: 1,
  check: 'sha256'
}
