import { appendFileSync, cpSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Report } from '../../src/report/schema'
import { expectBuilt, FIXTURES, pyseal, runBinary, tempDir } from './cli'

/**
 * The report as a user meets it: a package whose optional C accelerator stops
 * compiling still builds (its pure-Python fallback runs), the report's verdict says
 * "fallback", `--fail-on fallback` turns that into a failed step, and `pyseal report
 * render` / `report diff` show it in Markdown.
 */
const TRIPLE = 'x86_64-unknown-linux-gnu'

describe('verdict, fail-on and the report commands', () => {
  const project = path.join(tempDir('optext'), 'optional-ext')
  const base = tempDir('optext-base')
  const head = tempDir('optext-head')
  const build = (outDir: string, extra: string[] = []): ReturnType<typeof pyseal> =>
    pyseal(['build', '--target', TRIPLE, '--project', project, '--out-dir', outDir, ...extra])

  beforeAll(() => {
    cpSync(path.join(FIXTURES, 'optional-ext'), project, { recursive: true })
  })

  it(
    'builds the accelerator in, with the verdict all-builtin',
    () => {
      const binary = expectBuilt(build(base))
      expect(runBinary(binary, ['21']).stdout.trim()).toBe('C 42')
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      expect(report.verdict).toBe('all-builtin')
      expect(report.executable?.linkage).toEqual({ kind: 'dynamic', needed: expect.arrayContaining(['libc.so.6']) })
    },
    30 * 60 * 1000
  )

  it(
    'reports an accelerator that stopped compiling as INTENDED_NOT_BUILT, and the binary falls back to Python',
    () => {
      appendFileSync(path.join(project, 'optext', '_accel.c'), '\n#error "broken on purpose"\n')
      const run = build(head)
      const binary = expectBuilt(run)
      expect(runBinary(binary, ['21']).stdout.trim()).toBe('Python 42')
      const report = JSON.parse(readFileSync(`${binary}.report.json`, 'utf8')) as Report
      expect(report.verdict).toBe('fallback')
      const accel = report.modules.find(m => m.module === 'optext._accel')
      expect(accel?.status).toBe('excluded')
      expect(accel?.reasons.map(r => r.code)).toEqual(['INTENDED_NOT_BUILT'])
    },
    30 * 60 * 1000
  )

  it('fails the build under --fail-on fallback, naming the module, and still writes binary and report', () => {
    const outDir = tempDir('optext-strict')
    const run = build(outDir, ['--fail-on', 'fallback'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /--fail-on fallback: 1 third-party extension module is not built in: optext\._accel \(optext, INTENDED_NOT_BUILT\)/
    )
    const report = JSON.parse(readFileSync(path.join(outDir, 'optext.report.json'), 'utf8')) as Report
    expect(report.verdict).toBe('fallback')
    expect(runBinary(path.join(outDir, 'optext'), ['1']).stdout.trim()).toBe('Python 2')
  })

  it('renders the report as Markdown with the problem first', () => {
    const run = pyseal(['report', 'render', path.join(head, 'optext.report.json')])
    expect(run.code).toBe(0)
    const rows = run.stdout.split('\n').filter(line => line.startsWith('| `'))
    expect(rows[0]).toMatch(/^\| `optext\._accel` \| optext \| left out \| INTENDED_NOT_BUILT: /)
    expect(run.stdout).toMatch(/^### optext for x86_64-unknown-linux-gnu: some extension modules are not built in$/m)
  })

  it('diffs the two reports and exits 1 for the regression', () => {
    const run = pyseal(['report', 'diff', path.join(base, 'optext.report.json'), path.join(head, 'optext.report.json')])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('verdict all-builtin → fallback')
    expect(run.stdout).toMatch(
      /\| changed \| `optext\._accel` \| optext \| built in \| left out \| INTENDED_NOT_BUILT: /
    )
    const same = pyseal([
      'report',
      'diff',
      path.join(base, 'optext.report.json'),
      path.join(base, 'optext.report.json')
    ])
    expect(same.code).toBe(0)
    expect(same.stdout).toContain('No extension module changed outcome.')
  })

  it('names a file that is not a report', () => {
    const run = pyseal(['report', 'render', path.join(project, 'pyproject.toml')])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/pyproject\.toml is not JSON \(.*\): give a <name>\.report\.json that pyseal wrote/)
  })
})
