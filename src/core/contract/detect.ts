/**
 * What kind of contract a file is. Pure: the caller reads the files; nothing here touches
 * the disk or the network.
 */
import { SealError, quote } from '../errors.js'
import type { ContractKind } from './change.js'
import { kindOfName } from './file-kinds.js'
import { readContractDocument, type ContractDocument } from './read-document.js'
import { isRecord } from '../json-shape.js'

export type OpenapiVersion = '2.0' | '3.0' | '3.1'

export interface DetectedContract {
  readonly kind: ContractKind
  /** Set for OpenAPI documents only: from `swagger: "2.0"` or `openapi: 3.0.x / 3.1.x`. */
  readonly openapiVersion?: OpenapiVersion
  /** `info.version` of an OpenAPI document, when it has one. */
  readonly version?: string
}

const KINDS_HELP =
  'A contract file is an OpenAPI 2.0/3.0/3.1 document (a "swagger" or "openapi" key, YAML or JSON), ' +
  'a JSON Schema ("$schema", or a top-level "type", "properties" or "$defs"), GraphQL SDL (.graphql, .gql) ' +
  'or protobuf (.proto). Remove the file from the "contract" input or give one of these.'

const JSON_SCHEMA_TYPES = new Set([
  'object',
  'array',
  'string',
  'number',
  'integer',
  'boolean',
  'null'
])

/**
 * Detects the kind of one contract file from its name and text. An unreadable YAML or
 * JSON document is a SealError naming `path:line:col`; a file that is none of the kinds
 * is a SealError naming it and listing them.
 */
export function detectContractKind(path: string, text: string): DetectedContract {
  const named = kindOfName(path)
  if (named === 'graphql') return { kind: 'graphql' }
  if (named === 'protobuf') return { kind: 'protobuf' }
  const structured = named === 'document'
  let document: ContractDocument
  try {
    document = readContractDocument(path, text)
  } catch (error) {
    if (!structured && error instanceof SealError)
      throw new SealError('unrecognized', `${quote(path)} is not a contract file. ${KINDS_HELP}`)
    throw error
  }
  return detectIn(path, document)
}

/** The kind from the document's value, and its versions as written. */
function detectIn(path: string, document: ContractDocument): DetectedContract {
  const root = document.value
  if (!isRecord(root))
    throw new SealError(
      'unrecognized',
      `${quote(path)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`
    )
  const record = root as Record<string, unknown>
  if (record.swagger !== undefined || record.openapi !== undefined) {
    const text = (value: string | null | undefined) =>
      typeof value === 'string' ? value.trim() : value
    const openapiVersion = openapiVersionOf(
      path,
      text(document.written(['swagger'])),
      text(document.written(['openapi']))
    )
    const version = text(document.written(['info', 'version']))
    return version
      ? { kind: 'openapi', openapiVersion, version }
      : { kind: 'openapi', openapiVersion }
  }
  const type = record.type
  const schema =
    typeof record.$schema === 'string' ||
    isRecord(record.properties) ||
    isRecord(record.$defs) ||
    (typeof type === 'string' && JSON_SCHEMA_TYPES.has(type)) ||
    (Array.isArray(type) &&
      type.length > 0 &&
      type.every((t) => typeof t === 'string' && JSON_SCHEMA_TYPES.has(t)))
  if (schema) return { kind: 'jsonschema' }
  throw new SealError(
    'unrecognized',
    `${quote(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`
  )
}

/** From the keys' text as written: undefined when the key is absent, null when its value is no scalar. */
function openapiVersionOf(
  path: string,
  swagger: string | null | undefined,
  openapi: string | null | undefined
): OpenapiVersion {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".'
  if (swagger !== undefined && openapi !== undefined) {
    throw new SealError(
      'unrecognized',
      `${path}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`
    )
  }
  if (swagger !== undefined) {
    if (swagger === '2.0' || swagger === '2') return '2.0'
    throw new SealError(
      'unrecognized',
      `${path}: "swagger" is ${quote(swagger ?? 'not a string')}, not a supported OpenAPI version. ${fix}`
    )
  }
  const text = openapi ?? null
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text)
  if (match) return match[1] === '0' ? '3.0' : '3.1'
  throw new SealError(
    'unrecognized',
    `${path}: "openapi" is ${quote(text ?? 'not a string')}, not a supported OpenAPI version. ${fix}`
  )
}
