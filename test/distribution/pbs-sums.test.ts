import { fullArchivesFromSums, mergeManifest } from '../../src/distribution/pbs-sums'
import { TARGETS } from '../../src/targets/table'

// Lines as a release's SHA256SUMS writes them (the hashes here are made up).
const SUMS = [
  `${'a'.repeat(64)}  cpython-3.13.9+20251120-x86_64-unknown-linux-gnu-pgo+lto-full.tar.zst`,
  `${'b'.repeat(64)}  cpython-3.13.9+20251120-x86_64-unknown-linux-gnu-install_only.tar.gz`,
  `${'c'.repeat(64)}  cpython-3.13.9+20251120-x86_64-unknown-linux-musl-lto-full.tar.zst`,
  `${'d'.repeat(64)}  cpython-3.13.9+20251120-x86_64_v3-unknown-linux-gnu-pgo+lto-full.tar.zst`,
  `${'e'.repeat(64)}  cpython-3.13.9+20251120-aarch64-apple-darwin-freethreaded+pgo+lto-full.tar.zst`,
  `${'f'.repeat(64)}  cpython-3.13.9+20251120-x86_64-pc-windows-msvc-pgo-full.tar.zst`,
  `${'0'.repeat(64)}  cpython-3.13.9+20251120-x86_64-unknown-linux-gnu-debug-full.tar.zst`,
  ''
].join('\n')

describe('SHA256SUMS of a python-build-standalone release', () => {
  it("keeps the full archives of pyseal's triples, without freethreaded, debug or microarchitecture variants", () => {
    const archives = fullArchivesFromSums(
      SUMS,
      TARGETS.map(t => t.triple)
    )
    expect(archives).toEqual([
      {
        python: '3.13.9',
        release: '20251120',
        triple: 'x86_64-unknown-linux-gnu',
        variant: 'pgo+lto',
        sha256: 'a'.repeat(64)
      },
      {
        python: '3.13.9',
        release: '20251120',
        triple: 'x86_64-unknown-linux-musl',
        variant: 'lto',
        sha256: 'c'.repeat(64)
      },
      {
        python: '3.13.9',
        release: '20251120',
        triple: 'x86_64-pc-windows-msvc',
        variant: 'pgo',
        sha256: 'f'.repeat(64)
      }
    ])
  })

  it('merges a release into the manifest, newest Python first, replacing an entry with the same name', () => {
    const old = {
      python: '3.11.9',
      release: '20240415',
      triple: 'x86_64-unknown-linux-gnu',
      variant: 'pgo+lto',
      sha256: '1'.repeat(64)
    }
    const merged = mergeManifest({ assetUrlPrefix: 'https://example.invalid', archives: [old] }, [
      { ...old, sha256: '2'.repeat(64) },
      { ...old, python: '3.13.9', release: '20251120' }
    ])
    expect(merged.archives.map(a => `${a.python}:${a.sha256[0]}`)).toEqual(['3.13.9:1', '3.11.9:2'])
  })
})
