import Ajv from 'ajv'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const schemaFile = path.join(__dirname, '..', '..', 'schema', 'pyseal-report.schema.json')
let validator: ReturnType<Ajv['compile']> | null = null

/** Errors of a report against the checked-in JSON Schema (empty when valid). */
export function reportSchemaErrors(report: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false })
    validator = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object)
  }
  if (validator(report)) return []
  return (validator.errors ?? []).map(e => `${e.instancePath || '(root)'} ${e.message ?? ''}`)
}
