import type { AttestationCandidate } from '../../attestation/attestations-api.js'
import { type Digest, sha256Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { readSigstoreBundleBeside } from '../../stores/evidence/bundle-reader.js'
import { sigstoreBundleBeside } from '../../stores/evidence/seal-bundle.js'
import type { SignatureCheck, SignatureSources } from './types.js'

/**
 * Where a seal's signatures are, without checking any: the bundle that travelled with the
 * bytes first, else the repository's attestations for the digest. Apart from the checking
 * (check-signature.ts, with Sigstore behind it), so a promotion with no signature to check
 * never loads that code.
 */
export async function findSignatures(
  digest: Digest,
  sources: SignatureSources
): Promise<{ readonly candidates: AttestationCandidate[]; readonly looked: string[] }> {
  const candidates: AttestationCandidate[] = []
  const beside = sources.checksumsFile === null ? null : sigstoreBundleBeside(sources.checksumsFile)
  const looked: string[] = []
  if (beside !== null) {
    const read = readSigstoreBundleBeside(
      sources.checksumsFile as string,
      (why, file) =>
        new SealError(
          'unreadable',
          `cannot read the Sigstore bundle ${quote(file)} (${why}). Make it readable, or give the seal bundle ` +
            'as the seal wrote it.'
        )
    )
    looked.push(`no ${quote(beside)} beside the listing`)
    // One that is not JSON is checked as a bundle like any other, and refused as one that does not verify.
    if (read !== null)
      candidates.push({
        bundle: read.notJson === null ? read.json : { unparsable: beside },
        source: beside,
        digest: sha256Digest(read.text)
      })
  }
  if (candidates.length === 0 && sources.attestations !== null) {
    const found = await sources.attestations(digest)
    looked.push(
      sources.attestationsLooked?.(digest) ??
        `no attestation for ${digest} in the repository's attestations`
    )
    candidates.push(...found)
  }
  return { candidates, looked }
}

/** The check of a seal none of whose signatures was found, saying where it looked. */
export function unsignedCheck(digest: Digest, looked: readonly string[]): SignatureCheck {
  const where =
    looked.length > 0
      ? looked.join(', and ')
      : 'no seal bundle travelled with the bytes and no attestations API was asked'
  return { status: 'unsigned', detail: `The seal of ${digest} carries no signature: ${where}.` }
}
