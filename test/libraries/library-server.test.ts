import { execFile } from 'node:child_process'
import path from 'node:path'
import type { BuiltLibraryPrefix, LibraryProvider } from '../../src/libraries/library-provider'
import { answer, startLibraryServer } from '../../src/libraries/library-server'
import type { LibraryQuery } from '../../src/libraries/recipe-graph'

/**
 * The library server's protocol, spoken by the capture shim's own client
 * (python/pyseal_capture/libraries.py, run here with python3). The provider stands in
 * for the recipe builds, which the e2e tests run for real (test/e2e/libraries.test.ts).
 */
const SHIM_ROOT = path.join(__dirname, '..', '..', 'python')

function providerOf(asked: LibraryQuery[]): LibraryProvider {
  return {
    identity: 'test',
    ensure: async query => {
      asked.push(query)
      if (query.name === 'broken.h') throw new Error('the recipe failed: see static-deps/logs/x.log')
      if (query.name !== 'yaml.h') return null
      const built: BuiltLibraryPrefix = {
        recipe: 'libyaml',
        prefix: '/cache/static-deps/k',
        includeDirs: ['/cache/static-deps/k/include'],
        libDir: '/cache/static-deps/k/lib',
        pkgConfigDir: '/cache/static-deps/k/lib/pkgconfig',
        libraries: { libyaml: { version: '0.2.5', archives: ['/cache/static-deps/k/lib/libyaml.a'] } }
      }
      return built
    }
  }
}

/** The Python client, run asynchronously: the server answers from this same process. */
function ask(socket: string, kind: string, name: string): Promise<{ answer: unknown; stderr: string }> {
  const script = `import json, sys; from pyseal_capture import libraries; print(json.dumps(libraries.ask(sys.argv[1], sys.argv[2])))`
  return new Promise((resolve, reject) => {
    execFile(
      'python3',
      ['-c', script, kind, name],
      { env: { ...process.env, PYTHONPATH: SHIM_ROOT, PYSEAL_LIBRARY_SOCKET: socket }, timeout: 30_000 },
      (error, stdout, stderr) => (error ? reject(error) : resolve({ answer: JSON.parse(stdout) as unknown, stderr }))
    )
  })
}

describe('the library server', () => {
  it("answers the capture shim's questions over its socket", async () => {
    const asked: LibraryQuery[] = []
    const server = await startLibraryServer(providerOf(asked))
    try {
      expect(await ask(server.socket, 'header', 'yaml.h')).toEqual({
        answer: {
          found: true,
          recipe: 'libyaml',
          includeDirs: ['/cache/static-deps/k/include'],
          libDir: '/cache/static-deps/k/lib',
          pkgConfigDir: '/cache/static-deps/k/lib/pkgconfig'
        },
        stderr: ''
      })
      expect(await ask(server.socket, 'library', 'nowhere')).toEqual({ answer: null, stderr: '' })
      const broken = await ask(server.socket, 'header', 'broken.h')
      expect(broken.answer).toBeNull()
      expect(broken.stderr).toContain('building broken.h for the target failed: the recipe failed')
      expect(asked).toEqual([
        { kind: 'header', name: 'yaml.h' },
        { kind: 'library', name: 'nowhere' },
        { kind: 'header', name: 'broken.h' }
      ])
    } finally {
      await server.close()
    }
  })

  it('refuses what is not a question, without asking the provider', async () => {
    const asked: LibraryQuery[] = []
    const provider = providerOf(asked)
    expect(await answer('not json', provider)).toEqual({ found: false, error: 'not a library question: not json' })
    expect(await answer('{"kind":"program","name":"x"}', provider)).toMatchObject({ found: false })
    expect(await answer('{"kind":"header","name":""}', provider)).toMatchObject({ found: false })
    expect(asked).toEqual([])
  })
})
