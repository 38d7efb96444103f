import type { ContractPlan, PromoteResult } from '../app/promote/types.js'
import type { EnvironmentStatus } from '../app/ledger/types.js'
import type { ContractChange } from '../core/contract/change.js'
import type { ContractRef } from '../core/contract/manifest.js'
import { shortDigest } from '../core/digest.js'
import type { PromotionPolicy } from '../core/promotion/policy.js'
import type { LedgerEntry, Service } from '../core/promotion/record.js'

/** Everything a summary of one promotion shows, whichever way it is rendered. */
export interface PromotionReport {
  readonly result: PromoteResult
  readonly policy: PromotionPolicy
  /** What each environment runs after the promotion (or refusal). */
  readonly status: readonly EnvironmentStatus[]
  readonly ledger: string
  readonly name: string | null
  readonly dryRun: boolean
  /** The server links may point at (GITHUB_SERVER_URL); https://github.com when not given. */
  readonly serverUrl?: string
  /** For an image moved by the policy (a copy): where the deploy step takes it from, by digest. */
  readonly imageRef?: string
}

/** One line saying what happened, for the log and the summary's heading. */
export function headline(report: PromotionReport): string {
  const { decision, record } = report.result
  const what = report.name ?? decision.digest ?? 'the artifact'
  const pending = record ? ` (record ${record.id}, pending until its deployment is confirmed)` : ''
  if (decision.mode === 'rollback') {
    if (!decision.allowed) return `rollback of ${decision.environment} to ${what} refused`
    if (report.dryRun)
      return `${decision.environment} may be rolled back to ${what} (dry run: nothing recorded)`
    return `${decision.environment} may roll back to ${what}${pending}`
  }
  if (!decision.allowed) return `${what} refused for ${decision.environment}`
  if (report.dryRun)
    return `${what} may be promoted to ${decision.environment} (dry run: nothing recorded)`
  return `${what} let into ${decision.environment}${pending}`
}

/** One line saying how a pending record ended. */
export function resolutionHeadline(entry: LedgerEntry): string {
  const what = entry.name ?? entry.digest
  switch (entry.outcome) {
    case 'deployed':
      return (
        `${what} deployed to ${entry.environment}: live there from ${entry.time} (record ${entry.id} ` +
        `confirms record ${entry.resolves})`
      )
    case 'rolled-back':
      return (
        `${entry.environment} rolled back to ${what}: live there from ${entry.time} (record ${entry.id} ` +
        `confirms record ${entry.resolves})`
      )
    case 'failed':
      return `the deployment of ${what} to ${entry.environment} failed (record ${entry.id} closes record ${entry.resolves})`
    default:
      return `record ${entry.resolves} of ${what} in ${entry.environment}: ${entry.outcome} (record ${entry.id})`
  }
}

/**
 * What a promotion does to the environment's contract, as a summary shows it: nothing to say
 * (neither digest carries a contract), the candidate's contract where the environment has no
 * contract rule, a problem that stopped the comparison, the initial contract, unchanged, removed, changed but
 * not compared (no contract rule, or the contracts could not be read), or amended with every
 * change found.
 */
export type ContractOutcome =
  | { readonly kind: 'carried'; readonly contract: ContractRef }
  | { readonly kind: 'problem'; readonly problem: string }
  | { readonly kind: 'initial'; readonly to: ContractRef }
  | { readonly kind: 'unchanged'; readonly contract: ContractRef }
  | { readonly kind: 'removed'; readonly from: ContractRef }
  | {
      readonly kind: 'not-compared'
      readonly from: ContractRef
      readonly to: ContractRef
      readonly problem: string | null
    }
  | {
      readonly kind: 'amended'
      readonly from: ContractRef
      readonly to: ContractRef
      readonly changes: readonly ContractChange[]
    }

/** How many changes a summary lists before "and N more": the rest are a `contract diff` away. */
export const CHANGES_SHOWN = 50

/** The contract outcome of a promotion; null when contracts were not looked at or neither side has one. */
export function contractOutcome(plan: ContractPlan | null): ContractOutcome | null {
  if (plan === null) return null
  const { live, candidate } = plan
  if (!plan.compared) return candidate === null ? null : { kind: 'carried', contract: candidate }
  if (
    plan.problem !== null &&
    (live === null || candidate === null || live.digest === candidate.digest)
  )
    return { kind: 'problem', problem: plan.problem }
  if (candidate === null) return live === null ? null : { kind: 'removed', from: live }
  if (live === null) return { kind: 'initial', to: candidate }
  if (live.digest === candidate.digest) return { kind: 'unchanged', contract: candidate }
  if (plan.changes === null)
    return { kind: 'not-compared', from: live, to: candidate, problem: plan.problem }
  return { kind: 'amended', from: live, to: candidate, changes: plan.changes }
}

/** "1.0.0" or, when a version names two contracts, the version with a short digest to tell them apart. */
export function contractLabel(contract: ContractRef, other: ContractRef | null): string {
  return other !== null && other.version === contract.version && other.digest !== contract.digest
    ? `${contract.version} (${shortDigest(contract.digest)})`
    : contract.version
}

/** A service as people see it named; the default one is the records without a name. */
export const serviceLabel = (service: Service): string => service ?? '(unnamed)'
