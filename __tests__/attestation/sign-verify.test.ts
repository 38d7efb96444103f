import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { SerializedBundle } from '@sigstore/bundle'
import { SealError } from '../../src/core/errors.js'
import { getOidcToken } from '../../src/attestation/oidc-token.js'
import { signStatement, type KeylessSigning } from '../../src/attestation/sign-statement.js'
import type { SigstoreInstance } from '../../src/attestation/sigstore-instance.js'
import { verifyAttestation } from '../../src/attestation/verify-bundle.js'
import { GITHUB_ISSUER, startSigstoreHost, type SigstoreHost } from '../hosts/sigstore-host.js'
import {
  STATEMENT,
  clone,
  testKey,
  verifyDirectly,
  verifyKeyedDirectly,
  withEditedPayload
} from './helpers.js'

let host: SigstoreHost
let other: SigstoreHost
const saved = { ...process.env }

const instanceOf = (through: SigstoreHost, tsa: SigstoreHost = through): SigstoreInstance => ({
  name: 'github',
  fulcioUrl: through.url,
  tsaUrl: tsa.url
})
const POLICY = {
  repository: 'acme/shop',
  issuer: GITHUB_ISSUER,
  denySelfHostedRunners: true,
  serverUrl: 'https://github.com'
}

beforeAll(async () => {
  ;[host, other] = await Promise.all([startSigstoreHost(), startSigstoreHost()])
})
afterAll(async () => {
  await Promise.all([host.close(), other.close()])
})
afterEach(() => {
  host.setClaims({})
  host.clearRequests()
  for (const name of ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
})

async function keyless(
  through = host,
  overrides: Partial<KeylessSigning> = {}
): Promise<SerializedBundle> {
  return signStatement(STATEMENT, {
    kind: 'keyless',
    instance: instanceOf(through),
    token: through.mintToken('sigstore'),
    retries: 0,
    ...overrides
  })
}

/** The SealError a call rejects with. */
async function refusal(call: Promise<unknown>): Promise<SealError> {
  try {
    await call
  } catch (error) {
    if (error instanceof SealError) return error
    throw error
  }
  throw new Error('expected a SealError')
}

describe('keyless round trip through the loopback hosts', () => {
  it(
    'signs with the job token from the runner endpoint; the bundle verifies directly and through ' +
      'verifyAttestation',
    async () => {
      Object.assign(process.env, host.runnerEnv())
      const token = await getOidcToken()
      if (token.kind !== 'token') throw new Error(token.reason)
      expect(token.claims).toMatchObject({
        job_workflow_ref: 'acme/shop/.github/workflows/release.yml@refs/heads/main',
        repository: 'acme/shop',
        aud: 'sigstore'
      })

      const before = Date.now()
      const bundle = await signStatement(STATEMENT, {
        kind: 'keyless',
        instance: instanceOf(host),
        token: token.token
      })
      expect(host.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'GET /oidc/idtoken 200',
        'POST /api/v2/signingCert 201',
        'POST /api/v1/timestamp 201'
      ])
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
      expect(bundle.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json')
      expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([])
      expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(
        1
      )

      const direct = verifyDirectly(bundle, host.trustedRoot())
      expect(direct.identity?.subjectAlternativeName).toBe(
        'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main'
      )

      const verified = await verifyAttestation(clone(bundle), {
        trustedRoot: host.trustedRoot(),
        identity: {
          ...POLICY,
          workflow: '.github/workflows/release.yml@refs/heads/main',
          sourceRef: 'refs/heads/main'
        }
      })
      expect(verified.statement).toEqual(STATEMENT)
      expect(verified.payloadType).toBe('application/vnd.in-toto+json')
      if (verified.signer.kind !== 'certificate') throw new Error('expected a certificate signer')
      expect(verified.signer.identity).toMatchObject({
        subjectAlternativeName:
          'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main',
        issuer: GITHUB_ISSUER,
        repository: 'acme/shop',
        sourceRepositoryRef: 'refs/heads/main',
        sourceRepositoryDigest: '0123456789abcdef0123456789abcdef01234567',
        runnerEnvironment: 'github-hosted',
        runInvocationUri: 'https://github.com/acme/shop/actions/runs/4242/attempts/2'
      })
      expect(verified.signer.signedAt.getTime()).toBeGreaterThanOrEqual(
        Math.floor(before / 1000) * 1000 - 1000
      )
      expect(verified.signer.signedAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000)
      expect(verified.signer.certificate).toMatch(/^-----BEGIN CERTIFICATE-----\n/)
    }
  )

  it('names the reusable workflow in the SAN when job_workflow_ref points at one', async () => {
    host.setClaims({ job_workflow_ref: 'acme/workflows/.github/workflows/build.yml@refs/tags/v1' })
    const bundle = await keyless()
    expect(verifyDirectly(bundle, host.trustedRoot()).identity?.subjectAlternativeName).toBe(
      'https://github.com/acme/workflows/.github/workflows/build.yml@refs/tags/v1'
    )
    const verified = await verifyAttestation(bundle, {
      trustedRoot: host.trustedRoot(),
      identity: { ...POLICY, workflow: 'acme/workflows/.github/workflows/build.yml@refs/tags/v1' }
    })
    expect(verified.signer.kind).toBe('certificate')
    const error = await refusal(
      verifyAttestation(bundle, { trustedRoot: host.trustedRoot(), identity: POLICY })
    )
    expect(error.message).toContain(
      'signer signer workflow (certificate subject alternative name): expected ' +
        '"https://github.com/acme/shop/<workflow path>@<ref>"'
    )
  })
})

describe('keyless refusals', () => {
  it('refuses a certificate from an untrusted CA even with a trusted timestamp', async () => {
    const bundle = await signStatement(STATEMENT, {
      kind: 'keyless',
      instance: instanceOf(other, host),
      token: other.mintToken('sigstore'),
      retries: 0
    })
    expect(() => verifyDirectly(bundle, host.trustedRoot())).toThrow(/certificate chain/i)
    const error = await refusal(verifyAttestation(bundle, { trustedRoot: host.trustedRoot() }))
    expect(error.message).toMatch(
      /^certificate chain: the signing certificate does not chain to a certificate authority of the trusted root/
    )
  })

  it('refuses a bundle whose timestamp comes from another TSA, and one whose timestamps were stripped', async () => {
    const foreignTime = await signStatement(STATEMENT, {
      kind: 'keyless',
      instance: instanceOf(host, other),
      token: host.mintToken('sigstore'),
      retries: 0
    })
    expect(() => verifyDirectly(foreignTime, host.trustedRoot())).toThrow(/timestamp/)
    expect(
      (await refusal(verifyAttestation(foreignTime, { trustedRoot: host.trustedRoot() }))).message
    ).toMatch(/^timestamp: no trusted timestamp/)

    const stripped = clone(await keyless()) as SerializedBundle & {
      verificationMaterial: { timestampVerificationData: { rfc3161Timestamps: unknown[] } }
    }
    stripped.verificationMaterial.timestampVerificationData.rfc3161Timestamps = []
    expect(() => verifyDirectly(stripped, host.trustedRoot())).toThrow(
      /expected 1 timestamps, got 0/
    )
    const error = await refusal(verifyAttestation(stripped, { trustedRoot: host.trustedRoot() }))
    expect(error.message).toMatch(
      /^timestamp: no trusted timestamp proves when the bundle was signed \(expected 1 timestamps, got 0\)/
    )
  })

  it('refuses a certificate that had expired when the timestamp was made', async () => {
    const stale = await startSigstoreHost({ caClock: new Date(Date.now() - 3600_000) })
    try {
      const bundle = await keyless(stale)
      expect(() => verifyDirectly(bundle, stale.trustedRoot())).toThrow(/certificate/)
      expect(
        (await refusal(verifyAttestation(bundle, { trustedRoot: stale.trustedRoot() }))).message
      ).toMatch(/^certificate chain: .*not valid when it signed/)
    } finally {
      await stale.close()
    }
  })

  it('refuses a payload edited after signing', async () => {
    const edited = withEditedPayload(await keyless(), (s) => {
      ;(s.subject as { digest: { sha256: string } }[])[0]!.digest.sha256 = 'b'.repeat(64)
    })
    expect(() => verifyDirectly(edited, host.trustedRoot())).toThrow(
      /signature verification failed/
    )
    expect(
      (await refusal(verifyAttestation(edited, { trustedRoot: host.trustedRoot() }))).message
    ).toMatch(/^signature: the bundle's signature does not match its payload/)
  })

  it.each([
    [
      'repository',
      { repository: 'acme/other' },
      {},
      /signer repository \(certificate source repository\): expected "https:\/\/github.com\/acme\/other", got "https:\/\/github.com\/acme\/shop"/
    ],
    [
      'workflow',
      { workflow: '.github/workflows/deploy.yml' },
      {},
      /signer workflow .*expected "https:\/\/github.com\/acme\/shop\/.github\/workflows\/deploy.yml@<any ref>"/
    ],
    [
      'ref',
      { sourceRef: 'refs/heads/release' },
      {},
      /signer source ref: expected "refs\/heads\/release", got "refs\/heads\/main"/
    ],
    [
      'issuer',
      {},
      { iss: 'https://token.actions.evil.ghe.com' },
      /signer OIDC issuer: expected "https:\/\/token.actions.githubusercontent.com", got "https:\/\/token.actions.evil.ghe.com"/
    ],
    [
      'self-hosted runner',
      {},
      { runner_environment: 'self-hosted' },
      /signer runner environment: expected "github-hosted", got "self-hosted"/
    ],
    [
      'acme/shop-evil',
      {},
      {
        repository: 'acme/shop-evil',
        job_workflow_ref: 'acme/shop-evil/.github/workflows/release.yml@refs/heads/main'
      },
      /signer repository .*got "https:\/\/github.com\/acme\/shop-evil"\nsigner signer workflow .*got "https:\/\/github.com\/acme\/shop-evil\/.github\/workflows\/release.yml@refs\/heads\/main"/
    ]
  ] as const)('refuses the wrong signer: %s', async (_name, policy, claims, message) => {
    host.setClaims(claims)
    const bundle = await keyless()
    verifyDirectly(bundle, host.trustedRoot())
    const error = await refusal(
      verifyAttestation(bundle, {
        trustedRoot: host.trustedRoot(),
        identity: { ...POLICY, ...policy }
      })
    )
    expect(error.message).toMatch(message)
  })

  it('refuses what is not a bundle, naming what is wrong', async () => {
    expect(
      (await refusal(verifyAttestation({ hello: 'world' }, { trustedRoot: host.trustedRoot() })))
        .message
    ).toMatch(/^The signature is not a Sigstore bundle/)
    const noEnvelope = clone(await keyless()) as Record<string, unknown>
    delete noEnvelope.dsseEnvelope
    expect(
      (await refusal(verifyAttestation(noEnvelope, { trustedRoot: host.trustedRoot() }))).message
    ).toMatch(/not a Sigstore bundle|no DSSE envelope/)
  })

  it('requires a transparency log entry when asked, which a TSA-only bundle lacks', async () => {
    const error = await refusal(
      verifyAttestation(await keyless(), {
        trustedRoot: host.trustedRoot(),
        requireTransparencyLog: true
      })
    )
    expect(error.message).toMatch(/^transparency log: .*expected 1 tlog entries, got 0/)
  })
})

describe('keyed', () => {
  it('signs without any network and verifies with the key alone', async () => {
    const key = testKey()
    const bundle = await signStatement(STATEMENT, { kind: 'key', signer: key.signer })
    expect(bundle.verificationMaterial).toMatchObject({ publicKey: { hint: key.hint } })
    expect(bundle.dsseEnvelope?.signatures[0]?.keyid).toBe(key.hint)
    verifyKeyedDirectly(bundle, key)
    const verified = await verifyAttestation(bundle, {
      publicKeys: [{ hint: key.hint, publicKey: key.publicKey }]
    })
    expect(verified.signer).toEqual({ kind: 'key', hint: key.hint })
    expect(verified.statement).toEqual(STATEMENT)
    // A key given without its hint is still tried, as cosign ignores hints.
    expect(
      (await verifyAttestation(bundle, { publicKeys: [{ publicKey: key.publicKey }] })).signer
    ).toEqual({ kind: 'key', hint: key.hint })
  })

  it('refuses a wrong key, no key, an edited payload, and an identity policy', async () => {
    const key = testKey()
    const wrong = testKey()
    const bundle = await signStatement(STATEMENT, { kind: 'key', signer: key.signer })
    expect(
      (
        await refusal(
          verifyAttestation(bundle, {
            publicKeys: [{ hint: wrong.hint, publicKey: wrong.publicKey }]
          })
        )
      ).message
    ).toMatch(/^signature: the bundle's signature verifies with none of the 1 public key/)
    expect((await refusal(verifyAttestation(bundle, {}))).message).toMatch(
      /^key not found: .*Give the signer's public key in "signed-by" \(its "key:"\)\.$/
    )
    const edited = withEditedPayload(bundle, (s) => void (s.predicateType = 'https://evil.example'))
    expect(() => verifyKeyedDirectly(edited, key)).toThrow(/signature/)
    expect(
      (
        await refusal(
          verifyAttestation(edited, { publicKeys: [{ hint: key.hint, publicKey: key.publicKey }] })
        )
      ).message
    ).toMatch(/^signature:/)
    expect(
      (
        await refusal(
          verifyAttestation(bundle, {
            publicKeys: [{ hint: key.hint, publicKey: key.publicKey }],
            identity: POLICY
          })
        )
      ).message
    ).toMatch(/^signer: the bundle is signed with a key/)
  })
})

describe('signing failures', () => {
  it('names an unreachable Fulcio and says what to do', async () => {
    const error = await refusal(
      signStatement(STATEMENT, {
        kind: 'keyless',
        instance: { name: 'github', fulcioUrl: 'http://127.0.0.1:1', tsaUrl: host.url },
        token: host.mintToken('sigstore'),
        retries: 0
      })
    )
    expect(error.message).toMatch(
      /^Fulcio at "http:\/\/127.0.0.1:1" did not issue a signing certificate: .*ECONNREFUSED.*ARTIFACT_SEAL_FULCIO_URL/
    )
  })

  it('names a failing timestamp authority and an unreachable Rekor', async () => {
    host.fail('tsa', 500)
    const tsa = await refusal(keyless(host))
    expect(tsa.message).toMatch(
      new RegExp(
        `^The timestamp authority at "${host.url}" did not timestamp the signature: .*500.*ARTIFACT_SEAL_TSA_URL`
      )
    )
    const rekor = await refusal(
      signStatement(STATEMENT, {
        kind: 'keyless',
        instance: { name: 'public-good', fulcioUrl: host.url, rekorUrl: 'http://127.0.0.1:1' },
        token: host.mintToken('sigstore'),
        retries: 0
      })
    )
    expect(rekor.message).toMatch(
      /^The Rekor transparency log at "http:\/\/127.0.0.1:1" did not record the signature: .*ARTIFACT_SEAL_REKOR_URL/
    )
  })

  it('retries a Fulcio answering 503 as actions/attest does', async () => {
    host.fail('fulcio', 503, 1)
    const bundle = await keyless(host, { retries: 1 })
    verifyDirectly(bundle, host.trustedRoot())
    expect(
      host.requests.filter((r) => r.path === '/api/v2/signingCert').map((r) => r.status)
    ).toEqual([503, 201])
  })

  it('refuses keyless signing with neither a log nor a timestamp authority', async () => {
    const error = await refusal(
      signStatement(STATEMENT, {
        kind: 'keyless',
        instance: { name: 'github', fulcioUrl: host.url },
        token: host.mintToken('sigstore')
      })
    )
    expect(error.message).toMatch(
      /needs a Rekor log \(ARTIFACT_SEAL_REKOR_URL\) or a timestamp authority \(ARTIFACT_SEAL_TSA_URL\)/
    )
  })

  it('names Fulcio when it refuses the token', async () => {
    const error = await refusal(keyless(host, { token: host.mintToken('nobody') }))
    expect(error.message).toMatch(/^Fulcio at ".*" did not issue a signing certificate: .*401/)
  })
})
