import { sha256File } from '../cache/hash'
import { UserError } from '../errors/user-error'
import { runCommand } from '../exec/run'
import type { GlibcFloor } from './glibc-floor'
import type { HostedTarget } from './select-toolchain'
import type { GlibcFloorDriverSet } from './static-deps-compilers'
import { LIBZSTD_RECIPE, STATIC_LIBRARY_RECIPES, type StaticLibraryRecipe } from './static-deps-recipes'
import { ensureZigDrivers, zigDriversIdentity } from './zig'

/**
 * A gnu target built for a glibc floor: the target's toolchain with zig's compilers for
 * `<arch>-linux-gnu.<floor>` in place of gcc (zig.ts writes them), so CPython, its static
 * libraries, every extension and the final link compile against that glibc's headers and
 * link against its symbol versions. zig was chosen because one pinned download carries
 * every glibc release's symbol tables and a C++ library it builds for the target: no
 * container, sysroot or older build machine. The binutils (ar, ld -r, objcopy, nm) stay
 * the table's. The pipeline calls this once the table's toolchain is checked.
 */

/** The target with the floor's compilers; `host` (or a target without glibc) leaves it as it is. */
export async function withGlibcFloor(
  target: HostedTarget,
  floor: GlibcFloor | null,
  cacheRoot: string,
  log: (line: string) => void
): Promise<HostedTarget> {
  if (floor === null || floor === 'host' || target.glibcFloor !== 'host') return target
  const zigTarget = target.toolchain.zigGlibcTarget
  if (!zigTarget) throw new Error(`${target.triple} has no zig target for a glibc floor`)
  const libgcc = await libgccArchive(target.toolchain.cc)
  const drivers = await ensureZigDrivers(cacheRoot, `${zigTarget}.${floor}`, libgcc, log)
  return {
    ...target,
    glibcFloor: floor,
    toolchain: {
      ...target.toolchain,
      cc: drivers.cc,
      cxx: drivers.cxx,
      // zig links its libc++, built for the floor, statically by itself.
      cxxLinkFlags: [],
      // Libraries come from the static-deps prefix only (toolchain-env.ts), never from the host's -dev archives.
      libraryDirs: []
    }
  }
}

/** The drivers of a target withGlibcFloor prepared, for the static libraries (zigDriversIdentity says what keys them). */
export async function glibcFloorDriverSet(target: HostedTarget, cacheRoot: string): Promise<GlibcFloorDriverSet> {
  const { glibcFloor, toolchain } = target
  if (glibcFloor === null || glibcFloor === 'host' || !toolchain.cxx) {
    throw new Error(`${target.triple} has no glibc floor drivers`)
  }
  const identity = await zigDriversIdentity({ cc: toolchain.cc, cxx: toolchain.cxx }, cacheRoot)
  return { floor: glibcFloor, cc: toolchain.cc, ar: toolchain.ar, identity }
}

/**
 * gcc's libgcc.a for the target, with its sha256 (the drivers name both, so a new gcc is
 * a new toolchain identity). The drivers link it before zig's compiler-rt (zig.ts says why).
 */
async function libgccArchive(gcc: string): Promise<{ path: string; sha256: string }> {
  const result = await runCommand({ command: gcc, args: ['-print-libgcc-file-name'] })
  const file = result.stdout.trim()
  if (result.code !== 0 || !file.endsWith('.a')) {
    throw new UserError({
      input: `${gcc} -print-libgcc-file-name`,
      cause: `names no libgcc.a (${result.code !== 0 ? `exit ${result.code}` : `"${file}"`})`,
      fix: 'install gcc for the target (scripts/setup-system.sh does), or give --glibc host'
    })
  }
  return { path: file, sha256: await sha256File(file) }
}

/**
 * The static libraries a glibc floor's CPython links, and a musl target's built through
 * zig (zig-toolchain.ts): musl's set, and libzstd in the same prefix (no older keys to
 * keep apart), for the target's architecture: OpenSSL configured for it, and autotools
 * told the target (`--host`) when it is not this machine's.
 */
export function floorRecipes(target: Pick<HostedTarget, 'arch' | 'configureHost'>): StaticLibraryRecipe[] {
  return [...STATIC_LIBRARY_RECIPES, LIBZSTD_RECIPE].map(recipe => recipeForTarget(recipe, target))
}

/** A recipe for the target's architecture: OpenSSL configured for it, autotools told the target when it is not this machine's. */
export function recipeForTarget<R extends StaticLibraryRecipe>(
  recipe: R,
  target: Pick<HostedTarget, 'arch' | 'configureHost'>
): R {
  const forTarget = (argv: readonly string[]): string[] => {
    const words = argv.map(word => (word === 'linux-x86_64' ? `linux-${target.arch}` : word))
    // autotools' configure (zlib's own takes no --host: it compiles with CC as given)
    const autotools = words[0] === './configure' && words.includes('--enable-static')
    return autotools && target.configureHost ? [...words, `--host=${target.configureHost}`] : words
  }
  return { ...recipe, steps: recipe.steps.map(step => ({ ...step, argv: forTarget(step.argv) })) }
}
