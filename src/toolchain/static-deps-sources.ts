import { existsSync, promises as fs } from 'node:fs'
import path from 'node:path'
import { cachedEntry } from '../cache/cached-entry'
import { DOWNLOAD } from '../cache/entry-kinds'
import { sha256File } from '../cache/hash'
import { FailedStepError } from '../errors/failed-step'
import { UserError } from '../errors/user-error'
import { runCommand } from '../exec/run'
import type { StaticLibraryRecipe } from './static-deps-recipes'

// The static libraries' sources (static-deps.ts): Debian's upstream tarballs, named and
// checksummed by apt's index before anything is downloaded, fetched with apt-get source.

/** One recipe's source: the Debian source package and its upstream tarball. */
export interface SourceInfo {
  sourcePackage: string
  debianVersion: string
  upstreamVersion: string
  tarball: string
  sha256: string
}

const APT_HINT =
  'Make sure deb-src entries are configured in /etc/apt/sources.list or /etc/apt/sources.list.d/ ' +
  'and run `apt-get update`; check the network connection to the Debian archive.'

/**
 * `PKG/<codename>`: the source package of the machine's own release. Other deb-src
 * entries (Debian 13's, for CPython 3.13) may carry newer versions that apt would
 * otherwise pick, which would change what the static libraries are built from.
 */
async function ownReleaseSource(pkg: string): Promise<string> {
  const osRelease = await fs.readFile('/etc/os-release', 'utf8').catch(() => '')
  const codename = /^VERSION_CODENAME=("?)([a-z]+)\1$/m.exec(osRelease)?.[2]
  return codename ? `${pkg}/${codename}` : pkg
}

/** Asks apt (without downloading) which source files the package has and picks the upstream tarball. */
export async function resolveSource(recipe: StaticLibraryRecipe, downloads: string): Promise<SourceInfo> {
  const pkg = recipe.sourcePackage
  // apt lists only the files missing from its working directory: ask from an empty one.
  const empty = await fs.mkdtemp(path.join(downloads, '.print-uris-'))
  const spec = await ownReleaseSource(pkg)
  const res = await runCommand({ command: 'apt-get', args: ['source', '--print-uris', spec], cwd: empty }).finally(() =>
    fs.rm(empty, { recursive: true, force: true })
  )
  const output = res.stdout + res.stderr
  if (res.code !== 0) {
    throw new FailedStepError({
      input: `source package ${pkg}`,
      what: `Static dependency ${recipe.name}`,
      step: 'find source',
      reason: `\`apt-get source --print-uris ${pkg}\` exited with ${res.code}`,
      log: { text: output },
      fix: APT_HINT
    })
  }
  const files: { name: string; sha256?: string }[] = []
  for (const line of res.stdout.split('\n')) {
    const m = /^'[^']+'\s+(\S+)\s+\d+\s+(\S+)\s*$/.exec(line.trim())
    if (!m) continue
    const hash = /^SHA256:([0-9a-f]{64})$/i.exec(m[2])
    files.push({ name: m[1], sha256: hash?.[1].toLowerCase() })
  }
  const dsc = files.find(f => f.name.startsWith(`${pkg}_`) && f.name.endsWith('.dsc'))
  const escaped = pkg.replace(/[.+]/g, '\\$&')
  const orig =
    files.find(f => new RegExp(`^${escaped}_([^_]+)\\.orig\\.tar\\.(gz|bz2|xz|lzma|zst)$`).test(f.name)) ??
    // a native package has a single tarball
    files.find(f => new RegExp(`^${escaped}_([^_]+)\\.tar\\.(gz|bz2|xz|lzma|zst)$`).test(f.name))
  if (!dsc || !orig) {
    throw new FailedStepError({
      input: `source package ${pkg}`,
      what: `Static dependency ${recipe.name}`,
      step: 'find source',
      reason: `apt lists no upstream source tarball for source package '${pkg}'`,
      log: { text: output },
      fix: APT_HINT
    })
  }
  if (!orig.sha256) {
    throw new UserError({
      input: `${orig.name} (static dependency ${recipe.name})`,
      cause: "has no SHA256 in apt's index, so it cannot be verified",
      fix: 'use an apt source whose index carries SHA256 checksums'
    })
  }
  return {
    sourcePackage: pkg,
    // "Selected version '1:1.2.13.dfsg-1'" keeps the epoch the file names drop.
    debianVersion: /Selected version '([^']+)'/.exec(output)?.[1] ?? dsc.name.slice(pkg.length + 1, -'.dsc'.length),
    upstreamVersion: orig.name.slice(pkg.length + 1).replace(/(\.orig)?\.tar\.[a-z0-9]+$/, ''),
    tarball: orig.name,
    sha256: orig.sha256
  }
}

/** The recipe's upstream tarball, fetched by apt into a download entry keyed by its sha256 from apt's index. */
export async function downloadSource(
  recipe: StaticLibraryRecipe,
  source: SourceInfo,
  downloads: string,
  log: (line: string) => void
): Promise<string> {
  const entry = await cachedEntry({
    kind: DOWNLOAD,
    root: path.join(downloads, source.sha256.slice(0, 16)),
    describe: `Debian source package ${source.sourcePackage} ${source.debianVersion}`,
    build: dir => fetchSource(recipe, source, dir, log),
    log
  })
  return path.join(entry.root, source.tarball)
}

/** apt-get source into the entry's staging directory, which the cache-entry primitive removes on failure. */
async function fetchSource(
  recipe: StaticLibraryRecipe,
  source: SourceInfo,
  dir: string,
  log: (line: string) => void
): Promise<void> {
  const file = path.join(dir, source.tarball)
  log(`static deps: fetching source package ${source.sourcePackage} ${source.debianVersion}`)
  const res = await runCommand({
    command: 'apt-get',
    args: ['source', '--download-only', await ownReleaseSource(source.sourcePackage)],
    cwd: dir
  })
  if (res.code !== 0 || !existsSync(file)) {
    throw new FailedStepError({
      input: `source package ${source.sourcePackage}`,
      what: `Static dependency ${recipe.name}`,
      step: 'download',
      reason:
        `\`apt-get source --download-only ${source.sourcePackage}\` exited with ${res.code}` +
        (existsSync(file) ? '' : ` and ${source.tarball} is missing`),
      log: { text: res.stdout + res.stderr },
      fix: APT_HINT
    })
  }
  const actual = await sha256File(file)
  if (actual !== source.sha256) {
    throw new UserError({
      input: `${source.tarball} (static dependency ${recipe.name})`,
      cause: `has sha256 ${actual}, apt's index says ${source.sha256}`,
      fix: 'the file was deleted; run `apt-get update` and retry'
    })
  }
}
