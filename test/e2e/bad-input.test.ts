import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { runAction } from './action-run'
import { FIXTURES, pyseal, tempDir } from './cli'

/**
 * The bad-input corpus: mistakes a user can make through CLI flags, the action's
 * inputs and `[tool.pyseal]`. Each one exits non-zero with one line that names the
 * input, the cause and the fix, shows no stack trace, and leaves nothing in the output
 * directory that looks like a build (no binary, no checksum, no temporary file; a
 * report, when the build got that far, says it failed).
 */
interface Place {
  /** A copy of the c-ext fixture, for this case alone. */
  project: string
  outDir: string
  /** A scratch directory beside the project for files the case needs. */
  dir: string
}

interface BadInput {
  name: string
  /** Prepares files; runs before the inputs are read. */
  setup?: (place: Place) => void
  /** `cli`: flags after `pyseal build` (the project, target and output directory are given first). */
  cli?: (place: Place) => string[]
  /** `action`: INPUT_* values (project, target, out-dir and cache are given unless the case sets them). */
  action?: (place: Place) => Record<string, string>
  /** `command`: a whole command line (plan, report, or a mistyped command). */
  command?: (place: Place) => string[]
  /** `pyproject`: the project's pyproject.toml, built with the CLI and no other flags. */
  pyproject?: string | Buffer
  /** The line that must say what is wrong, naming the input and the fix. */
  says: RegExp
  /** Reaches the build stage (seconds with a warm cache): the report, if any, must say failed. */
  builds?: boolean
}

const TARGET = 'x86_64-unknown-linux-gnu'
const PYPROJECT_HEAD = '[build-system]\nrequires = ["setuptools>=61"]\nbuild-backend = "setuptools.build_meta"\n\n'
const CEXT_PROJECT = '[project]\nname = "cext"\nversion = "1.0"\n'
const LATIN1 = Buffer.from('[project]\nname = "caf\xe9"\nversion = "1.0"\n', 'latin1')

const CASES: BadInput[] = [
  // Command-line flags.
  {
    name: 'an unknown flag',
    cli: () => ['--tagret', TARGET],
    says: /unknown option --tagret\. Did you mean "--target"\?/
  },
  { name: 'a flag with no value', cli: () => ['--name'], says: /--name needs a value: write --name VALUE/ },
  {
    name: 'a positional argument',
    cli: () => ['app.py'],
    says: /unexpected argument "app\.py": pyseal build takes only options/
  },
  {
    name: 'a value for a switch',
    cli: () => ['--allow-in-memory-shared-library-loading=maybe'],
    says: /--allow-in-memory-shared-library-loading is a switch and takes no value/
  },
  {
    name: 'a misspelt triple',
    cli: () => ['--target', 'x86_64-unknown-linux-gnux'],
    says: /Unknown target "x86_64-unknown-linux-gnux"\. Valid targets: .*Did you mean "x86_64-unknown-linux-gnu"\?/
  },
  {
    name: 'a misspelt alias',
    cli: () => ['--target', 'linux-x46'],
    says: /Unknown target "linux-x46"\..*Did you mean "linux-x64"\?/
  },
  {
    name: 'an unknown triple',
    cli: () => ['--target', 'sparc-sun-solaris'],
    says: /Unknown target "sparc-sun-solaris"\. Valid targets: x86_64/
  },
  {
    name: 'an unsupported Debian Python',
    cli: () => ['--python-distribution', 'debian:python3.9'],
    says: /python-distribution "debian:python3\.9" is not a CPython pyseal can build.*use debian:python3\.11 or debian:python3\.13/
  },
  {
    name: 'a python-version too old',
    cli: () => ['--python-version', '3.9'],
    says: /python-version "3\.9" is outside what pyseal builds: choose 3\.11 to 3\.15/
  },
  {
    name: 'a python-version not out yet',
    cli: () => ['--python-version', '3.16'],
    says: /python-version "3\.16" is outside what pyseal builds: choose 3\.11 to 3\.15/
  },
  {
    name: 'a python-version with a stray suffix',
    cli: () => ['--python-version', '3.14x'],
    says: /python-version "3\.14x" is not a CPython version: write X\.Y or X\.Y\.Z from 3\.11 to 3\.15/
  },
  {
    name: 'a python-version that is a major version only',
    cli: () => ['--python-version', '4'],
    says: /python-version "4" is not a CPython version: write X\.Y or X\.Y\.Z/
  },
  {
    name: 'a python-version that python-distribution contradicts',
    cli: () => ['--python-version', '3.13', '--python-distribution', 'debian:python3.11'],
    says: /python-version "3\.13" and python-distribution "debian:python3\.11" \(CPython 3\.11\) disagree: give one of them/
  },
  {
    name: 'a free-threaded python-version that python-distribution contradicts',
    cli: () => ['--python-version', '3.14t', '--python-distribution', 'cpython:3.14.7'],
    says: /python-version "3\.14t" and python-distribution "cpython:3\.14\.7" \(CPython 3\.14\.7\) disagree: give one of them/
  },
  {
    name: 'a python-version whose minor has only a pre-release, without allow-prereleases',
    cli: () => ['--python-version', '3.15'],
    says: /python-version "3\.15" has no final release in pyseal's release list, only the pre-release 3\.15\.0rc2: name one exactly \(--python-version 3\.15\.0rc2\), or set allow-prereleases/
  },
  {
    name: 'a python-version release pyseal has no source for',
    cli: () => ['--python-version', '3.11.1'],
    says: /python-version "3\.11\.1" has no source in pyseal's release list \(known for 3\.11: 3\.11\.2\)/
  },
  {
    name: 'an unsupported python-build-standalone version',
    cli: () => ['--python-distribution', 'pbs:2.7'],
    says: /No python-build-standalone full archive for Python 2\.7 on x86_64-unknown-linux-gnu.*Known for/
  },
  {
    name: 'a malformed python-build-standalone request',
    cli: () => ['--python-distribution', 'pbs:three'],
    says: /"pbs:three" is not a python-build-standalone request: write pbs:3\.11/
  },
  {
    name: 'a distribution file that does not exist',
    cli: () => ['--python-distribution', 'Python-3.11.9.tgz'],
    says: /python-distribution "Python-3\.11\.9\.tgz" is neither .* nor an existing file or directory: give one of those/
  },
  {
    name: 'a glibc floor older than pyseal can hold',
    cli: () => ['--glibc', '2.5'],
    says: /glibc "2\.5" is outside the floors pyseal can hold: choose 2\.17 to 2\.\d+ .*, or host/
  },
  {
    name: 'a glibc floor that is no version',
    cli: () => ['--glibc', 'banana'],
    says: /glibc "banana" is not a glibc release: write 2\.N from 2\.17 to 2\.\d+ \(e\.g\. 2\.17\), or host/
  },
  {
    name: 'a glibc floor for a musl target',
    cli: () => ['--glibc', '2.17', '--target', 'x86_64-unknown-linux-musl'],
    says: /glibc "2\.17" does not apply: x86_64-unknown-linux-musl links musl statically and needs no glibc; leave out --glibc/
  },
  {
    name: 'a glibc floor for a target that is not Linux',
    cli: () => ['--glibc', '2.17', '--target', 'aarch64-apple-darwin'],
    says: /glibc "2\.17" does not apply: aarch64-apple-darwin is not Linux, and only Linux gnu targets use glibc; leave out --glibc/
  },
  {
    name: 'an optimized CPython for a glibc floor',
    cli: () => ['--python-optimization', 'pgo+lto'],
    says: /python-optimization pgo\+lto cannot be built for glibc 2\.17: only this machine's gcc optimizes CPython; give --glibc host \(the binary then needs this machine's glibc\) or python-optimization none/
  },
  {
    name: 'a project that does not exist',
    cli: p => ['--project', path.join(p.dir, 'nope')],
    says: /project directory \S+\/nope does not exist: point --project at the project's directory/
  },
  {
    name: 'a file where the project directory belongs',
    setup: p => writeFileSync(path.join(p.dir, 'app.py'), 'print(1)\n'),
    cli: p => ['--project', path.join(p.dir, 'app.py')],
    says: /project \S+app\.py is a file, not a directory: point --project at the directory holding it/
  },
  {
    name: 'a directory that is no Python project',
    setup: p => mkdirSync(path.join(p.dir, 'empty')),
    cli: p => ['--project', path.join(p.dir, 'empty')],
    says: /empty has neither pyproject\.toml nor setup\.py: point --project at a Python project/
  },
  {
    name: 'a requirements file that does not exist',
    cli: p => ['--requirements', path.join(p.dir, 'requirements.txt')],
    says: /requirements file \S+requirements\.txt does not exist: check --requirements/
  },
  {
    name: 'a directory given as requirements file',
    cli: p => ['--requirements', p.dir],
    says: /requirements file \S+ is not a file: give --requirements a file/
  },
  {
    name: 'an empty requirements file',
    setup: p => writeFileSync(path.join(p.dir, 'requirements.txt'), ''),
    cli: p => ['--requirements', path.join(p.dir, 'requirements.txt')],
    says: /requirements file \S+ lists no requirements: add them, or leave out --requirements/
  },
  {
    name: 'a requirements file of comments only',
    setup: p => writeFileSync(path.join(p.dir, 'requirements.txt'), '# pinned below\n\n   # nothing yet\n'),
    cli: p => ['--requirements', path.join(p.dir, 'requirements.txt')],
    says: /lists no requirements/
  },
  {
    name: 'a requirements file that is not UTF-8',
    setup: p => writeFileSync(path.join(p.dir, 'requirements.txt'), Buffer.from('caf\xe9-lib==1.0\n', 'latin1')),
    cli: p => ['--requirements', path.join(p.dir, 'requirements.txt')],
    says: /requirements file \S+ is not UTF-8 text: save it as UTF-8/
  },
  {
    name: 'a malformed entry point',
    cli: () => ['--entry-point', 'app:main:extra'],
    says: /entry-point: must look like pkg\.module:function or pkg\.module/
  },
  {
    name: 'a name with a slash',
    cli: () => ['--name', 'bin/app'],
    says: /name: may hold letters, digits, "\.", "_" and "-" only/
  },
  { name: 'an empty name', cli: () => ['--name', ''], says: /name: may hold letters, digits/ },
  {
    name: 'a bad fail-on value',
    cli: () => ['--fail-on', 'sometimes'],
    says: /fail-on must be one of error, fallback, never, not "sometimes"/
  },
  {
    name: 'a bad flavor',
    cli: () => ['--flavor', 'medium'],
    says: /flavor must be one of static, dynamic, not "medium"/
  },
  {
    name: 'an unknown extension location',
    cli: () => ['--extension-location', 'somewhere'],
    says: /extension-location "somewhere" is not in-memory or filesystem-relative:DIR/
  },
  {
    name: 'an extension location outside the output directory',
    cli: () => ['--extension-location', 'filesystem-relative:../lib'],
    says: /extension-location \(0\.dir\): must be a directory below the binary's .*no "\.\."/
  },
  {
    name: 'a package data location without a package',
    cli: () => ['--package-data-location', 'user-cache'],
    says: /package-data-location "user-cache" is not PKG=filesystem-relative:DIR or PKG=user-cache/
  },
  {
    name: 'a package data location for a subpackage',
    cli: () => ['--package-data-location', 'cext.sub=user-cache'],
    says: /package-data-location \(0\.package\): must be a top-level package name/
  },
  {
    name: 'a package data location for a package the app does not have',
    cli: () => ['--package-data-location', 'nosuchpkg=filesystem-relative:data'],
    says: /package-data-location nosuchpkg the app's installed packages have no top-level package nosuchpkg: give the import name of a package the app installs/,
    builds: true
  },
  {
    name: 'a package both excluded and standalone',
    cli: () => ['--exclude-packages', 'cext', '--standalone-packages', 'cext'],
    says: /cext is in both exclude-packages and standalone-packages: choose one/
  },
  {
    name: 'standalone packages with the static flavor',
    cli: () => ['--flavor', 'static', '--standalone-packages', 'cext'],
    says: /standalone-packages \(cext\) conflicts with flavor static: files beside the binary need the dynamic flavor/
  },
  {
    name: 'a link-extra file that does not exist',
    cli: p => ['--link-extra', path.join(p.dir, 'extra.o')],
    says: /link-extra file \S+extra\.o does not exist: check --link-extra/
  },
  {
    name: 'a link-extra file that is no object',
    setup: p => writeFileSync(path.join(p.dir, 'notes.txt'), 'x'),
    cli: p => ['--link-extra', path.join(p.dir, 'notes.txt')],
    says: /link-extra file \S+notes\.txt is not an object file or static library: give \.o, \.obj, \.a or \.lib files/
  },
  {
    name: 'an output directory that is a file',
    setup: p => writeFileSync(p.outDir, 'not a directory'),
    cli: () => [],
    says: /out-dir \S+ is a file, not a directory: give --out-dir a directory/
  },
  {
    name: 'an output directory below a file',
    setup: p => writeFileSync(path.join(p.dir, 'file'), 'x'),
    cli: p => ['--out-dir', path.join(p.dir, 'file', 'out')],
    says: /cannot write \S+file\/out: a path on the way is a file, not a directory; choose another --out-dir/
  },
  {
    name: 'a cache directory that is a file',
    setup: p => writeFileSync(path.join(p.dir, 'cache'), 'x'),
    cli: p => ['--cache-dir', path.join(p.dir, 'cache')],
    says: /cache-dir \S+cache is a file, not a directory: give --cache-dir a directory/
  },
  {
    name: 'a requirement that is not on the package index',
    setup: p => writeFileSync(path.join(p.dir, 'requirements.txt'), 'pyseal-no-such-package-7f3c==1.0\n'),
    cli: p => ['--requirements', path.join(p.dir, 'requirements.txt')],
    says: /requirement pyseal-no-such-package-7f3c\S* is not on the package index .*check its name and version in \S+requirements\.txt/,
    builds: true
  },

  {
    name: 'a requirements file given twice, once missing',
    setup: p => writeFileSync(path.join(p.dir, 'requirements.txt'), 'cffi\n'),
    cli: p => ['--requirements', path.join(p.dir, 'requirements.txt'), '--requirements', path.join(p.dir, 'dev.txt')],
    says: /requirements file \S+dev\.txt does not exist: check --requirements/
  },

  // The other commands.
  { name: 'a misspelt command', command: () => ['biuld'], says: /unknown command "biuld"\. Did you mean "build"\?/ },
  {
    name: 'a misspelt target for plan',
    command: () => ['plan', '--targets', 'linux-x64,linux-arm46'],
    says: /Unknown target "linux-arm46"\..*Did you mean "linux-arm64"\?/
  },
  {
    name: 'an unknown option for plan',
    command: () => ['plan', '--target', 'linux-x64'],
    says: /unknown option --target\. Did you mean "--targets"\? pyseal plan takes --targets, --name/
  },
  {
    name: 'a misspelt report command',
    command: () => ['report', 'rendr', 'app.report.json'],
    says: /unknown report command "rendr"\. Did you mean "render"\?/
  },
  {
    name: 'a report file that does not exist',
    command: p => ['report', 'render', path.join(p.dir, 'app.report.json')],
    says: /report file \S+app\.report\.json does not exist: give the path of a <name>\.report\.json/
  },
  {
    name: 'a report file that is not JSON',
    setup: p => writeFileSync(path.join(p.dir, 'app.report.json'), '{"schema": '),
    command: p => ['report', 'diff', path.join(p.dir, 'app.report.json'), path.join(p.dir, 'app.report.json')],
    says: /app\.report\.json is not JSON \(.*\): give a <name>\.report\.json that pyseal wrote/
  },

  // [tool.pyseal] and the rest of pyproject.toml.
  {
    name: 'a pyproject.toml that is not TOML',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal\ntarget = "linux-x64"\n`,
    says: /pyproject\.toml is not valid TOML \(.*\): fix the syntax at that line/
  },
  {
    name: 'a pyproject.toml that is not UTF-8',
    pyproject: LATIN1,
    says: /pyproject\.toml is not UTF-8 text: save it as UTF-8/
  },
  {
    name: 'an unknown [tool.pyseal] key',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\ntagret = "linux-x64"\n`,
    says: /\[tool\.pyseal\] in \S+pyproject\.toml: unknown setting "tagret"\. Did you mean "target"\? Known settings: target, project/
  },
  {
    name: 'a [tool.pyseal] value of the wrong type',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\ntarget = 5\n`,
    says: /\[tool\.pyseal\] in \S+: target must be a string, not a number/
  },
  {
    name: 'a [tool.pyseal] list given as a string',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\nrequirements = "requirements.txt"\n`,
    says: /\[tool\.pyseal\] in \S+: requirements must be a list, not a string/
  },
  {
    name: 'a [tool.pyseal] value neither string nor list',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\nstdlib-exclude = 5\n`,
    says: /stdlib-exclude must be a string or a list of strings/
  },
  {
    name: 'a misspelt triple in [tool.pyseal]',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\ntarget = "linux-musl-x46"\n`,
    says: /Unknown target "linux-musl-x46"\..*Did you mean "linux-musl-x64"\?/
  },
  {
    name: 'a bad fail-on in [tool.pyseal]',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\nfail-on = "warn"\n`,
    says: /fail-on must be one of error, fallback, never, not "warn"/
  },
  {
    name: 'a bad switch in [tool.pyseal]',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\nallow-in-memory-shared-library-loading = "maybe"\n`,
    says: /allow-in-memory-shared-library-loading must be true or false, not "maybe"/
  },
  {
    name: 'a [tool.pyseal] glibc floor that is no release',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\nglibc = "2.17.0"\n`,
    says: /glibc "2\.17\.0" is not a glibc release: write 2\.N/
  },
  {
    name: '[tool.pyseal] that is not a table',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool]\npyseal = "fast"\n`,
    says: /\[tool\.pyseal\] in \S+pyproject\.toml must be a table of settings, not string/
  },
  {
    name: 'several [project.scripts] and no entry point',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[project.scripts]\nadd = "cext:add"\nsub = "cext:sub"\n`,
    says: /\[project\.scripts\] has 2 entries \(add, sub\): choose one with --entry-point/
  },
  {
    name: 'a [project] name that cannot name a file',
    pyproject: `${PYPROJECT_HEAD}[project]\nname = "c ext!"\nversion = "1.0"\n`,
    says: /name: may hold letters, digits.*\("c ext!" is \[project\] name in pyproject\.toml; give --name to choose another\)/
  },
  {
    name: 'an entry point in [tool.pyseal] that does not resolve',
    pyproject: `${PYPROJECT_HEAD}${CEXT_PROJECT}\n[tool.pyseal]\nentry-point = "cext.nope:main"\n`,
    says: /The entry point "cext\.nope:main" does not resolve: module cext\.nope is not in the project .*Check --entry-point/,
    builds: true
  },

  // The action's inputs, through dist/index.js as a runner runs it.
  {
    name: 'a python-version input with a stray suffix',
    action: () => ({ 'python-version': '3.14x' }),
    says: /python-version "3\.14x" is not a CPython version/
  },
  {
    name: 'a misspelt target input',
    action: () => ({ target: 'x86_64-unknown-linux-mus' }),
    says: /Unknown target "x86_64-unknown-linux-mus".*Did you mean "x86_64-unknown-linux-musl"\?/
  },
  {
    name: 'a glibc input for a musl target',
    action: () => ({ glibc: '2.17', target: 'x86_64-unknown-linux-musl' }),
    says: /glibc "2\.17" does not apply: x86_64-unknown-linux-musl links musl statically/
  },
  {
    name: 'a bad cache input',
    action: () => ({ cache: 'sometimes' }),
    says: /cache must be one of auto, true, false, not "sometimes"/
  },
  {
    name: 'a bad upload input',
    action: () => ({ upload: 'maybe' }),
    says: /upload must be true or false, not "maybe"/
  },
  {
    name: 'a bad artifact-name input',
    action: () => ({ 'artifact-name': 'a/b' }),
    says: /artifact-name: may not hold .* or line breaks: choose a name without them/
  },
  {
    name: 'a working-directory that does not exist',
    action: p => ({ 'working-directory': path.join(p.dir, 'nope'), project: '.' }),
    says: /project directory \S+\/nope does not exist/
  },
  {
    name: 'a requirements input naming a missing file',
    action: () => ({ requirements: 'requirements.txt\nmissing-too.txt' }),
    says: /requirements file \S+requirements\.txt does not exist/
  },
  {
    name: 'a cache-suffix input the cache service would refuse in a key',
    action: () => ({ cache: 'auto', 'cache-suffix': 'py3.14,musl' }),
    says: /cache-suffix: may not hold "," or line breaks: the cache service refuses such keys/
  },
  {
    name: 'a bad fail-on input',
    action: () => ({ 'fail-on': 'always' }),
    says: /fail-on must be one of error, fallback, never, not "always"/
  },
  {
    name: 'an entry-point input with a line break',
    action: () => ({ 'entry-point': 'cext\nrm -rf /' }),
    says: /entry-point: must look like pkg\.module:function/
  },
  {
    name: 'an out-dir input that is a file',
    setup: p => writeFileSync(p.outDir, 'x'),
    action: () => ({}),
    says: /out-dir \S+ is a file, not a directory/
  },
  {
    name: 'an unsupported python-distribution input',
    action: () => ({ 'python-distribution': 'debian:python2.7' }),
    says: /python-distribution "debian:python2\.7" is not a CPython pyseal can build/
  },
  // The build options the reusable workflow passes on to the action.
  {
    name: 'a bad flavor input',
    action: () => ({ flavor: 'shared' }),
    says: /flavor must be one of static, dynamic, not "shared"/
  },
  {
    name: 'a bad python-optimization input',
    action: () => ({ 'python-optimization': 'fast' }),
    says: /python-optimization must be one of none, lto, pgo\+lto, not "fast"/
  },
  {
    name: 'a bad stdlib input',
    action: () => ({ stdlib: 'some' }),
    says: /stdlib must be one of all, imported, not "some"/
  },
  {
    name: 'a stdlib-include input that is no module name',
    action: () => ({ stdlib: 'imported', 'stdlib-include': 'json,../x' }),
    says: /stdlib-include.*must be dotted module names/
  },
  {
    name: 'a package-data-location input without a package',
    action: () => ({ 'package-data-location': 'user-cache' }),
    says: /package-data-location "user-cache" is not PKG=filesystem-relative:DIR or PKG=user-cache/
  },
  {
    name: 'a name input with a slash',
    action: () => ({ name: 'bin/app' }),
    says: /name: may hold letters, digits, "\.", "_" and "-" only/
  },
  {
    name: 'an entry-point input that does not resolve',
    action: () => ({ 'entry-point': 'cext.missing' }),
    says: /The entry point "cext\.missing" does not resolve/,
    builds: true
  }
]

/** The one message the user reads: the CLI's first stderr line, or the action's one error annotation. */
function runCase(c: BadInput, place: Place): { code: number; line: string; output: string } {
  if (c.action) {
    const inputs = {
      project: place.project,
      target: TARGET,
      'out-dir': place.outDir,
      cache: 'false',
      ...c.action(place)
    }
    const run = runAction(inputs, { GITHUB_WORKSPACE: place.dir })
    const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
    expect(errors).toHaveLength(1)
    return { code: run.code, line: errors[0], output: run.stdout }
  }
  const args = c.command
    ? c.command(place)
    : c.pyproject
      ? ['build', '--out-dir', place.outDir]
      : ['build', '--project', place.project, '--target', TARGET, '--entry-point', 'none', '--out-dir', place.outDir]
  const run = pyseal([...args, ...(c.cli ? c.cli(place) : [])], place.dir)
  return { code: run.code, line: run.stderr.split('\n')[0], output: run.stdout + run.stderr }
}

describe('bad input: one clear line, no stack trace, nothing half-written', () => {
  const root = tempDir('bad-input')

  it('has at least 40 cases across flags, [tool.pyseal], the action and the other commands', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40)
    expect(CASES.filter(c => c.action).length).toBeGreaterThanOrEqual(8)
    expect(CASES.filter(c => c.pyproject).length).toBeGreaterThanOrEqual(8)
  })

  it.each(CASES.map((c, i) => [c.name, i] as const))(
    '%s',
    (_name, index) => {
      const c = CASES[index]
      const dir = path.join(root, `case-${index}`)
      const place: Place = { project: path.join(dir, 'c-ext'), outDir: path.join(dir, 'out'), dir }
      cpSync(path.join(FIXTURES, 'c-ext'), place.project, { recursive: true })
      if (c.pyproject) writeFileSync(path.join(place.project, 'pyproject.toml'), c.pyproject)
      c.setup?.(place)
      if (c.pyproject) place.dir = place.project

      const { code, line, output } = runCase(c, place)
      expect(code).not.toBe(0)
      expect(line).toMatch(c.says)
      expect(line).toMatch(/^(pyseal: |::error::)/)
      expect(output).not.toMatch(/\bat .*\.js:\d+/)
      expect(output).not.toMatch(/internal error/)

      const outDir = path.join(dir, 'out')
      if (!existsSync(outDir) || !readdirSync(dir).includes('out') || !statIsDir(outDir)) return
      const left = readdirSync(outDir)
      expect(left.filter(f => f === 'cext' || /\.(sha256|partial)$/.test(f) || f.endsWith('.work'))).toEqual([])
      if (!c.builds) expect(left).toEqual([])
      for (const report of left.filter(f => f.endsWith('.report.json'))) {
        expect(JSON.parse(readFileSync(path.join(outDir, report), 'utf8'))).toMatchObject({
          status: 'failed',
          executable: null
        })
      }
    },
    10 * 60 * 1000
  )
})

function statIsDir(dir: string): boolean {
  try {
    readdirSync(dir)
    return true
  } catch {
    return false
  }
}
