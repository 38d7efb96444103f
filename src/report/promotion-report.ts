import type { EnvironmentStatus } from '../app/pipeline-status.js'
import type { PromoteResult } from '../app/promote-digest.js'
import type { PromotionPolicy } from '../core/promotion/policy.js'

/** Everything a summary of one promotion shows, whichever way it is rendered. */
export interface PromotionReport {
  readonly result: PromoteResult
  readonly policy: PromotionPolicy
  /** What each environment runs after the promotion (or refusal). */
  readonly status: readonly EnvironmentStatus[]
  readonly ledger: string
  readonly name: string | null
  readonly dryRun: boolean
}

/** One line saying what happened, for the log and the summary's heading. */
export function headline(report: PromotionReport): string {
  const { decision, record } = report.result
  const what = report.name ?? decision.digest ?? 'the artifact'
  const recorded = record ? ` (record ${record.id})` : ''
  if (decision.mode === 'rollback') {
    if (!decision.allowed) return `rollback of ${decision.environment} to ${what} refused`
    if (report.dryRun) return `${decision.environment} may be rolled back to ${what} (dry run: nothing recorded)`
    return `${decision.environment} rolled back to ${what}${recorded}`
  }
  if (!decision.allowed) return `${what} refused for ${decision.environment}`
  if (report.dryRun) return `${what} may be promoted to ${decision.environment} (dry run: nothing recorded)`
  return `${what} promoted to ${decision.environment}${recorded}`
}
