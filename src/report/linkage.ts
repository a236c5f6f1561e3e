import { runCommand } from '../exec/run'
import type { Report } from './schema'

type Linkage = NonNullable<Report['executable']>['linkage']

/** What the binary needs at run time, from its ELF dynamic section (`readelf -d`): nothing for a static one. */
export async function readLinkage(file: string): Promise<Linkage> {
  const result = await runCommand({ command: 'readelf', args: ['-d', '-W', file] })
  if (result.code !== 0) throw new Error(`readelf -d ${file} failed: ${result.stderr.trim()}`)
  if (/There is no dynamic section/.test(result.stdout + result.stderr)) return { kind: 'static' }
  const needed = [...result.stdout.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map(m => m[1])
  return { kind: 'dynamic', needed }
}
