import {
  objectForSource,
  parseModuleLine,
  parseSetup,
  renderModuleLine,
  renderSetupLocal
} from '../../src/distribution/setup-local'

describe('Setup files', () => {
  it('reads enabled and commented module lines, with makesetup default flags', () => {
    const parsed = parseSetup(
      [
        '*static*',
        'array arraymodule.c',
        '#@MODULE__CTYPES_TRUE@_ctypes _ctypes/_ctypes.c _ctypes/callbacks.c',
        'xxsubtype xxsubtype.c  # Required for the test suite to pass!',
        'DESTLIB=$(LIBDEST)',
        '*shared*',
        '_blake2 _blake2/blake2module.c _blake2/blake2b_impl.c'
      ].join('\n')
    )
    expect(parsed.enabled.map(m => m.name)).toEqual(['array', 'xxsubtype', '_blake2'])
    expect(parsed.enabled[0]).toEqual({
      name: 'array',
      sources: ['arraymodule.c'],
      cflags: ['$(MODULE_ARRAY_CFLAGS)'],
      ldflags: ['$(MODULE_ARRAY_LDFLAGS)']
    })
    expect(parsed.commented).toEqual(['_ctypes'])
  })

  it('maps sources to the objects makesetup compiles', () => {
    expect(objectForSource('_blake2/blake2module.c')).toBe('Modules/_blake2/blake2module.o')
    expect(objectForSource('arraymodule.c')).toBe('Modules/arraymodule.o')
  })

  it('renders a Setup.local with static and disabled sections', () => {
    const text = renderSetupLocal([parseModuleLine('zlib zlibmodule.c -lz')], [], ['_tkinter'])
    expect(text).toBe(
      '# Written by pyseal: every chosen stdlib extension module is built in.\n*static*\nzlib zlibmodule.c -lz\n\n*disabled*\n_tkinter\n'
    )
  })

  it('puts shared-library test modules under *shared*, between the static and disabled sections', () => {
    const text = renderSetupLocal(
      [parseModuleLine('zlib zlibmodule.c -lz')],
      [parseModuleLine('_ctypes_test _ctypes/_ctypes_test.c -lm')],
      ['_tkinter']
    )
    expect(text.split('\n')).toEqual([
      '# Written by pyseal: every chosen stdlib extension module is built in.',
      '*static*',
      'zlib zlibmodule.c -lz',
      '',
      '# Test modules that their tests load as shared libraries.',
      '*shared*',
      '_ctypes_test _ctypes/_ctypes_test.c -lm',
      '',
      '*disabled*',
      '_tkinter',
      ''
    ])
  })

  it('refuses "=" in a Setup line, which makesetup would read as a variable', () => {
    expect(() => renderModuleLine(parseModuleLine('_ctypes _ctypes/_ctypes.c -DFOO=1'))).toThrow(/makesetup reads "="/)
  })
})
