// Refreshes src/distribution/pbs-manifest.json from python-build-standalone releases:
// reads each release's SHA256SUMS and records the "full" archives of pyseal's triples
// with their sha256, as setup actions keep their known checksums.
//
//   npm run update-pbs-manifest             # the latest release
//   npm run update-pbs-manifest -- 20251120 # one release by tag
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PbsManifestSchema } from '../src/distribution/pbs'
import { fullArchivesFromSums, mergeManifest } from '../src/distribution/pbs-sums'
import { TARGETS } from '../src/targets/table'

const LATEST = 'https://raw.githubusercontent.com/astral-sh/python-build-standalone/latest-release/latest-release.json'

async function text(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`)
  return response.text()
}

async function main(): Promise<void> {
  const file = path.join(__dirname, '..', 'src', 'distribution', 'pbs-manifest.json')
  const manifest = PbsManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
  const tag = process.argv[2] ?? (JSON.parse(await text(LATEST)) as { tag: string }).tag
  const sums = await text(`${manifest.assetUrlPrefix}/${tag}/SHA256SUMS`)
  const added = fullArchivesFromSums(
    sums,
    TARGETS.map(t => t.triple)
  )
  if (added.length === 0) throw new Error(`release ${tag} lists no full archives for pyseal's triples`)
  writeFileSync(file, JSON.stringify(mergeManifest(manifest, added), null, 2) + '\n')
  process.stdout.write(`${added.length} full archives from release ${tag} recorded in ${file}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`update-pbs-manifest: ${(error as Error).message}\n`)
  process.exit(1)
})
