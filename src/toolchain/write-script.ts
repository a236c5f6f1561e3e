import { chmod, mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes an executable script (the compiler drivers pyseal puts in the cache: zig's
 * c++ per target, the musl-gcc wrapper) through a name of this process's own, then
 * renames it: another pyseal process may be running the same script at that moment.
 */
export async function writeScript(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const partial = `${file}.${process.pid}.partial`
  await writeFile(partial, text)
  await chmod(partial, 0o755)
  await rename(partial, file)
}
