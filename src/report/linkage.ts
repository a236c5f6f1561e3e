import { readDynamicSection } from '../link/elf-dynamic'
import type { Report } from './schema'

type Linkage = NonNullable<Report['executable']>['linkage']

/** What the binary needs at run time: nothing for a static one, else its NEEDED libraries. */
export async function readLinkage(file: string): Promise<Linkage> {
  const dynamic = await readDynamicSection(file)
  return dynamic.static ? { kind: 'static' } : { kind: 'dynamic', needed: dynamic.needed }
}
