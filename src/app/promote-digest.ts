import type { Digest } from '../core/digest.js'
import { SealError, quote } from '../core/errors.js'
import { type Decision, type GateFacts, decide, refusal } from '../core/promotion/gate.js'
import { type PromotionPolicy, findEnvironment, upstreamOf } from '../core/promotion/policy.js'
import type { Mismatch } from '../core/listing.js'
import type { ArtifactRef, LedgerEntry, LiveSpan, Outcome, PromotionRecord, SealedBy } from '../core/promotion/record.js'
import type { Ledger } from '../stores/ledger/ledger.js'

/** The bytes about to be deployed, checked against the digest. */
export interface BytesCheck {
  readonly verified: boolean
  /** What the bytes hash to. */
  readonly actual: Digest
  /** Every file that differs, when a listing was there to tell. */
  readonly mismatches: readonly Mismatch[]
  /** Where the verified files are, for the deploy step; null when they are not verified. */
  readonly path: string | null
  /** The workflow artifact they came from, to record for later runs. */
  readonly artifact: ArtifactRef | null
  /** The build that sealed them, from the statement that travelled with them. */
  readonly sealedBy: SealedBy | null
}

/** What earlier records say about a digest: who sealed it, its name, where its files are. */
export interface KnownDigest {
  readonly sealedBy: SealedBy | null
  readonly name: string | null
  readonly artifact: ArtifactRef | null
}

/** For a check that has no ledger to ask. */
export const NOTHING_KNOWN: KnownDigest = { sealedBy: null, name: null, artifact: null }

/** Who is asking, as the record will say. */
export interface Requester {
  readonly runUrl: string | null
  readonly actor: string | null
}

export interface PromoteRequest {
  readonly environment: string
  /** A digest, or "previous" with rollback: the last good digest before the live one. */
  readonly digest: Digest | 'previous'
  readonly rollback: boolean
  readonly dryRun: boolean
  readonly name: string | null
  readonly environmentUrl: string | null
  /** From the seal's statement when the caller has it; else looked up in the ledger. */
  readonly sealedBy: SealedBy | null
  readonly requester: Requester
  /** Names the inputs or options in error messages. */
  readonly inputs: { readonly environment: string; readonly digest: string }
  /** The workflow artifact holding the files, when the caller knows it. */
  readonly artifact: ArtifactRef | null
  /**
   * Fetches and checks the bytes about to be deployed once the digest is known; absent when
   * none are given. `known` is what the ledger says about the digest (where its files are).
   */
  readonly verifyBytes?: (digest: Digest, known: KnownDigest) => Promise<BytesCheck>
}

export interface PromoteResult {
  readonly decision: Decision
  /** The digest the request resolved to ("previous" becomes the actual digest). */
  readonly digest: Digest | null
  /** What the environment ran before this promotion. */
  readonly previous: LiveSpan | null
  /** The record written; null for a dry run or when the ledger could not be written. */
  readonly record: LedgerEntry | null
  readonly sealedBy: SealedBy | null
  /** The artifact's name, as given or as earlier records of the digest say. */
  readonly name: string | null
  /** The check of the bytes, when they were given. */
  readonly verification: BytesCheck | null
}

/**
 * Promote (or roll back) a digest into an environment: gather what the ledger says about
 * this digest and environment, let the pure gate decide, and record the decision either
 * way, so refusals are part of the history too. A ledger that cannot be read is a refusal.
 */
export async function promoteDigest(request: PromoteRequest, policy: PromotionPolicy, ledger: Ledger, now: () => Date): Promise<PromoteResult> {
  const rule = findEnvironment(policy, request.environment)
  if (!rule) {
    throw new SealError(
      `${request.inputs.environment}: ${quote(request.environment)} is not an environment of the promotion policy ${policy.source}. ` +
        `Use one of: ${policy.environments.map((e) => e.name).join(', ')}, or add it to the policy.`
    )
  }
  const mode = request.rollback ? 'rollback' : 'promote'
  let digest: Digest | null = request.digest === 'previous' ? null : request.digest
  let previous: LiveSpan | null = null
  let sealedBy = request.sealedBy
  let name = request.name
  let verification: BytesCheck | null = null
  const result = (decision: Decision, record: LedgerEntry | null = null): PromoteResult => ({
    decision,
    digest,
    previous,
    record,
    sealedBy,
    name,
    verification
  })
  // Every ledger read goes through here: a SealError from a read means "cannot tell".
  const read = async <T>(query: () => Promise<T>): Promise<T> => {
    try {
      return await query()
    } catch (error) {
      if (!(error instanceof SealError)) throw error
      throw new LedgerUnreadable(refusal(mode, rule.name, digest, 'ledger', `The ledger could not be read, so the promotion is refused (fail closed): ${error.message}`))
    }
  }

  let decision: Decision
  try {
    previous = await read(() => ledger.live(rule.name))
    digest ??= await read(() => lastGoodBefore(ledger, rule.name))
    if (digest === null) {
      return result(refusal(mode, rule.name, null, 'ran-before', `${rule.name} ran no other digest that is not vetoed; there is nothing to roll back to.`))
    }
    const resolved = digest
    const history = await read(() => knownFromHistory(ledger, resolved))
    sealedBy ??= history.sealedBy
    name ??= history.name
    if (request.verifyBytes) verification = await request.verifyBytes(resolved, history)
    sealedBy ??= verification?.sealedBy ?? null
    if (verification && !verification.verified) {
      decision = refusal(mode, rule.name, resolved, 'bytes', bytesDetail(verification, resolved))
    } else {
      const environments = mode === 'rollback' ? [rule.name] : upstreamOf(rule)
      const facts: GateFacts = {
        veto: await read(() => ledger.veto(resolved)),
        live: previous,
        spans: new Map(await Promise.all(environments.map(async (env) => [env, await read(() => ledger.spans(resolved, env))] as const)))
      }
      decision = decide({ digest: resolved, rule, mode, now: now() }, facts)
    }
    if (request.dryRun) return result(decision)
    const outcome: Outcome = decision.allowed ? (mode === 'rollback' ? 'rolled-back' : 'promoted') : 'refused'
    const artifact = verification?.artifact ?? request.artifact ?? history.artifact
    const record = await ledger.append(recordOf({ ...request, name, artifact }, resolved, outcome, previous, decision.reason, sealedBy, now()))
    return result(decision, record)
  } catch (error) {
    if (error instanceof LedgerUnreadable) return result(error.decision)
    throw error
  }
}

/** Thrown inside promoteDigest when a ledger read fails; it carries the refusal to return. */
class LedgerUnreadable extends Error {
  constructor(readonly decision: Decision) {
    super(decision.reason ?? 'the ledger could not be read')
  }
}

/** "The bytes to deploy are X, not Y: a (changed), b (missing) … differ from the seal." */
function bytesDetail(check: BytesCheck, digest: Digest): string {
  const files = check.mismatches.slice(0, 5).map((m) => `${m.path} (${m.kind})`)
  const more = check.mismatches.length > 5 ? ` and ${check.mismatches.length - 5} more` : ''
  return `The bytes to deploy are ${check.actual}, not ${digest}` + (files.length > 0 ? `: ${files.join(', ')}${more} differ from the seal.` : '.')
}

/** Mark a digest bad: from now on no environment accepts it and rollbacks skip it. */
export async function vetoDigest(
  request: { readonly digest: Digest; readonly environment: string; readonly reason: string; readonly name: string | null; readonly requester: Requester },
  ledger: Ledger,
  now: () => Date
): Promise<LedgerEntry> {
  const previous = await ledger.live(request.environment)
  const known = await knownFromHistory(ledger, request.digest)
  return ledger.append({
    digest: request.digest,
    name: request.name ?? known.name,
    environment: request.environment,
    outcome: 'vetoed',
    time: now().toISOString(),
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy: known.sealedBy,
    previousDigest: previous?.digest ?? null,
    reason: request.reason,
    environmentUrl: null,
    artifact: known.artifact
  })
}

/** The last digest the environment ran before its live one that is not vetoed; null when there is none. */
export async function lastGoodBefore(ledger: Ledger, environment: string): Promise<Digest | null> {
  for await (const span of ledger.previouslyLive(environment)) {
    if ((await ledger.veto(span.digest)) === null) return span.digest
  }
  return null
}

/** What the latest records of a digest that know say: who sealed it, its name, where its files are. */
async function knownFromHistory(ledger: Ledger, digest: Digest): Promise<KnownDigest> {
  let name: string | null = null
  let sealedBy: SealedBy | null = null
  let artifact: ArtifactRef | null = null
  for await (const entry of ledger.entries({ digest })) {
    name ??= entry.name
    sealedBy ??= entry.sealedBy
    artifact ??= entry.artifact
    if (name && sealedBy && artifact) break
  }
  return { sealedBy, name, artifact }
}

function recordOf(
  request: PromoteRequest,
  digest: Digest,
  outcome: Outcome,
  previous: LiveSpan | null,
  reason: string | null,
  sealedBy: SealedBy | null,
  time: Date
): PromotionRecord {
  return {
    digest,
    name: request.name,
    environment: request.environment,
    outcome,
    time: time.toISOString(),
    runUrl: request.requester.runUrl,
    actor: request.requester.actor,
    sealedBy,
    previousDigest: previous?.digest ?? null,
    reason,
    environmentUrl: request.environmentUrl,
    artifact: request.artifact
  }
}
