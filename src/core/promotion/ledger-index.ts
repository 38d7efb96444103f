import type { Digest } from '../digest.js'
import {
  type LedgerEntry,
  type LiveSpan,
  OUTCOMES,
  type Outcome,
  RESOLUTIONS,
  type Resolution,
  type Service,
  describeService,
  isEarlier,
  makesLive
} from './record.js'

/**
 * What the index needs of a record: who it is, what it says happened, where and when, and its
 * service as `serviceOf` reads it.
 */
export type IndexFields = Pick<
  LedgerEntry,
  'id' | 'digest' | 'environment' | 'outcome' | 'time' | 'resolves'
> & { readonly service: Service }

/** Which records a query of `entries` wants; a field left out takes every value. */
export interface EntryFilter {
  readonly environment?: string
  readonly digest?: Digest
  readonly service?: Service
}

/**
 * What a ledger's records say, indexed as they are read in the order they were written:
 * each environment's live stretches, each digest's veto, the pending records nothing has
 * resolved yet. A ledger that keeps its records as a sequence (the file ledger) answers every
 * gate question from here after one pass over them.
 *
 * Everything about what runs is kept per service of an environment: a stretch starts when a
 * pending record's deployment is confirmed, and ends when another digest's deployment of the
 * same service to the same environment is confirmed; another service's deployment leaves it
 * alone. A confirmation of the digest that is live already continues its stretch: recording
 * the same bytes again neither splits the stretch nor restarts its soak.
 */
export class LedgerIndex {
  private readonly spansByEnvironment = new Map<string, Map<Service, LiveSpan[]>>()
  /** Each environment's service whose deployment was confirmed last. */
  private readonly lastLive = new Map<string, Service>()
  private readonly vetoes = new Map<Digest, Indexed>()
  private readonly unresolved = new Map<string, Indexed>()
  /** What each record is, kept small: a long ledger's whole records are read back on demand with `load`. */
  private readonly byDigest = new Map<Digest, Indexed[]>()
  private readonly all: Indexed[] = []
  /** The same text once: an environment or a service named by many records is kept once (a digest, by byDigest). */
  private readonly environments = new Map<string, string>()
  private byId: Map<string, Indexed> | null = null
  private lastRecord: Indexed | null = null
  private lastTime = ''

  /** `load` reads one record back whole, by id, for the queries that return records. */
  constructor(private readonly load: (id: string) => LedgerEntry) {}

  /**
   * Adds the next record, or says why it cannot follow the ones before: a resolution must
   * close a pending record of the same digest, environment and service that is still open, a record
   * may not be dated before the one before it, and a vetoed digest never becomes live.
   */
  add(entry: IndexFields): string | null {
    if (this.lastRecord !== null && isEarlier(entry.time, this.lastTime)) {
      return (
        `it is dated ${entry.time}, before the record before it (${this.lastTime}): records are written ` +
        'in time order, so a clock went back or the line was edited'
      )
    }
    if (RESOLUTIONS.includes(entry.outcome as Resolution)) {
      const pending = entry.resolves === null ? undefined : this.unresolved.get(entry.resolves)
      if (pending === undefined) {
        const known = entry.resolves === null ? undefined : this.byIdNow().get(entry.resolves)
        return known === undefined
          ? `it resolves record ${entry.resolves}, which does not come before it`
          : `it resolves record ${entry.resolves}, which is ${
              known.outcome === 'pending'
                ? 'resolved already'
                : `a ${known.outcome} record, not a ` + 'pending one'
            }`
      }
      if (pending.digest !== entry.digest || pending.environment !== entry.environment) {
        return `it resolves record ${pending.id} (${pending.digest} in ${pending.environment}) but names ${entry.digest} in ${entry.environment}`
      }
      if (pending.service !== entry.service) {
        return `it resolves record ${pending.id} of ${describeService(pending.service)} but belongs to ${describeService(entry.service)}`
      }
      if (makesLive(entry.outcome) && this.vetoes.has(entry.digest))
        return `it makes ${entry.digest} live after its veto (record ${this.vetoes.get(entry.digest)?.id})`
      this.unresolved.delete(pending.id)
      if (makesLive(entry.outcome)) this.goLive(entry, pending.id)
    }
    let ofDigest = this.byDigest.get(entry.digest)
    if (ofDigest === undefined) {
      ofDigest = []
      this.byDigest.set(ownCopy(entry.digest) as Digest, ofDigest)
    }
    const indexed: Indexed = {
      id: entry.id,
      digest: ofDigest[0]?.digest ?? (ownCopy(entry.digest) as Digest),
      environment: this.interned(entry.environment),
      service: entry.service === null ? null : this.interned(entry.service),
      outcome: OUTCOME_TEXT[entry.outcome],
      resolves: entry.resolves
    }
    this.lastRecord = indexed
    this.lastTime = entry.time
    if (entry.outcome === 'pending') this.unresolved.set(entry.id, indexed)
    else if (entry.outcome === 'vetoed' && !this.vetoes.has(indexed.digest))
      this.vetoes.set(indexed.digest, indexed)
    this.all.push(indexed)
    this.byId?.set(entry.id, indexed)
    ofDigest.push(indexed)
    return null
  }

  /**
   * Records by id, made when first asked for (confirming a record, a record that cannot
   * follow), then kept up to date: a long ledger read by a gate never needs it.
   */
  private byIdNow(): Map<string, Indexed> {
    this.byId ??= new Map(this.all.map((e) => [e.id, e]))
    return this.byId
  }

  get size(): number {
    return this.all.length
  }

  /** The last record's id and time. */
  get last(): { readonly id: string; readonly time: string } | null {
    return this.lastRecord === null ? null : { id: this.lastRecord.id, time: this.lastTime }
  }

  live(environment: string, service: Service): LiveSpan | null {
    const last = this.spansOf(environment, service).at(-1)
    return last && last.until === null ? last : null
  }

  spans(digest: Digest, environment: string, service: Service): LiveSpan[] {
    return this.spansOf(environment, service).filter((s) => s.digest === digest)
  }

  /** The service whose deployment to the environment was confirmed last, and what it runs; null when none ever was. */
  newest(environment: string): { readonly service: Service; readonly live: LiveSpan } | null {
    if (!this.lastLive.has(environment)) return null
    const service = this.lastLive.get(environment) as Service
    const live = this.live(environment, service)
    return live === null ? null : { service, live }
  }

  /** The services whose deployment to the environment was ever let in or confirmed, in the order they first were. */
  services(environment: string): Service[] {
    const seen = new Set<Service>(this.spansByEnvironment.get(environment)?.keys() ?? [])
    for (const e of this.unresolved.values()) if (e.environment === environment) seen.add(e.service)
    return [...seen]
  }

  veto(digest: Digest): LedgerEntry | null {
    const veto = this.vetoes.get(digest)
    return veto === undefined ? null : this.load(veto.id)
  }

  /** Digests of the service live before the current one, newest first, each once with its latest stretch. */
  previouslyLive(environment: string, service: Service): LiveSpan[] {
    const spans = this.spansOf(environment, service)
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

  /**
   * The environment's pending records that nothing has resolved, oldest first: of one service, or
   * of every one when none is given.
   */
  pending(environment: string, service?: Service): LedgerEntry[] {
    return [...this.unresolved.values()]
      .filter(
        (e) => e.environment === environment && (service === undefined || e.service === service)
      )
      .map((e) => this.load(e.id))
  }

  find(id: string): LedgerEntry | null {
    return this.byIdNow().has(id) ? this.load(id) : null
  }

  /** The record that resolved a pending record, or null while it is open. */
  resolutionOf(id: string): LedgerEntry | null {
    const pending = this.byIdNow().get(id)
    const resolution =
      pending === undefined
        ? undefined
        : this.byDigest.get(pending.digest)?.find((e) => e.resolves === id)
    return resolution === undefined ? null : this.load(resolution.id)
  }

  /**
   * Records, newest first, optionally only one environment's, one digest's or one service's, each
   * read back as it is reached.
   */
  *entries(filter: EntryFilter = {}): Generator<LedgerEntry> {
    const { environment, digest, service } = filter
    // One environment's records are looked for among all: history is read rarely, the gate never asks.
    const source = digest !== undefined ? (this.byDigest.get(digest) ?? []) : this.all
    for (let i = source.length - 1; i >= 0; i--) {
      const e = source[i] as Indexed
      if (
        (environment === undefined || e.environment === environment) &&
        (digest === undefined || e.digest === digest) &&
        (service === undefined || e.service === service)
      ) {
        yield this.load(e.id)
      }
    }
  }

  private spansOf(environment: string, service: Service): LiveSpan[] {
    return this.spansByEnvironment.get(environment)?.get(service) ?? []
  }

  private interned(name: string): string {
    const known = this.environments.get(name)
    if (known !== undefined) return known
    const own = ownCopy(name)
    this.environments.set(own, own)
    return own
  }

  private goLive(entry: IndexFields, pendingId: string): void {
    let services = this.spansByEnvironment.get(entry.environment)
    if (services === undefined) {
      services = new Map()
      this.spansByEnvironment.set(this.interned(entry.environment), services)
    }
    const service = entry.service === null ? null : this.interned(entry.service)
    const spans = services.get(service) ?? []
    services.set(service, spans)
    this.lastLive.set(this.interned(entry.environment), service)
    const current = spans.at(-1)
    if (current && current.until === null) {
      if (current.digest === entry.digest) return
      spans[spans.length - 1] = { ...current, until: ownCopy(entry.time) }
    }
    const digest = this.byDigest.get(entry.digest)?.[0]?.digest ?? (ownCopy(entry.digest) as Digest)
    spans.push({
      digest,
      environment: this.interned(entry.environment),
      from: ownCopy(entry.time),
      until: null,
      recordId: pendingId
    })
  }
}

/** One record as the index keeps it. */
interface Indexed {
  readonly id: string
  readonly digest: Digest
  readonly environment: string
  readonly service: Service
  readonly outcome: LedgerEntry['outcome']
  readonly resolves: string | null
}

/**
 * Text kept for as long as the index lives, in memory of its own: a reader hands in slices of
 * a large chunk of the file, and a kept slice would keep that whole chunk alive.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8')
}

/** Each outcome's text once, so a long ledger does not keep a copy per record. */
const OUTCOME_TEXT = Object.fromEntries(OUTCOMES.map((o) => [o, o])) as Record<Outcome, Outcome>
