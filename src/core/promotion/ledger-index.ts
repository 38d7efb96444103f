import type { Digest } from '../digest.js'
import { type LedgerEntry, type LiveSpan, RESOLUTIONS, type Resolution, makesLive } from './record.js'

/**
 * What a ledger's records say, indexed as they are read in the order they were written:
 * each environment's live stretches, each digest's veto, the pending records nothing has
 * resolved yet. A ledger that keeps its records as a sequence (the file ledger) answers every
 * gate question from here after one pass over them.
 *
 * A stretch starts when a pending record's deployment is confirmed, and ends when another
 * digest's deployment to the same environment is confirmed. A confirmation of the digest
 * that is live already continues its stretch: recording the same bytes again neither splits
 * the stretch nor restarts its soak.
 */
export class LedgerIndex {
  private readonly spansByEnvironment = new Map<string, LiveSpan[]>()
  private readonly vetoes = new Map<Digest, LedgerEntry>()
  private readonly unresolved = new Map<string, LedgerEntry>()
  /** What each record is, kept small: a long ledger's whole records are read back on demand with `load`. */
  private readonly byId = new Map<string, Indexed>()
  private readonly resolvedBy = new Map<string, string>()
  private readonly byDigest = new Map<Digest, Indexed[]>()
  private readonly byEnvironment = new Map<string, Indexed[]>()
  private readonly all: Indexed[] = []
  /** The same text once: a digest or an environment named by many records is kept once. */
  private readonly interned = new Map<string, string>()

  /** `load` reads one record back whole, by id, for the queries that return records. */
  constructor(private readonly load: (id: string) => LedgerEntry) {}

  /**
   * Adds the next record, or says why it cannot follow the ones before: a resolution must
   * close a pending record of the same digest and environment that is still open, a record
   * may not be dated before the one before it, and a vetoed digest never becomes live.
   */
  add(entry: LedgerEntry): string | null {
    const last = this.all.at(-1)
    if (last && isBefore(entry.time, last.time)) return `it is dated ${entry.time}, before the record before it (${last.time}): records are written in time order, so a clock went back or the line was edited`
    if (this.byId.has(entry.id)) return `its id ${entry.id} is used by another record`
    if (RESOLUTIONS.includes(entry.outcome as Resolution)) {
      const pending = entry.resolves === null ? undefined : this.unresolved.get(entry.resolves)
      if (pending === undefined) {
        const known = entry.resolves === null ? undefined : this.byId.get(entry.resolves)
        return known === undefined
          ? `it resolves record ${entry.resolves}, which does not come before it`
          : `it resolves record ${entry.resolves}, which is ${known.outcome === 'pending' ? 'resolved already' : `a ${known.outcome} record, not a pending one`}`
      }
      if (pending.digest !== entry.digest || pending.environment !== entry.environment) {
        return `it resolves record ${pending.id} (${pending.digest} in ${pending.environment}) but names ${entry.digest} in ${entry.environment}`
      }
      if (makesLive(entry.outcome) && this.vetoes.has(entry.digest)) return `it makes ${entry.digest} live after its veto (record ${this.vetoes.get(entry.digest)?.id})`
      this.unresolved.delete(pending.id)
      this.resolvedBy.set(pending.id, entry.id)
      if (makesLive(entry.outcome)) this.goLive(entry, pending.id)
    } else if (entry.outcome === 'pending') {
      this.unresolved.set(entry.id, entry)
    } else if (entry.outcome === 'vetoed' && !this.vetoes.has(entry.digest)) {
      this.vetoes.set(entry.digest, entry)
    }
    const indexed: Indexed = {
      id: entry.id,
      digest: this.intern(entry.digest) as Digest,
      environment: this.intern(entry.environment),
      outcome: entry.outcome,
      time: entry.time
    }
    this.all.push(indexed)
    this.byId.set(entry.id, indexed)
    push(this.byDigest, indexed.digest, indexed)
    push(this.byEnvironment, indexed.environment, indexed)
    return null
  }

  get size(): number {
    return this.all.length
  }

  /** The last record's id and time. */
  get last(): { readonly id: string; readonly time: string } | null {
    return this.all.at(-1) ?? null
  }

  live(environment: string): LiveSpan | null {
    const last = this.spansByEnvironment.get(environment)?.at(-1)
    return last && last.until === null ? last : null
  }

  spans(digest: Digest, environment: string): LiveSpan[] {
    return (this.spansByEnvironment.get(environment) ?? []).filter((s) => s.digest === digest)
  }

  veto(digest: Digest): LedgerEntry | null {
    return this.vetoes.get(digest) ?? null
  }

  /** Digests live before the current one, newest first, each once with its latest stretch. */
  previouslyLive(environment: string): LiveSpan[] {
    const spans = this.spansByEnvironment.get(environment) ?? []
    const current = spans.at(-1)
    const seen = new Set<Digest>(current && current.until === null ? [current.digest] : [])
    const result: LiveSpan[] = []
    for (let i = spans.length - 1; i >= 0; i--) {
      const span = spans[i] as LiveSpan
      if (seen.has(span.digest)) continue
      seen.add(span.digest)
      result.push(span)
    }
    return result
  }

  /** The environment's pending records that nothing has resolved, oldest first. */
  pending(environment: string): LedgerEntry[] {
    return [...this.unresolved.values()].filter((e) => e.environment === environment)
  }

  find(id: string): LedgerEntry | null {
    return this.unresolved.get(id) ?? (this.byId.has(id) ? this.load(id) : null)
  }

  /** The record that resolved a pending record, or null while it is open. */
  resolutionOf(id: string): LedgerEntry | null {
    const resolution = this.resolvedBy.get(id)
    return resolution === undefined ? null : this.load(resolution)
  }

  /** Records, newest first, optionally only one environment's or one digest's, each read back as it is reached. */
  *entries(filter: { readonly environment?: string; readonly digest?: Digest } = {}): Generator<LedgerEntry> {
    const { environment, digest } = filter
    const source = digest !== undefined ? (this.byDigest.get(digest) ?? []) : environment !== undefined ? (this.byEnvironment.get(environment) ?? []) : this.all
    for (let i = source.length - 1; i >= 0; i--) {
      const e = source[i] as Indexed
      if ((environment === undefined || e.environment === environment) && (digest === undefined || e.digest === digest)) yield this.load(e.id)
    }
  }

  private intern(text: string): string {
    const known = this.interned.get(text)
    if (known !== undefined) return known
    this.interned.set(text, text)
    return text
  }

  private goLive(entry: LedgerEntry, pendingId: string): void {
    const spans = this.spansByEnvironment.get(entry.environment) ?? []
    this.spansByEnvironment.set(entry.environment, spans)
    const current = spans.at(-1)
    if (current && current.until === null) {
      if (current.digest === entry.digest) return
      spans[spans.length - 1] = { ...current, until: entry.time }
    }
    spans.push({ digest: this.intern(entry.digest) as Digest, environment: this.intern(entry.environment), from: entry.time, until: null, recordId: pendingId })
  }
}

/** One record as the index keeps it. */
interface Indexed {
  readonly id: string
  readonly digest: Digest
  readonly environment: string
  readonly outcome: LedgerEntry['outcome']
  readonly time: string
}

/** Whether ISO time `a` is before `b`; a string comparison when both are in the form toISOString writes, which is most of a long ledger. */
function isBefore(a: string, b: string): boolean {
  return a.length === 24 && b.length === 24 ? a < b : Date.parse(a) < Date.parse(b)
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
