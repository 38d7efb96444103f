import { type DriftState, driftStateOf } from '../../core/observe/drift-state.js'
import { blockingUpstreams } from '../../core/promotion/drift-rule.js'
import type { EnvironmentRule, PromotionPolicy } from '../../core/promotion/policy.js'
import type { Service } from '../../core/promotion/record.js'
import type { LedgerView } from '../../stores/ledger/ledger.js'

/**
 * The drift state of the service in each upstream environment of `target` that has
 * `drift: block`, read from the ledger back to the drift's start: what the gate needs to know
 * whether such an environment counts. Nothing is read when no upstream blocks on drift.
 */
export async function driftOfUpstreams(
  view: LedgerView,
  policy: PromotionPolicy,
  target: EnvironmentRule,
  service: Service
): Promise<ReadonlyMap<string, DriftState>> {
  const upstreams = blockingUpstreams(policy, target)
  return new Map(
    await Promise.all(
      upstreams.map(
        async (environment) =>
          [
            environment,
            await driftStateOf(view.entries({ environment, service }), service)
          ] as const
      )
    )
  )
}
