import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { runAction, runPost } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import { ensureFileLedger } from '../helpers/file-ledger.js'

afterAll(removeAll)

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const POLICY =
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    contract:\n      breaking: require-major\n'

const API = (version: string, fields: string[]) =>
  `openapi: 3.0.3\ninfo: { title: shop, version: ${version} }\npaths:\n  /orders/{id}:\n    get:\n      ` +
  'parameters: [{ name: id, in: path, required: true, schema: { type: string } ' +
  `}]\n      responses:\n        '200':\n` +
  ('          description: an order\n          content: { application/json: { schema: { type: object, required: ' +
    `[${fields.join(', ')}], properties: { ${fields.map((f) => `${f}: { type: string }`).join(', ')} } } } }\n`)

/** A workspace per build, sharing one ledger and policy, as jobs of one repository do. */
function workspaces() {
  const shared = tempDir('shared-')
  const ledger = path.join(shared, 'ledger.jsonl')
  const policy = path.join(shared, 'promotion.yml')
  fs.writeFileSync(policy, POLICY)
  return { ledger, policy }
}

async function sealBuild(version: string, fields: string[]) {
  const workspace = writeTree(tempDir('workspace-'), {
    'site/index.html': `<p>${version}</p>`,
    'site/api/openapi.yaml': API(version, fields)
  })
  const seal = await runAction(
    SEAL,
    { 'subject-path': 'site', 'subject-name': 'shop', contract: 'api/openapi.yaml' },
    { workspace }
  )
  expect(seal.code).toBe(0)
  return {
    workspace,
    digest: seal.outputs.digest as Digest,
    checksums: seal.outputs['checksums-path'] as string,
    sealDir: seal.outputs['seal-dir'] as string,
    contractDigest: seal.outputs['contract-digest'] as string
  }
}

type Build = Awaited<ReturnType<typeof sealBuild>>

async function promoteJob(
  shared: { ledger: string; policy: string },
  build: Build,
  environment: string,
  extra: Record<string, string> = {}
) {
  await ensureFileLedger(shared.ledger)
  const inputs = {
    ledger: `file:${shared.ledger}`,
    policy: shared.policy,
    environment,
    'expected-digest': build.digest,
    'subject-path': 'site',
    'checksums-path': build.checksums,
    ...extra
  }
  const main = await runAction(PROMOTE, inputs, { workspace: build.workspace })
  if (main.code === 0 && main.outputs.promoted === 'true')
    expect((await runPost(POST, main, inputs)).code).toBe(0)
  return main
}

async function recordCount(ledger: string): Promise<number> {
  let n = 0
  for await (const entry of new FileLedger(ledger, 'ledger').entries()) n += entry.id === '' ? 0 : 1
  return n
}

describe('the bundled promote action with a contract rule', () => {
  it(
    'records the contract, refuses a breaking amendment without a major step naming the operation and field, ' +
      'and sets the contract outputs',
    async () => {
      const shared = workspaces()
      const v1 = await sealBuild('1.0.0', ['id', 'status'])
      const v2 = await sealBuild('1.1.0', ['id'])
      for (const env of ['staging', 'production'])
        expect((await promoteJob(shared, v1, env)).code).toBe(0)
      expect((await promoteJob(shared, v2, 'staging')).code).toBe(0)
      const refused = await promoteJob(shared, v2, 'production')
      expect(refused.code).toBe(1)
      expect(refused.stdout).toMatch(
        /::error::.*production's contract 1\.0\.0 → 1\.1\.0 has 1 breaking change\(s\) without a major version step.*GET \/orders\/\{id\}.*status/
      )
      expect(refused.outputs).toMatchObject({
        promoted: 'false',
        'contract-version': '1.1.0',
        'contract-digest': v2.contractDigest
      })
      const decision = JSON.parse(refused.outputs.decision as string)
      expect(decision.checks).toContainEqual(
        expect.objectContaining({ rule: 'contract', passed: false })
      )
    }
  )

  it(
    'bad input: a policy word that is not allowed, approve-amendment with veto; exit 1, no outputs, nothing ' +
      'recorded',
    async () => {
      const shared = workspaces()
      const v1 = await sealBuild('1.0.0', ['id', 'status'])
      const v2 = await sealBuild('2.0.0', ['id'])
      for (const env of ['staging', 'production'])
        expect((await promoteJob(shared, v1, env)).code).toBe(0)
      expect((await promoteJob(shared, v2, 'staging')).code).toBe(0)
      const before = await recordCount(shared.ledger)

      const badPolicy = path.join(path.dirname(shared.policy), 'bad.yml')
      fs.writeFileSync(badPolicy, POLICY.replace('require-major', 'major'))
      const badWord = await promoteJob({ ...shared, policy: badPolicy }, v2, 'production')
      expect(badWord.code).toBe(1)
      expect(badWord.stdout).toContain(
        (
          'environments.production.contract.breaking \\"major\\" is not one of refuse, require-major, ' +
          'require-approval, allow'
        ).replace(/\\"/g, '"')
      )
      expect(badWord.outputs).toEqual({})

      const both = await promoteJob(shared, v2, 'production', {
        'approve-amendment': 'ok',
        veto: 'bad'
      })
      expect(both.code).toBe(1)
      expect(both.stdout).toContain(
        '::error::approve-amendment: an approval of a contract amendment cannot be combined with veto'
      )
      expect(await recordCount(shared.ledger)).toBe(before)

      // The copy of the live contract kept beside the ledger is the baseline.
      expect((await promoteJob(shared, v2, 'production')).code).toBe(0)
    }
  )
})
