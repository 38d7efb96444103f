import type { AttestationCandidate, SignatureSources, SignerExpectation } from '../signature/check-signature.js'
import type { Digest } from '../../core/digest.js'
import type { VerifiedSigner } from '../../core/promotion/gate.js'
import type { SignerCheckSettings } from './signing-settings.js'
import { type Env, serverUrlOf } from '../../core/env.js'

/** What verify and promote accept, from their inputs and the runner. */
export function signerExpectation(settings: SignerCheckSettings, required: boolean, env: Env): SignerExpectation {
  return { ...settings, required, serverUrl: serverUrlOf(env) }
}

/**
 * The bundle beside the listing first; the repository's attestations only when a signature
 * is asked for and the job is on GitHub with a token (one request per digest), so a check
 * that needs no signature never calls the API.
 */
export function signatureSources(checksumsFile: string | null, asked: boolean, token: string, tokenInput: string, env: Env): SignatureSources {
  const repository = env.GITHUB_REPOSITORY
  const attestations =
    asked && repository && token !== ''
      ? async (digest: Digest): Promise<readonly AttestationCandidate[]> => {
          const { listAttestations } = await import('../../attestation/attestations-api.js')
          return listAttestations(digest, { env, token, tokenInput })
        }
      : null
  return { checksumsFile, attestations }
}

/** The `signer` output: the verified identity as JSON, empty when nothing was verified. */
export function signerOutput(signer: VerifiedSigner | null): string {
  if (signer === null) return ''
  if (signer.kind === 'key') return JSON.stringify({ kind: 'key', hint: signer.hint })
  const i = signer.identity
  return JSON.stringify({
    kind: 'certificate',
    identity: i.subjectAlternativeName,
    issuer: i.issuer ?? null,
    repository: i.repository ?? null,
    workflow: i.buildSignerUri ?? null,
    ref: i.sourceRepositoryRef ?? null,
    commit: i.sourceRepositoryDigest ?? null,
    runner: i.runnerEnvironment ?? null,
    run: i.runInvocationUri ?? null,
    signedAt: signer.signedAt
  })
}
