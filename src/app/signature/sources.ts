import type { AttestationCandidate } from '../../attestation/attestations-api.js'
import type { Digest } from '../../core/digest.js'
import type { Env } from '../../core/env.js'
import type { SignatureSources } from './types.js'

/**
 * The bundle beside the listing first; the repository's attestations only when a signature
 * is asked for and the job is on GitHub with a token (one request per digest), so a check
 * that needs no signature never calls the API.
 */
export function signatureSources(
  checksumsFile: string | null,
  asked: boolean,
  token: string,
  tokenInput: string,
  env: Env
): SignatureSources {
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
