/**
 * One normalised reading of a schema, whatever dialect wrote it: `$ref`s followed,
 * `allOf` merged into one set of properties and constraints, and nullability read from
 * 2.0 `x-nullable`, 3.0 `nullable` and 3.1 `type: [..., "null"]` alike. The diff then
 * compares views, so a refactoring into `allOf` or from one nullable dialect to the other
 * is not reported as a change.
 */
import { WATCHED_KEYWORDS } from './keywords.js'
import type { Located, RefResolver } from './refs.js'
import { isRecord } from '../../json-shape.js'

export const NUMERIC_KEYWORDS = [
  'maxLength',
  'minLength',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'maxItems',
  'minItems',
  'maxContains',
  'minContains'
] as const
export type NumericKeyword = (typeof NUMERIC_KEYWORDS)[number]

const UPPER_BOUNDS: ReadonlySet<NumericKeyword> = new Set([
  'maxLength',
  'maximum',
  'exclusiveMaximum',
  'maxItems',
  'maxContains'
])

export function isUpperBound(keyword: NumericKeyword): boolean {
  return UPPER_BOUNDS.has(keyword)
}

export interface SchemaView {
  /** Where the schema lives once `$ref`s are followed: the position of changes found in it. */
  readonly at: Located
  /** The object the view was read from, so two uses of one definition share one comparison. */
  readonly identity: object | null
  /** The JSON types allowed, without "null"; null when the schema does not restrict the type. */
  readonly types: ReadonlySet<string> | null
  readonly nullable: boolean
  readonly enumValues: readonly unknown[] | null
  /** `const` (3.1 and JSON Schema): the one value allowed, when the schema sets one. */
  readonly constant: { readonly value: unknown } | null
  /** `format` (`uuid`, `date-time`, `int64`…): a validating server enforces it on requests, clients parse by it. */
  readonly format: string | null
  /** Zalando's `x-extensible-enum`: the known values of an open set. */
  readonly extensibleEnum: readonly unknown[] | null
  readonly numbers: Readonly<Partial<Record<NumericKeyword, number>>>
  readonly pattern: string | null
  readonly hasDefault: boolean
  readonly defaultValue: unknown
  readonly readOnly: boolean
  readonly writeOnly: boolean
  readonly properties: ReadonlyMap<string, Located>
  readonly required: ReadonlySet<string>
  readonly items: Located | null
  readonly oneOf: readonly Located[]
  readonly anyOf: readonly Located[]
  /** `deprecated` and its `x-sunset`, for a property's deprecation. */
  readonly deprecated: boolean
  readonly sunset: unknown
  /** The other keywords judged as wholes (keywords.ts), as written. */
  readonly keywords: ReadonlyMap<string, Located>
}

const ANNOTATIONS = new Set([
  '$ref',
  'description',
  'summary',
  'title',
  '$comment',
  'example',
  'examples',
  'externalDocs'
])

const EMPTY_MAP: ReadonlyMap<string, Located> = new Map()
const EMPTY_SET: ReadonlySet<string> = new Set()

function anyView(at: Located, identity: object | null): SchemaView {
  return {
    at,
    identity,
    types: null,
    nullable: false,
    enumValues: null,
    constant: null,
    format: null,
    extensibleEnum: null,
    numbers: {},
    pattern: null,
    hasDefault: false,
    defaultValue: undefined,
    readOnly: false,
    writeOnly: false,
    properties: EMPTY_MAP,
    required: EMPTY_SET,
    items: null,
    oneOf: [],
    anyOf: [],
    deprecated: false,
    sunset: undefined,
    keywords: EMPTY_MAP
  }
}

/** Builds views for one side of a comparison; each resolved schema object is read once. */
export class SchemaViews {
  private readonly cache = new WeakMap<object, SchemaView>()
  private readonly building = new WeakSet<object>()

  constructor(readonly refs: RefResolver) {}

  view(start: Located): SchemaView {
    const target = this.refs.follow(start)
    const viewed = this.viewResolved(target)
    // In 3.1 and JSON Schema a $ref may carry sibling keywords that apply as well.
    if (
      start !== target &&
      isRecord(start.value) &&
      Object.keys(start.value).some((key) => !ANNOTATIONS.has(key))
    ) {
      const siblings = this.ownView({ ...start, value: { ...start.value, $ref: undefined } }, null)
      return merge(viewed, siblings)
    }
    return viewed
  }

  private viewResolved(target: Located): SchemaView {
    const value = target.value
    if (!isRecord(value)) {
      const view = anyView(target, null)
      return value === false ? { ...view, types: EMPTY_SET } : view
    }
    const cached = this.cache.get(value)
    if (cached) return cached
    // An allOf that reaches its own schema again adds nothing new: stop there.
    if (this.building.has(value)) return anyView(target, value)
    this.building.add(value)
    try {
      let view = this.ownView(target, value)
      const allOf = value.allOf
      if (Array.isArray(allOf)) {
        const own = view
        const members = allOf.map((_, index) => this.view(this.refs.child(target, 'allOf', index)))
        for (const member of members) view = merge(view, member)
        view = { ...view, nullable: allOfNullable(own, members) }
      }
      // `oneOf: [X, {type: "null"}]` is a nullable X, not a choice between variants.
      for (const keyword of ['oneOf', 'anyOf'] as const) {
        const raw = value[keyword]
        const only =
          view[keyword].length === 1 && Array.isArray(raw) && raw.length > 1
            ? view[keyword][0]
            : undefined
        if (only) view = merge({ ...view, [keyword]: [] }, this.view(only))
      }
      view = { ...view, at: target, identity: value }
      this.cache.set(value, view)
      return view
    } finally {
      this.building.delete(value)
    }
  }

  private ownView(at: Located, identity: object | null): SchemaView {
    const schema = at.value as Record<string, unknown>
    let nullable = schema.nullable === true || schema['x-nullable'] === true
    let types: Set<string> | null = null
    const type = schema.type
    const typeList =
      typeof type === 'string'
        ? [type]
        : Array.isArray(type)
          ? type.filter((t): t is string => typeof t === 'string')
          : null
    if (typeList) {
      types = new Set()
      for (const t of typeList) {
        if (t === 'null') nullable = true
        else types.add(t)
      }
      // `type: "null"` alone is a null-only schema, not an unrestricted one.
    }
    let enumValues = Array.isArray(schema.enum) ? (schema.enum as unknown[]) : null
    const constant = Object.hasOwn(schema, 'const') ? { value: schema.const } : null
    if (constant?.value === null) nullable = true
    if (enumValues?.includes(null)) {
      nullable = true
      enumValues = enumValues.filter((v) => v !== null)
    }
    const numbers: Partial<Record<NumericKeyword, number>> = {}
    for (const keyword of NUMERIC_KEYWORDS) {
      const n = schema[keyword]
      if (typeof n === 'number' && Number.isFinite(n)) numbers[keyword] = n
    }
    // 3.0 writes an exclusive bound as a flag on maximum/minimum; 3.1 as its own number.
    if (schema.exclusiveMaximum === true && numbers.maximum !== undefined) {
      numbers.exclusiveMaximum = numbers.maximum
      delete numbers.maximum
    }
    if (schema.exclusiveMinimum === true && numbers.minimum !== undefined) {
      numbers.exclusiveMinimum = numbers.minimum
      delete numbers.minimum
    }
    const properties = new Map<string, Located>()
    if (isRecord(schema.properties)) {
      for (const name of Object.keys(schema.properties))
        properties.set(name, this.refs.child(at, 'properties', name))
    }
    const required = new Set(
      Array.isArray(schema.required)
        ? schema.required.filter((r): r is string => typeof r === 'string')
        : []
    )
    const items = isRecord(schema.items) ? this.refs.child(at, 'items') : null
    const alternatives = (keyword: 'oneOf' | 'anyOf'): Located[] => {
      const list = schema[keyword]
      if (!Array.isArray(list)) return []
      const out: Located[] = []
      for (let index = 0; index < list.length; index++) {
        const entry = this.refs.child(at, keyword, index)
        // 3.1 spells "or null" as a { type: "null" } alternative: that is nullability, not a variant.
        if (isNullOnly(this.refs.follow(entry).value)) nullable = true
        else out.push(entry)
      }
      return out
    }
    const oneOf = alternatives('oneOf')
    const anyOf = alternatives('anyOf')
    const keywords = new Map<string, Located>()
    for (const keyword of WATCHED_KEYWORDS)
      if (schema[keyword] !== undefined) keywords.set(keyword, this.refs.child(at, keyword))
    const extensible = schema['x-extensible-enum']
    return {
      at,
      identity,
      types,
      nullable,
      enumValues,
      constant,
      format: typeof schema.format === 'string' ? schema.format : null,
      extensibleEnum: Array.isArray(extensible) ? (extensible as unknown[]) : null,
      numbers,
      pattern: typeof schema.pattern === 'string' ? schema.pattern : null,
      hasDefault: Object.hasOwn(schema, 'default'),
      defaultValue: schema.default,
      readOnly: schema.readOnly === true,
      writeOnly: schema.writeOnly === true,
      properties,
      required,
      items,
      oneOf,
      anyOf,
      deprecated: schema.deprecated === true,
      sunset: schema['x-sunset'],
      keywords
    }
  }
}

/**
 * Null passes an allOf only if it passes every member: a typed member that does not allow
 * null (a non-nullable object) shuts it out, whatever another member allows. A `nullable`
 * beside the allOf still makes the whole nullable: 3.0 writes "a nullable Order" as
 * `allOf: [Order], nullable: true`. Untyped members (only properties or a description)
 * say nothing about null.
 */
function allOfNullable(own: SchemaView, members: readonly SchemaView[]): boolean {
  if (own.nullable) return true
  const typed = [own, ...members].filter((view) => view.types !== null)
  if (typed.length === 0) return members.some((member) => member.nullable)
  return typed.every((view) => view.nullable)
}

function isNullOnly(value: unknown): boolean {
  return (
    isRecord(value) &&
    (value.type === 'null' ||
      (Array.isArray(value.type) && value.type.length === 1 && value.type[0] === 'null'))
  )
}

/** Both schemas apply (allOf): the tighter constraint wins, properties and required add up. */
function merge(a: SchemaView, b: SchemaView): SchemaView {
  const numbers: Partial<Record<NumericKeyword, number>> = { ...a.numbers }
  for (const keyword of NUMERIC_KEYWORDS) {
    const n = b.numbers[keyword]
    if (n === undefined) continue
    const m = numbers[keyword]
    numbers[keyword] = m === undefined ? n : isUpperBound(keyword) ? Math.min(m, n) : Math.max(m, n)
  }
  const properties = new Map(a.properties)
  for (const [name, located] of b.properties) {
    const existing = properties.get(name)
    properties.set(
      name,
      existing ? { ...existing, value: { allOf: [existing.value, located.value] } } : located
    )
  }
  return {
    at: a.at,
    identity: a.identity,
    types: intersectTypes(a.types, b.types),
    // 3.0 writes "a nullable Order" as allOf [Order] plus nullable: true; honour that reading.
    nullable: a.nullable || b.nullable,
    enumValues: intersectValues(a.enumValues, b.enumValues),
    constant: a.constant ?? b.constant,
    format: a.format ?? b.format,
    extensibleEnum: a.extensibleEnum ?? b.extensibleEnum,
    numbers,
    pattern: a.pattern ?? b.pattern,
    hasDefault: a.hasDefault || b.hasDefault,
    defaultValue: a.hasDefault ? a.defaultValue : b.defaultValue,
    readOnly: a.readOnly || b.readOnly,
    writeOnly: a.writeOnly || b.writeOnly,
    properties,
    required:
      a.required.size === 0
        ? b.required
        : b.required.size === 0
          ? a.required
          : new Set([...a.required, ...b.required]),
    items:
      a.items && b.items
        ? { ...a.items, value: { allOf: [a.items.value, b.items.value] } }
        : (a.items ?? b.items),
    oneOf: [...a.oneOf, ...b.oneOf],
    anyOf: [...a.anyOf, ...b.anyOf],
    deprecated: a.deprecated || b.deprecated,
    sunset: a.sunset ?? b.sunset,
    keywords: b.keywords.size === 0 ? a.keywords : new Map([...b.keywords, ...a.keywords])
  }
}

function intersectTypes(
  a: ReadonlySet<string> | null,
  b: ReadonlySet<string> | null
): ReadonlySet<string> | null {
  if (a === null) return b
  if (b === null) return a
  const out = new Set<string>()
  for (const t of a) {
    if (b.has(t)) out.add(t)
    else if (t === 'number' && b.has('integer')) out.add('integer')
  }
  for (const t of b) if (t === 'number' && a.has('integer')) out.add('integer')
  return out
}

function intersectValues(
  a: readonly unknown[] | null,
  b: readonly unknown[] | null
): readonly unknown[] | null {
  if (a === null) return b
  if (b === null) return a
  const keys = new Set(b.map((v) => JSON.stringify(v)))
  return a.filter((v) => keys.has(JSON.stringify(v)))
}
