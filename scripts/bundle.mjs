// Bundles src/ into dist/ (GitHub and `npx pyseal` run dist/, never src/): the CLI, the
// action's main and post steps, and the plan and report sub-actions (plan/, report/).
import { build } from 'esbuild'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  legalComments: 'none',
  logLevel: 'warning'
}
const entries = { cli: 'cli', index: 'index', post: 'post', plan: 'plan-action', report: 'report-action' }
for (const [out, source] of Object.entries(entries)) {
  await build({ ...common, entryPoints: [`src/${source}.ts`], outfile: `dist/${out}.js` })
}
