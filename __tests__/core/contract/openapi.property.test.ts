/**
 * Properties of the OpenAPI engine over generated mutations of the oracle corpus's
 * documents: no change against itself, nothing thrown but SealError, a removed operation
 * never compatible unless deprecated with a passed x-sunset, and direction-specific
 * severities that mirror when a change is undone.
 */
import fc from 'fast-check'
import { classifyOpenApi, type OpenApiDocument } from '../../../src/core/contract/openapi/index.js'
import { loadCases, ORACLE_NOW } from './openapi-oracle-lib.js'
import { Outcomes } from '../../helpers/outcomes.js'

const documents = loadCases()
  .filter((c) => c.expected.kind === 'openapi')
  .map((c) => c.before as OpenApiDocument)
const options = { file: 'openapi.yaml', now: ORACLE_NOW }
const METHODS = ['get', 'put', 'post', 'delete', 'patch']

type Json = Record<string, unknown>

/** Every (container, key) pair in a document, to aim mutations at. */
function slots(root: unknown): [Json | unknown[], string | number][] {
  const out: [Json | unknown[], string | number][] = []
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push([node, i])
        walk(child)
      })
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        out.push([node as Json, key])
        walk(child)
      }
    }
  }
  walk(root)
  return out
}

const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.constant({ $ref: '#/nowhere' }),
  fc.constant({ $ref: 'https://example.com/x.yaml' }),
  fc.constant([]),
  fc.constant({ type: ['null'] }),
  fc.constant({ allOf: [{ $ref: '#/components/schemas/Order' }] })
)

it('finds no change between a document and itself', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...documents),
      (document) =>
        void expect(classifyOpenApi(document, structuredClone(document), options)).toEqual([])
    )
  )
})

it('throws nothing but SealError on arbitrary mutations', () => {
  const outcomes = new Outcomes()
  fc.assert(
    fc.property(
      fc.constantFrom(...documents),
      fc.array(fc.tuple(fc.nat(), junk, fc.boolean()), { minLength: 1, maxLength: 5 }),
      (document, edits) => {
        const after = structuredClone(document) as Json
        for (const [index, value, remove] of edits) {
          const all = slots(after)
          const slot = all[index % all.length]
          if (!slot) continue
          const [container, key] = slot
          if (remove && !Array.isArray(container)) delete (container as Json)[key as string]
          // A copy: fast-check hands out the same constant object each time, and an edit inside
          // one inserted earlier would otherwise make the document contain itself.
          else (container as Json)[key as string] = structuredClone(value)
        }
        outcomes.of(() => classifyOpenApi(document, after, options))
        outcomes.of(() => classifyOpenApi(after, document, options))
      }
    ),
    { numRuns: 300 }
  )
  // Most mutations are compared; some make a document the engine refuses (a $ref to nothing).
  expect(outcomes.kinds()).toContain('value')
  expect(outcomes.kinds().length).toBeGreaterThan(1)
})

it('finds no change when the alternatives of every oneOf and anyOf are reordered', () => {
  const all = loadCases()
    .filter((c) => c.expected.kind === 'openapi')
    .flatMap((c) => [c.before, c.after] as OpenApiDocument[])
  const withChoices = all.filter((document) =>
    slots(document).some(([, key]) => key === 'oneOf' || key === 'anyOf')
  )
  expect(withChoices.length).toBeGreaterThanOrEqual(8)
  fc.assert(
    fc.property(
      fc.constantFrom(...withChoices),
      fc.infiniteStream(fc.nat()),
      (document, randomness) => {
        const after = structuredClone(document) as Json
        for (const [container, key] of slots(after)) {
          const list = (container as Json)[key as string]
          if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(list)) {
            for (let i = list.length - 1; i > 0; i--) {
              const j = (randomness.next().value as number) % (i + 1)
              ;[list[i], list[j]] = [list[j], list[i]]
            }
          }
        }
        expect(classifyOpenApi(document, after, options)).toEqual([])
      }
    ),
    { numRuns: 200 }
  )
})

function operations(document: OpenApiDocument): [string, string][] {
  const out: [string, string][] = []
  for (const [path, item] of Object.entries((document.paths ?? {}) as Json))
    for (const method of METHODS) if ((item as Json)[method]) out.push([path, method])
  return out
}

it('never calls a removed operation compatible unless it was deprecated with a passed x-sunset', () => {
  const pairs = documents.flatMap((document) =>
    operations(document).map(([path, method]) => [document, path, method] as const)
  )
  fc.assert(
    fc.property(
      fc.constantFrom(...pairs),
      fc.constantFrom(undefined, '2020-01-01', '2099-01-01', 'soon'),
      fc.boolean(),
      ([document, path, method], sunset, deprecated) => {
        const before = structuredClone(document) as { paths: Record<string, Json> }
        const operation = before.paths[path]?.[method] as Json
        // Set both outright: some corpus documents deprecate an operation already.
        if (deprecated) operation.deprecated = true
        else delete operation.deprecated
        if (sunset !== undefined) operation['x-sunset'] = sunset
        else delete operation['x-sunset']
        const after = structuredClone(before)
        delete after.paths[path]?.[method]
        const removal = classifyOpenApi(before, after, options).filter((change) =>
          change.rule.startsWith('api-')
        )
        expect(removal).toHaveLength(1)
        const allowed = deprecated && sunset === '2020-01-01'
        expect(removal[0]?.severity).toBe(allowed ? 'compatible' : 'breaking')
      }
    )
  )
})

const MIRROR: Readonly<Record<string, RegExp>> = {
  'new-required-request-parameter': /^request-parameter-removed$/,
  'new-optional-request-parameter': /^request-parameter-removed$/,
  'request-parameter-became-required': /^request-parameter-became-optional$/,
  'request-property-became-required': /^request-property-became-optional$/,
  'response-property-became-optional': /^response-property-became-required$/,
  'endpoint-added': /^api-(path-)?removed-without-deprecation$/
}

it('mirrors direction-specific severities when a change is undone', () => {
  // Each oracle case run forward and backward: adding then removing flips the verdict as the rules say.
  const forward = loadCases().filter((c) => c.expected.kind === 'openapi')
  fc.assert(
    fc.property(fc.constantFrom(...forward), (oracleCase) => {
      const there = classifyOpenApi(
        oracleCase.before as OpenApiDocument,
        oracleCase.after as OpenApiDocument,
        options
      )
      const back = classifyOpenApi(
        oracleCase.after as OpenApiDocument,
        oracleCase.before as OpenApiDocument,
        options
      )
      for (const change of there) {
        const mirror = MIRROR[change.rule]
        if (mirror)
          expect(back.some((c) => mirror.test(c.rule) && c.operation === change.operation)).toBe(
            true
          )
        // A tightened request bound undone is a loosened one: never breaking in reverse, and the
        // reverse of a safe response narrowing is breaking.
        if (
          /^request-(property|parameter|body)-(max(-length|-items)?-decreased|min(-length|-items)?-increased)$/.test(
            change.rule
          )
        ) {
          expect(
            back
              .filter((c) => c.location === change.location)
              .every((c) => c.severity !== 'breaking' || !/(increased|decreased)$/.test(c.rule))
          ).toBe(true)
        }
        if (change.rule === 'response-property-became-nullable')
          expect(back.find((c) => c.location === change.location)?.rule).toBe(
            'response-property-became-not-nullable'
          )
        if (change.rule === 'request-property-enum-value-removed')
          expect(back.find((c) => c.location === change.location)?.rule).toBe(
            'request-property-enum-value-added'
          )
        if (change.rule === 'response-property-enum-value-added')
          expect(back.find((c) => c.location === change.location)?.severity).toBe('compatible')
      }
    })
  )
})
