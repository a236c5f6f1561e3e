import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { ensureRecordLibraries, missingLibraryReason } from '../../src/libraries/built-libraries'
import type { LibraryProvider } from '../../src/libraries/library-provider'
import type { LibraryQuery } from '../../src/libraries/recipe-graph'
import { parseDistribution } from '../../src/distribution/python-json'
import type { CaptureRecord } from '../../src/packages/capture-records'
import { planModules } from '../../src/resolve/modules'
import { findTarget } from '../../src/targets/table'

/**
 * The resolve stage's side of on-demand libraries: which `-l` names are asked of the
 * provider, and what the report says of a module that links one (built from source, or
 * missing with no recipe). The provider stands in for the recipe builds, which
 * test/e2e/libraries.test.ts runs for real; the archives are real files.
 */
const target = findTarget('x86_64-unknown-linux-musl')
const root = mkdtempSync(path.join(tmpdir(), 'pyseal-built-libraries-'))
const prefixLib = path.join(root, 'static-deps', 'k', 'lib')
const hostLib = path.join(root, 'host-lib')
mkdirSync(prefixLib, { recursive: true })
mkdirSync(hostLib, { recursive: true })
writeFileSync(path.join(prefixLib, 'libyaml.a'), '!<arch>\n')
writeFileSync(path.join(hostLib, 'libz.a'), '!<arch>\n')

function provider(asked: LibraryQuery[]): LibraryProvider {
  return {
    identity: 'test',
    ensure: async query => {
      asked.push(query)
      if (query.name === 'xslt') throw new Error('Static dependency libxslt failed at configure\nmore lines')
      if (query.name !== 'yaml') return null
      return {
        recipe: 'libyaml',
        prefix: path.dirname(prefixLib),
        includeDirs: [],
        libDir: prefixLib,
        pkgConfigDir: path.join(prefixLib, 'pkgconfig'),
        libraries: { libyaml: { version: '0.2.5', archives: [path.join(prefixLib, 'libyaml.a')] } }
      }
    }
  }
}

function record(module: string, libraries: string[]): CaptureRecord {
  return {
    schema: 1,
    module,
    init_fn: `PyInit_${module.split('.').pop()}`,
    objects: [`/capture/${module}.o`],
    archives: [],
    whole_archives: [],
    libraries,
    library_dirs: [],
    extra_link_args: [],
    language: 'c',
    capture: 'setuptools._distutils'
  }
}

const distribution = parseDistribution('/dist', {
  version: '8',
  target_triple: 'x86_64-unknown-linux-musl',
  python_version: '3.11.2',
  python_major_minor_version: '3.11',
  python_exe: 'install/bin/python3.11',
  python_paths: { stdlib: 'install/lib/python3.11', include: 'install/include/python3.11' },
  python_extension_module_loading: ['builtin'],
  build_info: { core: { objs: [], links: [] }, extensions: {} }
})

describe('libraries built for the records', () => {
  const records = [
    record('yaml._yaml', ['yaml']),
    record('zipped._z', ['z']),
    record('lxml.etree', ['xslt']),
    record('odd._mod', ['pysealnorecipe'])
  ]

  it('asks the provider only for what the target lacks, and keeps what failed', async () => {
    const asked: LibraryQuery[] = []
    const built = await ensureRecordLibraries(records, provider(asked), target, [hostLib])
    // libz.a is found in the target's directories: not asked for
    expect(asked.map(q => q.name)).toEqual(['pysealnorecipe', 'xslt', 'yaml'])
    expect(built.searchDirs).toEqual([prefixLib])
    expect([...built.archives]).toEqual([[path.join(prefixLib, 'libyaml.a'), { recipe: 'libyaml', version: '0.2.5' }]])
    expect([...built.failed]).toEqual([['xslt', 'Static dependency libxslt failed at configure']])
  })

  it('says a module links a library built from source, and which recipe a missing one lacks', async () => {
    const built = await ensureRecordLibraries(records, provider([]), target, [hostLib])
    const plans = planModules({
      distribution,
      target,
      policy: {
        flavor: 'static',
        locations: [],
        allowInMemory: false,
        excludePackages: [],
        standalonePackages: [],
        sideDirectory: 'lib'
      },
      siteDir: '/site',
      linkExtra: [],
      searchDirs: [hostLib],
      cxx: null,
      includeStdlibTestModules: false,
      records,
      intents: [],
      installed: records.map(r => ({ module: r.module, file: `${r.module}.so`, distribution: r.module.split('.')[0] })),
      builtLibraries: built
    })
    const reasons = (module: string): string[] =>
      plans.find(p => p.module === module)?.reasons.map(r => `${r.code}: ${r.message}`) ?? []
    expect(reasons('yaml._yaml')).toContain(
      'LIBRARY_BUILT_FROM_SOURCE: libyaml is libyaml 0.2.5, built from source by pyseal for the target (libyaml.a)'
    )
    expect(reasons('zipped._z')).toContain(`LIBRARY_LINKED_STATIC: libz linked from ${path.join(hostLib, 'libz.a')}`)
    expect(reasons('odd._mod')).toContain(
      'LIBRARY_MISSING: needs libpysealnorecipe, which has no static archive for x86_64-unknown-linux-musl, and pyseal has no recipe that builds libpysealnorecipe (src/libraries/recipes.ts)'
    )
    expect(reasons('lxml.etree')).toContain(
      'LIBRARY_MISSING: needs libxslt, which has no static archive for x86_64-unknown-linux-musl: its recipe failed to build (Static dependency libxslt failed at configure)'
    )
  })

  it("keeps today's words where pyseal builds no libraries for the target", () => {
    expect(missingLibraryReason('foo', 'x86_64-unknown-linux-gnu', null)).toEqual({
      code: 'LIBRARY_MISSING',
      message: 'needs libfoo, which has no static archive for x86_64-unknown-linux-gnu',
      hint: 'install its static library (libfoo.a) or build it for the target'
    })
  })
})
