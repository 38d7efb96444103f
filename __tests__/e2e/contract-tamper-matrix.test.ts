import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { type ResultsServiceHost, startResultsServiceHost } from '../hosts/results-service-host.js'
import { type SigstoreHost, startSigstoreHost } from '../hosts/sigstore-host.js'
import { type ActionRun, PROJECT_ROOT, runAction, runPost } from '../helpers/runner.js'
import { ensureFileLedger } from '../helpers/file-ledger.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

/**
 * Every field of a contract manifest, forged by someone who knows the format (the digest
 * field recomputed to match), in every place a manifest is read from: the seal bundle beside
 * the bytes, the copy kept beside a file ledger, the contract-baseline input, and the workflow
 * artifact downloaded for the live digest or for the candidate. Each for a seal signed with a
 * key, signed keyless (the loopback Sigstore host), and unsigned but recorded by an earlier
 * promotion. Production refuses breaking amendments; v2 removes a required response property
 * (in a $ref'd file) and a required property of a produced JSON Schema. Every cell must be
 * refused, naming why, or judged exactly as sealed: never let in.
 */

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const REPO = 'acme/shop'
const POLICY =
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    contract:\n      breaking: refuse\n'

const OPENAPI = 'api/openapi.yaml'
const FRAGMENT = 'api/schemas.yaml'
const SCHEMA = 'schemas/order.json'

const site = (version: string, required: string[]) => ({
  'site/index.html': `<p>${version}</p>\n`,
  [`site/${OPENAPI}`]:
    `openapi: 3.0.3\ninfo: { title: shop, version: ${version} }\npaths:\n  ` +
    '/orders/{id}:\n    get:\n      parameters: [{ name: id, in: path, required: ' +
    'true, schema: { type: string } }]\n      responses:\n        ' +
    `'200':\n          description: an order\n          content: { ` +
    `application/json: { schema: { $ref: 'schemas.yaml#/Order' } } }\n`,
  [`site/${FRAGMENT}`]:
    `Order:\n  type: object\n  required: [${required.join(', ')}]\n  ` +
    `properties:\n${required.map((p) => `    ${p}: { type: string }\n`).join('')}`,
  [`site/${SCHEMA}`]: `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required, properties: Object.fromEntries(required.map((p) => [p, { type: 'string' }])) }, null, 2)}\n`
})

type Files = Map<string, Buffer>
type Manifest = { files: Record<string, unknown>[] } & Record<string, unknown>

/**
 * The contract digest of a manifest's fields as the README defines it, written here again (the
 * earlier format's too).
 */
function identityDigest(m: Manifest): string {
  const files = [...m.files].sort((a, b) =>
    Buffer.compare(Buffer.from(String(a.path)), Buffer.from(String(b.path)))
  )
  const text =
    m.format === 'artifact-seal/contract/v1'
      ? files.map((f) => `${f.sha256}  ${f.path}\n`).join('')
      : `artifact-seal/contract/v2\nversion ${m.version} ${m.versionFrom}\n${files.map((f) => `${f.sha256} ${f.kind} ${f.openapiVersion ?? '-'} ${f.role ?? '-'}  ${f.path}\n`).join('')}`
  return `sha256:${createHash('sha256').update(text).digest('hex')}`
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const entry = (m: Manifest, p: string) =>
  m.files.find((f) => f.path === p) as Record<string, unknown>

interface Field {
  readonly name: string
  /** A declaration, not derivable from the bytes: caught by the digest the seal was signed or recorded with. */
  readonly declared: boolean
  /**
   * The forgery verifies on its own (files, kinds, references, version as the seal derives them):
   * only a digest elsewhere tells.
   */
  readonly consistent: boolean
  /**
   * Edits the manifest (and the copies under `dir`, the `<name>.contract/` prefix); `other` is the
   * other build's bundle, same prefixes.
   */
  readonly tamper: (m: Manifest, files: Files, dir: string, other: Files) => void
}

const FIELDS: readonly Field[] = [
  {
    name: 'role: produces → consumes',
    declared: true,
    consistent: true,
    tamper: (m) => void (entry(m, SCHEMA).role = 'consumes')
  },
  {
    name: 'version, bound to info.version, raised to 2.0.0',
    declared: false,
    consistent: false,
    tamper: (m) => void (m.version = '2.0.0')
  },
  {
    name: 'version declared 2.0.0 (versionFrom: contract-version)',
    declared: true,
    consistent: true,
    tamper: (m) => {
      m.version = '2.0.0'
      m.versionFrom = 'contract-version'
    }
  },
  {
    name: 'kind: every file a reference',
    declared: false,
    consistent: false,
    tamper: (m) => {
      for (const f of m.files)
        Object.assign(f, { kind: 'reference', role: null, openapiVersion: null })
    }
  },
  {
    name: 'kind: the OpenAPI document read as a JSON Schema',
    declared: false,
    consistent: false,
    tamper: (m) =>
      void Object.assign(entry(m, OPENAPI), {
        kind: 'jsonschema',
        role: 'produces',
        openapiVersion: null
      })
  },
  {
    name: 'openapiVersion: 3.0 → 3.1',
    declared: false,
    consistent: false,
    tamper: (m) => void (entry(m, OPENAPI).openapiVersion = '3.1')
  },
  {
    name: 'a referenced file dropped',
    declared: false,
    consistent: false,
    tamper: (m, files, dir) => {
      m.files = m.files.filter((f) => f.path !== FRAGMENT)
      files.delete(`${dir}${FRAGMENT}`)
    }
  },
  {
    name: 'a referenced file declared a produced JSON Schema',
    declared: false,
    consistent: false,
    tamper: (m) => void Object.assign(entry(m, FRAGMENT), { kind: 'jsonschema', role: 'produces' })
  },
  {
    name: "a file's copy and sha256 replaced by the other build's",
    declared: false,
    consistent: true,
    tamper: (m, files, dir, other) => {
      const bytes = other.get(`${dir}${FRAGMENT}`) as Buffer
      files.set(`${dir}${FRAGMENT}`, bytes)
      entry(m, FRAGMENT).sha256 = sha256(bytes)
    }
  },
  {
    name: 'a path renamed (its copy moved)',
    declared: false,
    consistent: true,
    tamper: (m, files, dir) => {
      const renamed = 'schemas/order-v2.json'
      files.set(`${dir}${renamed}`, files.get(`${dir}${SCHEMA}`) as Buffer)
      files.delete(`${dir}${SCHEMA}`)
      entry(m, SCHEMA).path = renamed
    }
  },
  {
    name: 'format: the earlier v1',
    declared: false,
    consistent: false,
    tamper: (m) => {
      m.format = 'artifact-seal/contract/v1'
      delete m.versionFrom
    }
  },
  {
    name: 'a field the seal does not write',
    declared: false,
    consistent: false,
    tamper: (m) => void (m.signedBy = 'release.yml')
  }
]

/** Forges the bundle held in `files` (keys under `prefix`, "" for a directory or "seal/" in an artifact). */
function forge(files: Files, prefix: string, field: Field, other: Files): void {
  const manifestKey = `${prefix}shop.contract.json`
  const manifest = JSON.parse((files.get(manifestKey) as Buffer).toString('utf8')) as Manifest
  const otherByPrefix = new Map([...other].map(([k, v]) => [`${prefix}${k}`, v]))
  field.tamper(manifest, files, `${prefix}shop.contract/`, otherByPrefix)
  manifest.digest = identityDigest(manifest)
  files.set(manifestKey, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`))
}

function readDir(dir: string): Files {
  const files: Files = new Map()
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]) {
    if (e.isFile())
      files.set(
        path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'),
        fs.readFileSync(path.join(e.parentPath, e.name))
      )
  }
  return files
}

function writeDir(dir: string, files: Files): void {
  fs.rmSync(dir, { recursive: true, force: true })
  writeTree(dir, Object.fromEntries(files))
}

async function cli(
  args: string[],
  cwd: string
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Not spawnSync: the loopback hosts answer from this process's event loop.
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/index.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr }
}

let results: ResultsServiceHost
let github: GitHubApiHost
let sig: SigstoreHost
let rootFile: string
let nextRun = 71_000

beforeAll(async () => {
  ;[results, sig] = await Promise.all([startResultsServiceHost(), startSigstoreHost()])
  github = await startGitHubApiHost({ artifactSource: results.artifactSource })
  results.setGitHubApiUrl(github.url)
  rootFile = path.join(tempDir('trusted-root-'), 'trusted_root.json')
  fs.writeFileSync(rootFile, JSON.stringify(sig.trustedRoot()))
}, 60_000)

afterAll(async () => {
  await Promise.all([github?.close(), results?.close(), sig?.close()])
  removeAll()
})

type Mode = 'key' | 'keyless' | 'unsigned'

interface Build {
  readonly runId: number
  readonly workspace: string
  readonly digest: string
  readonly sealDir: string
  readonly contractDigest: string
  readonly artifactName: string
  readonly artifactId: number
}

interface World {
  readonly mode: Mode
  readonly dir: string
  readonly ledger: string
  readonly policy: string
  readonly publicKey: string
  readonly v1: Build
  readonly v2: Build
  /** The breaking rules production names for v2 from the genuine bundles. */
  readonly rules: readonly string[]
}

function jobEnv(runId: number, job: string, mode: Mode): Record<string, string> {
  return {
    ...results.runnerEnv({ runId, jobId: job, repository: REPO }),
    GITHUB_API_URL: github.url,
    ...(mode === 'keyless' ? { ...sig.runnerEnv(), ...sig.instanceEnv() } : {})
  }
}

async function setUp(mode: Mode): Promise<World> {
  const dir = tempDir(`matrix-${mode}-`)
  const ledger = path.join(dir, 'ledger.jsonl')
  const policy = path.join(dir, 'promotion.yml')
  fs.writeFileSync(policy, POLICY)
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const publicKeyFile = path.join(dir, 'cosign.pub')
  fs.writeFileSync(publicKeyFile, publicKey.export({ type: 'spki', format: 'pem' }))
  const signInputs: Record<string, string> =
    mode === 'key'
      ? {
          sign: 'key',
          'signing-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
        }
      : mode === 'keyless'
        ? { sign: 'keyless', 'github-token': github.token }
        : { sign: 'none' }
  const seal = async (version: string, required: string[]): Promise<Build> => {
    const runId = nextRun++
    const workspace = writeTree(tempDir('workspace-'), site(version, required))
    const artifactName = `shop-${mode}-${version}`
    const run = await runAction(
      SEAL,
      {
        'subject-path': 'site',
        'subject-name': 'shop',
        contract: `${OPENAPI}\nproduces: ${SCHEMA}`,
        upload: 'true',
        name: artifactName,
        ...signInputs
      },
      { workspace, env: jobEnv(runId, 'build', mode) }
    )
    expect(run.stdout).not.toContain('::error')
    expect(run.code).toBe(0)
    return {
      runId,
      workspace,
      digest: run.outputs.digest as string,
      sealDir: run.outputs['seal-dir'] as string,
      contractDigest: run.outputs['contract-digest'] as string,
      artifactName,
      artifactId: Number(run.outputs['artifact-id'])
    }
  }
  const v1 = await seal('1.0.0', ['id', 'total'])
  const v2 = await seal('1.1.0', ['id'])
  const world = {
    mode,
    dir,
    ledger,
    policy,
    publicKey: publicKeyFile,
    v1,
    v2,
    rules: [] as string[]
  }
  await ensureFileLedger(ledger)
  for (const [build, environment] of [
    [v1, 'staging'],
    [v1, 'production'],
    [v2, 'staging']
  ] as const) {
    const inputs = { ...promoteInputs(world, build, environment), name: build.artifactName }
    const main = await runAction(PROMOTE, inputs, {
      env: jobEnv(build.runId, `deploy-${environment}`, mode)
    })
    expect(main.stdout).not.toContain('::error')
    expect(main.outputs.promoted).toBe('true')
    expect(
      (
        await runPost(POST, main, inputs, {
          env: jobEnv(build.runId, `deploy-${environment}`, mode)
        })
      ).code
    ).toBe(0)
  }
  const genuine = await promoteCli(world, [])
  expect(genuine.code).toBe(1)
  const rules = [
    ...new Set(
      [...genuine.stdout.matchAll(/^ +breaking +([a-z0-9-]+) /gm)].map((m) => m[1] as string)
    )
  ]
  expect(genuine.stdout).toMatch(
    /✗ contract +production: production refuses breaking contract amendments/
  )
  expect(rules.length).toBeGreaterThan(0)
  return { ...world, rules }
}

function signerInputs(world: Pick<World, 'mode' | 'publicKey'>): Record<string, string> {
  return world.mode === 'key'
    ? { 'signed-by': `key: ${world.publicKey}` }
    : world.mode === 'keyless'
      ? { 'signed-by': `trusted-root: ${rootFile}` }
      : {}
}

function promoteInputs(
  world: Pick<World, 'mode' | 'publicKey' | 'ledger' | 'policy'>,
  build: Build,
  environment: string
): Record<string, string> {
  return {
    ledger: `file:${world.ledger}`,
    policy: world.policy,
    environment,
    'expected-digest': build.digest,
    'github-token': github.token,
    ...signerInputs(world)
  }
}

/** v2 into production with the CLI, its bytes and seal bundle (or the one given) beside them; records nothing. */
function promoteCli(
  world: Pick<World, 'mode' | 'publicKey' | 'ledger' | 'policy' | 'v2'>,
  extra: string[],
  sealDir = world.v2.sealDir
) {
  const signer =
    world.mode === 'key'
      ? ['--public-key', world.publicKey]
      : world.mode === 'keyless'
        ? ['--trusted-root', rootFile, '--signer-repository', REPO]
        : []
  return cli(
    [
      'promote',
      world.v2.digest,
      '--environment',
      'production',
      '--path',
      'site',
      '--checksums',
      path.join(sealDir, 'shop.sha256'),
      '--policy',
      world.policy,
      '--ledger',
      `file:${world.ledger}`,
      '--dry-run',
      ...signer,
      ...extra
    ],
    world.v2.workspace
  )
}

/** v2 into production with the bundled action; records nothing. */
function promoteAction(world: World, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    PROMOTE,
    { ...promoteInputs(world, world.v2, 'production'), 'dry-run': 'true', ...inputs },
    { workspace: world.v2.workspace, env: jobEnv(nextRun++, 'deploy-production', world.mode) }
  )
}

/** Rewrites the stored zip of an artifact; returns a function that puts the original back. */
async function forgeArtifact(
  build: Build,
  field: Field,
  other: Build
): Promise<() => Promise<void>> {
  let original: Files = new Map()
  await results.tamperArtifactBlob(build.artifactId, (files) => {
    original = new Map(files)
    forge(files, 'seal/', field, readDir(other.sealDir))
  })
  return () =>
    results.tamperArtifactBlob(build.artifactId, (files) => {
      files.clear()
      for (const [k, v] of original) files.set(k, v)
    })
}

const CANNOT_READ = "This digest's contract cannot be read"

describe.each(['key', 'keyless', 'unsigned'] as const)(
  'a contract manifest forged after sealing, seal %s',
  (mode) => {
    let world: World
    beforeAll(async () => {
      world = await setUp(mode)
    }, 120_000)

    const by = mode === 'unsigned' ? 'an earlier record of the digest' : 'the signed statement'

    it.each(FIELDS.map((f) => [f.name, f] as const))(
      '%s: refused or judged as sealed, from every source',
      async (_, field) => {
        const other = (build: Build) => readDir((build === world.v1 ? world.v2 : world.v1).sealDir)
        // 1: refused, recorded; 2: bad input (a --contract-baseline that does not hold), nothing decided.
        const expectNotLetIn = (run: { code: number | null; stdout: string }, code: 1 | 2 = 1) => {
          expect(run.code).toBe(code)
          expect(run.stdout).not.toContain('PENDING')
        }
        /** A copy of the ledger (and, when asked, of the contracts kept beside it, forged): cells run side by side. */
        const ledgerCopy = (kept: 'forged' | 'none'): string => {
          const ledger = path.join(tempDir('ledger-copy-'), 'ledger.jsonl')
          fs.copyFileSync(world.ledger, ledger)
          if (kept === 'none') return ledger
          const store = readDir(`${world.ledger}.contracts`)
          const hex = world.v1.contractDigest.slice('sha256:'.length)
          // The kept pair <hex>.contract.json and <hex>.contract/ is a bundle under another name.
          const asBundle = new Map(
            [...store]
              .filter(([k]) => k.startsWith(hex))
              .map(([k, v]) => [`shop${k.slice(hex.length)}`, v])
          )
          forge(asBundle, '', field, other(world.v1))
          writeDir(
            `${ledger}.contracts`,
            new Map([
              ...[...store].filter(([k]) => !k.startsWith(hex)),
              ...[...asBundle].map(([k, v]) => [`${hex}${k.slice('shop'.length)}`, v] as const)
            ])
          )
          return ledger
        }
        const forgedDir = (build: Build): string => {
          const dir = tempDir('forged-bundle-')
          const files = readDir(build.sealDir)
          forge(files, '', field, other(build))
          writeDir(dir, files)
          return dir
        }
        const contractCheck = (run: ActionRun) =>
          (
            JSON.parse(run.outputs.decision as string) as {
              checks: { rule: string; passed: boolean; detail: string }[]
            }
          ).checks.find((c) => c.rule === 'contract')
        const restoreV1 = await forgeArtifact(world.v1, field, world.v2)
        const restoreV2 = await forgeArtifact(world.v2, field, world.v1)
        const keptForged = ledgerCopy('forged')
        // The live digest's workflow artifact, downloaded when nothing is kept beside the ledger.
        const downloading = promoteAction(
          { ...world, ledger: ledgerCopy('none') },
          { 'checksums-path': path.join(world.v2.sealDir, 'shop.sha256'), 'subject-path': 'site' }
        )
        const [beside, fromStore, given, downloaded, fromArtifact, storeThenArtifact] =
          await Promise.all([
            // The seal bundle beside the bytes (the candidate's).
            promoteCli(world, [], forgedDir(world.v2)),
            // The copy kept beside the file ledger (the live contract), with no other place to look.
            promoteCli({ ...world, ledger: keptForged }, []),
            // The contract-baseline input: bad input, nothing decided.
            promoteCli(world, ['--contract-baseline', forgedDir(world.v1)]),
            downloading,
            // The candidate's workflow artifact: its seal bundle, downloaded with its files.
            promoteAction(world, { name: world.v2.artifactName, 'run-id': String(world.v2.runId) }),
            // The kept copy forged, the live digest's artifact whole again (once the download above
            // is done): the artifact is read instead.
            downloading.finally(restoreV1).then(() =>
              promoteAction(
                { ...world, ledger: keptForged },
                {
                  'checksums-path': path.join(world.v2.sealDir, 'shop.sha256'),
                  'subject-path': 'site'
                }
              )
            )
          ]).finally(restoreV2)

        expectNotLetIn(beside)
        expect(beside.stdout).toMatch(/✗ contract +production: /)
        expect(beside.stdout).toContain(field.declared ? `but ${by} names` : CANNOT_READ)

        expectNotLetIn(fromStore)
        expect(fromStore.stderr).toContain('does not verify, so it is ignored')
        expect(fromStore.stdout).toMatch(
          /✗ contract +production: The contract production runs .* could not be read/
        )

        expectNotLetIn(given, 2)
        expect(given.stdout).toBe('')
        expect(given.stderr).toMatch(
          field.consistent
            ? /--contract-baseline: ".*" holds contract /
            : /--contract-baseline: ".*" is not a contract as a seal wrote it: /
        )

        expectNotLetIn(downloaded)
        expect(downloaded.outputs.promoted).toBe('false')
        expect(contractCheck(downloaded)?.detail).toMatch(
          new RegExp(
            '^The contract production runs .* could not be read: .*the workflow artifact ' +
              `"${world.v1.artifactName}" of run ${world.v1.runId}`
          )
        )

        expectNotLetIn(fromArtifact)
        expect(fromArtifact.outputs.promoted).toBe('false')
        expect(contractCheck(fromArtifact)?.passed).toBe(false)
        expect(contractCheck(fromArtifact)?.detail).toContain(
          field.declared ? `but ${by} names` : CANNOT_READ
        )

        expectNotLetIn(storeThenArtifact)
        expect(storeThenArtifact.stdout).toContain('does not verify, so it is ignored')
        expect(contractCheck(storeThenArtifact)?.detail).toMatch(
          /^production refuses breaking contract amendments/
        )
        for (const rule of world.rules)
          expect(contractCheck(storeThenArtifact)?.detail).toContain(rule)
      },
      90_000
    )

    it('the genuine bundles, from every source, are judged as sealed: the breaking changes named', async () => {
      expect(world.rules).toContain('response-required-property-removed')
      const fromArtifact = await promoteAction(world, {
        name: world.v2.artifactName,
        'run-id': String(world.v2.runId)
      })
      expect(fromArtifact.outputs.promoted).toBe('false')
      for (const rule of world.rules) expect(fromArtifact.stdout).toContain(rule)
      const withBaseline = await promoteCli(world, ['--contract-baseline', world.v1.sealDir])
      expect(withBaseline.stderr).toBe('')
      for (const rule of world.rules) expect(withBaseline.stdout).toContain(rule)
    }, 60_000)
  }
)
