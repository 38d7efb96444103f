import { isAscii } from 'node:buffer'
import * as crypto from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type Digest, digestFromHex, sha256Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { confirmationChanged, needsLiveContract } from '../../core/promotion/confirmation.js'
import { type EntryFilter, LedgerIndex } from '../../core/promotion/ledger-index.js'
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  type LedgerEntry,
  type LiveSpan,
  type NewRecord,
  type PromotionRecord,
  type Service,
  confirmedOutcome,
  isEarlier,
  serviceOf
} from '../../core/promotion/record.js'
import { type HeldLock, type LockOptions, withFileLock } from './file-lock.js'
import {
  type Ledger,
  type LedgerView,
  type Recorded,
  type ResolveRequest,
  wrongEnvironment
} from './ledger.js'
import { type LineFields, fieldsAgree, lineFields } from './line-fields.js'
import { type LineHasher, hashAside, hashHere } from './line-hashes.js'
import { decodeRecord } from './record-codec.js'
import { besideLedger } from './beside-ledger.js'
import { words } from '../../core/vocabulary.js'

/** The format marker of every line; a later format gets a new number. */
export const LEDGER_FORMAT = 'artifact-seal/ledger/v2'
const FORMAT = LEDGER_FORMAT

/**
 * The largest ledger file read. A promotion record is about 700 bytes, so this is over
 * 350,000 records, whose index a gate holds in memory; a larger file, or something that is
 * not a file at all (`/dev/full`), is an error rather than a process that runs out of memory.
 */
export const MAX_LEDGER_BYTES = 256 * 1024 * 1024

/** From this size on, a gate's read hashes the lines on a worker thread (starting one costs about 30 ms). */
const HASH_ASIDE_BYTES = 4 * 1024 * 1024

/**
 * The first line of every ledger, written once by `ledger init` (or the first promotion when
 * asked to create the ledger). A ledger without it, or an empty file, was cut short: it never
 * reads as a fresh ledger with no vetoes.
 */
interface Genesis {
  readonly format: typeof FORMAT
  readonly seq: 1
  readonly prev: null
  readonly created: { readonly time: string; readonly id: string }
}

/** Every later line: the record, its number and the sha256 of the line before it. */
interface Line {
  readonly format: typeof FORMAT
  readonly seq: number
  /** `sha256:<hex>` of the previous line's bytes (without its newline). */
  readonly prev: Digest
  readonly record: PromotionRecord
}

export interface ChainProblem {
  readonly line: number
  readonly problem: string
}

/** The last line's number and hash: pinned elsewhere, it lets `verifyChain` detect a cut or rewritten tail. */
export interface LedgerHead {
  readonly seq: number
  readonly hash: Digest
}

export interface FileLedgerOptions {
  /**
   * Read a missing file as a new, empty ledger and write its first line on the first append: the
   * first promotion only.
   */
  readonly create?: boolean
  /** The ledger's clock; the machine's by default. */
  readonly clock?: () => Date
  readonly lock?: LockOptions
  /** How long a pending record may wait for its confirmation; 6 hours by default. */
  readonly pendingTimeoutMs?: number
  /**
   * Signs the head the ledger is about to have, under the lock and before anything is
   * appended (a signer that fails leaves the file as it was); the text it returns is written
   * as `<ledger>.checkpoint.sigstore.json` right after the append. Absent: no checkpoint.
   */
  readonly signHead?: (head: LedgerHead, ledger: LedgerIdentity) => Promise<string>
}

/**
 * Which ledger this is, whatever its file is called: the sha256 of its first line, which
 * holds the time it was created and a random id, so no two ledgers share it.
 */
export type LedgerIdentity = Digest

/**
 * One read of the file: the chain checked, the records indexed, and what identifies the
 * bytes read. The file is read a chunk at a time and the index keeps little of each record;
 * a whole record is read again from the file when a query returns it (history, a veto's
 * reason) and must hash as it did. So memory does not grow with the file's size, only with
 * its number of records.
 */
interface Snapshot {
  stamp: string
  readonly index: LedgerIndex
  head: LedgerHead
  /** Where each line starts in the file, in bytes (by line number; a sentinel at the end). */
  readonly starts: number[]
  /** Every line's sha256 as read, 32 bytes per line: a record read back later must still hash to it. */
  lineHashes: Uint8Array
  /** Records appended by this process since the read, until the next read sees them in the file. */
  readonly appended: Map<string, LedgerEntry>
  /** Every line's hash, by number, when asked for (checking a pinned head). */
  readonly hashes: Digest[] | null
  readonly problems: readonly ChainProblem[]
}

/**
 * The ledger as a file of JSON lines, append-only. Each line carries the sha256 of the line
 * before it, so editing, deleting or reordering a line breaks the chain at that point, and
 * every read checks the whole chain and refuses a broken one (fail closed). What the chain
 * cannot show alone is a cut tail (the last lines deleted) or a tail rewritten from some line
 * on: `head` gives the last line's hash to keep elsewhere, and `verifyChain(pinned)` checks it.
 *
 * A gate's reads and the record it appends happen under one lock, so no other process's
 * record lands between the facts the gate read and the decision it wrote.
 */
export class FileLedger implements Ledger {
  readonly location: string
  private readonly clock: () => Date
  private readonly pendingTimeoutMs: number
  private cached: Snapshot | null = null

  /** `inputName` names the input or option that chose the file, for error messages. */
  constructor(
    readonly file: string,
    private readonly inputName: string,
    private readonly options: FileLedgerOptions = {}
  ) {
    this.location = `file:${file}`
    this.clock = options.clock ?? (() => new Date())
    this.pendingTimeoutMs = options.pendingTimeoutMs ?? DEFAULT_PENDING_TIMEOUT_MS
  }

  async record(
    environment: string,
    decide: (view: LedgerView) => Promise<NewRecord | null>,
    pendingTimeoutMs: number
  ): Promise<Recorded> {
    return this.locked(async (snapshot, append) => {
      const now = this.stampTime(snapshot)
      const abandoned: LedgerEntry[] = []
      for (const pending of snapshot.index.pending(environment)) {
        const age = now.getTime() - Date.parse(pending.time)
        if (age < pendingTimeoutMs) continue
        abandoned.push(
          append(
            resolutionOf(
              pending,
              'abandoned',
              `not confirmed within ${Math.round(pendingTimeoutMs / 60_000)} min of ${pending.time}; nothing ` +
                'counts it as deployed',
              null,
              null
            ),
            now
          )
        )
      }
      const record = await decide(viewOf(snapshot.index, now))
      return { entry: record === null ? null : append(record, now), lost: null, abandoned }
    }, this.options.create === true)
  }

  async resolve(request: ResolveRequest): Promise<LedgerEntry> {
    return this.locked(async (snapshot, append) => {
      const now = this.stampTime(snapshot)
      const pending = snapshot.index.find(request.id)
      // The record id is what is wrong in these three: the CLI's reader typed it after
      // "confirm"; the action's post step took it from its main step, beside the ledger input.
      const idName = words().caller === 'cli' ? words().option('confirm') : this.inputName
      if (pending === null) {
        throw new SealError(
          'bad-input',
          `${idName}: ${quote(this.location)} has no record ${quote(request.id)}. Give ${words().recordIdSource}.`
        )
      }
      if (pending.outcome !== 'pending') {
        throw new SealError(
          'bad-input',
          `${idName}: record ${request.id} in ${this.location} is a ${pending.outcome} record, not a pending ` +
            'one; only a promotion the gate let in waits for confirmation.'
        )
      }
      const elsewhere = wrongEnvironment(pending, request, this.location)
      if (elsewhere !== null) throw elsewhere
      const earlier = snapshot.index.resolutionOf(request.id)
      if (earlier !== null) {
        throw new SealError(
          'conflict',
          `${idName}: record ${request.id} (${pending.digest} in ${pending.environment}) was resolved already: ${earlier.outcome} at ${earlier.time} (record ${earlier.id}). ` +
            (earlier.outcome === 'abandoned'
              ? 'Promote the digest again to deploy it.'
              : 'Nothing was recorded.')
        )
      }
      const timeoutMs = this.pendingTimeoutMs
      const age = now.getTime() - Date.parse(pending.time)
      if (request.outcome === 'confirmed' && age >= timeoutMs) {
        throw new SealError(
          'refused',
          `${this.inputName}: record ${request.id} (${pending.digest} in ${pending.environment}) was let in at ${pending.time}, ${Math.round(age / 60_000)} minutes ago: ` +
            (`longer than a pending record waits for its confirmation (${Math.round(timeoutMs / 60_000)} ` +
              'minutes), so it counts as abandoned. Promote the digest again to deploy it.')
        )
      }
      const veto = snapshot.index.veto(pending.digest)
      if (request.outcome === 'confirmed' && veto !== null) {
        const reason = `${pending.digest} was vetoed at ${veto.time} (record ${veto.id}: ${veto.reason ?? 'no reason given'}) before its deployment was confirmed; it is not live. Roll ${pending.environment} back.`
        return append(resolutionOf(pending, 'failed', reason, request.runUrl, request.actor), now)
      }
      if (request.outcome === 'confirmed') {
        // Judged again under the lock: no other confirmation lands between this read and the append.
        const index = snapshot.index
        const live = index.live(pending.environment, serviceOf(pending))
        const liveContract =
          live !== null && needsLiveContract(pending)
            ? (index.find(live.recordId)?.contract?.digest ?? null)
            : undefined
        const changed = confirmationChanged(pending, live, liveContract, (span) => {
          const confirmation = index.resolutionOf(span.recordId)
          return `record ${span.recordId}${confirmation === null ? '' : `, confirmed by record ${confirmation.id}`}`
        })
        if (changed !== null)
          return append(
            resolutionOf(pending, 'failed', changed, request.runUrl, request.actor),
            now
          )
      }
      const outcome =
        request.outcome === 'confirmed' ? confirmedOutcome(pending.mode) : request.outcome
      return append(
        resolutionOf(pending, outcome, request.reason, request.runUrl, request.actor),
        now
      )
    })
  }

  async live(environment: string, service: Service): Promise<LiveSpan | null> {
    return (await this.snapshot()).index.live(environment, service)
  }

  async spans(digest: Digest, environment: string, service: Service): Promise<LiveSpan[]> {
    return (await this.snapshot()).index.spans(digest, environment, service)
  }

  async newest(
    environment: string
  ): Promise<{ readonly service: Service; readonly live: LiveSpan } | null> {
    return (await this.snapshot()).index.newest(environment)
  }

  async services(environment: string): Promise<Service[]> {
    return (await this.snapshot()).index.services(environment)
  }

  async veto(digest: Digest): Promise<LedgerEntry | null> {
    return (await this.snapshot()).index.veto(digest)
  }

  async *previouslyLive(environment: string, service: Service): AsyncIterable<LiveSpan> {
    yield* (await this.snapshot()).index.previouslyLive(environment, service)
  }

  /** Pending records still waiting: one past the timeout can no longer be confirmed, and the next gate abandons it. */
  async pending(environment: string, service?: Service): Promise<LedgerEntry[]> {
    const snapshot = await this.snapshot()
    const now = this.stampTime(snapshot).getTime()
    return snapshot.index
      .pending(environment, service)
      .filter((p) => now - Date.parse(p.time) < this.pendingTimeoutMs)
  }

  async *entries(filter: EntryFilter = {}): AsyncIterable<LedgerEntry> {
    yield* (await this.snapshot()).index.entries(filter)
  }

  async now(): Promise<Date> {
    return this.stampTime(await this.snapshot())
  }

  /** Writes the first line of a new ledger; an existing ledger is an error, never overwritten. */
  async init(): Promise<LedgerHead> {
    this.makeDirectory()
    return withFileLock(
      this.file,
      `${this.inputName}: ${quote(this.location)}`,
      (lock) => {
        if (fs.existsSync(this.file)) {
          throw new SealError(
            'bad-input',
            `${this.inputName}: ${quote(this.location)} exists already; a ledger is created once. Use it as it ` +
              'is, or give another path.'
          )
        }
        return this.writeGenesis(lock)
      },
      this.options.lock
    )
  }

  /**
   * Throws the "cannot be written" error now, before anything is decided, when the file
   * or the first of its directories that exists is not writable.
   */
  assertWritable(): void {
    let target = this.file
    while (!fs.existsSync(target)) {
      const parent = path.dirname(target)
      if (parent === target) break
      target = parent
    }
    try {
      if (target !== this.file && !fs.statSync(target).isDirectory())
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
      fs.accessSync(target, fs.constants.W_OK)
    } catch (error) {
      throw this.unwritable(error)
    }
    if (target !== this.file && !this.options.create) throw this.missing()
  }

  /**
   * Checks the chain from the first line to the last, and, given the head kept from an
   * earlier check, that the file still holds that line: a cut or rewritten tail is reported.
   */
  async verifyChain(pinned?: LedgerHead | Digest): Promise<{
    count: number
    head: LedgerHead
    identity: LedgerIdentity | null
    problems: ChainProblem[]
    pinnedProblem: ChainProblem | null
  }> {
    const snapshot = await this.scan(true, pinned !== undefined)
    const problems = [...snapshot.problems]
    const chained = problems.length
    if (pinned !== undefined && snapshot.hashes !== null) {
      const hash = typeof pinned === 'string' ? pinned : pinned.hash
      const at = snapshot.hashes.indexOf(hash)
      const seq = typeof pinned === 'string' ? null : pinned.seq
      if (at < 0) {
        problems.push({
          line: snapshot.head.seq,
          problem:
            `no line hashes to the pinned head ${hash}${seq === null ? '' : ` (line ${seq})`}: the ` +
            'ledger was cut short or rewritten at or before that line'
        })
      } else if (seq !== null && at + 1 !== seq) {
        problems.push({
          line: at + 1,
          problem: `the pinned head ${hash} is line ${at + 1}, not line ${seq}`
        })
      }
    }
    const identity = snapshot.lineHashes.length >= 32 ? identityOf(snapshot) : null
    return {
      count: snapshot.index.size,
      head: snapshot.head,
      identity,
      problems,
      pinnedProblem: problems[chained] ?? null
    }
  }

  /**
   * Runs `work` under the lock with a fresh, checked read of the file, and appends what it asks to,
   * all in one write.
   */
  private async locked<T>(
    work: (
      snapshot: Snapshot,
      append: (record: NewRecord, time: Date) => LedgerEntry
    ) => Promise<T>,
    create = false
  ): Promise<T> {
    this.makeDirectory()
    return withFileLock(
      this.file,
      `${this.inputName}: ${quote(this.location)}`,
      async (lock) => {
        if (create && !fs.existsSync(this.file)) this.writeGenesis(lock)
        const snapshot = await this.snapshot()
        // The index takes the new records as they are appended; if the work fails, nothing is
        // written and the next query reads the file again.
        this.cached = null
        let seq = snapshot.head.seq
        let prevHash = snapshot.head.hash
        const lines: string[] = []
        const append = (record: NewRecord, time: Date): LedgerEntry => {
          seq += 1
          const line: Line = {
            format: FORMAT,
            seq,
            prev: prevHash,
            record: inWrittenOrder(record, time.toISOString())
          }
          const text = JSON.stringify(line)
          const entry = toEntry(line)
          snapshot.appended.set(entry.id, entry)
          const problem = snapshot.index.add({ ...entry, service: serviceOf(entry) })
          if (problem !== null)
            throw new Error(
              `unreachable: a record the ledger wrote cannot follow the ones before: ${problem}`
            )
          lines.push(text)
          prevHash = sha256Digest(text)
          return entry
        }
        const result = await work(snapshot, append)
        if (lines.length > 0) {
          const checkpoint = this.options.signHead
            ? await this.options.signHead({ seq, hash: prevHash }, identityOf(snapshot))
            : null
          // Signing can take long: the lock is checked again right before the write, and after
          // it, since a pause between the two checks can still let another writer in.
          this.appendBytes(Buffer.from(lines.map((l) => `${l}\n`).join('')), 'a', lock)
          lock.assertHeld(
            'The records were appended while it did not hold it, so another writer may have appended at the ' +
              `same place: run "artifact-seal ledger verify --ledger ${this.location}" ` +
              'before promoting again, and restore the file from a backup if it reports damage.'
          )
          if (checkpoint !== null) this.writeCheckpoint(checkpoint)
          // What was just written is known (the records stay in `appended`): the snapshot
          // follows the file without reading it again.
          snapshot.head = { seq, hash: prevHash }
          snapshot.stamp = this.stampOf()
        }
        this.cached = snapshot
        return result
      },
      this.options.lock
    )
  }

  /** The clock's time, refused when it is behind the last record: records are in time order. */
  private stampTime(snapshot: Snapshot): Date {
    const now = this.clock()
    const last = snapshot.index.last
    if (last !== null && now.getTime() < Date.parse(last.time)) {
      throw new SealError(
        'refused',
        `${this.location}: the last record (${last.id}) is dated ${last.time}, after this machine's clock ` +
          `(${now.toISOString()}). ` +
          ('Either the clock is behind or the record was written by a clock ahead; soak times would be wrong, ' +
            'so nothing is decided (fail closed). Set the clock right (NTP), then run ' +
            'again.')
      )
    }
    return now
  }

  /** The checked read of the file, reused while the file is unchanged; a broken chain is an error. */
  private async snapshot(): Promise<Snapshot> {
    const stamp = this.stampOf()
    const snapshot =
      this.cached !== null && this.cached.stamp === stamp
        ? this.cached
        : await this.scan(false, false)
    this.cached = snapshot
    const [first, ...more] = snapshot.problems
    if (first !== undefined) throw this.damaged(first, more.length)
    return snapshot
  }

  /** What tells one version of the file from another without reading it. */
  private stampOf(): string {
    try {
      const s = fs.statSync(this.file, { bigint: true })
      return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`
    } catch {
      return 'missing'
    }
  }

  private emptySnapshot(stamp: string): Snapshot {
    const snapshot: Snapshot = {
      stamp,
      index: new LedgerIndex((id) => this.load(snapshot, id)),
      head: { seq: 0, hash: sha256Digest('') },
      starts: [0, 0],
      lineHashes: new Uint8Array(0),
      appended: new Map(),
      hashes: null,
      problems: []
    }
    return snapshot
  }

  /**
   * Reads the file a chunk at a time: every line is hashed (here, or on a worker thread for a
   * long ledger), parsed and indexed, noting the hash it claims for the line before it; then
   * the chain is checked. `deep` parses every record whole; otherwise a line in the form the
   * ledger writes gives only the fields the index needs (`lineFields`), and the rest of it is
   * checked when the record is read back (`ledger verify` reads deep; a gate does not). A
   * long ledger's lines are hashed on a worker thread while this one reads their fields, since
   * both cost about the same and a promotion waits for both.
   */
  private async scan(deep: boolean, keepHashes: boolean): Promise<Snapshot> {
    const stamp = this.stampOf()
    if (stamp === 'missing') {
      if (this.options.create) return this.emptySnapshot(stamp)
      throw this.missing()
    }
    const snapshot = this.emptySnapshot(stamp)
    const problems = snapshot.problems as ChainProblem[]
    const prevs = new ClaimedHashes()
    const size = this.openForReading((fd, size) => {
      // Read once the size is fixed: every line read was written, and stamped, before now.
      const now = this.clock().toISOString()
      const hasher = !deep && size >= HASH_ASIDE_BYTES ? hashAside() : hashHere()
      let number = 0
      for (const chunk of chunksOf(fd, size)) {
        // One decoding per chunk, each line a slice of it; ASCII, as a ledger nearly always is,
        // decodes as latin1 to the same text, several times faster, and offsets stay in bytes.
        const ascii = isAscii(chunk.bytes)
        const text = chunk.bytes.toString(ascii ? 'latin1' : 'utf8')
        hasher.add(chunk.bytes)
        let start = 0
        let at = chunk.offset
        while (start < text.length) {
          number += 1
          let end = text.indexOf('\n', start)
          if (end < 0) {
            problems.push({
              line: number,
              problem:
                'the last line is incomplete (no newline): a write was cut short or the file was edited'
            })
            end = text.length
          }
          snapshot.starts[number] = at
          at += (ascii ? end - start : Buffer.byteLength(text.slice(start, end))) + 1
          snapshot.starts[number + 1] = at
          const fields = deep || number === 1 ? null : lineFields(text, start, end)
          const problem =
            fields !== null
              ? addFields(fields, number, snapshot.index, now, prevs)
              : number === 1
                ? checkGenesis(text.slice(start, end))
                : this.addLine(text.slice(start, end), number, snapshot.index, now, prevs)
          if (problem !== null) problems.push({ line: number, problem })
          start = end + 1
        }
      }
      return { hasher, count: number }
    })
    if (size.count === 0) {
      await this.hashesOf(size.hasher)
      problems.push({
        line: 1,
        problem:
          'the file is empty, but a ledger always begins with the line "artifact-seal ledger init" writes: it ' +
          'was emptied'
      })
      return snapshot
    }
    snapshot.lineHashes = await this.hashesOf(size.hasher)
    return this.finish(snapshot, prevs, keepHashes)
  }

  /** Every line's hash; a hashing thread that failed makes the ledger unreadable, so nothing is decided. */
  private async hashesOf(hasher: LineHasher): Promise<Uint8Array> {
    try {
      return await hasher.done()
    } catch (error) {
      throw this.unreadable(error)
    }
  }

  /** Checks that each line names the hash of the line before it, now that every hash is known. */
  private finish(snapshot: Snapshot, prevs: ClaimedHashes, keepHashes: boolean): Snapshot {
    const hashes = Buffer.from(
      snapshot.lineHashes.buffer,
      snapshot.lineHashes.byteOffset,
      snapshot.lineHashes.length
    )
    const count = hashes.length / 32
    const hex = (line: number): Digest =>
      digestFromHex(hashes.toString('hex', (line - 1) * 32, line * 32))
    const problems = snapshot.problems as ChainProblem[]
    const breaks = new Set<ChainProblem>()
    for (let line = 2; line <= count; line++) {
      // True, or a line that could not be read, which says so already.
      if (prevs.matches(line, hashes, (line - 2) * 32) !== false) continue
      const problem = {
        line,
        problem:
          `it does not follow line ${line - 1} (hash ${prevs.text(line)}, expected ${hex(line - 1)}): ` +
          'the line before it was edited, deleted or moved'
      }
      breaks.add(problem)
      problems.push(problem)
    }
    // By line, and a broken chain first on its line: it explains what else is wrong there.
    problems.sort((a, b) => a.line - b.line || Number(breaks.has(b)) - Number(breaks.has(a)))
    if (count > 0) snapshot.head = { seq: count, hash: hex(count) }
    if (keepHashes)
      return { ...snapshot, hashes: Array.from({ length: count }, (_, i) => hex(i + 1)) }
    return snapshot
  }

  /**
   * Reads one record back whole from the file, where it must still hash as it did when read, or
   * from what this process appended.
   */
  private load(snapshot: Snapshot, id: string): LedgerEntry {
    const appended = snapshot.appended.get(id)
    if (appended !== undefined) return appended
    const seq = Number(id)
    const damaged = (problem: string): never => {
      throw this.damaged({ line: seq, problem }, 0)
    }
    const start = snapshot.starts[seq] as number
    const bytes = this.openForReading((fd) => {
      const buffer = Buffer.allocUnsafe((snapshot.starts[seq + 1] as number) - 1 - start)
      return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, start))
    })
    const expected = Buffer.from(
      snapshot.lineHashes.buffer,
      snapshot.lineHashes.byteOffset + (seq - 1) * 32,
      32
    )
    if (!crypto.hash('sha256', bytes, 'buffer').equals(expected))
      return damaged('it changed since the ledger was read')
    const line = bytes.toString('utf8')
    let value: Partial<Line> | null
    try {
      value = JSON.parse(line) as Partial<Line> | null
    } catch {
      return damaged('it is not JSON')
    }
    const record = decodeRecord(value?.record, damaged)
    const fields = lineFields(line)
    // The index was built from the fields alone: the whole record must say the same.
    if (fields !== null && !fieldsAgree(fields, { ...record, service: serviceOf(record) }))
      return damaged('its record does not say what its fields said when the ledger was read')
    return { ...record, id, url: null }
  }

  /** Checks one record line against the chain and adds it to the index; the problem, or null. */
  private addLine(
    raw: string,
    number: number,
    index: LedgerIndex,
    now: string,
    prevs: ClaimedHashes
  ): string | null {
    let value: Partial<Line> | null
    try {
      value = JSON.parse(raw) as Partial<Line> | null
    } catch {
      return 'it is not JSON'
    }
    if (value === null || typeof value !== 'object' || value.format !== FORMAT)
      return notOurs(value)
    if (value.seq !== number)
      return `its number is ${JSON.stringify(value.seq)}, expected ${number}: a line was deleted or moved`
    prevs.set(number, typeof value.prev === 'string' ? value.prev : JSON.stringify(value.prev))
    let record: PromotionRecord
    try {
      record = decodeRecord(value.record, (detail) => {
        throw new Error(detail)
      })
    } catch (error) {
      return (error as Error).message
    }
    if (isEarlier(now, record.time)) return futureProblem(record.time, now)
    // A gate reads this line by its fields alone (lineFields): they must say what the record says.
    const fields = lineFields(raw)
    const service = serviceOf(record)
    if (fields !== null && !fieldsAgree(fields, { ...record, service })) {
      return (
        'its fields, read as a gate reads them, do not say what its record says: a key is repeated or the ' +
        'line was written by hand'
      )
    }
    // The decoded record is this line's own object: made an entry in place rather than copied.
    return index.add(Object.assign(record, { id: String(number), url: null, service }))
  }

  /** Runs `read` on the open file, once it is known to be a regular file of a size artifact-seal reads. */
  private openForReading<T>(read: (fd: number, size: number) => T): T {
    let fd: number
    try {
      fd = fs.openSync(this.file, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw this.missing()
      throw this.unreadable(error)
    }
    try {
      const stat = fs.fstatSync(fd)
      if (!stat.isFile()) {
        throw new SealError(
          'unreadable',
          `${this.inputName}: ${quote(this.location)} is not a regular file, so it cannot be a ledger. Give ` +
            `the path of the ledger's .jsonl file.`
        )
      }
      if (stat.size > MAX_LEDGER_BYTES) {
        throw new SealError(
          'refused',
          `${this.inputName}: the ledger ${quote(this.location)} is ${stat.size} bytes, over the ${MAX_LEDGER_BYTES / 1024 / 1024} MiB artifact-seal reads. ` +
            `Keep it (it is the history) and start a new ledger for new promotions, or use the github ledger.`
        )
      }
      return read(fd, stat.size)
    } catch (error) {
      if (error instanceof SealError) throw error
      throw this.unreadable(error)
    } finally {
      fs.closeSync(fd)
    }
  }

  private writeGenesis(lock: HeldLock): LedgerHead {
    const genesis: Genesis = {
      format: FORMAT,
      seq: 1,
      prev: null,
      created: { time: this.clock().toISOString(), id: crypto.randomUUID() }
    }
    const text = JSON.stringify(genesis)
    this.appendBytes(Buffer.from(`${text}\n`), 'wx', lock)
    this.cached = null
    return { seq: 1, hash: sha256Digest(text) }
  }

  /** Replaces the checkpoint whole (a temporary file renamed over it), so a reader never sees half of one. */
  private writeCheckpoint(text: string): void {
    const file = besideLedger(this.file).checkpoint
    const temporary = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`
    try {
      fs.writeFileSync(temporary, text, { flag: 'wx' })
      fs.renameSync(temporary, file)
    } catch (error) {
      fs.rmSync(temporary, { force: true })
      throw new SealError(
        'unreadable',
        `${this.inputName}: the records were appended to ${quote(this.location)}, but its signed checkpoint ${quote(file)} could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
          'Make the directory writable; the next signed append writes a checkpoint that covers these records too.',
        { cause: error }
      )
    }
  }

  /**
   * Writes the bytes whole, checking right before the write that this process still holds the
   * lock. Appending, the file is opened first (on a file server that takes a round trip), so
   * what is left between the check and the write is one system call; a new file is created
   * after the check, since creating it is writing it.
   */
  private appendBytes(bytes: Buffer, flags: 'a' | 'wx', lock: HeldLock): void {
    const stillHeld = (): void => lock.assertHeld(`Nothing was written; ${words().again}.`)
    let fd: number | undefined
    try {
      if (flags === 'wx') stillHeld()
      fd = fs.openSync(this.file, flags)
      if (flags === 'a') stillHeld()
      fs.writeSync(fd, bytes)
      fs.fsyncSync(fd)
    } catch (error) {
      if (error instanceof SealError) throw error
      throw this.unwritable(error)
    } finally {
      if (fd !== undefined) fs.closeSync(fd)
    }
  }

  private makeDirectory(): void {
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true })
    } catch (error) {
      throw this.unwritable(error)
    }
  }

  /** A broken chain or a damaged record: the ledger cannot be trusted, so nothing is decided. */
  private damaged(first: ChainProblem, more: number): SealError {
    return new SealError(
      'tampered',
      `The ledger ${this.location} cannot be trusted: line ${first.line}: ${first.problem}` +
        (more > 0 ? ` (and ${more} more problems)` : '') +
        `. Nothing is promoted from a damaged ledger. Run "artifact-seal ledger verify --ledger ${this.location}" and restore the file from a backup.`
    )
  }

  private missing(): SealError {
    return new SealError(
      'unreadable',
      `${this.inputName}: the ledger ${quote(this.location)} does not exist. A missing ledger is never read as ` +
        'an empty one (a deleted ledger would forget its vetoes): ' +
        `if nothing was promoted yet, create it with "artifact-seal ledger init --ledger ${this.location}"; ` +
        `otherwise restore the file${words().caller === 'cli' ? ', or give --ledger with where it is' : ''}.`
    )
  }

  private unreadable(error: unknown): SealError {
    return new SealError(
      'unreadable',
      `${this.inputName}: the ledger ${quote(this.location)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        `Nothing is promoted without it; make the file readable.`,
      { cause: error }
    )
  }

  private unwritable(error: unknown): SealError {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? `a part of ${quote(path.dirname(this.file))} is a file, not a directory`
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'read-only file system'
            : code
    return new SealError(
      'unreadable',
      `${this.inputName}: the ledger ${quote(this.location)} cannot be written (${why}). ` +
        `Give a path in a writable directory, such as "file:.artifact-seal/ledger.jsonl". Nothing was recorded.`
    )
  }
}

/**
 * The hash each line names for the line before it, kept as bytes: compared once every line's
 * own hash is known, without a string per line kept until then.
 */
class ClaimedHashes {
  private bytes = Buffer.alloc(32 * 4096)
  private state = new Uint8Array(4096)
  /** What a line said instead of a sha256 digest, for the message. */
  private readonly odd = new Map<number, string>()

  set(line: number, claimed: string): void {
    while (line >= this.state.length) {
      this.bytes = Buffer.concat([this.bytes, Buffer.alloc(this.bytes.length)])
      const state = new Uint8Array(this.state.length * 2)
      state.set(this.state)
      this.state = state
    }
    const hex = claimed.startsWith('sha256:') && claimed.length === 71 ? claimed.slice(7) : ''
    // Writing hex stops at the first character that is not hex: 32 bytes written is 64 hex digits.
    if (hex !== '' && this.bytes.write(hex, line * 32, 32, 'hex') === 32) {
      this.state[line] = 1
    } else {
      this.state[line] = 2
      this.odd.set(line, claimed)
    }
  }

  /** Whether the line names the hash at `hashes[offset]`; null when it names nothing readable. */
  matches(line: number, hashes: Buffer, offset: number): boolean | null {
    const state = this.state[line] ?? 0
    if (state === 0) return null
    return (
      state === 1 &&
      this.bytes.compare(hashes, offset, offset + 32, line * 32, line * 32 + 32) === 0
    )
  }

  text(line: number): string {
    return (
      this.odd.get(line) ?? digestFromHex(this.bytes.toString('hex', line * 32, line * 32 + 32))
    )
  }
}

/**
 * A record as the ledger writes it: the fields its index reads first, in this order, so a
 * gate reads them without parsing the rest (`lineFields`); then the others. The service is
 * always written, so a line says which service it belongs to whatever its name.
 */
function inWrittenOrder(record: NewRecord, time: string): PromotionRecord {
  const { digest, environment, outcome, resolves, ...rest } = record
  const others = Object.fromEntries(
    Object.entries(rest).filter(([key]) => key !== 'service')
  ) as Omit<NewRecord, 'digest' | 'environment' | 'outcome' | 'resolves'>
  return { digest, environment, outcome, time, resolves, service: serviceOf(record), ...others }
}

/** How much of the file is read at a time. */
const CHUNK_BYTES = 1024 * 1024

/**
 * The file's bytes up to `size`, in chunks of whole lines (the last may end without a
 * newline). Each chunk has memory of its own, so it can be handed to another thread.
 */
function* chunksOf(
  fd: number,
  size: number
): Generator<{ readonly bytes: Buffer; readonly offset: number }> {
  let carry = Buffer.alloc(0)
  let offset = 0
  let position = 0
  while (position < size) {
    const buffer = Buffer.allocUnsafeSlow(carry.length + Math.min(CHUNK_BYTES, size - position))
    carry.copy(buffer)
    const read = fs.readSync(fd, buffer, carry.length, buffer.length - carry.length, position)
    if (read === 0) break
    position += read
    const filled = carry.length + read
    const lastNewline = buffer.lastIndexOf(0x0a, filled - 1)
    if (lastNewline < 0) {
      carry = buffer.subarray(0, filled)
      continue
    }
    carry = Buffer.from(buffer.subarray(lastNewline + 1, filled))
    yield { bytes: buffer.subarray(0, lastNewline + 1), offset }
    offset += lastNewline + 1
  }
  if (carry.length > 0) {
    const last = Buffer.allocUnsafeSlow(carry.length)
    carry.copy(last)
    yield { bytes: last, offset }
  }
}

/**
 * Adds a line read by `lineFields` to the index, with the checks `addLine` makes of a whole record;
 * the problem, or null.
 */
function addFields(
  fields: LineFields,
  number: number,
  index: LedgerIndex,
  now: string,
  prevs: ClaimedHashes
): string | null {
  if (fields.seq !== number)
    return `its number is ${fields.seq}, expected ${number}: a line was deleted or moved`
  prevs.set(number, fields.prev)
  if (isEarlier(now, fields.time)) return futureProblem(fields.time, now)
  return index.add(fields)
}

function futureProblem(time: string, now: string): string {
  return (
    `it is dated ${time}, after this machine's clock (${now}): this clock is behind, a clock ahead wrote ` +
    'it, or it was edited; a soak measured from it would be wrong, so set the ' +
    'clock right (NTP) and check the line'
  )
}

/** A view of one checked read, at one time: what `decide` sees under the lock. */
function viewOf(index: LedgerIndex, now: Date): LedgerView {
  return {
    live: async (environment, service) => index.live(environment, service),
    spans: async (digest, environment, service) => index.spans(digest, environment, service),
    veto: async (digest) => index.veto(digest),
    previouslyLive: async function* (environment, service) {
      yield* index.previouslyLive(environment, service)
    },
    newest: async (environment) => index.newest(environment),
    pending: async (environment, service) => index.pending(environment, service),
    entries: async function* (filter) {
      yield* index.entries(filter)
    },
    now: async () => now
  }
}

function resolutionOf(
  pending: LedgerEntry,
  outcome: NewRecord['outcome'],
  reason: string | null,
  runUrl: string | null,
  actor: string | null
): NewRecord {
  return {
    digest: pending.digest,
    name: pending.name,
    environment: pending.environment,
    service: serviceOf(pending),
    outcome,
    mode: pending.mode,
    runUrl,
    actor,
    sealedBy: pending.sealedBy,
    previousDigest: pending.previousDigest,
    reason,
    environmentUrl: pending.environmentUrl,
    artifact: pending.artifact,
    resolves: pending.id,
    key: crypto.randomUUID()
  }
}

function checkGenesis(raw: string): string | null {
  let value: Partial<Genesis> | null
  try {
    value = JSON.parse(raw) as Partial<Genesis> | null
  } catch {
    return 'it is not JSON'
  }
  if (value === null || typeof value !== 'object' || value.format !== FORMAT) return notOurs(value)
  if (
    value.seq !== 1 ||
    value.prev !== null ||
    typeof value.created?.time !== 'string' ||
    typeof value.created.id !== 'string'
  ) {
    return 'it is not the first line of a ledger ("created", seq 1, no prev): the lines before it were deleted'
  }
  return null
}

function notOurs(value: unknown): string {
  const format = (value as { format?: unknown } | null)?.format
  if (typeof format === 'string' && /^artifact-seal\/ledger\/v\d+$/.test(format)) {
    return (
      `it is in the ledger format ${format}; this artifact-seal reads ${FORMAT}. Use the artifact-seal ` +
      'version that wrote it, or start a new ledger'
    )
  }
  return `it is not an artifact-seal ledger line (format ${JSON.stringify(format)})`
}

function identityOf(snapshot: Snapshot): LedgerIdentity {
  if (snapshot.lineHashes.length < 32)
    throw new Error('unreachable: a ledger is read with its first line')
  return digestFromHex(
    Buffer.from(snapshot.lineHashes.buffer, snapshot.lineHashes.byteOffset, 32).toString('hex')
  )
}

function toEntry(line: Line): LedgerEntry {
  return { ...line.record, id: String(line.seq), url: null }
}
