import { summarizeAmendment } from '../../core/contract/amendment.js'
import type { ContractChange } from '../../core/contract/change.js'
import type { LoadedContract } from '../../core/contract/classify.js'
import type { ContractRef } from '../../core/contract/manifest.js'
import type { Digest } from '../../core/digest.js'
import { BadInputError, SealError } from '../../core/errors.js'
import type { ContractFact } from '../../core/promotion/contract-rule.js'
import type { Amendment, ArtifactRef, LedgerEntry, LiveSpan, Service } from '../../core/promotion/record.js'
import type { LedgerView } from '../../stores/ledger/ledger.js'
import type { ContractSources } from './contract-sources.js'
import type { BytesCheck } from './promote-digest.js'

/** What promote learned of the two contracts before the ledger step, for the gate and the record. */
export interface ContractPlan {
  readonly environment: string
  /** Whether the environment's contract was looked at (it has a contract rule); else only the candidate's is known. */
  readonly compared: boolean
  /** The candidate's contract, as the record will name it; null when its seal has none. */
  readonly candidate: ContractRef | null
  /** The candidate's contract files, to keep for later baselines; null when not loaded. */
  readonly loaded: LoadedContract | null
  /** The digest the environment ran when the contracts were compared. */
  readonly liveDigest: Digest | null
  readonly live: ContractRef | null
  readonly changes: readonly ContractChange[] | null
  readonly problem: string | null
}

export interface ContractPlanRequest {
  readonly environment: string
  /** The service promoted: its live digest's contract is the one compared. */
  readonly service: Service
  readonly digest: Digest
  readonly bytes: BytesCheck | null
  /** What the signed statement says the bytes carry; undefined when no signature was verified. */
  readonly signed: ContractRef | null | undefined
  /** What earlier records of the digest say it carries. */
  readonly recorded: ContractRef | null
  /** Whether to compare the contracts: the environment has a contract rule. */
  readonly compare: boolean
  /** The promotion time on the ledger's clock: `x-sunset` dates are judged against it. */
  readonly now: () => Promise<Date>
}

/**
 * Finds the candidate's contract and, when the environment judges amendments, the contract it
 * runs, and classifies every change between them. Nothing here decides: a contract that
 * cannot be read, or that disagrees with what the signed statement or earlier records say,
 * becomes a `problem` the gate refuses with (fail closed). A `contract-baseline` that is not
 * the live digest's contract is bad input and is thrown.
 */
export async function planContract(request: ContractPlanRequest, sources: ContractSources, ledger: LedgerView): Promise<ContractPlan> {
  const { signed, recorded } = request
  const claimed = signed ?? recorded
  let loaded: LoadedContract | null = null
  let problem: string | null = null
  if (signed != null && recorded !== null && signed.digest !== recorded.digest) {
    problem = `The signed statement says ${request.digest} carries contract ${signed.digest}, but an earlier record of it names ${recorded.digest}; the ledger or the seal bundle was changed.`
  }
  let known = true
  try {
    const found = await sources.candidate(request.digest, request.bytes, claimed)
    loaded = found.contract
    known = found.known
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    problem ??= `This digest's contract cannot be read: ${error.message}`
  }
  const found = loaded === null ? null : { digest: loaded.manifest.digest, version: loaded.manifest.version }
  // The version is the manifest's word, outside the contract digest: it must agree with the claim too, or an
  // edited manifest could pass a breaking change off as a major step.
  const claims = [
    ...(signed != null ? [{ by: 'the signed statement', ref: signed }] : []),
    ...(recorded !== null ? [{ by: 'an earlier record of the digest', ref: recorded }] : [])
  ]
  const disagreeing = found === null ? undefined : claims.find((c) => c.ref.digest !== found.digest || c.ref.version !== found.version)
  if (problem === null && found !== null && disagreeing !== undefined) {
    problem =
      `The contract manifest beside the bytes names contract ${found.version} (${found.digest}), but ${disagreeing.by} names ${disagreeing.ref.version} (${disagreeing.ref.digest}): ` +
      `the manifest was swapped or edited after sealing. Give the seal bundle as the seal wrote it.`
  }
  if (problem === null && signed != null && recorded !== null && signed.version !== recorded.version) {
    problem = `The signed statement says ${request.digest} carries contract version ${signed.version}, but an earlier record of it names ${recorded.version}; the ledger or the seal bundle was changed.`
  }
  if (problem === null && found === null && signed != null) {
    problem = `The signed statement says ${request.digest} carries contract ${signed.version} (${signed.digest}), but no contract manifest was found beside the bytes.`
  }
  if (problem === null && !known && request.compare) {
    problem =
      `Whether ${request.digest} carries a contract is not known: no seal bundle is beside the bytes and no record of the digest names one. ` +
      `Give the seal bundle's listing (checksums-path, or --checksums) with the bytes, or fetch them as a workflow artifact.`
  }
  // A contract with a problem is not what the record names: what was claimed for the digest is, when anything was.
  const candidate = problem === null ? (found ?? claimed ?? null) : (claimed ?? null)
  // Without a contract rule the record names the candidate's contract and nothing is compared: no reads.
  if (!request.compare) return { environment: request.environment, compared: false, candidate, loaded, liveDigest: null, live: null, changes: null, problem }
  const span = await ledger.live(request.environment, request.service)
  const live = span === null ? null : await contractOfLive(ledger, span)
  const plan = { environment: request.environment, compared: true, candidate, loaded, liveDigest: span?.digest ?? null, live }
  if (problem !== null || live === null || candidate === null || live.digest === candidate.digest || span === null || loaded === null) {
    return { ...plan, changes: live !== null && candidate !== null && live.digest === candidate.digest ? [] : null, problem }
  }
  let baseline: LoadedContract
  try {
    baseline = await sources.baseline({ environment: request.environment, digest: span.digest, contract: live, artifact: await artifactOf(ledger, span.digest) })
  } catch (error) {
    if (error instanceof BadInputError || !(error instanceof SealError)) throw error
    return { ...plan, changes: null, problem: error.message }
  }
  const { classifyContracts } = await import('../../core/contract/classify.js')
  try {
    return { ...plan, changes: await classifyContracts(baseline, loaded, { now: await request.now() }), problem: null }
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return { ...plan, changes: null, problem: `The contracts could not be compared: ${error.message}` }
  }
}

/** The gate's view of the plan, once the ledger step has read the live digest again and found the approval. */
export function contractFact(plan: ContractPlan, liveNow: LiveSpan | null, approval: LedgerEntry | null): ContractFact {
  if ((liveNow?.digest ?? null) !== plan.liveDigest) {
    return {
      ...plan,
      changes: null,
      problem: `The environment's live digest changed (to ${liveNow?.digest ?? 'none'}) while the contracts were compared; promote again to compare with what it runs now.`,
      approval: null
    }
  }
  return { live: plan.live, liveDigest: plan.liveDigest, candidate: plan.candidate, changes: plan.changes, problem: plan.problem, approval }
}

/** The amendment a record keeps; null when the contract did not change or was not compared. */
export function amendmentOf(plan: ContractPlan, approvalUsed: string | null): Amendment | null {
  if (plan.changes === null || plan.live?.digest === plan.candidate?.digest || plan.live === null) return null
  return { ...summarizeAmendment(plan.live, plan.candidate, plan.changes), ...(approvalUsed !== null ? { approval: approvalUsed } : {}) }
}

/**
 * The contract the record that made the span live names, read among the digest's records in
 * its environment only (null when that record names none: sealed without a contract, or
 * recorded before contracts were).
 */
export async function contractOfLive(ledger: LedgerView, span: LiveSpan): Promise<ContractRef | null> {
  for await (const entry of ledger.entries({ environment: span.environment, digest: span.digest })) {
    if (entry.id === span.recordId) return entry.contract ?? null
  }
  return null
}

async function artifactOf(ledger: LedgerView, digest: Digest): Promise<ArtifactRef | null> {
  for await (const entry of ledger.entries({ digest })) if (entry.artifact !== null) return entry.artifact
  return null
}

/**
 * An approval of exactly this amendment of the service in this environment that no record used
 * yet. Newest first, so a record that used an approval is met before the approval itself.
 */
export async function unusedApproval(ledger: LedgerView, environment: string, service: Service, from: Digest | null, to: Digest): Promise<LedgerEntry | null> {
  const used = new Set<string>()
  for await (const entry of ledger.entries({ environment, service })) {
    if (entry.amendment?.approval) used.add(entry.amendment.approval)
    if (entry.outcome === 'approved' && entry.approves && entry.approves.from === from && entry.approves.to === to && !used.has(entry.id)) return entry
  }
  return null
}
