import type { Digest } from '../../core/digest.js'
import type { LedgerEntry, LiveSpan, PromotionRecord } from '../../core/promotion/record.js'

/**
 * The ledger role: the append-only history of promotion records. Every query the gate
 * makes is answered from the records of one digest or one environment, so its cost does
 * not grow with the whole history. A backend that cannot answer throws a SealError
 * saying why; callers treat that as "no" (fail closed), never as an empty history.
 */
export interface Ledger {
  /** Where the records live, for messages: "file:/path/ledger.jsonl", "github:owner/repo". */
  readonly location: string

  /** Appends one record and returns it as stored. */
  append(record: PromotionRecord): Promise<LedgerEntry>

  /** The environment's live digest now, or null when nothing was ever promoted there. */
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

  /** Records, newest first, optionally only one environment's or one digest's. */
  entries(filter?: { readonly environment?: string; readonly digest?: Digest }): AsyncIterable<LedgerEntry>
}
