import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, rename, rm, symlink } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runCommand } from '../exec/run'

// How cargo builds a Rust extension (maturin, setuptools-rust) for the target: pip-install.ts
// adds this environment to every package build. cargo links the cdylib itself, never
// through CC or LDSHARED, so its linker for the target is named here: the compiler wrapper,
// which records the link's objects and .rlib's as it does a C module's. The machine's cargo
// builds; a target other than this machine's needs rustup's standard library for it.

/** Rust's triple for an extension platform tag: `x86_64-linux-musl` is `x86_64-unknown-linux-musl`. */
export function rustTriple(platformTag: string): string | null {
  const match = /^(x86_64|aarch64)-linux-(gnu|musl)$/.exec(platformTag)
  return match ? `${match[1]}-unknown-linux-${match[2]}` : null
}

/** This machine's Rust triple (cargo's default target). */
export function hostRustTriple(): string | null {
  const arch = { x64: 'x86_64', arm64: 'aarch64' }[os.arch() as string]
  return arch && process.platform === 'linux' ? `${arch}-unknown-linux-gnu` : null
}

/**
 * cargo's environment for the target: its linker is `linker` (the compiler wrapper); a target
 * other than this machine's is cargo's build target, so build scripts still link for this
 * machine with its own linker. A musl target: see muslUnwindDir.
 */
export async function cargoEnv(platformTag: string, linker: string, cacheRoot: string): Promise<NodeJS.ProcessEnv> {
  const triple = rustTriple(platformTag)
  if (!triple) return {}
  const env: NodeJS.ProcessEnv = { [`CARGO_TARGET_${triple.toUpperCase().replace(/-/g, '_')}_LINKER`]: linker }
  if (triple !== hostRustTriple()) {
    env.CARGO_BUILD_TARGET = triple
    // Build scripts ask pkg-config for the target's libraries (openssl-sys for OpenSSL); the
    // pkg-config pyseal gives a build answers for the target, which the crate refuses unless told.
    env.PKG_CONFIG_ALLOW_CROSS = '1'
  }
  if (triple.endsWith('-musl')) {
    const unwindDir = await muslUnwindDir(triple, cacheRoot)
    // The wrapper gives it to rustc's link: RUSTFLAGS would be lost to a build that sets its own.
    if (unwindDir) env.PYSEAL_RUST_UNWIND_DIR = unwindDir
  }
  return env
}

/**
 * rustc makes a musl cdylib only with crt-static off (maturin and setuptools-rust turn it off),
 * and then its std unwinds through `-lgcc_s`, which musl has not. rustup ships LLVM's
 * libunwind.a for musl (what std links when crt-static is on): a folder where it is named
 * libgcc_s.a gives the cdylib's link, and the built-in's after it, that unwinder. Null when
 * the machine's Rust has none.
 */
async function muslUnwindDir(triple: string, cacheRoot: string): Promise<string | null> {
  const sysroot = await runCommand({ command: 'rustc', args: ['--print', 'sysroot'] }).catch(() => null)
  if (!sysroot || sysroot.code !== 0) return null
  const unwind = path.join(sysroot.stdout.trim(), 'lib', 'rustlib', triple, 'lib', 'self-contained', 'libunwind.a')
  if (!existsSync(unwind)) return null
  const dir = path.join(
    cacheRoot,
    'rust',
    `${triple}-${createHash('sha256').update(unwind).digest('hex').slice(0, 12)}`
  )
  const named = path.join(dir, 'libgcc_s.a')
  if (!existsSync(named)) {
    await mkdir(dir, { recursive: true })
    // A symlink made aside and renamed: concurrent builds sharing the cache each see a whole one.
    const aside = `${named}.${process.pid}`
    await rm(aside, { force: true })
    await symlink(unwind, aside)
    await rename(aside, named)
  }
  return dir
}

/**
 * rustup's standard library for the target, added when the machine has rustup and lacks it:
 * without it every Rust extension of the build fails. Said in the log, never done silently.
 */
export async function ensureRustTarget(platformTag: string, log: (line: string) => void): Promise<void> {
  const triple = rustTriple(platformTag)
  if (!triple || triple === hostRustTriple()) return
  const installed = await runCommand({ command: 'rustup', args: ['target', 'list', '--installed'] }).catch(() => null)
  if (!installed || installed.code !== 0) return // no rustup: cargo, if any, builds only what it can
  if (installed.stdout.split('\n').some(line => line.trim() === triple)) return
  log(`  rustup target add ${triple} (Rust's standard library for the target, for Rust extension modules)`)
  const added = await runCommand({ command: 'rustup', args: ['target', 'add', triple] })
  if (added.code !== 0) log(`  rustup target add ${triple} failed: ${added.stderr.trim().split('\n').pop() ?? ''}`)
}
