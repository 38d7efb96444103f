/** The OpenAPI and JSON Schema classification engine: pure, no I/O. */
export { classifyOpenApi } from './classify-openapi.js'
export { classifyJsonSchema } from './classify-json-schema.js'
export { RULES, severityOf } from './rules.js'
export type {
  Direction,
  ExternalDocumentReader,
  JsonSchemaDocument,
  JsonSchemaOptions,
  OpenApiDocument,
  OpenApiOptions,
  SchemaRole
} from './types.js'
