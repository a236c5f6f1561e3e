import { REPORT_SCHEMA, type Report } from '../../src/report/schema'

/** A complete, valid report for one target, with one third-party module built in. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schema: REPORT_SCHEMA,
    tool: { name: 'pyseal', version: '0.1.0' },
    name: 'app',
    target: 'x86_64-unknown-linux-gnu',
    status: 'ok',
    verdict: 'all-builtin',
    error: null,
    entryPoint: 'app.cli:main',
    inputs: {
      project: 'c'.repeat(64),
      requirements: [{ file: '{project}/requirements.txt', sha256: 'd'.repeat(64) }],
      pythonDistribution: 'debian:python3.11'
    },
    flavor: 'dynamic',
    python: {
      version: '3.11.2',
      source: 'python3.11_3.11.2.orig.tar.gz',
      sha256: 'a'.repeat(64),
      root: '{cache-dir}/python/d'
    },
    packages: { key: 'k' },
    executable: {
      path: 'app',
      bytes: 1000,
      sha256: 'b'.repeat(64),
      linkage: { kind: 'dynamic', needed: ['libm.so.6', 'libc.so.6'] },
      sideFiles: []
    },
    summary: { builtin: 1, standalone: 0, excluded: 0, failed: 0 },
    modules: [
      {
        module: 'app._speedups',
        origin: 'package',
        package: 'app',
        version: '1.0',
        status: 'builtin',
        reasons: [{ code: 'BUILTIN', message: 'objects captured through setuptools._distutils' }],
        file: null,
        location: 'builtin',
        capture: 'setuptools._distutils',
        language: 'c',
        initFunction: 'PyInit__speedups',
        libraries: [{ name: 'z', kind: 'static', path: '/usr/lib/x86_64-linux-gnu/libz.a' }]
      }
    ],
    ...overrides
  }
}
