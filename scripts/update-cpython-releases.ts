// Refreshes src/distribution/cpython-releases.json, the CPython releases
// --python-version builds: the final releases of 3.11 to 3.15 that Debian's source
// indexes (bookworm, trixie, sid) list, and the release tags the Go module proxy
// serves for CPython's repository, each pinned by path and sha256. The list only
// grows; each minor's default becomes its newest release. A pinned file whose sha256
// an index now gives differently is reported and nothing is written.
//
//   npm run update-cpython-releases              # write the refreshed list
//   npm run update-cpython-releases -- --check   # only report what would change
//   npm run update-cpython-releases -- --all     # every tag, not only each minor's newest
//
// The archive is the one apt's sources name (or PYSEAL_DEBIAN_MIRROR); the proxy is
// GOPROXY or `go env GOPROXY` (src/distribution/source-mirrors.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { downloadVerified } from '../src/cache/download'
import { fetchOk, suiteSourcesIndex } from '../src/distribution/debian-archive'
import { CPythonReleasesSchema, type CPythonReleases } from '../src/distribution/cpython-releases'
import {
  debianOrigsFromSources,
  goProxyReleases,
  goProxyZipPath,
  newestOfEachMinor
} from '../src/distribution/release-index'
import { mergeFoundSources, sourceKey, type FoundSource } from '../src/distribution/release-merge'
import { mirrorBase } from '../src/distribution/source-mirrors'

const SUITES = [
  { suite: 'bookworm', name: 'Debian 12 (bookworm)' },
  { suite: 'trixie', name: 'Debian 13 (trixie)' },
  { suite: 'sid', name: 'Debian unstable (sid)' }
]
const CPYTHON_MODULE = 'github.com/python/cpython'

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

/**
 * The upstream tarballs the suites list. A file not yet pinned is taken only when the
 * pool serves it (an index can list a file the pool has already dropped): the others
 * are reported as listed but missing.
 */
async function debianSources(
  base: string,
  pinned: Set<string>,
  missing: string[],
  work: string
): Promise<FoundSource[]> {
  const found: FoundSource[] = []
  for (const { suite, name } of SUITES) {
    log(`reading ${name}'s source index`)
    for (const orig of debianOrigsFromSources(await suiteSourcesIndex(base, suite, work, log))) {
      const source = {
        mirror: 'debian' as const,
        path: orig.path,
        sha256: orig.sha256,
        from: `${name}, source package ${orig.package} (its upstream tarball, checked against the suite's index)`
      }
      const key = sourceKey(source)
      if (!pinned.has(key) && !found.some(f => sourceKey(f.source) === key)) {
        const status = (await fetch(`${base}/${orig.path}`, { method: 'HEAD' })).status
        if (status !== 200) {
          missing.push(`${orig.version}: ${name} lists ${orig.path}, the archive answers HTTP ${status}`)
          continue
        }
      }
      found.push({ version: orig.version, source })
    }
  }
  return found
}

/**
 * The release tags the proxy serves that the list does not have yet (each minor's
 * newest, or all with --all), each downloaded once to compute its zip's sha256.
 */
async function goProxySources(
  base: string,
  current: CPythonReleases,
  all: boolean,
  work: string
): Promise<FoundSource[]> {
  const tags = goProxyReleases(await (await fetchOk(`${base}/${CPYTHON_MODULE}/@v/list`)).text())
  const known = new Set(current.releases.map(r => r.version))
  const wanted = (all ? tags : newestOfEachMinor(tags)).filter(version => !known.has(version))
  const found: FoundSource[] = []
  for (const version of wanted) {
    const zip = goProxyZipPath(version)
    const dest = path.join(work, version, `cpython-${version}.zip`)
    const { sha256 } = await downloadVerified({ url: `${base}/${zip}`, dest, sha256: null, log })
    const from = `the v${version} tag of CPython's repository, as the Go module proxy serves it`
    found.push({ version, source: { mirror: 'go-proxy', path: zip, sha256, from } })
  }
  return found
}

function parseArgs(argv: string[]): { check: boolean; all: boolean } {
  const unknown = argv.filter(arg => arg !== '--check' && arg !== '--all')
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')} (takes --check and --all)`)
  return { check: argv.includes('--check'), all: argv.includes('--all') }
}

async function main(): Promise<number> {
  const { check, all } = parseArgs(process.argv.slice(2))
  const file = path.join(__dirname, '..', 'src', 'distribution', 'cpython-releases.json')
  const current = CPythonReleasesSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const pinned = new Set(current.releases.flatMap(r => r.sources.map(sourceKey)))
  const missing: string[] = []
  const found: FoundSource[] = []
  // Indexes and zips are downloaded (and checked) into a scratch directory removed at the end.
  const work = mkdtempSync(path.join(os.tmpdir(), 'cpython-releases-'))
  try {
    const debian = (await mirrorBase('debian'))?.replace(/\/+$/, '')
    if (debian) found.push(...(await debianSources(debian, pinned, missing, work)))
    else log("no Debian archive (apt's sources, PYSEAL_DEBIAN_MIRROR): Debian's releases are not read")
    const goProxy = (await mirrorBase('go-proxy'))?.replace(/\/+$/, '')
    if (goProxy) found.push(...(await goProxySources(goProxy, current, all, work)))
    else log('no Go module proxy (GOPROXY, go env GOPROXY): release tags are not read')
  } finally {
    rmSync(work, { recursive: true, force: true })
  }

  const { releases, changes, conflicts } = mergeFoundSources(current, found)
  const print = (title: string, lines: string[]): void => {
    if (lines.length > 0) process.stdout.write(`${title}:\n${lines.map(line => `  ${line}\n`).join('')}`)
  }
  print('listed but not downloadable (not added)', missing)
  print(check ? 'would change' : 'changes', changes)
  print('conflicts (pinned sha256 differs; nothing written)', conflicts)
  if (conflicts.length > 0) return 1
  if (changes.length === 0) process.stdout.write(`${path.basename(file)} is up to date\n`)
  else if (!check) {
    writeFileSync(file, JSON.stringify(CPythonReleasesSchema.parse(releases), null, 2) + '\n')
    process.stdout.write(`${changes.length} changes written to ${file}\n`)
  }
  return 0
}

main().then(
  code => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`update-cpython-releases: ${(error as Error).message}\n`)
    process.exit(1)
  }
)
