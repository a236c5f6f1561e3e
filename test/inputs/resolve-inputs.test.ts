import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { resolveBuildInputs } from '../../src/inputs/resolve-inputs'
import { InputError } from '../../src/inputs/schema'
import bundled from '../../src/distribution/cpython-releases.json'

function project(pyproject: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-inputs-'))
  writeFileSync(path.join(dir, 'pyproject.toml'), pyproject)
  return dir
}

describe('build inputs', () => {
  it('takes the only [project.scripts] entry and the project name by default', async () => {
    const dir = project('[project]\nname = "demo"\n[project.scripts]\ndemo = "demo.cli:main"\n')
    const inputs = await resolveBuildInputs({ target: 'linux-musl-x64' }, dir)
    expect(inputs).toMatchObject({
      target: 'x86_64-unknown-linux-musl',
      project: dir,
      entryPoint: 'demo.cli:main',
      name: 'demo',
      outDir: path.join(dir, 'pyseal-out')
    })
    expect(inputs.stdlibExclude).toContain('test')
  })

  it('lets flags win over [tool.pyseal], and "none" keep the whole stdlib', async () => {
    const dir = project(
      '[project]\nname = "demo"\n[tool.pyseal]\nname = "fromtoml"\nstdlib-exclude = "none"\nentry-point = "demo:run"\n'
    )
    const inputs = await resolveBuildInputs({ name: 'fromflag' }, dir)
    expect(inputs.name).toBe('fromflag')
    expect(inputs.stdlibExclude).toEqual([])
    expect(inputs.entryPoint).toBe('demo:run')
  })

  it('builds the default CPython release when neither python-version nor python-distribution is given', async () => {
    const dir = project('[project]\nname = "demo"\n')
    const inputs = await resolveBuildInputs({}, dir)
    expect(inputs.pythonVersion).toBe('3.14')
    expect(inputs.pythonDistribution).toBe(`cpython:${bundled.defaults['3.14']}`)
  })

  it('lets python-distribution alone decide, with no default version to contradict it', async () => {
    const dir = project('[project]\nname = "demo"\n')
    const inputs = await resolveBuildInputs({ 'python-distribution': 'debian:python3.11' }, dir)
    expect(inputs.pythonVersion).toBeNull()
    expect(inputs.pythonDistribution).toBe('debian:python3.11')
    expect((await resolveBuildInputs({ 'python-version': '3.13' }, dir)).pythonDistribution).toBe(
      `cpython:${bundled.defaults['3.13']}`
    )
  })

  it('chooses interpreter mode with --entry-point none', async () => {
    const dir = project('[project]\nname = "demo"\n[project.scripts]\ndemo = "demo.cli:main"\n')
    expect((await resolveBuildInputs({ 'entry-point': 'none' }, dir)).entryPoint).toBeNull()
  })

  it('reports every bad value in one error', async () => {
    const dir = project('[project]\nname = "demo"\n[project.scripts]\na = "x:a"\nb = "x:b"\n[tool.pyseal]\nbogus = 1\n')
    const error = (await resolveBuildInputs({ target: 'nope', requirements: ['missing.txt'] }, dir).catch(
      e => e
    )) as InputError
    expect(error).toBeInstanceOf(InputError)
    expect(error.problems).toHaveLength(4)
    expect(error.message).toMatch(/Unknown target "nope"/)
    expect(error.message).toMatch(/requirements file .*missing.txt does not exist/)
    expect(error.message).toMatch(/\[project.scripts\] has 2 entries \(a, b\)/)
    expect(error.message).toMatch(/\[tool.pyseal\] .*unknown setting "bogus"/)
  })
})
