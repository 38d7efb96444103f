import type { ContractRef } from '../core/contract/manifest.js'
import type { Digest } from '../core/digest.js'
import { SealError } from '../core/errors.js'
import { type PromotionPolicy, pipelineOrder } from '../core/promotion/policy.js'
import type { LedgerEntry, LiveSpan } from '../core/promotion/record.js'
import type { Ledger } from '../stores/ledger/ledger.js'
import { type ContractPlan, contractOfLive } from './contract-amendment.js'

/** What one environment runs now, or why that is not known. */
export interface EnvironmentStatus {
  readonly environment: string
  readonly live: LiveSpan | null
  /**
   * The contract the live digest carries, as the record that made it live names it; null when
   * nothing is live or that record names none (sealed without a contract, or recorded before
   * contracts were).
   */
  readonly contract: ContractRef | null
  /** Promotions let in whose deployment is not confirmed yet: not live. */
  readonly pending: readonly LedgerEntry[]
  /** Set when the ledger could not say. */
  readonly error: string | null
}

export interface PipelineStatusOptions {
  /**
   * The contracts of digests the caller knows already (a promotion's candidate, the target's
   * live digest: see `contractsKnown`), so their records are not read again.
   */
  readonly knownContracts?: ReadonlyMap<Digest, ContractRef | null>
}

/**
 * What every environment of the policy runs now, in pipeline order. Two ledger queries per
 * environment, and for a live digest whose contract is not known a third, of that digest's
 * records in the environment (on the GitHub ledger about three requests).
 */
export async function pipelineStatus(policy: PromotionPolicy, ledger: Ledger, options: PipelineStatusOptions = {}): Promise<EnvironmentStatus[]> {
  return Promise.all(
    pipelineOrder(policy).map(async ({ name }) => {
      try {
        const [live, pending] = await Promise.all([ledger.live(name), ledger.pending(name)])
        const known = live === null ? null : options.knownContracts?.get(live.digest)
        const contract = live === null ? null : known !== undefined ? known : await contractOfLive(ledger, live)
        return { environment: name, live, contract, pending, error: null }
      } catch (error) {
        if (!(error instanceof SealError)) throw error
        return { environment: name, live: null, contract: null, pending: [], error: error.message }
      }
    })
  )
}

/**
 * The contracts a promotion learned: the one the target environment's live digest carries (as
 * its record names it) and, unless the plan found a problem with it, the candidate's.
 */
export function contractsKnown(digest: Digest | null, plan: ContractPlan | null): Map<Digest, ContractRef | null> {
  const known = new Map<Digest, ContractRef | null>()
  if (plan === null) return known
  if (plan.liveDigest !== null) known.set(plan.liveDigest, plan.live)
  if (digest !== null && plan.problem === null) known.set(digest, plan.candidate)
  return known
}
