import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CaptureRecord } from '../../src/packages/capture-records'
import type { InstalledExtension } from '../../src/packages/installed-extensions'
import { nameRecordsByInstalledFiles } from '../../src/packages/record-names'

/** A site directory holding the given files (relative path -> content). */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-site-'))
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), content)
  }
  return dir
}

function record(module: string, extra: Partial<CaptureRecord> = {}): CaptureRecord {
  return {
    schema: 1,
    module,
    init_fn: `PyInit_${module.split('.').pop()}`,
    objects: [],
    archives: [],
    whole_archives: [],
    libraries: [],
    library_dirs: [],
    extra_link_args: [],
    language: 'c',
    capture: 'compiler-wrapper',
    ...extra
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('capture records named by the files the wheel installed', () => {
  const files = {
    'abi3x/sub/_ffi.abi3.so': 'ffi bytes',
    'zmq/backend/cython/_zmq.cpython-314-x86_64-linux-gnu.so': 'zmq bytes',
    'a/_speedups.cpython-314-x86_64-linux-gnu.so': 'a speedups',
    'b/_speedups.cpython-314-x86_64-linux-gnu.so': 'b speedups',
    'ok/_fine.cpython-314-x86_64-linux-gnu.so': 'fine'
  }
  const installed: InstalledExtension[] = [
    { module: 'abi3x.sub._ffi', file: 'abi3x/sub/_ffi.abi3.so', distribution: 'abi3x' },
    {
      module: 'zmq.backend.cython._zmq',
      file: 'zmq/backend/cython/_zmq.cpython-314-x86_64-linux-gnu.so',
      distribution: 'pyzmq'
    },
    { module: 'a._speedups', file: 'a/_speedups.cpython-314-x86_64-linux-gnu.so', distribution: 'a' },
    { module: 'b._speedups', file: 'b/_speedups.cpython-314-x86_64-linux-gnu.so', distribution: 'b' },
    { module: 'ok._fine', file: 'ok/_fine.cpython-314-x86_64-linux-gnu.so', distribution: 'ok' }
  ]

  it('renames a guessed name to the installed module with the same bytes, or else the same file name', async () => {
    const named = await nameRecordsByInstalledFiles(
      [
        record('_ffi', {
          output: '/tmp/pip-x/build/cp310-abi3-linux_x86_64/abi3x/sub/_ffi.abi3.so',
          module_guess: true
        }),
        record('_zmq', { output: '/tmp/pip-y/build/_zmq.so', output_sha256: sha256('zmq bytes'), module_guess: true }),
        record('_speedups', { output: '/tmp/b/_speedups.cpython-314-x86_64-linux-gnu.so', package: 'b' }),
        record('ok._fine')
      ],
      installed,
      site(files)
    )
    expect(named.map(r => [r.module, r.init_fn, r.module_guess])).toEqual([
      ['abi3x.sub._ffi', 'PyInit__ffi', false],
      ['zmq.backend.cython._zmq', 'PyInit__zmq', false],
      ['b._speedups', 'PyInit__speedups', false],
      ['ok._fine', 'PyInit__fine', undefined]
    ])
    expect(named[0].named_from).toBe('_ffi')
  })

  it('leaves a name it cannot tell: two installed files of that name and no package to choose by, or none', async () => {
    const named = await nameRecordsByInstalledFiles(
      [
        record('_speedups', { output: '/tmp/x/_speedups.cpython-314-x86_64-linux-gnu.so' }),
        record('_gone', { output: '/tmp/x/_gone.so' })
      ],
      installed,
      site(files)
    )
    expect(named.map(r => r.module)).toEqual(['_speedups', '_gone'])
  })

  it('never gives two records one installed module', async () => {
    const named = await nameRecordsByInstalledFiles(
      [record('ok._fine'), record('_fine', { output: '/tmp/x/_fine.cpython-314-x86_64-linux-gnu.so' })],
      installed,
      site(files)
    )
    expect(named.map(r => r.module)).toEqual(['ok._fine', '_fine'])
  })

  it('tells apart two `lib` modules of CMake build trees by the folders the trees mirror, bytes changed by install or not', async () => {
    const tag = 'cpython-314-x86_64-linux-gnu.so'
    const libs: InstalledExtension[] = [
      { module: 'pyopal.lib', file: `pyopal/lib.${tag}`, distribution: 'pyopal' },
      { module: 'pyopal.platform.avx2', file: `pyopal/platform/avx2.${tag}`, distribution: 'pyopal' },
      { module: 'scoring_matrices.lib', file: `scoring_matrices/lib.${tag}`, distribution: 'scoring-matrices' }
    ]
    const stripped = site({
      [`pyopal/lib.${tag}`]: 'stripped a',
      [`pyopal/platform/avx2.${tag}`]: 'stripped b',
      [`scoring_matrices/lib.${tag}`]: 'stripped c'
    })
    const guess = (name: string, output: string): CaptureRecord =>
      record(name, { output, output_sha256: sha256(`linked ${output}`), module_guess: true })
    const named = await nameRecordsByInstalledFiles(
      [
        // A build dependency compiled from source for pyopal's build, its `lib` in no folder installed here.
        guess('lib', `/tmp/pip-build-env-1/build/src/other/lib.${tag}`),
        guess('lib', `/tmp/tmpa/build/src/scoring_matrices/lib.${tag}`),
        guess('lib', `/tmp/tmpb/build/src/pyopal/lib.${tag}`),
        guess('avx2', `/tmp/tmpb/build/src/pyopal/platform/avx2.${tag}`)
      ],
      libs,
      stripped
    )
    expect(named.map(r => r.module)).toEqual(['lib', 'scoring_matrices.lib', 'pyopal.lib', 'pyopal.platform.avx2'])
  })
})
