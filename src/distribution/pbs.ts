import { existsSync } from 'node:fs'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { sha256File } from '../cache/hash'
import { UserError, type UserErrorParts } from '../errors/user-error'
import { cachedEntry } from '../cache/cached-entry'
import { PBS_DISTRIBUTION } from '../cache/entry-kinds'
import { lastLines, runCommand } from '../exec/run'
import type { Target } from '../targets/table'
import { downloadVerified } from '../cache/download'
import bundledManifest from './pbs-manifest.json'
import { readDistribution, type Distribution } from './python-json'

/**
 * python-build-standalone "full" archives: `cpython-<python>+<release>-<triple>-<variant>-full.tar.zst`,
 * holding `python/PYTHON.json` with the objects a static relink needs. Known archives
 * and their sha256 come from a checked-in manifest (`npm run update-pbs-manifest`).
 */
export const PbsArchiveSchema = z.object({
  python: z.string().regex(/^\d+\.\d+\.\d+$/),
  release: z.string().regex(/^\d{8}$/),
  triple: z.string(),
  variant: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/)
})
export type PbsArchive = z.infer<typeof PbsArchiveSchema>

export const PbsManifestSchema = z.object({
  comment: z.string().optional(),
  assetUrlPrefix: z.string().url(),
  archives: z.array(PbsArchiveSchema)
})
export type PbsManifest = z.infer<typeof PbsManifestSchema>

/** A python-build-standalone request, archive or manifest that pyseal cannot use. */
export class PbsError extends UserError {
  constructor(parts: UserErrorParts, message?: string) {
    super(parts, message)
    this.name = 'PbsError'
  }
}

/** The manifest in use: `PYSEAL_PBS_MANIFEST` (a JSON file, for mirrors), else the one pyseal ships. */
export async function loadPbsManifest(env: NodeJS.ProcessEnv = process.env): Promise<PbsManifest> {
  const file = env.PYSEAL_PBS_MANIFEST
  const raw: unknown = file ? JSON.parse(await readFile(file, 'utf8')) : bundledManifest
  const parsed = PbsManifestSchema.safeParse(raw)
  if (!parsed.success) {
    throw new PbsError({
      input: file ?? 'the bundled python-build-standalone manifest',
      cause: `is not valid (${parsed.error.message})`,
      fix: 'write it with npm run update-pbs-manifest'
    })
  }
  return parsed.data
}

export function archiveName(archive: PbsArchive): string {
  return `cpython-${archive.python}+${archive.release}-${archive.triple}-${archive.variant}-full.tar.zst`
}

/** Where an archive downloads from: `PYSEAL_PBS_MIRROR` replaces the release host's prefix. */
export function archiveUrl(manifest: PbsManifest, archive: PbsArchive, env: NodeJS.ProcessEnv = process.env): string {
  const prefix = (env.PYSEAL_PBS_MIRROR ?? manifest.assetUrlPrefix).replace(/\/+$/, '')
  return `${prefix}/${archive.release}/${archiveName(archive)}`
}

export interface PbsRequest {
  /** `3.11` or `3.11.9`. */
  python: string
  release: string | null
  variant: string | null
}

/** Reads `pbs:3.11`, `pbs:3.11.9`, `pbs:3.11.9+20240415`, each optionally followed by `:VARIANT` (e.g. `:noopt`). */
export function parsePbsRequest(value: string): PbsRequest {
  const match = /^pbs:(\d+\.\d+(?:\.\d+)?)(?:\+(\d{8}))?(?::([a-z0-9+_-]+))?$/.exec(value.trim())
  if (!match) {
    throw new PbsError({
      input: `--python-distribution "${value}"`,
      cause: 'is not a python-build-standalone request',
      fix: 'write pbs:3.11, pbs:3.11.9, pbs:3.11.9+20240415 or any of them with :VARIANT (pbs:3.11:noopt)'
    })
  }
  return { python: match[1], release: match[2] ?? null, variant: match[3] ?? null }
}

/** The newest archive in the manifest for the request and triple, or an error listing what there is. */
export function resolvePbsArchive(manifest: PbsManifest, request: PbsRequest, triple: string): PbsArchive {
  const forTriple = manifest.archives.filter(a => a.triple === triple)
  const matches = forTriple.filter(
    a =>
      (a.python === request.python || a.python.startsWith(`${request.python}.`)) &&
      (request.release === null || a.release === request.release) &&
      (request.variant === null || a.variant === request.variant)
  )
  if (matches.length === 0) {
    const known = forTriple.map(a => `${a.python}+${a.release}:${a.variant}`)
    const wanted =
      `Python ${request.python}${request.release ? `+${request.release}` : ''}` +
      `${request.variant ? ` (${request.variant})` : ''}`
    const fix = 'Run npm run update-pbs-manifest, or pass --python-distribution the archive URL with #sha256=HEX.'
    throw new PbsError(
      { input: `${wanted} on ${triple}`, cause: 'has no python-build-standalone full archive in the manifest', fix },
      `No python-build-standalone full archive for ${wanted} on ${triple} is in the manifest. ` +
        `${known.length > 0 ? `Known for ${triple}: ${known.join(', ')}.` : `None is known for ${triple}.`} ${fix}`
    )
  }
  return [...matches].sort(compareArchives).at(-1) as PbsArchive
}

function compareArchives(a: PbsArchive, b: PbsArchive): number {
  const version = (v: string): number[] => v.split('.').map(Number)
  const [x, y] = [version(a.python), version(b.python)]
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i]
  return a.release.localeCompare(b.release)
}

/** Is this --python-distribution value a python-build-standalone archive (request, URL or file)? */
export function isPbsValue(value: string): boolean {
  return value.startsWith('pbs:') || /-full\.tar\.zst(#sha256=[0-9a-fA-F]{64})?$/.test(value)
}

export interface ObtainedPbs {
  distribution: Distribution
  reused: boolean
  source: string
  sha256: string
}

/**
 * Resolves, downloads (verified), unpacks and reads a python-build-standalone full
 * archive. The unpacked tree is a cache entry keyed by the archive's sha256, so a
 * second build reuses it.
 */
export async function obtainPbsDistribution(
  value: string,
  target: Target,
  cacheRoot: string,
  log: (line: string) => void
): Promise<ObtainedPbs> {
  const { file, sha256, downloaded } = await locateArchive(value, target, cacheRoot, log)
  const entry = await cachedEntry({
    kind: PBS_DISTRIBUTION,
    root: path.join(cacheRoot, 'python', `pbs-${sha256.slice(0, 24)}`),
    describe: `python-build-standalone ${path.basename(file)}`,
    build: dir => unpack(file, dir, log),
    log
  })
  const distribution = await readDistribution(path.join(entry.root, 'python'))
  if (distribution.json.target_triple !== target.triple) {
    throw new PbsError({
      input: path.basename(file),
      cause: `is a distribution for ${distribution.json.target_triple}, not ${target.triple}`,
      fix: `choose the archive built for ${target.triple}`
    })
  }
  return { distribution, reused: entry.reused && !downloaded, source: path.basename(file), sha256 }
}

async function locateArchive(
  value: string,
  target: Target,
  cacheRoot: string,
  log: (line: string) => void
): Promise<{ file: string; sha256: string; downloaded: boolean }> {
  const downloads = process.env.RUNNER_TOOL_CACHE
    ? path.join(process.env.RUNNER_TOOL_CACHE, 'pyseal-pbs')
    : path.join(cacheRoot, 'downloads', 'pbs')
  if (value.startsWith('pbs:')) {
    const manifest = await loadPbsManifest()
    const archive = resolvePbsArchive(manifest, parsePbsRequest(value), target.triple)
    return fetchArchive(archiveUrl(manifest, archive), archive.sha256, downloads, log)
  }
  if (/^https?:\/\//.test(value)) {
    const url = new URL(value)
    const fragment = /^#sha256=([0-9a-fA-F]{64})$/.exec(url.hash)
    url.hash = ''
    const name = path.basename(url.pathname)
    const known = (await loadPbsManifest()).archives.find(a => archiveName(a) === name)
    const sha256 = fragment?.[1].toLowerCase() ?? known?.sha256
    if (!sha256) {
      throw new PbsError({
        input: name,
        cause: "is not in pyseal's manifest of known archives, so its sha256 is unknown",
        fix: `pass it as ${url.toString()}#sha256=HEX (the value from the release's SHA256SUMS)`
      })
    }
    return fetchArchive(url.toString(), sha256, downloads, log)
  }
  if (!existsSync(value)) {
    const fix = 'give the path of a python-build-standalone -full.tar.zst archive, or pbs:3.11'
    throw new PbsError({ input: value, cause: 'does not exist', fix })
  }
  return { file: path.resolve(value), sha256: await sha256File(value), downloaded: false }
}

async function fetchArchive(
  url: string,
  sha256: string,
  dir: string,
  log: (line: string) => void
): Promise<{ file: string; sha256: string; downloaded: boolean }> {
  const dest = path.join(dir, sha256.slice(0, 16), path.basename(new URL(url).pathname))
  const downloaded = !existsSync(dest)
  const result = await downloadVerified({ url, dest, sha256, log })
  return { ...result, downloaded }
}

/** Unpacks the archive into the entry's staging directory (removed by the cache-entry primitive on failure). */
async function unpack(file: string, dir: string, log: (line: string) => void): Promise<void> {
  log(`  unpacking ${path.basename(file)}`)
  const result = await runCommand({ command: 'tar', args: ['--zstd', '-xf', file, '-C', dir] })
  if (result.code !== 0) {
    throw new PbsError({
      input: path.basename(file),
      cause: `could not be unpacked (tar --zstd: ${lastLines(result.stderr, 3)})`,
      fix: 'install zstd, or check that the file is a python-build-standalone .tar.zst archive'
    })
  }
  if (!existsSync(path.join(dir, 'python', 'PYTHON.json'))) {
    const top = await readdir(dir)
    throw new PbsError({
      input: path.basename(file),
      cause: `has no python/PYTHON.json (it holds ${top.join(', ') || 'nothing'})`,
      fix: 'give a "full" archive: only those carry the objects pyseal links; install_only archives do not'
    })
  }
}
