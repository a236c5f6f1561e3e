import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { runCommand } from '../exec/run'

/**
 * Where a release's source is fetched from when the release list names a mirror
 * rather than a whole URL: the machine's own settings decide, so the list pins files
 * (path and sha256), not hosts.
 * - `debian`: PYSEAL_DEBIAN_MIRROR, else the first Debian archive in apt's sources.
 * - `go-proxy`: GOPROXY, else what `go env GOPROXY` says (its first URL).
 * Null when the machine has none.
 */
export type SourceMirror = 'debian' | 'go-proxy'

export async function mirrorBase(mirror: SourceMirror, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (mirror === 'debian') return env.PYSEAL_DEBIAN_MIRROR || aptDebianMirror()
  const configured = env.GOPROXY || (await goEnvProxy())
  return configured?.split(/[,|]/).find(entry => /^https?:\/\//.test(entry)) ?? null
}

/** The first `URIs:` (deb822) or `deb URL` (one-line) entry of apt's sources that serves Debian's archive. */
export function aptDebianMirror(dir = '/etc/apt'): string | null {
  const files = [path.join(dir, 'sources.list')]
  const listDir = path.join(dir, 'sources.list.d')
  if (existsSync(listDir)) files.push(...readdirSync(listDir).map(name => path.join(listDir, name)))
  for (const file of files.filter(f => /\.(list|sources)$/.test(f) && existsSync(f))) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const url = /^(?:URIs:\s*|deb(?:-src)?\s+(?:\[[^\]]*\]\s+)?)(https?:\/\/\S+\/debian)\/?(?:\s|$)/.exec(
        line.trim()
      )?.[1]
      if (url) return url
    }
  }
  return null
}

async function goEnvProxy(): Promise<string | null> {
  const result = await runCommand({ command: 'go', args: ['env', 'GOPROXY'] }).catch(() => null)
  return result && result.code === 0 ? result.stdout.trim() : null
}
