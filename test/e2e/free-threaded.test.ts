import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { defaultCacheDir } from '../../src/cache/paths'
import type { Report } from '../../src/report/report'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

interface FreeThreadedOutput {
  gil_at_start: boolean
  square: number
  cube: number
  triangle: number
  cython_compiled: boolean
  builtins: string[]
  module_names: string[]
  threads: number[]
  gil_after_declared: boolean
  imported?: string
  warnings?: string[]
  gil_after_import?: boolean
  result?: number
}

const TARGET = 'x86_64-unknown-linux-gnu'

/**
 * --python-version 3.14t: CPython built with --disable-gil, the fixture's packages
 * built by that Python as cp314t extensions and linked in as built-ins. The binary
 * starts with the GIL disabled; modules that declare Py_mod_gil support (a C module
 * with the slot, a single-phase one with PyUnstable_Module_SetGIL, a Cython one with
 * `freethreading_compatible`) keep it disabled, and importing one that does not
 * turns it on with CPython's RuntimeWarning, built-in or not.
 */
describe('a free-threaded build (3.14t)', () => {
  const outDir = tempDir('free-threaded')
  const app = path.join(FIXTURES, 'free-threaded-app')
  let binary = ''
  let report: Report
  /** A `{cache-dir}/…` path of the report, on disk. */
  const inCache = (file: string | undefined): string => (file ?? '').replace('{cache-dir}', defaultCacheDir())

  beforeAll(
    () => {
      const args = ['build', '--target', TARGET, '--python-version', '3.14t', '--requirements', 'requirements.txt']
      const run = pyseal([...args, '--out-dir', outDir], app)
      binary = expectBuilt(run)
      expect(run.stdout).toMatch(/CPython 3\.14\.7 \(free-threaded\)|reused cached CPython/)
      report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
    },
    90 * 60 * 1000
  )

  const runApp = (args: string[]): FreeThreadedOutput => {
    const run = runBinary(binary, args)
    if (run.status !== 0) throw new Error(`exit ${run.status}:\n${run.stdout}\n${run.stderr}`)
    return JSON.parse(run.stdout) as FreeThreadedOutput
  }

  it('builds CPython with the t ABI: python3.14t, cp314t, ABIFLAGS t in PYTHON.json and sysconfig', () => {
    expect(report.python?.version).toBe('3.14.7')
    const root = inCache(report.python?.root)
    const json = JSON.parse(readFileSync(path.join(root, 'PYTHON.json'), 'utf8')) as Record<string, unknown>
    expect(json.python_exe).toBe('install/bin/python3.14t')
    expect(json.python_paths).toMatchObject({
      stdlib: 'install/lib/python3.14t',
      include: 'install/include/python3.14t'
    })
    expect(json.python_abi_tag).toBe('cp314t')
    expect(json.python_config_vars).toMatchObject({
      ABIFLAGS: 't',
      Py_GIL_DISABLED: '1',
      EXT_SUFFIX: '.cpython-314t-x86_64-linux-gnu.so'
    })
    const stdlib = path.join(root, 'install', 'lib', 'python3.14t')
    const sysconfigData = readdirSync(stdlib).find(n => /^_sysconfigdata_t_.*\.py$/.test(n))
    expect(sysconfigData).toBeDefined()
    expect(readFileSync(path.join(stdlib, sysconfigData ?? ''), 'utf8')).toMatch(/'ABIFLAGS': 't'/)
  })

  it('captures the packages pip built as cp314t extensions and makes them built-ins', () => {
    const byName = new Map(report.modules.map(m => [m.module, m]))
    for (const name of ['ftext._multiphase', 'ftext._singlephase', 'ftext._cyfree', 'ftext._undeclared']) {
      expect(byName.get(name)?.status).toBe('builtin')
    }
    expect(byName.get('cext._core')?.status).toBe('builtin')
    expect(byName.get('cyext._fast')?.status).toBe('builtin')
    // What pip installed, from which the objects were captured: cp314t extension files.
    const site = path.join(defaultCacheDir(), 'packages', report.packages?.key ?? '', 'site')
    const files = ['ftext', 'cext', 'cyext'].flatMap(dir => readdirSync(path.join(site, dir)).map(f => `${dir}/${f}`))
    expect(files.filter(f => f.endsWith('.so')).sort()).toEqual([
      'cext/_core.cpython-314t-x86_64-linux-gnu.so',
      'cyext/_fast.cpython-314t-x86_64-linux-gnu.so',
      'ftext/_cyfree.cpython-314t-x86_64-linux-gnu.so',
      'ftext/_multiphase.cpython-314t-x86_64-linux-gnu.so',
      'ftext/_singlephase.cpython-314t-x86_64-linux-gnu.so',
      'ftext/_undeclared.cpython-314t-x86_64-linux-gnu.so'
    ])
  })

  it('starts with the GIL disabled and keeps it so for modules that declare they run without it', () => {
    const out = runApp([])
    expect(out.gil_at_start).toBe(false)
    expect([out.square, out.cube, out.triangle]).toEqual([49, 27, 5050])
    expect(out.cython_compiled).toBe(true)
    expect(out.builtins).toEqual([
      'cext._core',
      'cyext._fast',
      'ftext._cyfree',
      'ftext._multiphase',
      'ftext._singlephase',
      'ftext._undeclared'
    ])
    expect(out.module_names).toEqual(['ftext._multiphase', 'ftext._singlephase', 'ftext._cyfree'])
    expect(out.threads).toEqual([500500, 501501, 502503, 503506])
    // After the fixture's declared modules and the stdlib's built-in _decimal, _json, _sqlite3, _ssl, zlib.
    expect(out.gil_after_declared).toBe(false)
  })

  it.each([
    ['ftext._undeclared', 'a C module without the Py_mod_gil slot', -5],
    ['cext._core', 'a single-phase C module', 5],
    ['cyext._fast', 'a Cython module without freethreading_compatible', 5]
  ])('turns the GIL on, with CPython warning, to import %s (%s)', (module, _what, result) => {
    const out = runApp(['--import', module])
    expect(out.gil_after_declared).toBe(false)
    expect(out.imported).toBe(module)
    expect(out.result).toBe(result)
    expect(out.warnings).toEqual([
      `RuntimeWarning: The global interpreter lock (GIL) has been enabled to load module '${module}', which has ` +
        'not declared that it can run safely without the GIL. To override this behavior and keep the GIL disabled ' +
        '(at your own risk), run with PYTHON_GIL=0 or -Xgil=0.'
    ])
    expect(out.gil_after_import).toBe(true)
  })

  it('is free-threaded in interpreter mode too, where -X gil=1 turns the GIL on', () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PYSEAL_INTERPRETER: '1' }
    // The app's binary keeps only the stdlib the app imports: sys, and what the interpreter needs.
    const code = 'import sys; print(sys._is_gil_enabled())'
    expect(runBinary(binary, ['-c', code], { env }).stdout.trim()).toBe('False')
    expect(runBinary(binary, ['-X', 'gil=1', '-c', code], { env }).stdout.trim()).toBe('True')
  })

  it('says in the report that the build is free-threaded, with its ABI', () => {
    expect(report.python).toMatchObject({ abi: 'cp314t', freeThreaded: true })
  })
})
