import { type LedgerEntry, type Service, serviceOf } from '../promotion/record.js'

/** Where a service of an environment stands, as its observations and acknowledgements say. */
export interface DriftState {
  /** Its last telling observation (unknowns tell nothing) found drift, and nothing acknowledged it since. */
  readonly drifted: boolean
  /** The first observation of the drift still going on; null when not drifted. */
  readonly since: LedgerEntry | null
  /** The last telling observation or acknowledgement; null when there is none. */
  readonly last: LedgerEntry | null
}

/**
 * The drift state from an environment's records, newest first: read back until the drift
 * began (the newest match or acknowledgement before it), so its cost is the records since then.
 * An observation that could not tell (unknown) neither starts nor ends a drift.
 */
export async function driftStateOf(
  newestFirst: AsyncIterable<LedgerEntry> | Iterable<LedgerEntry>,
  service: Service
): Promise<DriftState> {
  let since: LedgerEntry | null = null
  let last: LedgerEntry | null = null
  for await (const entry of newestFirst) {
    if (serviceOf(entry) !== service) continue
    const telling =
      entry.outcome === 'acknowledged' ||
      (entry.outcome === 'observed' && entry.observation?.verdict !== 'unknown')
    if (!telling) continue
    last ??= entry
    if (entry.outcome === 'observed' && entry.observation?.verdict === 'drifted') since = entry
    else break
  }
  return since === null ? { drifted: false, since: null, last } : { drifted: true, since, last }
}
