import { generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto'
import { describe, expect, it } from '@jest/globals'
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import {
  Verifier,
  toSignedEntity,
  toTrustMaterial,
  type Signer as VerifiedSigner
} from '@sigstore/verify'
import {
  keySigner,
  signatureDigest,
  signStatementWithKey
} from '../../src/attestation/key-signer.js'
import { signStatement } from '../../src/attestation/sign-statement.js'
import { verifyAttestation } from '../../src/attestation/verify-bundle.js'
import {
  type KeyAlgorithm,
  type SigningKey,
  readPublicKey,
  readSigningKey
} from '../../src/core/signing/signing-key.js'
import { readVerificationSummary, verificationSummary } from '../../src/core/signing/vsa.js'
import { cosignFixture } from '../../__fixtures__/cosign/cosign-key.js'
import { EMPTY_ROOT, STATEMENT, withEditedPayload } from './helpers.js'

/**
 * The independent oracle: @sigstore/verify called directly, with an empty trusted root and
 * nothing but the public key (found by any hint, as cosign ignores hints), thresholds 0.
 */
function verifyWithKeyAlone(bundle: unknown, publicKey: KeyObject): VerifiedSigner {
  const material = toTrustMaterial(TrustedRoot.fromJSON(EMPTY_ROOT), () => ({
    publicKey,
    validFor: () => true
  }))
  return new Verifier(material, {
    tlogThreshold: 0,
    ctlogThreshold: 0,
    timestampThreshold: 0
  }).verify(toSignedEntity(bundleFromJSON(bundle)))
}

const GENERATORS: Readonly<Record<KeyAlgorithm, () => KeyObject>> = {
  'ecdsa-p256': () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
  'ecdsa-p384': () => generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey,
  'ecdsa-p521': () => generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey,
  ed25519: () => generateKeyPairSync('ed25519').privateKey,
  rsa: () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
}

function keyOf(algorithm: KeyAlgorithm): SigningKey {
  return readSigningKey(
    GENERATORS[algorithm]().export({ type: 'pkcs8', format: 'pem' }).toString(),
    undefined
  )
}

const ALGORITHMS = Object.keys(GENERATORS) as KeyAlgorithm[]

describe('signStatementWithKey', () => {
  it.each(ALGORITHMS)(
    'makes a v0.3 bundle that @sigstore/verify accepts with the %s public key alone',
    async (algorithm) => {
      const key = keyOf(algorithm)
      const bundle = await signStatementWithKey(STATEMENT, key)
      expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json')
      expect(bundle.verificationMaterial.publicKey).toEqual({ hint: key.hint })
      expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([])
      expect(bundle.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json')
      expect(bundle.dsseEnvelope?.signatures).toEqual([
        { sig: expect.any(String), keyid: key.hint }
      ])
      expect(
        JSON.parse(Buffer.from(bundle.dsseEnvelope?.payload ?? '', 'base64').toString('utf8'))
      ).toEqual(STATEMENT)
      const signer = verifyWithKeyAlone(
        bundle,
        readPublicKey(key.publicKeyPem, 'public-key').publicKey
      )
      expect(signer.identity).toBeUndefined()
    }
  )

  it('writes ECDSA signatures as DER, as cosign does, and signs Ed25519 without a digest', async () => {
    const ecdsa = await signStatementWithKey(STATEMENT, keyOf('ecdsa-p384'))
    expect(Buffer.from(ecdsa.dsseEnvelope?.signatures[0]?.sig ?? '', 'base64')[0]).toBe(0x30)
    const ed25519 = await signStatementWithKey(STATEMENT, keyOf('ed25519'))
    expect(Buffer.from(ed25519.dsseEnvelope?.signatures[0]?.sig ?? '', 'base64')).toHaveLength(64)
    expect(signatureDigest('ed25519')).toBeNull()
  })

  it('refuses the bundle with another key, and with the payload edited after signing', async () => {
    const key = keyOf('ecdsa-p256')
    const bundle = await signStatementWithKey(STATEMENT, key)
    expect(() => verifyWithKeyAlone(bundle, keyOf('ecdsa-p256').publicKey)).toThrow(
      /signature verification failed/
    )
    const edited = withEditedPayload(
      bundle,
      (statement) =>
        ((statement.subject as { digest: { sha256: string } }[])[0]!.digest.sha256 = 'b'.repeat(64))
    )
    expect(() => verifyWithKeyAlone(edited, key.publicKey)).toThrow(/signature verification failed/)
  })

  it(
    'signs P-384 and P-521 over SHA-256, since neither @sigstore/verify nor cosign --key checks a SHA-384 or ' +
      'SHA-512 signature',
    async () => {
      for (const algorithm of ['ecdsa-p384', 'ecdsa-p521'] as const) {
        const key = keyOf(algorithm)
        const curveDigest = algorithm === 'ecdsa-p384' ? 'sha384' : 'sha512'
        // The signature cosign's own signer would make (LoadDefaultSignerVerifier: the curve's
        // digest) fails the project's verifier.
        const curveSigner = {
          sign: (data: Buffer) =>
            Promise.resolve({
              signature: cryptoSign(curveDigest, data, key.privateKey),
              key: { $case: 'publicKey' as const, publicKey: key.publicKeyPem, hint: key.hint }
            })
        }
        const curveBundle = await signStatement(STATEMENT, { kind: 'key', signer: curveSigner })
        expect(() => verifyWithKeyAlone(curveBundle, key.publicKey)).toThrow(
          /signature verification failed/
        )
        const bundle = await signStatementWithKey(STATEMENT, key)
        expect(() => verifyWithKeyAlone(bundle, key.publicKey)).not.toThrow()
      }
    }
  )

  it('signs with the cosign test keys once they are opened', async () => {
    for (const [file, password] of [
      ['keys_test-sigstore.key', 'hello'],
      ['sigstore-rs-ed25519_encrypted_private.key', '123'],
      ['sigstore-rs-rsa_encrypted_private.key', '123']
    ] as const) {
      const key = readSigningKey(cosignFixture(file), password)
      expect(
        verifyWithKeyAlone(await signStatementWithKey(STATEMENT, key), key.publicKey).key.equals(
          key.publicKey
        )
      ).toBe(true)
    }
  })
})

describe('a signed promotion record', () => {
  it('is a verification summary in a keyed bundle that verifies with the key alone and reads back', async () => {
    const key = keyOf('ed25519')
    const vsa = verificationSummary({
      digest: 'c'.repeat(64),
      subjectName: 'shop.tar.gz',
      verifierId: 'pkg:npm/artifact-seal@0.2.0',
      verifierVersion: '0.2.0',
      timeVerified: '2026-11-28T10:20:30.000Z',
      resourceUri: 'file:///srv/ledger.jsonl#production',
      policy: { uri: 'file:///srv/promotion.yml', digest: { sha256: 'd'.repeat(64) } },
      inputAttestations: [],
      result: 'FAILED',
      verifiedLevels: [],
      extension: {
        key: 'k1',
        environment: 'production',
        outcome: 'vetoed',
        mode: null,
        reason: 'bad build'
      }
    })
    const bundle = await signStatementWithKey(vsa, key)
    verifyWithKeyAlone(bundle, key.publicKey)
    const verified = await verifyAttestation(bundle, { publicKeys: [{ publicKey: key.publicKey }] })
    expect(readVerificationSummary(verified.statement)).toEqual(vsa)
  })
})

describe('keySigner with signStatement (the shared signing path)', () => {
  it('makes the same kind of bundle, verified directly and by the project verifier with the public key', async () => {
    const key = keyOf('ecdsa-p256')
    const bundle: SerializedBundle = await signStatement(STATEMENT, {
      kind: 'key',
      signer: keySigner(key)
    })
    expect(bundle.verificationMaterial.publicKey?.hint).toBe(key.hint)
    verifyWithKeyAlone(bundle, key.publicKey)
    const verified = await verifyAttestation(bundle, {
      publicKeys: [readPublicKey(key.publicKeyPem, 'public-key')]
    })
    expect(verified.signer).toEqual({ kind: 'key', hint: key.hint })
    expect(verified.statement).toEqual(STATEMENT)
  })

  it('hands the PAE bytes to the key and names the key by its hint', async () => {
    const key = keyOf('ed25519')
    const signature = await keySigner(key).sign(
      Buffer.from('DSSEv1 28 application/vnd.in-toto+json 2 {}')
    )
    expect(signature.key).toEqual({
      $case: 'publicKey',
      publicKey: key.publicKeyPem,
      hint: key.hint
    })
  })
})
