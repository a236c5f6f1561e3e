import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * What pyseal mends in a configured CPython build directory (source-build.ts calls
 * linkHaclArchives right after configure, skipInstalledBytecode after makesetup).
 *
 * CPython 3.14.0 to 3.14.4 link the HACL* hash modules (_md5, _sha1, _sha2, _sha3,
 * _blake2, _hmac) with bare object files on every platform but WASI; from 3.14.5 on,
 * configure gives a MODULE_BUILDTYPE=static build their static archives instead. With
 * bare objects, modules built in together name the same objects several times (_hmac's
 * list holds every hash's) and the interpreter's link fails with duplicate symbols.
 * This makes the choice 3.14.5's configure makes: every module variable that names a
 * HACL* object list names the archive built from the same objects.
 */
export async function linkHaclArchives(buildDir: string): Promise<string[]> {
  const changed: string[] = []
  // Makefile.pre is what makesetup writes the Makefile from; the Makefile configure
  // already wrote is read for the modules' link words before makesetup runs again.
  for (const name of ['Makefile.pre', 'Makefile']) {
    const file = path.join(buildDir, name)
    if (!existsSync(file)) continue
    const text = await readFile(file, 'utf8')
    const mended = haclArchiveWords(text)
    if (mended !== text) {
      await writeFile(file, mended)
      changed.push(name)
    }
  }
  return changed
}

/** The Makefile text with `$(LIBHACL_X_LIB_SHARED)` read as `$(LIBHACL_X_LIB_STATIC)` in module variables. */
export function haclArchiveWords(makefile: string): string {
  return makefile.replace(/^MODULE_\w+=.*$/gm, line =>
    line.replace(/\$\(LIBHACL_(\w+?)_LIB_SHARED\)/g, '$(LIBHACL_$1_LIB_STATIC)')
  )
}

/**
 * `make install` compiles the whole stdlib to `.pyc` three times (one per optimization
 * level), about 40 seconds on two cores: nothing pyseal does reads those files
 * (pyseal_pack compiles what it packs, and the build Python writes its own when it
 * imports), so the generated Makefile calls `:` in place of compileall.
 */
export async function skipInstalledBytecode(buildDir: string): Promise<void> {
  const makefile = path.join(buildDir, 'Makefile')
  const text = await readFile(makefile, 'utf8')
  await writeFile(makefile, text.replace(COMPILEALL_CALL, ':'))
}

export const COMPILEALL_CALL = /\$\(PYTHON_FOR_BUILD\) -Wi (?:-O+ )?\$\(DESTDIR\)\$\(LIBDEST\)\/compileall\.py/g

/**
 * configure arguments a CPython release needs beyond the common ones. 3.15's configure
 * takes the system's libmpdec by default and, finding none, leaves `_decimal` out instead
 * of falling back to the copy in `Modules/_decimal/libmpdec` as 3.13 and 3.14 do: the
 * bundled copy is asked for. Empty for the releases before, so their keys stay as they were.
 */
export function versionConfigureArgs(version: string): string[] {
  const [major, minor] = version.split('.').map(part => Number.parseInt(part, 10))
  return major === 3 && minor >= 15 ? ['--with-system-libmpdec=no'] : []
}
