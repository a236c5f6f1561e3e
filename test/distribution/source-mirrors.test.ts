import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { aptDebianMirror, mirrorBase } from '../../src/distribution/source-mirrors'

function aptDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-apt-'))
  mkdirSync(path.join(dir, 'sources.list.d'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

describe('source mirrors', () => {
  it("finds the Debian archive in apt's deb822 and one-line sources, and nothing where there is none", () => {
    const deb822 = aptDir({
      'sources.list.d/debian.sources': 'Types: deb\nURIs: http://mirror.example/debian\nSuites: bookworm\n'
    })
    expect(aptDebianMirror(deb822)).toBe('http://mirror.example/debian')
    const oneLine = aptDir({ 'sources.list': 'deb [arch=amd64] https://mirror.example/debian/ bookworm main\n' })
    expect(aptDebianMirror(oneLine)).toBe('https://mirror.example/debian')
    const ubuntu = aptDir({ 'sources.list': 'deb http://archive.example/ubuntu noble main\n' })
    expect(aptDebianMirror(ubuntu)).toBeNull()
  })

  it('takes the settings first: PYSEAL_DEBIAN_MIRROR, and the first URL of GOPROXY', async () => {
    expect(await mirrorBase('debian', { PYSEAL_DEBIAN_MIRROR: 'http://local.example/debian' })).toBe(
      'http://local.example/debian'
    )
    expect(await mirrorBase('go-proxy', { GOPROXY: 'off,https://goproxy.example|direct' })).toBe(
      'https://goproxy.example'
    )
  })
})
