import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { shellQuote } from '../../src/exec/shell-quote'

describe('words quoted for generated shell scripts', () => {
  it('reach the command unchanged, and nothing in them runs', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyseal-quote-'))
    const marker = path.join(dir, 'ran')
    const words = [
      `/cache/$(touch ${marker})/zig`,
      `back\`touch ${marker}\`tick`,
      `semi; touch ${marker}`,
      "it's",
      'new\nline',
      '${HOME} and $HOME',
      ''
    ]
    for (const word of words) {
      const run = spawnSync('sh', ['-c', `printf %s ${shellQuote(word)}`], { encoding: 'utf8' })
      expect(run.stdout).toBe(word)
    }
    expect(existsSync(marker)).toBe(false)
  })
})
