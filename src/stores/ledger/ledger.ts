import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { LedgerEntry, LiveSpan, NewRecord } from '../../core/promotion/record.js'

/**
 * What the gate may ask a ledger. Every query is answered from the records of one digest or
 * one environment, so its cost does not grow with the whole history. A backend that cannot
 * answer throws a SealError saying why; callers treat that as "no" (fail closed), never as
 * an empty history.
 */
export interface LedgerView {
  /** The environment's live digest now (its last confirmed deployment), or null when none was ever confirmed. */
  live(environment: string): Promise<LiveSpan | null>

  /** Every stretch during which the digest was live in the environment, oldest first. */
  spans(digest: Digest, environment: string): Promise<LiveSpan[]>

  /** The record that vetoed the digest, or null when it was never vetoed. */
  veto(digest: Digest): Promise<LedgerEntry | null>

  /**
   * Digests that were live in the environment before the live one, newest first, each
   * once (its most recent stretch). Lazy, so a rollback reads only as far back as it needs.
   */
  previouslyLive(environment: string): AsyncIterable<LiveSpan>

  /** Pending records of the environment that nothing has resolved yet and that can still be confirmed (younger than the pending timeout), oldest first. */
  pending(environment: string): Promise<LedgerEntry[]>

  /** Records, newest first, optionally only one environment's or one digest's. */
  entries(filter?: { readonly environment?: string; readonly digest?: Digest }): AsyncIterable<LedgerEntry>

  /**
   * The ledger's clock: the time a record appended now would carry. Soak and order are
   * measured on it, never on the clock of whoever wrote a record.
   */
  now(): Promise<Date>
}

/** What a write decided with `record` returns. */
export interface Recorded {
  /** The record as stored; null when the work chose to write nothing (a dry run). */
  readonly entry: LedgerEntry | null
  /**
   * Set when another writer's record landed between the reads and the append and changed the
   * facts (a veto of the digest, another deployment going live): the record was then marked
   * failed with this reason, and the promotion must be refused.
   */
  readonly lost: string | null
  /** Pending records of the environment the write found stale and marked abandoned. */
  readonly abandoned: readonly LedgerEntry[]
}

/** How a pending record ends. */
export interface ResolveRequest {
  readonly id: string
  readonly outcome: 'confirmed' | 'failed' | 'abandoned'
  readonly reason: string | null
  readonly runUrl: string | null
  readonly actor: string | null
  /** When given, the record must be of this environment: a mistyped id never confirms another environment's deployment. */
  readonly environment?: string | null
}

/** The refusal when a request names an environment the pending record is not of; null when it fits. */
export function wrongEnvironment(pending: LedgerEntry, request: ResolveRequest, location: string): SealError | null {
  if (request.environment == null || request.environment === '' || request.environment === pending.environment) return null
  return new SealError(
    `${location}: record ${request.id} is a promotion of ${pending.digest} to ${quote(pending.environment)}, not to the environment given, ${quote(request.environment)}; nothing was recorded. ` +
      `Give the record-id the promote step for ${quote(request.environment)} put out, or leave the environment out.`
  )
}

/**
 * The ledger role: the append-only history of promotion records.
 */
export interface Ledger extends LedgerView {
  /** Where the records live, for messages: "file:/path/ledger.jsonl", "github:owner/repo". */
  readonly location: string

  /**
   * Reads the facts and appends the decision made from them as one step: first marks the
   * environment's pending records older than `pendingTimeoutMs` abandoned, then runs `decide`
   * on a view of the ledger, then appends the record it returns (none when it returns null).
   * The file ledger holds its lock from the first read to the append, so no other record lands
   * in between. The GitHub ledger has no lock: after appending a pending record it reads the
   * digest's veto and the environment's live deployment again (and, for a record that uses a
   * contract approval, whether an earlier record used it), and when another writer changed
   * them it marks its own record failed and says so in `lost`.
   */
  record(environment: string, decide: (view: LedgerView) => Promise<NewRecord | null>, pendingTimeoutMs: number): Promise<Recorded>

  /**
   * Ends a pending record: `confirmed` makes its digest live from now (a `deployed` or
   * `rolled-back` record), `failed` and `abandoned` leave the environment as it was. A
   * confirmation of a digest vetoed meanwhile is recorded as `failed` instead, and the entry
   * returned says so. A record that is not pending, or was resolved already, is a SealError
   * naming it.
   */
  resolve(request: ResolveRequest): Promise<LedgerEntry>
}
