import { SealError } from '../core/errors.js'
import { type PromotionPolicy, pipelineOrder } from '../core/promotion/policy.js'
import type { LedgerEntry, LiveSpan } from '../core/promotion/record.js'
import type { Ledger } from '../stores/ledger/ledger.js'

/** What one environment runs now, or why that is not known. */
export interface EnvironmentStatus {
  readonly environment: string
  readonly live: LiveSpan | null
  /** Promotions let in whose deployment is not confirmed yet: not live. */
  readonly pending: readonly LedgerEntry[]
  /** Set when the ledger could not say. */
  readonly error: string | null
}

/** What every environment of the policy runs now, in pipeline order. Two ledger queries per environment. */
export async function pipelineStatus(policy: PromotionPolicy, ledger: Ledger): Promise<EnvironmentStatus[]> {
  return Promise.all(
    pipelineOrder(policy).map(async ({ name }) => {
      try {
        const [live, pending] = await Promise.all([ledger.live(name), ledger.pending(name)])
        return { environment: name, live, pending, error: null }
      } catch (error) {
        if (!(error instanceof SealError)) throw error
        return { environment: name, live: null, pending: [], error: error.message }
      }
    })
  )
}
