import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** GitHub runs dist/, never src/: it must be exactly what scripts/bundle.mjs makes of src/ now. */
describe('dist/', () => {
  const repo = path.join(__dirname, '..', '..')
  it('is the bundle of src/ (run npm run all and commit dist/ when this fails)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'pyseal-dist-'))
    execFileSync(process.execPath, [path.join(repo, 'scripts', 'bundle.mjs'), out], { cwd: repo })
    for (const file of ['cli.js', 'index.js', 'post.js', 'plan.js', 'report.js']) {
      expect(readFileSync(path.join(out, file), 'utf8') === readFileSync(path.join(repo, 'dist', file), 'utf8')).toBe(
        true
      )
    }
  })
})
