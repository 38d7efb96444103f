import { afterAll, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { checkSignature } from '../../../src/app/signature/check-signature.js'
import type { SignerExpectation } from '../../../src/app/settings/types.js'
import { sealToBundle } from '../../../src/app/seal/seal-to-bundle.js'
import { prepareSigning } from '../../../src/app/signature/signing.js'
import { type Digest, digestFromHex } from '../../../src/core/digest.js'
import { readPublicKey, readSigningKey } from '../../../src/core/signing/signing-key.js'
import { verificationSummary } from '../../../src/core/signing/vsa.js'
import { signStatementWithKey } from '../../../src/attestation/key-signer.js'
import { signStatement } from '../../../src/attestation/sign-statement.js'
import { sigstoreBundleBeside } from '../../../src/stores/evidence/seal-bundle.js'
import { startSigstoreHost } from '../../hosts/sigstore-host.js'
import { STATEMENT } from '../../attestation/helpers.js'

const LOCAL = {
  kind: 'local',
  build: { tool: 'pkg:npm/artifact-seal@test', host: 'test', startedOn: '2026-01-01T00:00:00.000Z' }
} as const

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  return {
    pem,
    signing: readSigningKey(pem, undefined),
    public: readPublicKey(
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      'public-key'
    )
  }
}

function expectation(publicKey: ReturnType<typeof keyPair>['public'] | null): SignerExpectation {
  return {
    repository: 'acme/shop',
    workflow: null,
    sourceRef: null,
    issuer: null,
    denySelfHostedRunners: false,
    publicKey,
    trustedRootFile: null,
    tufMirrors: null,
    required: true,
    serverUrl: 'https://github.com'
  }
}

/** Seals a tree of one file with the key; the bundle directory is returned. */
async function sealSigned(dir: string, content: string, key: ReturnType<typeof keyPair>) {
  const tree = path.join(dir, 'site')
  fs.mkdirSync(tree, { recursive: true })
  fs.writeFileSync(path.join(tree, 'index.html'), content)
  const signing = await prepareSigning(
    {
      mode: 'key',
      key: { pem: key.pem, password: undefined, inputName: 'signing-key' },
      endpoints: { fulcioUrl: null, rekorUrl: null, tsaUrl: null }
    },
    {}
  )
  if (signing.kind === 'none') throw new Error('expected a signer')
  return sealToBundle(
    {
      kind: 'paths',
      patterns: { include: [tree], exclude: [] },
      baseDir: dir,
      inputName: 'subject-path'
    },
    { fallbackName: 'site', build: LOCAL },
    { outputDir: path.join(dir, 'seal'), defaultParent: dir, inputName: 'output-dir' },
    async (artifact) => ({
      artifact,
      extras: { signed: (await signing.sign(artifact.statement)).json }
    })
  )
}

describe('checkSignature', () => {
  const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'check-signature-'))

  it('verifies the bundle beside the listing with the public key, and names the key', async () => {
    const key = keyPair()
    const { artifact, bundle } = await sealSigned(tmp(), '<html>', key)
    expect(bundle.sigstoreBundlePath).toBe(
      path.join(path.dirname(bundle.checksumsPath), 'site.sigstore.json')
    )
    const checked = await checkSignature(
      artifact.digest,
      { checksumsFile: bundle.checksumsPath, attestations: null },
      expectation(key.public)
    )
    expect(checked).toMatchObject({
      status: 'verified',
      signer: { kind: 'key', hint: key.public.hint },
      source: bundle.sigstoreBundlePath,
      name: 'site'
    })
    // A local build names no run: the record says who signed and nothing it could only claim.
    expect(checked.status === 'verified' && checked.sealedBy).toEqual({
      repository: null,
      commit: null,
      runUrl: null,
      signer: `key:${key.public.hint}`
    })
    if (checked.status !== 'verified') throw new Error('unreachable')
    const bytes = fs.readFileSync(bundle.sigstoreBundlePath as string)
    expect(checked.bundleDigest).toBe(
      digestFromHex((await import('node:crypto')).createHash('sha256').update(bytes).digest('hex'))
    )
  })

  it('refuses the bundle with another key, naming the check', async () => {
    const { artifact, bundle } = await sealSigned(tmp(), '<html>', keyPair())
    const checked = await checkSignature(
      artifact.digest,
      { checksumsFile: bundle.checksumsPath, attestations: null },
      expectation(keyPair().public)
    )
    expect(checked.status).toBe('refused')
    expect(checked.status === 'refused' && checked.detail).toMatch(
      /does not verify: (key not found|signature)/
    )
  })

  it("refuses another seal's bundle put beside the listing: signed, but for other bytes", async () => {
    const key = keyPair()
    const one = await sealSigned(tmp(), 'one', key)
    const other = await sealSigned(tmp(), 'other', key)
    fs.copyFileSync(
      other.bundle.sigstoreBundlePath as string,
      one.bundle.sigstoreBundlePath as string
    )
    const checked = await checkSignature(
      one.artifact.digest,
      { checksumsFile: one.bundle.checksumsPath, attestations: null },
      expectation(key.public)
    )
    expect(checked).toMatchObject({ status: 'refused' })
    expect(checked.status === 'refused' && checked.detail).toContain(
      `for other bytes: its statement's subjects do not include ${one.artifact.digest}`
    )
  })

  it('refuses a damaged bundle, and reports a missing one as unsigned, naming where it looked', async () => {
    const key = keyPair()
    const { artifact, bundle } = await sealSigned(tmp(), '<html>', key)
    fs.writeFileSync(bundle.sigstoreBundlePath as string, '{"not": "a bundle"')
    expect(
      (
        await checkSignature(
          artifact.digest,
          { checksumsFile: bundle.checksumsPath, attestations: null },
          expectation(key.public)
        )
      ).status
    ).toBe('refused')
    fs.rmSync(bundle.sigstoreBundlePath as string)
    const unsigned = await checkSignature(
      artifact.digest,
      { checksumsFile: bundle.checksumsPath, attestations: null },
      expectation(key.public)
    )
    expect(unsigned).toEqual({
      status: 'unsigned',
      detail:
        `The seal of ${artifact.digest} carries no signature: no "${bundle.sigstoreBundlePath}" beside ` +
        'the listing.'
    })
  })

  it("refuses a signed statement that is not the seal's provenance (a verification summary of the same digest)", async () => {
    const key = keyPair()
    const { artifact, bundle } = await sealSigned(tmp(), '<html>', key)
    const vsa = verificationSummary({
      digest: artifact.digest.slice(7),
      subjectName: 'site',
      verifierId: 'pkg:npm/artifact-seal@test',
      verifierVersion: 'test',
      timeVerified: '2026-01-01T00:00:00.000Z',
      resourceUri: 'urn:artifact-seal:ledger:environment:production',
      policy: { uri: 'file:p.yml', digest: null },
      inputAttestations: [],
      result: 'PASSED',
      verifiedLevels: ['SLSA_BUILD_LEVEL_UNEVALUATED']
    })
    fs.writeFileSync(
      bundle.sigstoreBundlePath as string,
      JSON.stringify(await signStatementWithKey(vsa, key.signing))
    )
    const checked = await checkSignature(
      artifact.digest,
      { checksumsFile: bundle.checksumsPath, attestations: null },
      expectation(key.public)
    )
    expect(checked.status === 'refused' && checked.detail).toContain(
      "not the seal's SLSA provenance"
    )
  })

  it("takes the attestations API's candidates when no bundle travelled, and the first that passes wins", async () => {
    const key = keyPair()
    const good = await sealSigned(tmp(), '<html>', key)
    const stranger = await sealSigned(tmp(), '<html>', keyPair())
    const read = (file: string | null): unknown =>
      JSON.parse(fs.readFileSync(file as string, 'utf8'))
    const asked: Digest[] = []
    const attestations = async (digest: Digest) => {
      asked.push(digest)
      return [
        {
          bundle: read(stranger.bundle.sigstoreBundlePath),
          source: 'attestation 1',
          digest: good.artifact.digest
        },
        {
          bundle: read(good.bundle.sigstoreBundlePath),
          source: 'attestation 2',
          digest: good.artifact.digest
        }
      ]
    }
    const checked = await checkSignature(
      good.artifact.digest,
      { checksumsFile: null, attestations },
      expectation(key.public)
    )
    expect(asked).toEqual([good.artifact.digest])
    expect(checked).toMatchObject({ status: 'verified', source: 'attestation 2' })
    const none = await checkSignature(
      good.artifact.digest,
      { checksumsFile: null, attestations: async () => [] },
      expectation(key.public)
    )
    expect(none.status).toBe('unsigned')
    const onlyStranger = await checkSignature(
      good.artifact.digest,
      {
        checksumsFile: null,
        attestations: async () => (await attestations(good.artifact.digest)).slice(0, 1)
      },
      expectation(key.public)
    )
    expect(onlyStranger.status).toBe('refused')
  })
})

describe('checkSignature on a keyless bundle with a pinned trusted root', () => {
  const saved = process.env.RUNNER_TEMP
  afterAll(() => {
    if (saved === undefined) delete process.env.RUNNER_TEMP
    else process.env.RUNNER_TEMP = saved
  })

  it('checks against the pinned root and never the default, whatever the bundle says of a public key', async () => {
    const host = await startSigstoreHost()
    try {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-signature-'))
      // Where the default root's TUF cache would go, were it ever fetched.
      process.env.RUNNER_TEMP = path.join(dir, 'runner-temp')
      const rootFile = path.join(dir, 'trusted_root.json')
      fs.writeFileSync(rootFile, JSON.stringify(host.trustedRoot()))
      const checksumsFile = path.join(dir, 'shop.sha256')
      const digest = digestFromHex('a'.repeat(64))
      const bundle = await signStatement(STATEMENT, {
        kind: 'keyless',
        instance: { name: 'github', fulcioUrl: host.url, tsaUrl: host.url },
        token: host.mintToken('sigstore'),
        retries: 0
      })
      const pinned = { ...expectation(null), trustedRootFile: rootFile }
      const check = async (json: unknown) => {
        fs.writeFileSync(sigstoreBundleBeside(checksumsFile) as string, JSON.stringify(json))
        return checkSignature(digest, { checksumsFile, attestations: null }, pinned)
      }
      expect(await check(bundle)).toMatchObject({
        status: 'verified',
        signer: { kind: 'certificate' }
      })
      const withNullKey = JSON.parse(JSON.stringify(bundle)) as {
        verificationMaterial: Record<string, unknown>
      }
      withNullKey.verificationMaterial.publicKey = null
      const refused = await check(withNullKey)
      expect(refused.status === 'refused' && refused.detail).toContain(
        'verificationMaterial names publicKey and certificate: a bundle is signed with one key (publicKey) or ' +
          'one certificate'
      )
      expect(fs.existsSync(process.env.RUNNER_TEMP)).toBe(false)
    } finally {
      await host.close()
    }
  })
})
