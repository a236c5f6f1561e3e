import { DefaultArtifactClient } from '@actions/artifact'
import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * The files a target's artifact holds, all beside each other in the output
 * directory: the binary, its `.sha256`, the report as JSON and Markdown, and the
 * side directory of standalone modules when the binary has one.
 */
export async function artifactFiles(binary: string, sideFiles: string[]): Promise<string[]> {
  const dir = path.dirname(binary)
  const files = [binary, `${binary}.sha256`, `${binary}.report.json`, `${binary}.report.md`].filter(f => existsSync(f))
  for (const side of sideFiles) files.push(path.join(dir, side))
  return files
}

/** The default artifact name: never the same for two legs of a matrix, and matched by `pattern: pyseal-*`. */
export function defaultArtifactName(name: string, triple: string): string {
  return `pyseal-${name}-${triple}`
}

/** Uploads the files as one artifact (paths inside it relative to the binary's directory); returns its id. */
export async function uploadArtifact(artifactName: string, files: string[], rootDirectory: string): Promise<number> {
  const client = new DefaultArtifactClient()
  const { id } = await client.uploadArtifact(artifactName, files, rootDirectory)
  if (id === undefined) throw new Error(`the artifact service did not confirm ${artifactName}`)
  return id
}
