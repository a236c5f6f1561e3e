import { z } from 'zod'
import { UserError } from '../errors/user-error'
import { didYouMean } from '../inputs/suggest'
import { darwinToolchain, gnuToolchain, muslToolchain, windowsParts, zigMuslToolchain } from './toolchains'

/** How a toolchain gets onto a machine that lacks it. */
export const ToolchainInstallSchema = z.discriminatedUnion('kind', [
  /** Debian/Ubuntu packages (GitHub's Linux runners, this project's machines). */
  z.object({ kind: z.literal('apt'), packages: z.array(z.string()) }),
  /** Xcode's command line tools (preinstalled on GitHub's macOS runners; `xcode-select --install` elsewhere). */
  z.object({ kind: z.literal('xcode') }),
  /** Visual Studio's C++ build tools, whose environment is found with vswhere (preinstalled on GitHub's Windows runners). */
  z.object({ kind: z.literal('msvc'), arch: z.enum(['x64', 'arm64']) })
])
export type ToolchainInstall = z.infer<typeof ToolchainInstallSchema>

/** How a triple's binaries are compiled and linked on one kind of build machine. */
export const ToolchainSchema = z.object({
  /** C compiler driver for CPython, extensions, the launcher and the final link. */
  cc: z.string(),
  /** C++ compiler driver, when the host has one for the triple (see zigCxxTarget otherwise). */
  cxx: z.string().nullable(),
  /** Flags the final link takes when C++ objects are in it (the C++ runtime, linked statically). */
  cxxLinkFlags: z.array(z.string()),
  /** No C++ library for the triple on the host: the zig target whose `zig c++` (clang, libc++) compiles C++ and links. */
  zigCxxTarget: z.string().nullable(),
  /** glibc targets: the zig target whose compilers, at `<it>.<floor>`, link for an older glibc (floor-toolchain.ts). */
  zigGlibcTarget: z.string().nullable(),
  /** The zig target that compiles C and C++ for the triple: cc and cxx then name the drivers pyseal writes into
   * its cache (zig-toolchain.ts puts them in place), not commands on PATH. Null: the compilers named are the host's. */
  zigTarget: z.string().nullable(),
  /** Static-library archiver (`ar`, `lib.exe`). */
  ar: z.string(),
  /** Linker that merges objects into one relocatable object (`ld -r`) before symbols are made private. */
  ld: z.string(),
  /** The objcopy-equivalent that makes an extension's symbols private. Null where the object format does it another
   * way (Mach-O: `ld -r -exported_symbols_list`; COFF: nothing leaves a static link but what the linker resolves). */
  objcopy: z.string().nullable(),
  /** Symbol lister (`nm`, `dumpbin`). */
  nm: z.string(),
  /** Link flags every executable for this triple gets. */
  linkFlags: z.array(z.string()),
  /** Where the linker looks for libraries, when the compiler driver cannot say (musl-gcc answers
   * -print-search-dirs with the host gcc's glibc directories). Null: ask the compiler. */
  libraryDirs: z.array(z.string()).nullable(),
  /** Libraries that stay dynamic (the C library's own parts); every other one links statically. */
  systemLibraries: z.array(z.string()),
  /** How to install this toolchain where it is missing. */
  install: ToolchainInstallSchema
})
export type Toolchain = z.infer<typeof ToolchainSchema>

/** A toolchain that builds the triple on a machine of another triple, and how to run its binaries there. */
export const CrossToolchainSchema = z.object({
  /** The build machine's triple. */
  host: z.string(),
  /** The GNU triplet configure scripts take as --host (`aarch64-linux-gnu`). */
  configureHost: z.string(),
  toolchain: ToolchainSchema,
  /** Runs the target's binaries on the host (qemu-user), for checks and tests; null when none can. */
  emulator: z.array(z.string()).nullable()
})

export const TargetSchema = z.object({
  triple: z.string(),
  os: z.enum(['linux', 'macos', 'windows']),
  arch: z.enum(['x86_64', 'aarch64']),
  libc: z.enum(['gnu', 'musl', 'darwin', 'msvc']),
  objectFormat: z.enum(['elf', 'mach-o', 'coff']),
  /** Names a user may type instead of the triple. */
  aliases: z.array(z.string()),
  /** Where a GitHub workflow builds it: the runner label, and a container image if the leg runs in one. */
  runner: z.object({ label: z.string(), container: z.string().nullable() }),
  /** The toolchain on a machine of this triple (the runner above). */
  toolchain: ToolchainSchema,
  /** Toolchains that build it from machines of other triples. */
  cross: z.array(CrossToolchainSchema),
  capabilities: z.object({
    /** The binary can import extension modules from shared-library files. */
    canLoadSharedLibraries: z.boolean(),
    /**
     * Whether it loads them from memory, without a file (the `in-memory` location):
     * `system-loader` (Linux gnu: a memfd the system's dlopen maps through /proc/self/fd),
     * `own-loader` (Windows: a loader of its own, used only when
     * --allow-in-memory-shared-library-loading allows it), or `none`.
     */
    inMemorySharedLibraries: z.enum(['none', 'system-loader', 'own-loader']),
    /** Every extension must be built in: the binary is fully static. */
    staticOnly: z.boolean()
  }),
  /** Where pyseal's own tests build and run it: on this project's machines, or only in its GitHub workflow. */
  testedOn: z.enum(['this-machine', 'github-workflow'])
})
export type Target = z.infer<typeof TargetSchema>

/** The triples pyseal knows; `testedOn` says which are built and run on this project's machines. */
export const TARGETS: readonly Target[] = [
  {
    triple: 'x86_64-unknown-linux-gnu',
    os: 'linux',
    arch: 'x86_64',
    libc: 'gnu',
    objectFormat: 'elf',
    aliases: ['linux-x64', 'linux-x86_64', 'x86_64-linux-gnu'],
    runner: { label: 'ubuntu-24.04', container: null },
    toolchain: gnuToolchain('x86_64', '', ['build-essential', 'binutils', 'patchelf']),
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: 'system-loader', staticOnly: false },
    testedOn: 'this-machine'
  },
  {
    triple: 'x86_64-unknown-linux-musl',
    os: 'linux',
    arch: 'x86_64',
    libc: 'musl',
    objectFormat: 'elf',
    aliases: ['linux-musl-x64', 'linux-musl-x86_64', 'x86_64-linux-musl'],
    runner: { label: 'ubuntu-24.04', container: null },
    toolchain: muslToolchain('x86_64'),
    cross: [],
    capabilities: { canLoadSharedLibraries: false, inMemorySharedLibraries: 'none', staticOnly: true },
    testedOn: 'this-machine'
  },
  {
    triple: 'aarch64-unknown-linux-gnu',
    os: 'linux',
    arch: 'aarch64',
    libc: 'gnu',
    objectFormat: 'elf',
    aliases: ['linux-arm64', 'linux-aarch64', 'aarch64-linux-gnu'],
    runner: { label: 'ubuntu-24.04-arm', container: null },
    toolchain: gnuToolchain('aarch64', '', ['build-essential', 'binutils', 'patchelf']),
    cross: [
      {
        host: 'x86_64-unknown-linux-gnu',
        configureHost: 'aarch64-linux-gnu',
        toolchain: gnuToolchain('aarch64', 'aarch64-linux-gnu-', [
          'gcc-aarch64-linux-gnu',
          'g++-aarch64-linux-gnu',
          'binutils-aarch64-linux-gnu',
          'qemu-user'
        ]),
        emulator: ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']
      }
    ],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: 'system-loader', staticOnly: false },
    testedOn: 'this-machine'
  },
  {
    triple: 'aarch64-unknown-linux-musl',
    os: 'linux',
    arch: 'aarch64',
    libc: 'musl',
    objectFormat: 'elf',
    aliases: ['linux-musl-arm64', 'linux-musl-aarch64', 'aarch64-linux-musl'],
    runner: { label: 'ubuntu-24.04-arm', container: null },
    // zig on an aarch64 machine too: one toolchain for aarch64 musl wherever it is built.
    toolchain: zigMuslToolchain('aarch64', '', ['binutils']),
    cross: [
      {
        host: 'x86_64-unknown-linux-gnu',
        configureHost: 'aarch64-linux-musl',
        toolchain: zigMuslToolchain('aarch64', 'aarch64-linux-gnu-', ['binutils-aarch64-linux-gnu', 'qemu-user']),
        // Fully static: nothing for qemu to find in a sysroot.
        emulator: ['qemu-aarch64']
      }
    ],
    capabilities: { canLoadSharedLibraries: false, inMemorySharedLibraries: 'none', staticOnly: true },
    testedOn: 'this-machine'
  },
  {
    triple: 'x86_64-apple-darwin',
    os: 'macos',
    arch: 'x86_64',
    libc: 'darwin',
    objectFormat: 'mach-o',
    aliases: ['macos-x64', 'macos-x86_64', 'darwin-x64'],
    runner: { label: 'macos-15-intel', container: null },
    toolchain: darwinToolchain('x86_64'),
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: 'none', staticOnly: false },
    testedOn: 'github-workflow'
  },
  {
    triple: 'aarch64-apple-darwin',
    os: 'macos',
    arch: 'aarch64',
    libc: 'darwin',
    objectFormat: 'mach-o',
    aliases: ['macos-arm64', 'macos-aarch64', 'darwin-arm64'],
    runner: { label: 'macos-15', container: null },
    toolchain: darwinToolchain('arm64'),
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: 'none', staticOnly: false },
    testedOn: 'github-workflow'
  },
  {
    triple: 'x86_64-pc-windows-msvc',
    os: 'windows',
    arch: 'x86_64',
    libc: 'msvc',
    objectFormat: 'coff',
    aliases: ['windows-x64', 'windows-x86_64', 'win64'],
    runner: { label: 'windows-2022', container: null },
    toolchain: {
      cc: 'cl.exe',
      cxx: 'cl.exe',
      cxxLinkFlags: [],
      zigCxxTarget: null,
      zigGlibcTarget: null,
      zigTarget: null,
      ar: 'lib.exe',
      ld: 'link.exe',
      objcopy: null,
      nm: 'dumpbin.exe',
      linkFlags: ['/NOLOGO'],
      libraryDirs: null,
      systemLibraries: windowsParts,
      install: { kind: 'msvc', arch: 'x64' }
    },
    cross: [],
    capabilities: { canLoadSharedLibraries: true, inMemorySharedLibraries: 'own-loader', staticOnly: false },
    testedOn: 'github-workflow'
  }
].map(row => TargetSchema.parse(row))

/** Target values that name no row of the table, with the valid ones and the nearest to each. */
export class UnknownTargetError extends UserError {
  constructor(values: string[]) {
    const valid = TARGETS.map(t => `${t.triple} (${t.aliases.join(', ')})`).join('; ')
    const names = TARGETS.flatMap(t => [t.triple, ...t.aliases])
    const nearest = values.map(value => didYouMean(value, names)).join('')
    const input = `target "${values.join(', ')}"`
    const fix = `give one of ${valid}${nearest}`
    super({ input, cause: 'is not a target pyseal knows', fix }, `Unknown ${input}. Valid targets: ${valid}.${nearest}`)
    this.name = 'UnknownTargetError'
  }
}

/** Finds a target by triple or alias. */
export function findTarget(value: string): Target {
  const wanted = value.trim().toLowerCase()
  const target = TARGETS.find(t => t.triple === wanted || t.aliases.includes(wanted))
  if (!target) throw new UnknownTargetError([value])
  return target
}

/** The triple of the machine running pyseal, as the default target. */
export function hostTriple(): string {
  const arch = process.arch === 'arm64' ? 'aarch64' : 'x86_64'
  if (process.platform === 'linux') return `${arch}-unknown-linux-gnu`
  if (process.platform === 'darwin') return `${arch}-apple-darwin`
  return `${arch}-pc-windows-msvc`
}
