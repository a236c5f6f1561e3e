import path from 'node:path'
import { runChecked } from '../exec/run'
import type { Distribution } from '../distribution/python-json'
import { packageRoot } from '../utils/package-root'

// The capture shim (python/pyseal_capture): installed into the build Python's
// site-packages, and the compiler wrapper environment that routes every build
// backend's compiler and linker calls through it.

/** The capture shim goes into the build Python's site-packages, so every build backend's compiler calls meet it. */
export async function installCaptureShim(buildDistribution: Distribution): Promise<void> {
  const python = path.join(buildDistribution.root, buildDistribution.json.python_exe)
  const purelib = path.join(buildDistribution.root, String(buildDistribution.json.python_paths.purelib ?? ''))
  await runChecked({
    command: python,
    args: ['-m', 'pyseal_capture', 'install', '--site-packages', purelib],
    env: { ...process.env, PYTHONPATH: path.join(packageRoot(), 'python') }
  })
}

/**
 * Builds that never touch distutils (meson-python, scikit-build-core, custom
 * commands) are caught by pointing CC/CXX/LDSHARED at the capture shim's compiler
 * wrapper, which runs the real compiler and records shared-object links; cargo's link of a
 * Rust extension too, as cargo's linker for the target (cargo-env.ts).
 */
export function compilerWrapperEnv(env: NodeJS.ProcessEnv, cxx: string | null): NodeJS.ProcessEnv {
  const bin = path.join(packageRoot(), 'python', 'pyseal_capture', 'bin')
  const realCc = env.CC ?? 'cc'
  return {
    CC: path.join(bin, 'pyseal-cc'),
    CXX: path.join(bin, 'pyseal-c++'),
    LDSHARED: `${path.join(bin, 'pyseal-cc')} -shared`,
    LDCXXSHARED: `${path.join(bin, 'pyseal-c++')} -shared`,
    PYSEAL_REAL_CC: realCc,
    PYSEAL_REAL_CXX: cxx ?? 'c++'
  }
}

/** The compiler wrapper as a linker (cargo's, cargo-env.ts). */
export function compilerWrapperLinker(): string {
  return path.join(packageRoot(), 'python', 'pyseal_capture', 'bin', 'pyseal-cc')
}

/**
 * For a target whose libraries pyseal builds (musl, a glibc floor): the compiler wrapper
 * and the pkg-config, xml2-config and xslt-config shims ask the library server at
 * `socket` for what a build misses, and the host's include and library directories are
 * dropped from every compiler call (python/pyseal_capture/libraries.py).
 */
export function libraryShimEnv(env: NodeJS.ProcessEnv, socket: string): NodeJS.ProcessEnv {
  const shims = path.join(packageRoot(), 'python', 'pyseal_capture', 'shims')
  return {
    PATH: [shims, env.PATH ?? process.env.PATH].filter(Boolean).join(path.delimiter),
    PYSEAL_LIBRARY_SOCKET: socket,
    PYSEAL_DROP_HOST_PATHS: '1'
  }
}
