import type { CaptureRecord } from '../../src/packages/capture-records'
import { parseDistribution } from '../../src/distribution/python-json'
import { planModules } from '../../src/resolve/modules'
import type { ExtensionPolicy } from '../../src/resolve/policy'

const dynamic: ExtensionPolicy = {
  flavor: 'dynamic',
  locations: [{ kind: 'filesystem-relative', dir: 'lib' }],
  allowInMemory: false,
  excludePackages: [],
  standalonePackages: [],
  sideDirectory: 'lib'
}
import { findTarget } from '../../src/targets/table'

const distribution = parseDistribution('/dist', {
  version: '8',
  target_triple: 'x86_64-unknown-linux-musl',
  python_version: '3.11.2',
  python_major_minor_version: '3.11',
  python_exe: 'install/bin/python3.11',
  python_paths: { stdlib: 'install/lib/python3.11', include: 'install/include/python3.11' },
  python_extension_module_loading: ['builtin'],
  build_info: {
    core: { objs: [], links: [] },
    extensions: {
      sys: [{ in_core: true, init_fn: 'NULL', objs: [], links: [], required: true, variant: 'default' }],
      zlib: [
        {
          in_core: false,
          init_fn: 'PyInit_zlib',
          objs: ['build/Modules/zlibmodule.o'],
          links: [{ name: 'z', path_static: 'build/lib/libz.a' }],
          required: false,
          variant: 'default'
        }
      ],
      _ctypes_test: [
        {
          in_core: false,
          init_fn: 'PyInit__ctypes_test',
          objs: [],
          links: [],
          required: false,
          variant: 'default',
          shared_lib: 'install/lib/python3.11/lib-dynload/_ctypes_test.cpython-311-x86_64-linux-gnu.so'
        }
      ],
      _testcapi: [
        {
          in_core: false,
          init_fn: 'PyInit__testcapi',
          objs: ['build/Modules/_testcapimodule.o'],
          links: [],
          required: false,
          variant: 'default'
        }
      ]
    }
  },
  pyseal: {
    source_sha256: 'x',
    key: 'k',
    not_built: [{ module: '_ctypes', cause: 'no dlopen in a static musl binary' }],
    test_extensions: ['_testcapi', '_ctypes_test'],
    include_dir: 'install/include/python3.11'
  }
})

function record(module: string, extra: Partial<CaptureRecord> = {}): CaptureRecord {
  return {
    schema: 1,
    module,
    init_fn: `PyInit_${module.split('.').pop()}`,
    objects: [`/capture/${module}.o`],
    archives: [],
    whole_archives: [],
    libraries: [],
    library_dirs: [],
    extra_link_args: [],
    language: 'c',
    capture: 'setuptools._distutils',
    ...extra
  }
}

describe('module plan', () => {
  const plans = planModules({
    distribution,
    target: findTarget('x86_64-unknown-linux-musl'),
    policy: { ...dynamic, flavor: 'static' },
    siteDir: '/site',
    linkExtra: [],
    searchDirs: ['/nonexistent'],
    cxx: '/toolchain/c++',
    includeStdlibTestModules: false,
    records: [
      record('alpha._speedups'),
      record('beta._speedups'),
      record('needs.lib', { libraries: ['doesnotexist'] })
    ],
    intents: [
      { schema: 1, package: 'opt', modules: ['opt._accel'] },
      { schema: 1, package: 'images', modules: ['images._core', 'images._cms'], building: ['images._core'] }
    ],
    installed: [
      { module: 'alpha._speedups', file: 'alpha/_speedups.so', distribution: 'alpha' },
      { module: 'beta._speedups', file: 'beta/_speedups.so', distribution: 'beta' },
      { module: 'needs.lib', file: 'needs/lib.so', distribution: null },
      { module: 'rusty._native', file: 'rusty/_native.so', distribution: 'rusty' }
    ]
  })
  const byName = new Map(plans.map(p => [p.module, p]))
  const codes = (name: string): string[] => byName.get(name)?.reasons.map(r => r.code) ?? []

  it('keeps stdlib modules and their static libraries, and leaves test modules out by default', () => {
    expect(byName.get('zlib')?.status).toBe('builtin')
    expect(byName.get('zlib')?.libraries).toEqual([{ name: 'z', kind: 'static', path: '/dist/build/lib/libz.a' }])
    expect(codes('_testcapi')).toEqual(['STDLIB_TEST_MODULE_LEFT_OUT'])
    expect(codes('_ctypes')).toEqual(['STDLIB_NOT_BUILT'])
    expect(byName.has('sys')).toBe(false)
  })

  it('renames the second of two init functions with the same name', () => {
    expect(byName.get('alpha._speedups')?.linkedInitFunction).toBe('PyInit__speedups')
    expect(byName.get('beta._speedups')?.linkedInitFunction).toBe('PyInit_pyseal_beta__speedups')
    expect(codes('beta._speedups')).toContain('INIT_FUNCTION_RENAMED')
  })

  it('fails a module whose library has no static archive, saying which', () => {
    expect(byName.get('needs.lib')?.status).toBe('failed')
    expect(byName.get('needs.lib')?.reasons.at(-1)?.message).toMatch(/needs libdoesnotexist/)
  })

  it('leaves out an extension with no captured objects, and says musl cannot load it', () => {
    expect(byName.get('rusty._native')?.status).toBe('excluded')
    expect(codes('rusty._native')).toEqual(['NO_OBJECT_FILES', 'MUSL_BUILTIN_ONLY'])
    expect(byName.get('rusty._native')?.package).toBe('rusty')
  })

  it('reports an extension a package meant to build but did not', () => {
    expect(codes('opt._accel')).toEqual(['INTENDED_NOT_BUILT'])
    expect(byName.get('opt._accel')?.reasons[0].message).toMatch(/a failed optional build/)
  })

  it('says which extensions a package left out of its build before compiling', () => {
    expect(byName.get('images._cms')?.status).toBe('excluded')
    expect(byName.get('images._cms')?.reasons[0].message).toMatch(/^images left images\._cms out of its build/)
    expect(byName.get('images._core')?.reasons[0].message).toMatch(/a failed optional build/)
  })
})

describe('module plan for the test modules a distribution has only as shared libraries', () => {
  const plan = (triple: string, cxx: string | null): ReturnType<typeof planModules> =>
    planModules({
      distribution,
      target: findTarget(triple),
      policy: dynamic,
      siteDir: '/site',
      linkExtra: [],
      searchDirs: ['/nonexistent'],
      cxx,
      includeStdlibTestModules: true,
      records: [record('cpp._words', { language: 'c++' })],
      intents: [],
      installed: [{ module: 'cpp._words', file: 'cpp/_words.so', distribution: 'cpp' }]
    })

  it('ships them beside the binary where the target can load shared libraries', () => {
    const ctypesTest = plan('x86_64-unknown-linux-gnu', 'g++').find(p => p.module === '_ctypes_test')
    expect(ctypesTest?.status).toBe('standalone')
    expect(ctypesTest?.standaloneFile).toEqual({
      source: '/dist/install/lib/python3.11/lib-dynload/_ctypes_test.cpython-311-x86_64-linux-gnu.so',
      relative: '_ctypes_test.cpython-311-x86_64-linux-gnu.so'
    })
    expect(ctypesTest?.reasons[0].message).toMatch(/shipped as lib\/_ctypes_test\.cpython-311-x86_64-linux-gnu\.so/)
  })

  it('leaves them out of static-only targets, saying why', () => {
    const ctypesTest = plan('x86_64-unknown-linux-musl', '/zig/c++').find(p => p.module === '_ctypes_test')
    expect(ctypesTest?.status).toBe('excluded')
    expect(ctypesTest?.reasons.map(r => r.code)).toEqual(['MUSL_BUILTIN_ONLY'])
  })

  it('fails a C++ extension only when the target has no C++ compiler here', () => {
    expect(plan('x86_64-unknown-linux-musl', '/zig/c++').find(p => p.module === 'cpp._words')?.status).toBe('builtin')
    const without = plan('x86_64-unknown-linux-musl', null).find(p => p.module === 'cpp._words')
    expect(without?.status).toBe('failed')
    expect(without?.reasons.map(r => r.code)).toContain('CXX_TOOLCHAIN_MISSING')
  })
})
