import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDistribution, DistributionFormatError } from '../../src/distribution/python-json'

const REFERENCE = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference')
const samples = existsSync(REFERENCE)
  ? readdirSync(REFERENCE).filter(n => n.startsWith('pbs-PYTHON.json.example-'))
  : []

describe('PYTHON.json reader', () => {
  // The samples live in shared/reference beside the repository; a bare clone has none.
  const eachSample = samples.length > 0 ? it.each(samples) : it.skip.each(['(no samples beside this clone)'])
  eachSample('reads the python-build-standalone sample %s', name => {
    const raw = JSON.parse(readFileSync(path.join(REFERENCE, name), 'utf8')) as unknown
    const distribution = parseDistribution('/dist', raw, name)
    expect(distribution.json.version).toBe('7')
    expect(distribution.json.python_version).toBe('3.11.9')
    expect(Object.keys(distribution.json.build_info.extensions).length).toBeGreaterThan(80)
    expect(distribution.json.build_info.extensions['_io'][0].init_fn).toBe('PyInit__io')
  })

  it('takes the stray "%" out of the object file format', () => {
    const raw = minimal({ object_file_format: 'llvm-bitcode:%18.0.8' })
    expect(parseDistribution('/d', raw).objectFileFormat).toBe('llvm-bitcode:18.0.8')
  })

  it('names the file and the field when the description is wrong', () => {
    const raw = minimal({})
    delete (raw as { python_exe?: string }).python_exe
    expect(() => parseDistribution('/d', raw, '/d/PYTHON.json')).toThrow(DistributionFormatError)
    expect(() => parseDistribution('/d', raw, '/d/PYTHON.json')).toThrow(/\/d\/PYTHON.json .*python_exe/)
  })
})

function minimal(buildInfo: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '8',
    target_triple: 'x86_64-unknown-linux-gnu',
    python_version: '3.13.5',
    python_major_minor_version: '3.13',
    python_exe: 'install/bin/python3.13',
    python_paths: { stdlib: 'install/lib/python3.13', include: 'install/include/python3.13' },
    python_extension_module_loading: ['builtin'],
    build_info: { core: { objs: [], links: [] }, extensions: {}, ...buildInfo }
  }
}
