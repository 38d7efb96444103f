/**
 * The parts of an OpenAPI document that carry an interface but that the engine does not
 * judge: servers and base paths, security requirements and schemes, parameter
 * serialization (style, explode…), response links, media-type encodings, callbacks nested
 * in callbacks or webhooks. A change in one is never silence: it is reported as
 * `part-not-compared` (dangerous), naming the part, so a reviewer looks at it.
 */
import { appendPointer } from './pointer.js'
import type { Located, RefResolver } from './refs.js'
import type { ChangeCollector } from './report.js'
import { SameCheck } from './same.js'
import { isRecord } from '../../json-shape.js'

export const NOT_COMPARED = 'part-not-compared'

/** Document-level keys that say where and how to call the API: 3.x, then 2.0. */
const DOCUMENT_PARTS = [
  'servers',
  'security',
  'jsonSchemaDialect',
  'host',
  'basePath',
  'schemes',
  'securityDefinitions'
] as const
/**
 * Parameter keywords the engine judges; the rest (style, explode, allowReserved, content…) is how
 * the value is written.
 */
const JUDGED_PARAMETER_KEYS = new Set([
  'name',
  'in',
  'required',
  'schema',
  'description',
  'example',
  'examples',
  'deprecated',
  'x-sunset'
])
/** 2.0 parameters carry their schema keywords inline: judged as the parameter's schema. */
const SWAGGER_SCHEMA_KEYS = [
  'type',
  'format',
  'items',
  'enum',
  'default',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
  'x-nullable',
  'x-extensible-enum'
]

export class UncomparedParts {
  private readonly same: SameCheck

  constructor(
    private readonly out: ChangeCollector,
    before: RefResolver,
    after: RefResolver
  ) {
    this.same = new SameCheck(before, after)
  }

  /** Reports `label` when the two values differ (`$ref`s compared by what they resolve to). */
  check(
    operation: string | null,
    location: string,
    label: string,
    before: Located,
    after: Located
  ): void {
    if (before.value === undefined && after.value === undefined) return
    if (this.same.same(before.value, after.value, before.file, after.file)) return
    const where = after.value === undefined ? before : after
    this.out.add(
      NOT_COMPARED,
      operation,
      `${location} › ${label}`,
      where,
      `The ${label} changed, and the engine does not judge ${label}: review this change by hand.`
    )
  }

  document(beforeRoot: Located, afterRoot: Located): void {
    for (const key of DOCUMENT_PARTS)
      this.check(null, '(document)', key, child(beforeRoot, key), child(afterRoot, key))
    this.check(
      null,
      '(document)',
      'components.securitySchemes',
      child(child(beforeRoot, 'components'), 'securitySchemes'),
      child(child(afterRoot, 'components'), 'securitySchemes')
    )
  }

  /** An operation's own servers and security, its path item's servers, nested callbacks where they are not compared. */
  operation(
    name: string,
    before: { at: Located; item: Located },
    after: { at: Located; item: Located },
    nestedCallbacks: boolean
  ): void {
    this.check(name, name, 'servers', child(before.at, 'servers'), child(after.at, 'servers'))
    this.check(name, name, 'security', child(before.at, 'security'), child(after.at, 'security'))
    this.check(
      name,
      name,
      'path item servers',
      child(before.item, 'servers'),
      child(after.item, 'servers')
    )
    if (nestedCallbacks)
      this.check(
        name,
        name,
        'callbacks',
        child(before.at, 'callbacks'),
        child(after.at, 'callbacks')
      )
  }

  /** How a parameter's value is written (style, explode, content…): everything but what the engine judges. */
  parameter(operation: string, location: string, before: Located, after: Located): void {
    this.check(
      operation,
      location,
      'serialization (style, explode, content…)',
      rest(before),
      rest(after)
    )
  }

  response(operation: string, location: string, before: Located, after: Located): void {
    this.check(operation, location, 'links', child(before, 'links'), child(after, 'links'))
    const beforeContent = child(before, 'content')
    const afterContent = child(after, 'content')
    if (!isRecord(beforeContent.value) || !isRecord(afterContent.value)) return
    // Media types added or removed are judged; the encoding of one on both sides is not.
    for (const media of Object.keys(beforeContent.value)) {
      if (Object.hasOwn(afterContent.value, media))
        this.check(
          operation,
          location,
          `encoding of ${media}`,
          child(child(beforeContent, media), 'encoding'),
          child(child(afterContent, media), 'encoding')
        )
    }
  }
}

function child(parent: Located, key: string): Located {
  return {
    value: isRecord(parent.value) ? parent.value[key] : undefined,
    file: parent.file,
    pointer: appendPointer(parent.pointer, key)
  }
}

function rest(parameter: Located): Located {
  if (!isRecord(parameter.value)) return parameter
  const swagger = !isRecord(parameter.value.schema) && parameter.value.in !== 'body'
  const value: Record<string, unknown> = Object.fromEntries(
    Object.entries(parameter.value).filter(
      ([key]) =>
        !JUDGED_PARAMETER_KEYS.has(key) &&
        !key.startsWith('x-') &&
        !(swagger && SWAGGER_SCHEMA_KEYS.includes(key))
    )
  )
  // A parameter's `content` holds its schema, which is judged; its media type is how it is written.
  if (isRecord(value.content)) value.content = Object.keys(value.content)
  return { ...parameter, value: Object.keys(value).length === 0 ? undefined : value }
}
