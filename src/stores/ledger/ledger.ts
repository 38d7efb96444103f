import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { EntryFilter } from '../../core/promotion/ledger-index.js'
import type { LedgerEntry, LiveSpan, NewRecord, Service } from '../../core/promotion/record.js'
import { words } from '../../core/vocabulary.js'

/**
 * What the gate may ask a ledger. Every query is answered from the records of one digest or
 * one environment, so its cost does not grow with the whole history. What runs is asked of
 * one service of an environment (`serviceOf`): an environment runs one live digest per
 * service, and another service's records never answer for it. A backend that cannot answer
 * throws a SealError saying why; callers treat that as "no" (fail closed), never as an
 * empty history.
 */
export interface LedgerView {
  /**
   * The service's live digest in the environment now (its last confirmed deployment), or null when
   * none was ever confirmed.
   */
  live(environment: string, service: Service): Promise<LiveSpan | null>

  /** Every stretch during which the digest was live in the environment as the service, oldest first. */
  spans(digest: Digest, environment: string, service: Service): Promise<LiveSpan[]>

  /**
   * The record that vetoed the digest, or null when it was never vetoed. A veto holds everywhere,
   * whatever the service.
   */
  veto(digest: Digest): Promise<LedgerEntry | null>

  /**
   * Digests the service ran in the environment before the live one, newest first, each
   * once (its most recent stretch). Lazy, so a rollback reads only as far back as it needs.
   */
  previouslyLive(environment: string, service: Service): AsyncIterable<LiveSpan>

  /**
   * The service whose deployment to the environment was confirmed last, with what it runs;
   * null when none is live. What a rollback to "previous" that names no service returns to,
   * and how a gate sees that an environment runs another service.
   */
  newest(
    environment: string
  ): Promise<{ readonly service: Service; readonly live: LiveSpan } | null>

  /**
   * Pending records of the environment that nothing has resolved yet and that can still be
   * confirmed (younger than the pending timeout), oldest first: the service's, or every
   * service's when none is given.
   */
  pending(environment: string, service?: Service): Promise<LedgerEntry[]>

  /** Records, newest first, optionally only one environment's, one digest's or one service's. */
  entries(filter?: EntryFilter): AsyncIterable<LedgerEntry>

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
  /**
   * When given, the record must be of this environment: a mistyped id never confirms another
   * environment's deployment.
   */
  readonly environment?: string | null
}

/** The refusal when a request names an environment the pending record is not of; null when it fits. */
export function wrongEnvironment(
  pending: LedgerEntry,
  request: ResolveRequest,
  location: string
): SealError | null {
  if (
    request.environment == null ||
    request.environment === '' ||
    request.environment === pending.environment
  )
    return null
  return new SealError(
    'bad-input',
    `${location}: record ${request.id} is a promotion of ${pending.digest} to ${quote(pending.environment)}, ` +
      `not to the environment given, ${quote(request.environment)}; nothing was ` +
      'recorded. ' +
      `Give the id of a promotion to ${quote(request.environment)} (${words().recordIdSource}), or leave ${words().option('environment')} out.`
  )
}

/**
 * The ledger role: the append-only history of promotion records.
 */
export interface Ledger extends LedgerView {
  /** Where the records live, for messages: "file:/path/ledger.jsonl", "github:owner/repo". */
  readonly location: string

  /**
   * The services that have records in the environment, for `status` when the policy names
   * none. The file ledger answers from its index; the GitHub ledger lists every deployment
   * of the environment (one request per 100), so the gate never asks.
   */
  services(environment: string): Promise<Service[]>

  /**
   * Reads the facts and appends the decision made from them as one step: first marks the
   * environment's pending records older than `pendingTimeoutMs` abandoned, then runs `decide`
   * on a view of the ledger, then appends the record it returns (none when it returns null).
   * The file ledger holds its lock from the first read to the append, so no other record lands
   * in between. The GitHub ledger has no lock: after appending a pending record it reads the
   * digest's veto and the live deployment of the record's service again (and, for a record
   * that uses a contract approval, whether an earlier record used it), and when another writer
   * changed them it marks its own record failed and says so in `lost`.
   */
  record(
    environment: string,
    decide: (view: LedgerView) => Promise<NewRecord | null>,
    pendingTimeoutMs: number
  ): Promise<Recorded>

  /**
   * Ends a pending record: `confirmed` makes its digest live from now (a `deployed` or
   * `rolled-back` record), `failed` and `abandoned` leave the environment as it was. A
   * confirmation is judged again: it is recorded as `failed` instead, and the entry returned
   * says why (`confirmationChanged`), when the digest was vetoed meanwhile, or when the record's
   * service no longer runs what the gate compared against (the record's previous digest, and
   * the contract its amendment was judged from). The file ledger decides that under its lock;
   * the GitHub ledger posts the confirmation, reads again, and voids it when another
   * confirmation of the service landed first. A record that is not pending, or was resolved
   * already, is a SealError naming it.
   */
  resolve(request: ResolveRequest): Promise<LedgerEntry>
}
