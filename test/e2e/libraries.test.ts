import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * A library an extension module links, built from source by pyseal for the target:
 * PyYAML 6.0.3 from its sdist compiles yaml._yaml only when yaml.h and -lyaml are
 * there; neither musl's nor the glibc floor's compiler sees the host's, so the compiler
 * wrapper asks pyseal's library server, which builds libyaml from its Debian source for
 * the target. The module is a built-in, the report says libyaml was built from source,
 * and the binary loads and dumps YAML through libyaml.
 */
const HOUR = 60 * 60 * 1000

interface YamlAppOutput {
  builtins: string[]
  with_libyaml: boolean
  libyaml: string
  loader: string
  loaded: unknown
  dumped: string
  pyyaml: string
}

describe.each(TEST_TARGETS.filter(t => t.startsWith('x86_64-')))('PyYAML with libyaml built for %s', target => {
  const outDir = tempDir('libraries-yaml')
  let binary = ''

  beforeAll(() => {
    binary = expectBuilt(
      pyseal(['build', '--target', target, '--project', path.join(FIXTURES, 'yaml-app'), '--out-dir', outDir])
    )
  }, HOUR)

  it('builds yaml._yaml in, saying libyaml was built from source', () => {
    const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
    const yamlModules = report.modules.filter(m => m.package?.toLowerCase() === 'pyyaml')
    expect(yamlModules.map(m => [m.module, m.status])).toEqual([['yaml._yaml', 'builtin']])
    const reasons = yamlModules[0].reasons.map(r => `${r.code}: ${r.message}`)
    expect(reasons).toContain(
      'LIBRARY_BUILT_FROM_SOURCE: libyaml is libyaml 0.2.5, built from source by pyseal for the target (libyaml.a)'
    )
    expect(report.executable?.sideFiles).toEqual([])
  })

  it('loads and dumps YAML through libyaml', () => {
    const run = runBinary(binary, [])
    if (run.status !== 0) throw new Error(`yaml-app exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
    expect(JSON.parse(run.stdout) as YamlAppOutput).toEqual({
      builtins: ['yaml._yaml'],
      with_libyaml: true,
      libyaml: '0.2.5',
      loader: 'yaml.cyaml',
      loaded: {
        name: 'pyseal',
        targets: ['x86_64-unknown-linux-gnu', 'x86_64-unknown-linux-musl'],
        nested: { answer: 42, ratio: 0.5, none: null },
        anchors: { base: { a: 1 }, derived: { a: 1, b: 2 } }
      },
      dumped: '{a: text, b: [1, 2]}',
      pyyaml: '6.0.3'
    })
  })
})
