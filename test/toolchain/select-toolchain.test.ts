import {
  ensureToolchain,
  installAdvice,
  selectToolchain,
  ToolchainUnavailableError
} from '../../src/toolchain/select-toolchain'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findTarget } from '../../src/targets/table'

describe('toolchain selection', () => {
  it('builds both Linux libcs of the host architecture natively', () => {
    const gnu = selectToolchain(findTarget('linux-x64'), 'x86_64-unknown-linux-gnu')
    expect(gnu.crossCompiling).toBe(false)
    expect(gnu.toolchain.cc).toBe('gcc')
    const musl = selectToolchain(findTarget('linux-musl-x64'), 'x86_64-unknown-linux-gnu')
    expect(musl.crossCompiling).toBe(false)
    expect(musl.toolchain.cc).toBe('musl-gcc')
  })

  it('takes the cross toolchain for aarch64 glibc from an x86_64 machine, with qemu to run the result', () => {
    const arm = selectToolchain(findTarget('linux-arm64'), 'x86_64-unknown-linux-gnu')
    expect(arm.crossCompiling).toBe(true)
    expect(arm.toolchain.cc).toBe('aarch64-linux-gnu-gcc')
    expect(arm.emulator?.[0]).toBe('qemu-aarch64')
    expect(installAdvice(arm.toolchain.install)).toBe(
      'sudo apt-get install -y gcc-aarch64-linux-gnu g++-aarch64-linux-gnu binutils-aarch64-linux-gnu qemu-user'
    )
  })

  it('says where a triple is built when this machine cannot build it', () => {
    expect(() => selectToolchain(findTarget('macos-arm64'), 'x86_64-unknown-linux-gnu')).toThrow(
      ToolchainUnavailableError
    )
    expect(() => selectToolchain(findTarget('macos-arm64'), 'x86_64-unknown-linux-gnu')).toThrow(
      /aarch64-apple-darwin binaries cannot be built on this machine \(x86_64-unknown-linux-gnu\).*"macos-15"/
    )
    expect(() => selectToolchain(findTarget('windows-x64'), 'x86_64-unknown-linux-gnu')).toThrow(/"windows-2022"/)
  })

  it('passes when every command of the toolchain is here', async () => {
    const gnu = selectToolchain(findTarget('linux-x64'), 'x86_64-unknown-linux-gnu')
    await expect(ensureToolchain(gnu, { install: false, log: () => undefined })).resolves.toBeUndefined()
  })

  it('names the missing command and the line that installs it', async () => {
    const gnu = selectToolchain(findTarget('linux-x64'), 'x86_64-unknown-linux-gnu')
    const broken = { ...gnu, toolchain: { ...gnu.toolchain, cc: 'pyseal-test-no-such-gcc' } }
    await expect(ensureToolchain(broken, { install: false, log: () => undefined })).rejects.toThrow(
      'The x86_64-unknown-linux-gnu toolchain is incomplete on this machine: pyseal-test-no-such-gcc is not installed. ' +
        'Install it with: sudo apt-get install -y build-essential binutils patchelf'
    )
  })

  it('says in the log the exact apt commands it runs as root, sudo included, before it runs them', async () => {
    // apt-get and sudo are recorders here: a unit test must not install packages on the machine it runs on.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'pyseal-apt-'))
    const calls = path.join(bin, 'calls')
    for (const name of ['apt-get', 'sudo']) {
      writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${calls}"\n`)
      chmodSync(path.join(bin, name), 0o755)
    }
    const gnu = selectToolchain(findTarget('linux-x64'), 'x86_64-unknown-linux-gnu')
    const broken = { ...gnu, toolchain: { ...gnu.toolchain, cc: 'pyseal-test-no-such-gcc' } }
    const lines: string[] = []
    const install = ensureToolchain(broken, { install: true, log: line => lines.push(line), env: { PATH: bin } })
    // The recorders install nothing, so the command is still missing afterwards.
    await expect(install).rejects.toThrow(ToolchainUnavailableError)
    const sudo = process.getuid?.() === 0 ? '' : 'sudo -n '
    const packages = 'build-essential binutils patchelf'
    expect(lines).toEqual([
      `  pyseal-test-no-such-gcc not found for x86_64-unknown-linux-gnu; running: ${sudo}apt-get update -qq && ` +
        `${sudo}apt-get install -y -qq ${packages}`
    ])
    expect(readFileSync(calls, 'utf8')).toBe(`${sudo}apt-get update -qq\n${sudo}apt-get install -y -qq ${packages}\n`)
  })
})
