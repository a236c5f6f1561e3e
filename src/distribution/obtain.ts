import { existsSync, statSync } from 'node:fs'
import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { contentKey } from '../cache/hash'
import { runCommand } from '../exec/run'
import type { Target } from '../targets/table'
import { downloadVerified } from './download'
import { isPbsValue, obtainPbsDistribution } from './pbs'
import { readDistribution, type Distribution } from './python-json'
import { buildDistributionFromSource } from './source-build'

export interface ObtainedDistribution {
  distribution: Distribution
  /** True when a cached build was used and nothing was compiled. */
  reused: boolean
  /** Where it came from, for the report. */
  source: string
}

export class DistributionSourceError extends Error {
  constructor(value: string, detail: string) {
    super(
      `--python-distribution "${value}": ${detail}. ` +
        'Give a CPython source tarball (path or URL), a python-build-standalone full archive (pbs:3.11, or its path or URL), ' +
        'a directory holding PYTHON.json, or debian:python3.11 / debian:python3.13.'
    )
    this.name = 'DistributionSourceError'
  }
}

/** Turns the --python-distribution value into a distribution ready to link against. */
export async function obtainDistribution(
  value: string,
  target: Target,
  cacheRoot: string,
  log: (line: string) => void
): Promise<ObtainedDistribution> {
  if (isPbsValue(value)) {
    const pbs = await obtainPbsDistribution(value, target, cacheRoot, log)
    return { distribution: pbs.distribution, reused: pbs.reused, source: pbs.source }
  }
  if (existsSync(value) && statSync(value).isDirectory()) {
    if (!existsSync(path.join(value, 'PYTHON.json')))
      throw new DistributionSourceError(value, 'the directory has no PYTHON.json')
    return { distribution: await readDistribution(path.resolve(value)), reused: true, source: path.resolve(value) }
  }
  const tarball = await locateTarball(value, cacheRoot, log)
  const built = await buildDistributionFromSource({ tarball, target, cacheRoot, log })
  return { distribution: built.distribution, reused: built.reused, source: path.basename(tarball) }
}

async function locateTarball(value: string, cacheRoot: string, log: (line: string) => void): Promise<string> {
  if (value.startsWith('debian:')) return debianSourceTarball(value.slice('debian:'.length), cacheRoot, log)
  if (/^https?:\/\//.test(value)) return downloadTarball(value, cacheRoot, log)
  if (!existsSync(value)) throw new DistributionSourceError(value, 'no such file')
  if (!/\.(tgz|tar\.gz|tar\.xz|tar\.zst|tar\.bz2)$/.test(value)) {
    throw new DistributionSourceError(value, 'not a .tgz, .tar.gz, .tar.xz or .tar.bz2 archive')
  }
  return path.resolve(value)
}

/** Debian's upstream tarball for a CPython source package (python3.13 comes from Debian 13). */
async function debianSourceTarball(pkg: string, cacheRoot: string, log: (line: string) => void): Promise<string> {
  if (!/^python3\.\d+$/.test(pkg)) throw new DistributionSourceError(`debian:${pkg}`, 'expected debian:python3.N')
  const dir = path.join(cacheRoot, 'sources', pkg)
  await mkdir(dir, { recursive: true })
  const existing = await findOrig(dir, pkg)
  if (existing) return existing
  log(`  downloading Debian source package ${pkg}`)
  const release = pkg === 'python3.11' ? pkg : `${pkg}/trixie`
  const result = await runCommand({ command: 'apt-get', args: ['source', '--download-only', release], cwd: dir })
  const found = await findOrig(dir, pkg)
  if (!found) {
    throw new DistributionSourceError(
      `debian:${pkg}`,
      `apt-get source found no tarball (${result.stderr.trim().split('\n').pop() ?? 'no output'}); ` +
        'run scripts/setup-system.sh, which adds the deb-src entries'
    )
  }
  return found
}

async function findOrig(dir: string, pkg: string): Promise<string | null> {
  const names = (await readdir(dir)).filter(n => n.startsWith(`${pkg}_`) && /\.orig\.tar\.(gz|xz)$/.test(n)).sort()
  return names.length > 0 ? path.join(dir, names[names.length - 1]) : null
}

async function downloadTarball(url: string, cacheRoot: string, log: (line: string) => void): Promise<string> {
  const dir = path.join(cacheRoot, 'sources', contentKey({ url }, 16))
  const dest = path.join(dir, path.basename(new URL(url).pathname) || 'python.tgz')
  if (existsSync(dest)) return dest
  return (await downloadVerified({ url, dest, sha256: null, log })).file
}
