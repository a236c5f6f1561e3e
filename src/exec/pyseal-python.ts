import path from 'node:path'
import type { Distribution } from '../distribution/python-json'
import { packageRoot } from '../utils/package-root'
import { runChecked } from './run'

/**
 * Runs one of pyseal's own Python modules (python/: pyseal_pack, its import analysis)
 * with a distribution's interpreter, outside any capture; returns its stdout.
 */
export async function runPysealPython(distribution: Distribution, args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONPATH: path.join(packageRoot(), 'python') }
  delete env.PYSEAL_CAPTURE_DIR
  const python = path.join(distribution.root, distribution.json.python_exe)
  return (await runChecked({ command: python, args, env })).stdout
}
