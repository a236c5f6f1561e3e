import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { optimizationConfigureArgs } from '../../src/distribution/source-build'
import { resolveBuildInputs } from '../../src/inputs/resolve-inputs'

describe('--python-optimization', () => {
  it('maps each mode to the configure options operating systems build CPython with', () => {
    expect(optimizationConfigureArgs('none')).toEqual([])
    expect(optimizationConfigureArgs('lto')).toEqual(['--with-lto'])
    expect(optimizationConfigureArgs('pgo+lto')).toEqual(['--with-lto', '--enable-optimizations'])
  })

  it('defaults to none, is read from [tool.pyseal], and refuses an unknown mode naming the choices', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-opt-'))
    writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n')
    expect((await resolveBuildInputs({}, dir)).pythonOptimization).toBe('none')
    writeFileSync(
      path.join(dir, 'pyproject.toml'),
      '[project]\nname = "demo"\n[tool.pyseal]\npython-optimization = "pgo+lto"\n'
    )
    expect((await resolveBuildInputs({ glibc: 'host' }, dir)).pythonOptimization).toBe('pgo+lto')
    expect((await resolveBuildInputs({ target: 'linux-musl-x64' }, dir)).pythonOptimization).toBe('pgo+lto')
    await expect(resolveBuildInputs({ 'python-optimization': 'pgo', glibc: 'host' }, dir)).rejects.toThrow(
      /python-optimization must be one of none, lto, pgo\+lto, not "pgo"/
    )
  })

  it.each(['lto', 'pgo+lto'])('%s with a glibc floor is refused, naming --glibc host', async mode => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-opt-'))
    writeFileSync(path.join(dir, 'pyproject.toml'), '[project]\nname = "demo"\n')
    for (const flags of [{ target: 'linux-x64' }, { target: 'linux-x64', glibc: '2.28' }]) {
      const error = (await resolveBuildInputs({ ...flags, 'python-optimization': mode }, dir).catch(e => e)) as Error
      expect(error.message).toContain(
        `python-optimization ${mode} cannot be built for glibc ${flags.glibc ?? '2.17'}: only this machine's gcc ` +
          "optimizes CPython; give --glibc host (the binary then needs this machine's glibc) or python-optimization none"
      )
    }
  })
})
