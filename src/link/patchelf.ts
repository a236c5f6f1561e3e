import path from 'node:path'
import { runCommand } from '../exec/run'
import { UserError } from '../errors/user-error'

/**
 * Edits an ELF file's dynamic section with patchelf, for the libraries pyseal bundles
 * with a module that is not built in: a RUNPATH pointing beside itself
 * (src/link/ship-standalone.ts), a SONAME the module finds it by once loaded from
 * memory (src/resolve/memory-images.ts). `why` completes "patchelf is needed to ...".
 */
export async function patchelf(args: string[], file: string, why: string): Promise<void> {
  let result
  try {
    result = await runCommand({ command: 'patchelf', args: [...args, file] })
  } catch {
    throw new UserError({
      input: 'patchelf',
      cause: `is needed to ${why} (${path.basename(file)}), and it is not installed`,
      fix: 'install it (Debian/Ubuntu: apt-get install patchelf), or use --flavor static'
    })
  }
  if (result.code !== 0) throw new Error(`patchelf ${args.join(' ')} ${file} failed: ${result.stderr.trim()}`)
}
