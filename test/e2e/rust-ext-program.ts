/**
 * What the e2e tests run in a binary holding the maturin fixture (test/fixtures/rust-ext):
 * its function, whether it is a built-in, and a panic caught as Python's PanicException.
 * rust.test.ts runs it on x86_64, rust-packages.heavy.test.ts under qemu-user on aarch64.
 */
export const RUST_EXT_PROGRAM = [
  'import sys, rustext.rustext as r',
  'print(r.checksum("héllo", 10), "rustext.rustext" in sys.builtin_module_names)',
  'try:',
  '    r.panics()',
  'except BaseException as e:',
  '    print(type(e).__name__, e)'
].join('\n')

/** The program's output lines when the module is built in and works. */
export const RUST_EXT_OUTPUT = ['60 True', 'PanicException rustext panicked on purpose']
