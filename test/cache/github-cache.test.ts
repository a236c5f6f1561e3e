import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { verifyEntry, writeEntryManifest } from '../../src/cache/entry-manifest'
import { cacheKeys, cachePaths, restoreOnlyReason, saveWanted } from '../../src/cache/github-cache'

describe('cache keys', () => {
  const parts = {
    triple: 'x86_64-unknown-linux-musl',
    image: 'ubuntu24',
    inputs: { project: 'abc', requirements: ['numpy\n'], distribution: 'debian:python3.11', pyseal: '0.1.0' },
    suffix: ''
  }

  it('are pinned: exact on the inputs, falling back to the target and image', () => {
    expect(cacheKeys(parts)).toEqual({
      primary: 'pyseal-v1-x86_64-unknown-linux-musl-ubuntu24-e8ed1ab635c58725e2ae52bc018d0865',
      restore: ['pyseal-v1-x86_64-unknown-linux-musl-ubuntu24-']
    })
    expect(cacheKeys({ ...parts, suffix: 'docs' }).restore).toEqual([
      'pyseal-v1-x86_64-unknown-linux-musl-ubuntu24-docs-'
    ])
  })

  it('change with any input, and not with the order of object keys', () => {
    const changed = cacheKeys({ ...parts, inputs: { ...parts.inputs, requirements: ['numpy==2\n'] } })
    expect(changed.primary).not.toBe(cacheKeys(parts).primary)
    const reordered = cacheKeys({
      ...parts,
      inputs: { pyseal: '0.1.0', distribution: 'debian:python3.11', requirements: ['numpy\n'], project: 'abc' }
    })
    expect(reordered.primary).toBe(cacheKeys(parts).primary)
  })

  it('cover the distributions, packages, static libraries and toolchains', () => {
    expect(cachePaths('/c')).toEqual(['/c/python', '/c/packages', '/c/static-deps', '/c/toolchain'])
  })
})

describe('when the cache is saved', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-event-'))
  const event = path.join(dir, 'event.json')
  writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }))

  it('saves under auto only on pushes to the default branch', () => {
    const push = { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event }
    expect(saveWanted('auto', { ...push, GITHUB_REF: 'refs/heads/main' })).toBe(true)
    expect(saveWanted('auto', { ...push, GITHUB_REF: 'refs/heads/topic' })).toBe(false)
    expect(
      saveWanted('auto', {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: 'refs/pull/1/merge'
      })
    ).toBe(false)
    expect(saveWanted('true', {})).toBe(true)
    expect(saveWanted('false', { ...push, GITHUB_REF: 'refs/heads/main' })).toBe(false)
  })

  it('only restores on tag pushes, releases, pull_request_target and workflow_run, even under true', () => {
    const tag = { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/tags/v1.0.0' }
    expect(restoreOnlyReason(tag)).toBe('a tag push (refs/tags/v1.0.0)')
    expect(saveWanted('true', tag)).toBe(false)
    for (const name of ['release', 'pull_request_target', 'workflow_run']) {
      const env = { GITHUB_EVENT_NAME: name, GITHUB_REF: 'refs/heads/main' }
      expect(restoreOnlyReason(env)).toBe(`a ${name} event`)
      expect(saveWanted('true', env)).toBe(false)
    }
    for (const name of ['push', 'pull_request', 'workflow_dispatch', 'schedule']) {
      expect(restoreOnlyReason({ GITHUB_EVENT_NAME: name, GITHUB_REF: 'refs/heads/main' })).toBeNull()
    }
  })
})

describe('cache entry manifests', () => {
  it('find a changed or missing file in a restored entry', async () => {
    const entry = mkdtempSync(path.join(os.tmpdir(), 'pyseal-entry-'))
    mkdirSync(path.join(entry, 'site'))
    writeFileSync(path.join(entry, 'site', 'a.o'), 'object')
    writeFileSync(path.join(entry, 'build.json'), '{}')
    await writeEntryManifest(entry)
    expect(await verifyEntry(entry)).toBeNull()
    writeFileSync(path.join(entry, 'site', 'a.o'), 'objecT')
    expect(await verifyEntry(entry)).toBe('site/a.o does not match its sha256')
    rmSync(path.join(entry, 'site', 'a.o'))
    expect(await verifyEntry(entry)).toBe('site/a.o is missing')
    rmSync(path.join(entry, '.pyseal-entry.json'))
    expect(await verifyEntry(entry)).toBeNull()
    expect(await verifyEntry(entry, { requireManifest: true })).toBe('it has no manifest (an incomplete restore)')
  })
})
