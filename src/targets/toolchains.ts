import type { Toolchain } from './table'

/**
 * The toolchains of the target table's rows (table.ts), by kind: a Linux gnu
 * triple's gcc and binutils, musl's musl-gcc, musl through zig for another
 * architecture, Apple's clang. Each names the commands pyseal runs and how to
 * install them.
 */

// gcc_s: Rust's std unwinds through it (every cdylib rustc links names -lgcc_s); gcc links
// the libgcc_s.so.1 every glibc system has, and zig's driver its own static libunwind.
const glibcParts = ['c', 'm', 'dl', 'pthread', 'rt', 'util', 'resolv', 'gcc_s']
// musl's libc.a holds them all; zig takes `-lm` and the rest as parts of the libc it links.
const zigMuslParts = ['c', 'm', 'dl', 'pthread', 'rt', 'util', 'resolv']
const darwinParts = ['c', 'm', 'dl', 'pthread', 'util', 'System', 'resolv']
export const windowsParts = [
  'kernel32',
  'user32',
  'advapi32',
  'shell32',
  'ole32',
  'oleaut32',
  'ws2_32',
  'bcrypt',
  'version'
]

export function gnuToolchain(arch: 'x86_64' | 'aarch64', prefix: string, packages: string[]): Toolchain {
  return {
    cc: `${prefix}gcc`,
    cxx: `${prefix}g++`,
    cxxLinkFlags: ['-static-libstdc++', '-static-libgcc'],
    zigCxxTarget: null,
    zigGlibcTarget: `${arch}-linux-gnu`,
    zigTarget: null,
    ar: `${prefix}ar`,
    ld: `${prefix}ld`,
    objcopy: `${prefix}objcopy`,
    nm: `${prefix}nm`,
    // Not position-independent, as Debian links its own python3: no start-up relocation of
    // CPython's many static pointers (a hello-world: 18% fewer page faults, ~15% quicker).
    // What it exports (the C API, for modules shipped beside it) the final link decides
    // (src/link/exports.ts): not every global, which would include its private OpenSSL, zlib...
    linkFlags: ['-no-pie'],
    libraryDirs: null,
    systemLibraries: glibcParts,
    install: { kind: 'apt', packages }
  }
}

export function muslToolchain(arch: 'x86_64' | 'aarch64'): Toolchain {
  return {
    cc: 'musl-gcc',
    cxx: null,
    cxxLinkFlags: [],
    zigCxxTarget: `${arch}-linux-musl`,
    zigGlibcTarget: null,
    zigTarget: null,
    ar: 'ar',
    ld: 'ld',
    objcopy: 'objcopy',
    nm: 'nm',
    // --eh-frame-hdr: gcc leaves it out of a static link, and without it the unwinder a Rust
    // module brings (LLVM's libunwind, which finds frames through PT_GNU_EH_FRAME) finds none.
    linkFlags: ['-static', '-Wl,--eh-frame-hdr'],
    libraryDirs: [`/usr/lib/${arch}-linux-musl`],
    systemLibraries: [],
    install: { kind: 'apt', packages: ['musl-tools', 'musl-dev', 'build-essential'] }
  }
}

/**
 * musl through zig: zig compiles C and C++ and links against the musl it ships, for any
 * architecture from any Linux host (Debian has no musl-gcc for another architecture);
 * the binutils named by `binutilsPrefix` (the target's, on another host) merge objects
 * and make symbols private.
 */
export function zigMuslToolchain(arch: 'aarch64', binutilsPrefix: string, packages: string[]): Toolchain {
  return {
    cc: `cc-${arch}-linux-musl`,
    cxx: `c++-${arch}-linux-musl`,
    cxxLinkFlags: [],
    zigCxxTarget: null,
    zigGlibcTarget: null,
    zigTarget: `${arch}-linux-musl`,
    ar: `${binutilsPrefix}ar`,
    ld: `${binutilsPrefix}ld`,
    objcopy: `${binutilsPrefix}objcopy`,
    nm: `${binutilsPrefix}nm`,
    linkFlags: ['-static'],
    // Libraries come from the static-deps prefix only: zig would also search the host's multiarch directories.
    libraryDirs: [],
    systemLibraries: zigMuslParts,
    install: { kind: 'apt', packages }
  }
}

export function darwinToolchain(arch: 'x86_64' | 'arm64'): Toolchain {
  return {
    cc: 'clang',
    cxx: 'clang++',
    cxxLinkFlags: [],
    zigCxxTarget: null,
    zigGlibcTarget: null,
    zigTarget: null,
    ar: 'ar',
    ld: 'ld',
    objcopy: null,
    nm: 'nm',
    linkFlags: ['-arch', arch],
    libraryDirs: null,
    systemLibraries: darwinParts,
    install: { kind: 'xcode' }
  }
}
