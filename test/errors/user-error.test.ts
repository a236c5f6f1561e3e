import { parseArgs } from 'node:util'
import { argumentError } from '../../src/commands/argument-error'
import { DownloadError } from '../../src/cache/download'
import { DistributionSourceError } from '../../src/distribution/obtain'
import { PbsError } from '../../src/distribution/pbs'
import { DistributionFormatError } from '../../src/distribution/python-json'
import { DistributionBuildError } from '../../src/distribution/source-build'
import { FailedStepError, LOG_LINES } from '../../src/errors/failed-step'
import { renderCliError, renderError, UserError } from '../../src/errors/user-error'
import { InputError } from '../../src/inputs/schema'
import { ObjectFormatError } from '../../src/link/object-format'
import { EntryPointError } from '../../src/packages/entry-point'
import { MissingRequirementError, PackageBuildError } from '../../src/packages/pip-errors'
import { OutputWriteError } from '../../src/publish/output-dir'
import { findTarget, UnknownTargetError } from '../../src/targets/table'
import { selectToolchain, ToolchainUnavailableError } from '../../src/toolchain/select-toolchain'
import { ZigInstallError } from '../../src/toolchain/zig'

describe('UserError', () => {
  it('carries the input, the cause and the fix, and reads "INPUT CAUSE: FIX" unless told otherwise', () => {
    const error = new UserError({
      input: 'requirements file r.txt',
      cause: 'does not exist',
      fix: 'check --requirements'
    })
    expect(error).toMatchObject({
      input: 'requirements file r.txt',
      cause: 'does not exist',
      fix: 'check --requirements'
    })
    expect(error.message).toBe('requirements file r.txt does not exist: check --requirements')
    expect(new UserError({ input: 'a', cause: 'b', fix: 'c' }, 'a is b; c').message).toBe('a is b; c')
  })

  it('is rendered as its message alone, on one "pyseal: error:" line for the CLI', () => {
    const error = new UserError({ input: '--name', cause: 'needs a value', fix: 'write --name VALUE' })
    expect(renderError(error)).toBe('--name needs a value: write --name VALUE')
    expect(renderCliError(error)).toBe('pyseal: error: --name needs a value: write --name VALUE\n')
    expect(renderError(new TypeError('x is undefined'))).toBe('x is undefined')
    expect(renderError('a string')).toBe('a string')
  })
})

describe('every stage speaks it', () => {
  const macos = (): unknown => {
    try {
      return selectToolchain(findTarget('macos-arm64'), 'x86_64-unknown-linux-gnu')
    } catch (error) {
      return error
    }
  }
  const parseError = (args: string[]): unknown => {
    try {
      return parseArgs({ args, strict: true, options: { name: { type: 'string' } } })
    } catch (error) {
      return argumentError(error, ['name'], 'pyseal build')
    }
  }
  const errors: [string, unknown][] = [
    ['argument', parseError(['--nmae', 'x'])],
    ['input', new InputError(['name: may hold letters'])],
    ['target', new UnknownTargetError(['linux-x46'])],
    ['toolchain', macos()],
    ['download', new DownloadError('a.tar.zst', 'its sha256 is 0, not the expected 1')],
    ['distribution source', new DistributionSourceError('debian:python2.7', 'expected debian:python3.N')],
    ['python-build-standalone', new PbsError({ input: 'pbs:x', cause: 'is not a request', fix: 'write pbs:3.11' })],
    ['PYTHON.json', new DistributionFormatError('/d/PYTHON.json', 'version: Required')],
    ['CPython build', new DistributionBuildError('make', '/t/Python-3.11.9.tgz', { reason: 'make exited with 2' })],
    ['zig', new ZigInstallError('pip install', { reason: 'pip exited with 1' })],
    [
      'object format',
      new ObjectFormatError({ input: 'x.tar.zst', cause: 'holds coff objects', fix: 'choose another' })
    ],
    ['package build', new PackageBuildError('broken-ext', 'error: x', '/log')],
    ['requirement', new MissingRequirementError('nope==1', ['r.txt'], '/log')],
    ['entry point', new EntryPointError('app.nope:main', 'app.nope')],
    ['output', new OutputWriteError('/out', Object.assign(new Error('x'), { code: 'ENOSPC' }))]
  ]

  it.each(errors)('%s errors are UserErrors with an input, a cause and a fix', (_name, error) => {
    expect(error).toBeInstanceOf(UserError)
    const { input, cause, fix, message } = error as UserError
    for (const part of [input, cause, fix, message]) expect(part.trim()).not.toBe('')
  })

  it('keeps the messages users and tests know', () => {
    expect(new UnknownTargetError(['linux-x46']).message).toMatch(
      /^Unknown target "linux-x46"\. Valid targets: .*\. Did you mean "linux-x64"\?$/
    )
    expect((parseError(['--nmae', 'x']) as Error).message).toBe(
      'unknown option --nmae. Did you mean "--name"? pyseal build takes --name.'
    )
    expect((parseError(['--name']) as Error).message).toBe('--name needs a value: write --name VALUE')
    expect((macos() as ToolchainUnavailableError).input).toBe('aarch64-apple-darwin')
  })
})

describe('FailedStepError', () => {
  it('shows the step, the reason, the last lines of the log, the log file and what to do', () => {
    const log = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n')
    const error = new FailedStepError({
      input: 'static dependency zlib',
      what: 'Static dependency zlib',
      step: 'configure',
      reason: '`./configure` exited with 3',
      log: { text: `${log}\n`, file: '/cache/logs/zlib.log' },
      fix: 'install the build tools, then retry.'
    })
    const shown = Array.from({ length: LOG_LINES }, (_, i) => `line ${40 - LOG_LINES + i + 1}`)
    expect(error.message.split('\n')).toEqual([
      'Static dependency zlib failed at step "configure": `./configure` exited with 3.',
      `--- last ${LOG_LINES} lines of the log ---`,
      ...shown,
      '--- end ---',
      'Full log: /cache/logs/zlib.log',
      'What to do: install the build tools, then retry.'
    ])
    expect(error).toMatchObject({ step: 'configure', logFile: '/cache/logs/zlib.log', input: 'static dependency zlib' })
  })

  it('leaves out the log block when there is no log, and names a chosen excerpt by its heading', () => {
    expect(new ZigInstallError('zig version', { reason: 'the installed zig answers "0.1"' }).message).toBe(
      'Installing zig 0.17.1 (the compiler pyseal uses for a glibc floor and for C++ on musl) failed at step "zig version": ' +
        'the installed zig answers "0.1".\nWhat to do: check that python3 -m pip can reach the package index, ' +
        'or install the ziglang wheel into the cache by hand.'
    )
    const pip = new PackageBuildError('broken-ext', '_oops.c:3:1: error: expected', '/out/pip.log').message
    expect(pip.split('\n').slice(0, 5)).toEqual([
      'Building broken-ext from source failed at step "pip install".',
      "--- the compiler's and pip's error lines ---",
      '_oops.c:3:1: error: expected',
      '--- end ---',
      'Full log: /out/pip.log'
    ])
  })
})
