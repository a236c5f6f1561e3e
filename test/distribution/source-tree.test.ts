import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readTarballPythonVersion, shareSysconfigData, sysconfigDataName } from '../../src/distribution/source-tree'

describe('readTarballPythonVersion', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-tarball-version-'))

  function tarball(name: string, files: Record<string, string>, flag: string): string {
    const tree = mkdtempSync(path.join(dir, 'tree-'))
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true })
      writeFileSync(path.join(tree, file), text)
    }
    const out = path.join(dir, name)
    execFileSync('tar', [flag, '-cf', out, '-C', tree, '.'])
    return out
  }

  it("reads PY_VERSION from the top directory's Include/patchlevel.h, gzip or xz", async () => {
    const header = '#define PY_MINOR_VERSION 14\n#define PY_VERSION              "3.14.7"\n'
    const files = { 'Python-3.14.7/README.rst': 'x', 'Python-3.14.7/Include/patchlevel.h': header }
    expect(await readTarballPythonVersion(tarball('a.tar.gz', files, '-z'))).toBe('3.14.7')
    expect(await readTarballPythonVersion(tarball('a.tar.xz', files, '-J'))).toBe('3.14.7')
  })

  it('is null for an archive without one, or no archive at all', async () => {
    expect(await readTarballPythonVersion(tarball('b.tar.gz', { 'other/README': 'x' }, '-z'))).toBeNull()
    writeFileSync(path.join(dir, 'c.tar.gz'), 'not a tarball')
    expect(await readTarballPythonVersion(path.join(dir, 'c.tar.gz'))).toBeNull()
  })
})

describe('shareSysconfigData', () => {
  const stdlib = (name: string, cc: string): string => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-sysconfig-'))
    writeFileSync(path.join(dir, `${name}.py`), `build_time_vars = {'CC': '${cc}'}\n`)
    return dir
  }

  it('gives each target built from one Python a sysconfig module of its own, which sysconfig loads by name', async () => {
    const build = stdlib('_sysconfigdata__linux_x86_64-linux-gnu', 'gcc')
    const floor = stdlib('_sysconfigdata__linux_aarch64-linux-gnu', 'zig-cc-aarch64')
    const host = stdlib('_sysconfigdata__linux_aarch64-linux-gnu', 'aarch64-linux-gnu-gcc')
    const floorName = await shareSysconfigData(floor, 'aaaa', build)
    const hostName = await shareSysconfigData(host, 'bbbb', build)
    expect(floorName).toBe('_sysconfigdata__linux_aarch64-linux-gnu_pyseal_target_aaaa')
    expect(await shareSysconfigData(floor, 'aaaa', build)).toBe(floorName)
    // The build Python's own sysconfig data is still the one it reports.
    expect(await sysconfigDataName(build)).toBe('_sysconfigdata__linux_x86_64-linux-gnu')
    const cc = (name: string): string =>
      execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_config_var("CC"))'], {
        env: { ...process.env, PYTHONPATH: build, _PYTHON_SYSCONFIGDATA_NAME: name },
        encoding: 'utf8'
      }).trim()
    expect([cc(floorName), cc(hostName)]).toEqual(['zig-cc-aarch64', 'aarch64-linux-gnu-gcc'])
  })
})
