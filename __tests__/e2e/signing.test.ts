import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { bundleFromJSON } from '@sigstore/bundle'
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'
import { encryptCosignKey } from '../../__fixtures__/cosign/cosign-key.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import type { LedgerEntry } from '../../src/core/promotion/record.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import {
  type GitHubOidcClaims,
  type SigstoreHost,
  startSigstoreHost
} from '../hosts/sigstore-host.js'
import { PROJECT_ROOT, type ActionRun, runAction, runPost } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import { signedBy } from '../helpers/signed-by.js'
import { ensureLedgerInput } from '../helpers/file-ledger.js'

/**
 * The bundled actions signing and checking signatures as a runner runs them: the job's OIDC
 * token, Fulcio and the timestamp authority are the loopback Sigstore host, the attestations
 * API the loopback GitHub host. Every bundle is also checked with @sigstore/verify directly,
 * not through the project's verifier.
 */

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const REPO = 'acme/shop'
const RELEASE = 'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main'
const VSA_TYPE = 'https://slsa.dev/verification_summary/v1'

let sig: SigstoreHost
/** An independent instance: its CA is in no trusted root the tests give. */
let rogue: SigstoreHost
let gh: GitHubApiHost
let rootFile: string

beforeAll(async () => {
  ;[sig, rogue, gh] = await Promise.all([
    startSigstoreHost(),
    startSigstoreHost(),
    startGitHubApiHost()
  ])
  rootFile = path.join(tempDir('trusted-root-'), 'trusted_root.json')
  fs.writeFileSync(rootFile, JSON.stringify(sig.trustedRoot()))
})
afterEach(() => {
  sig.setClaims({})
  gh.clearRequests()
})
afterAll(async () => {
  await Promise.all([sig.close(), rogue.close(), gh.close()])
  removeAll()
})

// ---- helpers -------------------------------------------------------------------------

/** A job with `id-token: write`, on this repository, with the API host as GITHUB_API_URL. */
const keylessEnv = (host: SigstoreHost = sig): Record<string, string> => ({
  ...host.runnerEnv(),
  ...host.instanceEnv(),
  GITHUB_API_URL: gh.url
})
const keylessInputs = (): Record<string, string> => ({ sign: 'keyless', 'github-token': gh.token })

/** @sigstore/verify on its own, with the host's trusted root (an SCT and a timestamp required). */
function verifyDirectly(bundle: unknown, root: Record<string, unknown> = sig.trustedRoot()) {
  return new Verifier(toTrustMaterial(TrustedRoot.fromJSON(root)), {
    tlogThreshold: 0,
    ctlogThreshold: 1,
    timestampThreshold: 1
  }).verify(toSignedEntity(bundleFromJSON(bundle)))
}

interface TestKey {
  readonly privatePem: string
  readonly publicPem: string
  readonly privateKey: KeyObject
  readonly hint: string
  readonly spki: Buffer
}

function p256Key(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey,
    hint: createHash('sha256').update(spki).digest('base64'),
    spki
  }
}

/**
 * @sigstore/verify on its own with the key alone, as `cosign verify-blob-attestation --key …
 * --insecure-ignore-tlog` does.
 */
function verifyWithKey(bundle: unknown, key: TestKey) {
  const empty = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [],
    ctlogs: [],
    timestampAuthorities: []
  }
  const material = toTrustMaterial(TrustedRoot.fromJSON(empty), {
    [key.hint]: {
      rawBytes: key.spki,
      keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
      validFor: { start: new Date(0) }
    }
  })
  return new Verifier(material, {
    tlogThreshold: 0,
    ctlogThreshold: 0,
    timestampThreshold: 0
  }).verify(toSignedEntity(bundleFromJSON(bundle)))
}

/** The in-toto statement a bundle signs, as parsed JSON. */
function statementOf(bundle: unknown) {
  return JSON.parse(
    Buffer.from(
      (bundle as { dsseEnvelope: { payload: string } }).dsseEnvelope.payload,
      'base64'
    ).toString('utf8')
  )
}

/** The bundled CLI, as a user runs it after the fact. */
async function cli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Not spawnSync: the loopback hosts answer from this process's event loop.
  const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'dist/cli/index.js'), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr }
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'))

interface Sealed {
  readonly workspace: string
  readonly digest: string
  readonly checksums: string
  readonly run: ActionRun
}

/**
 * A build job sealing `site/` as "shop": keyless with the host's token (claims over the
 * default ones), with a key, or unsigned.
 */
async function sealSite(
  page: string,
  how: {
    keyless?: { host?: SigstoreHost; claims?: Partial<GitHubOidcClaims> }
    key?: TestKey
    extra?: Record<string, string>
  } = {},
  workspace = writeTree(tempDir('workspace-'), {
    'site/index.html': page,
    'site/app.js': 'start()'
  })
): Promise<Sealed> {
  let inputs: Record<string, string> = {
    'subject-path': 'site',
    'subject-name': 'shop',
    ...how.extra
  }
  let env: Record<string, string> = {}
  const host = how.keyless?.host ?? sig
  if (how.keyless) {
    host.setClaims(how.keyless.claims ?? {})
    inputs = { ...inputs, ...keylessInputs() }
    env = keylessEnv(host)
  } else if (how.key) {
    inputs = { ...inputs, sign: 'key', 'signing-key': how.key.privatePem }
  }
  try {
    const run = await runAction(SEAL, inputs, { workspace, env })
    expect(run.stdout).not.toContain('::error::')
    expect(run.code).toBe(0)
    return {
      workspace,
      digest: run.outputs.digest as string,
      checksums: run.outputs['checksums-path'] as string,
      run
    }
  } finally {
    host.setClaims({})
  }
}

/**
 * The verify step of a deploy job, in the build's workspace, trusting the host's root: `signer`
 * holds signed-by's keys ('' leaves one out).
 */
function verifyStep(sealed: Sealed, signer: Record<string, string> = {}): Promise<ActionRun> {
  const fields = Object.fromEntries(
    Object.entries({ 'trusted-root': rootFile, ...signer }).filter(([, value]) => value !== '')
  )
  return runAction(
    VERIFY,
    {
      'subject-path': 'site',
      'expected-digest': sealed.digest,
      'checksums-path': sealed.checksums,
      ...(Object.keys(fields).length > 0 ? { 'signed-by': signedBy(fields) } : {})
    },
    { workspace: sealed.workspace, env: { GITHUB_API_URL: gh.url } }
  )
}

/** A verify step that refused: exit 1, verified=false, no path for a deploy step, the message naming each fragment. */
function expectRefused(run: ActionRun, ...fragments: string[]): void {
  expect(run.code).toBe(1)
  expect(run.outputs.verified).toBe('false')
  expect(run.outputs.path ?? '').toBe('')
  expect(run.outputs.signer ?? '').toBe('')
  const error = run.stdout.split('\n').find((l) => l.startsWith('::error::')) ?? ''
  for (const fragment of fragments) expect(error).toContain(fragment)
}

// ---- seal ----------------------------------------------------------------------------

describe('the bundled seal action signing keyless', () => {
  it('writes the bundle, stores it in the attestations API and names the workflow as signer', async () => {
    const sealed = await sealSite('<p>keyless</p>', { keyless: {} })
    const { outputs } = sealed.run
    expect(outputs.signer).toBe(RELEASE)
    const bundlePath = outputs['bundle-path'] as string
    expect(bundlePath).toBe(path.join(path.dirname(sealed.checksums), 'shop.sigstore.json'))
    const bundle = readJson(bundlePath)
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')

    const stored = gh.attestationsOf(REPO).find((a) => String(a.id) === outputs['attestation-id'])
    expect(stored).toBeDefined()
    expect(outputs['attestation-url']).toBe(
      `https://github.com/${REPO}/attestations/${outputs['attestation-id']}`
    )
    expect(stored?.subjectDigests).toContain(sealed.digest)
    expect(stored?.predicateType).toBe('https://slsa.dev/provenance/v1')
    expect(stored?.bundle).toEqual(bundle)

    const signer = verifyDirectly(bundle)
    expect(signer.identity?.subjectAlternativeName).toBe(RELEASE)
    const statement = statementOf(bundle)
    expect(statement.subject).toEqual([
      {
        name: 'shop',
        digest: { sha256: sealed.digest.slice(7), dirHash: sealed.digest.slice(7) },
        annotations: {
          'artifact-seal.modes': { digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }
        }
      }
    ])
    expect(statement.predicate.runDetails.builder.id).toBe(RELEASE)
    expect(sealed.run.stdout).toContain(
      `Signed by ${RELEASE}; attestation ${outputs['attestation-url']}`
    )
  })

  it('names the called workflow as builder when a reusable workflow seals', async () => {
    const called = 'acme/platform/.github/workflows/seal.yml@refs/tags/v2'
    const sealed = await sealSite('<p>reusable</p>', {
      keyless: { claims: { job_workflow_ref: called } }
    })
    expect(sealed.run.outputs.signer).toBe(`https://github.com/${called}`)
    const bundle = readJson(sealed.run.outputs['bundle-path'] as string)
    expect(verifyDirectly(bundle).identity?.subjectAlternativeName).toBe(
      `https://github.com/${called}`
    )
    expect(statementOf(bundle).predicate.runDetails.builder.id).toBe(`https://github.com/${called}`)
  })
})

// ---- verify --------------------------------------------------------------------------

describe('the bundled verify action checking who signed the seal', () => {
  let signed: Sealed
  beforeAll(async () => {
    signed = await sealSite('<p>signed</p>', { keyless: {} })
  })

  it('passes the sealed bytes signed by the named workflow, and puts out the verified signer', async () => {
    const run = await verifyStep(signed, {
      repository: REPO,
      workflow: '.github/workflows/release.yml'
    })
    expect(run.stdout).not.toContain('::error::')
    expect(run.code).toBe(0)
    expect(run.outputs.verified).toBe('true')
    expect(run.outputs.path).toBe(path.join(signed.workspace, 'site'))
    expect(JSON.parse(run.outputs.signer as string)).toMatchObject({
      kind: 'certificate',
      repository: REPO,
      workflow: RELEASE,
      ref: 'refs/heads/main',
      runner: 'github-hosted'
    })
  })

  it.each([
    [
      'a wrong repository',
      { repository: 'acme/other' },
      [
        'signer repository (certificate source repository): expected "https://github.com/acme/other", got ' +
          '"https://github.com/acme/shop"'
      ]
    ],
    [
      'a wrong workflow',
      { workflow: '.github/workflows/deploy.yml' },
      [
        'signer workflow (certificate subject alternative name): expected ' +
          '"https://github.com/acme/shop/.github/workflows/deploy.yml@<any ref>", got ' +
          `"${RELEASE}"`
      ]
    ],
    [
      'a wrong ref',
      { ref: 'refs/heads/dev' },
      ['signer source ref: expected "refs/heads/dev", got "refs/heads/main"']
    ],
    [
      'another issuer',
      { issuer: 'https://token.example.com' },
      [
        'signer OIDC issuer: expected "https://token.example.com", got "https://token.actions.githubusercontent.com"'
      ]
    ]
  ])(
    'refuses %s, naming the rule with the expected and the actual value',
    async (_, inputs, fragments) => {
      expectRefused(await verifyStep(signed, inputs), 'its signature is not accepted', ...fragments)
    }
  )

  it('refuses a seal signed on a self-hosted runner when self-hosted runners are denied', async () => {
    const selfHosted = await sealSite('<p>self-hosted</p>', {
      keyless: { claims: { runner_environment: 'self-hosted' } }
    })
    expect((await verifyStep(selfHosted)).code).toBe(0)
    expectRefused(
      await verifyStep(selfHosted, { runner: 'github-hosted' }),
      'signer runner environment: expected "github-hosted", got "self-hosted"'
    )
  })

  it('refuses a certificate of another issuer by default, and accepts it when signed-by.issuer names it', async () => {
    const other = await sealSite('<p>other issuer</p>', {
      keyless: { claims: { iss: 'https://issuer.example.com' } }
    })
    expectRefused(
      await verifyStep(other),
      'signer OIDC issuer: expected "https://token.actions.githubusercontent.com", got "https://issuer.example.com"'
    )
    expect((await verifyStep(other, { issuer: 'https://issuer.example.com' })).code).toBe(0)
  })

  it('refuses a certificate from a CA the trusted root does not list', async () => {
    const untrusted = await sealSite('<p>rogue</p>', { keyless: { host: rogue } })
    expect(() => verifyDirectly(readJson(untrusted.run.outputs['bundle-path'] as string))).toThrow()
    expectRefused(await verifyStep(untrusted), 'does not verify')
  })

  it('refuses a statement edited after signing', async () => {
    const edited = await sealSite('<p>edited</p>', { keyless: {} })
    const file = edited.run.outputs['bundle-path'] as string
    const bundle = readJson(file)
    const statement = statementOf(bundle)
    statement.predicate.runDetails.builder.id =
      'https://github.com/acme/shop/.github/workflows/forged.yml@refs/heads/main'
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64')
    fs.writeFileSync(file, JSON.stringify(bundle))
    expect(() => verifyDirectly(bundle)).toThrow()
    expectRefused(await verifyStep(edited), 'does not verify')
  })

  it("refuses another seal's bundle laid beside the listing", async () => {
    const other = await sealSite('<p>another digest</p>', { keyless: {} })
    const unsigned = await sealSite('<p>unsigned, then given a bundle</p>')
    fs.copyFileSync(
      other.run.outputs['bundle-path'] as string,
      path.join(path.dirname(unsigned.checksums), 'shop.sigstore.json')
    )
    expectRefused(await verifyStep(unsigned), 'for other bytes', unsigned.digest)
  })

  it('refuses a bundle whose timestamps were stripped', async () => {
    const stripped = await sealSite('<p>stripped</p>', { keyless: {} })
    const file = stripped.run.outputs['bundle-path'] as string
    const bundle = readJson(file)
    delete bundle.verificationMaterial.timestampVerificationData
    fs.writeFileSync(file, JSON.stringify(bundle))
    expectRefused(await verifyStep(stripped), 'timestamp')
  })

  it(
    'passes an unsigned seal with nothing named, and refuses it when signed-by names a signer, or a trusted ' +
      'root',
    async () => {
      const unsigned = await sealSite('<p>unsigned</p>')
      expect((await verifyStep(unsigned, { 'trusted-root': '' })).code).toBe(0)
      expectRefused(
        await verifyStep(unsigned, { 'trusted-root': '', repository: REPO }),
        'carries no signature',
        'A signature is required: signed-by.repository names a signer or what to trust'
      )
      expectRefused(
        await verifyStep(unsigned),
        'carries no signature',
        'A signature is required: signed-by.trusted-root names a signer or what to trust'
      )
    }
  )

  it(
    'with a key and no repository or workflow, refuses a keyless seal of this repository: a key alone accepts ' +
      'that key only (review finding)',
    async () => {
      const keyFile = path.join(signed.workspace, 'cosign.pub')
      fs.writeFileSync(keyFile, p256Key().publicPem)
      expectRefused(
        await verifyStep(signed, { key: 'cosign.pub' }),
        'its signature is not accepted',
        "no signer was named to compare it with: a key alone accepts that key's signatures only"
      )
      // Naming the workflow as well accepts its keyless seals beside the key's.
      const both = await verifyStep(signed, {
        key: 'cosign.pub',
        workflow: '.github/workflows/release.yml'
      })
      expect(both.code).toBe(0)
      expect(JSON.parse(both.outputs.signer as string)).toMatchObject({
        kind: 'certificate',
        workflow: RELEASE
      })
    }
  )
})

// ---- keys ----------------------------------------------------------------------------

describe('the bundled actions signing with a key and verifying with its public key', () => {
  const key = p256Key()
  let keyed: Sealed
  beforeAll(async () => {
    keyed = await sealSite('<p>keyed</p>', { key })
  })

  it('seals with the key alone: a bundle that verifies with the key, nothing sent to the attestations API', async () => {
    const { outputs } = keyed.run
    expect(outputs.signer).toBe(`key:${key.hint}`)
    expect(outputs['attestation-id']).toBe('')
    expect(outputs['attestation-url']).toBe('')
    const bundle = readJson(outputs['bundle-path'] as string)
    expect(bundle.verificationMaterial.publicKey.hint).toBe(key.hint)
    verifyWithKey(bundle, key)
    expect(statementOf(bundle).subject[0].digest.sha256).toBe(keyed.digest.slice(7))
    expect(gh.requests).toEqual([])
  })

  it('verifies with signed-by.key given as PEM text or as the path of a PEM file', async () => {
    const asText = await verifyStep(keyed, { key: key.publicPem })
    expect(asText.stdout).not.toContain('::error::')
    expect(asText.outputs.verified).toBe('true')
    expect(JSON.parse(asText.outputs.signer as string)).toEqual({ kind: 'key', hint: key.hint })
    fs.writeFileSync(path.join(keyed.workspace, 'cosign.pub'), key.publicPem)
    const asFile = await verifyStep(keyed, { key: 'cosign.pub' })
    expect(asFile.outputs.verified).toBe('true')
  })

  it('refuses the seal with another public key', async () => {
    expectRefused(
      await verifyStep(keyed, { key: p256Key().publicPem }),
      "signature: the bundle's signature verifies with none of the 1 public key(s) given"
    )
  })

  it(
    'opens an encrypted cosign key with its password from COSIGN_PASSWORD, and fails naming it with a wrong ' +
      'one, writing nothing',
    async () => {
      const encrypted = encryptCosignKey(
        key.privateKey.export({ type: 'pkcs8', format: 'der' }),
        'correct horse'
      )
      const inputs = { 'subject-path': 'site', 'subject-name': 'shop', 'signing-key': encrypted }
      const rightSpace = writeTree(tempDir('workspace-'), {
        'site/index.html': '<p>cosign key</p>'
      })
      const right = await runAction(SEAL, inputs, {
        workspace: rightSpace,
        env: { COSIGN_PASSWORD: 'correct horse' }
      })
      expect(right.outputs.signer).toBe(`key:${key.hint}`)

      const workspace = writeTree(tempDir('workspace-'), {
        'site/index.html': '<p>wrong password</p>'
      })
      const wrong = await runAction(SEAL, inputs, {
        workspace,
        env: { COSIGN_PASSWORD: 'battery staple' }
      })
      expect(wrong.code).toBe(1)
      expect(wrong.stdout).toContain(
        '::error::signing-key: the password in COSIGN_PASSWORD (or ARTIFACT_SEAL_KEY_PASSWORD) does not open ' +
          'this encrypted key'
      )
      expect(wrong.stdout).not.toContain('correct horse')
      expect(wrong.outputs).toEqual({})
      expect(fs.existsSync(path.join(wrong.temp, 'artifact-seal'))).toBe(false)
    }
  )
})

// ---- without a token -----------------------------------------------------------------

describe('the bundled seal action when the job cannot sign keyless', () => {
  it('seals unsigned with a notice saying what to add (sign: auto, the default)', async () => {
    const workspace = writeTree(tempDir('workspace-'), { 'site/index.html': '<p>auto</p>' })
    const run = await runAction(
      SEAL,
      { 'subject-path': 'site', 'subject-name': 'shop' },
      { workspace }
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /::notice::Not signed\. The job cannot mint an OIDC token .*permissions: id-token: write/
    )
    expect(run.outputs['bundle-path']).toBe('')
    expect(run.outputs.signer).toBe('')
    expect(
      fs.existsSync(
        path.join(path.dirname(run.outputs['checksums-path'] as string), 'shop.sigstore.json')
      )
    ).toBe(false)
  })

  it('fails sign: keyless naming the permission, with no outputs and nothing written', async () => {
    const workspace = writeTree(tempDir('workspace-'), {
      'site/index.html': '<p>keyless, no token</p>'
    })
    const run = await runAction(
      SEAL,
      { 'subject-path': 'site', 'subject-name': 'shop', sign: 'keyless' },
      { workspace, env: sig.instanceEnv() }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::sign: keyless: The job cannot mint an OIDC token .*permissions: id-token: write/
    )
    expect(run.outputs).toEqual({})
    expect(fs.existsSync(path.join(run.temp, 'artifact-seal'))).toBe(false)
  })

  it(
    'fails when the attestations API refuses the token, naming the permission, with no outputs and nothing ' +
      'written',
    async () => {
      gh.addToken('ghs_no-attestations', {
        deployments: 'write',
        actions: 'read',
        attestations: 'none'
      })
      const before = gh.attestationsOf(REPO).length
      const workspace = writeTree(tempDir('workspace-'), {
        'site/index.html': '<p>no attestations: write</p>'
      })
      const run = await runAction(
        SEAL,
        {
          'subject-path': 'site',
          'subject-name': 'shop',
          ...keylessInputs(),
          'github-token': 'ghs_no-attestations'
        },
        { workspace, env: keylessEnv() }
      )
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(
        /::error::github-token: POST \/repos\/acme\/shop\/attestations .* answered 403 .*permissions: attestations: write/
      )
      expect(run.outputs).toEqual({})
      expect(fs.existsSync(path.join(run.temp, 'artifact-seal'))).toBe(false)
      expect(gh.attestationsOf(REPO).length).toBe(before)
    }
  )

  it('with sign: auto, a refused attestation store is a warning: the seal is signed and its bundle written', async () => {
    gh.addToken('ghs_no-attestations', {
      deployments: 'write',
      actions: 'read',
      attestations: 'none'
    })
    const before = gh.attestationsOf(REPO).length
    const workspace = writeTree(tempDir('workspace-'), {
      'site/index.html': '<p>auto, no attestations: write</p>'
    })
    const run = await runAction(
      SEAL,
      {
        'subject-path': 'site',
        'subject-name': 'shop',
        ...keylessInputs(),
        sign: 'auto',
        'github-token': 'ghs_no-attestations'
      },
      { workspace, env: keylessEnv() }
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(
      /::warning::The seal is signed \(https:\/\/github\.com\/acme\/shop\/.+\), but the signature was not stored in the repository's attestations: github-token: .*403/
    )
    expect(run.outputs['attestation-id']).toBe('')
    expect(fs.existsSync(run.outputs['bundle-path'] as string)).toBe(true)
    expect(gh.attestationsOf(REPO).length).toBe(before)
  })
})

// ---- promote -------------------------------------------------------------------------

const SIGNED_POLICY = [
  'environments:',
  '  staging:',
  '    signed-by:',
  '      repository: acme/shop',
  '      workflow: .github/workflows/release.yml',
  '      ref: refs/heads/main',
  '  production:',
  '    requires: [staging]',
  ''
].join('\n')

/** A build in a workspace that holds the policy. */
function policyWorkspace(page: string): string {
  return writeTree(tempDir('workspace-'), {
    '.github/promotion.yml': SIGNED_POLICY,
    'site/index.html': page,
    'site/app.js': 'start()'
  })
}

interface Check {
  readonly rule: string
  readonly passed: boolean
}
const checksOf = (run: ActionRun): Check[] =>
  (JSON.parse(run.outputs.decision as string) as { checks: Check[] }).checks

/**
 * The VSA statement the record links, after checking the link's digest and the bundle with
 * @sigstore/verify directly.
 */
function vsaOfApiRecord(record: {
  attestation?: { uri: string; digest: string; id: string | null } | null
}) {
  const link = record.attestation
  expect(link).toMatchObject({
    id: expect.stringMatching(/^\d+$/),
    uri: `https://github.com/${REPO}/attestations/${link?.id}`
  })
  const stored = gh.attestationsOf(REPO).find((a) => String(a.id) === link?.id)
  expect(stored?.predicateType).toBe(VSA_TYPE)
  expect(verifyDirectly(stored?.bundle).identity?.subjectAlternativeName).toBe(RELEASE)
  return statementOf(stored?.bundle)
}

describe('the bundled promote action with a signed-by policy, on a file ledger', () => {
  const promoteInputs = (
    sealed: Sealed,
    extra: Record<string, string> = {}
  ): Record<string, string> => ({
    ledger: 'file:ledger.jsonl',
    environment: 'staging',
    'expected-digest': sealed.digest,
    'subject-path': 'site',
    'checksums-path': sealed.checksums,
    'signed-by': signedBy({ 'trusted-root': rootFile }),
    ...extra
  })
  const promote = async (
    sealed: Sealed,
    extra: Record<string, string> = {},
    env: Record<string, string> = {}
  ): Promise<ActionRun> => {
    await ensureLedgerInput('file:ledger.jsonl', sealed.workspace)
    return runAction(PROMOTE, promoteInputs(sealed, extra), {
      workspace: sealed.workspace,
      env: { GITHUB_API_URL: gh.url, ...env }
    })
  }

  async function recordsOf(sealed: Sealed): Promise<LedgerEntry[]> {
    const entries: LedgerEntry[] = []
    for await (const e of new FileLedger(
      path.join(sealed.workspace, 'ledger.jsonl'),
      'ledger'
    ).entries({ digest: sealed.digest as LedgerEntry['digest'] }))
      entries.unshift(e)
    return entries
  }

  it('lets in a seal signed by the named workflow, and records who signed it', async () => {
    const sealed = await sealSite(
      '<p>promote signed</p>',
      { keyless: {} },
      policyWorkspace('<p>promote signed</p>')
    )
    const main = await promote(sealed)
    expect(main.stdout).not.toContain('::error::')
    expect(main.code).toBe(0)
    expect(checksOf(main)).toContainEqual(
      expect.objectContaining({ rule: 'signed-by', passed: true })
    )
    expect(JSON.parse(main.outputs.signer as string)).toMatchObject({
      repository: REPO,
      workflow: RELEASE,
      ref: 'refs/heads/main'
    })
    const post = await runPost(POST, main, promoteInputs(sealed), {
      env: { GITHUB_API_URL: gh.url }
    })
    expect(post.code).toBe(0)
    const records = await recordsOf(sealed)
    expect(records.map((r) => r.outcome)).toEqual(['pending', 'deployed'])
    expect(records[0]?.sealedBy).toMatchObject({ repository: REPO, signer: RELEASE })
  })

  it.each([
    ['an unsigned seal', {}, 'signed-by'],
    [
      'a seal signed on another ref',
      {
        keyless: {
          claims: {
            ref: 'refs/heads/feature',
            job_workflow_ref: 'acme/shop/.github/workflows/release.yml@refs/heads/feature'
          }
        }
      },
      'signed-by'
    ],
    [
      'a seal signed by another repository',
      {
        keyless: {
          claims: {
            repository: 'acme/fork',
            repository_owner: 'acme',
            job_workflow_ref: 'acme/fork/.github/workflows/release.yml@refs/heads/main'
          }
        }
      },
      'signature'
    ]
  ] as const)(
    'refuses %s and records the refusal, nothing pending or deployed',
    async (name, how, rule) => {
      const sealed = await sealSite(`<p>${name}</p>`, how, policyWorkspace(`<p>${name}</p>`))
      const main = await promote(sealed)
      expect(main.code).toBe(1)
      expect(main.outputs.promoted).toBe('false')
      expect(main.outputs.path).toBe('')
      expect(main.state).toEqual({})
      expect(checksOf(main)).toContainEqual(expect.objectContaining({ rule, passed: false }))
      expect((await recordsOf(sealed)).map((r) => r.outcome)).toEqual(['refused'])
    }
  )

  it(
    'signs the record keyless as a VSA stored in the attestations API, PASSED for a promotion and FAILED for ' +
      'a refusal',
    async () => {
      const sealed = await sealSite(
        '<p>vsa keyless</p>',
        { keyless: {} },
        policyWorkspace('<p>vsa keyless</p>')
      )
      const main = await promote(sealed, keylessInputs(), keylessEnv())
      expect(main.stdout).not.toContain('::error::')
      expect(main.code).toBe(0)
      const [record] = await recordsOf(sealed)
      expect(main.outputs['attestation-id']).toBe(record?.attestation?.id)
      const vsa = vsaOfApiRecord(record ?? {})
      expect(vsa.predicateType).toBe(VSA_TYPE)
      expect(vsa.subject).toEqual([{ name: 'shop', digest: { sha256: sealed.digest.slice(7) } }])
      expect(vsa.predicate.verificationResult).toBe('PASSED')
      expect(vsa.predicate['urn:artifact-seal:promotion:v1']).toMatchObject({
        key: record?.key,
        environment: 'staging',
        outcome: 'pending'
      })
      expect(vsa.predicate.inputAttestations).toEqual([
        {
          uri: expect.stringMatching(/^file:\/\/.*shop\.sigstore\.json$/),
          digest: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }
        }
      ])
      const apiEnv = { GITHUB_REPOSITORY: REPO, GITHUB_TOKEN: gh.token, GITHUB_API_URL: gh.url }
      const checked = await cli(
        [
          'verify-record',
          record?.id as string,
          '--ledger',
          'file:ledger.jsonl',
          '--trusted-root',
          rootFile,
          '--signer-repository',
          REPO
        ],
        sealed.workspace,
        apiEnv
      )
      expect(checked.stderr).toBe('')
      expect(checked.stdout).toMatch(
        new RegExp(
          `^PASSED  record ${record?.id}: pending ${sealed.digest} in staging\n  verifier  ` +
            `pkg:npm/artifact-seal@\\S+ at \\S+\n  signed    ${RELEASE}\n`
        )
      )
      expect(checked.code).toBe(0)
      const otherSigner = await cli(
        [
          'verify-record',
          record?.id as string,
          '--ledger',
          'file:ledger.jsonl',
          '--trusted-root',
          rootFile,
          '--signer-repository',
          'acme/other'
        ],
        sealed.workspace,
        apiEnv
      )
      expect(otherSigner.code).toBe(1)
      expect(otherSigner.stdout).toContain(
        'signer repository (certificate source repository): expected "https://github.com/acme/other"'
      )
      expect(
        (
          await cli(
            [
              'verify-record',
              record?.id as string,
              '--ledger',
              'file:ledger.jsonl',
              '--trusted-root',
              rootFile,
              '--signer-repository',
              REPO
            ],
            sealed.workspace
          )
        ).stdout
      ).toMatch(/^NOT VERIFIED .*set GITHUB_REPOSITORY/)

      const unsigned = await sealSite(
        '<p>vsa refused</p>',
        {},
        policyWorkspace('<p>vsa refused</p>')
      )
      const refused = await promote(unsigned, keylessInputs(), keylessEnv())
      expect(refused.code).toBe(1)
      const [refusal] = await recordsOf(unsigned)
      expect(refusal?.outcome).toBe('refused')
      const failed = vsaOfApiRecord(refusal ?? {})
      expect(failed.predicate.verificationResult).toBe('FAILED')
      expect(failed.predicate['urn:artifact-seal:promotion:v1'].checks).toContainEqual({
        rule: 'signed-by',
        environment: 'staging',
        passed: false
      })
    }
  )

  it('signs the record with a key as a VSA kept beside the ledger', async () => {
    const key = p256Key()
    const sealed = await sealSite(
      '<p>vsa key</p>',
      { keyless: {} },
      policyWorkspace('<p>vsa key</p>')
    )
    const main = await promote(sealed, { sign: 'key', 'signing-key': key.privatePem })
    expect(main.stdout).not.toContain('::error::')
    expect(main.code).toBe(0)
    const [record] = await recordsOf(sealed)
    const link = record?.attestation
    expect(link).toEqual({
      uri: `ledger.jsonl.attestations/${record?.key}.sigstore.json`,
      digest: expect.stringMatching(/^sha256:/),
      id: null
    })
    const file = path.join(sealed.workspace, link?.uri as string)
    expect(`sha256:${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`).toBe(
      link?.digest
    )
    const bundle = readJson(file)
    verifyWithKey(bundle, key)
    const vsa = statementOf(bundle)
    expect(vsa).toMatchObject({
      predicateType: VSA_TYPE,
      subject: [{ digest: { sha256: sealed.digest.slice(7) } }],
      predicate: { verificationResult: 'PASSED' }
    })

    // The post step signs the ledger's checkpoint too; the CLI checks both afterwards.
    const post = await runPost(
      POST,
      main,
      promoteInputs(sealed, { sign: 'key', 'signing-key': key.privatePem }),
      { env: { GITHUB_API_URL: gh.url } }
    )
    expect(post.code).toBe(0)
    fs.writeFileSync(path.join(sealed.workspace, 'cosign.pub'), key.publicPem)
    const ledgerCheck = await cli(
      ['ledger', 'verify', '--ledger', 'file:ledger.jsonl', '--public-key', 'cosign.pub'],
      sealed.workspace
    )
    expect(ledgerCheck.stdout).toMatch(
      new RegExp(
        `^Intact and signed: 2 records after the ledger's first line in file:\\S+, each chained to the one ` +
          `before, up to the head key:${key.hint.replace(/[+/]/g, '\\$&')} signed at`
      )
    )
    expect(ledgerCheck.code).toBe(0)
    const passed = await cli(
      [
        'verify-record',
        record?.id as string,
        '--ledger',
        'file:ledger.jsonl',
        '--public-key',
        'cosign.pub'
      ],
      sealed.workspace
    )
    expect(passed.stdout).toMatch(/^PASSED {2}record 2: pending /)
    expect(passed.code).toBe(0)
    fs.writeFileSync(path.join(sealed.workspace, 'other.pub'), p256Key().publicPem)
    const wrongKey = await cli(
      [
        'verify-record',
        record?.id as string,
        '--ledger',
        'file:ledger.jsonl',
        '--public-key',
        'other.pub'
      ],
      sealed.workspace
    )
    expect(wrongKey.code).toBe(1)
    expect(wrongKey.stdout).toContain('NOT VERIFIED  record 2 in file:')
    expect(wrongKey.stdout).toContain(
      "signature: the bundle's signature verifies with none of the 1 public key(s) given"
    )
    fs.appendFileSync(file, ' ')
    const edited = await cli(
      [
        'verify-record',
        record?.id as string,
        '--ledger',
        'file:ledger.jsonl',
        '--public-key',
        'cosign.pub'
      ],
      sealed.workspace
    )
    expect(edited.code).toBe(1)
    expect(edited.stdout).toContain(
      `not the ${link?.digest} the record pins: the bundle was replaced or edited after the record was written`
    )
  })
})

describe('the bundled promote action with a signed-by policy, on the github ledger', () => {
  const promoteInputs = (
    sealed: Sealed,
    extra: Record<string, string> = {}
  ): Record<string, string> => ({
    ledger: 'github',
    'github-token': gh.token,
    environment: 'staging',
    'expected-digest': sealed.digest,
    'subject-path': 'site',
    'checksums-path': sealed.checksums,
    'signed-by': signedBy({ 'trusted-root': rootFile }),
    ...extra
  })
  const promote = (
    sealed: Sealed,
    extra: Record<string, string> = {},
    env: Record<string, string> = {}
  ): Promise<ActionRun> =>
    runAction(PROMOTE, promoteInputs(sealed, extra), {
      workspace: sealed.workspace,
      env: { GITHUB_API_URL: gh.url, ...env }
    })
  const recordsOf = (sealed: Sealed) =>
    gh
      .deploymentsOf(REPO)
      .filter((d) => d.task === `deploy:${sealed.digest}`)
      .map((d) => ({
        states: d.statuses.map((s) => s.state).reverse(),
        record: (d.payload as { record: Record<string, unknown> }).record
      }))

  it('lets in a keyless-signed seal and records the signer and the signed VSA', async () => {
    const sealed = await sealSite(
      '<p>github signed</p>',
      { keyless: {} },
      policyWorkspace('<p>github signed</p>')
    )
    const main = await promote(sealed, keylessInputs(), keylessEnv())
    expect(main.stdout).not.toContain('::error::')
    expect(main.code).toBe(0)
    const post = await runPost(POST, main, promoteInputs(sealed, keylessInputs()), {
      env: { GITHUB_API_URL: gh.url }
    })
    expect(post.code).toBe(0)
    const [deployment] = recordsOf(sealed)
    expect(deployment?.states).toEqual(['in_progress', 'success'])
    expect(deployment?.record).toMatchObject({ outcome: 'pending', sealedBy: { signer: RELEASE } })
    const vsa = vsaOfApiRecord(
      deployment?.record as { attestation: { uri: string; digest: string; id: string } }
    )
    expect(vsa).toMatchObject({
      predicateType: VSA_TYPE,
      subject: [{ digest: { sha256: sealed.digest.slice(7) } }],
      predicate: { verificationResult: 'PASSED' }
    })
  })

  it('refuses an unsigned seal and records the refusal as a failed deployment', async () => {
    const sealed = await sealSite(
      '<p>github unsigned</p>',
      {},
      policyWorkspace('<p>github unsigned</p>')
    )
    const main = await promote(sealed)
    expect(main.code).toBe(1)
    expect(main.state).toEqual({})
    expect(checksOf(main)).toContainEqual(
      expect.objectContaining({ rule: 'signed-by', passed: false })
    )
    expect(recordsOf(sealed)).toEqual([
      { states: ['failure'], record: expect.objectContaining({ outcome: 'refused' }) }
    ])
  })

  it('refuses a seal signed on another ref', async () => {
    const sealed = await sealSite(
      '<p>github wrong ref</p>',
      {
        keyless: {
          claims: {
            ref: 'refs/heads/feature',
            job_workflow_ref: 'acme/shop/.github/workflows/release.yml@refs/heads/feature'
          }
        }
      },
      policyWorkspace('<p>github wrong ref</p>')
    )
    const main = await promote(sealed)
    expect(main.code).toBe(1)
    expect(main.stdout).toContain(
      'signer source ref: expected \\"refs/heads/main\\"'.replace(/\\/g, '')
    )
    expect(recordsOf(sealed).map((d) => d.record.outcome)).toEqual(['refused'])
  })
})

// ---- a signature is required whenever one is named ---------------------------------

describe('the bundled CLI outside GitHub Actions, with a key, a trusted root or a signer named', () => {
  const key = p256Key()
  let cwd: string
  let sealed: { digest: string; checksumsPath: string; bundlePath: string | null }

  beforeAll(async () => {
    cwd = writeTree(tempDir('laptop-'), {
      'site/index.html': '<p>laptop</p>',
      'signing.pem': key.privatePem,
      'cosign.pub': key.publicPem,
      'promotion.yml': 'environments:\n  staging: {}\n'
    })
    fs.writeFileSync(path.join(cwd, 'trusted_root.json'), JSON.stringify(sig.trustedRoot()))
    const run = await cli(
      ['seal', 'site', '--subject-name', 'shop', '--signing-key', 'signing.pem', '--json'],
      cwd
    )
    expect(run.code).toBe(0)
    sealed = JSON.parse(run.stdout)
    expect(sealed.bundlePath).toMatch(/shop\.sigstore\.json$/)
    // The signature is lost (or removed) on the way to the deploy.
    fs.rmSync(sealed.bundlePath as string)
  })

  it.each([
    ['--public-key', ['--public-key', 'cosign.pub']],
    ['--trusted-root', ['--trusted-root', 'trusted_root.json']],
    ['--signer-repository', ['--signer-repository', REPO]]
  ])('verify refuses the unsigned seal when %s is given, and names it', async (flag, args) => {
    const run = await cli(
      ['verify', 'site', '--digest', sealed.digest, '--checksums', sealed.checksumsPath, ...args],
      cwd
    )
    expect(run.stdout).toContain(
      `but the signature is not accepted:\n  The seal of ${sealed.digest} carries no signature`
    )
    expect(run.stdout).toContain(
      `A signature is required: ${flag} names a signer or what to trust.`
    )
    expect(run.code).toBe(1)
    const json = await cli(
      [
        'verify',
        'site',
        '--digest',
        sealed.digest,
        '--checksums',
        sealed.checksumsPath,
        '--json',
        ...args
      ],
      cwd
    )
    expect(JSON.parse(json.stdout)).toMatchObject({ verified: false, signer: null })
  })

  it('verify still passes the unsigned seal with nothing named, and the signed one with its key', async () => {
    const unnamed = await cli(
      ['verify', 'site', '--digest', sealed.digest, '--checksums', sealed.checksumsPath],
      cwd
    )
    expect(unnamed.stdout).toMatch(/^Verified: 1 file is the sealed bytes/)
    expect(unnamed.code).toBe(0)
    const again = await cli(
      [
        'seal',
        'site',
        '--subject-name',
        'shop',
        '--signing-key',
        'signing.pem',
        '--out',
        'signed',
        '--json'
      ],
      cwd
    )
    const signed = JSON.parse(again.stdout)
    const withKey = await cli(
      [
        'verify',
        'site',
        '--digest',
        signed.digest,
        '--checksums',
        signed.checksumsPath,
        '--public-key',
        'cosign.pub'
      ],
      cwd
    )
    expect(withKey.stdout).toContain(`Signed by key:${key.hint}`)
    expect(withKey.code).toBe(0)
  })

  it('promote refuses the unsigned seal when --public-key is given, and records the refusal', async () => {
    await ensureLedgerInput('file:ledger.jsonl', cwd)
    const run = await cli(
      [
        'promote',
        sealed.digest,
        '--environment',
        'staging',
        '--path',
        'site',
        '--checksums',
        sealed.checksumsPath,
        '--policy',
        'promotion.yml',
        '--ledger',
        'file:ledger.jsonl',
        '--public-key',
        'cosign.pub'
      ],
      cwd
    )
    expect(run.stdout).toMatch(/^REFUSED {2}shop refused for staging/)
    expect(run.stdout).toContain('✗ signature    staging: The seal of')
    expect(run.stdout).toContain('carries no signature')
    expect(run.stdout).toContain(
      'A signature is required: --public-key names a signer or what to trust. Seal it with'
    )
    expect(run.code).toBe(1)
    const outcomes: string[] = []
    for await (const e of new FileLedger(path.join(cwd, 'ledger.jsonl'), 'ledger').entries({
      digest: sealed.digest as LedgerEntry['digest']
    }))
      outcomes.push(e.outcome)
    expect(outcomes).toEqual(['refused'])
  })

  it('promote names the signer it verified, in text and in --json', async () => {
    const signed = JSON.parse(
      (
        await cli(
          [
            'seal',
            'site',
            '--subject-name',
            'shop',
            '--signing-key',
            'signing.pem',
            '--out',
            'signed-for-promote',
            '--json'
          ],
          cwd
        )
      ).stdout
    )
    const promote = [
      'promote',
      signed.digest,
      '--environment',
      'staging',
      '--path',
      'site',
      '--checksums',
      signed.checksumsPath,
      '--policy',
      'promotion.yml',
      '--public-key',
      'cosign.pub'
    ]
    await ensureLedgerInput('file:signer-ledger.jsonl', cwd)
    const text = await cli([...promote, '--ledger', 'file:signer-ledger.jsonl'], cwd)
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`  signed    by key:${key.hint} (verified)\n`)
    const json = await cli([...promote, '--ledger', 'file:signer-ledger.jsonl', '--json'], cwd)
    expect(JSON.parse(json.stdout)).toMatchObject({ allowed: true, signer: `key:${key.hint}` })
  })
})

describe('the bundled verify action given inputs it no longer has', () => {
  it('reads none of them: public-key and require-signature ask for nothing, so an unsigned seal passes', async () => {
    const unsigned = await sealSite('<p>removed inputs</p>')
    const run = await runAction(
      VERIFY,
      {
        'subject-path': 'site',
        'expected-digest': unsigned.digest,
        'checksums-path': unsigned.checksums,
        'public-key': p256Key().publicPem,
        'require-signature': 'true',
        'signer-repository': 'acme/other'
      },
      { workspace: unsigned.workspace, undeclared: true }
    )
    expect(run.code).toBe(0)
    expect(run.outputs.verified).toBe('true')
  })
})
