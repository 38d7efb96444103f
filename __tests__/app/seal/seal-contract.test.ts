import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fromManifest, loadContract } from '../../../src/app/contract/load-contract.js'
import { collectContract, withContractAnnotation } from '../../../src/app/seal/seal-contract.js'
import { sealToBundle } from '../../../src/app/seal/seal-to-bundle.js'
import { classifyContracts } from '../../../src/core/contract/classify.js'
import { parseContractPatterns, parseManifest } from '../../../src/core/contract/manifest.js'
import type { SealedArtifact } from '../../../src/core/seal.js'
import { sealErrorOf } from '../../helpers/seal-error.js'
import type { SealErrorCode } from '../../../src/core/errors.js'

const LOCAL = {
  kind: 'local',
  build: { tool: 'pkg:npm/artifact-seal@test', host: 'test', startedOn: '2026-01-01T00:00:00.000Z' }
} as const
const NOW = new Date('2026-11-28T00:00:00Z')

const OPENAPI = (version: string, _unused = '') => `openapi: 3.0.3
info: { title: shop, version: ${version} }
paths:
  /orders/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: an order
          content:
            application/json:
              schema: { $ref: 'schemas/order.yaml#/Order' }
`
const ORDER = (properties: string) =>
  `Order:\n  type: object\n  required: [id]\n  properties: { ${properties} }\n`

function writeTree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-'))
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  return root
}

/** Seals the tree with its contract, as the seal action does; returns the bundle's contract manifest path. */
async function sealWithContract(
  files: Record<string, string>,
  contract: string,
  version = ''
): Promise<{ manifestPath: string; artifact: SealedArtifact }> {
  const root = writeTree(files)
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-bundle-'))
  const { artifact, bundle } = await sealToBundle(
    {
      kind: 'paths',
      patterns: { include: [root], exclude: [] },
      baseDir: root,
      root,
      inputName: 'subject-path'
    },
    { fallbackName: 'shop', build: LOCAL, name: 'shop' },
    { outputDir: out, defaultParent: out, inputName: 'output-dir' },
    async (sealed) => {
      const collected = collectContract(sealed, {
        patterns: parseContractPatterns(contract, 'contract'),
        version,
        inputs: { contract: 'contract', version: 'contract-version' }
      })
      return {
        artifact: {
          ...sealed,
          statement: withContractAnnotation(sealed.statement, collected.manifest)
        },
        extras: {
          contract: { manifestJson: JSON.stringify(collected.manifest), files: collected.files }
        }
      }
    }
  )
  return { manifestPath: bundle.contractPath as string, artifact }
}

describe('the sealed contract', () => {
  it('is read from the sealed files, brings the files it refers to, and is recorded on the statement', async () => {
    const { manifestPath, artifact } = await sealWithContract(
      {
        'api/openapi.yaml': OPENAPI('1.4.0', ''),
        'api/schemas/order.yaml': ORDER('id: { type: string }, total: { type: number }'),
        'app.js': 'app()'
      },
      'api/*.yaml'
    )
    const manifest = parseManifest(fs.readFileSync(manifestPath, 'utf8'), manifestPath)
    expect(manifest.version).toBe('1.4.0')
    expect(manifest.files.map((f) => [f.path, f.kind])).toEqual([
      ['api/openapi.yaml', 'openapi'],
      ['api/schemas/order.yaml', 'reference']
    ])
    expect(
      fs.readFileSync(
        path.join(path.dirname(manifestPath), 'shop.contract', 'api', 'schemas', 'order.yaml'),
        'utf8'
      )
    ).toContain('total')
    expect(artifact.statement.subject[0]).toMatchObject({
      annotations: { 'artifact-seal.contract': { digest: manifest.digest, version: '1.4.0' } }
    })
  })

  it('refuses what would make the contract reach outside the artifact or be ambiguous', async () => {
    const artifactOf = async (files: Record<string, string>) => {
      const root = writeTree(files)
      const { sealSubject } = await import('../../../src/core/seal.js')
      return sealSubject(
        {
          kind: 'paths',
          patterns: { include: [root], exclude: [] },
          baseDir: root,
          root,
          inputName: 'subject-path'
        },
        { fallbackName: 'shop', build: LOCAL }
      )
    }
    const collect = (
      artifact: SealedArtifact,
      contract: string,
      code: SealErrorCode,
      version = ''
    ) =>
      sealErrorOf(
        () =>
          collectContract(artifact, {
            patterns: parseContractPatterns(contract, 'contract'),
            version,
            inputs: { contract: 'contract', version: 'contract-version' }
          }),
        code
      )
    const url = await artifactOf({
      'openapi.yaml': OPENAPI('1.0.0', '').replace(
        "'schemas/order.yaml#/Order'",
        "'https://example.com/order.yaml'"
      )
    })
    expect(collect(url, 'openapi.yaml', 'refused')).toContain(
      'has a $ref to "https://example.com/order.yaml", a URL'
    )
    const outside = await artifactOf({
      'api/openapi.yaml': OPENAPI('1.0.0', '').replace('schemas/order.yaml', '../../order.yaml')
    })
    expect(collect(outside, 'api/openapi.yaml', 'refused')).toContain('outside the artifact')
    const missing = await artifactOf({ 'openapi.yaml': OPENAPI('1.0.0', '') })
    expect(collect(missing, 'openapi.yaml', 'bad-input')).toContain(
      '"schemas/order.yaml", which is not one of the sealed files'
    )
    const schema = await artifactOf({
      'event.json': '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}'
    })
    expect(collect(schema, 'event.json', 'bad-input', '1.0.0')).toContain(
      'say whether the service produces or consumes documents of it'
    )
    expect(collect(schema, 'nothing/*.yaml', 'bad-input')).toContain(
      '"nothing/*.yaml" matches none of the sealed files'
    )
    const two = await artifactOf({
      'a.yaml': OPENAPI('1.0.0', '').replace(
        "{ $ref: 'schemas/order.yaml#/Order' }",
        '{ type: object }'
      ),
      'b.yaml': OPENAPI('2.0.0', '').replace(
        "{ $ref: 'schemas/order.yaml#/Order' }",
        '{ type: object }'
      )
    })
    expect(collect(two, '*.yaml', 'bad-input')).toContain(
      'contract-version: required here: the contract has 2 OpenAPI documents'
    )
    expect(
      sealErrorOf(() => parseContractPatterns('../secrets.yaml', 'contract'), 'bad-input')
    ).toContain('leaves the artifact')
  })

  it('refuses a bundle whose contract copy was changed, or whose manifest was edited', async () => {
    const { manifestPath } = await sealWithContract(
      { 'openapi.yaml': OPENAPI('1.0.0', ''), 'schemas/order.yaml': ORDER('id: { type: string }') },
      'openapi.yaml'
    )
    const copy = path.join(path.dirname(manifestPath), 'shop.contract', 'schemas', 'order.yaml')
    fs.appendFileSync(copy, '# edited\n')
    expect(sealErrorOf(() => fromManifest(manifestPath), 'tampered')).toContain(
      'is not the sealed contract file'
    )
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'))
    manifest.version = '9.9.9'
    manifest.files[0].sha256 = 'f'.repeat(64)
    fs.writeFileSync(manifestPath, JSON.stringify(manifest))
    expect(
      sealErrorOf(
        () => parseManifest(fs.readFileSync(manifestPath, 'utf8'), manifestPath),
        'malformed'
      )
    ).toContain('it was edited')
  })
})

describe('classifying two sealed contracts', () => {
  it(
    'says nothing changed for the same digest without reading a file, and finds a removed response property ' +
      'across files',
    async () => {
      const v1 = await sealWithContract(
        {
          'api/openapi.yaml': OPENAPI('1.4.0', ''),
          'api/schemas/order.yaml': ORDER('id: { type: string }, total: { type: number }')
        },
        'api/openapi.yaml'
      )
      const same = fromManifest(v1.manifestPath)
      expect(
        await classifyContracts(
          same,
          {
            ...same,
            read: () => {
              throw new Error('read')
            }
          },
          { now: NOW }
        )
      ).toEqual([])
      const v2 = await sealWithContract(
        {
          'api/openapi.yaml': OPENAPI('1.5.0', ''),
          'api/schemas/order.yaml': ORDER('id: { type: integer }')
        },
        'api/openapi.yaml'
      )
      const changes = await classifyContracts(
        fromManifest(v1.manifestPath),
        fromManifest(v2.manifestPath),
        { now: NOW }
      )
      expect(changes.map((c) => [c.severity, c.rule, c.operation])).toEqual(
        expect.arrayContaining([
          ['breaking', 'response-property-type-changed', 'GET /orders/{id}'],
          ['dangerous', 'response-optional-property-removed', 'GET /orders/{id}']
        ])
      )
      expect(changes[0]?.severity).toBe('breaking')
    }
  )

  it('pairs a moved contract file with the only one of its kind, and reports a removed file as breaking', async () => {
    const v1 = await sealWithContract(
      {
        'api/openapi.yaml': OPENAPI('1.0.0', ''),
        'api/schemas/order.yaml': ORDER('id: { type: string }'),
        'schema.graphql': 'type Query { order(id: ID!): String }'
      },
      'api/openapi.yaml\nschema.graphql'
    )
    const moved = writeTree({
      'openapi.yaml': OPENAPI('1.0.0', ''),
      'schemas/order.yaml': ORDER('id: { type: string }')
    })
    const changes = await classifyContracts(
      fromManifest(v1.manifestPath),
      loadContract(moved, 'after'),
      { now: NOW }
    )
    expect(changes.map((c) => [c.severity, c.rule, c.file])).toEqual([
      ['breaking', 'contract-file-removed', 'schema.graphql']
    ])
  })
})
