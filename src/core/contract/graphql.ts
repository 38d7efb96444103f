/**
 * GraphQL SDL amendments, classified by @graphql-inspector/core: its BREAKING /
 * DANGEROUS / NON_BREAKING levels are the ones users know from its GitHub Action, so
 * the gate repeats them rather than second-guessing them.
 */
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core'
import {
  GraphQLError,
  Kind,
  buildASTSchema,
  parse,
  validateSchema,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
  type NameNode
} from 'graphql'
import { messageOf, SealError } from '../errors.js'
import { compareChanges, type ContractChange, type Severity } from './change.js'

export interface GraphqlOptions {
  /** The SDL file, relative to the artifact root: named in every change and error. */
  readonly file: string
}

/** Rule ids carry a prefix so a GraphQL rule never collides with an OpenAPI or protobuf one. */
export const GRAPHQL_RULE_PREFIX = 'graphql:'

const SEVERITY: Record<CriticalityLevel, Severity> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'compatible'
}

/** A parsed SDL: the schema to diff, and where each schema coordinate is declared. */
interface ParsedSdl {
  readonly schema: GraphQLSchema
  readonly positions: ReadonlyMap<string, string>
}

/**
 * Every change between two versions of a GraphQL schema, breaking first. Positions are
 * `line:col` in the after SDL; for something removed, the nearest enclosing element that
 * is still there (a removed field points at its type), or null when nothing is.
 */
export async function classifyGraphql(
  beforeSdl: string,
  afterSdl: string,
  options: GraphqlOptions
): Promise<ContractChange[]> {
  const before = parseSdl(beforeSdl, `${options.file} (before)`, false)
  const after = parseSdl(afterSdl, options.file, true)
  const roots = rootTypeNames(after.schema, before.schema)
  const changes = await diff(before.schema, after.schema)
  return changes
    .map((change) => toContractChange(change, options.file, after.positions, roots))
    .sort(compareChanges)
}

function toContractChange(
  change: Change,
  file: string,
  positions: ReadonlyMap<string, string>,
  roots: ReadonlySet<string>
): ContractChange {
  const severity = SEVERITY[change.criticality.level] ?? 'dangerous'
  const location = change.path ?? '(schema)'
  const segments = change.path?.split('.') ?? []
  const [typeName, fieldName] = segments
  const operation =
    typeName !== undefined &&
    fieldName !== undefined &&
    roots.has(typeName) &&
    !fieldName.startsWith('@')
      ? `${typeName}.${fieldName}`
      : null
  return {
    rule: `${GRAPHQL_RULE_PREFIX}${change.type}`,
    severity,
    kind: 'graphql',
    operation,
    location,
    file,
    position: nearestPosition(segments, positions),
    message: describe(change, severity)
  }
}

function describe(change: Change, severity: Severity): string {
  const what = change.message.endsWith('.') ? change.message : `${change.message}.`
  const reason = change.criticality.reason?.trim()
  if (severity === 'compatible' || !reason) return what
  // Inspector's reasons run to several sentences; the first one says whom it breaks.
  const first = /^.*?[.!?](?=\s|$)/s.exec(reason)?.[0] ?? reason
  return `${what} ${first}`
}

function nearestPosition(
  segments: readonly string[],
  positions: ReadonlyMap<string, string>
): string | null {
  for (let n = segments.length; n > 0; n--) {
    const found = positions.get(segments.slice(0, n).join('.'))
    if (found !== undefined) return found
  }
  return null
}

/** The names of the root operation types of either side (`schema { query: Root }` renames them). */
function rootTypeNames(...schemas: GraphQLSchema[]): Set<string> {
  const names = new Set<string>()
  for (const schema of schemas) {
    for (const type of [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType()
    ]) {
      if (type) names.add(type.name)
    }
  }
  return names
}

/** `withPositions`: only the after side's positions are ever shown. */
function parseSdl(sdl: string, where: string, withPositions: boolean): ParsedSdl {
  let document: DocumentNode
  try {
    document = parse(sdl)
  } catch (error) {
    throw sdlError(error, where, null)
  }
  let schema: GraphQLSchema
  try {
    schema = buildASTSchema(document)
  } catch (error) {
    throw sdlError(error, where, document)
  }
  const invalid = validateSchema(schema)
  if (invalid.length > 0) throw sdlError(invalid[0], where, document)
  return { schema, positions: withPositions ? positionsOf(document) : new Map() }
}

const FIX =
  'Give a GraphQL SDL document that builds a schema (every type and directive it uses defined in the file).'

function sdlError(error: unknown, where: string, document: DocumentNode | null): SealError {
  const message = messageOf(error)
  const firstLine = message.split('\n')[0] ?? message
  let at: string | null = null
  if (error instanceof GraphQLError && error.locations?.[0]) {
    at = `${error.locations[0].line}:${error.locations[0].column}`
  } else if (document) {
    // buildASTSchema reports SDL errors without locations; they quote the name at fault.
    const name = /"@?([_A-Za-z][_0-9A-Za-z]*)"/.exec(firstLine)?.[1]
    if (name !== undefined) at = firstNamePosition(document, name)
  }
  return new SealError(
    'malformed',
    `${where}${at ? `:${at}` : ''}: the GraphQL schema cannot be read: ${firstLine} ${FIX}`
  )
}

/**
 * The lexer already counted lines: the node's first token knows its line and column
 * (1-based, as getLocation gives them). getLocation rescans the text from its start on
 * every call, which made a 1 MB schema take half a minute.
 */
function positionOf(node: ASTNode): string | null {
  const token = node.loc?.startToken
  return token ? `${token.line}:${token.column}` : null
}

function firstNamePosition(document: DocumentNode, name: string): string | null {
  let found: string | null = null
  visit(document, {
    Name(node: NameNode) {
      if (found === null && node.value === name) found = positionOf(node)
    }
  })
  return found
}

/** Schema coordinates (`Type`, `Type.field`, `Type.field.arg`, `@directive`) to where they are declared. */
function positionsOf(document: DocumentNode): Map<string, string> {
  const positions = new Map<string, string>()
  const put = (coordinate: string, node: ASTNode): void => {
    const at = positionOf(node)
    if (at !== null && !positions.has(coordinate)) positions.set(coordinate, at)
  }
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case Kind.OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_EXTENSION:
      case Kind.INTERFACE_TYPE_DEFINITION:
      case Kind.INTERFACE_TYPE_EXTENSION:
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.INPUT_OBJECT_TYPE_EXTENSION: {
        const type = definition.name.value
        put(type, definition.name)
        for (const field of definition.fields ?? []) {
          put(`${type}.${field.name.value}`, field.name)
          if ('arguments' in field) {
            for (const arg of field.arguments ?? [])
              put(`${type}.${field.name.value}.${arg.name.value}`, arg.name)
          }
        }
        break
      }
      case Kind.ENUM_TYPE_DEFINITION:
      case Kind.ENUM_TYPE_EXTENSION:
        put(definition.name.value, definition.name)
        for (const value of definition.values ?? [])
          put(`${definition.name.value}.${value.name.value}`, value.name)
        break
      case Kind.UNION_TYPE_DEFINITION:
      case Kind.UNION_TYPE_EXTENSION:
      case Kind.SCALAR_TYPE_DEFINITION:
      case Kind.SCALAR_TYPE_EXTENSION:
        put(definition.name.value, definition.name)
        break
      case Kind.DIRECTIVE_DEFINITION:
        put(`@${definition.name.value}`, definition.name)
        for (const arg of definition.arguments ?? [])
          put(`@${definition.name.value}.${arg.name.value}`, arg.name)
        break
      default:
        break
    }
  }
  return positions
}
