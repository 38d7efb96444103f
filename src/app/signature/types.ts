import type { Digest } from '../../core/digest.js'
import type { ContractRef } from '../../core/contract/manifest.js'
import type { VerifiedSigner } from '../../core/promotion/gate.js'
import type { SealedBy } from '../../core/promotion/record.js'
import type { AttestationCandidate } from '../../attestation/attestations-api.js'

/**
 * What finding, judging and making signatures share: where one is looked for, what was found, a
 * signer ready to sign.
 */

/** Where a signature may be found, besides the seal bundle that travelled with the bytes. */
export interface SignatureSources {
  /** The seal's listing; the Sigstore bundle is the `.sigstore.json` beside it. */
  readonly checksumsFile: string | null
  /** The repository's attestations for the digest (one API request), when the job has a token. */
  readonly attestations: ((digest: Digest) => Promise<readonly AttestationCandidate[]>) | null
  /**
   * Where `attestations` looks, for the message when it finds nothing; the repository's
   * attestations API by default.
   */
  readonly attestationsLooked?: (digest: Digest) => string
}

export type SignatureCheck =
  | {
      readonly status: 'verified'
      readonly signer: VerifiedSigner
      /** Who signed, and the build that sealed the digest as the signed statement names it (none for a local build). */
      readonly sealedBy: SealedBy
      /** The signed statement's artifact name. */
      readonly name: string | null
      /** The contract the signed statement says the bytes carry; null when it names none. */
      readonly contract: ContractRef | null
      /** The signed statement says the seal is of a digest alone (subject-digest): there are no files to check. */
      readonly digestOnly: boolean
      /** The file or URL the bundle came from, and the sha256 of its bytes (a VSA's input attestation). */
      readonly source: string
      readonly bundleDigest: Digest
    }
  /** No signature was found; `detail` says where the check looked. */
  | { readonly status: 'unsigned'; readonly detail: string }
  /** A signature was found and is not acceptable: tampered, untrusted, for other bytes, or the wrong signer. */
  | { readonly status: 'refused'; readonly detail: string }

/** A statement signed: the Sigstore bundle's JSON text and who signed it. */
export interface SignedStatement {
  readonly json: string
  readonly bundle: object
  /** The certificate's identity (the workflow, as Fulcio wrote it) or `key:<hint>`. */
  readonly signer: string
  readonly kind: 'keyless' | 'key'
}

/** A signer ready to sign, or why statements stay unsigned. */
export type Signing =
  | {
      readonly kind: 'keyless' | 'key'
      /** The workflow whose job signs (the token's job_workflow_ref): the statement's builder. */
      readonly jobWorkflowRef: string | null
      readonly sign: (statement: object) => Promise<SignedStatement>
    }
  /** `notice`: why an `auto` signing found no way to sign, and what to add; null when asked for none. */
  | { readonly kind: 'none'; readonly notice: string | null }
