import { existsSync, readFileSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Runs `work` while holding a directory lock, so two pyseal processes never build
 * the same cache entry at once; a lock left by a dead process is taken over.
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

function ownerAlive(lockDir: string): boolean {
  const file = path.join(lockDir, 'pid')
  if (!existsSync(file)) return true // just created; the owner writes its pid next
  const pid = Number(readFileSync(file, 'utf8'))
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
