import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { deploy } from '../helpers/ledger-history.js'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

/**
 * A contract is judged on what was sealed and signed: every field of the manifest that can
 * change a judgement is covered by the contract digest, and the bundled CLI refuses a manifest
 * that differs from it wherever it comes from.
 */

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

// Each build is sealed under its own directory's name (v1, v2); the policy pins them to one service.
const REFUSE = `service: shop
environments:
  staging: {}
  production:
    requires: [staging]
    contract:
      breaking: refuse
`

const ORDER_SCHEMA = (required: string[]) =>
  `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required, properties: Object.fromEntries(required.map((p) => [p, { type: 'string' }])) }, null, 2)}\n`

const API = (version: string, required: string[]) => `openapi: 3.1.0
info: { title: shop, version: ${version} }
paths:
  /orders/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: an order
          content: { application/json: { schema: { type: object, required: [${required.join(', ')}], properties: { ${required.map((p) => `${p}: { type: string }`).join(', ')} } } } }
`

const PROTO = (fields: string[]) => `syntax = "proto3";

package shop.v1;

message Order {
${fields.map((f, i) => `  string ${f} = ${i + 1};`).join('\n')}
}
`

interface Sealed {
  readonly name: string
  readonly digest: string
  readonly contractDigest: string
  readonly bundle: string
}

function keyPair(dir: string): { key: string; pub: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  fs.writeFileSync(path.join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }))
  fs.writeFileSync(path.join(dir, 'key.pub'), publicKey.export({ type: 'spki', format: 'pem' }))
  return { key: 'key.pem', pub: 'key.pub' }
}

function seal(
  root: string,
  name: string,
  files: Record<string, string>,
  contract: string[],
  extra: string[] = []
): Sealed {
  writeTree(path.join(root, name), { 'app.js': `// ${name}\n`, ...files })
  const sealed = cli(
    [
      'seal',
      name,
      ...contract.flatMap((c) => ['--contract', c]),
      '--json',
      '--out',
      `bundles/${name}`,
      ...extra
    ],
    root
  )
  expect(sealed.stderr).toBe('')
  expect(sealed.code).toBe(0)
  const json = JSON.parse(sealed.stdout) as { digest: string; contractDigest: string }
  return {
    name,
    digest: json.digest,
    contractDigest: json.contractDigest,
    bundle: path.join(root, 'bundles', name)
  }
}

function promote(
  root: string,
  sealed: Sealed,
  environment: string,
  extra: string[] = [],
  checksums = path.join(sealed.bundle, `${sealed.name}.sha256`)
) {
  return cli(
    [
      'promote',
      sealed.digest,
      '--environment',
      environment,
      '--path',
      sealed.name,
      '--checksums',
      checksums,
      '--policy',
      'policy.yml',
      '--ledger',
      'file:ledger.jsonl',
      ...extra,
      '--',
      'true'
    ],
    root
  )
}

function setup(policy: string): string {
  const root = tempDir('contract-identity-')
  writeTree(root, { 'policy.yml': policy })
  expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], root).code).toBe(0)
  return root
}

type Manifest = { files: Record<string, unknown>[] } & Record<string, unknown>

function editManifest(file: string, edit: (manifest: Manifest) => void): void {
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'))
  edit(manifest)
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`)
}

/**
 * The contract digest a manifest's fields make, as the README defines it (written here again,
 * not imported); for a manifest of the earlier format, as that format defined it (the files'
 * sha256sum listing), so a forgery is as good as the code under test allows.
 */
function identityDigest(m: Manifest): string {
  const files = [...m.files].sort((a, b) =>
    Buffer.compare(Buffer.from(String(a.path)), Buffer.from(String(b.path)))
  )
  if (m.format === 'artifact-seal/contract/v1')
    return `sha256:${createHash('sha256')
      .update(files.map((f) => `${f.sha256}  ${f.path}\n`).join(''))
      .digest('hex')}`
  const lines = files
    .map((f) => `${f.sha256} ${f.kind} ${f.openapiVersion ?? '-'} ${f.role ?? '-'}  ${f.path}\n`)
    .join('')
  return `sha256:${createHash('sha256').update(`artifact-seal/contract/v2\nversion ${m.version} ${m.versionFrom}\n${lines}`).digest('hex')}`
}

/** An edit made by someone who knows the format: the digest field recomputed to match. */
function forgeManifest(file: string, edit: (manifest: Manifest) => void): void {
  editManifest(file, (m) => {
    edit(m)
    m.digest = identityDigest(m)
  })
}

/**
 * The contract digest as the README says to recompute it without artifact-seal, from the
 * sealed files and what was declared for each (`<kind> <openapiVersion> <role>` and its
 * path, tab-separated): printf, sort and sha256sum only.
 */
function shellContractDigest(
  root: string,
  version: string,
  from: string,
  declarations: readonly string[]
): string {
  fs.writeFileSync(path.join(root, '.declarations'), declarations.map((d) => `${d}\n`).join(''))
  const script = `set -euo pipefail
{ printf 'artifact-seal/contract/v2\\nversion %s %s\\n' "$1" "$2"
  LC_ALL=C sort -t "$(printf '\\t')" -k2 .declarations | while IFS="$(printf '\\t')" read -r meta file; do
    printf '%s %s  %s\\n' "$(sha256sum < "$file" | cut -c1-64)" "$meta" "$file"
  done
} | sha256sum | cut -c1-64`
  const out = spawnSync('bash', ['-c', script, 'oracle', version, from], {
    cwd: root,
    encoding: 'utf8'
  })
  expect(out.stderr).toBe('')
  return `sha256:${out.stdout.trim()}`
}

/** The README's jq line over a manifest. */
const JQ_IDENTITY =
  '"artifact-seal/contract/v2\\nversion \\(.version) \\(.versionFrom)\\n", (.files | sort_by(.path) | .[] | ' +
  '"\\(.sha256) \\(.kind) \\(.openapiVersion // "-") \\(.role // "-")  ' +
  '\\(.path)\\n")'

function jqContractDigest(manifest: string): string {
  const out = spawnSync(
    'bash',
    ['-c', `jq -j '${JQ_IDENTITY}' "$1" | sha256sum | cut -c1-64`, 'oracle', manifest],
    { encoding: 'utf8' }
  )
  expect(out.stderr).toBe('')
  return `sha256:${out.stdout.trim()}`
}

describe('the contract digest, recomputed without artifact-seal', () => {
  it(
    'equals what printf, sort and sha256sum make from the sealed files and the declarations, and what the jq ' +
      'line makes from the manifest',
    () => {
      const root = tempDir('contract-oracle-')
      const openapi =
        'openapi: 3.1.0\ninfo: { title: shop, version: 2.0.0 }\npaths:\n  /orders:\n    ' +
        `get:\n      responses:\n        '200':\n          description: ` +
        `ok\n          content: { application/json: { schema: { $ref: 'common ` +
        `schemas.yaml#/Order' } } }\n`
      const files = {
        'api/openapi.yaml': openapi,
        'api/common schemas.yaml':
          'Order:\n  type: object\n  properties: { id: { type: string } }\n',
        'schemas/\u00fcnicode.json': ORDER_SCHEMA(['id']),
        'proto/b.proto':
          'syntax = "proto3";\npackage shop.v1;\nimport "proto/a.proto";\nmessage B { A a = 1; }\n',
        'proto/a.proto': 'syntax = "proto3";\npackage shop.v1;\nmessage A { string id = 1; }\n',
        'Z.graphql': 'type Query { order: String }\n'
      }
      const contract = [
        'api/openapi.yaml',
        'consumes: schemas/\u00fcnicode.json',
        'proto/b.proto',
        'Z.graphql'
      ]
      const given = seal(root, 'given', files, contract, ['--contract-version', '2.1.0-rc.1'])
      const derived = seal(root, 'derived', files, contract)
      const declarations = [
        'openapi 3.1 -\tapi/openapi.yaml',
        'reference - -\tapi/common schemas.yaml',
        'jsonschema - consumes\tschemas/\u00fcnicode.json',
        'protobuf - -\tproto/b.proto',
        'reference - -\tproto/a.proto',
        'graphql - -\tZ.graphql'
      ]
      expect(given.contractDigest).toBe(
        shellContractDigest(
          path.join(root, 'given'),
          '2.1.0-rc.1',
          'contract-version',
          declarations
        )
      )
      expect(derived.contractDigest).toBe(
        shellContractDigest(path.join(root, 'derived'), '2.0.0', 'info.version', declarations)
      )
      expect(jqContractDigest(path.join(given.bundle, 'given.contract.json'))).toBe(
        given.contractDigest
      )
      expect(jqContractDigest(path.join(derived.bundle, 'derived.contract.json'))).toBe(
        derived.contractDigest
      )
      // The files in the bundle's copy check with sha256sum -c against the manifest, as the README says.
      const check = spawnSync(
        'bash',
        [
          '-c',
          `cd "$1.contract" && jq -r '.files[] | "\\(.sha256)  \\(.path)"' "$1.contract.json" | sha256sum -c --quiet`,
          'check',
          path.join(given.bundle, 'given')
        ],
        { encoding: 'utf8' }
      )
      expect(check.stderr).toBe('')
      expect(check.status).toBe(0)
    }
  )
})

describe('contract identity: what was sealed and signed is what is judged (the bundled CLI)', () => {
  it(
    'a JSON Schema role edited from produces to consumes in a key-signed bundle is refused: a removed ' +
      'required property stays breaking under breaking: refuse',
    () => {
      const root = setup(REFUSE)
      const { key, pub } = keyPair(root)
      const v1 = seal(
        root,
        'v1',
        { 'schemas/order.json': ORDER_SCHEMA(['id', 'total']) },
        ['produces: schemas/order.json'],
        ['--signing-key', key, '--contract-version', '1.0.0']
      )
      const v2 = seal(
        root,
        'v2',
        { 'schemas/order.json': ORDER_SCHEMA(['id']) },
        ['produces: schemas/order.json'],
        ['--signing-key', key, '--contract-version', '1.1.0']
      )
      for (const env of ['staging', 'production'])
        expect(promote(root, v1, env, ['--public-key', pub]).code).toBe(0)
      expect(promote(root, v2, 'staging', ['--public-key', pub]).code).toBe(0)

      editManifest(path.join(v2.bundle, 'v2.contract.json'), (m) => {
        for (const f of m.files) if (f.role === 'produces') f.role = 'consumes'
      })
      const tampered = promote(root, v2, 'production', ['--public-key', pub])
      expect(tampered.code).toBe(1)
      // As the attack was made (the role changed, the digest left as it was): the digest covers the role now.
      expect(tampered.stdout).toMatch(
        /✗ contract +production: .*v2\.contract\.json: says its digest is sha256:[0-9a-f]{64}, but what it says makes sha256:[0-9a-f]{64}: it was edited/
      )
      expect(tampered.stdout).not.toContain('PENDING')
    }
  )

  it('a baseline whose files all read kind: reference cannot make a later breaking change read as "file added"', () => {
    const root = setup(REFUSE)
    const v1 = seal(root, 'v1', { 'api/openapi.yaml': API('1.0.0', ['id', 'total']) }, [
      'api/openapi.yaml'
    ])
    const v2 = seal(root, 'v2', { 'api/openapi.yaml': API('1.1.0', ['id']) }, ['api/openapi.yaml'])
    // The first promotion of v1 carries a manifest edited to read every file as a reference.
    const edited = tempDir('edited-')
    fs.cpSync(v1.bundle, edited, { recursive: true })
    editManifest(path.join(edited, 'v1.contract.json'), (m) => {
      for (const f of m.files) f.kind = 'reference'
    })
    promote(root, v1, 'staging', [], path.join(edited, 'v1.sha256'))
    promote(root, v1, 'production')
    promote(root, v2, 'staging')
    const breaking = promote(root, v2, 'production')
    expect(breaking.stdout).not.toContain('contract-file-added')
    expect(breaking.code).toBe(1)
    expect(breaking.stdout).toContain('response-required-property-removed')
  })

  it(
    'a protobuf contract named api.PROTO is compared: a deleted field is breaking, in contract diff and under ' +
      'breaking: refuse',
    () => {
      const root = setup(REFUSE)
      const v1 = seal(
        root,
        'v1',
        { 'api.PROTO': PROTO(['id', 'total']) },
        ['api.PROTO'],
        ['--contract-version', '1.0.0']
      )
      const v2 = seal(
        root,
        'v2',
        { 'api.PROTO': PROTO(['id']) },
        ['api.PROTO'],
        ['--contract-version', '1.1.0']
      )
      const diff = cli(['contract', 'diff', 'v1/api.PROTO', 'v2/api.PROTO', '--json'], root)
      expect(diff.code).toBe(1)
      expect(JSON.parse(diff.stdout).changes).toContainEqual(
        expect.objectContaining({
          rule: 'FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED',
          severity: 'breaking',
          kind: 'protobuf'
        })
      )
      for (const env of ['staging', 'production']) expect(promote(root, v1, env).code).toBe(0)
      expect(promote(root, v2, 'staging').code).toBe(0)
      const refused = promote(root, v2, 'production')
      expect(refused.code).toBe(1)
      expect(refused.stdout).toContain('FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED')
    }
  )

  it('contract diff of two root files, or two directories, compares the files they $ref', () => {
    const root = tempDir('contract-refs-')
    const openapi = `openapi: 3.0.3
info: { title: shop, version: 1.0.0 }
paths:
  /orders/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200':
          description: an order
          content: { application/json: { schema: { $ref: 'schemas.yaml#/Order' } } }
`
    const schemas = (required: string[]) =>
      `Order:\n  type: object\n  required: [${required.join(', ')}]\n  properties:\n${required.map((p) => `    ${p}: { type: string }\n`).join('')}`
    writeTree(root, {
      'a/openapi.yaml': openapi,
      'a/schemas.yaml': schemas(['id', 'total']),
      'b/openapi.yaml': openapi,
      'b/schemas.yaml': schemas(['id'])
    })
    for (const [before, after] of [
      ['a/openapi.yaml', 'b/openapi.yaml'],
      ['a', 'b']
    ] as const) {
      const diff = cli(['contract', 'diff', before, after, '--json'], root)
      expect(diff.stderr).toBe('')
      expect(diff.code).toBe(1)
      expect(JSON.parse(diff.stdout).changes).toContainEqual(
        expect.objectContaining({
          rule: 'response-required-property-removed',
          severity: 'breaking'
        })
      )
    }
  })

  it(
    'a refused promotion leaves nothing a later one trusts: its record does not pin the contract it was ' +
      'refused with, and nothing is kept',
    () => {
      const root = setup(REFUSE)
      const v1 = seal(
        root,
        'v1',
        { 'schemas/order.json': ORDER_SCHEMA(['id', 'total']) },
        ['produces: schemas/order.json'],
        ['--contract-version', '1.0.0']
      )
      const v2 = seal(
        root,
        'v2',
        { 'schemas/order.json': ORDER_SCHEMA(['id']) },
        ['produces: schemas/order.json'],
        ['--contract-version', '1.1.0']
      )
      for (const env of ['staging', 'production']) expect(promote(root, v1, env).code).toBe(0)
      // v2's first appearance anywhere: a manifest forged to read the schema as consumed, refused in
      // production (never in staging).
      const forged = tempDir('forged-')
      fs.cpSync(v2.bundle, forged, { recursive: true })
      forgeManifest(path.join(forged, 'v2.contract.json'), (m) => {
        for (const f of m.files) if (f.role === 'produces') f.role = 'consumes'
      })
      const early = promote(root, v2, 'production', [], path.join(forged, 'v2.sha256'))
      expect(early.code).toBe(1)
      expect(early.stdout).toContain('✗ requires')
      const forgedDigest = (
        JSON.parse(fs.readFileSync(path.join(forged, 'v2.contract.json'), 'utf8')) as {
          digest: string
        }
      ).digest
      expect(
        fs.existsSync(
          path.join(
            root,
            'ledger.jsonl.contracts',
            `${forgedDigest.slice('sha256:'.length)}.contract.json`
          )
        )
      ).toBe(false)
      // The genuine bundle is not refused for disagreeing with that refusal's record; it pins the sealed contract.
      const genuine = promote(root, v2, 'staging')
      expect(genuine.stderr).toBe('')
      expect(genuine.code).toBe(0)
      const forgedAgain = promote(root, v2, 'production', [], path.join(forged, 'v2.sha256'))
      expect(forgedAgain.code).toBe(1)
      expect(forgedAgain.stdout).toContain('an earlier record of the digest names')
      const judged = promote(root, v2, 'production')
      expect(judged.code).toBe(1)
      expect(judged.stdout).toMatch(
        /✗ contract +production: production refuses breaking contract amendments/
      )
    }
  )

  it(
    'a kept copy that does not verify is ignored with a warning, never trusted; the next promotion carrying ' +
      'that contract replaces it',
    () => {
      const root = setup(REFUSE)
      const v1 = seal(root, 'v1', { 'api/openapi.yaml': API('1.0.0', ['id', 'total']) }, [
        'api/openapi.yaml'
      ])
      const v2 = seal(root, 'v2', { 'api/openapi.yaml': API('1.1.0', ['id']) }, [
        'api/openapi.yaml'
      ])
      for (const env of ['staging', 'production']) expect(promote(root, v1, env).code).toBe(0)
      expect(promote(root, v2, 'staging').code).toBe(0)
      const kept = path.join(
        root,
        'ledger.jsonl.contracts',
        `${v1.contractDigest.slice('sha256:'.length)}.contract.json`
      )
      expect(fs.existsSync(kept)).toBe(true)
      editManifest(kept, (m) => {
        for (const f of m.files) f.kind = 'reference'
      })
      const blind = promote(root, v2, 'production')
      expect(blind.code).toBe(1)
      expect(blind.stderr).toContain(
        `artifact-seal: warning: The contract kept at "${kept}" does not verify, so it is ignored`
      )
      expect(blind.stdout).not.toContain('contract-file-added')
      expect(blind.stdout).toContain('artifact-seal promote --contract-baseline')
      // Given the genuine baseline, v2 is judged against what v1 sealed.
      const judged = promote(root, v2, 'production', ['--contract-baseline', v1.bundle])
      expect(judged.code).toBe(1)
      expect(judged.stdout).toContain('response-required-property-removed')
      // v1 promoted again carries its contract: the bad copy is replaced by one that verifies.
      expect(promote(root, v1, 'staging').code).toBe(0)
      const again = promote(root, v2, 'production')
      expect(again.stderr).toBe('')
      expect(again.stdout).toContain('response-required-property-removed')
    }
  )

  it(
    'a ledger whose live record names a contract digest of the earlier form fails closed, saying what to do; ' +
      'so do bundles of that form',
    async () => {
      const root = setup(REFUSE)
      const v1 = seal(root, 'v1', { 'api/openapi.yaml': API('1.0.0', ['id', 'total']) }, [
        'api/openapi.yaml'
      ])
      const v2 = seal(root, 'v2', { 'api/openapi.yaml': API('1.1.0', ['id']) }, [
        'api/openapi.yaml'
      ])
      // v1's bundle as the earlier artifact-seal wrote it: format v1, the digest the files' sha256sum listing.
      const earlier = (bundle: string, name: string): string => {
        let digest = ''
        editManifest(path.join(bundle, `${name}.contract.json`), (m) => {
          m.format = 'artifact-seal/contract/v1'
          delete m.versionFrom
          m.digest = identityDigest(m)
          digest = m.digest as string
        })
        return digest
      }
      const old = earlier(v1.bundle, 'v1')
      // production runs v1, recorded by the earlier artifact-seal with that digest, its copy kept beside the ledger.
      await deploy(
        new FileLedger(path.join(root, 'ledger.jsonl'), 'ledger'),
        v1.digest as Digest,
        'production',
        { name: 'shop', contract: { digest: old as Digest, version: '1.0.0' } }
      )
      fs.mkdirSync(path.join(root, 'ledger.jsonl.contracts'))
      fs.copyFileSync(
        path.join(v1.bundle, 'v1.contract.json'),
        path.join(root, 'ledger.jsonl.contracts', `${old.slice('sha256:'.length)}.contract.json`)
      )
      fs.cpSync(
        path.join(v1.bundle, 'v1.contract'),
        path.join(root, 'ledger.jsonl.contracts', `${old.slice('sha256:'.length)}.contract`),
        { recursive: true }
      )

      expect(promote(root, v2, 'staging').code).toBe(0)
      const refused = promote(root, v2, 'production')
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(
        'was written by an earlier artifact-seal (format "artifact-seal/contract/v1")'
      )
      expect(refused.stdout).toContain(
        "Its record was written by an earlier artifact-seal, whose contract digest did not cover the files' kinds"
      )
      expect(refused.stdout).toContain(
        "promote once with this environment's contract rule removed from the policy"
      )
      expect(refused.stdout).not.toContain('PENDING')

      const badBaseline = promote(root, v2, 'production', ['--contract-baseline', v1.bundle])
      expect(badBaseline.code).toBe(2)
      expect(badBaseline.stderr).toMatch(
        /--contract-baseline: ".*v1" is not a contract as a seal wrote it: .*earlier artifact-seal/
      )

      // A candidate sealed by the earlier artifact-seal is not read either.
      earlier(v2.bundle, 'v2')
      const candidate = promote(root, v2, 'staging')
      // Staging has no contract rule, so nothing is judged; its record names what v2's earlier record
      // did, nothing from the earlier-form bundle.
      expect(candidate.code).toBe(0)
      const lines = fs
        .readFileSync(path.join(root, 'ledger.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { record?: { outcome?: string; contract?: unknown } })
      expect(lines.filter((l) => l.record?.outcome === 'pending').at(-1)?.record?.contract).toEqual(
        {
          digest: v2.contractDigest,
          version: '1.1.0'
        }
      )
      const judged = promote(root, v2, 'production')
      expect(judged.code).toBe(1)
      expect(judged.stdout).toContain("This digest's contract cannot be read")

      // Compared by hand, as the message says: the files of the earlier bundle.
      const diff = cli(
        ['contract', 'diff', path.join(v1.bundle, 'v1.contract'), path.join(root, 'v2', 'api')],
        root
      )
      expect(diff.code).toBe(1)
      expect(diff.stdout).toContain('response-required-property-removed')
    }
  )

  it('a $ref with a malformed escape is bad input naming the file and the $ref, not a crash', () => {
    const root = tempDir('contract-bad-ref-')
    writeTree(root, {
      'app/api/openapi.yaml': API('1.0.0', ['id']).replace(
        'schema: { type: object',
        "schema: { $ref: 'x%zz.yaml#/A', type: object"
      )
    })
    const sealed = cli(['seal', 'app', '--contract', 'api/openapi.yaml', '--out', 'bundle'], root)
    expect(sealed.code).toBe(2)
    expect(sealed.stderr).toBe(
      'artifact-seal: --contract: "api/openapi.yaml" has a $ref "x%zz.yaml#/A" with a malformed %-escape (a ' +
        '"%" not followed by two hex digits). Write each % as %25, or the file\'s ' +
        'path without escapes.\n'
    )
    expect(fs.existsSync(path.join(root, 'bundle'))).toBe(false)
  })
})
