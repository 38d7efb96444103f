import type { ContractRef } from '../../core/contract/manifest.js'
import type { Digest } from '../../core/digest.js'
import {
  type ArtifactRef,
  type LedgerEntry,
  type LiveSpan,
  type Outcome,
  type SealedBy,
  type Service,
  serviceOf
} from '../../core/promotion/record.js'
import type { LedgerView } from '../../stores/ledger/ledger.js'
import type { KnownDigest } from './types.js'

/**
 * What the use cases ask the ledger beyond the gate's facts: what earlier records say of a
 * digest, the last good digest before the live one, the contract a live digest carries, an
 * unused approval. Each is answered from the records of one digest or one environment.
 */

/** For a check that has no ledger to ask. */
export const NOTHING_KNOWN: KnownDigest = {
  sealedBy: null,
  name: null,
  artifact: null,
  contract: null
}

/**
 * What the latest records of a digest that know say: who sealed it, where its files are, and,
 * from the records that let it in (a gate's pending record and its confirmation), its name and
 * the service it went in as. A refusal, a veto or an approval names whatever its writer was
 * told: a refused promotion leaves nothing a later one trusts, so it never picks a service.
 */
export async function knownFromHistory(ledger: LedgerView, digest: Digest): Promise<KnownDigest> {
  let name: string | null = null
  let service: Service | undefined
  let sealedBy: SealedBy | null = null
  let artifact: ArtifactRef | null = null
  let contract: ContractRef | null = null
  // A gate's record that let the digest in names the contract it carries when it has one; a resolution or a
  // veto does not say, and a refusal's is not taken.
  let gateSeen = false
  for await (const entry of ledger.entries({ digest })) {
    sealedBy ??= entry.sealedBy
    artifact ??= entry.artifact
    if (letIn(entry.outcome) && service === undefined) {
      service = serviceOf(entry)
      name = entry.name
    }
    if (entry.outcome === 'pending') contract ??= entry.contract ?? null
    gateSeen ||= entry.outcome === 'pending'
    if (service !== undefined && sealedBy && artifact && (contract !== null || gateSeen)) break
  }
  return { sealedBy, name, artifact, contract, ...(service === undefined ? {} : { service }) }
}

/** Whether a record says a gate let the digest in: its pending record, or that record's confirmation or failure. */
function letIn(outcome: Outcome): boolean {
  return (
    outcome === 'pending' ||
    outcome === 'deployed' ||
    outcome === 'rolled-back' ||
    outcome === 'failed'
  )
}

/**
 * The last digest the service ran in the environment before its live one that is not vetoed; null
 * when there is none.
 */
export async function lastGoodBefore(
  ledger: LedgerView,
  environment: string,
  service: Service
): Promise<Digest | null> {
  for await (const span of ledger.previouslyLive(environment, service)) {
    if ((await ledger.veto(span.digest)) === null) return span.digest
  }
  return null
}

/**
 * The contract the record that made the span live names, read among the digest's records in
 * its environment only (null when that record names none: sealed without a contract, or
 * recorded before contracts were).
 */
export async function contractOfLive(
  ledger: LedgerView,
  span: LiveSpan
): Promise<ContractRef | null> {
  for await (const entry of ledger.entries({
    environment: span.environment,
    digest: span.digest
  })) {
    if (entry.id === span.recordId) return entry.contract ?? null
  }
  return null
}

/** The workflow artifact the records of a digest name as holding its files; null when none does. */
export async function artifactOf(ledger: LedgerView, digest: Digest): Promise<ArtifactRef | null> {
  for await (const entry of ledger.entries({ digest }))
    if (entry.artifact !== null) return entry.artifact
  return null
}

/**
 * An approval of exactly this amendment of the service in this environment that no record used
 * yet. Newest first, so a record that used an approval is met before the approval itself.
 */
export async function unusedApproval(
  ledger: LedgerView,
  environment: string,
  service: Service,
  from: Digest | null,
  to: Digest
): Promise<LedgerEntry | null> {
  const used = new Set<string>()
  for await (const entry of ledger.entries({ environment, service })) {
    if (entry.amendment?.approval) used.add(entry.amendment.approval)
    if (
      entry.outcome === 'approved' &&
      entry.approves &&
      entry.approves.from === from &&
      entry.approves.to === to &&
      !used.has(entry.id)
    )
      return entry
  }
  return null
}
