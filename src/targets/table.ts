import { z } from 'zod'

/** How a triple's binaries are compiled and linked on the build machine. */
export const ToolchainSchema = z.object({
  /** C compiler driver for CPython, extensions, the launcher and the final link. */
  cc: z.string(),
  /** C++ compiler driver, when the host has one for the triple (see zigCxxTarget otherwise). */
  cxx: z.string().nullable(),
  /** Flags the final link takes when C++ objects are in it (the C++ runtime, linked statically). */
  cxxLinkFlags: z.array(z.string()),
  /**
   * When the host has no C++ library for the triple: the zig target whose `zig c++`
   * (clang with libc++ built for it) compiles the C++ and drives the final link.
   */
  zigCxxTarget: z.string().nullable(),
  ar: z.string(),
  ld: z.string(),
  objcopy: z.string(),
  nm: z.string(),
  /** Link flags every executable for this triple gets. */
  linkFlags: z.array(z.string()),
  /**
   * Where the linker looks for libraries, when the compiler driver cannot say
   * (musl-gcc answers -print-search-dirs with the host gcc's glibc directories).
   * Null: ask the compiler.
   */
  libraryDirs: z.array(z.string()).nullable(),
  /** Libraries that stay dynamic (the C library's own parts); every other one links statically. */
  systemLibraries: z.array(z.string()),
  /** Debian packages that provide this toolchain. */
  debianPackages: z.array(z.string())
})
export type Toolchain = z.infer<typeof ToolchainSchema>

export const TargetSchema = z.object({
  triple: z.string(),
  os: z.enum(['linux', 'macos', 'windows']),
  arch: z.enum(['x86_64', 'aarch64']),
  libc: z.enum(['gnu', 'musl', 'darwin', 'msvc']),
  objectFormat: z.enum(['elf', 'mach-o', 'coff']),
  aliases: z.array(z.string()),
  toolchain: ToolchainSchema,
  capabilities: z.object({
    canLoadSharedLibraries: z.boolean(),
    inMemorySharedLibraries: z.boolean(),
    staticOnly: z.boolean()
  })
})
export type Target = z.infer<typeof TargetSchema>

const glibcParts = ['c', 'm', 'dl', 'pthread', 'rt', 'util', 'resolv']

/** The triples pyseal builds on this kind of machine; more rows come with cross toolchains. */
export const TARGETS: readonly Target[] = [
  {
    triple: 'x86_64-unknown-linux-gnu',
    os: 'linux',
    arch: 'x86_64',
    libc: 'gnu',
    objectFormat: 'elf',
    aliases: ['linux-x64', 'linux-x86_64', 'x86_64-linux-gnu'],
    toolchain: {
      cc: 'gcc',
      cxx: 'g++',
      cxxLinkFlags: ['-static-libstdc++', '-static-libgcc'],
      zigCxxTarget: null,
      ar: 'ar',
      ld: 'ld',
      objcopy: 'objcopy',
      nm: 'nm',
      linkFlags: ['-Wl,--export-dynamic'],
      libraryDirs: null,
      systemLibraries: glibcParts,
      debianPackages: ['build-essential', 'binutils']
    },
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: false, staticOnly: false }
  },
  {
    triple: 'x86_64-unknown-linux-musl',
    os: 'linux',
    arch: 'x86_64',
    libc: 'musl',
    objectFormat: 'elf',
    aliases: ['linux-musl-x64', 'linux-musl-x86_64', 'x86_64-linux-musl'],
    toolchain: {
      cc: 'musl-gcc',
      cxx: null,
      cxxLinkFlags: [],
      zigCxxTarget: 'x86_64-linux-musl',
      ar: 'ar',
      ld: 'ld',
      objcopy: 'objcopy',
      nm: 'nm',
      linkFlags: ['-static'],
      libraryDirs: ['/usr/lib/x86_64-linux-musl'],
      systemLibraries: [],
      debianPackages: ['musl-tools', 'musl-dev']
    },
    capabilities: { canLoadSharedLibraries: false, inMemorySharedLibraries: false, staticOnly: true }
  }
]

export class UnknownTargetError extends Error {
  constructor(value: string) {
    const valid = TARGETS.map(t => `${t.triple} (${t.aliases.join(', ')})`).join('; ')
    super(`Unknown target "${value}". Valid targets: ${valid}.`)
    this.name = 'UnknownTargetError'
  }
}

/** Finds a target by triple or alias. */
export function findTarget(value: string): Target {
  const wanted = value.trim().toLowerCase()
  const target = TARGETS.find(t => t.triple === wanted || t.aliases.includes(wanted))
  if (!target) throw new UnknownTargetError(value)
  return target
}

/** The triple of the machine running pyseal, as the default target. */
export function hostTriple(): string {
  const arch = process.arch === 'arm64' ? 'aarch64' : 'x86_64'
  if (process.platform === 'linux') return `${arch}-unknown-linux-gnu`
  if (process.platform === 'darwin') return `${arch}-apple-darwin`
  return `${arch}-pc-windows-msvc`
}
