/**
 * A standalone JSON Schema (an event, a file format) classified by the role the
 * contract manifest gives it: a schema the service produces is read like a response
 * body, one it consumes like a request body, with the same rules and ids as OpenAPI.
 */
import type { ContractChange } from '../change.js'
import { RefResolver } from './refs.js'
import { ChangeCollector, sentence } from './report.js'
import { SchemaDiffer } from './schema-diff.js'
import { SchemaViews } from './schema-view.js'
import type { JsonSchemaDocument, JsonSchemaOptions } from './types.js'

export function classifyJsonSchema(
  before: JsonSchemaDocument,
  after: JsonSchemaDocument,
  options: JsonSchemaOptions
): ContractChange[] {
  const beforeRefs = new RefResolver(
    options.beforeFile ?? options.file,
    before,
    `${options.file} (before)`,
    options.readExternalBefore ?? options.readExternal,
    true
  )
  const afterRefs = new RefResolver(options.file, after, options.file, options.readExternal, true)
  const differ = new SchemaDiffer(new SchemaViews(beforeRefs), new SchemaViews(afterRefs))
  const place = options.role === 'produces' ? 'response-body' : 'request-body'
  const out = new ChangeCollector('jsonschema', options.file)
  for (const change of differ.diff(beforeRefs.at(''), afterRefs.at(''), place)) {
    const what = change.path === '' ? 'the schema' : `property ${change.path}`
    out.add(
      change.rule,
      null,
      change.path === '' ? '(schema)' : change.path,
      change.at,
      sentence(`${what} ${change.detail}`)
    )
  }
  return out.sorted()
}
