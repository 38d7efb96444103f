import { sign as cryptoSign } from 'node:crypto'
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle'
import { DSSEBundleBuilder, type Signature, type Signer } from '@sigstore/sign'
import type { KeyAlgorithm, SigningKey } from '../core/signing/signing-key.js'
import { INTOTO_PAYLOAD_TYPE } from './sign-statement.js'

/**
 * The digest each key type signs with, so that the two verifiers users run accept the
 * bundle: @sigstore/verify (this project's verifier) calls `crypto.verify` with no digest
 * named, which OpenSSL answers with SHA-256 for every ECDSA curve and for RSA; and
 * `cosign verify-blob-attestation --key` loads the key with SHA-256 whatever its curve
 * (`LoadVerifierFromKeyOrCert(…, crypto.SHA256)`, sigstore/cosign#5091). A P-384 or P-521
 * signature over SHA-384 / SHA-512, as cosign's own signer makes, verifies with neither.
 * Ed25519 signs the message itself (pure Ed25519, what both verify).
 */
const SIGNATURE_DIGEST: Readonly<Record<KeyAlgorithm, 'sha256' | null>> = {
  'ecdsa-p256': 'sha256',
  'ecdsa-p384': 'sha256',
  'ecdsa-p521': 'sha256',
  rsa: 'sha256',
  ed25519: null
}

export function signatureDigest(algorithm: KeyAlgorithm): 'sha256' | null {
  return SIGNATURE_DIGEST[algorithm]
}

/**
 * A @sigstore/sign Signer for a user's key: signs the DSSE pre-authentication encoding it
 * is handed (ECDSA as a DER signature, as cosign writes; RSA as PKCS#1 v1.5) and names the
 * key by its hint, since a keyed bundle carries no key of its own.
 */
export function keySigner(key: SigningKey): Signer {
  const digest = signatureDigest(key.algorithm)
  return {
    sign: (data: Buffer): Promise<Signature> =>
      Promise.resolve({
        signature: cryptoSign(digest, data, key.privateKey),
        key: { $case: 'publicKey', publicKey: key.publicKeyPem, hint: key.hint }
      })
  }
}

/**
 * The statement signed with the key into a Sigstore bundle v0.3 (DSSE, no witness: nothing
 * leaves the machine), as `signStatement(statement, { kind: 'key', signer: keySigner(key) })`
 * makes it, for callers that need no keyless path.
 */
export async function signStatementWithKey(
  statement: object,
  key: SigningKey
): Promise<SerializedBundle> {
  const builder = new DSSEBundleBuilder({ signer: keySigner(key), witnesses: [] })
  const bundle = await builder.create({
    data: Buffer.from(JSON.stringify(statement)),
    type: INTOTO_PAYLOAD_TYPE
  })
  return bundleToJSON(bundle)
}
