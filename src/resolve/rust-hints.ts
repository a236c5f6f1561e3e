import { readFileSync } from 'node:fs'

// The hints of a Rust extension module (maturin, setuptools-rust) that is not built in:
// plan-packages.ts (no captured objects) and link-check.ts (its link fails) give these in
// place of the hints for a C module, which speak of setuptools and objects of your own.

/**
 * Whether a shared library was made by rustc: Rust's std names the variable that turns on
 * its backtraces, in every crate that can panic (a cdylib made by maturin or setuptools-rust).
 */
export function isRustSharedLibrary(file: string): boolean {
  try {
    return readFileSync(file).includes('RUST_BACKTRACE')
  } catch {
    return false
  }
}

/** NO_OBJECT_FILES for a Rust module: cargo linked it without the compiler wrapper. */
export function rustNoObjectFilesHint(module: string): string {
  return (
    "cargo linked the crate without pyseal's compiler wrapper (a build that names its own linker: " +
    '`-C linker`, CARGO_TARGET_<TRIPLE>_LINKER, a .cargo/config.toml): leave the linker to pyseal ' +
    `when maturin or setuptools-rust runs cargo, or declare ${module}'s objects with --link-extra ${module}=OBJECTS`
  )
}

/** LINK_FAILED for a Rust module: what it leaves undefined comes from a library its crate's build script links. */
export function rustLinkFailedHint(module: string, undefinedCount: number): string {
  const them = undefinedCount === 1 ? 'it' : 'them'
  return undefinedCount > 0
    ? `a crate of ${module} links a library cargo found (a build script's cargo:rustc-link-lib) that has no ` +
        `static archive here: give one that defines ${them} with --link-extra LIB.a, or point the crate's build ` +
        'script at a static build of the library (its *_DIR or *_STATIC variables, or pkg-config)'
    : `check the crate's link in the build log (cargo run by maturin or setuptools-rust), or keep ${module} ` +
        'a shared library with --extension-location filesystem-relative:lib'
}
