import * as core from '@actions/core'
import { saveObjectCache } from './cache/github-cache'
import { readCacheState } from './cache/post-state'

/**
 * The action's post step (action.yml `runs.post`, bundled as dist/post.js): saves
 * pyseal's build cache after the main step, whatever its outcome, so a build that
 * fails after compiling CPython still keeps it. The main step (src/main.ts) leaves
 * what to save in its state only when saving is wanted (cache/post-state.ts).
 */
export async function runPost(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const state = readCacheState(env)
  if (!state) return 0
  const log = { info: (line: string) => core.info(line), warning: (line: string) => core.warning(line) }
  await saveObjectCache(state.root, state.keys, state.restored, log)
  return 0
}

if (require.main === module) {
  void runPost().then(code => {
    process.exitCode = code
  })
}
