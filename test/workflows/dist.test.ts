import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** GitHub runs dist/, never src/: it must be exactly what scripts/bundle.mjs makes of src/ now. */
describe('dist/', () => {
  const repo = path.join(__dirname, '..', '..')
  it('is the bundle of src/ (run npm run all and commit dist/ when this fails)', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'pyseal-dist-'))
    for (const [entry, file] of [
      ['src/cli.ts', 'cli.js'],
      ['src/index.ts', 'index.js'],
      ['src/post.ts', 'post.js'],
      ['src/plan-action.ts', 'plan.js'],
      ['src/report-action.ts', 'report.js']
    ]) {
      execFileSync(
        path.join(repo, 'node_modules', '.bin', 'esbuild'),
        [
          entry,
          '--bundle',
          '--platform=node',
          '--target=node20',
          '--format=cjs',
          '--legal-comments=none',
          '--log-level=warning',
          `--outfile=${path.join(out, file)}`
        ],
        { cwd: repo }
      )
      expect(readFileSync(path.join(out, file), 'utf8') === readFileSync(path.join(repo, 'dist', file), 'utf8')).toBe(
        true
      )
    }
  })
})
