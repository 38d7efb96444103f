import { SealError } from '../core/errors.js'
import { type PromotionPolicy, pipelineOrder } from '../core/promotion/policy.js'
import type { LiveSpan } from '../core/promotion/record.js'
import type { Ledger } from '../stores/ledger/ledger.js'

/** What one environment runs now, or why that is not known. */
export interface EnvironmentStatus {
  readonly environment: string
  readonly live: LiveSpan | null
  /** Set when the ledger could not say. */
  readonly error: string | null
}

/** What every environment of the policy runs now, in pipeline order. One ledger query per environment. */
export async function pipelineStatus(policy: PromotionPolicy, ledger: Ledger): Promise<EnvironmentStatus[]> {
  return Promise.all(
    pipelineOrder(policy).map(async ({ name }) => {
      try {
        return { environment: name, live: await ledger.live(name), error: null }
      } catch (error) {
        if (!(error instanceof SealError)) throw error
        return { environment: name, live: null, error: error.message }
      }
    })
  )
}
