// The report's JSON Schema, generated from its zod schema (src/report/schema.ts).
// `npm run report-schema` writes it to schema/pyseal-report.schema.json; a unit test
// fails when the checked-in file and the zod schema drift apart.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { zodToJsonSchema } from 'zod-to-json-schema'
import { REPORT_SCHEMA, ReportSchema } from '../src/report/schema'

export const REPORT_JSON_SCHEMA_FILE = path.join(__dirname, '..', 'schema', 'pyseal-report.schema.json')

export function reportJsonSchemaText(): string {
  // zod-to-json-schema types against its own copy of zod; the schema object is the same shape.
  const generated = zodToJsonSchema(ReportSchema as unknown as Parameters<typeof zodToJsonSchema>[0], {
    $refStrategy: 'none',
    target: 'jsonSchema7'
  })
  const schema = { title: `pyseal compatibility report (${REPORT_SCHEMA})`, ...generated }
  return JSON.stringify(schema, null, 2) + '\n'
}

if (require.main === module) {
  writeFileSync(REPORT_JSON_SCHEMA_FILE, reportJsonSchemaText())
  process.stdout.write(`wrote ${REPORT_JSON_SCHEMA_FILE}\n`)
}
