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
    expect((await resolveBuildInputs({}, dir)).pythonOptimization).toBe('pgo+lto')
    await expect(resolveBuildInputs({ 'python-optimization': 'pgo' }, dir)).rejects.toThrow(
      /python-optimization must be one of none, lto, pgo\+lto, not "pgo"/
    )
  })
})
