import { existsSync, readFileSync, statSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Runs `work` while holding a directory lock, so two pyseal processes never build
 * the same cache entry at once; a lock left by a dead process is taken over. Used by
 * the cache-entry primitive (cached-entry.ts), which every cached thing goes through.
 */
export async function withCacheLock<T>(lockDir: string, work: () => Promise<T>, onWait?: () => void): Promise<T> {
  await mkdir(path.dirname(lockDir), { recursive: true })
  let waited = false
  for (;;) {
    try {
      await mkdir(lockDir)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (!ownerAlive(lockDir)) {
        await rm(lockDir, { recursive: true, force: true })
        continue
      }
      if (!waited) onWait?.()
      waited = true
      await new Promise(resolve => setTimeout(resolve, 1000))
    }
  }
  // Written whole, then renamed: a waiter never reads a half-written pid.
  await writeFile(path.join(lockDir, 'pid.tmp'), String(process.pid))
  await rename(path.join(lockDir, 'pid.tmp'), path.join(lockDir, 'pid'))
  try {
    return await work()
  } finally {
    await rm(lockDir, { recursive: true, force: true })
  }
}

/** Whether a live process holds the lock (an entry is being made there right now). */
export function lockHeld(lockDir: string): boolean {
  return existsSync(lockDir) && ownerAlive(lockDir)
}

/** A lock without a pid this long after it was made lost its owner between mkdir and writing the pid. */
const PIDLESS_LOCK_SECONDS = 60

function ownerAlive(lockDir: string): boolean {
  let text: string
  try {
    text = readFileSync(path.join(lockDir, 'pid'), 'utf8')
  } catch {
    // No pid yet: its owner writes it next, unless it was killed in between. Or the
    // lock was released just now: look again in a moment.
    try {
      return (Date.now() - statSync(lockDir).mtimeMs) / 1000 < PIDLESS_LOCK_SECONDS
    } catch {
      return true
    }
  }
  const pid = Number(text)
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
