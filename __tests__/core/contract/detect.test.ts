import { afterAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { detectContractKind } from '../../../src/core/contract/detect.js'
import { SealError } from '../../../src/core/errors.js'
import { removeAll } from '../../helpers/trees.js'
import { sealErrorOf } from '../../helpers/seal-error.js'

afterAll(removeAll)

describe('detectContractKind', () => {
  it(
    'reads a .json file as the YAML reading of the same text does (JSON.parse first, for speed): same kind, ' +
      'versions and refusals',
    () => {
      const version = fc.oneof(
        fc.constantFrom('2.0', '2', '3.0.3', '3.1.0', '3.0', '4.0.0', ' 3.1.0 ', '', '3.1.0-rc1'),
        fc.string({ maxLength: 6 }),
        fc.integer(),
        fc.constant(null),
        fc.constant({})
      )
      const doc = fc.record(
        {
          swagger: version,
          openapi: version,
          info: fc.oneof(
            fc.record({ title: fc.string({ maxLength: 4 }), version }, { requiredKeys: [] }),
            fc.constant(null),
            fc.constant([])
          ),
          $schema: fc.oneof(
            fc.constant('https://json-schema.org/draft/2020-12/schema'),
            fc.integer()
          ),
          type: fc.oneof(
            fc.constantFrom('object', 'array', 'nope'),
            fc.array(fc.constantFrom('string', 'null', 'x'), { maxLength: 3 })
          ),
          properties: fc.oneof(fc.constant({}), fc.constant([]), fc.constant('x')),
          $defs: fc.oneof(fc.constant({}), fc.constant(1)),
          paths: fc.constant({})
        },
        { requiredKeys: [] }
      )
      const outcome = (file: string, text: string): unknown => {
        try {
          return detectContractKind(file, text)
        } catch (error) {
          return { refused: (error as Error).message.replace(file, 'FILE') }
        }
      }
      fc.assert(
        fc.property(fc.oneof(doc, fc.jsonValue()), fc.boolean(), (value, pretty) => {
          const text = JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null'
          expect(outcome('api/contract.json', text)).toEqual(outcome('api/contract.yaml', text))
        }),
        { numRuns: 2000 }
      )
      // Objects written by hand, with keys that may repeat (escaped or not) at any depth: refused alike.
      const key = fc.constantFrom('openapi', 'info', 'version', 'a', 'a\\u0062', 'ab', 'x"y')
      const text: fc.Arbitrary<string> = fc.letrec((tie) => ({
        value: fc.oneof(
          { depthSize: 'small' },
          fc.constantFrom('"3.1.0"', '1', 'null', '"{\\"a\\":1}"', '[]'),
          tie('object'),
          fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`)
        ),
        object: fc
          .array(fc.tuple(key, tie('value')), { maxLength: 4 })
          .map(
            (pairs) =>
              `{${pairs.map(([k, v]) => `${JSON.stringify(k).replace('\\\\u0062', '\\u0062')}: ${v}`).join(', ')}}`
          )
      })).object as fc.Arbitrary<string>
      fc.assert(
        fc.property(text, (written) => {
          JSON.parse(written)
          expect(outcome('api/contract.json', written)).toEqual(
            outcome('api/contract.yaml', written)
          )
        }),
        { numRuns: 2000 }
      )
    }
  )

  it('reads the OpenAPI version from swagger / openapi, YAML or JSON, and info.version', () => {
    expect(
      detectContractKind(
        'api/openapi.yaml',
        'openapi: 3.0.3\ninfo:\n  title: Shop\n  version: 1.4.0\npaths: {}\n'
      )
    ).toEqual({
      kind: 'openapi',
      openapiVersion: '3.0',
      version: '1.4.0'
    })
    expect(
      detectContractKind(
        'api/openapi.json',
        '{"openapi": "3.1.0", "info": {"title": "Shop", "version": "2.0.0-rc.1"}}'
      )
    ).toEqual({
      kind: 'openapi',
      openapiVersion: '3.1',
      version: '2.0.0-rc.1'
    })
    expect(
      detectContractKind('swagger.json', '{"swagger": "2.0", "info": {"version": "7"}}')
    ).toEqual({ kind: 'openapi', openapiVersion: '2.0', version: '7' })
    expect(detectContractKind('openapi.yml', 'openapi: 3.1.1\npaths: {}\n')).toEqual({
      kind: 'openapi',
      openapiVersion: '3.1'
    })
  })

  it('keeps a version written as a YAML number as written', () => {
    expect(detectContractKind('openapi.yaml', 'openapi: 3.0\ninfo:\n  version: 1.10\n')).toEqual({
      kind: 'openapi',
      openapiVersion: '3.0',
      version: '1.10'
    })
    expect(detectContractKind('swagger.yaml', 'swagger: 2.0\n')).toEqual({
      kind: 'openapi',
      openapiVersion: '2.0'
    })
  })

  it('refuses OpenAPI versions it does not classify', () => {
    expect(
      sealErrorOf(() => detectContractKind('openapi.yaml', 'openapi: 4.0.0\n'), 'unrecognized')
    ).toMatch(
      /^openapi\.yaml: "openapi" is "4\.0\.0", not a supported OpenAPI version\. Supported: /
    )
    expect(
      sealErrorOf(() => detectContractKind('swagger.yaml', 'swagger: "1.2"\n'), 'unrecognized')
    ).toMatch(/"swagger" is "1\.2"/)
    expect(
      sealErrorOf(
        () => detectContractKind('both.yaml', 'swagger: "2.0"\nopenapi: 3.0.0\n'),
        'unrecognized'
      )
    ).toMatch(/both a "swagger" and an "openapi" key/)
  })

  it('recognises JSON Schema by $schema or a top-level type, properties or $defs', () => {
    expect(
      detectContractKind(
        'events/order.json',
        '{"$schema": "https://json-schema.org/draft/2020-12/schema"}'
      )
    ).toEqual({ kind: 'jsonschema' })
    expect(detectContractKind('order.schema.yaml', 'type: object\n')).toEqual({
      kind: 'jsonschema'
    })
    expect(detectContractKind('order.schema.json', '{"type": ["string", "null"]}')).toEqual({
      kind: 'jsonschema'
    })
    expect(
      detectContractKind('order.schema.json', '{"properties": {"id": {"type": "string"}}}')
    ).toEqual({ kind: 'jsonschema' })
    expect(detectContractKind('defs.json', '{"$defs": {}}')).toEqual({ kind: 'jsonschema' })
  })

  it('recognises GraphQL and protobuf by extension', () => {
    expect(detectContractKind('schema.graphql', 'type Query { a: Int }')).toEqual({
      kind: 'graphql'
    })
    expect(detectContractKind('schema.GQL', '')).toEqual({ kind: 'graphql' })
    expect(detectContractKind('proto/shop.proto', 'syntax = "proto3";')).toEqual({
      kind: 'protobuf'
    })
  })

  it('an unreadable YAML or JSON document names file:line:col', () => {
    expect(
      sealErrorOf(
        () => detectContractKind('api/openapi.yaml', 'openapi: 3.1.0\ninfo: [\n'),
        'malformed'
      )
    ).toMatch(/^api\/openapi\.yaml:3:1: the document cannot be read as YAML or JSON: /)
    expect(
      sealErrorOf(
        () =>
          detectContractKind(
            'api/openapi.json',
            '{\n  "openapi": "3.1.0",\n  "openapi": "3.1.0"\n}'
          ),
        'malformed'
      )
    ).toMatch(/^api\/openapi\.json:3:3: .*duplicated mapping key/)
    expect(
      sealErrorOf(
        () =>
          detectContractKind(
            'api/openapi.json',
            '{"openapi": "3.1.0", "info": {"ab": 1, "a\\u0062": 2}}'
          ),
        'malformed'
      )
    ).toMatch(/^api\/openapi\.json:1:\d+: .*duplicated mapping key/)
  })

  it('anything else is a SealError naming the file and the kinds', () => {
    const kinds =
      /OpenAPI 2\.0\/3\.0\/3\.1 document .* JSON Schema .* GraphQL SDL \(\.graphql, \.gql\) or protobuf \(\.proto\)/
    expect(sealErrorOf(() => detectContractKind('README.md', '# Shop\n'), 'unrecognized')).toMatch(
      kinds
    )
    expect(sealErrorOf(() => detectContractKind('README.md', '# Shop\n'), 'unrecognized')).toMatch(
      /^"README\.md" is not a contract file/
    )
    expect(
      sealErrorOf(
        () => detectContractKind('config.yaml', 'replicas: 3\ntype: deployment\n'),
        'unrecognized'
      )
    ).toMatch(
      /^"config\.yaml" is not a contract file: it has no "swagger", "openapi" or JSON Schema keys/
    )
    expect(sealErrorOf(() => detectContractKind('list.json', '[1, 2]'), 'unrecognized')).toMatch(
      /its top level is not a mapping/
    )
    expect(sealErrorOf(() => detectContractKind('notes.txt', 'a: [\n'), 'unrecognized')).toMatch(
      /^"notes\.txt" is not a contract file\./
    )
  })

  it('never throws anything but a SealError, whatever the text', () => {
    const tokens = [
      'openapi',
      'swagger',
      'info',
      'version',
      '$schema',
      'type',
      'properties',
      '$defs',
      ':',
      ': ',
      '- ',
      '{',
      '}',
      '[',
      ']',
      ',',
      '"',
      "'",
      '3.0.0',
      '3.1',
      '2.0',
      '2',
      'object',
      '\n',
      '\n  ',
      '&a',
      '*a',
      '!!str',
      '---\n',
      '#',
      '\t',
      '%YAML 1.2\n',
      '? ',
      'null',
      '~'
    ]
    const texts = fc.oneof(
      fc.string(),
      fc.array(fc.constantFrom(...tokens), { maxLength: 30 }).map((t) => t.join(''))
    )
    const paths = fc.constantFrom('a.yaml', 'a.json', 'a.yml', 'a.txt', 'a', 'a.graphql', 'a.proto')
    fc.assert(
      fc.property(paths, texts, (file, text) => {
        try {
          const detected = detectContractKind(file, text)
          expect(['openapi', 'jsonschema', 'graphql', 'protobuf']).toContain(detected.kind)
        } catch (error) {
          if (!(error instanceof SealError))
            throw new Error(`threw ${String(error)} instead of a SealError`, { cause: error })
        }
      }),
      { numRuns: 500 }
    )
  })
})
