import { SUPPORTED_MINORS } from './cpython-releases'
import { compareVersions, minorOf } from './release-version'

/**
 * Reads the indexes that say which CPython releases exist where, for
 * scripts/update-cpython-releases.ts (which refreshes cpython-releases.json):
 * - a Debian suite's `InRelease` (the sha256 it gives its `Sources` index),
 * - a `Sources` index (deb822 stanzas): each `python3.X` source package's upstream
 *   tarball, its pool path and sha256,
 * - a Go module proxy's `@v/list` for CPython's repository: the release tags.
 * Only final releases of the minors pyseal builds count: a Debian `~a3`/`~rc1`
 * upload, a tag like `v3.15.0a1` and a pseudo-version are skipped.
 */

/** An upstream tarball as a Debian suite lists it. */
export interface DebianOrig {
  /** The CPython release, `3.13.5`. */
  version: string
  /** The source package, `python3.13`. */
  package: string
  /** Relative to the archive's root: `pool/main/p/python3.13/python3.13_3.13.5.orig.tar.xz`. */
  path: string
  sha256: string
  size: number
}

const FINAL_RELEASE = /^3\.(\d+)\.(\d+)$/
const SHA256 = /^[0-9a-f]{64}$/

/** A deb822 file's stanzas, each field's value with its continuation lines (folded ones keep their newlines). */
export function parseDeb822(text: string): Map<string, string>[] {
  const stanzas: Map<string, string>[] = []
  for (const block of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const fields = new Map<string, string>()
    let last: string | null = null
    for (const line of block.split('\n')) {
      if (line.startsWith('#')) continue
      if (/^\s/.test(line)) {
        if (last !== null) fields.set(last, `${fields.get(last)}\n${line.trim()}`)
        continue
      }
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      last = line.slice(0, colon)
      fields.set(last, line.slice(colon + 1).trim())
    }
    if (fields.size > 0) stanzas.push(fields)
  }
  return stanzas
}

/**
 * The upstream version of a Debian version when it is a final CPython release:
 * `3.11.2-6+deb12u6` → `3.11.2`; `3.15.0~a3-1` (a pre-release) → null.
 */
export function finalUpstreamVersion(debianVersion: string): string | null {
  const withoutEpoch = debianVersion.replace(/^\d+:/, '')
  const dash = withoutEpoch.lastIndexOf('-')
  const upstream = dash > 0 ? withoutEpoch.slice(0, dash) : withoutEpoch
  return FINAL_RELEASE.test(upstream) ? upstream : null
}

/** The `.orig.tar.*` of each final release of the `python3.X` source packages pyseal builds. */
export function debianOrigsFromSources(text: string): DebianOrig[] {
  const packages = new Set(SUPPORTED_MINORS.map(minor => `python${minor}`))
  const origs: DebianOrig[] = []
  for (const stanza of parseDeb822(text)) {
    const pkg = stanza.get('Package') ?? ''
    const version = finalUpstreamVersion(stanza.get('Version') ?? '')
    const directory = stanza.get('Directory')
    if (!packages.has(pkg) || !version || !directory || pkg !== `python${minorOf(version)}`) continue
    const origName = new RegExp(`^${escape(`${pkg}_${version}.orig.tar.`)}(gz|xz|bz2)$`)
    for (const line of (stanza.get('Checksums-Sha256') ?? '').split('\n')) {
      const [sha256, size, name] = line.trim().split(/\s+/)
      if (!name || !SHA256.test(sha256) || !origName.test(name)) continue
      origs.push({ version, package: pkg, path: `${directory}/${name}`, sha256, size: Number(size) })
    }
  }
  return origs
}

/**
 * The sha256 and size `InRelease` gives one of its indexes (`main/source/Sources.gz`),
 * null when it names none: what apt checks a downloaded index against.
 */
export function indexEntryFromRelease(text: string, file: string): { sha256: string; size: number } | null {
  let inSha256 = false
  for (const line of text.replace(/\r\n/g, '\n').split('\n')) {
    if (!/^\s/.test(line)) {
      inSha256 = line.trim() === 'SHA256:'
      continue
    }
    if (!inSha256) continue
    const [sha256, size, name] = line.trim().split(/\s+/)
    if (name === file && SHA256.test(sha256)) return { sha256, size: Number(size) }
  }
  return null
}

/**
 * The final releases among a Go module proxy's versions of CPython's repository
 * (`v3.14.7+incompatible` → `3.14.7`), for the minors pyseal builds, oldest first.
 * Pseudo-versions (`v3.14.8-0.2026…-5400055ddf3e+incompatible`) and pre-release tags
 * (`v3.15.0a1+incompatible`) are not releases.
 */
export function goProxyReleases(text: string): string[] {
  const versions = new Set<string>()
  for (const line of text.split('\n')) {
    const version = /^v(3\.\d+\.\d+)\+incompatible$/.exec(line.trim())?.[1]
    if (version && SUPPORTED_MINORS.includes(minorOf(version))) versions.add(version)
  }
  return [...versions].sort(compareVersions)
}

/** The Go module proxy's path of a release's tag zip, relative to the proxy's base. */
export function goProxyZipPath(version: string): string {
  return `github.com/python/cpython/@v/v${version}+incompatible.zip`
}

/** The newest release of each minor among `versions` (oldest minor first). */
export function newestOfEachMinor(versions: readonly string[]): string[] {
  const newest = new Map<string, string>()
  for (const version of [...versions].sort(compareVersions)) newest.set(minorOf(version), version)
  return [...newest.values()]
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
