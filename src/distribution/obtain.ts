import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { cachedEntry } from '../cache/cached-entry'
import { DOWNLOAD } from '../cache/entry-kinds'
import { UserError } from '../errors/user-error'
import { runCommand } from '../exec/run'
import { selectToolchain, type HostedTarget } from '../toolchain/select-toolchain'
import { findTarget } from '../targets/table'
import { parseCPythonValue } from './cpython-releases'
import { downloadCPythonSource, fetchCPythonSource } from './cpython-source'
import { isPbsValue, obtainPbsDistribution } from './pbs'
import { readDistribution, type Distribution } from './python-json'
import { buildDistributionFromSource, type SourceOptimization } from './source-build'
import { shareSysconfigData } from './source-tree'

export interface ObtainedDistribution {
  distribution: Distribution
  /**
   * The distribution whose Python runs pip and compiles the embedded .pyc files here:
   * the same one for a native build; for a cross build, the same CPython built for
   * this machine, with the target's sysconfig data beside its own.
   */
  buildDistribution: Distribution
  /** For a cross build, the `_PYTHON_SYSCONFIGDATA_NAME` that makes packages compile for the target. */
  crossSysconfigName: string | null
  /** sha256 of the source tarball or archive it came from, when there was one. */
  sha256: string | null
  /** True when a cached build was used and nothing was compiled. */
  reused: boolean
  /** Where it came from, for the report. */
  source: string
}

export class DistributionSourceError extends UserError {
  constructor(value: string, detail: string) {
    const fix =
      'Give a CPython source tarball (path or URL), a python-build-standalone full archive (pbs:3.11, or its path or URL), ' +
      'a directory holding PYTHON.json, or debian:python3.11 / debian:python3.13.'
    super(
      { input: `--python-distribution "${value}"`, cause: detail, fix },
      `--python-distribution "${value}": ${detail}. ${fix}`
    )
    this.name = 'DistributionSourceError'
  }
}

/** The --python-distribution value and, for a CPython built from source, how to optimize it. */
export interface DistributionRequest {
  value: string
  optimization: SourceOptimization
}

/** Turns the --python-distribution value into a distribution ready to link against. */
export async function obtainDistribution(
  request: DistributionRequest,
  target: HostedTarget,
  cacheRoot: string,
  log: (line: string) => void
): Promise<ObtainedDistribution> {
  const { value, optimization } = request
  refuseUnbuildable(request, target)
  if (isPbsValue(value)) {
    const pbs = await obtainPbsDistribution(value, target, cacheRoot, log)
    return { ...native(pbs.distribution, pbs.reused, pbs.source), sha256: pbs.sha256 }
  }
  if (existsSync(value) && statSync(value).isDirectory()) {
    if (!existsSync(path.join(value, 'PYTHON.json')))
      throw new DistributionSourceError(value, 'the directory has no PYTHON.json')
    return native(await readDistribution(path.resolve(value)), true, path.resolve(value))
  }
  const { tarball, source } = await locateTarball(value, cacheRoot, log)
  const freeThreaded = parseCPythonValue(value)?.freeThreaded ?? false
  if (target.crossCompiling) {
    return buildCrossDistribution({ tarball, source }, { ...request, freeThreaded }, target, cacheRoot, log)
  }
  const built = await buildDistributionFromSource({
    tarball,
    target,
    buildPython: null,
    optimization,
    freeThreaded,
    cacheRoot,
    log
  })
  return native(built.distribution, built.reused, source)
}

/** A distribution that builds for its own machine: pip runs with it too. */
function native(distribution: Distribution, reused: boolean, source: string): ObtainedDistribution {
  return {
    distribution,
    buildDistribution: distribution,
    crossSysconfigName: null,
    sha256: distribution.json.pyseal?.source_sha256 ?? null,
    reused,
    source
  }
}

/** Refuses, before any work, what this value cannot give: a cross build or an optimization from a built distribution. */
function refuseUnbuildable(request: DistributionRequest, target: HostedTarget): void {
  const { value, optimization } = request
  const sourceTarball = !isPbsValue(value) && (/^(debian:|cpython:|https?:\/\/)/.test(value) || isTarball(value))
  if (target.crossCompiling && !sourceTarball) {
    throw new DistributionSourceError(
      value,
      `a cross build (${target.triple} from ${target.host}) builds CPython twice from one source tarball, ` +
        'for this machine and for the target; give a CPython source tarball (path or URL) or debian:python3.N'
    )
  }
  if (!sourceTarball && optimization !== 'none') {
    throw new DistributionSourceError(
      value,
      `--python-optimization ${optimization} applies to a CPython built from source; this distribution is already built ` +
        '(for python-build-standalone, choose its variant instead, e.g. pbs:3.11:pgo+lto)'
    )
  }
  if (target.crossCompiling && optimization === 'pgo+lto') {
    throw new DistributionSourceError(
      value,
      `--python-optimization pgo+lto profiles the interpreter by running it, and a ${target.triple} interpreter ` +
        `cannot run on ${target.host}; use lto for a cross build, or build on a ${target.triple} runner`
    )
  }
}

/** A cross build: CPython for this machine first (it runs pip and the target's build), then for the target. */
async function buildCrossDistribution(
  { tarball, source }: LocatedTarball,
  request: DistributionRequest & { freeThreaded: boolean },
  target: HostedTarget,
  cacheRoot: string,
  log: (line: string) => void
): Promise<ObtainedDistribution> {
  log(`  CPython for ${target.host} first: the cross build runs it`)
  const hostTarget = selectToolchain(findTarget(target.host), target.host)
  // Packages are built for the target's ABI by the build machine's Python: a free-threaded target needs one too.
  const { freeThreaded, optimization } = request
  // The build machine's CPython only runs pip and compiles .pyc files: it is never optimized.
  const host = await buildDistributionFromSource({
    tarball,
    target: hostTarget,
    buildPython: null,
    optimization: 'none',
    freeThreaded,
    cacheRoot,
    log
  })
  const hostJson = host.distribution.json
  const buildPython = {
    exe: path.join(host.distribution.root, hostJson.python_exe),
    stdlib: path.join(host.distribution.root, hostJson.python_paths.stdlib),
    key: host.key
  }
  const built = await buildDistributionFromSource({
    tarball,
    target,
    buildPython,
    optimization,
    freeThreaded,
    cacheRoot,
    log
  })
  return {
    distribution: built.distribution,
    buildDistribution: host.distribution,
    crossSysconfigName: await shareSysconfigData(
      path.join(built.distribution.root, built.distribution.json.python_paths.stdlib),
      built.key,
      buildPython.stdlib
    ),
    sha256: built.distribution.json.pyseal?.source_sha256 ?? null,
    reused: built.reused && host.reused,
    source
  }
}

/** A CPython source tarball by its name (a python-build-standalone .tar.zst is told apart before this). */
function isTarball(value: string): boolean {
  return /\.(tgz|tar\.gz|tar\.xz|tar\.zst|tar\.bz2|zip)$/.test(value)
}

/** A source tarball on disk, and how the report names where it came from. */
interface LocatedTarball {
  tarball: string
  source: string
}

async function locateTarball(value: string, cacheRoot: string, log: (line: string) => void): Promise<LocatedTarball> {
  const named = (tarball: string): LocatedTarball => ({ tarball, source: path.basename(tarball) })
  if (value.startsWith('debian:'))
    return named(await debianSourceTarball(value.slice('debian:'.length), cacheRoot, log))
  if (value.startsWith('cpython:')) {
    const fetched = await fetchCPythonSource(value, cacheRoot, log)
    return { tarball: fetched.file, source: `${path.basename(fetched.file)}: ${fetched.from}` }
  }
  if (/^https?:\/\//.test(value)) return named(await downloadTarball(value, cacheRoot, log))
  if (!existsSync(value)) throw new DistributionSourceError(value, 'no such file')
  if (!isTarball(value)) {
    throw new DistributionSourceError(value, 'not a .tgz, .tar.gz, .tar.xz, .tar.zst, .tar.bz2 or .zip archive')
  }
  return named(path.resolve(value))
}

/**
 * Debian's upstream tarball for a CPython source package (python3.13 comes from
 * Debian 13), fetched by apt into a download entry of its own.
 */
async function debianSourceTarball(pkg: string, cacheRoot: string, log: (line: string) => void): Promise<string> {
  if (!/^python3\.\d+$/.test(pkg)) throw new DistributionSourceError(`debian:${pkg}`, 'expected debian:python3.N')
  const { root } = await cachedEntry({
    kind: DOWNLOAD,
    root: path.join(cacheRoot, 'sources', pkg),
    describe: `Debian source package ${pkg}`,
    legacyComplete: root => existsSync(root) && findOrig(root, pkg) !== null,
    build: dir => fetchDebianSource(pkg, dir, log),
    log
  })
  return findOrig(root, pkg) as string
}

async function fetchDebianSource(pkg: string, dir: string, log: (line: string) => void): Promise<void> {
  log(`  downloading Debian source package ${pkg}`)
  const release = pkg === 'python3.11' ? pkg : `${pkg}/trixie`
  const result = await runCommand({ command: 'apt-get', args: ['source', '--download-only', release], cwd: dir })
  if (!findOrig(dir, pkg)) {
    throw new DistributionSourceError(
      `debian:${pkg}`,
      `apt-get source found no tarball (${result.stderr.trim().split('\n').pop() ?? 'no output'}); ` +
        'run scripts/setup-system.sh, which adds the deb-src entries'
    )
  }
}

function findOrig(dir: string, pkg: string): string | null {
  const names = readdirSync(dir)
    .filter(n => n.startsWith(`${pkg}_`) && /\.orig\.tar\.(gz|xz)$/.test(n))
    .sort()
  return names.length > 0 ? path.join(dir, names[names.length - 1]) : null
}

/**
 * A CPython source tarball by URL. `URL#sha256=HEX` pins it: any other content is
 * refused. Without a pin the download is used and its sha256 printed, to pin next time.
 */
async function downloadTarball(value: string, cacheRoot: string, log: (line: string) => void): Promise<string> {
  const url = new URL(value)
  const pinned = /^#sha256=([0-9a-fA-F]{64})$/.exec(url.hash)?.[1]?.toLowerCase() ?? null
  url.hash = ''
  const result = await downloadCPythonSource({ url: url.toString(), sha256: pinned, cacheRoot, log })
  if (!pinned) {
    log(
      `  ${url.toString()} is not pinned: its sha256 is ${result.sha256}; give ${url.toString()}#sha256=${result.sha256} to refuse anything else`
    )
  }
  return result.file
}
