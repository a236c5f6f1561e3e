import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isRustSharedLibrary, rustLinkFailedHint, rustNoObjectFilesHint } from '../../src/resolve/rust-hints'

/**
 * Which fallen-back module gets Rust's hints: shared libraries made here by the machine's
 * rustc (a cdylib, as maturin and setuptools-rust have cargo make) and cc (a C module).
 */
describe('Rust hints', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-rust-hints-'))

  it('tell a cdylib made by rustc from a C shared library', () => {
    writeFileSync(
      path.join(dir, 'lib.rs'),
      '#[no_mangle]\npub extern "C" fn answer(n: u32) -> u32 { n.checked_mul(7).unwrap() }\n'
    )
    execFileSync('rustc', ['--crate-type', 'cdylib', '-O', '-o', path.join(dir, 'rusty.so'), path.join(dir, 'lib.rs')])
    writeFileSync(path.join(dir, 'c.c'), 'int answer(int n) { return n * 7; }\n')
    execFileSync('cc', ['-shared', '-fPIC', '-o', path.join(dir, 'plain.so'), path.join(dir, 'c.c')])
    expect(isRustSharedLibrary(path.join(dir, 'rusty.so'))).toBe(true)
    expect(isRustSharedLibrary(path.join(dir, 'plain.so'))).toBe(false)
    expect(isRustSharedLibrary(path.join(dir, 'missing.so'))).toBe(false)
  }, 120_000)

  it('speak of cargo and its linker, not of setuptools', () => {
    const hint = rustNoObjectFilesHint('pkg._rust')
    expect(hint).toMatch(/cargo linked the crate without pyseal's compiler wrapper/)
    expect(hint).toMatch(/--link-extra pkg._rust=OBJECTS/)
    expect(hint).not.toMatch(/build it with setuptools/)
    expect(rustLinkFailedHint('pkg._rust', 2)).toMatch(/cargo:rustc-link-lib.*defines them with --link-extra LIB\.a/)
    expect(rustLinkFailedHint('pkg._rust', 0)).toMatch(/maturin or setuptools-rust/)
  })
})
