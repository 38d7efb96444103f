/**
 * A set of .proto files read into the plain shape the rules compare: messages, enums and
 * services by full name, fields by number, enum values by number. protobufjs does the
 * parsing and name resolution; this file only checks imports and copies what matters
 * for the wire and JSON forms out of its reflection objects.
 */
import protobuf from 'protobufjs'
import descriptor from 'protobufjs/google/protobuf/descriptor.json' with { type: 'json' }
import { messageOf, quote, SealError } from '../../errors.js'
import { declarationPositions, type Position } from './positions.js'
import { ANY_CONTROL } from '../../control-characters.js'

export interface ProtoFile {
  /** Relative to the artifact root, "/"-separated; the path imports name it by (see ProtobufOptions.importRoots). */
  readonly path: string
  readonly text: string
}

export type ProtoFiles = readonly ProtoFile[]

export interface ProtobufLoadOptions {
  /**
   * Folders (relative to the artifact root) that import paths are relative to, like
   * protoc's `-I`. An import is found as the file of that path, then under each root in
   * order, then as the one file whose path ends with `/<import>`.
   */
  readonly importRoots?: readonly string[]
}

export type Cardinality = 'optional' | 'optional-implicit' | 'required' | 'repeated' | 'map'

/** A field's type: a scalar name (`int32`, `string`…), or `message` / `group` / `enum` with the full type name. */
export interface FieldType {
  readonly kind: string
  readonly typeName: string | null
}

export interface FieldModel {
  readonly name: string
  readonly number: number
  readonly jsonName: string
  readonly type: FieldType
  readonly mapKey: FieldType | null
  readonly cardinality: Cardinality
  /** The oneof it is in; null outside a oneof and for the synthetic oneof of a proto3 `optional`. */
  readonly oneof: string | null
  /** The declared default (proto2 and editions), as text; null when none is declared. */
  readonly defaultValue: string | null
}

export interface ReservedModel {
  readonly ranges: readonly (readonly [number, number])[]
  readonly names: ReadonlySet<string>
}

export interface MessageModel {
  readonly fullName: string
  readonly file: string
  readonly pkg: string
  readonly fields: ReadonlyMap<number, FieldModel>
  readonly reserved: ReservedModel
  readonly jsonFormat: string
}

export interface EnumModel {
  readonly fullName: string
  readonly file: string
  readonly pkg: string
  /** Number to the names declared for it (more than one with `allow_alias`). */
  readonly values: ReadonlyMap<number, readonly string[]>
  readonly reserved: ReservedModel
  readonly jsonFormat: string
  readonly closed: boolean
}

export interface MethodModel {
  readonly name: string
  readonly requestType: string
  readonly responseType: string
  readonly clientStreaming: boolean
  readonly serverStreaming: boolean
  readonly idempotency: string
}

export interface ServiceModel {
  readonly fullName: string
  readonly file: string
  readonly pkg: string
  readonly methods: ReadonlyMap<string, MethodModel>
}

export interface FileModel {
  readonly path: string
  readonly pkg: string
  readonly positions: ReadonlyMap<string, Position>
}

export interface ProtoModel {
  readonly files: ReadonlyMap<string, FileModel>
  readonly packages: ReadonlySet<string>
  readonly messages: ReadonlyMap<string, MessageModel>
  readonly enums: ReadonlyMap<string, EnumModel>
  readonly services: ReadonlyMap<string, ServiceModel>
}

/**
 * The well-known types protobufjs carries (its `common` set). descriptor.proto is not
 * among them: it comes from the copy protobufjs ships, since a contract may use its
 * messages as field types (BigQuery Storage's ProtoSchema holds a DescriptorProto), not
 * only its option messages for custom options.
 */
const DESCRIPTOR = 'google/protobuf/descriptor.proto'

function wellKnown(name: string): { nested?: Record<string, unknown> } | null {
  if (!name.startsWith('google/protobuf/')) return null
  const json = protobuf.common.get(name) as { nested?: Record<string, unknown> } | null | undefined
  return json ?? null
}

/** protoc's default JSON name: underscores dropped, the letter after one upper-cased. */
export function protocJsonName(name: string): string {
  let out = ''
  let upper = false
  for (const c of name) {
    if (c === '_') upper = true
    else if (upper) {
      out += c.toUpperCase()
      upper = false
    } else out += c
  }
  return out
}

const LOAD_FIX =
  'Give the complete set of .proto files: every import must be one of them or a well-known type ' +
  '(google/protobuf/*.proto).'

function resolveImport(
  name: string,
  from: string,
  paths: ReadonlySet<string>,
  roots: readonly string[],
  side: string
): string | null {
  if (paths.has(name)) return name
  for (const root of roots) {
    const candidate = `${root.replace(/\/+$/, '')}/${name}`
    if (paths.has(candidate)) return candidate
  }
  if (name === DESCRIPTOR || wellKnown(name)) return null
  const matches = [...paths].filter((p) => p.endsWith(`/${name}`))
  if (matches.length === 1) return matches[0] as string
  if (matches.length > 1) {
    throw new SealError(
      'malformed',
      `${from} (${side}): the import ${quote(name)} matches several files (${matches.map((m) => quote(m)).join(', ')}). ` +
        `Say which folder imports are relative to (the proto import roots).`
    )
  }
  throw new SealError(
    'malformed',
    `${from} (${side}): the import ${quote(name)} is not among the contract files. ${LOAD_FIX}`
  )
}

/** protobufjs reports `illegal token 'x' (file, line N)`; the column is found by looking for the token on that line. */
function parseErrorPosition(message: string, text: string): string | null {
  const line = /line (\d+)\)?/.exec(message)?.[1]
  if (line === undefined) return null
  const lineNo = Number(line)
  const token = /'([^']*)'/.exec(message)?.[1]
  const lineText = text.split('\n')[lineNo - 1] ?? ''
  const at = token ? lineText.indexOf(token) : -1
  return `${lineNo}:${at >= 0 ? at + 1 : 1}`
}

/** protobufjs's message without its own position suffix, control characters made visible. */
function cleanMessage(message: string): string {
  return message
    .replace(/\s*\((?:[^()]*, )?line \d+\)$/, '')
    .replace(ANY_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Reads private resolved edition features; protobufjs types do not declare them. */
function features(object: unknown): Record<string, unknown> {
  const value = (object as { _features?: unknown })._features
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

function stripDot(name: string): string {
  return name.startsWith('.') ? name.slice(1) : name
}

function reservedOf(reserved: unknown): ReservedModel {
  const ranges: [number, number][] = []
  const names = new Set<string>()
  if (Array.isArray(reserved)) {
    for (const item of reserved) {
      if (typeof item === 'string') names.add(item)
      else if (Array.isArray(item) && typeof item[0] === 'number' && typeof item[1] === 'number')
        ranges.push([item[0], item[1]])
    }
  }
  return { ranges, names }
}

function fieldTypeOf(field: protobuf.Field): FieldType {
  const resolved = field.resolvedType
  if (resolved instanceof protobuf.Enum)
    return { kind: 'enum', typeName: stripDot(resolved.fullName) }
  if (resolved instanceof protobuf.Type)
    return { kind: field.delimited ? 'group' : 'message', typeName: stripDot(resolved.fullName) }
  return { kind: field.type, typeName: null }
}

function cardinalityOf(field: protobuf.Field): Cardinality {
  if (field instanceof protobuf.MapField || field.map) return 'map'
  if (field.repeated) return 'repeated'
  if (field.required) return 'required'
  return field.hasPresence ? 'optional' : 'optional-implicit'
}

function defaultOf(field: protobuf.Field): string | null {
  const value = (field.options as Record<string, unknown> | undefined)?.['default']
  return value === undefined || value === null ? null : String(value)
}

function fieldModel(field: protobuf.Field): FieldModel {
  const options = (field.options ?? {}) as Record<string, unknown>
  const explicitJson = options['json_name']
  const oneof = field.partOf && options['proto3_optional'] !== true ? field.partOf.name : null
  const map = field instanceof protobuf.MapField ? field : null
  return {
    name: field.name,
    number: field.id,
    jsonName: typeof explicitJson === 'string' ? explicitJson : protocJsonName(field.name),
    type: fieldTypeOf(field),
    mapKey: map ? { kind: map.keyType, typeName: null } : null,
    cardinality: cardinalityOf(field),
    oneof,
    defaultValue: defaultOf(field)
  }
}

/**
 * Parses one side of a contract. `side` ("before" or "after") goes into error messages
 * so that a bad file in the live contract is told apart from one in the candidate.
 */
export function loadProtoModel(
  files: ProtoFiles,
  options: ProtobufLoadOptions,
  side: string
): ProtoModel {
  const root = new protobuf.Root()
  const paths = new Set<string>()
  for (const file of files) {
    if (paths.has(file.path))
      throw new SealError(
        'bad-input',
        `${file.path} (${side}): the file is given twice. Give each .proto file once.`
      )
    paths.add(file.path)
  }
  const roots = options.importRoots ?? []
  const fileModels = new Map<string, FileModel>()
  const imports = new Map<string, { name: string; target: string }[]>()
  const loadedWellKnown = new Set<string>()
  const typeFile = new Map<string, string>()
  for (const file of files) {
    let parsed: protobuf.IParserResult
    const before = new Set(namesIn(root))
    try {
      parsed = protobuf.parse(file.text, root, { keepCase: true, alternateCommentMode: true })
    } catch (error) {
      const message = messageOf(error)
      const at = parseErrorPosition(message, file.text)
      throw new SealError(
        'malformed',
        `${file.path}${at ? `:${at}` : ''} (${side}): the .proto file cannot be read: ${cleanMessage(message)}. Fix the file at that place.`
      )
    }
    for (const name of namesIn(root)) if (!before.has(name)) typeFile.set(name, file.path)
    for (const imported of [...(parsed.imports ?? []), ...(parsed.weakImports ?? [])]) {
      const target = resolveImport(imported, file.path, paths, roots, side)
      if (target !== null)
        imports.set(file.path, [...(imports.get(file.path) ?? []), { name: imported, target }])
      if (target !== null || loadedWellKnown.has(imported)) continue
      loadedWellKnown.add(imported)
      try {
        if (imported === DESCRIPTOR) {
          root.addJSON(descriptor.nested as protobuf.INamespace['nested'] & object)
        } else {
          root.addJSON(
            (wellKnown(imported) as { nested: Record<string, unknown> })
              .nested as protobuf.INamespace['nested'] & object
          )
        }
      } catch (error) {
        // A file that declares google.protobuf types of its own clashes with the well-known ones.
        throw new SealError(
          'malformed',
          `${file.path} (${side}): the import ${quote(imported)} clashes with what the files declare: ${cleanMessage(String((error as Error).message ?? error))}.`,
          { cause: error }
        )
      }
    }
    fileModels.set(file.path, {
      path: file.path,
      pkg: parsed.package ?? '',
      positions: declarationPositions(file.text)
    })
  }
  refuseImportCycle(files, imports, side)
  try {
    root.resolveAll()
  } catch (error) {
    const message = messageOf(error)
    const culprit = /in (?:Type|Service|Namespace|Enum) \.?([\w.]+)/.exec(message)?.[1]
    const file = (culprit && typeFile.get(culprit)) ?? files[0]?.path ?? '(no file)'
    throw new SealError(
      'malformed',
      `${file} (${side}): the .proto files do not resolve: ${message}. ${LOAD_FIX}`
    )
  }
  return collect(root, fileModels, typeFile)
}

/**
 * Files that import each other (or a file importing itself) build with neither protoc nor
 * buf ("detected cyclic import"), so the set is refused as they refuse it, at the import
 * that closes the cycle.
 */
function refuseImportCycle(
  files: ProtoFiles,
  imports: ReadonlyMap<string, readonly { name: string; target: string }[]>,
  side: string
): void {
  const done = new Set<string>()
  const path: string[] = []
  const visit = (file: string): void => {
    if (done.has(file)) return
    path.push(file)
    for (const { name, target } of imports.get(file) ?? []) {
      const start = path.indexOf(target)
      if (start !== -1) {
        const cycle = [...path.slice(start), target].join(' -> ')
        const text = files.find((f) => f.path === file)?.text ?? ''
        const line = text
          .split('\n')
          .findIndex((l) =>
            new RegExp(
              `^\\s*import\\s+(?:public\\s+|weak\\s+)?"${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`
            ).test(l)
          )
        const at = line === -1 ? '' : `:${line + 1}:1`
        throw new SealError(
          'malformed',
          `${file}${at} (${side}): the import ${quote(name)} closes a cycle of imports (${cycle}). protoc and ` +
            'buf refuse files that import each other ("detected cyclic import"); move ' +
            'what they share into a file that both import.'
        )
      }
      visit(target)
    }
    path.pop()
    done.add(file)
  }
  for (const file of files) visit(file.path)
}

/** Full names (without the leading dot) of every message, enum and service declared so far. */
function namesIn(root: protobuf.Root): string[] {
  const names: string[] = []
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const nested of ns.nestedArray) {
      if (
        nested instanceof protobuf.Type ||
        nested instanceof protobuf.Enum ||
        nested instanceof protobuf.Service
      )
        names.push(stripDot(nested.fullName))
      if (
        nested instanceof protobuf.Namespace ||
        nested instanceof protobuf.Type ||
        nested instanceof protobuf.Service
      )
        walk(nested)
    }
  }
  walk(root)
  return names
}

function collect(
  root: protobuf.Root,
  files: ReadonlyMap<string, FileModel>,
  typeFile: ReadonlyMap<string, string>
): ProtoModel {
  const messages = new Map<string, MessageModel>()
  const enums = new Map<string, EnumModel>()
  const services = new Map<string, ServiceModel>()
  const packages = new Set<string>()
  for (const file of files.values()) packages.add(file.pkg)
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const nested of ns.nestedArray) {
      const fullName = stripDot(nested.fullName)
      const file = typeFile.get(fullName)
      // Well-known types are not part of the contract; what refers to them is.
      const owned = file !== undefined
      const pkg = owned ? (files.get(file)?.pkg ?? '') : ''
      if (nested instanceof protobuf.Type) {
        if (owned) {
          const fields = new Map<number, FieldModel>()
          for (const field of nested.fieldsArray) {
            if (field.declaringField || field.name.startsWith('.')) continue
            fields.set(field.id, fieldModel(field))
          }
          messages.set(fullName, {
            fullName,
            file,
            pkg,
            fields,
            reserved: reservedOf(nested.reserved),
            jsonFormat: String(features(nested)['json_format'] ?? 'ALLOW')
          })
        }
        walk(nested)
      } else if (nested instanceof protobuf.Enum) {
        if (owned) {
          const values = new Map<number, string[]>()
          for (const [name, number] of Object.entries(nested.values)) {
            const names = values.get(number) ?? []
            names.push(name)
            values.set(number, names)
          }
          const f = features(nested)
          enums.set(fullName, {
            fullName,
            file,
            pkg,
            values,
            reserved: reservedOf(nested.reserved),
            jsonFormat: String(f['json_format'] ?? 'ALLOW'),
            closed: f['enum_type'] === 'CLOSED'
          })
        }
      } else if (nested instanceof protobuf.Service) {
        if (owned) {
          const methods = new Map<string, MethodModel>()
          for (const method of nested.methodsArray) {
            const options = (method.options ?? {}) as Record<string, unknown>
            methods.set(method.name, {
              name: method.name,
              requestType: stripDot(method.resolvedRequestType?.fullName ?? method.requestType),
              responseType: stripDot(method.resolvedResponseType?.fullName ?? method.responseType),
              clientStreaming: method.requestStream === true,
              serverStreaming: method.responseStream === true,
              idempotency: String(options['idempotency_level'] ?? 'IDEMPOTENCY_UNKNOWN')
            })
          }
          services.set(fullName, { fullName, file, pkg, methods })
        }
      } else if (nested instanceof protobuf.Namespace) {
        walk(nested)
      }
    }
  }
  walk(root)
  return { files, packages, messages, enums, services }
}
