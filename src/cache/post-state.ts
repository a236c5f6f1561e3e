import * as core from '@actions/core'
import type { CacheKeys, RestoreOutcome } from './github-cache'

/**
 * What the action's main step (src/main.ts) hands its post step (src/post.ts): the
 * cache root and keys to save under. Written right after the restore, before the
 * build, so a build that fails still has its cache saved; written only when saving
 * is wanted (saveWanted).
 */
export const CACHE_STATE = 'cache'

export interface CacheState {
  root: string
  keys: CacheKeys
  restored: RestoreOutcome
}

/** Hands the post step what it saves: the runner passes it back as STATE_cache. */
export function saveCacheState(state: CacheState): void {
  core.saveState(CACHE_STATE, JSON.stringify(state))
}

/** The state the main step left, or null when there is nothing to save. */
export function readCacheState(env: NodeJS.ProcessEnv): CacheState | null {
  const text = env[`STATE_${CACHE_STATE}`] ?? ''
  return text === '' ? null : (JSON.parse(text) as CacheState)
}
