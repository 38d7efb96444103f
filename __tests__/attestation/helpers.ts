import { createHash, generateKeyPairSync, sign as cryptoSign, type KeyObject } from 'node:crypto'
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle'
import { PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs'
import type { Signer } from '@sigstore/sign'
import {
  Verifier,
  toSignedEntity,
  toTrustMaterial,
  type Signer as VerifiedSigner
} from '@sigstore/verify'

export const STATEMENT = {
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'shop.tar.gz', digest: { sha256: 'a'.repeat(64) } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {
    buildDefinition: {
      buildType: 'https://actions.github.io/buildtypes/workflow/v1',
      externalParameters: { workflow: { ref: 'refs/heads/main' } }
    },
    runDetails: { builder: { id: 'x' } }
  }
}

export const EMPTY_ROOT = {
  mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: []
}

/**
 * Verifies with @sigstore/verify directly, not through the project's wrapper: the
 * independent check every bundle the tests make must pass.
 */
export function verifyDirectly(
  bundle: unknown,
  root: Record<string, unknown>,
  thresholds = { tlogThreshold: 0, ctlogThreshold: 1, timestampThreshold: 1 }
): VerifiedSigner {
  return new Verifier(toTrustMaterial(TrustedRoot.fromJSON(root)), thresholds).verify(
    toSignedEntity(bundleFromJSON(bundle))
  )
}

/** A P-256 key and a @sigstore/sign Signer for it, named by hint = base64(sha256(SPKI)) as cosign does. */
export function testKey(): {
  signer: Signer
  publicKey: KeyObject
  privateKey: KeyObject
  hint: string
  spki: Buffer
} {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  const hint = createHash('sha256').update(spki).digest('base64')
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  return {
    signer: {
      sign: (data: Buffer) =>
        Promise.resolve({
          signature: cryptoSign('sha256', data, privateKey),
          key: { $case: 'publicKey' as const, publicKey: pem, hint }
        })
    },
    publicKey,
    privateKey,
    hint,
    spki
  }
}

/** Verifies a keyed bundle with @sigstore/verify and the key alone (thresholds 0). */
export function verifyKeyedDirectly(
  bundle: unknown,
  key: { hint: string; spki: Buffer }
): VerifiedSigner {
  const material = toTrustMaterial(TrustedRoot.fromJSON(EMPTY_ROOT), {
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

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** The bundle with its statement edited after signing (the signature kept). */
export function withEditedPayload(
  bundle: SerializedBundle,
  edit: (statement: Record<string, unknown>) => void
): SerializedBundle {
  const copy = clone(bundle) as SerializedBundle & { dsseEnvelope: { payload: string } }
  const statement = JSON.parse(
    Buffer.from(copy.dsseEnvelope.payload, 'base64').toString('utf8')
  ) as Record<string, unknown>
  edit(statement)
  copy.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64')
  return copy
}
