import { existsSync } from 'node:fs'
import path from 'node:path'
import { UserError } from '../errors/user-error'
import type { InstalledExtension } from './installed-extensions'

export class EntryPointError extends UserError {
  constructor(entryPoint: string, module: string) {
    const cause = `does not resolve: module ${module} is not in the project or its requirements`
    const fix = 'Check --entry-point (or [project.scripts]) against the package layout.'
    super({ input: `The entry point "${entryPoint}"`, cause, fix }, `The entry point "${entryPoint}" ${cause}. ${fix}`)
    this.name = 'EntryPointError'
  }
}

/** Fails early when the entry point's module is nowhere in what was installed. */
export function checkEntryPoint(entryPoint: string | null, siteDir: string, installed: InstalledExtension[]): void {
  if (!entryPoint) return
  const module = entryPoint.split(':')[0]
  const relative = module.split('.').join(path.sep)
  const candidates = [`${relative}.py`, path.join(relative, '__init__.py'), path.join(relative, '__main__.py')]
  if (candidates.some(c => existsSync(path.join(siteDir, c)))) return
  if (installed.some(e => e.module === module)) return
  throw new EntryPointError(entryPoint, module)
}
