import os from 'node:os'
import path from 'node:path'

/** Where pyseal keeps built distributions and compiled packages unless told otherwise. */
export function defaultCacheDir(): string {
  const fromEnv = process.env.PYSEAL_CACHE_DIR
  if (fromEnv) return path.resolve(fromEnv)
  const xdg = process.env.XDG_CACHE_HOME
  return path.join(xdg ? xdg : path.join(os.homedir(), '.cache'), 'pyseal')
}
