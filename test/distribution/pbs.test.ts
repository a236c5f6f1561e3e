import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  archiveName,
  archiveUrl,
  isPbsValue,
  loadPbsManifest,
  parsePbsRequest,
  PbsError,
  resolvePbsArchive
} from '../../src/distribution/pbs'
import { parseDistribution } from '../../src/distribution/python-json'
import { assertLinkable } from '../../src/link/object-format'
import { findTarget } from '../../src/targets/table'

describe('python-build-standalone manifest', () => {
  it('is valid and names full archives for the glibc and macOS rows', async () => {
    const manifest = await loadPbsManifest({})
    const triples = new Set(manifest.archives.map(a => a.triple))
    for (const triple of triples) expect(() => findTarget(triple)).not.toThrow()
    expect(triples).toContain('x86_64-unknown-linux-gnu')
    expect(triples).toContain('aarch64-apple-darwin')
  })

  it('reads pbs: requests with release and variant', () => {
    expect(parsePbsRequest('pbs:3.11')).toEqual({ python: '3.11', release: null, variant: null })
    expect(parsePbsRequest('pbs:3.11.9+20240415:lto')).toEqual({
      python: '3.11.9',
      release: '20240415',
      variant: 'lto'
    })
    expect(() => parsePbsRequest('pbs:latest')).toThrow(/pbs:3\.11, pbs:3\.11\.9/)
  })

  it('picks the newest matching archive and builds its name and URL', async () => {
    const manifest = await loadPbsManifest({})
    const archive = resolvePbsArchive(manifest, parsePbsRequest('pbs:3.11'), 'x86_64-unknown-linux-gnu')
    expect(archiveName(archive)).toBe('cpython-3.11.9+20240415-x86_64-unknown-linux-gnu-pgo+lto-full.tar.zst')
    expect(archive.sha256).toBe('1c5038da28a4379c065db85116594524010f30e653307c53bb9694e4e710d2c7')
    expect(archiveUrl(manifest, archive, {})).toBe(
      `${manifest.assetUrlPrefix}/20240415/cpython-3.11.9+20240415-x86_64-unknown-linux-gnu-pgo+lto-full.tar.zst`
    )
    expect(archiveUrl(manifest, archive, { PYSEAL_PBS_MIRROR: 'http://127.0.0.1:9/pbs/' })).toBe(
      'http://127.0.0.1:9/pbs/20240415/cpython-3.11.9+20240415-x86_64-unknown-linux-gnu-pgo+lto-full.tar.zst'
    )
    const newest = resolvePbsArchive(manifest, parsePbsRequest('pbs:3.13'), 'aarch64-unknown-linux-gnu')
    expect(newest.variant).toBe('lto')
  })

  it('lists what is known when nothing matches', async () => {
    const manifest = await loadPbsManifest({})
    expect(() => resolvePbsArchive(manifest, parsePbsRequest('pbs:3.9'), 'x86_64-unknown-linux-gnu')).toThrow(PbsError)
    expect(() => resolvePbsArchive(manifest, parsePbsRequest('pbs:3.9'), 'x86_64-unknown-linux-gnu')).toThrow(
      /Known for x86_64-unknown-linux-gnu: .*3\.11\.9\+20240415:pgo\+lto/
    )
    expect(() => resolvePbsArchive(manifest, parsePbsRequest('pbs:3.11'), 'x86_64-unknown-linux-musl')).toThrow(
      /None is known for x86_64-unknown-linux-musl/
    )
  })

  it('tells archives from other --python-distribution values', () => {
    expect(isPbsValue('pbs:3.11')).toBe(true)
    expect(
      isPbsValue('https://example.invalid/cpython-3.11.9+20240415-x86_64-unknown-linux-gnu-pgo+lto-full.tar.zst')
    ).toBe(true)
    expect(isPbsValue('/tmp/Python-3.11.9.tgz')).toBe(false)
    expect(isPbsValue('debian:python3.11')).toBe(false)
  })
})

const REFERENCE = path.resolve(__dirname, '..', '..', '..', 'shared', 'reference')
const darwinSample = existsSync(REFERENCE)
  ? readdirSync(REFERENCE).find(n => n.includes('aarch64-apple-darwin') && n.endsWith('.json'))
  : undefined

describe('object file format check before linking', () => {
  const withFormat = (format: string, triple = 'x86_64-unknown-linux-gnu'): ReturnType<typeof parseDistribution> =>
    parseDistribution('/d', {
      version: '8',
      target_triple: triple,
      python_version: '3.11.9',
      python_major_minor_version: '3.11',
      python_exe: 'install/bin/python3',
      python_paths: { stdlib: 'install/lib/python3.11', include: 'install/include/python3.11' },
      python_extension_module_loading: ['builtin'],
      build_info: { core: { objs: [], links: [] }, extensions: {}, object_file_format: format }
    })

  it('passes native ELF objects for a Linux target', () => {
    expect(() => assertLinkable(withFormat('elf'), findTarget('linux-x64'), 'dist')).not.toThrow()
  })

  it('stops on LLVM bitcode, naming the version and the ways out', () => {
    expect(() =>
      assertLinkable(withFormat('llvm-bitcode:%18.0.8'), findTarget('linux-x64'), 'cpython.tar.zst')
    ).toThrow(
      /cpython\.tar\.zst holds LLVM bitcode objects \(object_file_format llvm-bitcode:18\.0\.8\): only clang and lld 18 or newer.*pbs:3\.11:noopt/
    )
  })

  it('stops on objects of another format', () => {
    expect(() => assertLinkable(withFormat('coff'), findTarget('linux-x64'), 'dist')).toThrow(
      /holds coff objects, but x86_64-unknown-linux-gnu links elf objects/
    )
    expect(() =>
      assertLinkable(withFormat('coff', 'x86_64-pc-windows-msvc'), findTarget('windows-x64'), 'd')
    ).not.toThrow()
  })

  const eachSample = darwinSample ? it : it.skip
  eachSample('reads the real macOS sample as bitcode that needs clang', () => {
    const raw = JSON.parse(readFileSync(path.join(REFERENCE, darwinSample ?? ''), 'utf8')) as unknown
    const distribution = parseDistribution('/d', raw)
    expect(() => assertLinkable(distribution, findTarget('macos-arm64'), 'sample')).toThrow(/llvm-bitcode:18/)
  })
})
