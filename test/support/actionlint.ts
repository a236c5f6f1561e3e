import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** actionlint from PATH or Go's bin directory (scripts/setup-system.sh installs it); the workflow and docs tests run it. */
export function actionlint(): string {
  for (const dir of [...(process.env.PATH ?? '').split(':'), path.join(os.homedir(), 'go', 'bin'), '/usr/local/bin']) {
    const candidate = path.join(dir, 'actionlint')
    if (dir && existsSync(candidate)) return candidate
  }
  throw new Error('actionlint is not installed: go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12')
}
