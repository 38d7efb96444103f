/**
 * Every change between two versions of an OpenAPI document, each with an oasdiff rule
 * id, a severity and where it is. Operations are paired by method and path (parameter
 * names in the path may be renamed); inside them parameters, bodies and responses are
 * compared with the direction that decides what breaks a client.
 */
import type { ContractChange } from '../change.js'
import { quote } from '../../errors.js'
import {
  openApiMajor,
  readOperations,
  readWebhooks,
  type BodyModel,
  type OperationModel,
  type ResponseModel
} from './operations.js'
import { RefResolver, type Located } from './refs.js'
import { ChangeCollector, sentence } from './report.js'
import type { SchemaPlace } from './rules.js'
import { SchemaDiffer, type SchemaChange } from './schema-diff.js'
import { SchemaViews } from './schema-view.js'
import { parseSunset } from './sunset.js'
import type { OpenApiDocument, OpenApiOptions } from './types.js'
import { isRecord } from '../../json-shape.js'
import { UncomparedParts } from './uncompared.js'

export function classifyOpenApi(
  before: OpenApiDocument,
  after: OpenApiDocument,
  options: OpenApiOptions
): ContractChange[] {
  const beforeLabel = `${options.file} (before)`
  const beforeRefs = new RefResolver(
    options.beforeFile ?? options.file,
    before,
    beforeLabel,
    options.readExternalBefore ?? options.readExternal
  )
  const afterRefs = new RefResolver(options.file, after, options.file, options.readExternal)
  const beforeMajor = openApiMajor(before, beforeLabel)
  const afterMajor = openApiMajor(after, options.file)
  const was = readOperations(beforeRefs, beforeMajor)
  const now = readOperations(afterRefs, afterMajor)
  const out = new ChangeCollector('openapi', options.file)
  const context: Context = {
    out,
    differ: new SchemaDiffer(new SchemaViews(beforeRefs), new SchemaViews(afterRefs)),
    parts: new UncomparedParts(out, beforeRefs, afterRefs),
    now: options.now
  }
  context.parts.document(beforeRefs.at(''), afterRefs.at(''))
  const remainingPaths = new Set([...now.values()].map((operation) => operation.path))
  for (const [key, operation] of was) {
    const next = now.get(key)
    if (next) compareOperation(context, operation, next)
    else reportRemoval(context, operation, !remainingPaths.has(operation.path))
  }
  for (const [key, operation] of now) {
    if (!was.has(key))
      context.out.add(
        'endpoint-added',
        operation.name,
        operation.name,
        operation.at,
        `${operation.name} was added.`
      )
  }
  compareIncoming(
    context,
    readWebhooks(beforeRefs, beforeMajor),
    readWebhooks(afterRefs, afterMajor),
    'webhook'
  )
  return context.out.sorted()
}

interface Context {
  readonly out: ChangeCollector
  readonly differ: SchemaDiffer
  readonly parts: UncomparedParts
  readonly now: Date
}

/**
 * Webhooks and callbacks: requests the API sends to its subscribers. For them the API is
 * the client, so the directions turn round: the payload and the headers the API sends
 * are judged as a response is (a subscriber breaks when it may get more than before),
 * and the subscriber's replies, which the API reads, as requests are.
 */
function compareIncoming(
  context: Context,
  was: ReadonlyMap<string, OperationModel>,
  now: ReadonlyMap<string, OperationModel>,
  kind: 'webhook' | 'callback'
): void {
  const { out } = context
  for (const [key, operation] of was) {
    const next = now.get(key)
    if (next === undefined) {
      out.add(
        `${kind}-removed`,
        operation.name,
        operation.name,
        operation.at,
        `${operation.name} was removed: its subscribers no longer receive it.`
      )
      continue
    }
    const name = next.name
    context.parts.operation(name, operation, next, true)
    for (const [parameterKey, parameter] of operation.parameters) {
      const after = next.parameters.get(parameterKey)
      const location = `${name} › ${parameter.in} ${parameter.name}`
      if (after === undefined) {
        out.add(
          parameter.required
            ? 'required-response-header-removed'
            : 'optional-response-header-removed',
          name,
          location,
          parameter.at,
          `The ${parameter.in} ${parameter.name} that ${name} sends was removed.`
        )
        continue
      }
      if (parameter.required && !after.required)
        out.add(
          'response-header-became-optional',
          name,
          location,
          after.at,
          `The ${parameter.in} ${parameter.name} that ${name} sends became optional.`
        )
      context.parts.parameter(name, location, parameter.at, after.at)
      if (parameter.schema && after.schema)
        reportSchema(
          context,
          name,
          location,
          `the ${parameter.in} ${parameter.name} ${name} sends`,
          context.differ.diff(parameter.schema, after.schema, 'response-header')
        )
    }
    for (const [parameterKey, parameter] of next.parameters) {
      if (!operation.parameters.has(parameterKey))
        out.add(
          'response-header-added',
          name,
          `${name} › ${parameter.in} ${parameter.name}`,
          parameter.at,
          `${name} now sends the ${parameter.in} ${parameter.name}.`
        )
    }
    const payload = (body: BodyModel | null): ReadonlyMap<string, Located | null> =>
      body?.content ?? new Map()
    compareContent(
      context,
      name,
      `${name} › payload`,
      'payload',
      'response',
      payload(operation.body),
      payload(next.body),
      operation.body?.at ?? operation.at,
      next.body?.at ?? next.at
    )
    for (const [status, reply] of operation.responses) {
      const after = next.responses.get(status)
      const location = `${name} › ${reply.status} reply`
      if (after === undefined) {
        out.add(
          'callback-reply-removed',
          name,
          location,
          reply.at,
          `The ${reply.status} reply that ${name} documents was removed: the API may no longer take a ` +
            `subscriber's ${reply.status} as before.`
        )
        continue
      }
      compareContent(
        context,
        name,
        location,
        `${reply.status} reply body`,
        'request',
        reply.content,
        after.content,
        reply.at,
        after.at
      )
    }
    for (const [status, reply] of next.responses) {
      if (!operation.responses.has(status))
        out.add(
          'callback-reply-added',
          name,
          `${name} › ${reply.status} reply`,
          reply.at,
          `A ${reply.status} reply was added to ${name}.`
        )
    }
  }
  for (const [key, operation] of now) {
    if (!was.has(key))
      out.add(
        `${kind}-added`,
        operation.name,
        operation.name,
        operation.at,
        `${operation.name} was added.`
      )
  }
}

/**
 * A removed operation is safe only once clients were warned (deprecated) and the announced date
 * (x-sunset) has passed.
 */
function reportRemoval(context: Context, operation: OperationModel, wholePath: boolean): void {
  const prefix = wholePath ? 'api-path-removed' : 'api-removed'
  const name = operation.name
  if (!operation.deprecated) {
    context.out.add(
      `${prefix}-without-deprecation`,
      name,
      name,
      operation.at,
      `${name} was removed without being deprecated first.`
    )
    return
  }
  const sunset = parseSunset(operation.sunset)
  if (sunset === null) {
    const why =
      operation.sunset === undefined
        ? 'it has no x-sunset date, so clients were never told when it would go'
        : `its x-sunset ${quote(String(operation.sunset))} is not an RFC 3339 date`
    context.out.add(
      `${prefix}-before-sunset`,
      name,
      name,
      operation.at,
      `${name} was removed while deprecated, but ${why}.`
    )
  } else if (sunset.getTime() > context.now.getTime()) {
    context.out.add(
      `${prefix}-before-sunset`,
      name,
      name,
      operation.at,
      `${name} was removed before its x-sunset date ${sunset.toISOString().slice(0, 10)} (promotion time ${context.now.toISOString()}).`
    )
  } else {
    context.out.add(
      `${prefix}-with-deprecation`,
      name,
      name,
      operation.at,
      `${name} was removed after its x-sunset date ${sunset.toISOString().slice(0, 10)} had passed.`
    )
  }
}

/**
 * The announced removal date of something deprecated: deleting it (`sunset-deleted`),
 * writing one that is no date, or moving it earlier leaves clients without the notice they
 * were promised. `prefix` is `` for operations, `request-parameter-` for parameters.
 */
function compareSunsets(
  context: Context,
  operation: string,
  location: string,
  prefix: '' | 'request-parameter-',
  was: { deprecated: boolean; sunset: unknown },
  now: { deprecated: boolean; sunset: unknown },
  at: Located
): void {
  if (!now.deprecated || now.sunset === was.sunset) return
  const { out } = context
  const what = prefix === '' ? operation : location
  if (now.sunset === undefined) {
    if (was.deprecated && was.sunset !== undefined)
      out.add(
        `${prefix}sunset-deleted`,
        operation,
        location,
        at,
        `The x-sunset date of ${what} was deleted while it is deprecated.`
      )
    return
  }
  const date = parseSunset(now.sunset)
  if (date === null) {
    out.add(
      prefix === '' ? 'api-deprecated-sunset-parse' : 'request-parameter-sunset-parse',
      operation,
      location,
      at,
      `${what} is deprecated with an x-sunset that is not an RFC 3339 date: ${quote(String(now.sunset))}.`
    )
    return
  }
  const before = was.deprecated ? parseSunset(was.sunset) : null
  if (before !== null && date.getTime() < before.getTime()) {
    out.add(
      `${prefix === '' ? 'api-' : prefix}sunset-date-changed-too-small`,
      operation,
      location,
      at,
      `The x-sunset date of ${what} moved earlier, from ${before.toISOString().slice(0, 10)} to ${date.toISOString().slice(0, 10)}.`
    )
  }
}

const STABILITY = ['draft', 'alpha', 'beta', 'stable']

/** `x-stability-level` (oasdiff's): lowering it, or writing one that is none of the four, is breaking. */
function compareStability(context: Context, operation: string, was: Located, now: Located): void {
  const level = (at: Located): unknown =>
    isRecord(at.value) ? at.value['x-stability-level'] : undefined
  const before = level(was)
  const after = level(now)
  if (after === undefined || after === before) return
  if (typeof after !== 'string' || !STABILITY.includes(after)) {
    context.out.add(
      'api-invalid-stability-level',
      operation,
      operation,
      now,
      `${operation} has the x-stability-level ${quote(String(after))}, which is none of ${STABILITY.join(', ')}.`
    )
  } else if (
    typeof before === 'string' &&
    STABILITY.includes(before) &&
    STABILITY.indexOf(after) < STABILITY.indexOf(before)
  ) {
    context.out.add(
      'api-stability-decreased',
      operation,
      operation,
      now,
      `The x-stability-level of ${operation} went down from ${before} to ${after}.`
    )
  }
}

function compareOperation(context: Context, was: OperationModel, now: OperationModel): void {
  const { out } = context
  const name = now.name
  if (was.deprecated !== now.deprecated) {
    const rule = !now.deprecated
      ? 'endpoint-reactivated'
      : now.sunset === undefined
        ? 'endpoint-deprecated'
        : 'endpoint-deprecated-with-sunset'
    out.add(
      rule,
      name,
      name,
      now.at,
      `${name} ${now.deprecated ? 'was deprecated' : 'is no longer deprecated'}.`
    )
  }
  compareSunsets(
    context,
    name,
    name,
    '',
    { deprecated: was.deprecated, sunset: was.sunset },
    { deprecated: now.deprecated, sunset: now.sunset },
    now.at
  )
  compareStability(context, name, was.at, now.at)
  context.parts.operation(name, was, now, false)
  compareParameters(context, was, now)
  compareBodies(context, name, was.body, now.body)
  compareResponses(context, name, was.responses, now.responses)
  compareIncoming(context, was.callbacks, now.callbacks, 'callback')
}

function compareParameters(context: Context, was: OperationModel, now: OperationModel): void {
  const { out } = context
  const name = now.name
  for (const [key, parameter] of was.parameters) {
    const next = now.parameters.get(key)
    const label = `${parameter.in} parameter ${parameter.name}`
    const location = `${name} › ${label}`
    if (!next && inTemplate(key)) {
      // Its placeholder is still in the path: clients still fill it, with any string now.
      if (parameter.schema)
        reportSchema(
          context,
          name,
          location,
          `the ${label}`,
          context.differ.diff(parameter.schema, pathSegment(now.at), 'request-parameter')
        )
      continue
    }
    if (!next) {
      const raw = isRecord(parameter.at.value) ? parameter.at.value : {}
      const sunset = raw['x-sunset']
      const date = raw.deprecated === true && sunset !== undefined ? parseSunset(sunset) : undefined
      if (date === null)
        out.add(
          'request-parameter-sunset-parse',
          name,
          location,
          parameter.at,
          `The deprecated ${label} was removed; its x-sunset ${quote(String(sunset))} is not an RFC 3339 date.`
        )
      else if (date !== undefined && date.getTime() > context.now.getTime())
        out.add(
          'request-parameter-removed-before-sunset',
          name,
          location,
          parameter.at,
          `The ${label} was removed before its x-sunset date ${date.toISOString().slice(0, 10)} (promotion ` +
            `time ${context.now.toISOString()}).`
        )
      else
        out.add(
          'request-parameter-removed',
          name,
          location,
          parameter.at,
          `The ${label} was removed.`
        )
      continue
    }
    const lifecycle = (at: Located) => ({
      deprecated: isRecord(at.value) && at.value.deprecated === true,
      sunset: isRecord(at.value) ? at.value['x-sunset'] : undefined
    })
    compareSunsets(
      context,
      name,
      location,
      'request-parameter-',
      lifecycle(parameter.at),
      lifecycle(next.at),
      next.at
    )
    context.parts.parameter(name, location, parameter.at, next.at)
    if (parameter.required !== next.required) {
      out.add(
        next.required ? 'request-parameter-became-required' : 'request-parameter-became-optional',
        name,
        location,
        next.at,
        `The ${label} became ${next.required ? 'required' : 'optional'}.`
      )
    }
    if (parameter.schema && next.schema) {
      reportSchema(
        context,
        name,
        location,
        `the ${label}`,
        context.differ.diff(parameter.schema, next.schema, 'request-parameter')
      )
    }
  }
  for (const [key, parameter] of now.parameters) {
    if (was.parameters.has(key)) continue
    const label = `${parameter.in} parameter ${parameter.name}`
    if (inTemplate(key)) {
      // The unchanged path template always had this placeholder, so clients always filled it:
      // declaring it adds nothing, unless its schema accepts less than any path segment.
      if (parameter.schema)
        reportSchema(
          context,
          name,
          `${name} › ${label}`,
          `the ${label}`,
          context.differ.diff(pathSegment(was.at), parameter.schema, 'request-parameter')
        )
      continue
    }
    const rule =
      parameter.in === 'path'
        ? 'new-request-path-parameter'
        : parameter.required
          ? 'new-required-request-parameter'
          : 'new-optional-request-parameter'
    out.add(
      rule,
      name,
      `${name} › ${label}`,
      parameter.at,
      `A ${parameter.required ? 'required' : 'optional'} ${label} was added.`
    )
  }
}

/** A path parameter keyed by its placeholder's place in the template (operations pair on the template). */
function inTemplate(key: string): boolean {
  return key.startsWith('path:#')
}

/** What an undeclared path parameter accepts: any string, as a path segment is. */
function pathSegment(operation: Located): Located {
  return { value: { type: 'string' }, file: operation.file, pointer: operation.pointer }
}

function compareBodies(
  context: Context,
  name: string,
  was: BodyModel | null,
  now: BodyModel | null
): void {
  const { out } = context
  const location = `${name} › request body`
  if (was === null && now === null) return
  if (was === null && now !== null) {
    out.add(
      now.required ? 'request-body-added-required' : 'request-body-added-optional',
      name,
      location,
      now.at,
      `A ${now.required ? 'required' : 'optional'} request body was added.`
    )
    return
  }
  if (was !== null && now === null) {
    out.add('request-body-removed', name, location, was.at, 'The request body was removed.')
    return
  }
  if (was === null || now === null) return
  if (was.required !== now.required) {
    out.add(
      now.required ? 'request-body-became-required' : 'request-body-became-optional',
      name,
      location,
      now.at,
      `The request body became ${now.required ? 'required' : 'optional'}.`
    )
  }
  compareContent(
    context,
    name,
    location,
    'request body',
    'request',
    was.content,
    now.content,
    was.at,
    now.at
  )
}

function compareResponses(
  context: Context,
  name: string,
  was: ReadonlyMap<string, ResponseModel>,
  now: ReadonlyMap<string, ResponseModel>
): void {
  const { out } = context
  for (const [status, response] of was) {
    const next = now.get(status)
    const location = `${name} › ${response.status} response`
    const success = status.startsWith('2')
    if (!next) {
      out.add(
        success ? 'response-success-status-removed' : 'response-non-success-status-removed',
        name,
        location,
        response.at,
        `The ${response.status} response was removed.`
      )
      continue
    }
    compareContent(
      context,
      name,
      location,
      `${response.status} response body`,
      'response',
      response.content,
      next.content,
      response.at,
      next.at
    )
    context.parts.response(name, location, response.at, next.at)
    for (const [key, header] of response.headers) {
      const after = next.headers.get(key)
      const headerLocation = `${location} › header ${header.name}`
      if (!after) {
        out.add(
          header.required ? 'required-response-header-removed' : 'optional-response-header-removed',
          name,
          headerLocation,
          header.at,
          `The ${header.required ? 'required' : 'optional'} response header ${header.name} was removed.`
        )
        continue
      }
      if (header.required && !after.required)
        out.add(
          'response-header-became-optional',
          name,
          headerLocation,
          after.at,
          `The response header ${header.name} became optional.`
        )
      if (header.schema && after.schema)
        reportSchema(
          context,
          name,
          headerLocation,
          `the response header ${header.name}`,
          context.differ.diff(header.schema, after.schema, 'response-header')
        )
    }
    for (const [key, header] of next.headers) {
      if (!response.headers.has(key))
        out.add(
          'response-header-added',
          name,
          `${location} › header ${header.name}`,
          header.at,
          `The response header ${header.name} was added.`
        )
    }
  }
  for (const [status, response] of now) {
    if (was.has(status)) continue
    const success = status.startsWith('2')
    out.add(
      success ? 'response-success-status-added' : 'response-non-success-status-added',
      name,
      `${name} › ${response.status} response`,
      response.at,
      `A ${response.status} response was added.`
    )
  }
}

function compareContent(
  context: Context,
  name: string,
  location: string,
  label: string,
  direction: 'request' | 'response',
  was: ReadonlyMap<string, Located | null>,
  now: ReadonlyMap<string, Located | null>,
  wasAt: Located,
  nowAt: Located
): void {
  const { out } = context
  const rule = direction === 'request' ? 'request-body-media-type' : 'response-media-type'
  for (const [media, schema] of was) {
    if (!now.has(media)) {
      out.add(
        `${rule}-removed`,
        name,
        `${location} › ${media}`,
        schema ?? wasAt,
        `The ${label} media type ${media} was removed.`
      )
      continue
    }
    const next = now.get(media) ?? null
    if (schema && next) {
      const place: SchemaPlace = direction === 'request' ? 'request-body' : 'response-body'
      reportSchema(
        context,
        name,
        `${location} › ${media}`,
        `the ${label} (${media})`,
        context.differ.diff(schema, next, place)
      )
    }
  }
  for (const [media, schema] of now) {
    if (!was.has(media))
      out.add(
        `${rule}-added`,
        name,
        `${location} › ${media}`,
        schema ?? nowAt,
        `The ${label} media type ${media} was added.`
      )
  }
}

function reportSchema(
  context: Context,
  operation: string,
  location: string,
  subject: string,
  changes: readonly SchemaChange[]
): void {
  for (const change of changes) {
    const where = change.path === '' ? location : `${location} › ${change.path}`
    const what = change.path === '' ? subject : `property ${change.path} of ${subject}`
    context.out.add(change.rule, operation, where, change.at, sentence(`${what} ${change.detail}`))
  }
}
