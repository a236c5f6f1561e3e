import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { reportCommand } from '../../src/commands/report'
import { sampleReport } from './sample'

/** A base branch's reports are of the previous format after an upgrade: diff and render still read them. */
describe('reports of the previous format', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-migrate-'))
  const current = sampleReport()
  const previous: Record<string, unknown> = {
    ...current,
    schema: 'pyseal-report/2',
    python: { ...current.python, root: '/root/.cache/pyseal/python/d', reused: true },
    packages: { key: 'k', reused: false },
    executable: { ...current.executable, path: '/home/me/app/pyseal-out/app' }
  }
  delete previous.inputs
  const base = path.join(dir, 'base.json')
  const head = path.join(dir, 'head.json')
  writeFileSync(base, JSON.stringify(previous))
  writeFileSync(head, JSON.stringify(current))

  it('are diffed against a current report', async () => {
    const out = path.join(dir, 'diff.md')
    expect(await reportCommand(['diff', base, head, '--out', out])).toBe(0)
    expect(readFileSync(out, 'utf8')).not.toBe('')
  })

  it('render as the current format does', async () => {
    const [old, now] = [path.join(dir, 'old.md'), path.join(dir, 'now.md')]
    expect(await reportCommand(['render', base, '--out', old])).toBe(0)
    expect(await reportCommand(['render', head, '--out', now])).toBe(0)
    expect(readFileSync(old, 'utf8')).toBe(readFileSync(now, 'utf8'))
  })

  it('of an unknown format are refused naming it', async () => {
    const other = path.join(dir, 'v9.json')
    writeFileSync(other, JSON.stringify({ ...current, schema: 'pyseal-report/9' }))
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true)
    expect(await reportCommand(['render', other])).toBe(2)
    expect(String(write.mock.calls[0][0])).toMatch(
      /v9\.json is a pyseal-report\/9 report; this pyseal reads pyseal-report\/3 and pyseal-report\/2/
    )
    write.mockRestore()
  })
})
