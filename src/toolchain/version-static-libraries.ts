import path from 'node:path'
import type { Target } from '../targets/table'
import { buildStaticDeps } from './static-deps'
import { LIBZSTD_RECIPE, type StaticLibraryRecipe } from './static-deps-recipes'
import type { BuildToolchain } from './toolchain-env'

/**
 * Static libraries that only some CPython versions need, beside a target's base set
 * (toolchain-env.ts): CPython 3.14's `_zstd` needs libzstd. On musl they are built
 * into a prefix of their own, so the base prefix, and with it the key of every build
 * of an older CPython, stays what it was; on glibc the system's `-dev` packages
 * provide them (scripts/setup-system.sh installs libzstd-dev). Called by
 * distribution/source-build.ts with the version read from the source tarball,
 * before the build's key is made.
 */

/** Each library with the first CPython version (major, minor) that needs it. */
const VERSION_LIBRARIES: readonly { since: readonly [number, number]; recipe: StaticLibraryRecipe }[] = [
  { since: [3, 14], recipe: LIBZSTD_RECIPE }
]

/** A built prefix of version libraries. */
export interface VersionLibraries {
  /** The prefix's key, part of the CPython build's key. */
  key: string
  /** Holds include/, lib/ and lib/pkgconfig/. */
  prefix: string
}

/** The recipes a CPython version (`3.14.7`) needs beyond its target's base set. */
export function versionRecipes(version: string): StaticLibraryRecipe[] {
  const [major, minor] = version.split('.').map(Number)
  return VERSION_LIBRARIES.filter(({ since }) => major > since[0] || (major === since[0] && minor >= since[1])).map(
    library => library.recipe
  )
}

/** Builds (or reuses) the prefix of the libraries `version` needs for a musl target; null when there is none. */
export async function buildVersionLibraries(
  target: Target,
  version: string,
  cacheRoot: string,
  log: (line: string) => void
): Promise<VersionLibraries | null> {
  // zig's musl targets have libzstd in their base prefix (floor-toolchain.ts's recipes), as a glibc floor does.
  if (target.libc !== 'musl' || target.toolchain.zigTarget) return null
  const recipes = versionRecipes(version)
  if (recipes.length === 0) return null
  const deps = await buildStaticDeps({ cacheRoot, libc: 'musl', log, recipes })
  return { key: deps.key, prefix: deps.prefix }
}

/** The toolchain that also finds the version libraries' headers, archives and pkg-config files. */
export function withVersionLibraries(toolchain: BuildToolchain, libraries: VersionLibraries | null): BuildToolchain {
  if (!libraries) return toolchain
  const { env } = toolchain
  const join = (separator: string, ...parts: (string | undefined)[]): string =>
    parts.filter(part => part !== undefined && part !== '').join(separator)
  return {
    ...toolchain,
    env: {
      ...env,
      CPPFLAGS: join(' ', env.CPPFLAGS, `-I${path.join(libraries.prefix, 'include')}`),
      LDFLAGS: join(' ', env.LDFLAGS, `-L${path.join(libraries.prefix, 'lib')}`),
      PKG_CONFIG_LIBDIR: join(':', env.PKG_CONFIG_LIBDIR, path.join(libraries.prefix, 'lib', 'pkgconfig'))
    },
    libraryDirs: [...toolchain.libraryDirs, path.join(libraries.prefix, 'lib')]
  }
}
