import path from 'node:path'
import { hashTree } from '../packages/project-tree'
import { sha256File } from '../cache/hash'
import type { BuildInputs } from '../inputs/schema'
import type { Report } from './schema'

/**
 * The report's record of what the build read, by content: the project tree's hash,
 * each requirements file's sha256 and the distribution as given (its archive's sha256
 * is under `python`). Paths are left absolute here; the report makes them portable.
 */
export async function digestInputs(inputs: BuildInputs): Promise<Report['inputs']> {
  return {
    project: await hashTree(inputs.project),
    requirements: await Promise.all(
      inputs.requirements.map(async file => ({ file: path.resolve(file), sha256: await sha256File(file) }))
    ),
    pythonDistribution: inputs.pythonDistribution
  }
}
