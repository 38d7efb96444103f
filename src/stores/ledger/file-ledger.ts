import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { LedgerEntry, LiveSpan, PromotionRecord } from '../../core/promotion/record.js'
import { liveSpansOf, previousSpans } from '../../core/promotion/spans.js'
import { withFileLock } from './file-lock.js'
import type { Ledger } from './ledger.js'
import { decodeRecord } from './record-codec.js'

/** The format marker of every line; a later format gets a new number. */
const FORMAT = 'artifact-seal/ledger/v1'

/** One line of the file: the record, its number and the sha256 of the line before it. */
interface Line {
  readonly format: typeof FORMAT
  readonly seq: number
  /** `sha256:<hex>` of the previous line's bytes (without its newline); null on the first line. */
  readonly prev: Digest | null
  readonly record: PromotionRecord
}

export interface ChainProblem {
  readonly line: number
  readonly problem: string
}

/**
 * The ledger as a file of JSON lines, append-only. Each line carries the sha256 of the
 * line before it, so editing, deleting or reordering any line breaks the chain at that
 * point; every read checks the whole chain and refuses a broken one (fail closed).
 * Appends take an exclusive lock, so processes appending at once lose nothing.
 */
export class FileLedger implements Ledger {
  readonly location: string

  /** `inputName` names the input or option that chose the file, for error messages. */
  constructor(
    readonly file: string,
    private readonly inputName: string
  ) {
    this.location = `file:${file}`
  }

  async append(record: PromotionRecord): Promise<LedgerEntry> {
    const dir = path.dirname(this.file)
    try {
      fs.mkdirSync(dir, { recursive: true })
    } catch (error) {
      throw this.unwritable(error)
    }
    return withFileLock(this.file, `${this.inputName}: ${quote(this.location)}`, () => {
      const { lines, lastLine } = this.readChecked()
      const line: Line = { format: FORMAT, seq: lines.length + 1, prev: lastLine === null ? null : sha256(lastLine), record }
      let fd: number | undefined
      try {
        fd = fs.openSync(this.file, 'a')
        fs.writeSync(fd, `${JSON.stringify(line)}\n`)
        fs.fsyncSync(fd)
      } catch (error) {
        throw this.unwritable(error)
      } finally {
        if (fd !== undefined) fs.closeSync(fd)
      }
      return toEntry(line)
    })
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
      if (target !== this.file && !fs.statSync(target).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
      fs.accessSync(target, fs.constants.W_OK)
    } catch (error) {
      throw this.unwritable(error)
    }
  }

  async live(environment: string): Promise<LiveSpan | null> {
    const last = liveSpansOf(this.entries_(), environment).at(-1)
    return last && last.until === null ? last : null
  }

  async spans(digest: Digest, environment: string): Promise<LiveSpan[]> {
    return liveSpansOf(this.entries_(), environment).filter((s) => s.digest === digest)
  }

  async veto(digest: Digest): Promise<LedgerEntry | null> {
    return this.entries_().find((e) => e.digest === digest && e.outcome === 'vetoed') ?? null
  }

  async *previouslyLive(environment: string): AsyncIterable<LiveSpan> {
    yield* previousSpans(liveSpansOf(this.entries_(), environment))
  }

  async *entries(filter: { readonly environment?: string; readonly digest?: Digest } = {}): AsyncIterable<LedgerEntry> {
    const all = this.entries_().filter(
      (e) => (filter.environment === undefined || e.environment === filter.environment) && (filter.digest === undefined || e.digest === filter.digest)
    )
    yield* all.reverse()
  }

  /** Checks the chain from the first line to the last; an empty list when it holds. */
  verifyChain(): { count: number; problems: ChainProblem[] } {
    const { lines, problems } = this.read()
    return { count: lines.length, problems }
  }

  private entries_(): LedgerEntry[] {
    return this.readChecked().lines.map(toEntry)
  }

  private readChecked(): { lines: Line[]; lastLine: string | null } {
    const { lines, problems, lastLine } = this.read()
    if (problems.length > 0) {
      const first = problems[0] as ChainProblem
      throw new SealError(
        `The ledger ${this.location} cannot be trusted: line ${first.line}: ${first.problem}` +
          (problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '') +
          `. Nothing is promoted from a damaged ledger. Run "artifact-seal ledger verify --ledger ${this.location}" and restore the file from a backup.`
      )
    }
    return { lines, lastLine }
  }

  private read(): { lines: Line[]; problems: ChainProblem[]; lastLine: string | null } {
    let text: string
    try {
      text = fs.readFileSync(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], problems: [], lastLine: null }
      throw new SealError(
        `${this.inputName}: the ledger ${quote(this.location)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
          `Nothing is promoted without it; make the file readable.`
      )
    }
    const raw = text.split('\n')
    const problems: ChainProblem[] = []
    if (raw.at(-1) !== '') problems.push({ line: raw.length, problem: 'the last line is incomplete (no newline): a write was cut short or the file was edited' })
    else raw.pop()
    const lines: Line[] = []
    let previous: string | null = null
    raw.forEach((text, i) => {
      const number = i + 1
      const line = parseLine(text, number, this.location, problems)
      if (line) {
        const expected = previous === null ? null : sha256(previous)
        if (line.seq !== number) problems.push({ line: number, problem: `its number is ${line.seq}, expected ${number}: a line was deleted or moved` })
        if (line.prev !== expected) {
          problems.push({ line: number, problem: `it does not follow line ${number - 1} (hash ${line.prev ?? 'none'}, expected ${expected ?? 'none'}): the line before it was edited, deleted or moved` })
        }
        lines.push(line)
      }
      previous = text
    })
    return { lines, problems, lastLine: previous }
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
      `${this.inputName}: the ledger ${quote(this.location)} cannot be written (${why}). ` +
        `Give a path in a writable directory, such as "file:.artifact-seal/ledger.jsonl". Nothing was recorded.`
    )
  }
}

function parseLine(text: string, number: number, location: string, problems: ChainProblem[]): Line | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    problems.push({ line: number, problem: 'it is not JSON' })
    return null
  }
  const v = value as Partial<Line> | null
  if (v === null || typeof v !== 'object' || v.format !== FORMAT || typeof v.seq !== 'number') {
    problems.push({ line: number, problem: `it is not an artifact-seal ledger line (format ${JSON.stringify(v?.format)})` })
    return null
  }
  try {
    const damaged = (detail: string): never => {
      throw new Error(detail)
    }
    return { format: FORMAT, seq: v.seq, prev: v.prev ?? null, record: decodeRecord(v.record, damaged) }
  } catch (error) {
    problems.push({ line: number, problem: (error as Error).message })
    return null
  }
}

function toEntry(line: Line): LedgerEntry {
  return { ...line.record, id: String(line.seq), url: null }
}

function sha256(text: string): Digest {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`
}
