/**
 * Reads the operations of an OpenAPI 2.0 or 3.x document into one model, so the
 * comparison does not care which version wrote them: a 2.0 `in: body` parameter becomes a
 * request body with the `consumes` media types, a 2.0 response `schema` one entry per
 * `produces` media type.
 */
import { SealError } from '../../errors.js'
import type { Located, RefResolver } from './refs.js'
import { isRecord } from '../../json-shape.js'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

export interface ParameterModel {
  readonly in: string
  readonly name: string
  readonly required: boolean
  readonly schema: Located | null
  readonly at: Located
}

export interface BodyModel {
  readonly required: boolean
  readonly content: ReadonlyMap<string, Located | null>
  readonly at: Located
}

export interface HeaderModel {
  readonly name: string
  readonly required: boolean
  /** 3.x: its `schema`; 2.0: the header itself (its type keywords are inline). */
  readonly schema: Located | null
  readonly at: Located
}

export interface ResponseModel {
  readonly status: string
  readonly content: ReadonlyMap<string, Located | null>
  readonly headers: ReadonlyMap<string, HeaderModel>
  readonly at: Located
}

export interface OperationModel {
  /** `GET /orders/{id}`, as the document writes the path. */
  readonly name: string
  /** The path with its parameter names blanked: renaming `{id}` to `{orderId}` is the same operation. */
  readonly path: string
  readonly at: Located
  /** The path item (or webhook, or callback expression) it is in. */
  readonly item: Located
  readonly deprecated: boolean
  readonly sunset: unknown
  readonly parameters: ReadonlyMap<string, ParameterModel>
  readonly body: BodyModel | null
  readonly responses: ReadonlyMap<string, ResponseModel>
  /** 3.x `callbacks`: the requests the API makes to the client, keyed `name expression METHOD`. */
  readonly callbacks: ReadonlyMap<string, OperationModel>
}

export type OpenApiMajor = 2 | 3

/** 2 for `swagger: "2.0"`, 3 for `openapi: 3.0.x / 3.1.x`; anything else is an error naming the file. */
export function openApiMajor(document: unknown, label: string): OpenApiMajor {
  if (!isRecord(document))
    throw new SealError(
      'malformed',
      `${label}: the OpenAPI document is not a mapping. Give a document with a "swagger" or "openapi" key.`
    )
  const swagger = document.swagger
  const openapi = document.openapi
  if (swagger !== undefined && String(swagger).startsWith('2')) return 2
  if (openapi !== undefined && /^3\.[01](\.|$)/.test(String(openapi))) return 3
  throw new SealError(
    'unrecognized',
    `${label}: not an OpenAPI 2.0, 3.0 or 3.1 document (swagger: ${String(swagger)}, openapi: ${String(openapi)}). Supported: swagger: "2.0", openapi: "3.0.x" and ` +
      '"3.1.x".'
  )
}

/** Operations keyed by `METHOD /path/{}`, the key used to pair them across versions. */
export function readOperations(
  refs: RefResolver,
  major: OpenApiMajor
): Map<string, OperationModel> {
  const root = refs.at('')
  const out = new Map<string, OperationModel>()
  const paths = refs.child(root, 'paths')
  if (!isRecord(paths.value)) return out
  for (const path of Object.keys(paths.value)) {
    const blank = path.replace(/\{[^}]*\}/g, '{}')
    for (const operation of readPathItem(
      refs,
      major,
      refs.child(paths, path),
      path,
      (method) => `${method} ${path}`
    ))
      out.set(`${operation.method} ${blank}`, operation.model)
  }
  return out
}

/**
 * OpenAPI 3.1 `webhooks`: requests the API sends to its subscribers, keyed
 * `name METHOD`. Named `POST webhook:<name>`, as oasdiff names them.
 */
export function readWebhooks(refs: RefResolver, major: OpenApiMajor): Map<string, OperationModel> {
  const out = new Map<string, OperationModel>()
  const webhooks = refs.child(refs.at(''), 'webhooks')
  if (major !== 3 || !isRecord(webhooks.value)) return out
  for (const name of Object.keys(webhooks.value)) {
    for (const operation of readPathItem(
      refs,
      major,
      refs.child(webhooks, name),
      '',
      (method) => `${method} webhook:${name}`,
      false
    ))
      out.set(`${name} ${operation.method}`, operation.model)
  }
  return out
}

/** The operations of one path item (a path, a webhook, a callback expression), with the item's shared parameters. */
function readPathItem(
  refs: RefResolver,
  major: OpenApiMajor,
  itemAt: Located,
  path: string,
  nameOf: (method: string) => string,
  withCallbacks = true
): { method: string; model: OperationModel }[] {
  const item = refs.follow(itemAt)
  if (!isRecord(item.value)) return []
  const placeholders = [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? '')
  const shared = readParameters(refs, refs.child(item, 'parameters'), placeholders)
  const blank = path.replace(/\{[^}]*\}/g, '{}')
  const out: { method: string; model: OperationModel }[] = []
  for (const method of METHODS) {
    const at = refs.child(item, method)
    if (!isRecord(at.value)) continue
    const operation = at.value
    const own = readParameters(refs, refs.child(at, 'parameters'), placeholders)
    const all = new Map([...shared, ...own])
    const reader = major === 2 ? readSwaggerOperation : readOpenApi3Operation
    const { parameters, body, responses } = reader(refs, refs.at(''), at, all)
    out.push({
      method: method.toUpperCase(),
      model: {
        name: nameOf(method.toUpperCase()),
        path: blank,
        at,
        item,
        deprecated: operation.deprecated === true,
        sunset: operation['x-sunset'],
        parameters,
        body,
        responses,
        // Callbacks of a callback or a webhook are not read (a $ref could make them endless); the
        // uncompared-parts check names them.
        callbacks: major === 3 && withCallbacks ? readCallbacks(refs, major, at) : new Map()
      }
    })
  }
  return out
}

function readCallbacks(
  refs: RefResolver,
  major: OpenApiMajor,
  operation: Located
): Map<string, OperationModel> {
  const out = new Map<string, OperationModel>()
  const callbacks = refs.child(operation, 'callbacks')
  if (!isRecord(callbacks.value)) return out
  for (const name of Object.keys(callbacks.value)) {
    const callback = refs.follow(refs.child(callbacks, name))
    if (!isRecord(callback.value)) continue
    for (const expression of Object.keys(callback.value)) {
      for (const { method, model } of readPathItem(
        refs,
        major,
        refs.child(callback, expression),
        '',
        (m) => `${m} callback ${name} ${expression}`,
        false
      )) {
        out.set(`${name} ${expression} ${method}`, model)
      }
    }
  }
  return out
}

function readParameters(
  refs: RefResolver,
  list: Located,
  placeholders: readonly string[]
): Map<string, Located> {
  const out = new Map<string, Located>()
  if (!Array.isArray(list.value)) return out
  for (let index = 0; index < list.value.length; index++) {
    const parameter = refs.follow(refs.child(list, index))
    if (!isRecord(parameter.value)) continue
    const { in: where, name } = parameter.value
    if (typeof where !== 'string' || typeof name !== 'string') continue
    out.set(parameterKey(where, name, placeholders), parameter)
  }
  return out
}

/**
 * Header names are case-insensitive; a path parameter is its place in the path, so
 * renaming `{id}` to `{orderId}` changes nothing a client sends.
 */
function parameterKey(where: string, name: string, placeholders: readonly string[]): string {
  if (where === 'path' && placeholders.includes(name)) return `path:#${placeholders.indexOf(name)}`
  return `${where}:${where === 'header' ? name.toLowerCase() : name}`
}

interface OperationParts {
  parameters: Map<string, ParameterModel>
  body: BodyModel | null
  responses: Map<string, ResponseModel>
}

function readOpenApi3Operation(
  refs: RefResolver,
  _root: Located,
  at: Located,
  all: Map<string, Located>
): OperationParts {
  const parameters = new Map<string, ParameterModel>()
  for (const [key, parameter] of all) {
    const value = parameter.value as Record<string, unknown>
    let schema: Located | null = isRecord(value.schema) ? refs.child(parameter, 'schema') : null
    if (schema === null && isRecord(value.content)) {
      const media = Object.keys(value.content)[0]
      if (media !== undefined) schema = refs.child(parameter, 'content', media, 'schema')
    }
    parameters.set(key, {
      in: String(value.in),
      name: String(value.name),
      required: value.in === 'path' || value.required === true,
      schema,
      at: parameter
    })
  }
  let body: BodyModel | null = null
  const requestBody = refs.follow(refs.child(at, 'requestBody'))
  if (isRecord(requestBody.value)) {
    body = {
      required: requestBody.value.required === true,
      content: readContent(refs, refs.child(requestBody, 'content')),
      at: requestBody
    }
  }
  const responses = new Map<string, ResponseModel>()
  const list = refs.child(at, 'responses')
  if (isRecord(list.value)) {
    for (const status of Object.keys(list.value)) {
      const response = refs.follow(refs.child(list, status))
      if (!isRecord(response.value)) continue
      const headers = new Map<string, HeaderModel>()
      const headerList = refs.child(response, 'headers')
      if (isRecord(headerList.value)) {
        for (const name of Object.keys(headerList.value)) {
          const header = refs.follow(refs.child(headerList, name))
          const schema =
            isRecord(header.value) && isRecord(header.value.schema)
              ? refs.child(header, 'schema')
              : null
          headers.set(name.toLowerCase(), {
            name,
            required: isRecord(header.value) && header.value.required === true,
            schema,
            at: header
          })
        }
      }
      responses.set(status.toUpperCase(), {
        status,
        content: readContent(refs, refs.child(response, 'content')),
        headers,
        at: response
      })
    }
  }
  return { parameters, body, responses }
}

function readContent(refs: RefResolver, content: Located): Map<string, Located | null> {
  const out = new Map<string, Located | null>()
  if (!isRecord(content.value)) return out
  for (const media of Object.keys(content.value)) {
    const entry = refs.child(content, media)
    out.set(
      media.toLowerCase(),
      isRecord(entry.value) && entry.value.schema !== undefined ? refs.child(entry, 'schema') : null
    )
  }
  return out
}

function mediaTypes(value: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(value) && value.length > 0
    ? value.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase())
    : [...fallback]
}

function readSwaggerOperation(
  refs: RefResolver,
  root: Located,
  at: Located,
  all: Map<string, Located>
): OperationParts {
  const document = root.value as Record<string, unknown>
  const operation = at.value as Record<string, unknown>
  const consumes = mediaTypes(operation.consumes ?? document.consumes, ['application/json'])
  const produces = mediaTypes(operation.produces ?? document.produces, ['application/json'])
  const parameters = new Map<string, ParameterModel>()
  let body: BodyModel | null = null
  for (const [key, parameter] of all) {
    const value = parameter.value as Record<string, unknown>
    const name = String(value.name)
    if (value.in === 'body') {
      const schema = refs.child(parameter, 'schema')
      body = {
        required: value.required === true,
        content: new Map(consumes.map((media) => [media, isRecord(schema.value) ? schema : null])),
        at: parameter
      }
    } else {
      // A 2.0 parameter carries its own schema keywords (type, enum, maxLength…) inline;
      // formData fields stay parameters, as oasdiff reads them, so the rule ids match.
      parameters.set(key, {
        in: String(value.in),
        name,
        required: value.in === 'path' || value.required === true,
        schema: parameter,
        at: parameter
      })
    }
  }
  const responses = new Map<string, ResponseModel>()
  const list = refs.child(at, 'responses')
  if (isRecord(list.value)) {
    for (const status of Object.keys(list.value)) {
      const response = refs.follow(refs.child(list, status))
      if (!isRecord(response.value)) continue
      const schema = refs.child(response, 'schema')
      const content = new Map<string, Located | null>(
        isRecord(schema.value) ? produces.map((media) => [media, schema]) : []
      )
      const headers = new Map<string, HeaderModel>()
      const headerList = refs.child(response, 'headers')
      if (isRecord(headerList.value)) {
        for (const name of Object.keys(headerList.value))
          headers.set(name.toLowerCase(), {
            name,
            required: false,
            schema: refs.child(headerList, name),
            at: refs.child(headerList, name)
          })
      }
      responses.set(status.toUpperCase(), { status, content, headers, at: response })
    }
  }
  return { parameters, body, responses }
}
