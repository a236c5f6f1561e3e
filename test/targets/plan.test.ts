import { planMatrix } from '../../src/targets/plan'
import { TARGETS } from '../../src/targets/table'

describe('build matrix plan', () => {
  it('gives every triple one leg with its runner, packages and artifact name', () => {
    const plan = planMatrix(
      TARGETS.map(t => t.triple),
      'wordfreq'
    )
    expect(plan.include).toHaveLength(TARGETS.length)
    const byTarget = Object.fromEntries(plan.include.map(leg => [leg.target, leg]))
    expect(byTarget['x86_64-unknown-linux-gnu']).toEqual({
      target: 'x86_64-unknown-linux-gnu',
      'runs-on': 'ubuntu-24.04',
      container: '',
      os: 'linux',
      arch: 'x86_64',
      'apt-packages': 'build-essential binutils patchelf',
      artifact: 'wordfreq-x86_64-unknown-linux-gnu',
      'tested-on': 'this-machine'
    })
    expect(byTarget['x86_64-unknown-linux-musl']['apt-packages']).toContain('musl-tools')
    expect(byTarget['aarch64-unknown-linux-gnu']['runs-on']).toBe('ubuntu-24.04-arm')
    expect(byTarget['aarch64-unknown-linux-musl']['runs-on']).toBe('ubuntu-24.04-arm')
    expect(byTarget['x86_64-apple-darwin']['runs-on']).toBe('macos-15-intel')
    expect(byTarget['aarch64-apple-darwin']).toMatchObject({ 'runs-on': 'macos-15', 'apt-packages': '', os: 'macos' })
    expect(byTarget['x86_64-pc-windows-msvc']).toMatchObject({ 'runs-on': 'windows-2022', os: 'windows' })
  })

  it('takes "all" for every triple in the table', () => {
    expect(planMatrix(['all'], 'app').include.map(leg => leg.target)).toEqual(TARGETS.map(t => t.triple))
  })

  it('takes aliases, keeps the order given and drops repeats', () => {
    const plan = planMatrix(['macos-arm64', 'linux-x64', 'x86_64-unknown-linux-gnu'], 'app')
    expect(plan.include.map(leg => leg.target)).toEqual(['aarch64-apple-darwin', 'x86_64-unknown-linux-gnu'])
  })

  it('names every unknown value at once, with the valid ones', () => {
    expect(() => planMatrix(['linux-x64', 'sparc', 'vax'], 'app')).toThrow(
      /Unknown target "sparc, vax"\. Valid targets: /
    )
    expect(() => planMatrix([], 'app')).toThrow(/No targets given/)
  })
})
