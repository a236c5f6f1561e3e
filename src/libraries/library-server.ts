import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { LibraryQuery } from './recipe-graph'
import type { LibraryProvider } from './library-provider'

/**
 * Answers a package build's questions about libraries while pip runs (pip-install.ts
 * starts it): the capture shim's compiler wrapper (a missing header, a `-l` the linker
 * cannot find) and its pkg-config, xml2-config and xslt-config (python/pyseal_capture)
 * connect to a Unix socket, send one JSON line `{"kind": "header", "name": "yaml.h"}`
 * and get one back: the built prefix's directories, or `{"found": false}` when pyseal
 * has no recipe, so the build goes on as it would have. Builds happen in this process,
 * so each recipe is built once however many compiler calls ask for it.
 */

/** The answer, one JSON line. */
export type LibraryAnswer =
  | { found: true; recipe: string; includeDirs: string[]; libDir: string; pkgConfigDir: string }
  | { found: false }
  | { found: false; error: string }

export interface LibraryServer {
  /** The socket's path, given to the build as PYSEAL_LIBRARY_SOCKET. */
  socket: string
  close(): Promise<void>
}

export async function startLibraryServer(provider: LibraryProvider): Promise<LibraryServer> {
  // Unix socket paths are short (108 bytes): a directory of its own under the system's temp.
  const dir = await mkdtemp(path.join(tmpdir(), 'pyseal-libs-'))
  const socket = path.join(dir, 'socket')
  const server = createServer(connection => serve(connection, provider))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(socket, () => resolve())
  })
  return {
    socket,
    close: async () => {
      await new Promise<void>(resolve => server.close(() => resolve()))
      await rm(dir, { recursive: true, force: true })
    }
  }
}

function serve(connection: Socket, provider: LibraryProvider): void {
  let text = ''
  connection.setEncoding('utf8')
  connection.on('data', chunk => {
    text += chunk
    const end = text.indexOf('\n')
    if (end < 0) return
    answer(text.slice(0, end), provider).then(
      reply => connection.end(JSON.stringify(reply) + '\n'),
      (error: unknown) =>
        connection.end(JSON.stringify({ found: false, error: error instanceof Error ? error.message : String(error) }))
    )
  })
  connection.on('error', () => connection.destroy())
}

/** The answer to one request line. */
export async function answer(line: string, provider: LibraryProvider): Promise<LibraryAnswer> {
  const query = parseQuery(line)
  if (!query) return { found: false, error: `not a library question: ${line.slice(0, 200)}` }
  const built = await provider.ensure(query)
  if (!built) return { found: false }
  return {
    found: true,
    recipe: built.recipe,
    includeDirs: built.includeDirs,
    libDir: built.libDir,
    pkgConfigDir: built.pkgConfigDir
  }
}

function parseQuery(line: string): LibraryQuery | null {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    return null
  }
  if (!value || typeof value !== 'object') return null
  const { kind, name } = value as Record<string, unknown>
  if (kind !== 'header' && kind !== 'library' && kind !== 'pkg-config') return null
  if (typeof name !== 'string' || name === '' || name.length > 200) return null
  return { kind, name }
}
