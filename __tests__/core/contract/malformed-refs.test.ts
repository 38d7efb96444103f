/**
 * A malformed `$ref` never crashes the seal or the diff: it is a SealError that names the
 * file and quotes the ref, wherever refs are decoded (the engine's resolver, the seal's
 * search for referenced files, `contract diff` on files).
 */
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadContract } from '../../../src/app/contract/load-contract.js'
import { collectContract } from '../../../src/app/seal/seal-contract.js'
import { classifyContracts } from '../../../src/core/contract/classify.js'
import { parseContractPatterns } from '../../../src/core/contract/manifest.js'
import { classifyJsonSchema, classifyOpenApi } from '../../../src/core/contract/openapi/index.js'
import { sealSubject } from '../../../src/core/seal.js'
import { sealErrorOf } from '../../helpers/seal-error.js'
import { removeAll, tempDir, writeTree } from '../../helpers/trees.js'

afterAll(removeAll)

const NOW = new Date('2026-11-27T00:00:00Z')
const MALFORMED = [
  '%zz',
  'schemas%zz.yaml#/A',
  '#%zz',
  '#/components/schemas/%E0%A4%A',
  '#/components/schemas/A~2',
  '',
  '#'
]

const document = (ref: string) => ({
  openapi: '3.0.3',
  info: { title: 'shop', version: '1.0.0' },
  paths: {
    '/a': {
      get: {
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': { schema: { type: 'object', properties: { p: { $ref: ref } } } }
            }
          }
        }
      }
    }
  },
  components: { schemas: { A: { type: 'string' } } }
})

const yamlOf = (ref: string) =>
  'openapi: 3.0.3\ninfo: {title: shop, version: 1.0.0}\npaths:\n  /a:\n    get:\n      responses:\n        ' +
  `'200':\n          description: ok\n          content:\n            ` +
  'application/json:\n              schema: {type: object, properties: {p: ' +
  `{$ref: ${JSON.stringify(ref)}}}}\ncomponents:\n  schemas:\n    A: {type: ` +
  'string}\n'

describe('a malformed $ref', () => {
  it.each(MALFORMED)('%j is a SealError naming the file and the ref in the engine', (ref) => {
    const message = sealErrorOf(
      () =>
        classifyOpenApi(document('#/components/schemas/A'), document(ref), {
          file: 'api/openapi.yaml',
          now: NOW,
          readExternal: () => ({})
        }),
      'malformed'
    )
    expect(
      message.startsWith(`api/openapi.yaml: the $ref ${JSON.stringify(ref)} at /paths/~1a/`)
    ).toBe(true)
  })

  it('in a standalone JSON Schema, "#" is the schema itself (recursion), not an error', () => {
    const before = {
      type: 'object',
      properties: { child: { $ref: '#' }, name: { type: 'string' } },
      required: ['name']
    }
    const after = { type: 'object', properties: { child: { $ref: '#' } } }
    const changes = classifyJsonSchema(before, after, { file: 'tree.json', role: 'produces' })
    expect(changes.map((c) => `${c.rule} ${c.location}`)).toEqual([
      'response-required-property-removed child.name',
      'response-required-property-removed name'
    ])
  })

  it('a %-escape in the file part names the file as the seal reads it', () => {
    const message = sealErrorOf(
      () =>
        classifyOpenApi(document('#/components/schemas/A'), document('my%20schemas.yaml#/A'), {
          file: 'api/openapi.yaml',
          now: NOW
        }),
      'malformed'
    )
    expect(message).toContain('refers to another file, "api/my schemas.yaml"')
  })

  it.each(['%zz', 'schemas%zz.yaml#/A'])(
    '%j is a SealError at the seal, naming the contract file and the ref',
    async (ref) => {
      const root = writeTree(tempDir(), { 'api/openapi.yaml': yamlOf(ref) })
      const artifact = await sealSubject(
        {
          kind: 'paths',
          patterns: { include: [root], exclude: [] },
          baseDir: root,
          root,
          inputName: 'subject-path'
        },
        {
          fallbackName: 'shop',
          build: {
            kind: 'local',
            build: {
              tool: 'pkg:npm/artifact-seal@test',
              host: 'test',
              startedOn: '2026-01-01T00:00:00.000Z'
            }
          }
        }
      )
      const message = sealErrorOf(
        () =>
          collectContract(artifact, {
            patterns: parseContractPatterns('api/openapi.yaml', 'contract'),
            version: '',
            inputs: { contract: 'contract', version: 'contract-version' }
          }),
        'malformed'
      )
      expect(message).toContain(
        `"api/openapi.yaml" has a $ref ${JSON.stringify(ref)} with a malformed %-escape`
      )
    }
  )

  it.each(MALFORMED)(
    '%j is a SealError in contract diff on files, naming the file and the ref',
    async (ref) => {
      const before = writeTree(tempDir(), { 'openapi.yaml': yamlOf('#/components/schemas/A') })
      const after = writeTree(tempDir(), { 'openapi.yaml': yamlOf(ref) })
      let message = ''
      try {
        await classifyContracts(loadContract(before, 'before'), loadContract(after, 'after'), {
          now: NOW
        })
      } catch (error) {
        expect(error).toBeInstanceOf(Error)
        expect((error as Error).name).toBe('SealError')
        message = (error as Error).message
      }
      // A bad escape in the file part stops the reading of the referenced files, before the comparison walks to it.
      const named = [
        `openapi.yaml: the $ref ${JSON.stringify(ref)} at `,
        `after: "openapi.yaml" has a $ref ${JSON.stringify(ref)} with a malformed %-escape`
      ]
      expect(named.some((start) => message.startsWith(start))).toBe(true)
    }
  )
})
