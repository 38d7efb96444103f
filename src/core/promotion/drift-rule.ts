import type { DriftState } from '../observe/drift-state.js'
import type { EnvironmentRule, PromotionPolicy } from './policy.js'
import { findEnvironment, upstreamOf } from './policy.js'

/**
 * The upstream environments whose drift the gate must ask about for a promotion into `target`:
 * those the policy marks `drift: block`. Others' drift is reported by observe, never judged.
 */
export function blockingUpstreams(policy: PromotionPolicy, target: EnvironmentRule): string[] {
  return upstreamOf(target).filter((name) => findEnvironment(policy, name)?.drift === 'block')
}

/**
 * Why a drifted upstream under `drift: block` does not count: it is no valid `requires` and its
 * soak does not count until it is observed matching again or the drift is acknowledged. Null
 * when it is not drifted.
 */
export function driftRefusal(upstream: string, target: string, state: DriftState): string | null {
  if (!state.drifted || state.since === null) return null
  const seen = (state.last ?? state.since).observation?.observed
  return (
    `${upstream} does not run what was promoted there: observe found drift at ${state.since.time} (record ${state.since.id})${seen ? `, running ${seen}` : ''}, and ${upstream} has ` +
    '"drift: block", ' +
    (`so it counts for ${target} neither as passed nor for its soak. Deploy its live digest again and observe ` +
      `it, or accept the drift with artifact-seal drift ack --environment ${upstream} --reason "…".`)
  )
}
