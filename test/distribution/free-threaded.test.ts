import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { cpythonValue, parseCPythonValue } from '../../src/distribution/cpython-releases'
import { abiTag, readInstallNames } from '../../src/distribution/install-names'
import { distributionValue, pythonVersionValue } from '../../src/inputs/parse-values'

describe('the free-threaded build as a distribution value', () => {
  it('is the release with a t: cpython:3.14.7t, the default build keeping cpython:3.14.7', () => {
    expect(cpythonValue('3.14.7', true)).toBe('cpython:3.14.7t')
    expect(cpythonValue('3.14.7', false)).toBe('cpython:3.14.7')
    expect(parseCPythonValue('cpython:3.14.7t')).toEqual({ version: '3.14.7', freeThreaded: true })
    expect(parseCPythonValue('cpython:3.14.7')).toEqual({ version: '3.14.7', freeThreaded: false })
    expect(parseCPythonValue('cpython:3.14t')).toBeNull()
    expect(parseCPythonValue('debian:python3.13')).toBeNull()
  })

  it('comes from --python-version 3.14t and 3.14.7t', async () => {
    const problems: string[] = []
    expect(await pythonVersionValue('3.14t', undefined, problems)).toBe('cpython:3.14.7t')
    expect(await pythonVersionValue('3.14.7t', undefined, problems)).toBe('cpython:3.14.7t')
    expect(await pythonVersionValue('3.14', undefined, problems)).toBe('cpython:3.14.7')
    expect(problems).toEqual([])
  })

  it('is refused for a version that has no free-threaded build, in one line', async () => {
    const problems: string[] = []
    expect(await pythonVersionValue('3.12t', undefined, problems)).toBeNull()
    await distributionValue('cpython:3.11.2t', 'x86_64-unknown-linux-gnu', os.tmpdir(), problems)
    expect(problems).toEqual([
      'python-version "3.12t": CPython has a free-threaded build from 3.13 on: choose 3.13t or later, or drop the t',
      'python-distribution "cpython:3.11.2t": CPython has a free-threaded build from 3.13 on: choose 3.13t or later, or drop the t'
    ])
  })

  it('is taken as --python-distribution when the release is known', async () => {
    const problems: string[] = []
    await distributionValue('cpython:3.14.7t', 'x86_64-unknown-linux-gnu', os.tmpdir(), problems)
    await distributionValue('cpython:3.14.0t', 'x86_64-unknown-linux-gnu', os.tmpdir(), problems)
    expect(problems).toEqual([
      'python-distribution "cpython:3.14.0t" names no release pyseal knows: use --python-version X.Y instead'
    ])
  })
})

describe('install names', () => {
  // A Makefile with the variables configure writes, as make expands them.
  const configured = (vars: Record<string, string>): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-names-'))
    const lines = Object.entries(vars).map(([k, v]) => `${k}=\t${v}`)
    writeFileSync(path.join(dir, 'Makefile'), `${lines.join('\n')}\nall:\n\t@true\n`)
    return dir
  }

  it('are python3.14t for a free-threaded build, python3.14 for the default one', async () => {
    const common = { VERSION: '3.14', LDVERSION: '$(VERSION)$(ABIFLAGS)', EXE: '' }
    const free = configured({
      ...common,
      ABIFLAGS: 't',
      ABI_THREAD: 't',
      SOABI: 'cpython-314t-x86_64-linux-gnu',
      EXT_SUFFIX: '.$(SOABI).so'
    })
    // 3.11 and 3.12 have no ABI_THREAD: the library directory is python3.11.
    const old = configured({ ...common, VERSION: '3.11', ABIFLAGS: '', SOABI: 'cpython-311-x86_64-linux-gnu' })
    try {
      const names = await readInstallNames(free)
      expect(names).toEqual({
        minor: '3.14',
        abiFlags: 't',
        exe: 'bin/python3.14t',
        stdlib: 'lib/python3.14t',
        include: 'include/python3.14t',
        soabi: 'cpython-314t-x86_64-linux-gnu',
        extSuffix: '.cpython-314t-x86_64-linux-gnu.so'
      })
      expect(abiTag(names)).toBe('cp314t')
      const oldNames = await readInstallNames(old)
      expect([oldNames.exe, oldNames.stdlib, oldNames.include, abiTag(oldNames)]).toEqual([
        'bin/python3.11',
        'lib/python3.11',
        'include/python3.11',
        'cp311'
      ])
    } finally {
      rmSync(free, { recursive: true, force: true })
      rmSync(old, { recursive: true, force: true })
    }
  })
})
