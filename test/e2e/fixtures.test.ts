import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import {
  expectBuilt,
  FIXTURES,
  OTHER_PYTHON_VERSIONS,
  otherVersionArgs,
  pyseal,
  runBinary,
  tempDir,
  TEST_TARGETS
} from './cli'
import type { Report, ReportModule } from '../../src/report/report'
import { DEFAULT_PYTHON_VERSION } from '../../src/inputs/options/value-schemas'

interface AppOutput {
  argv: string[]
  python: string
  cext_add: number
  cext_where: string
  cython_fib: number
  cython_compiled: boolean
  alpha_scale: number
  beta_scale: number
  zlib_crc: number
  greeting: string
  respkg_version: string
  builtins: string[]
  module_names: string[]
  pickled_function: number
  spawn?: number[]
  forkserver?: number[]
  reexec?: string
}

const GNU = 'x86_64-unknown-linux-gnu'

/** The builds the whole fixture app runs on: the default CPython on every test target, the others on gnu. */
const FIXTURE_BUILDS: Array<[string, string, string[]]> = [
  ...TEST_TARGETS.map((t): [string, string, string[]] => [`${t}, default CPython`, t, []]),
  ...(TEST_TARGETS.includes(GNU) ? OTHER_PYTHON_VERSIONS : []).map((v): [string, string, string[]] => [
    `${GNU}, CPython ${v}`,
    GNU,
    otherVersionArgs(v)
  ])
]

describe.each(FIXTURE_BUILDS)('fixture app for %s', (_label, target, versionArgs) => {
  const outDir = tempDir('fixtures')
  const app = path.join(FIXTURES, 'app')
  const buildArgs = ['build', '--target', target, ...versionArgs, '--requirements', 'requirements.txt']
  // X.Y of the CPython asked for (`3.15.0rc2` asks for 3.15).
  const wantedVersion = (versionArgs[1] ?? DEFAULT_PYTHON_VERSION).split('.').slice(0, 2).join('.')
  let binary = ''
  let firstBuild = ''

  beforeAll(
    () => {
      const run = pyseal([...buildArgs, '--out-dir', outDir], app)
      firstBuild = run.stdout
      binary = expectBuilt(run)
    },
    60 * 60 * 1000
  )

  it('runs the CPython asked for, and the report names it, its ABI and where its source came from', () => {
    const out = JSON.parse(runBinary(binary, []).stdout) as AppOutput
    expect(out.python.startsWith(`${wantedVersion}.`)).toBe(true)
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
    // The app prints X.Y.Z; the report names a pre-release as such (3.15.0rc2).
    expect(report.python?.version.replace(/(a|b|rc)\d+$/, '')).toBe(out.python)
    expect(report.python?.abi).toBe(`cp${wantedVersion.replace('.', '')}`)
    expect(report.python?.freeThreaded).toBe(false)
    expect(report.python?.source).toMatch(/^\S+: (Debian (\d+|unstable)|the v3\.\d+\.\d+ tag of CPython's repository)/)
    expect(readFileSync(`${binary}.report.md`, 'utf8')).toContain(
      `CPython ${report.python?.version} (${report.python?.abi}) from ${report.python?.source}`
    )
  })

  it('puts the binary where it says, last on stdout, with its stages timed', () => {
    expect(binary).toBe(path.join(outDir, 'fixture-app'))
    for (const stage of ['distribution', 'build', 'resolve', 'link', 'embed']) {
      expect(firstBuild).toMatch(new RegExp(`✓ ${stage} \\d+\\.\\ds`))
    }
  })

  it('runs the entry point with argv and exits with its return value', () => {
    const run = runBinary(binary, ['7', 'x y'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(7)
    const out = JSON.parse(run.stdout) as AppOutput
    expect(out.argv).toEqual(['7', 'x y'])
    expect(out.cext_add).toBe(42)
    expect(out.cext_where).toBe('compiled C')
    expect(out.cython_fib).toBe(832040)
    expect(out.cython_compiled).toBe(true)
    expect(out.greeting).toBe('Hello from a data file')
    expect(out.respkg_version).toBe('2.5')
  })

  it('links both _speedups modules although they share a module name and a helper symbol', () => {
    const out = JSON.parse(runBinary(binary, []).stdout) as AppOutput
    expect(out.alpha_scale).toBe(30)
    expect(out.beta_scale).toBe(300)
  })

  it('makes every fixture extension a built-in, zlib included', () => {
    const out = JSON.parse(runBinary(binary, []).stdout) as AppOutput
    expect(out.builtins).toEqual(['alpha._speedups', 'beta._speedups', 'cext._core', 'cyext._fast', 'zext._crc'])
    // Named in full, as when imported from a file: pickle finds their functions by module name.
    expect(out.module_names).toEqual(out.builtins)
    expect(out.pickled_function).toBe(42)
    // crc32 of b"pyseal", as zlib computes it
    expect(out.zlib_crc).toBe(1096179696)
  })

  it('serves multiprocessing spawn and forkserver and subprocess re-execution of sys.executable', () => {
    const run = runBinary(binary, ['--spawn', '--reexec'])
    expect(run.status).toBe(0)
    const out = JSON.parse(run.stdout) as AppOutput
    expect(out.spawn).toEqual([1, 4, 9])
    expect(out.forkserver).toEqual([16, 25])
    expect(out.reexec).toBe('42')
  })

  it('shows the source line in a traceback and exits 1', () => {
    const run = runBinary(binary, ['--crash'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('raise RuntimeError("fixture crash requested")')
    expect(run.stderr).toContain('RuntimeError: fixture crash requested')
  })

  it('links no shared library beyond the C library', () => {
    const ldd = spawnSync('ldd', [binary], { encoding: 'utf8' })
    if (target.includes('musl')) {
      expect(ldd.stdout + ldd.stderr).toMatch(/not a dynamic executable/)
    } else {
      const libs = ldd.stdout
        .split('\n')
        .map(l => l.trim().split(' ')[0])
        .filter(l => l !== '')
      // glibc's own parts: libpthread, libdl, librt and libutil were libraries of their own in 2.17, the default floor.
      const glibcParts = /^(linux-vdso\.so\.1|lib(c|m|pthread|dl|rt|util)\.so\.\d|\/lib64\/ld-linux-x86-64\.so\.2)$/
      for (const lib of libs) expect(lib).toMatch(glibcParts)
    }
  })

  it('writes a report naming every extension module and why', () => {
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as {
      status: string
      target: string
      modules: ReportModule[]
    }
    expect(report.status).toBe('ok')
    expect(report.target).toBe(target)
    const byName = new Map(report.modules.map(m => [m.module, m]))
    for (const name of ['alpha._speedups', 'beta._speedups', 'cext._core', 'cyext._fast', 'zext._crc']) {
      expect(byName.get(name)?.status).toBe('builtin')
    }
    const renamed = ['alpha._speedups', 'beta._speedups'].filter(n =>
      byName.get(n)?.reasons.some(r => r.code === 'INIT_FUNCTION_RENAMED')
    )
    expect(renamed).toHaveLength(1)
    expect(byName.get('zext._crc')?.reasons.map(r => r.code)).toContain('LIBRARY_LINKED_STATIC')
  })

  it(
    'reuses the cached CPython and built packages on a second identical build',
    () => {
      const again = pyseal([...buildArgs, '--out-dir', outDir], app)
      expectBuilt(again)
      expect(again.stdout).toMatch(/✓ distribution [\d.]+s: reused cached CPython/)
      expect(again.stdout).toMatch(/✓ build [\d.]+s: reused cached packages/)
      expect(runBinary(binary, ['3']).status).toBe(3)
    },
    30 * 60 * 1000
  )

  describe('interpreter mode', () => {
    let python = ''
    beforeAll(
      () => {
        const run = pyseal([...buildArgs, '--entry-point', 'none', '--name', 'fx-python', '--out-dir', outDir], app)
        python = expectBuilt(run)
      },
      30 * 60 * 1000
    )

    it('keeps the whole stdlib: ctypes built in on glibc, left out on musl (it cannot load libraries there)', () => {
      const report = JSON.parse(readFileSync(`${python}.report.json`, 'utf8')) as Report
      expect(report.stdlib).toEqual({ choice: 'all', leftOut: [] })
      const ctypes = report.modules.find(m => m.module === '_ctypes')
      expect(ctypes?.status).toBe(target.includes('musl') ? 'excluded' : 'builtin')
    })

    it('runs -c with the embedded packages importable', () => {
      const run = runBinary(python, ['-c', 'import sys, cext; print(cext.add(1, 2), sys.argv)', 'a'])
      expect(run.stdout.trim()).toBe("3 ['-c', 'a']")
    })

    it('runs -m, a script path and code from stdin', () => {
      const m = runBinary(python, ['-m', 'json.tool'], { input: '{"b": 1}' })
      expect(m.stdout).toBe('{\n    "b": 1\n}\n')
      const dir = tempDir('script')
      const script = path.join(dir, 'script.py')
      writeFileSync(script, 'import sys\nprint("script", sys.argv[1:])\nraise SystemExit(5)\n')
      const s = runBinary(python, [script, 'q'])
      expect(s.stdout.trim()).toBe("script ['q']")
      expect(s.status).toBe(5)
      const stdin = runBinary(python, ['-'], { input: 'import cyext\nprint(cyext.fib(10))\n' })
      expect(stdin.stdout.trim()).toBe('55')
    })

    it('ignores PYTHONPATH and other PYTHON* variables (isolated)', () => {
      const dir = tempDir('shadow')
      writeFileSync(path.join(dir, 'json.py'), 'raise SystemExit("shadowed")\n')
      const run = runBinary(python, ['-c', 'import json; print(json.dumps([1]))'], {
        env: { PATH: process.env.PATH, PYTHONPATH: dir, PYTHONHOME: dir }
      })
      expect(run.stdout.trim()).toBe('[1]')
    })

    it('installs signal handlers as python does and finds the system CA certificates', () => {
      const run = runBinary(python, [
        '-c',
        'import signal, ssl\n' +
          'print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n' +
          'print(ssl.create_default_context().cert_store_stats()["x509_ca"] > 0)'
      ])
      expect(run.stdout.trim().split('\n')).toEqual(['True', 'True'])
    })

    if (Number(wantedVersion.split('.')[1]) >= 14) {
      it('has the stdlib extension modules new in 3.14 built in, and they work', () => {
        const run = runBinary(python, [
          '-c',
          'import sys\n' +
            'print(sorted(m for m in ("_zstd", "_remote_debugging", "_interpreters", "_interpqueues", "_hmac") ' +
            'if m in sys.builtin_module_names))\n' +
            'from compression import zstd\n' +
            'print(zstd.decompress(zstd.compress(b"pyseal" * 100)) == b"pyseal" * 100)\n' +
            'import hmac\n' +
            'print(hmac.digest(b"k", b"m", "sha256").hex()[:8])\n' +
            'from concurrent import interpreters\n' +
            'i = interpreters.create()\n' +
            'print(i.call(pow, 2, 10))\n' +
            'i.close()'
        ])
        expect(run.stderr).toBe('')
        expect(run.stdout.trim().split('\n')).toEqual([
          "['_hmac', '_interpqueues', '_interpreters', '_remote_debugging', '_zstd']",
          'True',
          python3Hmac(),
          '1024'
        ])
      })
    }

    it('loads encodings from inside the binary and runs with no files beside it', () => {
      const run = runBinary(python, [
        '-c',
        'import encodings, sys; print(encodings.__file__.startswith(sys.executable))'
      ])
      expect(run.stdout.trim()).toBe('True')
    })
  })
})

describe('bad input ends in one clear message', () => {
  const target = TEST_TARGETS[0]

  it('names a project directory that does not exist', () => {
    const run = pyseal(['build', '--target', target, '--project', '/nonexistent/app'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/project directory \/nonexistent\/app does not exist/)
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('lists every bad value at once', () => {
    const run = pyseal([
      'build',
      '--target',
      'sparc-sun-solaris',
      '--requirements',
      '/nope.txt',
      '--project',
      path.join(FIXTURES, 'c-ext')
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/Unknown target "sparc-sun-solaris"/)
    expect(run.stderr).toMatch(/requirements file \/nope.txt does not exist/)
  })

  it(
    'names an entry point that does not resolve',
    () => {
      const outDir = tempDir('badentry')
      const run = pyseal([
        'build',
        '--target',
        target,
        '--project',
        path.join(FIXTURES, 'c-ext'),
        '--entry-point',
        'cext.nope:main',
        '--out-dir',
        outDir
      ])
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/entry point "cext.nope:main" does not resolve: module cext.nope/)
      const report = JSON.parse(readFileSync(path.join(outDir, 'cext.report.json'), 'utf8')) as {
        status: string
        error: string
      }
      expect(report.status).toBe('failed')
    },
    30 * 60 * 1000
  )

  it(
    'names the package whose build fails, and leaves no binary',
    () => {
      const outDir = tempDir('broken')
      const run = pyseal([
        'build',
        '--target',
        target,
        '--project',
        path.join(FIXTURES, 'broken-ext'),
        '--out-dir',
        outDir
      ])
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(/Building broken-ext from source failed/)
      expect(run.stderr).not.toMatch(/\n\s+at /)
      const listing = execFileSync('ls', ['-a', outDir], { encoding: 'utf8' })
      expect(listing).not.toMatch(/^broken-ext$/m)
    },
    30 * 60 * 1000
  )
})

/** HMAC-SHA256 of b"m" under b"k" as this machine's Python computes it (its first 8 hex digits). */
function python3Hmac(): string {
  return execFileSync('python3', ['-c', 'import hmac; print(hmac.digest(b"k", b"m", "sha256").hex()[:8])'], {
    encoding: 'utf8'
  }).trim()
}
