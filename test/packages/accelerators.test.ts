import { acceleratorEnv, OPTIONAL_ACCELERATOR_ENV } from '../../src/packages/accelerators'

describe('acceleratorEnv', () => {
  it("turns on charset-normalizer's mypyc build by default", () => {
    expect(acceleratorEnv({})).toEqual({ CHARSET_NORMALIZER_USE_MYPYC: '1' })
  })

  it('keeps a value the environment already gives (so the cache key follows it)', () => {
    expect(acceleratorEnv({ CHARSET_NORMALIZER_USE_MYPYC: '0' })).toEqual({ CHARSET_NORMALIZER_USE_MYPYC: '0' })
  })

  it('names every variable after its package, so setting all of them for one pip run turns on nothing else', () => {
    for (const [name, variables] of Object.entries(OPTIONAL_ACCELERATOR_ENV)) {
      const prefix = name.toUpperCase().replace(/[-.]/g, '_') + '_'
      for (const variable of Object.keys(variables)) expect(variable.startsWith(prefix)).toBe(true)
    }
  })
})
