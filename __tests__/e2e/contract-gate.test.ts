import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env }
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

const API = (version: string, properties: string) => `openapi: 3.1.0
info: { title: shop, version: ${version} }
paths:
  /orders/{id}:
    get:
      operationId: getOrder
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: an order
          content: { application/json: { schema: { type: object, required: [${properties.includes('total') ? 'id, total' : 'id'}], properties: { ${properties} } } } }
`
const WITH_TOTAL = 'id: { type: string }, total: { type: number }'
const WITHOUT_TOTAL = 'id: { type: string }'

// Each build is sealed under its own directory's name (v1, v2, v3); the policy pins them to one service.
const POLICY = `service: shop
environments:
  staging: {}
  production:
    requires: [staging]
    contract:
      breaking: require-major
      dangerous: warn
  partner:
    contract:
      breaking: require-approval
`

interface Sealed {
  readonly digest: string
  readonly contractDigest: string
  readonly dir: string
}

/** A build of the example service: its files and its seal bundle, sealed by the bundled CLI. */
function build(root: string, name: string, version: string, properties: string): Sealed {
  writeTree(path.join(root, name), {
    'app.js': `// ${name}`,
    'api/openapi.yaml': API(version, properties)
  })
  const sealed = cli(
    ['seal', name, '--contract', 'api/openapi.yaml', '--json', '--out', `bundles/${name}`],
    root
  )
  expect(sealed.stderr).toBe('')
  const json = JSON.parse(sealed.stdout) as { digest: string; contractDigest: string }
  return { digest: json.digest, contractDigest: json.contractDigest, dir: name }
}

function promote(root: string, sealed: Sealed, environment: string, extra: string[] = []) {
  return cli(
    [
      'promote',
      sealed.digest,
      '--environment',
      environment,
      '--path',
      sealed.dir,
      '--checksums',
      `bundles/${sealed.dir}/${sealed.dir}.sha256`,
      '--policy',
      'policy.yml',
      '--ledger',
      'file:ledger.jsonl',
      ...extra,
      ...(extra.includes('--dry-run') ? [] : ['--', 'true'])
    ],
    root,
    { GITHUB_ACTOR: 'release-bot' }
  )
}

function records(root: string): Record<string, unknown>[] {
  return fs
    .readFileSync(path.join(root, 'ledger.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { record?: Record<string, unknown> } & Record<string, unknown>)
    .map((l) => l.record ?? l)
}

function setup(): string {
  const root = tempDir('contract-gate-')
  writeTree(root, { 'policy.yml': POLICY })
  expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], root).code).toBe(0)
  return root
}

describe('the contract gate (the bundled CLI, a file ledger)', () => {
  it(
    'production refuses a breaking amendment without a major version step, naming the operation and the ' +
      'field; a major step goes through; records carry the contract and the ' +
      'amendment',
    () => {
      const root = setup()
      const v1 = build(root, 'v1', '1.0.0', WITH_TOTAL)
      const v2 = build(root, 'v2', '1.1.0', WITHOUT_TOTAL)
      const v3 = build(root, 'v3', '2.0.0', WITHOUT_TOTAL)
      for (const env of ['staging', 'production']) expect(promote(root, v1, env).code).toBe(0)
      const first = records(root).filter(
        (r) => r.environment === 'production' && r.outcome === 'pending'
      )
      expect(first[0]).toMatchObject({ contract: { digest: v1.contractDigest, version: '1.0.0' } })
      expect(first[0]).not.toHaveProperty('amendment')
      // The contract each promotion carries is kept beside the ledger, for later baselines.
      expect(
        fs.existsSync(
          path.join(
            root,
            'ledger.jsonl.contracts',
            `${v1.contractDigest.slice('sha256:'.length)}.contract.json`
          )
        )
      ).toBe(true)

      expect(promote(root, v2, 'staging').code).toBe(0) // staging has no contract rule
      const refused = promote(root, v2, 'production')
      expect(refused.code).toBe(1)
      expect(refused.stdout).toMatch(/GET \/orders\/\{id\}/)
      expect(refused.stdout).toContain('total')
      expect(refused.stdout).toContain('without a major version step')
      const refusal = records(root)
        .filter((r) => r.outcome === 'refused')
        .at(-1)
      expect(refusal).toMatchObject({
        digest: v2.digest,
        contract: { digest: v2.contractDigest, version: '1.1.0' },
        amendment: {
          from: { digest: v1.contractDigest, version: '1.0.0' },
          to: { digest: v2.contractDigest, version: '1.1.0' },
          breaking: 1,
          dangerous: 0
        }
      })
      expect((refusal?.amendment as { rules: string[] }).rules[0]).toBe(
        'response-required-property-removed'
      )

      expect(promote(root, v3, 'staging').code).toBe(0)
      const accepted = promote(root, v3, 'production')
      expect(accepted.stderr).toBe('')
      expect(accepted.code).toBe(0)
      const pending = records(root)
        .filter((r) => r.environment === 'production' && r.outcome === 'pending')
        .at(-1)
      expect(pending).toMatchObject({
        digest: v3.digest,
        amendment: { from: { version: '1.0.0' }, to: { version: '2.0.0' }, breaking: 1 }
      })

      // The same digest again: the contract is unchanged and nothing is compared.
      const again = promote(root, v3, 'production', ['--dry-run'])
      expect(again.stdout).toContain('The contract is unchanged')
    }
  )

  it(
    'require-approval: refused with the command to approve; one approval lets exactly one promotion of that ' +
      'amendment through; an approval of another amendment is refused',
    () => {
      const root = setup()
      const v1 = build(root, 'v1', '1.0.0', WITH_TOTAL)
      const v2 = build(root, 'v2', '2.0.0', WITHOUT_TOTAL)
      expect(promote(root, v1, 'partner').code).toBe(0)
      const refused = promote(root, v2, 'partner')
      expect(refused.code).toBe(1)
      expect(refused.stdout).toContain(
        `artifact-seal contract approve ${v2.digest} --environment partner --from ${v1.contractDigest} --to ${v2.contractDigest}`
      )

      const unknown = cli(
        [
          'contract',
          'approve',
          `sha256:${'e'.repeat(64)}`,
          '--environment',
          'partner',
          '--reason',
          'x',
          '--ledger',
          'file:ledger.jsonl',
          '--policy',
          'policy.yml'
        ],
        root
      )
      expect(unknown.code).toBe(2)
      expect(unknown.stderr).toContain('--to: no record of sha256:eeee')
      expect(unknown.stderr).toContain(
        "Give --to (the contract digest it carries: the seal's contract-digest output)"
      )
      const wrong = cli(
        [
          'contract',
          'approve',
          v2.digest,
          '--environment',
          'partner',
          '--from',
          v2.contractDigest,
          '--to',
          v2.contractDigest,
          '--reason',
          'x',
          '--ledger',
          'file:ledger.jsonl',
          '--policy',
          'policy.yml'
        ],
        root
      )
      expect(wrong.code).toBe(2)
      expect(wrong.stderr).toContain('--from')
      const approved = cli(
        [
          'contract',
          'approve',
          v2.digest,
          '--environment',
          'partner',
          '--to',
          v2.contractDigest,
          '--reason',
          'partners moved to v2',
          '--ledger',
          'file:ledger.jsonl',
          '--policy',
          'policy.yml'
        ],
        root,
        { GITHUB_ACTOR: 'api-owner' }
      )
      expect(approved.stderr).toBe('')
      expect(approved.code).toBe(0)
      const approval = records(root).at(-1)
      expect(approval).toMatchObject({
        outcome: 'approved',
        mode: null,
        actor: 'api-owner',
        reason: 'partners moved to v2',
        approves: { from: v1.contractDigest, to: v2.contractDigest }
      })

      const through = promote(root, v2, 'partner')
      expect(through.code).toBe(0)
      expect(through.stdout).toContain('api-owner')
      const used = records(root)
        .filter((r) => r.outcome === 'pending')
        .at(-1) as { amendment: { approval: string } }
      expect(used.amendment.approval).toMatch(/^\d+$/)

      // Back to v1 and forward to v2 again: the approval was used, so the amendment needs a new one.
      expect(promote(root, v1, 'partner').code).toBe(0) // adding the field back breaks no client
      expect(promote(root, v2, 'partner').code).toBe(1)
    }
  )

  it('a signed record carries the contract and the amendment in its verification summary', () => {
    const root = setup()
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    fs.writeFileSync(
      path.join(root, 'key.pem'),
      privateKey.export({ type: 'pkcs8', format: 'pem' })
    )
    const v1 = build(root, 'v1', '1.0.0', WITH_TOTAL)
    const v3 = build(root, 'v3', '2.0.0', WITHOUT_TOTAL)
    for (const env of ['staging', 'production']) expect(promote(root, v1, env).code).toBe(0)
    expect(promote(root, v3, 'staging').code).toBe(0)
    const signed = promote(root, v3, 'production', ['--signing-key', 'key.pem'])
    expect(signed.stderr).toBe('')
    expect(signed.code).toBe(0)
    const pending = records(root)
      .filter((r) => r.outcome === 'pending')
      .at(-1) as { attestation: { uri: string } }
    const bundle = JSON.parse(
      fs.readFileSync(
        path.resolve(root, pending.attestation.uri.replace(/^file:(\/\/)?/, '')),
        'utf8'
      )
    )
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    )
    expect(statement.predicate['urn:artifact-seal:promotion:v1']).toMatchObject({
      outcome: 'pending',
      contract: { digest: v3.contractDigest, version: '2.0.0' },
      amendment: {
        from: { digest: v1.contractDigest, version: '1.0.0' },
        to: { digest: v3.contractDigest, version: '2.0.0' },
        breaking: 1
      }
    })
  })

  it(
    'fails closed: a manifest swapped after sealing, a baseline that cannot be had, a contract-baseline of ' +
      'other bytes (bad input, nothing recorded), a policy word that is not allowed',
    () => {
      const root = setup()
      const v1 = build(root, 'v1', '1.0.0', WITH_TOTAL)
      const v2 = build(root, 'v2', '1.1.0', WITHOUT_TOTAL)
      const v3 = build(root, 'v3', '2.0.0', WITHOUT_TOTAL)
      for (const env of ['staging', 'production']) expect(promote(root, v1, env).code).toBe(0)
      for (const s of [v2, v3]) expect(promote(root, s, 'staging').code).toBe(0)

      // v3's manifest replaced by v1's: the files it names are not v3's sealed files.
      const swapped = tempDir('swapped-')
      fs.cpSync(path.join(root, 'bundles', 'v3'), swapped, { recursive: true })
      fs.copyFileSync(
        path.join(root, 'bundles', 'v1', 'v1.contract.json'),
        path.join(swapped, 'v3.contract.json')
      )
      fs.rmSync(path.join(swapped, 'v3.contract'), { recursive: true })
      fs.cpSync(
        path.join(root, 'bundles', 'v1', 'v1.contract'),
        path.join(swapped, 'v3.contract'),
        {
          recursive: true
        }
      )
      const tampered = cli(
        [
          'promote',
          v3.digest,
          '--environment',
          'production',
          '--path',
          'v3',
          '--checksums',
          path.join(swapped, 'v3.sha256'),
          '--policy',
          'policy.yml',
          '--ledger',
          'file:ledger.jsonl'
        ],
        root
      )
      expect(tampered.code).toBe(1)
      expect(tampered.stdout).toMatch(/not the sealed one|swapped/)

      // v2's manifest with its version raised to pass require-major: the version is inside the
      // contract digest, which no longer matches what the manifest says.
      const edited = tempDir('edited-')
      fs.cpSync(path.join(root, 'bundles', 'v2'), edited, { recursive: true })
      const manifestFile = path.join(edited, 'v2.contract.json')
      fs.writeFileSync(
        manifestFile,
        fs.readFileSync(manifestFile, 'utf8').replace('"version": "1.1.0"', '"version": "2.0.0"')
      )
      expect(fs.readFileSync(manifestFile, 'utf8')).toContain('"version": "2.0.0"')
      const raised = cli(
        [
          'promote',
          v2.digest,
          '--environment',
          'production',
          '--path',
          'v2',
          '--checksums',
          path.join(edited, 'v2.sha256'),
          '--policy',
          'policy.yml',
          '--ledger',
          'file:ledger.jsonl'
        ],
        root
      )
      expect(raised.code).toBe(1)
      expect(raised.stdout).toContain('it was edited')

      // The kept contracts gone: the contract production runs cannot be read, so no.
      fs.rmSync(path.join(root, 'ledger.jsonl.contracts'), { recursive: true })
      const blind = promote(root, v3, 'production')
      expect(blind.code).toBe(1)
      expect(blind.stdout).toContain('artifact-seal promote --contract-baseline')

      const before = records(root).length
      const mismatch = promote(root, v3, 'production', ['--contract-baseline', 'bundles/v2'])
      expect(mismatch.code).toBe(2)
      expect(mismatch.stderr).toContain('--contract-baseline')
      expect(mismatch.stderr).toContain(v1.contractDigest)
      expect(records(root).length).toBe(before)

      const withBaseline = promote(root, v3, 'production', ['--contract-baseline', 'bundles/v1'])
      expect(withBaseline.stderr).toBe('')
      expect(withBaseline.code).toBe(0)

      fs.writeFileSync(
        path.join(root, 'policy.yml'),
        POLICY.replace('require-major', 'require-majr')
      )
      const badPolicy = promote(root, v2, 'production')
      expect(badPolicy.code).toBe(2)
      expect(badPolicy.stderr).toMatch(
        /policy\.yml:\d+:\d+: environments\.production\.contract\.breaking "require-majr" is not one of refuse, require-major, require-approval, allow/
      )
    }
  )
})
