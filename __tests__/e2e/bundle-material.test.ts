import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { type SigstoreHost, startSigstoreHost } from '../hosts/sigstore-host.js'
import { runAction } from '../helpers/runner.js'
import { signedBy } from '../helpers/signed-by.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

/**
 * The shapes a bundle's verificationMaterial can take, through the bundled verify action
 * with a pinned trusted root and a public key both given, each against @sigstore/verify
 * called directly with the same root and key as the oracle. A bundle is signed with one key
 * or one certificate: one that names both kinds, two, none (a null names one: it is not
 * absence), or an unknown bundle version is refused, where the oracle would sometimes pick
 * one by protobuf's order and verify. Never the other way round: nothing the oracle refuses
 * is accepted.
 */

const SEAL = 'dist/seal/index.js'
const VERIFY = 'dist/verify/index.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
type Outcome = 'verified' | 'refused'

let sig: SigstoreHost
let gh: GitHubApiHost
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString()
const HINT = createHash('sha256')
  .update(publicKey.export({ type: 'spki', format: 'der' }))
  .digest('base64')
const sealed: Record<
  'keyless' | 'keyed',
  { workspace: string; digest: string; checksums: string; bundle: Json }
> = {} as never

beforeAll(async () => {
  ;[sig, gh] = await Promise.all([startSigstoreHost(), startGitHubApiHost()])
  for (const kind of ['keyless', 'keyed'] as const) {
    const workspace = writeTree(tempDir('workspace-'), {
      'site/index.html': `<p>${kind}</p>`,
      'trusted_root.json': JSON.stringify(sig.trustedRoot())
    })
    const signing: Record<string, string> =
      kind === 'keyless'
        ? { sign: 'keyless', 'github-token': gh.token }
        : {
            sign: 'key',
            'signing-key': privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
          }
    const run = await runAction(
      SEAL,
      { 'subject-path': 'site', 'subject-name': 'shop', ...signing },
      { workspace, env: { ...sig.runnerEnv(), ...sig.instanceEnv(), GITHUB_API_URL: gh.url } }
    )
    expect(run.code).toBe(0)
    const bundle = JSON.parse(fs.readFileSync(run.outputs['bundle-path'] as string, 'utf8')) as Json
    sealed[kind] = {
      workspace,
      digest: run.outputs.digest as string,
      checksums: run.outputs['checksums-path'] as string,
      bundle
    }
  }
})
afterAll(async () => {
  await Promise.all([sig.close(), gh.close()])
  removeAll()
})

/** @sigstore/verify on its own, with the pinned root and the public key, as the action is given them. */
function oracle(json: Json): Outcome {
  try {
    const entity = toSignedEntity(bundleFromJSON(json))
    const material = toTrustMaterial(TrustedRoot.fromJSON(sig.trustedRoot()), () => ({
      publicKey: createPublicKey(PUBLIC_PEM),
      validFor: () => true
    }))
    const thresholds =
      entity.key.$case === 'public-key'
        ? { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }
        : { tlogThreshold: 0, ctlogThreshold: 1, timestampThreshold: 1 }
    new Verifier(material, thresholds).verify(entity)
    return 'verified'
  } catch {
    return 'refused'
  }
}

const clone = (json: Json): Json => JSON.parse(JSON.stringify(json)) as Json
const certificateOf = (): Json => sealed.keyless.bundle.verificationMaterial.certificate as Json

interface Row {
  readonly shape: string
  readonly base: 'keyless' | 'keyed'
  readonly edit: (bundle: Json) => void
  readonly ours: Outcome
  /** What @sigstore/verify says; where it differs from `ours`, artifact-seal is stricter. */
  readonly oracle: Outcome
  /** A fragment of the refusal. */
  readonly why?: string
}

const MIXED = 'a bundle is signed with one key (publicKey) or one certificate'

const MATRIX: readonly Row[] = [
  {
    shape: 'certificate, as sealed',
    base: 'keyless',
    edit: () => {},
    ours: 'verified',
    oracle: 'verified'
  },
  {
    shape: 'certificate + publicKey: null',
    base: 'keyless',
    edit: (b) => (b.verificationMaterial.publicKey = null),
    ours: 'refused',
    oracle: 'verified',
    why: `names publicKey and certificate: ${MIXED}`
  },
  {
    shape: 'certificate + publicKey: {}',
    base: 'keyless',
    edit: (b) => (b.verificationMaterial.publicKey = {}),
    ours: 'refused',
    oracle: 'refused',
    why: 'names publicKey and certificate'
  },
  {
    shape: 'certificate + publicKey: {hint} of the given key',
    base: 'keyless',
    edit: (b) => (b.verificationMaterial.publicKey = { hint: HINT }),
    ours: 'refused',
    oracle: 'refused',
    why: 'names publicKey and certificate'
  },
  {
    shape: 'certificate + x509CertificateChain',
    base: 'keyless',
    edit: (b) =>
      (b.verificationMaterial.x509CertificateChain = {
        certificates: [b.verificationMaterial.certificate]
      }),
    ours: 'refused',
    oracle: 'refused',
    why: 'names x509CertificateChain and certificate'
  },
  {
    shape: 'x509CertificateChain in a v0.3 bundle',
    base: 'keyless',
    edit: (b) => chainInstead(b),
    ours: 'refused',
    oracle: 'refused',
    why: 'a v0.3 bundle with an x509CertificateChain'
  },
  {
    shape: 'x509CertificateChain in a v0.2 bundle',
    base: 'keyless',
    edit: (b) => {
      chainInstead(b)
      b.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.2'
    },
    ours: 'verified',
    oracle: 'verified'
  },
  {
    shape: 'x509CertificateChain + publicKey: {hint}',
    base: 'keyless',
    edit: (b) => {
      chainInstead(b)
      b.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.2'
      b.verificationMaterial.publicKey = { hint: HINT }
    },
    ours: 'refused',
    oracle: 'refused',
    why: 'names publicKey and x509CertificateChain'
  },
  {
    shape: 'neither (certificate removed)',
    base: 'keyless',
    edit: (b) => delete b.verificationMaterial.certificate,
    ours: 'refused',
    oracle: 'refused',
    why: 'has no publicKey, certificate or x509CertificateChain'
  },
  {
    shape: 'certificate: null alone',
    base: 'keyless',
    edit: (b) => (b.verificationMaterial.certificate = null),
    ours: 'refused',
    oracle: 'refused',
    why: 'verificationMaterial.certificate is null, not an object'
  },
  {
    shape: 'unknown mediaType (bundle v0.9)',
    base: 'keyless',
    edit: (b) => (b.mediaType = 'application/vnd.dev.sigstore.bundle.v0.9+json'),
    ours: 'refused',
    oracle: 'verified',
    why: 'which is no bundle version this verifier knows'
  },
  {
    shape: 'mediaType application/json',
    base: 'keyless',
    edit: (b) => (b.mediaType = 'application/json'),
    ours: 'refused',
    oracle: 'refused',
    why: 'which is no bundle version this verifier knows'
  },
  {
    shape: 'publicKey {hint}, as sealed',
    base: 'keyed',
    edit: () => {},
    ours: 'verified',
    oracle: 'verified'
  },
  {
    shape: "publicKey with another key's hint (hints are not trusted)",
    base: 'keyed',
    edit: (b) => (b.verificationMaterial.publicKey = { hint: 'c29tZSBvdGhlciBrZXk=' }),
    ours: 'verified',
    oracle: 'verified'
  },
  {
    shape: 'publicKey: {} (no hint)',
    base: 'keyed',
    edit: (b) => (b.verificationMaterial.publicKey = {}),
    ours: 'verified',
    oracle: 'verified'
  },
  {
    shape: 'publicKey + a certificate',
    base: 'keyed',
    edit: (b) => (b.verificationMaterial.certificate = certificateOf()),
    ours: 'refused',
    oracle: 'verified',
    why: 'names publicKey and certificate'
  },
  {
    shape: 'publicKey + certificate: null',
    base: 'keyed',
    edit: (b) => (b.verificationMaterial.certificate = null),
    ours: 'refused',
    oracle: 'verified',
    why: 'names publicKey and certificate'
  },
  {
    shape: 'publicKey + x509CertificateChain',
    base: 'keyed',
    edit: (b) =>
      (b.verificationMaterial.x509CertificateChain = { certificates: [certificateOf()] }),
    ours: 'refused',
    oracle: 'verified',
    why: 'names publicKey and x509CertificateChain'
  },
  {
    shape: 'publicKey: null alone',
    base: 'keyed',
    edit: (b) => (b.verificationMaterial.publicKey = null),
    ours: 'refused',
    oracle: 'refused',
    why: 'verificationMaterial.publicKey is null, not an object'
  },
  {
    shape: "publicKey swapped for a certificate (another signer's)",
    base: 'keyed',
    edit: (b) => {
      delete b.verificationMaterial.publicKey
      b.verificationMaterial.certificate = certificateOf()
    },
    ours: 'refused',
    oracle: 'refused',
    why: 'does not verify'
  }
]

function chainInstead(bundle: Json): void {
  bundle.verificationMaterial.x509CertificateChain = {
    certificates: [bundle.verificationMaterial.certificate]
  }
  delete bundle.verificationMaterial.certificate
}

describe('the bundled verify action on every shape of verificationMaterial, against @sigstore/verify', () => {
  it.each(MATRIX.map((row) => [row.shape, row] as const))('%s', async (_, row) => {
    const base = sealed[row.base]
    const bundle = clone(base.bundle)
    row.edit(bundle)
    fs.writeFileSync(
      path.join(path.dirname(base.checksums), 'shop.sigstore.json'),
      JSON.stringify(bundle)
    )
    const run = await runAction(
      VERIFY,
      // The key for the keyed bundles, the repository for the keyless ones: a key alone accepts no certificate.
      {
        'subject-path': 'site',
        'expected-digest': base.digest,
        'checksums-path': base.checksums,
        'signed-by': signedBy({
          repository: 'acme/shop',
          'trusted-root': 'trusted_root.json',
          key: PUBLIC_PEM
        })
      },
      { workspace: base.workspace }
    )
    const ours: Outcome = run.code === 0 && run.outputs.verified === 'true' ? 'verified' : 'refused'
    expect({ ours, oracle: oracle(bundle) }).toEqual({ ours: row.ours, oracle: row.oracle })
    if (ours === 'refused') {
      expect(run.outputs.signer ?? '').toBe('')
      expect(run.outputs.path ?? '').toBe('')
      expect(run.stdout).toMatch(/::error::.*its signature is not accepted/)
      expect(run.stdout).toContain(row.why)
    } else {
      expect(JSON.parse(run.outputs.signer as string).kind).toBe(
        row.base === 'keyed' ? 'key' : 'certificate'
      )
    }
  })

  it('accepts nothing the oracle refuses', () => {
    expect(MATRIX.filter((row) => row.ours === 'verified' && row.oracle === 'refused')).toEqual([])
  })
})
