import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir, TEST_TARGETS } from './cli'

/**
 * The heavy tier (`npm run test:heavy`; skipped by `npm test`): lxml 6.0.2 and Pillow
 * 12.0.0 from their sdists, each for gnu (glibc floor) and musl, with the libraries they
 * link built from source by pyseal (libxml2, libxslt and libexslt; libjpeg-turbo, libtiff,
 * libwebp, lcms2, freetype). Every extension module of each is a built-in, the report says
 * which libraries were built from source, and the binary exercises them: XML parsed and
 * transformed with XSLT (an EXSLT function too); JPEG, PNG and WebP encoded and decoded.
 * Pillow's _avif is the exception: it needs libavif 1.x and an AV1 codec, which pyseal has
 * no recipe for, so Pillow's setup.py leaves it out (it must not find the build machine's).
 */
const HOUR = 60 * 60 * 1000
const X86_64 = TEST_TARGETS.filter(t => t.startsWith('x86_64-'))

/** Builds the fixture; returns the binary, the report, and the package's modules in it. */
function build(
  fixture: string,
  target: string,
  pkg: string
): { binary: string; report: Report; modules: Report['modules'] } {
  const outDir = tempDir(`heavy-${fixture}`)
  const binary = expectBuilt(
    pyseal(['build', '--target', target, '--project', path.join(FIXTURES, fixture), '--out-dir', outDir])
  )
  const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
  return { binary, report, modules: report.modules.filter(m => m.package?.toLowerCase() === pkg) }
}

function runJson(binary: string): Record<string, unknown> {
  const run = runBinary(binary, [])
  if (run.status !== 0) throw new Error(`${binary} exited ${run.status}:\n${run.stdout}\n${run.stderr}`)
  return JSON.parse(run.stdout) as Record<string, unknown>
}

/** The recipes the report says a module's libraries were built from. */
function builtFromSource(module: Report['modules'][number]): string[] {
  return module.reasons
    .filter(r => r.code === 'LIBRARY_BUILT_FROM_SOURCE')
    .map(r => /is (\S+) /.exec(r.message)?.[1] ?? r.message)
}

describe.each(X86_64)('lxml with libxml2 and libxslt built for %s', target => {
  let built: ReturnType<typeof build>

  beforeAll(() => {
    built = build('lxml-app', target, 'lxml')
  }, HOUR)

  it('builds every extension module of lxml in, etree against libxml2, libxslt and libexslt built from source', () => {
    expect(built.modules.length).toBeGreaterThan(3)
    expect(built.modules.filter(m => m.status !== 'builtin').map(m => m.module)).toEqual([])
    const etree = built.modules.find(m => m.module === 'lxml.etree')
    expect(etree && [...new Set(builtFromSource(etree))].sort()).toEqual(['libxml2', 'libxslt'])
    expect(built.report.executable?.sideFiles).toEqual([])
  })

  it('parses, transforms with XSLT and EXSLT, queries and objectifies XML', () => {
    const out = runJson(built.binary)
    expect(out.builtins).toEqual(built.modules.map(m => m.module).sort())
    expect(out).toMatchObject({
      xslt: '--hammer=3;--bolt=12;',
      xpath: 15,
      objectify: ['hammer', 'bolt'],
      libxml2: '2.9.14',
      libxslt: '1.1.35',
      lxml: '6.0.2'
    })
  })
})

describe.each(X86_64)('Pillow with its image libraries built for %s', target => {
  let built: ReturnType<typeof build>

  beforeAll(() => {
    built = build('pillow-app', target, 'pillow')
  }, HOUR)

  it('builds every extension module of Pillow in but _avif, with libjpeg, libwebp and the others built from source', () => {
    expect(built.modules.length).toBeGreaterThan(3)
    const notBuiltIn = built.modules.filter(m => m.status !== 'builtin')
    expect(notBuiltIn.map(m => m.module)).toEqual(['PIL._avif'])
    expect(notBuiltIn[0].reasons.map(r => r.message)).toEqual([
      expect.stringMatching(/^pillow left PIL\._avif out of its build \(it did not find an optional library/i)
    ])
    const from = (module: string): string[] => {
      const found = built.modules.find(m => m.module === module)
      return found ? builtFromSource(found) : []
    }
    expect(from('PIL._imaging')).toEqual(expect.arrayContaining(['libjpeg-turbo', 'libtiff']))
    expect(from('PIL._webp')).toContain('libwebp')
    expect(from('PIL._imagingcms')).toContain('lcms2')
    expect(from('PIL._imagingft')).toContain('freetype')
    expect(built.report.executable?.sideFiles).toEqual([])
  })

  it('encodes and decodes JPEG, PNG and WebP', () => {
    const out = runJson(built.binary)
    expect(out.builtins).toEqual(
      built.modules
        .filter(m => m.status === 'builtin')
        .map(m => m.module)
        .sort()
    )
    const image = { size: [32, 24], mode: 'RGB', bytes: true }
    expect(out.png).toEqual({ ...image, format: 'PNG', pixel: [200, 40, 10] })
    expect(out.webp).toEqual({ ...image, format: 'WEBP', pixel: [200, 40, 10] })
    const jpeg = out.jpeg as { pixel: number[] }
    expect(jpeg).toMatchObject({ ...image, format: 'JPEG' })
    jpeg.pixel.forEach((value, i) => expect(Math.abs(value - [200, 40, 10][i])).toBeLessThanOrEqual(3))
    expect(out.features).toEqual({
      jpg: true,
      zlib: true,
      webp: true,
      freetype2: true,
      libtiff: true,
      littlecms2: true,
      avif: false,
      xcb: false
    })
  })
})
