import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse as parseYaml } from 'yaml'
import { parseOutputs } from './action-run'
import { REPO, tempDir } from './cli'
import { debianRootFs, type RootFsFlavor } from './older-distribution'

/**
 * A fresh GitHub-hosted Linux runner, simulated as far as this machine allows, for the
 * zero-setup tests (fresh-runner.test.ts, fresh-runner.heavy.test.ts): a Debian 12 root
 * file system with what a runner image has that pyseal might use and nothing that
 * scripts/setup-system.sh adds, entered with chroot in a private mount namespace, as
 * the runner's user (uid 1001). A runner's layout is mounted into it: a home directory
 * of this machine's as /home/runner (a new one per runner: nothing carries over but the
 * cache service), this repository read-only where a runner unpacks `uses:
 * OWNER/pyseal@v1`, the user's checkout as the workspace. Steps run as the runner runs
 * them: `node <action>/dist/<bundle>` with INPUT_* from the action.yml's defaults and
 * the step's `with:`, GITHUB_* and RUNNER_* variables, fresh file-command files, and the
 * post step with the state the main step saved. The loopback results service
 * (test/fakes/results-service.js) is reached on 127.0.0.1: the chroot shares the network.
 */

/**
 * What the simulated runner image has (README: "A fresh runner, simulated"). Ubuntu's
 * runner images have these and much more; this list is what pyseal might use. Left out
 * on purpose: every `-dev` library, musl-tools and deb-src entries (setup-system.sh's
 * additions) and Go (the steps get GOPROXY as a runner's `go env GOPROXY` names it).
 */
export const RUNNER_PACKAGES = [
  // build-essential's compilers; gcc brings binutils
  'gcc',
  'g++',
  'make',
  'libc6-dev',
  'python3',
  'python3-pip',
  'python3-venv',
  // the Node the runner runs actions with (RUNNER_NODE): Debian's package (18)
  'nodejs',
  'curl',
  'ca-certificates',
  'xz-utils',
  'bzip2',
  // @actions/cache compresses with zstd when it is there, and the entry's version names the compression
  'zstd',
  'unzip',
  'zip',
  'patchelf',
  'pkg-config',
  'tcl',
  'file',
  'git',
  // the runner's user has password-less sudo; the tests check pyseal does not use it
  'sudo'
] as const

/** The runner's user, as on GitHub's images. */
const RUNNER_UID = 1001

const RUNNER_IMAGE: RootFsFlavor = {
  name: 'runner',
  include: RUNNER_PACKAGES,
  finish: [
    [
      'useradd',
      '--uid',
      String(RUNNER_UID),
      '--user-group',
      '--no-create-home',
      '--home-dir',
      '/home/runner',
      'runner'
    ],
    ['sh', '-c', 'echo "runner ALL=(ALL) NOPASSWD:ALL" >/etc/sudoers.d/runner && chmod 440 /etc/sudoers.d/runner'],
    // Mount points: the runner's home, and the machine's DNS settings.
    ['mkdir', '-p', '/home/runner'],
    ['touch', '/etc/resolv.conf'],
    ['apt-get', 'clean']
  ]
}

/** The runner image's root file system (debootstrap, cached like the older distributions' ones). */
export function runnerRootFs(): Promise<string> {
  return debianRootFs('bookworm', RUNNER_IMAGE)
}

// A runner's layout (paths inside the runner).
const HOME = '/home/runner'
/** Where a runner unpacks `uses: OWNER/pyseal@v1`. */
const ACTION_DIR = `${HOME}/work/_actions/OWNER/pyseal/v1`
export const WORKSPACE = `${HOME}/work/wordfreq/wordfreq`
const RUNNER_TEMP = `${HOME}/work/_temp`
/**
 * Where a runner keeps the Node it runs actions with. Inside the root file system that
 * Node is the image's own, from Debian's package (18, the oldest pyseal's bundles run
 * on); on this machine (a runner without a root file system) it is the machine's.
 */
export const RUNNER_NODE = `${HOME}/runners/2.330.0/externals/node20/bin/node`

export interface Runner {
  /** Its root file system; null: this machine itself, with the runner's paths (a private mount namespace). */
  root: string | null
  /** This machine's directory mounted as the runner's home. */
  home: string
  /** A scratch directory of this machine's mounted as the root file system's /tmp. */
  scratch: string
  /** Steps run so far: each has file-command files of its own. */
  steps: number
}

/** This machine's path of a path inside the runner's home. */
export function onMachine(runner: Runner, inside: string): string {
  return path.join(runner.home, path.relative(HOME, inside))
}

/**
 * A runner as a job starts on it: an empty home, the user's checkout (this repository's
 * example app in `example/`) as the workspace, the push event to the default branch.
 */
export function freshRunner(root: string | null): Runner {
  const runner: Runner = { root, home: tempDir('runner-home'), scratch: tempDir('runner-tmp'), steps: 0 }
  for (const dir of [ACTION_DIR, `${RUNNER_TEMP}/_github_workflow`, path.dirname(RUNNER_NODE)])
    mkdirSync(onMachine(runner, dir), { recursive: true })
  writeFileSync(onMachine(runner, RUNNER_NODE), '')
  // The checkout: the app's files, not what a build in this repository may have left beside them.
  cpSync(path.join(REPO, 'example'), onMachine(runner, `${WORKSPACE}/example`), {
    recursive: true,
    filter: source => !/(^|\/)(build|pyseal-out|[^/]*\.egg-info|__pycache__)$/.test(source)
  })
  const event = { ref: 'refs/heads/main', repository: { full_name: 'octo/wordfreq', default_branch: 'main' } }
  writeFileSync(onMachine(runner, `${RUNNER_TEMP}/_github_workflow/event.json`), JSON.stringify(event))
  chmodSync(runner.scratch, 0o1777)
  if (root) spawnSync('chown', ['-R', `${RUNNER_UID}:${RUNNER_UID}`, runner.home])
  return runner
}

/**
 * Sets up the runner's mounts in a private mount namespace, then runs the rest of the
 * arguments: $1 the root file system ("/" for this machine), $2 the home, $3 this
 * repository, $4 the machine's CA bundle (or ""), $5 the scratch /tmp, $6 the Node
 * mounted as the runner's own (a path inside the root file system). The root file
 * system is read-only (the cached one stays as it was made); DNS and the CA bundle are
 * this machine's, as its network needs them.
 */
const MOUNTS = `set -e
runner_path=$PATH
PATH=/usr/sbin:/usr/bin:/sbin:/bin
root=$1 home=$2 repo=$3 ca=$4 scratch=$5 node=$6
shift 6
if [ "$root" = / ]; then
  mount -t tmpfs -o mode=755 tmpfs /home
  mkdir /home/runner
else
  mount --bind "$root" "$root"
  mount -o remount,bind,ro "$root"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --bind "$scratch" "$root/tmp"
  mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
  if [ -n "$ca" ]; then mount --bind "$ca" "$root/etc/ssl/certs/ca-certificates.crt"; fi
fi
mount --bind "$home" "$root${HOME}"
mount --bind "$repo" "$root${ACTION_DIR}"
mount -o remount,bind,ro "$root${ACTION_DIR}"
mount --bind "$root$node" "$root${RUNNER_NODE}"
mount -o remount,bind,ro "$root${RUNNER_NODE}"
PATH=$runner_path exec "$@"
`

/** The machine's CA bundle, when its TLS settings name one (its egress needs it). */
function machineCaBundle(): string {
  const bundle = process.env.SSL_CERT_FILE ?? '/etc/ssl/certs/ca-certificates.crt'
  return existsSync(bundle) ? bundle : ''
}

/** Runs `argv` in the runner (as its user, in `cwd`), with exactly `env`. */
export function runInRunner(
  runner: Runner,
  argv: string[],
  env: NodeJS.ProcessEnv,
  { cwd = WORKSPACE, timeoutMinutes = 20 }: { cwd?: string; timeoutMinutes?: number } = {}
): SpawnSyncReturns<string> {
  const inRoot = runner.root
    ? [
        '/usr/sbin/chroot',
        `--userspec=${RUNNER_UID}:${RUNNER_UID}`,
        runner.root,
        '/usr/bin/env',
        `--chdir=${cwd}`,
        ...argv
      ]
    : ['/usr/bin/env', `--chdir=${cwd}`, ...argv]
  const args = ['--mount', '--fork', 'sh', '-c', MOUNTS, 'sh', runner.root ?? '/', runner.home, REPO]
  return spawnSync(
    '/usr/bin/unshare',
    [...args, machineCaBundle(), runner.scratch, runner.root ? '/usr/bin/node' : process.execPath, ...inRoot],
    {
      encoding: 'utf8',
      env,
      maxBuffer: 256 * 1024 * 1024,
      timeout: timeoutMinutes * 60 * 1000
    }
  )
}

/** A GitHub runtime token as the results service reads it: run and job ids in its scope claim. */
const TOKEN = `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify({ scp: 'Actions.Results:run-1:job-1' })).toString('base64url')}.x`

/** The Go module proxy a runner's `go env GOPROXY` names: this machine's. */
function goProxy(): string | undefined {
  if (process.env.GOPROXY) return process.env.GOPROXY
  const go = spawnSync('go', ['env', 'GOPROXY'], { encoding: 'utf8' })
  return go.status === 0 ? go.stdout.trim() : undefined
}

/** This machine's TLS settings, which its egress needs (a runner's network needs none). */
const TLS_SETTINGS = ['SSL_CERT_FILE', 'NODE_EXTRA_CA_CERTS', 'PIP_CERT', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE']

/** The variables a runner gives every step of a push to the default branch. */
function runnerEnv(resultsUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    HOME,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: WORKSPACE,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: `${RUNNER_TEMP}/_github_workflow/event.json`,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_SHA: '1'.repeat(40),
    GITHUB_REPOSITORY: 'octo/wordfreq',
    GITHUB_REPOSITORY_OWNER: 'octo',
    GITHUB_ACTOR: 'octo',
    GITHUB_WORKFLOW: 'binary',
    GITHUB_JOB: 'binary',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION_REPOSITORY: 'OWNER/pyseal',
    GITHUB_ACTION_REF: 'v1',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP,
    RUNNER_WORKSPACE: path.dirname(WORKSPACE),
    RUNNER_TOOL_CACHE: '/opt/hostedtoolcache',
    ImageOS: 'ubuntu24',
    ACTIONS_RUNTIME_TOKEN: TOKEN,
    ACTIONS_RESULTS_URL: `${resultsUrl}/`,
    ACTIONS_CACHE_SERVICE_V2: 'true',
    GOPROXY: goProxy()
  }
  for (const name of TLS_SETTINGS) if (process.env[name]) env[name] = process.env[name]
  return env
}

/** The action or one of its sub-actions: its action.yml (for the defaults) and its bundle. */
const ACTIONS = {
  action: { yml: 'action.yml', main: 'dist/index.js', post: 'dist/post.js' },
  plan: { yml: 'plan/action.yml', main: 'dist/plan.js', post: null },
  report: { yml: 'report/action.yml', main: 'dist/report.js', post: null }
} as const

/** INPUT_* as a runner sets them: every input with a default, then the step's `with:`. */
function inputVariables(yml: string, given: Record<string, string>): NodeJS.ProcessEnv {
  const spec = parseYaml(readFileSync(path.join(REPO, yml), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  const values: Record<string, string> = {}
  for (const [name, input] of Object.entries(spec.inputs)) {
    // The only expression in pyseal's defaults: the job's token.
    if (input.default !== undefined) values[name] = input.default.replace('${{ github.token }}', 'ghs_jobtoken')
  }
  Object.assign(values, given)
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]))
}

export interface StepRun {
  code: number
  /** The step's log: the main step's, then its post step's. */
  log: string
  outputs: Record<string, string>
  summary: string
  /** The post step's exit code (the action only). */
  postCode: number | null
  /** The post step's log lines that are not debug lines (the action only). */
  postLines: string[]
}

/** Runs a step `uses: OWNER/pyseal[/plan|/report]@v1` with `given` as its `with:`, and the action's post step. */
export function runStep(
  runner: Runner,
  action: keyof typeof ACTIONS,
  given: Record<string, string>,
  resultsUrl: string,
  timeoutMinutes = 20
): StepRun {
  const { yml, main, post } = ACTIONS[action]
  const step = ++runner.steps
  const files = { output: `set_output_${step}`, state: `save_state_${step}`, summary: `step_summary_${step}` }
  const fileCommands = `${RUNNER_TEMP}/_runner_file_commands`
  mkdirSync(onMachine(runner, fileCommands), { recursive: true })
  for (const name of Object.values(files)) writeFileSync(onMachine(runner, `${fileCommands}/${name}`), '')
  if (runner.root) spawnSync('chown', ['-R', `${RUNNER_UID}:${RUNNER_UID}`, onMachine(runner, fileCommands)])
  const env: NodeJS.ProcessEnv = {
    ...runnerEnv(resultsUrl),
    ...inputVariables(yml, given),
    GITHUB_OUTPUT: `${fileCommands}/${files.output}`,
    GITHUB_STATE: `${fileCommands}/${files.state}`,
    GITHUB_STEP_SUMMARY: `${fileCommands}/${files.summary}`
  }
  const node = (bundle: string, extra: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
    runInRunner(runner, [RUNNER_NODE, `${ACTION_DIR}/${bundle}`], { ...env, ...extra }, { timeoutMinutes })
  const ran = node(main)
  const read = (name: string): string => readFileSync(onMachine(runner, `${fileCommands}/${name}`), 'utf8')
  let log = ran.stdout + ran.stderr
  let postCode: number | null = null
  let postLines: string[] = []
  if (post) {
    // post-if: always(): the post step runs whatever the main step's outcome, with its saved state.
    const state = Object.entries(parseOutputs(read(files.state))).map(([k, v]) => [`STATE_${k}`, v])
    const postRun = node(post, Object.fromEntries(state))
    log += postRun.stdout + postRun.stderr
    postCode = postRun.status
    postLines = (postRun.stdout + postRun.stderr)
      .split('\n')
      .filter(line => line !== '' && !line.startsWith('::debug::'))
  }
  return {
    code: ran.status ?? 1,
    log,
    outputs: parseOutputs(read(files.output)),
    summary: read(files.summary),
    postCode,
    postLines
  }
}

export interface ResultsService {
  url: string
  state(): Promise<{
    caches: Array<{ key: string; committed: boolean; size: number }>
    artifacts: Array<{ id: number; name: string; finalized: boolean }>
  }>
  stop(): void
}

/** The loopback results service (cache and artifacts), empty, as its own process. */
export async function startResultsService(): Promise<ResultsService> {
  const server: ChildProcess = spawn(
    'node',
    [path.join(__dirname, '..', 'fakes', 'results-service.js'), tempDir('results-service')],
    { stdio: ['ignore', 'pipe', 'inherit'] }
  )
  const port = await new Promise<string>((resolve, reject) => {
    server.stdout?.once('data', (chunk: Buffer) => resolve(/PORT (\d+)/.exec(chunk.toString())?.[1] ?? ''))
    server.once('exit', code => reject(new Error(`the results service exited ${code}`)))
  })
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    // A step blocks this process longer than the service keeps an idle connection: try twice.
    state: async () => {
      const get = (): Promise<Response> => fetch(`${url}/_control/state`)
      return (await get().catch(get)).json() as ReturnType<ResultsService['state']>
    },
    stop: () => server.kill()
  }
}

/** The step's `with:` in the tests: the project and the Python, and the upload the Done-when line asks for. */
export const SEAL_WITH = { 'python-version': '3.14', project: 'example', upload: 'true' }

/**
 * What every successful seal step on a runner shows: the binary built for the runner's
 * triple runs there (the example counts words), it needed no package installed (no
 * apt-get, no sudo), and it was uploaded as the artifact named for it.
 */
export async function expectSealedAndUploaded(runner: Runner, run: StepRun, service: ResultsService): Promise<void> {
  if (run.code !== 0) throw new Error(`the step failed (${run.code}):\n${run.log.slice(-20000)}`)
  expect(run.log).not.toMatch(/^\s*installing .* for x86_64/m)
  expect(run.outputs.binary).toBe(`${WORKSPACE}/pyseal-out/wordfreq`)
  expect(run.outputs.status).toBe('all-builtin')
  expect(run.outputs['python-version']).toMatch(/^3\.14\.\d+$/)
  const counted = runInRunner(runner, [run.outputs.binary, 'a', 'b', 'a'], { PATH: '/usr/bin:/bin', HOME })
  expect(counted.stderr).toBe('')
  expect(counted.stdout).toMatch(/^\s*2 a$/m)
  const artifacts = (await service.state()).artifacts
  const artifact = artifacts.find(a => String(a.id) === run.outputs['artifact-id'])
  expect(artifact).toMatchObject({ name: 'pyseal-wordfreq-x86_64-unknown-linux-gnu', finalized: true })
}
