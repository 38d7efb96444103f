import type { ContractRef } from '../contract/manifest.js'
import type { Digest } from '../digest.js'
import {
  type Amendment,
  type LedgerEntry,
  type Mode,
  type Service,
  makesLive,
  serviceOf
} from './record.js'

/**
 * "When did the contract change?": every amendment of an environment's contract, read from
 * the records alone, so both ledgers answer it alike. Each service of an environment has a
 * contract of its own: another service's deployment never amends it.
 *
 * A service runs the contract of its live digest, as the record that made the digest
 * live names it (the pending record a `deployed` or `rolled-back` record confirmed); a live
 * record without a contract (sealed without one, or written before contracts existed) runs
 * no contract. Walking the confirmations in time order, an amendment is each confirmation
 * whose contract digest differs from the one the environment ran before; the first contract
 * an environment ever runs is its initial one. A confirmation of the digest that is live
 * already continues its stretch, as the ledgers read it, and changes nothing.
 */

/** One amendment of the contract of one service of one environment. */
export interface ContractAmendment {
  readonly environment: string
  readonly service: Service
  /** ISO 8601: when it took effect, the confirmation of the deployment that made `digest` live. */
  readonly time: string
  /** The environment's first contract: nothing live in it before carried one. */
  readonly initial: boolean
  /** The contract the environment ran before; null when it ran none (or nothing). */
  readonly from: ContractRef | null
  /** The contract it runs from `time`; null when the digest that went live carries none. */
  readonly to: ContractRef | null
  /** The artifact that went live, bringing `to`. */
  readonly digest: Digest
  readonly name: string | null
  /** The artifact it replaced, bringing `from`; null when the environment ran nothing. */
  readonly previousDigest: Digest | null
  /** Whether a promotion or a rollback brought it. */
  readonly mode: Mode | null
  /** Who promoted it, and the run that did: the pending record's. */
  readonly actor: string | null
  readonly runUrl: string | null
  /** The pending record that made `digest` live, and its URL when the ledger has one. */
  readonly recordId: string
  readonly recordUrl: string | null
  /** The record (or status) that confirmed it. */
  readonly confirmationId: string
  /**
   * What the gate found when it compared the two contracts: counts by severity, the rule ids
   * and the approval it went through on. Null when the record keeps none (the environment has
   * no contract rule, or the record is older) or when it describes another amendment (another
   * deployment went live between the gate and the confirmation).
   */
  readonly amendment: Amendment | null
}

/** What an environment runs at some point of the walk. */
interface Running {
  readonly digest: Digest
  readonly contract: ContractRef | null
}

/**
 * Every contract amendment the records show, newest first (across environments). `entries`
 * are a ledger's records newest first, as `LedgerView.entries` gives them, of every
 * environment or of one; records other than pending records and the confirmations that
 * make them live are passed over.
 */
export function contractAmendments(entries: readonly LedgerEntry[]): ContractAmendment[] {
  // Oldest first in the ledger's order: the file ledger's written order; the GitHub ledger's
  // deployment order, a confirmation right after the deployment it confirms. A confirmation
  // may land after a newer deployment, so confirmations are ordered by their time; a sort
  // that keeps this order for equal times matches both ledgers' tie-break.
  const oldestFirst = [...entries].reverse()
  const pending = new Map<string, LedgerEntry>()
  for (const entry of oldestFirst) if (entry.outcome === 'pending') pending.set(entry.id, entry)
  const confirmations = oldestFirst.filter(
    (entry) => makesLive(entry.outcome) && entry.resolves !== null
  )
  confirmations.sort((a, b) => Date.parse(a.time) - Date.parse(b.time))

  const running = new Map<string, Running>()
  const everContract = new Set<string>()
  const found: ContractAmendment[] = []
  for (const confirmation of confirmations) {
    const environment = confirmation.environment
    const service = serviceOf(confirmation)
    // JSON: no separator can be forged by a name.
    const track = JSON.stringify([environment, service])
    const before = running.get(track) ?? null
    if (before !== null && before.digest === confirmation.digest) continue
    // The GitHub ledger's confirmation carries its pending record's fields; the file ledger's
    // does not carry the contract, so the pending record is the one to read.
    const made = pending.get(confirmation.resolves as string) ?? confirmation
    const to = made.contract ?? null
    const from = before?.contract ?? null
    running.set(track, { digest: confirmation.digest, contract: to })
    if (sameContract(from, to)) continue
    found.push({
      environment,
      service,
      time: confirmation.time,
      initial: from === null && !everContract.has(track),
      from,
      to,
      digest: confirmation.digest,
      name: made.name ?? confirmation.name,
      previousDigest: before?.digest ?? null,
      mode: made.mode ?? confirmation.mode,
      actor: made.actor,
      runUrl: made.runUrl,
      recordId: made === confirmation ? (confirmation.resolves as string) : made.id,
      recordUrl: made === confirmation ? null : made.url,
      confirmationId: confirmation.id,
      amendment: describes(made.amendment ?? null, from, to) ? (made.amendment ?? null) : null
    })
    if (to !== null) everContract.add(track)
  }
  return found.reverse()
}

/**
 * The same over a ledger's entries as they are read (an array or `LedgerView.entries`),
 * keeping only the records the walk needs.
 */
export async function contractHistory(
  entries: Iterable<LedgerEntry> | AsyncIterable<LedgerEntry>
): Promise<ContractAmendment[]> {
  const kept: LedgerEntry[] = []
  for await (const entry of entries) {
    if (entry.outcome === 'pending' || (makesLive(entry.outcome) && entry.resolves !== null))
      kept.push(entry)
  }
  return contractAmendments(kept)
}

function sameContract(a: ContractRef | null, b: ContractRef | null): boolean {
  return (a?.digest ?? null) === (b?.digest ?? null)
}

/** Whether the amendment a record keeps is this one: from and to the same contract digests. */
function describes(
  amendment: Amendment | null,
  from: ContractRef | null,
  to: ContractRef | null
): boolean {
  return amendment !== null && sameContract(amendment.from, from) && sameContract(amendment.to, to)
}
