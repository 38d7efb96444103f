import type { ContractRef } from '../../core/contract/manifest.js'
import type { Digest } from '../../core/digest.js'
import type { PromotionPolicy } from '../../core/promotion/policy.js'
import type { Requester } from '../ledger/types.js'

/** The contract use case: an approval of an amendment. */

export interface ApprovalRequest {
  /** The artifact whose contract amendment is approved. */
  readonly digest: Digest
  readonly environment: string
  readonly reason: string
  /** The contract digests of the amendment; each defaults to what the ledger (or the seal bundle) says. */
  readonly from?: Digest | null
  readonly to?: Digest
  /** The digest's contract as its seal bundle says, when the caller has the bundle. */
  readonly sealedContract?: ContractRef | null
  readonly name: string | null
  /**
   * The policy, when the caller has it: its service (pinned, or one of those it lists) is the
   * service whose amendment it is; without it, the artifact's name.
   */
  readonly policy?: PromotionPolicy
  readonly requester: Requester
  /** Names the options or inputs in messages; `toGives` says what `to` is, for the fix. */
  readonly inputs: {
    readonly from: string
    readonly to: string
    readonly toGives: string
    readonly digest: string
    readonly name: string
    readonly environment?: string
  }
}
