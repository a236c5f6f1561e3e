// Bundles src/ into dist/ (GitHub and `npx pyseal` run dist/, never src/): the CLI, the
// action's main and post steps, and the plan and report sub-actions (plan/, report/).
import { build } from 'esbuild'

// Node 18 (Debian 12's package) has Web Crypto only as require('node:crypto').webcrypto;
// the cloud SDK under the cache and artifact clients calls globalThis.crypto.randomUUID.
// The bundle's strict-mode directive comes first, as esbuild's own would.
const webCryptoGlobal = "'use strict';\nif (!globalThis.crypto) globalThis.crypto = require('node:crypto').webcrypto;"

const common = {
  bundle: true,
  banner: { js: webCryptoGlobal },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning'
}
// The output folder: dist/, or another one given (test/workflows/dist.test.ts compares the two).
const outDir = process.argv[2] ?? 'dist'
const entries = { cli: 'cli', index: 'index', post: 'post', plan: 'plan-action', report: 'report-action' }
for (const [out, source] of Object.entries(entries)) {
  await build({ ...common, entryPoints: [`src/${source}.ts`], outfile: `${outDir}/${out}.js` })
}
