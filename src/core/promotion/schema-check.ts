/**
 * A JSON Schema (draft-07) check of the few keywords the policy schema uses, reporting every
 * error as ajv does with `allErrors` (the same objects, in the same order), so the policy's
 * messages read the same whichever made them. The test holds it against ajv on generated
 * policies. ajv is not used here because its code, or the code it generates for this schema,
 * is about a fifth of what the promote step compiles at start; this is a few kilobytes.
 */

import { isRecord } from '../json-shape.js'

/** One error, as ajv's ErrorObject. */
export interface SchemaError {
  readonly instancePath: string
  readonly schemaPath: string
  readonly keyword: string
  readonly params: Record<string, unknown>
  readonly message: string
  readonly propertyName?: string
}

type Schema = Readonly<Record<string, unknown>>

/** The keywords this check knows; a schema with another is refused, never half-checked. */
const KNOWN = new Set([
  '$schema',
  '$id',
  'title',
  'type',
  'enum',
  'anyOf',
  'pattern',
  'minProperties',
  'required',
  'propertyNames',
  'additionalProperties',
  'properties',
  'minItems',
  'uniqueItems',
  'items'
])

/** Every error of `value` against `schema`: none when it fits. */
export function checkSchema(schema: Schema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = []
  check(schema, value, '', '#', errors, undefined)
  return errors
}

const patterns = new Map<string, RegExp>()
const regExp = (source: string): RegExp => {
  let compiled = patterns.get(source)
  if (compiled === undefined) patterns.set(source, (compiled = new RegExp(source, 'u')))
  return compiled
}

function isOfType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object':
      return isRecord(value)
    case 'array':
      return Array.isArray(value)
    case 'null':
      return value === null
    case 'string':
      return typeof value === 'string'
    case 'boolean':
      return typeof value === 'boolean'
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    default:
      throw new Error(`the schema names a type this check does not know: ${type}`)
  }
}

const pointerKey = (key: string | number): string =>
  String(key).replace(/~/g, '~0').replace(/\//g, '~1')

/** The keywords of each type, in the order ajv applies them (its vocabularies' order; items before uniqueItems). */
const TYPED: readonly (readonly [string, readonly string[]])[] = [
  ['string', ['pattern']],
  ['array', ['minItems', 'items', 'uniqueItems']],
  ['object', ['minProperties', 'required', 'propertyNames', 'additionalProperties', 'properties']]
]

function check(
  schema: Schema,
  value: unknown,
  instancePath: string,
  schemaPath: string,
  errors: SchemaError[],
  propertyName: string | undefined
): void {
  for (const keyword of Object.keys(schema))
    if (!KNOWN.has(keyword))
      throw new Error(`the schema has a keyword this check does not know: ${keyword}`)
  const report = (
    keyword: string,
    params: Record<string, unknown>,
    message: string,
    path = instancePath,
    name = propertyName
  ): void => {
    errors.push({
      instancePath: path,
      schemaPath: `${schemaPath}/${keyword}`,
      keyword,
      params,
      message,
      ...(name === undefined ? {} : { propertyName: name })
    })
  }
  const types =
    schema.type === undefined
      ? []
      : Array.isArray(schema.type)
        ? (schema.type as string[])
        : [schema.type as string]
  const typeError = (): void =>
    report(
      'type',
      { type: Array.isArray(schema.type) ? schema.type : types[0] },
      `must be ${types.join(',')}`
    )
  const hasRules = (type: string): boolean =>
    TYPED.some(([t, keywords]) => t === type && keywords.some((k) => schema[k] !== undefined))
  // ajv checks the type first unless the schema has one type and keywords of that type: then
  // the type error comes where that type's keywords would have been applied.
  const typeFirst = types.length > 0 && !(types.length === 1 && hasRules(types[0]!))
  if (typeFirst && !types.some((t) => isOfType(value, t))) typeError()

  if (schema.enum !== undefined) {
    const allowed = schema.enum as unknown[]
    if (!allowed.some((a) => a === value))
      report('enum', { allowedValues: allowed }, 'must be equal to one of the allowed values')
  }
  if (schema.anyOf !== undefined) {
    const before = errors.length
    const options = schema.anyOf as Schema[]
    let matched = false
    options.forEach((option, i) => {
      const start = errors.length
      check(option, value, instancePath, `${schemaPath}/anyOf/${i}`, errors, propertyName)
      if (errors.length === start) matched = true
    })
    if (matched) errors.length = before
    else report('anyOf', {}, 'must match a schema in anyOf')
  }

  for (const [type, keywords] of TYPED) {
    if (!keywords.some((k) => schema[k] !== undefined)) continue
    if (!isOfType(value, type)) {
      if (!typeFirst && types.length === 1 && types[0] === type) typeError()
      continue
    }
    if (type === 'string') checkString(schema, value as string, report)
    else if (type === 'array')
      checkArray(schema, value as unknown[], instancePath, schemaPath, errors, report)
    else
      checkObject(
        schema,
        value as Record<string, unknown>,
        instancePath,
        schemaPath,
        errors,
        report
      )
  }
}

type Report = (
  keyword: string,
  params: Record<string, unknown>,
  message: string,
  path?: string,
  name?: string
) => void

function checkString(schema: Schema, value: string, report: Report): void {
  if (schema.pattern !== undefined && !regExp(schema.pattern as string).test(value)) {
    const pattern = schema.pattern as string
    report('pattern', { pattern }, `must match pattern "${pattern}"`)
  }
}

function checkArray(
  schema: Schema,
  value: unknown[],
  instancePath: string,
  schemaPath: string,
  errors: SchemaError[],
  report: Report
): void {
  if (schema.minItems !== undefined && value.length < (schema.minItems as number)) {
    const limit = schema.minItems as number
    report('minItems', { limit }, `must NOT have fewer than ${limit} items`)
  }
  if (schema.items !== undefined)
    value.forEach((item, i) =>
      check(
        schema.items as Schema,
        item,
        `${instancePath}/${i}`,
        `${schemaPath}/items`,
        errors,
        undefined
      )
    )
  if (schema.uniqueItems === true) {
    const duplicate = duplicateOf(value, schema.items as Schema | undefined)
    if (duplicate !== null) {
      const [i, j] = duplicate
      report(
        'uniqueItems',
        { i, j },
        `must NOT have duplicate items (items ## ${j} and ${i} are identical)`
      )
    }
  }
}

/**
 * The pair of equal items ajv reports: it walks from the end, so `i` is the earlier index and
 * `j` the later one it met first. For items of one scalar type it compares only items of that
 * type; otherwise any two equal values.
 */
function duplicateOf(value: unknown[], items: Schema | undefined): [number, number] | null {
  const scalar =
    typeof items?.type === 'string' && ['string', 'number', 'boolean'].includes(items.type)
      ? items.type
      : null
  const seen = new Map<unknown, number>()
  for (let i = value.length - 1; i >= 0; i--) {
    const item = value[i]
    if (scalar !== null && typeof item !== scalar) continue
    const key = scalar !== null ? item : canonical(item)
    const j = seen.get(key)
    if (j !== undefined) return [i, j]
    seen.set(key, i)
  }
  return null
}

/** A value as text in which equal JSON values are equal, whatever their keys' order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object' && value !== null)
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'undefined'
}

function checkObject(
  schema: Schema,
  value: Record<string, unknown>,
  instancePath: string,
  schemaPath: string,
  errors: SchemaError[],
  report: Report
): void {
  const keys = Object.keys(value)
  if (schema.minProperties !== undefined && keys.length < (schema.minProperties as number)) {
    const limit = schema.minProperties as number
    report('minProperties', { limit }, `must NOT have fewer than ${limit} properties`)
  }
  for (const missingProperty of (schema.required as string[] | undefined) ?? [])
    if (value[missingProperty] === undefined)
      report('required', { missingProperty }, `must have required property '${missingProperty}'`)
  if (schema.propertyNames !== undefined) {
    for (const key of keys) {
      const start = errors.length
      check(
        schema.propertyNames as Schema,
        key,
        instancePath,
        `${schemaPath}/propertyNames`,
        errors,
        key
      )
      if (errors.length > start)
        report(
          'propertyNames',
          { propertyName: key },
          'property name must be valid',
          instancePath,
          undefined
        )
    }
  }
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {}
  if (schema.additionalProperties !== undefined) {
    for (const key of keys) {
      if (Object.hasOwn(properties, key)) continue
      if (schema.additionalProperties === false)
        report(
          'additionalProperties',
          { additionalProperty: key },
          'must NOT have additional properties'
        )
      else
        check(
          schema.additionalProperties as Schema,
          value[key],
          `${instancePath}/${pointerKey(key)}`,
          `${schemaPath}/additionalProperties`,
          errors,
          undefined
        )
    }
  }
  for (const [key, propertySchema] of Object.entries(properties))
    if (value[key] !== undefined)
      check(
        propertySchema,
        value[key],
        `${instancePath}/${pointerKey(key)}`,
        `${schemaPath}/properties/${pointerKey(key)}`,
        errors,
        undefined
      )
}
