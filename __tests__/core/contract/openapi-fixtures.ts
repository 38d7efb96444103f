/**
 * A large OpenAPI 3.0 document and a changed copy, for the performance test and the
 * bench (`npm run bench`): about 1,000 operations and 5 MB of JSON, shaped like real
 * APIs (entity schemas behind $refs that share a few common ones, inline request
 * bodies, enums, bounds, recursive schemas), so a quadratic walk or a missing memo
 * shows up as time.
 */

type Json = Record<string, unknown>

const METHODS = ['get', 'post', 'put', 'delete'] as const

/** Shared leaf-ish schemas (money, address…) that entities refer to, chained among themselves. */
const COMMON = 40

function commonSchema(index: number): Json {
  const properties: Json = {
    code: { type: 'string', maxLength: 12 },
    label: { type: 'string' },
    kind: { type: 'string', enum: ['a', 'b', 'c'] }
  }
  if (index > 0) properties.parent = { $ref: `#/components/schemas/Common${index - 1}` }
  if (index % 10 === 0) properties.self = { $ref: `#/components/schemas/Common${index}` }
  return { type: 'object', required: ['code'], properties }
}

function schemaFor(index: number): Json {
  const properties: Json = {}
  for (let p = 0; p < 60; p++) {
    const name = `field${p}`
    if (p % 6 === 0)
      properties[name] = {
        type: 'string',
        enum: ['alpha', 'beta', 'gamma', 'delta'],
        description: `Field ${p} of entity ${index}, an enumerated state.`
      }
    else if (p % 6 === 1)
      properties[name] = {
        type: 'integer',
        minimum: 0,
        maximum: 1000 + p,
        description: `A bounded count for entity ${index}.`
      }
    else if (p % 6 === 2)
      properties[name] = { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 64 } }
    else if (p % 6 === 3)
      properties[name] = { $ref: `#/components/schemas/Common${(index + p) % COMMON}` }
    else if (p % 6 === 4)
      properties[name] = {
        type: 'string',
        format: 'date-time',
        nullable: true,
        description: 'When it last changed, if it did.'
      }
    else
      properties[name] = {
        type: 'object',
        properties: { code: { type: 'string', pattern: '^[A-Z]{3}$' }, amount: { type: 'number' } },
        required: ['code']
      }
  }
  return {
    type: 'object',
    required: ['field0', 'field1', 'field2'],
    properties,
    description: `Entity number ${index}, shared by several operations.`
  }
}

/** A document with `operations` operations (4 per path) and two shared schemas per 3 operations. */
export function largeOpenApiDocument(operations = 1000): Json {
  const schemaCount = Math.max(1, Math.floor((operations * 2) / 3))
  const schemas: Json = {}
  for (let i = 0; i < COMMON; i++) schemas[`Common${i}`] = commonSchema(i)
  for (let i = 0; i < schemaCount; i++) schemas[`Entity${i}`] = schemaFor(i)
  schemas.Tree = {
    type: 'object',
    properties: {
      name: { type: 'string' },
      children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } }
    }
  }
  const paths: Json = {}
  for (let p = 0; p < Math.ceil(operations / METHODS.length); p++) {
    const item: Json = {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 36 } }
      ]
    }
    for (const [m, method] of METHODS.entries()) {
      const index = p * METHODS.length + m
      if (index >= operations) break
      const entity = { $ref: `#/components/schemas/Entity${index % schemaCount}` }
      const operation: Json = {
        operationId: `op${index}`,
        summary: `Operation ${index} on resource ${p}`,
        description:
          'A generated operation with parameters, a body and several responses, sized like a real one.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 }
          },
          {
            name: 'state',
            in: 'query',
            schema: { type: 'string', enum: ['open', 'closed', 'archived'] }
          },
          { name: 'X-Request-Id', in: 'header', schema: { type: 'string', format: 'uuid' } }
        ],
        responses: {
          '200': {
            description: 'OK',
            headers: { 'X-Rate-Limit': { required: true, schema: { type: 'integer' } } },
            content: {
              'application/json': { schema: entity },
              'application/xml': { schema: entity }
            }
          },
          '400': {
            description: 'Invalid request',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['message'],
                  properties: {
                    message: { type: 'string', maxLength: 2000 },
                    fields: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          name: { type: 'string' },
                          problem: { type: 'string', enum: ['missing', 'invalid', 'too-long'] }
                        }
                      }
                    }
                  }
                }
              }
            }
          },
          '404': {
            description: 'Not found',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    message: { type: 'string' },
                    tree: { $ref: '#/components/schemas/Tree' }
                  }
                }
              }
            }
          }
        }
      }
      if (method === 'post' || method === 'put') {
        operation.requestBody = {
          required: true,
          content: {
            'application/json': {
              schema: {
                allOf: [
                  entity,
                  {
                    type: 'object',
                    properties: {
                      note: { type: 'string', maxLength: 500 },
                      tags: { type: 'array', items: { type: 'string' } }
                    }
                  }
                ]
              }
            }
          }
        }
      }
      item[method] = operation
    }
    paths[`/resources${p}/{id}`] = item
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Large', version: '1.0.0' },
    paths,
    components: { schemas }
  }
}

/**
 * A copy with changes spread through it: shared schemas amended (each change then shows
 * in every operation that uses them), parameters added, operations removed.
 */
export function changedCopy(document: Json): Json {
  const copy = structuredClone(document) as {
    paths: Record<string, Record<string, Json>>
    components: { schemas: Record<string, Json> }
  }
  const schemaNames = Object.keys(copy.components.schemas).filter((name) =>
    name.startsWith('Entity')
  )
  schemaNames.forEach((name, i) => {
    const properties = copy.components.schemas[name]?.properties as Record<string, Json>
    if (i % 10 === 0) (properties.field0?.enum as string[]).push('epsilon')
    if (i % 10 === 1) delete properties.field5
    if (i % 10 === 2 && properties.field1) properties.field1.maximum = 5000
  })
  const common = copy.components.schemas.Common7?.properties as Record<string, Json>
  ;(common.kind?.enum as string[]).push('d')
  Object.keys(copy.paths).forEach((path, i) => {
    const item = copy.paths[path] as Record<string, Json>
    if (i % 25 === 0) delete item.delete
    if (i % 20 === 1 && item.get)
      (item.get.parameters as Json[]).push({
        name: 'tenant',
        in: 'query',
        required: true,
        schema: { type: 'string' }
      })
  })
  return copy
}
