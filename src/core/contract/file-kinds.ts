/**
 * What a contract file's name says it is. One table, read by detection, by the seal's walk of
 * references and by the comparison alike, so a file detected as one kind is always compared
 * as that kind (extensions are matched case-insensitively: `api.PROTO` is protobuf).
 */

/** `document`: YAML or JSON, whose content says whether it is OpenAPI or JSON Schema. */
export type NamedKind = 'graphql' | 'protobuf' | 'document'

const BY_EXTENSION: ReadonlyMap<string, NamedKind> = new Map([
  ['graphql', 'graphql'],
  ['graphqls', 'graphql'],
  ['gql', 'graphql'],
  ['proto', 'protobuf'],
  ['yaml', 'document'],
  ['yml', 'document'],
  ['json', 'document']
])

/** The kind a file's extension names; null when the name has none of them. */
export function kindOfName(path: string): NamedKind | null {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  if (dot < 0) return null
  return BY_EXTENSION.get(base.slice(dot + 1).toLowerCase()) ?? null
}

export function isProtobufFile(path: string): boolean {
  return kindOfName(path) === 'protobuf'
}

/** A `.json` name: read with JSON.parse first, which takes milliseconds where the YAML parser takes seconds. */
export function isJsonFile(path: string): boolean {
  return path.toLowerCase().endsWith('.json')
}
