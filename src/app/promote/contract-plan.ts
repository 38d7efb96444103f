import type { LoadedContract } from '../../core/contract/classify.js'
import type { ContractRef } from '../../core/contract/manifest.js'
import type { Digest } from '../../core/digest.js'
import { SealError, stopsPromotion } from '../../core/errors.js'
import type { LedgerView } from '../../stores/ledger/ledger.js'
import { artifactOf, contractOfLive } from '../ledger/queries.js'
import type { ContractSources } from './types.js'
import type { ContractPlan, ContractPlanRequest } from './types.js'

/**
 * Finds the candidate's contract and, when the environment judges amendments, the contract it
 * runs, and classifies every change between them. Nothing here decides: a contract that
 * cannot be read, or that disagrees with what the signed statement or earlier records say,
 * becomes a `problem` the gate refuses with (fail closed). A `contract-baseline` that is not
 * the live digest's contract is bad input and is thrown.
 */
export async function planContract(
  request: ContractPlanRequest,
  sources: ContractSources,
  ledger: LedgerView
): Promise<ContractPlan> {
  const { signed, recorded } = request
  const claimed = signed ?? recorded
  let loaded: LoadedContract | null = null
  let problem: string | null = null
  if (signed != null && recorded !== null && signed.digest !== recorded.digest) {
    problem =
      `The signed statement says ${request.digest} carries contract ${signed.digest}, but an earlier ` +
      `record of it names ${recorded.digest}; the ledger or the seal bundle was ` +
      'changed.'
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
  const found =
    loaded === null ? null : { digest: loaded.manifest.digest, version: loaded.manifest.version }
  // The version is the manifest's word, outside the contract digest: it must agree with the claim too, or an
  // edited manifest could pass a breaking change off as a major step.
  const claims = [
    ...(signed != null ? [{ by: 'the signed statement', ref: signed }] : []),
    ...(recorded !== null ? [{ by: 'an earlier record of the digest', ref: recorded }] : [])
  ]
  const disagreeing =
    found === null
      ? undefined
      : claims.find((c) => c.ref.digest !== found.digest || c.ref.version !== found.version)
  if (problem === null && found !== null && disagreeing !== undefined) {
    problem =
      `The contract manifest beside the bytes names contract ${found.version} (${found.digest}), but ${disagreeing.by} names ${disagreeing.ref.version} ` +
      `(${disagreeing.ref.digest}): ` +
      `the manifest was swapped or edited after sealing. Give the seal bundle as the seal wrote it.`
  }
  if (
    problem === null &&
    signed != null &&
    recorded !== null &&
    signed.version !== recorded.version
  ) {
    problem =
      `The signed statement says ${request.digest} carries contract version ${signed.version}, but an ` +
      `earlier record of it names ${recorded.version}; the ledger or the seal ` +
      'bundle was changed.'
  }
  if (problem === null && found === null && signed != null) {
    problem =
      `The signed statement says ${request.digest} carries contract ${signed.version} ` +
      `(${signed.digest}), but no contract manifest was found beside the bytes.`
  }
  if (problem === null && !known && request.compare) {
    problem =
      `Whether ${request.digest} carries a contract is not known: no seal bundle is beside the bytes and no ` +
      'record of the digest names one. ' +
      (`Give the seal bundle's listing (checksums-path, or --checksums) with the bytes, or fetch them as a ` +
        'workflow artifact.')
  }
  // A contract with a problem is not what the record names: what was claimed for the digest is, when anything was.
  const candidate = problem === null ? (found ?? claimed ?? null) : (claimed ?? null)
  // Without a contract rule the record names the candidate's contract and nothing is compared: no reads.
  if (!request.compare)
    return {
      environment: request.environment,
      compared: false,
      candidate,
      loaded,
      liveDigest: null,
      live: null,
      changes: null,
      problem
    }
  const span = await ledger.live(request.environment, request.service)
  const live = span === null ? null : await contractOfLive(ledger, span)
  const plan = {
    environment: request.environment,
    compared: true,
    candidate,
    loaded,
    liveDigest: span?.digest ?? null,
    live
  }
  if (
    problem !== null ||
    live === null ||
    candidate === null ||
    live.digest === candidate.digest ||
    span === null ||
    loaded === null
  ) {
    return {
      ...plan,
      changes: live !== null && candidate !== null && live.digest === candidate.digest ? [] : null,
      problem
    }
  }
  let baseline: LoadedContract
  try {
    baseline = await sources.baseline({
      environment: request.environment,
      digest: span.digest,
      contract: live,
      artifact: await artifactOf(ledger, span.digest)
    })
  } catch (error) {
    if (stopsPromotion(error) || !(error instanceof SealError)) throw error
    return { ...plan, changes: null, problem: error.message }
  }
  const { classifyContracts } = await import('../../core/contract/classify.js')
  try {
    return {
      ...plan,
      changes: await classifyContracts(baseline, loaded, { now: await request.now() }),
      problem: null
    }
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return {
      ...plan,
      changes: null,
      problem: `The contracts could not be compared: ${error.message}`
    }
  }
}

/**
 * The contracts a promotion learned: the one the target environment's live digest carries (as
 * its record names it) and, unless the plan found a problem with it, the candidate's.
 */
export function contractsKnown(
  digest: Digest | null,
  plan: ContractPlan | null
): Map<Digest, ContractRef | null> {
  const known = new Map<Digest, ContractRef | null>()
  if (plan === null) return known
  if (plan.liveDigest !== null) known.set(plan.liveDigest, plan.live)
  if (digest !== null && plan.problem === null) known.set(digest, plan.candidate)
  return known
}

/**
 * Keeps the candidate's contract for later baselines once a promotion was let in with it, and
 * only then: a refused promotion, or one whose contract had a problem, leaves nothing behind.
 */
export async function keepAfterPromotion(
  sources: ContractSources | undefined,
  plan: ContractPlan | null,
  allowed: boolean
): Promise<void> {
  const loaded = plan?.loaded ?? null
  if (
    !allowed ||
    sources?.keep === undefined ||
    plan === null ||
    plan.problem !== null ||
    loaded === null ||
    loaded.manifest.digest !== plan.candidate?.digest
  )
    return
  await sources.keep(loaded)
}
