// Bundles src/ into dist/ (GitHub and `npx pyseal` run dist/, never src/).
import { build } from 'esbuild'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning'
}
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js' })
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' })
