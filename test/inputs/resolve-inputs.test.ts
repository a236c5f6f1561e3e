import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { resolveBuildInputs } from '../../src/inputs/resolve-inputs'
import { InputError, type RawInputs } from '../../src/inputs/schema'
import { DEFAULT_GLIBC_FLOOR, NEWEST_GLIBC_FLOOR } from '../../src/toolchain/glibc-floor'
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

  it('packs the whole stdlib unless asked for only what the app imports', async () => {
    const dir = project('[project]\nname = "demo"\n[project.scripts]\ndemo = "demo.cli:main"\n')
    expect((await resolveBuildInputs({}, dir)).stdlib).toBe('all')
    expect((await resolveBuildInputs({ stdlib: 'imported' }, dir)).stdlib).toBe('imported')
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

  it('reads package-data-location from [tool.pyseal] as a list of PKG=LOCATION', async () => {
    const dir = project(
      '[project]\nname = "demo"\n[tool.pyseal]\n' +
        'package-data-location = ["certifi=user-cache", "demo=filesystem-relative:data/pkgs"]\n'
    )
    const inputs = await resolveBuildInputs({}, dir)
    expect(inputs.packageDataLocations).toEqual([
      { package: 'certifi', location: { kind: 'user-cache' } },
      { package: 'demo', location: { kind: 'filesystem-relative', dir: 'data/pkgs' } }
    ])
  })

  it('refuses a package given two package data locations, and a location outside the output directory', async () => {
    const dir = project('[project]\nname = "demo"\n')
    await expect(
      resolveBuildInputs({ 'package-data-location': 'demo=user-cache,demo=filesystem-relative:../up' }, dir)
    ).rejects.toThrow(/package-data-location names demo twice[\s\S]*must be a directory below the binary's/)
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

  describe('glibc', () => {
    const problemsOf = async (flags: RawInputs, dir: string): Promise<string[]> => {
      const error = (await resolveBuildInputs(flags, dir).catch(e => e)) as InputError
      expect(error).toBeInstanceOf(InputError)
      return error.problems
    }

    it('is 2.17 on gnu targets by default, and null where there is no glibc', async () => {
      const dir = project('[project]\nname = "demo"\n')
      expect(DEFAULT_GLIBC_FLOOR).toBe('2.17')
      expect((await resolveBuildInputs({ target: 'linux-x64' }, dir)).glibc).toBe(DEFAULT_GLIBC_FLOOR)
      expect((await resolveBuildInputs({ target: 'linux-arm64' }, dir)).glibc).toBe(DEFAULT_GLIBC_FLOOR)
      expect((await resolveBuildInputs({ target: 'linux-musl-x64' }, dir)).glibc).toBeNull()
      expect((await resolveBuildInputs({ target: 'macos-arm64' }, dir)).glibc).toBeNull()
    })

    it('takes 2.17 to the newest release, and host', async () => {
      const dir = project('[project]\nname = "demo"\n')
      for (const floor of ['2.17', '2.28', NEWEST_GLIBC_FLOOR, 'host']) {
        expect((await resolveBuildInputs({ target: 'linux-x64', glibc: floor }, dir)).glibc).toBe(floor)
      }
    })

    it('refuses a floor outside the range or no release, naming the range', async () => {
      const dir = project('[project]\nname = "demo"\n')
      const range = `2.17 to ${NEWEST_GLIBC_FLOOR}`
      expect(await problemsOf({ target: 'linux-x64', glibc: '2.5' }, dir)).toEqual([
        `glibc "2.5" is outside the floors pyseal can hold: choose ${range} ` +
          '(2.17 is the oldest glibc with aarch64 and the manylinux2014 floor), or host'
      ])
      expect(await problemsOf({ target: 'linux-x64', glibc: '2.99' }, dir)).toEqual([
        expect.stringMatching(/^glibc "2\.99" is outside the floors pyseal can hold/)
      ])
      for (const bad of ['banana', '2', '2.17.1', '3.0', '']) {
        expect(await problemsOf({ target: 'linux-x64', glibc: bad }, dir)).toEqual([
          `glibc "${bad}" is not a glibc release: write 2.N from ${range} (e.g. 2.17), or host`
        ])
      }
    })

    it('refuses a floor given for a target without glibc, and ignores one from [tool.pyseal] there', async () => {
      const dir = project('[project]\nname = "demo"\n')
      expect(await problemsOf({ target: 'linux-musl-x64', glibc: '2.17' }, dir)).toEqual([
        'glibc "2.17" does not apply: x86_64-unknown-linux-musl links musl statically and needs no glibc; ' +
          'leave out --glibc for this target'
      ])
      expect(await problemsOf({ target: 'windows-x64', glibc: '2.28' }, dir)).toEqual([
        'glibc "2.28" does not apply: x86_64-pc-windows-msvc is not Linux, and only Linux gnu targets use glibc; ' +
          'leave out --glibc for this target'
      ])
      expect((await resolveBuildInputs({ target: 'linux-musl-x64', glibc: 'host' }, dir)).glibc).toBeNull()
      // One [tool.pyseal] serves every target of a matrix: the floor is for its gnu legs.
      const matrix = project('[project]\nname = "demo"\n[tool.pyseal]\nglibc = "2.17"\n')
      expect((await resolveBuildInputs({ target: 'linux-musl-x64' }, matrix)).glibc).toBeNull()
      expect((await resolveBuildInputs({ target: 'linux-x64' }, matrix)).glibc).toBe('2.17')
      expect((await resolveBuildInputs({ target: 'linux-x64', glibc: 'host' }, matrix)).glibc).toBe('host')
    })
  })
})
