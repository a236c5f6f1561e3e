import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { selectToolchain } from '../../src/toolchain/select-toolchain'
import { findTarget } from '../../src/targets/table'
import { DEFAULT_PYTHON_VERSION } from '../../src/inputs/options/value-schemas'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * The `in-memory` extension location on x86_64 gnu, the default there: a module that
 * cannot be built in (its library has no static archive, and that library needs another)
 * is embedded with both libraries and loaded from memory, so the binary is one file that
 * works alone in another directory, with the libraries' build folder gone, writing
 * nothing to disk; where the kernel refuses memfd_create the import fails saying why.
 * The same on aarch64 gnu, cross-built and run under qemu-user.
 */
const TRIPLE = 'x86_64-unknown-linux-gnu'
const AARCH64 = 'aarch64-unknown-linux-gnu'
const LONG = 30 * 60 * 1000
const MODULE_FILE = `_answer.cpython-${DEFAULT_PYTHON_VERSION.replace('.', '')}-x86_64-linux-gnu.so`

/** libpysealdemo, shared only, needing libpysealinner through its RUNPATH; neither has a SONAME. */
function sharedOnlyLibraries(gcc = 'gcc'): string {
  const dir = tempDir('inmem-lib')
  mkdirSync(path.join(dir, 'inner'))
  writeFileSync(path.join(dir, 'inner.c'), 'int pyseal_demo_inner(void) { return 40; }\n')
  execFileSync(gcc, ['-shared', '-fPIC', 'inner.c', '-o', 'inner/libpysealinner.so'], { cwd: dir })
  writeFileSync(
    path.join(dir, 'demo.c'),
    'int pyseal_demo_inner(void);\nint pyseal_demo_answer(void) { return pyseal_demo_inner() + 2; }\n'
  )
  execFileSync(
    gcc,
    ['-shared', '-fPIC', 'demo.c', '-o', 'libpysealdemo.so', '-Linner', '-lpysealinner', '-Wl,-rpath,$ORIGIN/inner'],
    { cwd: dir }
  )
  return dir
}

/** A program that runs another with memfd_create refused by a seccomp filter (ENOSYS, as an old kernel answers). */
function withoutMemfd(): string {
  const dir = tempDir('inmem-seccomp')
  const source = path.join(dir, 'no-memfd.c')
  writeFileSync(
    source,
    [
      '#include <errno.h>',
      '#include <linux/filter.h>',
      '#include <linux/seccomp.h>',
      '#include <stddef.h>',
      '#include <stdio.h>',
      '#include <sys/prctl.h>',
      '#include <sys/syscall.h>',
      '#include <unistd.h>',
      'int main(int argc, char **argv) {',
      '  struct sock_filter filter[] = {',
      '    BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),',
      '    BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_memfd_create, 0, 1),',
      '    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),',
      '    BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),',
      '  };',
      '  struct sock_fprog program = { sizeof filter / sizeof filter[0], filter };',
      '  if (argc < 2 || prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||',
      '      prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0) { perror("seccomp"); return 125; }',
      '  execv(argv[1], argv + 1);',
      '  perror("execv");',
      '  return 126;',
      '}',
      ''
    ].join('\n')
  )
  execFileSync('gcc', ['-O2', source, '-o', path.join(dir, 'no-memfd')])
  return path.join(dir, 'no-memfd')
}

/** The libdep-ext fixture built against libraries of libdir; the build's run and output directory. */
function buildLibdep(libdir: string, args: string[]): { run: ReturnType<typeof pyseal>; outDir: string } {
  const project = path.join(tempDir('inmem-project'), 'libdep-ext')
  cpSync(path.join(FIXTURES, 'libdep-ext'), project, { recursive: true })
  writeFileSync(path.join(project, 'libdir.txt'), libdir)
  const outDir = tempDir('inmem-out')
  const run = pyseal(['build', '--project', project, '--entry-point', 'none', '--out-dir', outDir, ...args])
  return { run, outDir }
}

/** Imports the module, printing the error's name and message if it fails, then shows that the rest works. */
const TRY_IMPORT =
  'import json\ntry:\n    import libdep._answer\nexcept ImportError as e:\n    print(e.name)\n    print(e)\nprint(json.dumps([1]))\n'

describe('a module that cannot be built in, on x86_64 gnu', () => {
  /** The binary, moved alone to a directory of its own by the first test. */
  let moved = ''

  it(
    'is loaded from memory with the libraries it needs: one file, moved alone, nothing written to disk',
    () => {
      const libdir = sharedOnlyLibraries()
      const { run, outDir } = buildLibdep(libdir, ['--target', TRIPLE])
      const built = expectBuilt(run)

      const report = JSON.parse(readFileSync(path.join(outDir, 'libdep.report.json'), 'utf8')) as Report
      const module = report.modules.find(m => m.module === 'libdep._answer')
      expect(module?.status).toBe('standalone')
      expect(module?.location).toBe('in-memory')
      expect(module?.file).toBeNull()
      expect(module?.reasons.map(r => r.code)).toEqual([
        'LIBRARY_MISSING',
        'LOADED_FROM_MEMORY',
        'LIBRARY_BUNDLED',
        'LIBRARY_BUNDLED'
      ])
      // Dependencies first: the library the other needs is loaded before it.
      expect(module?.reasons[2].message).toMatch(/^libpysealinner\.so \(from .*\/inner, needed by libpysealdemo\.so\)/)
      expect(module?.reasons[3].message).toMatch(/^libpysealdemo\.so \(from /)
      expect(report.executable?.sideFiles).toEqual([])
      expect(existsSync(path.join(outDir, 'lib'))).toBe(false)
      expect(run.stdout).not.toContain('beside it')
      expect(run.stdout).toContain('1 loaded from memory')
      // The glibc floor is checked on the embedded files too.
      const requires = report.executable?.requires
      expect(requires !== 'static' && requires?.files.map(f => f.file)).toEqual([
        'libdep',
        `libdep/libdep/${MODULE_FILE}`,
        'libdep/__pyseal__/libraries/libpysealinner.so',
        'libdep/__pyseal__/libraries/libpysealdemo.so'
      ])

      // The binary alone in a new directory; its output folder and the libraries' build folder gone.
      const elsewhere = tempDir('inmem-moved')
      const binary = path.join(elsewhere, 'libdep')
      copyFileSync(built, binary)
      execFileSync('chmod', ['+x', binary])
      rmSync(outDir, { recursive: true })
      rmSync(libdir, { recursive: true })
      const tmp = tempDir('inmem-tmp')
      const env = { PATH: process.env.PATH, HOME: tmp, TMPDIR: tmp, XDG_CACHE_HOME: path.join(tmp, 'cache') }
      const check = runBinary(
        binary,
        [
          '-c',
          [
            'import os, libdep._answer as a',
            'print(a.answer())',
            'print(a.__file__)',
            'maps = open("/proc/self/maps").read()',
            'print(sorted({l.split()[-2] if l.endswith("(deleted)") else l.split()[-1] for l in maps.splitlines() if "memfd:" in l}))',
            'def target(fd):',
            '    try:',
            '        return os.readlink(f"/proc/self/fd/{fd}")',
            '    except OSError:',
            '        return ""',
            'print([t for t in map(target, os.listdir("/proc/self/fd")) if "memfd:" in t])'
          ].join('\n')
        ],
        { env, cwd: elsewhere }
      )
      expect(check.stderr).toBe('')
      const [answer, file, mapped, fds] = check.stdout.trim().split('\n')
      expect(answer).toBe('42')
      expect(file).toBe(path.join(binary, 'libdep', MODULE_FILE))
      // The module and both libraries are mapped from memfds, whose descriptors are closed.
      expect(mapped).toBe(`['/memfd:${MODULE_FILE}', '/memfd:libpysealdemo.so', '/memfd:libpysealinner.so']`)
      expect(fds).toBe('[]')
      expect(readdirSync(tmp)).toEqual([])
      expect(readdirSync(elsewhere)).toEqual(['libdep'])

      // Where the kernel refuses memfd_create, the import says which module and why, and the rest still works.
      const refused = runBinary(withoutMemfd(), [binary, '-c', TRY_IMPORT], { env, cwd: elsewhere })
      const [name, message, after] = refused.stdout.trim().split('\n')
      expect(name).toBe('libdep._answer')
      expect(message).toMatch(/^libdep\._answer could not be loaded from memory: Function not implemented \(/)
      expect(message).toContain('need Linux 3.17 or later (memfd_create) and /proc mounted')
      expect(after).toBe('[1]')
      expect(readdirSync(tmp)).toEqual([])
      moved = binary
    },
    LONG
  )

  // A mount namespace of its own (root, as the older-distribution tests enter theirs) with an empty /proc.
  ;(process.getuid?.() === 0 ? it : it.skip)(
    'fails clearly where /proc is not mounted, naming the module and the cause',
    () => {
      const script = path.join(tempDir('inmem-noproc'), 'check.py')
      writeFileSync(script, TRY_IMPORT)
      const run = spawnSync(
        'unshare',
        ['--mount', 'sh', '-c', 'mount -t tmpfs none /proc && exec "$0" "$1"', moved, script],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH }
        }
      )
      const [name, message, after] = run.stdout.trim().split('\n')
      expect(name).toBe('libdep._answer')
      expect(message).toMatch(
        /^libdep\._answer could not be loaded from memory: \/proc\/self\/fd\/\d+: cannot open shared object file: No such file or directory \(/
      )
      expect(after).toBe('[1]')
    }
  )
})

;(os.arch() === 'x64' && process.platform === 'linux' ? describe : describe.skip)(
  'a module that cannot be built in, on aarch64 gnu (cross-built, run under qemu-user)',
  () => {
    it(
      'is loaded from memory too',
      () => {
        const libdir = sharedOnlyLibraries('aarch64-linux-gnu-gcc')
        // The CPython the cross-build test builds for aarch64 (cross-aarch64.test.ts).
        const { run, outDir } = buildLibdep(libdir, ['--target', AARCH64, '--python-distribution', 'debian:python3.11'])
        const built = expectBuilt(run)
        const report = JSON.parse(readFileSync(path.join(outDir, 'libdep.report.json'), 'utf8')) as Report
        expect(report.modules.find(m => m.module === 'libdep._answer')?.location).toBe('in-memory')
        expect(report.executable?.sideFiles).toEqual([])
        rmSync(libdir, { recursive: true })
        const emulator = selectToolchain(findTarget(AARCH64), 'x86_64-unknown-linux-gnu').emulator ?? []
        const check = spawnSync(
          emulator[0],
          [...emulator.slice(1), built, '-c', 'import libdep._answer as a; print(a.answer())'],
          {
            encoding: 'utf8'
          }
        )
        expect(check.stderr).toBe('')
        expect(check.stdout.trim()).toBe('42')
      },
      LONG
    )
  }
)
