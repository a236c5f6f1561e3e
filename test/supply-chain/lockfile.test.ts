import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * What `npm ci` installs is pinned: every package in package-lock.json carries a sha512
 * integrity that npm checks before using it, and none comes from a git repository, a
 * plain-HTTP URL or a local path. (`npm audit` needs the registry's advisory endpoint,
 * which this project's machines cannot reach; see README "Supply chain".)
 */
interface LockedPackage {
  version?: string
  integrity?: string
  resolved?: string
  link?: boolean
  dev?: boolean
}

const lock = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number
  packages: Record<string, LockedPackage>
}
const installed = Object.entries(lock.packages).filter(([name, entry]) => name !== '' && !entry.link)

describe('package-lock.json', () => {
  it('pins every package by version and sha512 integrity', () => {
    expect(lock.lockfileVersion).toBe(3)
    expect(installed.length).toBeGreaterThan(0)
    expect(installed.filter(([, entry]) => !entry.version || !/^sha512-/.test(entry.integrity ?? ''))).toEqual([])
  })

  it('takes nothing from git, plain HTTP or local paths', () => {
    const elsewhere = installed.filter(([, entry]) => entry.resolved && !entry.resolved.startsWith('https://'))
    expect(elsewhere).toEqual([])
  })
})
