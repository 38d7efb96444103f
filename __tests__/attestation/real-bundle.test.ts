import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError } from '../../src/core/errors.js'
import { checkIdentity } from '../../src/core/signing/identity.js'
import { loadTrustedRootFile } from '../../src/attestation/trusted-root.js'
import { verifyAttestation } from '../../src/attestation/verify-bundle.js'
import { clone, verifyDirectly, withEditedPayload } from './helpers.js'

/**
 * A bundle actions/attest made on GitHub (public repository, so the public-good instance:
 * Fulcio certificate with an SCT, Rekor dsse entry with inclusion promise and proof), checked
 * offline against the production public-good trusted root. See __fixtures__/sigstore/README.md.
 */
const FIXTURES = path.join(import.meta.dirname, '../../__fixtures__/sigstore')
const bundle = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'reusable-workflow-attestation.sigstore.json'), 'utf8')
) as Record<string, unknown>
const artifact = fs.readFileSync(path.join(FIXTURES, 'reusable-workflow-artifact'))
const ISSUER = 'https://token.actions.githubusercontent.com'
const SIGNER_WORKFLOW =
  'github/artifact-attestations-workflows/.github/workflows/attest.yml@09b495c3f12c7881b3cc17209a327792065c1a1d'

describe('a real public-good bundle from actions/attest', () => {
  it('verifies with @sigstore/verify directly, with public-good thresholds', async () => {
    const root = await loadTrustedRootFile(path.join(FIXTURES, 'public-good-trusted_root.json'))
    const signer = verifyDirectly(bundle, root, {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1
    })
    expect(signer.identity?.subjectAlternativeName).toBe(`https://github.com/${SIGNER_WORKFLOW}`)
  })

  it('verifies with verifyAttestation: statement, signing time from Rekor, identity', async () => {
    const trustedRoot = await loadTrustedRootFile(
      path.join(FIXTURES, 'public-good-trusted_root.json')
    )
    const verified = await verifyAttestation(bundle, { trustedRoot })
    const digest = createHash('sha256').update(artifact).digest('hex')
    expect(verified.statement.subject).toEqual([
      { name: 'github_provenance_demo-0.0.0-py3-none-any.whl', digest: { sha256: digest } }
    ])
    expect(verified.statement.predicateType).toBe('https://slsa.dev/provenance/v1')
    if (verified.signer.kind !== 'certificate') throw new Error('expected a certificate')
    expect(verified.signer.signedAt.toISOString()).toBe('2024-05-24T19:14:24.000Z')
    expect(verified.signer.identity).toMatchObject({
      subjectAlternativeName: `https://github.com/${SIGNER_WORKFLOW}`,
      issuer: ISSUER,
      repository: 'malancas/attest-demo',
      sourceRepositoryOwnerUri: 'https://github.com/malancas',
      sourceRepositoryRef: 'refs/heads/main',
      sourceRepositoryDigest: '95baf27389e83e6a5c48f42e190d48d7abcea19e',
      runnerEnvironment: 'github-hosted',
      buildConfigUri:
        'https://github.com/malancas/attest-demo/.github/workflows/shared.yml@refs/heads/main',
      sourceRepositoryVisibility: 'public'
    })
    const policy = {
      repository: 'malancas/attest-demo',
      issuer: ISSUER,
      denySelfHostedRunners: true,
      serverUrl: 'https://github.com',
      sourceRef: 'refs/heads/main'
    }
    expect(
      checkIdentity(verified.signer.identity, { ...policy, workflow: SIGNER_WORKFLOW })
    ).toEqual([])
    // The signer is a reusable workflow in another repository: without naming it, refused.
    expect(checkIdentity(verified.signer.identity, policy).map((f) => f.rule)).toEqual([
      'subject-alternative-name'
    ])
    expect(
      checkIdentity(verified.signer.identity, {
        ...policy,
        repository: 'malancas/attest-demo-evil',
        workflow: SIGNER_WORKFLOW
      }).map((f) => f.rule)
    ).toEqual(['repository'])
  })

  it('refuses it edited, without its Rekor entry, or against a root without public-good', async () => {
    const trustedRoot = await loadTrustedRootFile(
      path.join(FIXTURES, 'public-good-trusted_root.json')
    )
    const edited = withEditedPayload(
      bundle as never,
      (s) => void ((s.subject as { name: string }[])[0]!.name = 'evil.whl')
    )
    await expect(verifyAttestation(edited, { trustedRoot })).rejects.toThrowSealError('refused')

    const noLog = clone(bundle) as { verificationMaterial: { tlogEntries: unknown[] } }
    noLog.verificationMaterial.tlogEntries = []
    const error = await verifyAttestation(noLog, { trustedRoot }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SealError)
    expect((error as SealError).message).toMatch(/^timestamp: no trusted timestamp/)

    const empty = {
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: trustedRoot.tlogs,
      certificateAuthorities: [],
      ctlogs: trustedRoot.ctlogs,
      timestampAuthorities: []
    }
    await expect(verifyAttestation(bundle, { trustedRoot: empty })).rejects.toThrowSealError(
      'refused'
    )
  })
})
