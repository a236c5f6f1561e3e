import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CommandFailedError, runChecked, runCommand } from '../../src/exec/run'

// The guarantees every stage relies on, with real processes: no shell, arguments and
// environment passed exactly, output kept, standard input given or closed, exit codes
// returned, and nothing of the toolkit's own echo in pyseal's output.
describe('runCommand', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-run-'))
  const marker = path.join(dir, 'ran')

  it('passes every argument as it is, with no shell to read it', async () => {
    const words = [
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `a; touch ${marker}`,
      'two words',
      '"quoted" and \\"escaped\\"',
      'trailing backslash\\',
      'new\nline',
      '',
      '${HOME}'
    ]
    const result = await runCommand({ command: 'printf', args: ['[%s]', ...words] })
    expect(result.stdout).toBe(words.map(w => `[${w}]`).join(''))
    expect(existsSync(marker)).toBe(false)
  })

  it('runs a command whose path holds spaces and shell characters', async () => {
    const toolDir = path.join(dir, 'tools $(id) `id`; "x"')
    mkdirSync(toolDir)
    const tool = path.join(toolDir, 'count args')
    writeFileSync(tool, '#!/bin/sh\necho "$#:$1"\n')
    chmodSync(tool, 0o755)
    expect((await runCommand({ command: tool, args: ['a b'] })).stdout).toBe('1:a b\n')
  })

  it('feeds the input on standard input, and closes it when there is none', async () => {
    expect((await runCommand({ command: 'cat', args: [], input: 'line one\nline two' })).stdout).toBe(
      'line one\nline two'
    )
    // Without input, cat reads end-of-file at once: an open pipe would make it wait forever.
    expect(await runCommand({ command: 'cat', args: [] })).toEqual({ code: 0, stdout: '', stderr: '' })
  }, 20_000)

  it('survives a child that exits without reading its input', async () => {
    const result = await runCommand({ command: 'true', args: [], input: 'x'.repeat(8 * 1024 * 1024) })
    expect(result.code).toBe(0)
  })

  it('returns the exit code, and a non-zero one for a child a signal ended', async () => {
    expect((await runCommand({ command: 'sh', args: ['-c', 'echo out; echo err >&2; exit 7'] })).code).toBe(7)
    const killed = await runCommand({ command: 'sh', args: ['-c', 'kill -TERM $$'] })
    expect(killed.code).toBeGreaterThanOrEqual(128)
  })

  it('keeps large and binary output whole, and streams both streams to onOutput', async () => {
    const big = await runCommand({ command: 'sh', args: ['-c', 'yes 123456789 | head -c 30000000'] })
    expect(big.stdout.length).toBe(30_000_000)
    expect(big.stdout.endsWith('\n123456789\n')).toBe(true)
    const binary = await runCommand({ command: 'printf', args: ['\\000\\001\\377ok'] })
    expect(binary.stdout).toBe(Buffer.from([0, 1, 0xff, 0x6f, 0x6b]).toString())
    const chunks: string[] = []
    await runCommand({ command: 'sh', args: ['-c', 'echo one; echo two >&2'], onOutput: c => chunks.push(c) })
    expect(chunks.join('').split('\n').sort()).toEqual(['', 'one', 'two'])
  }, 20_000)

  it('gives the command exactly the environment asked for, and finds it on that PATH', async () => {
    const env = await runCommand({
      command: 'env',
      args: [],
      env: { ONLY: 'this', PATH: '/usr/bin:/bin', GONE: undefined }
    })
    expect(env.stdout).toBe('ONLY=this\nPATH=/usr/bin:/bin\n')
    const bin = path.join(dir, 'bin')
    mkdirSync(bin)
    writeFileSync(path.join(bin, 'pyseal-only-here'), '#!/bin/sh\necho found\n')
    chmodSync(path.join(bin, 'pyseal-only-here'), 0o755)
    const found = await runCommand({
      command: 'pyseal-only-here',
      args: [],
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` }
    })
    expect(found.stdout).toBe('found\n')
  })

  it('writes nothing of its own to standard output', async () => {
    const write = jest.spyOn(process.stdout, 'write')
    try {
      await runCommand({ command: 'echo', args: ['quiet'] })
      expect(write).not.toHaveBeenCalled()
    } finally {
      write.mockRestore()
    }
  })

  it('rejects a command that is not there', async () => {
    await expect(runCommand({ command: 'pyseal-no-such-command', args: [] })).rejects.toThrow(/pyseal-no-such-command/)
  })
})

describe('runChecked', () => {
  it('throws for a non-zero exit with the command and its last output lines', async () => {
    const spec = { command: 'sh', args: ['-c', 'echo "why it failed" >&2; exit 3'] }
    const error = await runChecked(spec).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CommandFailedError)
    expect((error as Error).message).toBe('sh -c echo "why it failed" >&2; exit 3 exited with 3\nwhy it failed')
  })
})
