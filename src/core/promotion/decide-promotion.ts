import type { DriftState } from '../observe/drift-state.js'
import { driftRefusal } from './drift-rule.js'
import { summarizeAmendment } from '../contract/amendment.js'
import type { ContractChange } from '../contract/change.js'
import type { ContractRef } from '../contract/manifest.js'
import type { Digest } from '../digest.js'
import type { Mismatch } from '../listing.js'
import type { ContractFact } from './contract-rule.js'
import { type Decision, type RuleCheck, type SignatureFact, decide, refusal } from './gate.js'
import type { EnvironmentRule } from './policy.js'
import type { Amendment, LedgerEntry, LiveSpan, Mode, Service } from './record.js'

/**
 * The one decision of a promotion, from the facts gathered before it: what the evidence
 * showed (the bytes, the signature, the contracts) and what the ledger said inside its step.
 * Pure: the use case gathers, this decides, the use case records.
 */

/** What was learned of the two contracts before the ledger step. */
export interface ContractEvidence {
  readonly environment: string
  /** Whether the environment's contract was looked at (it has a contract rule); else only the candidate's is known. */
  readonly compared: boolean
  /** The candidate's contract, as the record will name it; null when its seal has none. */
  readonly candidate: ContractRef | null
  /** The digest the environment ran when the contracts were compared. */
  readonly liveDigest: Digest | null
  readonly live: ContractRef | null
  readonly changes: readonly ContractChange[] | null
  readonly problem: string | null
}

/** What the evidence showed before the ledger step. */
export interface PromotionEvidence {
  /**
   * A refusal the evidence settles alone (the bytes differ, the signature is refused, nothing to
   * roll back to); null when the rules decide.
   */
  readonly refusal: { readonly rule: RuleCheck['rule']; readonly detail: string } | null
  /** The seal's signature, for the signed-by rule; absent when nobody checked one. */
  readonly signature?: SignatureFact
  /**
   * What a promotion without bytes rests on, shown as a passed check; null when bytes were checked
   * (or it is a dry run).
   */
  readonly withoutBytes: RuleCheck | null
  /** The contracts, when they were looked at. */
  readonly contract: ContractEvidence | null
}

/** What the ledger said inside its step. */
export interface LedgerFacts {
  readonly now: Date
  readonly veto: LedgerEntry | null
  /** The service's live digest in the environment now. */
  readonly live: LiveSpan | null
  /** The digest's live stretches, as the service, in each environment the rules look at. */
  readonly spans: ReadonlyMap<string, readonly LiveSpan[]>
  /** Another service the environment runs, when this one runs nothing there and the policy lists no services. */
  readonly otherService: { readonly service: Service; readonly live: LiveSpan } | null
  /** An unused approval of exactly this amendment; null when none, or none was looked for. */
  readonly approval: LedgerEntry | null
  /** The drift state of each upstream environment under `drift: block`; absent or empty when none is. */
  readonly drift?: ReadonlyMap<string, DriftState>
}

export interface PromotionSubject {
  readonly digest: Digest
  readonly rule: EnvironmentRule
  readonly mode: Mode
  readonly service: Service
}

export function decidePromotion(
  subject: PromotionSubject,
  evidence: PromotionEvidence,
  ledger: LedgerFacts
): Decision {
  const { digest, rule, mode, service } = subject
  if (evidence.refusal !== null)
    return refusal(mode, rule.name, digest, evidence.refusal.rule, evidence.refusal.detail)
  const decision = decide(
    { digest, rule, mode, now: ledger.now, service },
    {
      veto: ledger.veto,
      live: ledger.live,
      spans: ledger.spans,
      ...(evidence.signature !== undefined ? { signature: evidence.signature } : {}),
      ...(evidence.contract !== null && rule.contract
        ? { contract: contractFact(evidence.contract, ledger.live, ledger.approval) }
        : {}),
      ...(ledger.otherService !== null && ledger.otherService.service !== service
        ? { otherService: ledger.otherService }
        : {}),
      drifted: driftedUpstreams(rule.name, ledger.drift)
    }
  )
  return evidence.withoutBytes === null
    ? decision
    : { ...decision, checks: [...decision.checks, evidence.withoutBytes] }
}

function driftedUpstreams(
  target: string,
  states: ReadonlyMap<string, DriftState> | undefined
): ReadonlyMap<string, string> {
  const drifted = new Map<string, string>()
  for (const [upstream, state] of states ?? []) {
    const refusal = driftRefusal(upstream, target, state)
    if (refusal !== null) drifted.set(upstream, refusal)
  }
  return drifted
}

/**
 * The gate's view of the contracts, with what the environment runs now: when its live digest
 * changed since the contracts were compared, the comparison is of the wrong pair, and the
 * rule refuses (fail closed) rather than judge it.
 */
export function contractFact(
  evidence: ContractEvidence,
  liveNow: LiveSpan | null,
  approval: LedgerEntry | null
): ContractFact {
  if ((liveNow?.digest ?? null) !== evidence.liveDigest) {
    return {
      live: evidence.live,
      liveDigest: evidence.liveDigest,
      candidate: evidence.candidate,
      changes: null,
      problem:
        `The environment's live digest changed (to ${liveNow?.digest ?? 'none'}) while the contracts ` +
        'were compared; promote again to compare with what it runs now.',
      approval: null
    }
  }
  return {
    live: evidence.live,
    liveDigest: evidence.liveDigest,
    candidate: evidence.candidate,
    changes: evidence.changes,
    problem: evidence.problem,
    approval
  }
}

/** Whether an amendment needs an approval looked up: it has breaking or dangerous changes. */
export function mayNeedApproval(evidence: ContractEvidence): boolean {
  return (
    evidence.candidate !== null &&
    evidence.changes !== null &&
    evidence.changes.some((c) => c.severity === 'breaking' || c.severity === 'dangerous')
  )
}

/** The amendment a record keeps; null when the contract did not change or was not compared. */
export function amendmentOf(
  evidence: ContractEvidence,
  approvalUsed: string | null
): Amendment | null {
  if (
    evidence.changes === null ||
    evidence.live?.digest === evidence.candidate?.digest ||
    evidence.live === null
  )
    return null
  return {
    ...summarizeAmendment(evidence.live, evidence.candidate, evidence.changes),
    ...(approvalUsed !== null ? { approval: approvalUsed } : {})
  }
}

/** "The bytes to deploy are X, not Y: a (changed), b (missing) … differ from the seal." */
export function bytesMismatchDetail(
  actual: Digest,
  mismatches: readonly Mismatch[],
  digest: Digest
): string {
  const files = mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`)
  const more = mismatches.length > 5 ? ` and ${mismatches.length - 5} more` : ''
  return (
    `The bytes to deploy are ${actual}, not ${digest}` +
    (files.length > 0 ? `: ${files.join(', ')}${more} differ from the seal.` : '.')
  )
}
