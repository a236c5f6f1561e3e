import type { Distribution } from '../distribution/python-json'
import { UserError, type UserErrorParts } from '../errors/user-error'
import type { Target } from '../targets/table'

/** A distribution whose objects the target's toolchain cannot link. */
export class ObjectFormatError extends UserError {
  constructor(parts: UserErrorParts, message?: string) {
    super(parts, message)
    this.name = 'ObjectFormatError'
  }
}

/**
 * Stops before any work when the distribution's objects cannot be linked by the
 * target's toolchain: python-build-standalone's optimized glibc and macOS archives
 * hold LLVM bitcode (`llvm-bitcode:<version>`), which only clang with lld of at least
 * that version links, and pyseal links ELF targets with the gcc toolchain.
 */
export function assertLinkable(distribution: Distribution, target: Target, source: string): void {
  const format = distribution.objectFileFormat
  const bitcode = /^llvm-bitcode:(\d+)/.exec(format)
  if (bitcode) {
    const cause =
      `holds LLVM bitcode objects (object_file_format ${format}): only clang and lld ${bitcode[1]} or newer ` +
      `link them, and pyseal links ${target.triple} with ${target.toolchain.cc}`
    const fix =
      'Choose a variant with native objects (for example pbs:3.11:noopt), or let pyseal build CPython from source ' +
      '(--python-version 3.14, or --python-distribution with a CPython source tarball).'
    throw new ObjectFormatError({ input: source, cause, fix }, `${source} ${cause}. ${fix}`)
  }
  const native = { elf: 'elf', 'mach-o': 'macho', coff: 'coff' }[target.objectFormat]
  if (format.toLowerCase().replace(/[^a-z]/g, '') !== native) {
    throw new ObjectFormatError({
      input: source,
      cause: `holds ${format} objects, but ${target.triple} links ${target.objectFormat} objects`,
      fix: `choose the distribution built for ${target.triple}`
    })
  }
}
