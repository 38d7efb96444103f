// Builds histories on any ledger through its public role, as the gate and the confirm step do.
import type { Digest } from '../../src/core/digest.js'
import { type LedgerEntry, type NewRecord, serviceOf } from '../../src/core/promotion/record.js'
import type { Ledger } from '../../src/stores/ledger/ledger.js'
import { newRecord } from '../../__fixtures__/promotion.js'

/** Never abandons anything: a history built here keeps every pending record open. */
export const NO_TIMEOUT = Number.MAX_SAFE_INTEGER

/** Appends one record as a gate would, returning it as stored. */
export async function append(ledger: Ledger, record: NewRecord): Promise<LedgerEntry> {
  const { entry } = await ledger.record(record.environment, async () => record, NO_TIMEOUT)
  if (entry === null) throw new Error('the ledger wrote nothing')
  return entry
}

/**
 * A pending promotion of the digest to the environment, decided against what its service runs
 * there (its previous digest, as a gate records it), unless the fields say otherwise.
 */
export async function letIn(
  ledger: Ledger,
  digest: Digest,
  environment: string,
  fields: Partial<NewRecord> = {}
): Promise<LedgerEntry> {
  const record = newRecord({ digest, environment, ...fields })
  const { entry } = await ledger.record(
    environment,
    async (view) =>
      'previousDigest' in fields
        ? record
        : {
            ...record,
            previousDigest: (await view.live(environment, serviceOf(record)))?.digest ?? null
          },
    NO_TIMEOUT
  )
  if (entry === null) throw new Error('the ledger wrote nothing')
  return entry
}

/** A promotion let in and its deployment confirmed: the digest is live from the confirmation. */
export async function deploy(
  ledger: Ledger,
  digest: Digest,
  environment: string,
  fields: Partial<NewRecord> = {}
): Promise<{ pending: LedgerEntry; confirmed: LedgerEntry }> {
  const pending = await letIn(ledger, digest, environment, fields)
  const confirmed = await ledger.resolve({
    id: pending.id,
    outcome: 'confirmed',
    reason: null,
    runUrl: null,
    actor: 'release-bot'
  })
  return { pending, confirmed }
}

export async function veto(
  ledger: Ledger,
  digest: Digest,
  environment: string,
  reason = 'smoke tests failed'
): Promise<LedgerEntry> {
  return append(ledger, newRecord({ digest, environment, outcome: 'vetoed', reason }))
}

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const e of iterable) all.push(e)
  return all
}

/** A clock a test moves by hand. */
export function manualClock(start: Date): {
  now: () => Date
  advance: (minutes: number) => void
  set: (time: Date) => void
} {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    advance: (minutes) => {
      current += minutes * 60_000
    },
    set: (time) => {
      current = time.getTime()
    }
  }
}
