import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' }
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const API = (version: string, orderSchema: string) => `openapi: 3.1.0
info: { title: shop, version: ${version} }
paths:
  /orders/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: an order
          content: { application/json: { schema: ${orderSchema} } }
`

describe('artifact-seal contract diff (the bundled CLI)', () => {
  it(
    'seals a contract with the artifact, then classifies a later version against the seal bundle: exit 1 on a ' +
      'breaking change',
    () => {
      const dir = tempDir()
      writeTree(path.join(dir, 'v1'), {
        'app.js': 'v1',
        'api/openapi.yaml': API(
          '1.0.0',
          '{ type: object, required: [id, total], properties: { id: { type: string }, total: { type: number } } }'
        )
      })
      writeTree(path.join(dir, 'v2'), {
        'app.js': 'v2',
        'api/openapi.yaml': API(
          '1.1.0',
          '{ type: object, required: [id], properties: { id: { type: string } } }'
        )
      })
      writeTree(path.join(dir, 'v3'), {
        'app.js': 'v3',
        'api/openapi.yaml': API(
          '1.2.0',
          '{ type: object, required: [id, total], properties: { id: { type: string }, total: { type: number }, ' +
            'note: { type: string } } }'
        )
      })
      const sealed = cli(
        ['seal', 'v1', '--contract', 'api/openapi.yaml', '--json', '--out', 'bundle'],
        dir
      )
      expect(sealed.stderr).toBe('')
      expect(JSON.parse(sealed.stdout)).toMatchObject({
        contractVersion: '1.0.0',
        contractDigest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
      })
      expect(fs.existsSync(path.join(dir, 'bundle', 'v1.contract', 'api', 'openapi.yaml'))).toBe(
        true
      )

      const breaking = cli(['contract', 'diff', 'bundle', 'v2/api/openapi.yaml', '--json'], dir)
      expect(breaking.code).toBe(1)
      const json = JSON.parse(breaking.stdout)
      expect(json.before).toEqual({
        digest: JSON.parse(sealed.stdout).contractDigest,
        version: '1.0.0'
      })
      expect(json.after.version).toBe('1.1.0')
      expect(json.changes).toContainEqual(
        expect.objectContaining({
          rule: 'response-required-property-removed',
          severity: 'breaking',
          kind: 'openapi'
        })
      )
      for (const change of json.changes)
        expect(Object.keys(change).sort()).toEqual([
          'kind',
          'location',
          'message',
          'rule',
          'severity'
        ])

      const text = cli(['contract', 'diff', 'bundle', 'v2/api/openapi.yaml'], dir)
      expect(text.code).toBe(1)
      expect(text.stdout).toContain('Contract 1.0.0 → 1.1.0: 1 breaking')
      expect(text.stdout).toMatch(
        /GET \/orders\/\{id\}\n {2}breaking {3}response-required-property-removed/
      )

      const compatible = cli(['contract', 'diff', 'bundle', 'v3/api'], dir)
      expect(compatible.stderr).toBe('')
      expect(compatible.code).toBe(0)
      expect(compatible.stdout).toContain('0 breaking, 0 dangerous, 1 compatible')
    }
  )

  it(
    'the seal action seals the contract: outputs, the manifest and the copies in the bundle, the statement ' +
      'annotated; bad input names the file',
    async () => {
      const workspace = writeTree(tempDir('workspace-'), {
        'dist/app.js': 'app()',
        'dist/api/openapi.yaml': API('3.2.1', "{ $ref: 'schemas.yaml#/Order' }"),
        'dist/api/schemas.yaml': 'Order: { type: object, properties: { id: { type: string } } }\n',
        'dist/api/events.json':
          '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}'
      })
      const run = await runAction(
        'dist/seal/index.js',
        { 'subject-path': 'dist', contract: 'api/openapi.yaml\nproduces: api/events.json' },
        { workspace }
      )
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect(run.outputs).toMatchObject({
        'contract-version': '3.2.1',
        'contract-digest': expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
      })
      const sealDir = run.outputs['seal-dir'] as string
      const manifest = JSON.parse(fs.readFileSync(path.join(sealDir, 'dist.contract.json'), 'utf8'))
      expect(
        manifest.files.map((f: { path: string; kind: string; role: string | null }) => [
          f.path,
          f.kind,
          f.role
        ])
      ).toEqual([
        ['api/events.json', 'jsonschema', 'produces'],
        ['api/openapi.yaml', 'openapi', null],
        ['api/schemas.yaml', 'reference', null]
      ])
      expect(
        fs.readFileSync(path.join(sealDir, 'dist.contract', 'api', 'schemas.yaml'), 'utf8')
      ).toContain('Order')
      const statement = JSON.parse(fs.readFileSync(run.outputs['statement-path'] as string, 'utf8'))
      expect(statement.subject[0].annotations['artifact-seal.contract']).toEqual({
        digest: run.outputs['contract-digest'],
        version: '3.2.1',
        format: 'artifact-seal/contract/v2'
      })
      expect(run.summary).toContain('| Contract | `3.2.1` (jsonschema, openapi, 3 files)')

      const bad = await runAction(
        'dist/seal/index.js',
        { 'subject-path': 'dist', contract: 'api/events.json' },
        { workspace }
      )
      expect(bad.code).toBe(1)
      expect(bad.stdout).toContain(
        '::error::contract: "api/events.json" is a JSON Schema; say whether the service produces or consumes'
      )
      expect(bad.outputs).toEqual({})
      expect(fs.existsSync(path.join(bad.temp, 'artifact-seal'))).toBe(false)
    }
  )

  it('names a bad argument and exits 2', () => {
    const dir = tempDir()
    expect(cli(['contract', 'diff', 'nothing.yaml', 'other.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('contract diff <before>: cannot read')
    })
    expect(cli(['contract', 'frobnicate'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown subcommand "frobnicate"')
    })
    writeTree(dir, { 'openapi.yaml': API('1.0.0', '{ type: object }') })
    expect(cli(['seal', '.', '--contract', 'missing.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--contract: "missing.yaml" matches none of the sealed files')
    })
  })
})
