/**
 * What kind of contract a file is. Pure: the caller reads the files; nothing here touches
 * the disk or the network.
 */
import { isMap, isScalar, parseDocument, type Node as YamlNode } from 'yaml'
import { SealError, quote } from '../errors.js'
import type { ContractKind } from './change.js'
import { isJsonFile, kindOfName } from './file-kinds.js'

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

const JSON_SCHEMA_TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'])

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
  if (isJsonFile(path)) {
    const fast = detectJson(path, text)
    if (fast !== null) return fast
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true, strict: true })
  const error = document.errors[0]
  if (error) {
    if (!structured) throw new SealError(`${quote(path)} is not a contract file. ${KINDS_HELP}`)
    const at = error.linePos?.[0]
    const position = at ? `:${at.line}:${at.col}` : ''
    throw new SealError(`${path}${position}: the document cannot be read as YAML or JSON: ${firstLine(error.message)} Fix the syntax at that place.`)
  }
  const root = document.contents
  if (!isMap(root)) throw new SealError(`${quote(path)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`)

  const swagger = root.get('swagger', true)
  const openapi = root.get('openapi', true)
  if (swagger !== undefined || openapi !== undefined) {
    const openapiVersion = openapiVersionOf(path, swagger === undefined ? undefined : scalarText(swagger), openapi === undefined ? undefined : scalarText(openapi))
    const version = infoVersion(root.get('info', true))
    return version === undefined ? { kind: 'openapi', openapiVersion } : { kind: 'openapi', openapiVersion, version }
  }
  if (looksLikeJsonSchema(root)) return { kind: 'jsonschema' }
  throw new SealError(`${quote(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`)
}

/**
 * The same answer for a `.json` file, read with JSON.parse: a 5 MB document takes
 * milliseconds instead of the seconds the YAML parser's node tree costs. Null whenever the
 * plain value cannot say what the YAML reading would (the text is not JSON, its top level
 * is not an object, a version is written as a number, whose source text only YAML keeps),
 * and the YAML reading answers, with positions in its errors.
 */
function detectJson(path: string, text: string): DetectedContract | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  // A key written twice is read differently by different parsers: the YAML reading refuses it, at its line.
  if (typeof value !== 'object' || value === null || Array.isArray(value) || hasDuplicateKey(text)) return null
  const root = value as Record<string, unknown>
  const textOf = (v: unknown): string | null | undefined => (v === undefined ? undefined : typeof v === 'string' ? v.trim() : null)
  const { swagger, openapi } = root
  if (swagger !== undefined || openapi !== undefined) {
    const info = root.info
    const version = typeof info === 'object' && info !== null && !Array.isArray(info) ? (info as Record<string, unknown>).version : undefined
    if ((swagger !== undefined && typeof swagger !== 'string') || (openapi !== undefined && typeof openapi !== 'string') || (version !== undefined && typeof version !== 'string')) return null
    const openapiVersion = openapiVersionOf(path, textOf(swagger), textOf(openapi))
    const declared = textOf(version)
    return declared ? { kind: 'openapi', openapiVersion, version: declared } : { kind: 'openapi', openapiVersion }
  }
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v)
  const type = root.type
  const schema =
    typeof root.$schema === 'string' ||
    isObject(root.properties) ||
    isObject(root.$defs) ||
    (typeof type === 'string' && JSON_SCHEMA_TYPES.has(type)) ||
    (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string' && JSON_SCHEMA_TYPES.has(t)))
  if (schema) return { kind: 'jsonschema' }
  throw new SealError(`${quote(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`)
}

function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '')
  return line.endsWith('.') ? line : `${line}.`
}

/**
 * The scalar as written: `openapi: 3.0` unquoted is the YAML number 3, and only the
 * source text still says which minor version was meant.
 */
function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null
  if (typeof node.source === 'string' && node.source !== '') return node.source.trim()
  if (typeof node.value === 'string' || typeof node.value === 'number') return String(node.value)
  return null
}

/** From the keys' text as written: undefined when the key is absent, null when its value is no scalar. */
function openapiVersionOf(path: string, swagger: string | null | undefined, openapi: string | null | undefined): OpenapiVersion {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".'
  if (swagger !== undefined && openapi !== undefined) {
    throw new SealError(`${path}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`)
  }
  if (swagger !== undefined) {
    if (swagger === '2.0' || swagger === '2') return '2.0'
    throw new SealError(`${path}: "swagger" is ${quote(swagger ?? 'not a string')}, not a supported OpenAPI version. ${fix}`)
  }
  const text = openapi ?? null
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text)
  if (match) return match[1] === '0' ? '3.0' : '3.1'
  throw new SealError(`${path}: "openapi" is ${quote(text ?? 'not a string')}, not a supported OpenAPI version. ${fix}`)
}

function infoVersion(info: YamlNode | undefined | unknown): string | undefined {
  if (!isMap(info)) return undefined
  const text = scalarText(info.get('version', true))
  return text === null || text === '' ? undefined : text
}

function looksLikeJsonSchema(root: { get(key: string, keepScalar: true): unknown }): boolean {
  const schema = root.get('$schema', true)
  if (isScalar(schema) && typeof schema.value === 'string') return true
  if (isMap(root.get('properties', true)) || isMap(root.get('$defs', true))) return true
  const type = root.get('type', true)
  if (isScalar(type)) return typeof type.value === 'string' && JSON_SCHEMA_TYPES.has(type.value)
  const items = (type as { items?: unknown[] } | undefined)?.items
  return (
    Array.isArray(items) &&
    items.length > 0 &&
    items.every((item) => isScalar(item) && typeof item.value === 'string' && JSON_SCHEMA_TYPES.has(item.value))
  )
}

/** Whether an object in a valid JSON text has a key twice; one pass, without building the value again. */
function hasDuplicateKey(text: string): boolean {
  // One entry per open object (its keys so far) or array (null).
  const open: (Set<string> | null)[] = []
  let expectingKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      let end = i + 1
      let escaped = false
      for (;;) {
        const d = text.charCodeAt(end)
        if (d === 0x5c) {
          escaped = true
          end += 2
        } else if (d === 0x22) {
          break
        } else {
          end += 1
        }
      }
      const keys = open.at(-1)
      if (expectingKey && keys) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end)
        if (keys.has(key)) return true
        keys.add(key)
        expectingKey = false
      }
      i = end
    } else if (c === 0x7b) {
      open.push(new Set())
      expectingKey = true
    } else if (c === 0x5b) {
      open.push(null)
    } else if (c === 0x7d || c === 0x5d) {
      open.pop()
    } else if (c === 0x2c) {
      expectingKey = (open.at(-1) ?? null) !== null
    }
  }
  return false
}
