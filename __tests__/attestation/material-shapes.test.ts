import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { generateKeyPairSync } from 'node:crypto'
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'
import { SealError } from '../../src/core/errors.js'
import { signStatement } from '../../src/attestation/sign-statement.js'
import { signStatementWithKey } from '../../src/attestation/key-signer.js'
import { verifyAttestation } from '../../src/attestation/verify-bundle.js'
import { readPublicKey, readSigningKey } from '../../src/core/signing/signing-key.js'
import { startSigstoreHost, type SigstoreHost } from '../hosts/sigstore-host.js'
import { STATEMENT, clone } from './helpers.js'

/**
 * Every combination of the three materials a verificationMaterial can name (absent, null,
 * {}, or the real value of the bundle it came from), on a keyless and a keyed bundle, under
 * each bundle media type: the verifier, given the pinned root and the key, accepts exactly
 * the bundles that name one material, in a form their version allows, and that
 * @sigstore/verify (the oracle, given the same root and key) accepts as well.
 */

type Json = Record<string, unknown>
const MATERIALS = ['publicKey', 'certificate', 'x509CertificateChain'] as const
const STATES = ['absent', 'null', 'empty', 'real'] as const
const MEDIA_TYPES = [
  'application/vnd.dev.sigstore.bundle.v0.3+json',
  'application/vnd.dev.sigstore.bundle+json;version=0.2',
  'application/vnd.dev.sigstore.bundle.v0.4+json'
]

let host: SigstoreHost
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const key = readPublicKey(
  publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  'public-key'
)
let real: Record<(typeof MATERIALS)[number], unknown>
const bases: Record<'keyless' | 'keyed', SerializedBundle> = {} as never

beforeAll(async () => {
  host = await startSigstoreHost()
  bases.keyless = await signStatement(STATEMENT, {
    kind: 'keyless',
    instance: { name: 'github', fulcioUrl: host.url, tsaUrl: host.url },
    token: host.mintToken('sigstore'),
    retries: 0
  })
  bases.keyed = await signStatementWithKey(
    STATEMENT,
    readSigningKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), undefined)
  )
  const certificate = (bases.keyless.verificationMaterial as Json).certificate
  real = {
    publicKey: (bases.keyed.verificationMaterial as Json).publicKey,
    certificate,
    x509CertificateChain: { certificates: [certificate] }
  }
})
afterAll(() => host.close())

function oracle(json: unknown): boolean {
  try {
    const entity = toSignedEntity(bundleFromJSON(json))
    const material = toTrustMaterial(TrustedRoot.fromJSON(host.trustedRoot()), () => ({
      publicKey: key.publicKey,
      validFor: () => true
    }))
    const thresholds =
      entity.key.$case === 'public-key'
        ? { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }
        : { tlogThreshold: 0, ctlogThreshold: 1, timestampThreshold: 1 }
    new Verifier(material, thresholds).verify(entity)
    return true
  } catch {
    return false
  }
}

async function ours(json: unknown): Promise<boolean> {
  try {
    await verifyAttestation(json, { trustedRoot: host.trustedRoot(), publicKeys: [key] })
    return true
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return false
  }
}

function* shapes(): Generator<{
  label: string
  bundle: Json
  oneMaterial: boolean
  knownVersion: boolean
  v03Chain: boolean
}> {
  for (const base of ['keyless', 'keyed'] as const) {
    for (const mediaType of MEDIA_TYPES) {
      for (let n = 0; n < STATES.length ** MATERIALS.length; n++) {
        const bundle = clone(bases[base]) as unknown as Json
        bundle.mediaType = mediaType
        const vm: Json = { ...(bundle.verificationMaterial as Json) }
        for (const m of MATERIALS) delete vm[m]
        const states = MATERIALS.map(
          (_, i) =>
            STATES[Math.floor(n / STATES.length ** i) % STATES.length] as (typeof STATES)[number]
        )
        MATERIALS.forEach((m, i) => {
          const state = states[i]
          if (state === 'null') vm[m] = null
          if (state === 'empty') vm[m] = {}
          if (state === 'real') vm[m] = real[m]
        })
        bundle.verificationMaterial = vm
        const named = states.filter((s) => s !== 'absent').length
        yield {
          label: `${base}, ${mediaType}, ${MATERIALS.map((m, i) => `${m}:${states[i]}`).join(' ')}`,
          bundle,
          oneMaterial: named === 1 && !states.includes('null'),
          knownVersion: !mediaType.includes('v0.4'),
          v03Chain: mediaType.includes('v0.3') && states[2] !== 'absent'
        }
      }
    }
  }
}

describe('every shape of verificationMaterial, against @sigstore/verify', () => {
  it('accepts only one material, in a known version, and only what the oracle accepts too', async () => {
    const wrong: string[] = []
    const accepted: string[] = []
    for (const shape of shapes()) {
      const [mine, theirs] = [await ours(shape.bundle), oracle(shape.bundle)]
      const expected = theirs && shape.oneMaterial && shape.knownVersion && !shape.v03Chain
      if (mine !== expected) wrong.push(`${shape.label}: ours ${mine}, oracle ${theirs}`)
      if (mine) accepted.push(shape.label)
    }
    expect(wrong).toEqual([])
    const v03 = 'application/vnd.dev.sigstore.bundle.v0.3+json'
    const v02 = 'application/vnd.dev.sigstore.bundle+json;version=0.2'
    expect(accepted.sort()).toEqual(
      [
        `keyless, ${v03}, publicKey:absent certificate:real x509CertificateChain:absent`,
        `keyless, ${v02}, publicKey:absent certificate:real x509CertificateChain:absent`,
        `keyless, ${v02}, publicKey:absent certificate:absent x509CertificateChain:real`,
        `keyed, ${v03}, publicKey:real certificate:absent x509CertificateChain:absent`,
        `keyed, ${v02}, publicKey:real certificate:absent x509CertificateChain:absent`,
        // Hints are not trusted (cosign ignores them): a key-signed bundle without one verifies with the key given.
        `keyed, ${v03}, publicKey:empty certificate:absent x509CertificateChain:absent`,
        `keyed, ${v02}, publicKey:empty certificate:absent x509CertificateChain:absent`
      ].sort()
    )
  })
})
