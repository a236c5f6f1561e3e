// Refreshes src/toolchain/library-sources.json, the pinned sources of the C libraries
// pyseal builds from source: for each Debian source package a recipe names, Debian 12
// (bookworm)'s upstream tarball, its pool path and sha256, checked against the suite's
// index. The project's own release files listed after it are kept while the release is
// the same (they are added by hand, each with the sha256 its publisher gives).
//
//   npm run update-library-sources              # write the refreshed list
//   npm run update-library-sources -- --check   # only report what would change
//
// The archive is the one apt's sources name (or PYSEAL_DEBIAN_MIRROR).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { suiteSourcesIndex } from '../src/distribution/debian-archive'
import { mirrorBase } from '../src/distribution/source-mirrors'
import { debianSourceOrig, LibrarySourcesSchema } from '../src/toolchain/library-sources'
import { refreshLibrarySources } from '../src/toolchain/library-sources-merge'
import { EXTENSION_LIBRARY_RECIPES } from '../src/libraries/recipes'
import { ALL_LIBRARY_RECIPES } from '../src/toolchain/static-deps-recipes'

const SUITE = { suite: 'bookworm', name: 'Debian 12 (bookworm)' }

const log = (line: string): void => {
  process.stderr.write(`${line}\n`)
}

async function main(): Promise<number> {
  const unknown = process.argv.slice(2).filter(arg => arg !== '--check')
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown.join(' ')} (takes --check)`)
  const check = process.argv.includes('--check')
  const file = path.join(__dirname, '..', 'src', 'toolchain', 'library-sources.json')
  const current = LibrarySourcesSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const base = (await mirrorBase('debian'))?.replace(/\/+$/, '')
  if (!base) throw new Error("no Debian archive in apt's sources and no PYSEAL_DEBIAN_MIRROR")
  const work = mkdtempSync(path.join(os.tmpdir(), 'library-sources-'))
  let index: string
  try {
    log(`reading ${SUITE.name}'s source index`)
    index = await suiteSourcesIndex(base, SUITE.suite, work, log)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const wanted = [...ALL_LIBRARY_RECIPES, ...EXTENSION_LIBRARY_RECIPES].map(recipe => recipe.sourcePackage)
  const found = new Map(wanted.map(pkg => [pkg, debianSourceOrig(index, pkg)]))
  const { sources, changes, problems } = refreshLibrarySources(current, wanted, found, SUITE.name)
  const print = (title: string, lines: string[]): void => {
    if (lines.length > 0) process.stdout.write(`${title}:\n${lines.map(line => `  ${line}\n`).join('')}`)
  }
  print(check ? 'would change' : 'changes', changes)
  print('problems (nothing written)', problems)
  if (problems.length > 0) return 1
  if (changes.length === 0) process.stdout.write(`${path.basename(file)} is up to date\n`)
  else if (!check) {
    writeFileSync(file, JSON.stringify(LibrarySourcesSchema.parse(sources), null, 2) + '\n')
    process.stdout.write(`${changes.length} changes written to ${file}\n`)
  }
  return 0
}

main().then(
  code => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`update-library-sources: ${(error as Error).message}\n`)
    process.exit(1)
  }
)
