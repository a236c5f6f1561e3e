import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

// The README's Layout section is where a newcomer looks first: it must name every
// top-level folder and every src/ folder, and name nothing that is not there.
const REPO = path.join(__dirname, '..', '..')

function layoutPaths(): string[] {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8')
  const section = readme.split('\n## Layout\n')[1]?.split('\n## ')[0] ?? ''
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? ''
  return block
    .split('\n')
    .filter(line => /^\S/.test(line))
    .map(line => line.split(/\s+/)[0])
}

function trackedFolders(): { topLevel: string[]; src: string[] } {
  const files = execFileSync('git', ['ls-files'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean)
  const folders = (prefix: string, depth: number): string[] => [
    ...new Set(
      files
        .filter(f => f.startsWith(prefix) && f.split('/').length > depth + 1)
        .map(
          f =>
            `${f
              .split('/')
              .slice(0, depth + 1)
              .join('/')}/`
        )
    )
  ]
  return { topLevel: folders('', 0), src: folders('src/', 1) }
}

describe("README's Layout section", () => {
  const named = layoutPaths()

  it('names every top-level folder', () => {
    const missing = trackedFolders().topLevel.filter(folder => !named.some(p => p.startsWith(folder)))
    expect(missing).toEqual([])
  })

  it('names every src/ folder on a line of its own', () => {
    const missing = trackedFolders().src.filter(folder => !named.includes(folder))
    expect(missing).toEqual([])
  })

  it('names each path once', () => {
    expect(named.filter((p, i) => named.indexOf(p) !== i)).toEqual([])
  })

  it('names nothing that does not exist', () => {
    const absent = named.filter(p => !existsSync(path.join(REPO, p)))
    expect(absent).toEqual([])
  })
})
