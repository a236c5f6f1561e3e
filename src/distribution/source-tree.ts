import { existsSync } from 'node:fs'
import { cp, readFile, readdir, rename } from 'node:fs/promises'
import path from 'node:path'
import { runCommand } from '../exec/run'

// What a CPython build (source-build.ts) reads from the source tree and adds to what
// `make install` left: the version, forgotten test packages, and for a cross build
// the target's sysconfig data beside the build machine's Python; and the version of a tarball
// before it is unpacked.

/** What the name of a target's sysconfig data shared with the build machine's Python ends with. */
export const SHARED_SYSCONFIG_MARK = '_pyseal_target_'

/**
 * Puts the target's `_sysconfigdata_*.py` into the build machine's stdlib, under a name
 * of its own (`<name>_pyseal_target_<key>`), where `_PYTHON_SYSCONFIGDATA_NAME` makes
 * setuptools compile for the target (its CC, flags, headers and extension suffix) while
 * pip and the build tools run here. One Python serves every target built from it (aarch64
 * gnu for a glibc floor and with this machine's cross gcc share a sysconfig file name but
 * not their compilers), and the packer leaves these files out of what it embeds. Written
 * on every cross build, by rename, so a build Python from an older cache gets it too.
 * Returns the module name.
 */
export async function shareSysconfigData(
  targetStdlib: string,
  targetKey: string,
  buildStdlib: string
): Promise<string> {
  const own = await sysconfigDataName(targetStdlib)
  const name = `${own}${SHARED_SYSCONFIG_MARK}${targetKey}`
  const file = path.join(buildStdlib, `${name}.py`)
  if (!existsSync(file)) {
    const staging = `${file}.${process.pid}.partial`
    await cp(path.join(targetStdlib, `${own}.py`), staging)
    await rename(staging, file)
  }
  return name
}

/** The sysconfig data module name of a distribution (what `_PYTHON_SYSCONFIGDATA_NAME` takes): its own, not a target's it shares. */
export async function sysconfigDataName(stdlib: string): Promise<string> {
  const name = (await readdir(stdlib)).find(
    n => /^_sysconfigdata_.*\.py$/.test(n) && !n.includes(SHARED_SYSCONFIG_MARK)
  )
  if (!name) throw new Error(`${stdlib} has no _sysconfigdata_*.py`)
  return name.replace(/\.py$/, '')
}

/**
 * Some releases' `make install` forgets test packages (3.11.2 leaves out
 * test_sqlite3: it is missing from the Makefile's TESTSUBDIRS); copy what the
 * source tree has so `--stdlib-exclude none` really holds the whole test suite.
 */
export async function installMissingTestPackages(
  srcDir: string,
  stdlib: string,
  log: (line: string) => void
): Promise<void> {
  const source = path.join(srcDir, 'Lib', 'test')
  const installed = path.join(stdlib, 'test')
  if (!existsSync(installed)) return
  for (const entry of await readdir(source, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name.startsWith('test_') && !existsSync(path.join(installed, entry.name))) {
      log(`  installing ${entry.name}, which make install left out`)
      await cp(path.join(source, entry.name), path.join(installed, entry.name), { recursive: true })
    }
  }
}

export async function readPythonVersion(srcDir: string): Promise<string> {
  const version = patchlevelVersion(await readFile(path.join(srcDir, 'Include', 'patchlevel.h'), 'utf8'))
  if (!version) throw new Error(`${srcDir}/Include/patchlevel.h has no PY_VERSION`)
  return version
}

/**
 * The CPython version of a source tarball, read from its `Include/patchlevel.h`
 * without unpacking the rest (a fraction of a second), or null when it has none:
 * what the build needs is known before its key is made.
 */
export async function readTarballPythonVersion(tarball: string): Promise<string | null> {
  // A zip (a repository tag from the Go module proxy) nests the tree deeper; unzip's pattern finds it.
  const header = tarball.endsWith('.zip')
    ? await runCommand({ command: 'unzip', args: ['-p', tarball, '*/Include/patchlevel.h'] })
    : await runCommand({
        command: 'tar',
        args: ['-xOf', tarball, '--wildcards', '--occurrence=1', '*/Include/patchlevel.h']
      })
  return header.code === 0 ? patchlevelVersion(header.stdout) : null
}

function patchlevelVersion(header: string): string | null {
  return /#define\s+PY_VERSION\s+"([^"]+)"/.exec(header)?.[1] ?? null
}
