import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createPublicKey, verify as cryptoVerify, type JsonWebKey } from 'node:crypto'
import * as core from '@actions/core'
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import { X509Certificate } from '@sigstore/core'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { CIContextProvider, DSSEBundleBuilder, FulcioSigner, TSAWitness } from '@sigstore/sign'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'
import {
  DEFAULT_CLAIMS,
  GITHUB_ISSUER,
  startSigstoreHost,
  type SigstoreHost
} from './sigstore-host.js'

let host: SigstoreHost
let other: SigstoreHost
const saved = {
  url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL,
  token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
}

beforeAll(async () => {
  ;[host, other] = await Promise.all([startSigstoreHost(), startSigstoreHost()])
  Object.assign(process.env, host.runnerEnv())
})
afterAll(async () => {
  await Promise.all([host.close(), other.close()])
  for (const [name, value] of [
    ['ACTIONS_ID_TOKEN_REQUEST_URL', saved.url],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', saved.token]
  ] as const) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})
afterEach(() => {
  host.setClaims({})
  host.clearRequests()
})

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >
}

/** Signs with @sigstore/sign exactly as actions/attest does, against a host's Fulcio and TSA. */
async function signThrough(
  through: SigstoreHost,
  payload = '{"_type":"https://in-toto.io/Statement/v1"}'
) {
  const signer = new FulcioSigner({
    fulcioBaseURL: through.url,
    identityProvider: new CIContextProvider('sigstore'),
    timeout: 5000,
    retry: 0
  })
  const bundle = await new DSSEBundleBuilder({
    signer,
    witnesses: [new TSAWitness({ tsaBaseURL: through.url, timeout: 5000, retry: 0 })]
  }).create({
    data: Buffer.from(payload),
    type: 'application/vnd.in-toto+json'
  })
  return bundle
}

function verifierFor(root: Record<string, unknown>): Verifier {
  return new Verifier(toTrustMaterial(TrustedRoot.fromJSON(root)), {
    tlogThreshold: 0,
    ctlogThreshold: 1,
    timestampThreshold: 1
  })
}

describe('OIDC token endpoint', () => {
  it('answers @actions/core getIDToken with a JWT that verifies with the JWKS the discovery document names', async () => {
    const token = await core.getIDToken('sigstore')
    const request = host.requests.find((r) => r.path === '/oidc/idtoken')
    expect(request?.query).toEqual({ 'api-version': '2.0', audience: 'sigstore' })

    const discovery = (await (
      await fetch(`${host.url}/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string }
    expect(discovery.issuer).toBe(GITHUB_ISSUER)
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as {
      keys: (JsonWebKey & { kid: string; alg: string })[]
    }
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as {
      kid: string
      alg: string
    }
    const jwk = jwks.keys.find((k) => k.kid === kid)
    expect(alg).toBe('ES256')
    expect(jwk).toBeDefined()
    const key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
    expect(
      cryptoVerify(
        'sha256',
        Buffer.from(`${header}.${payload}`),
        { key, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature, 'base64url')
      )
    ).toBe(true)
    // Another host's key does not verify it.
    const foreign = createPublicKey({ key: other.jwks().keys[0] as JsonWebKey, format: 'jwk' })
    expect(
      cryptoVerify(
        'sha256',
        Buffer.from(`${header}.${payload}`),
        { key: foreign, dsaEncoding: 'ieee-p1363' },
        Buffer.from(signature, 'base64url')
      )
    ).toBe(false)

    const claims = claimsOf(token)
    expect(claims).toMatchObject({ ...DEFAULT_CLAIMS, aud: 'sigstore' })
    expect(typeof claims.exp).toBe('number')
    expect(claims.exp as number).toBeGreaterThan(Date.now() / 1000)
  })

  it('uses the claims a test sets and the owner URL as the default audience', async () => {
    host.setClaims({
      repository: 'acme/other',
      repository_owner: 'acme',
      environment: 'production'
    })
    const response = await fetch(host.tokenRequestUrl, {
      headers: { authorization: `Bearer ${host.tokenRequestToken}` }
    })
    const { value } = (await response.json()) as { value: string }
    expect(claimsOf(value)).toMatchObject({
      repository: 'acme/other',
      environment: 'production',
      aud: 'https://github.com/acme'
    })
  })

  it('answers 401 for a wrong or missing bearer token', async () => {
    const wrong = await fetch(`${host.tokenRequestUrl}&audience=sigstore`, {
      headers: { authorization: 'Bearer nope' }
    })
    expect(wrong.status).toBe(401)
    const missing = await fetch(`${host.tokenRequestUrl}&audience=sigstore`)
    expect(missing.status).toBe(401)
  })
})

describe('Fulcio and the timestamp authority', () => {
  it('issues a certificate a bundle verifies with, checked by @sigstore/verify against the host trusted root', async () => {
    const bundle = await signThrough(host)
    expect(host.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /oidc/idtoken',
      'POST /api/v2/signingCert',
      'POST /api/v1/timestamp'
    ])
    const serialized = JSON.parse(JSON.stringify(bundleToJSON(bundle))) as unknown
    const signer = verifierFor(host.trustedRoot()).verify(
      toSignedEntity(bundleFromJSON(serialized)),
      {
        subjectAlternativeName:
          'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main',
        extensions: { issuer: GITHUB_ISSUER }
      }
    )
    expect(signer.identity?.subjectAlternativeName).toBe(
      'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main'
    )
  })

  it('writes the extensions Fulcio writes for a GitHub token', async () => {
    host.setClaims({ environment: 'production', repository_visibility: 'internal' })
    const bundle = await signThrough(host)
    const material = bundle.verificationMaterial.content
    if (material.$case !== 'certificate') throw new Error('expected a certificate')
    const cert = X509Certificate.parse(Buffer.from(material.certificate.rawBytes))
    const utf8 = (oid: string): string | undefined =>
      cert.extension(oid)?.valueObj.subs[0]?.value.toString('utf8')
    const raw = (oid: string): string | undefined =>
      cert.extension(oid)?.valueObj.value.toString('utf8')
    expect(raw('1.3.6.1.4.1.57264.1.1')).toBe(GITHUB_ISSUER)
    expect(raw('1.3.6.1.4.1.57264.1.5')).toBe('acme/shop')
    expect(utf8('1.3.6.1.4.1.57264.1.8')).toBe(GITHUB_ISSUER)
    expect(utf8('1.3.6.1.4.1.57264.1.9')).toBe(
      'https://github.com/acme/shop/.github/workflows/release.yml@refs/heads/main'
    )
    expect(utf8('1.3.6.1.4.1.57264.1.11')).toBe('github-hosted')
    expect(utf8('1.3.6.1.4.1.57264.1.12')).toBe('https://github.com/acme/shop')
    expect(utf8('1.3.6.1.4.1.57264.1.14')).toBe('refs/heads/main')
    expect(utf8('1.3.6.1.4.1.57264.1.16')).toBe('https://github.com/acme')
    expect(utf8('1.3.6.1.4.1.57264.1.21')).toBe(
      'https://github.com/acme/shop/actions/runs/4242/attempts/2'
    )
    expect(utf8('1.3.6.1.4.1.57264.1.22')).toBe('internal')
    expect(utf8('1.3.6.1.4.1.57264.1.23')).toBe('production')
  })

  it('refuses a bundle from another host: its CA is not in this trusted root', async () => {
    Object.assign(process.env, other.runnerEnv())
    try {
      const bundle = await signThrough(other)
      expect(() => verifierFor(host.trustedRoot()).verify(toSignedEntity(bundle))).toThrow(
        /certificate chain|timestamp/i
      )
      expect(() => verifierFor(other.trustedRoot()).verify(toSignedEntity(bundle))).not.toThrow()
    } finally {
      Object.assign(process.env, host.runnerEnv())
    }
  })

  it('refuses a token that another issuer signed, and one for another audience, as Fulcio does', async () => {
    const publicKey = 'unused'
    const foreign = other.mintToken('sigstore')
    const answer = await fetch(`${host.url}/api/v2/signingCert`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        credentials: { oidcIdentityToken: foreign },
        publicKeyRequest: {
          publicKey: { algorithm: 'ECDSA', content: publicKey },
          proofOfPossession: 'AA=='
        }
      })
    })
    expect(answer.status).toBe(401)
    const wrongAudience = host.mintToken('nobody')
    const again = await fetch(`${host.url}/api/v2/signingCert`, {
      method: 'POST',
      body: JSON.stringify({
        credentials: { oidcIdentityToken: wrongAudience },
        publicKeyRequest: {
          publicKey: { algorithm: 'ECDSA', content: publicKey },
          proofOfPossession: 'AA=='
        }
      })
    })
    expect(again.status).toBe(401)
  })

  it('answers injected failures', async () => {
    host.fail('fulcio', 503)
    await expect(signThrough(host)).rejects.toThrow(/signing certificate/)
    expect(
      host.requests.filter((r) => r.path === '/api/v2/signingCert').map((r) => r.status)
    ).toEqual([503])
  })
})
