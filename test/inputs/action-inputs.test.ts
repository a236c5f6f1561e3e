import { readActionInputs, readActionOptions } from '../../src/inputs/action-inputs'
import { InputError } from '../../src/inputs/schema'

describe('action inputs', () => {
  it('reads INPUT_* variables by the CLI flag names, leaving empty ones unset', () => {
    const inputs = readActionInputs({
      INPUT_TARGET: 'linux-musl-x64',
      'INPUT_ENTRY-POINT': 'app.cli:main',
      INPUT_REQUIREMENTS: 'requirements.txt\n dev.txt \n',
      INPUT_NAME: '',
      'INPUT_OUT-DIR': 'out'
    })
    expect(inputs).toEqual({
      target: 'linux-musl-x64',
      'entry-point': 'app.cli:main',
      requirements: ['requirements.txt', 'dev.txt'],
      'out-dir': 'out'
    })
  })

  it('takes a repeated input one item per line, keeping the commas inside an item', () => {
    const inputs = readActionInputs({ 'INPUT_LINK-EXTRA': 'fast._core=core.o,libm.a\n extra.o \n' })
    expect(inputs).toEqual({ 'link-extra': ['fast._core=core.o,libm.a', 'extra.o'] })
  })

  it('reads the action-only inputs with their defaults', () => {
    expect(readActionOptions({ GITHUB_WORKSPACE: '/ws' })).toEqual({
      cache: 'auto',
      cacheSuffix: '',
      upload: false,
      artifactName: null,
      workingDirectory: '/ws'
    })
    expect(
      readActionOptions({
        GITHUB_WORKSPACE: '/ws',
        INPUT_CACHE: 'false',
        INPUT_UPLOAD: 'true',
        'INPUT_ARTIFACT-NAME': 'pyseal-app-linux',
        'INPUT_WORKING-DIRECTORY': 'sub'
      })
    ).toMatchObject({ cache: 'false', upload: true, artifactName: 'pyseal-app-linux', workingDirectory: '/ws/sub' })
  })

  it('names every bad action-only input at once', () => {
    const read = (): unknown => readActionOptions({ INPUT_CACHE: 'always', INPUT_UPLOAD: 'sure' })
    expect(read).toThrow(InputError)
    expect(read).toThrow(/upload must be true or false, not "sure"[\s\S]*cache must be one of auto, true, false/)
  })

  it('refuses a cache-suffix the cache service would refuse in a key, rather than warn on every run', () => {
    const read = (suffix: string) => () => readActionOptions({ 'INPUT_CACHE-SUFFIX': suffix })
    expect(read('py3.14,musl')).toThrow(/cache-suffix: may not hold "," or line breaks/)
    expect(read('a\nb')).toThrow(/cache-suffix: may not hold "," or line breaks/)
    expect(read('x'.repeat(201))).toThrow(/cache-suffix: may be at most 200 characters long/)
    expect(readActionOptions({ 'INPUT_CACHE-SUFFIX': ` ${'x'.repeat(200)} ` }).cacheSuffix).toBe('x'.repeat(200))
  })
})
