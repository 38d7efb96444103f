import type { Digest } from '../../core/digest.js'
import {
  type Outcome,
  OUTCOMES,
  RESOLUTIONS,
  type Resolution,
  type Service
} from '../../core/promotion/record.js'

/** What the gate's index needs of one ledger line. */
export interface LineFields {
  readonly seq: number
  /** The line's number as text: the record's id. */
  readonly id: string
  readonly prev: string
  readonly digest: Digest
  readonly environment: string
  readonly outcome: Outcome
  readonly time: string
  readonly resolves: string | null
  readonly service: Service
}

const PREFIX = '{"format":"artifact-seal/ledger/v2","seq":'
const DIGEST = /^sha256:[0-9a-f]{64}$/
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const ID = /^[1-9][0-9]*$/

/**
 * Reads the fields the index needs straight from the start of a line in the form the ledger
 * writes, `{"format":…,"seq":N,"prev":"sha256:…","record":{"digest":"…","environment":"…",
 * "outcome":"…","time":"…","resolves":null|"N","service":null|"…",…` (JSON.stringify of the
 * line, the record's fields in that order: see `inWrittenOrder`). A line written before
 * services existed has `"name":null|"…"` where the service is, and its service is that name
 * (`serviceOf`). The rest is not parsed: on a long ledger
 * parsing is most of a gate's reading time. Any line in another form, or whose fields are
 * not what the ledger writes, gives null, and the caller parses it whole, which checks every
 * field and says what is wrong. The whole record is parsed and checked when it is read back,
 * and `ledger verify` parses every line and checks that these fields say what the record
 * says (a key repeated later in the line would make them differ).
 */
export function lineFields(text: string, from = 0, to = text.length): LineFields | null {
  // The line is text[from, to): read in place, so a long ledger's lines need no string of their own.
  if (
    !text.startsWith(PREFIX, from) ||
    text.charCodeAt(to - 1) !== 0x7d ||
    text.charCodeAt(to - 2) !== 0x7d
  )
    return null
  const seqEnd = text.indexOf(',', from + PREFIX.length)
  if (seqEnd < 0 || seqEnd >= to) return null
  const id = text.slice(from + PREFIX.length, seqEnd)
  if (!ID.test(id) || !text.startsWith(',"prev":"', seqEnd)) return null
  // The previous line's hash is checked against that line itself, which also checks its form.
  const prevStart = seqEnd + 9
  const prev = text.slice(prevStart, prevStart + 71)
  const at = { position: prevStart + 71, end: to }
  const digest = next(text, at, '","record":{"digest":"')
  const environment = next(text, at, '","environment":"')
  const outcome = next(text, at, '","outcome":"') as Outcome | null
  const time = next(text, at, '","time":"')
  if (
    digest === null ||
    environment === null ||
    outcome === null ||
    time === null ||
    !text.startsWith('","resolves":', at.position)
  )
    return null
  at.position += 13
  let resolves: string | null = null
  if (text.startsWith('null,', at.position)) {
    at.position += 4
  } else {
    resolves = next(text, at, '"')
    if (resolves === null || !text.startsWith('",', at.position) || !ID.test(resolves)) return null
    at.position += 1
  }
  // At the comma after resolves: the service, or on an older line the name that stands for it.
  const key = text.startsWith(',"service":', at.position)
    ? ',"service":'
    : text.startsWith(',"name":', at.position)
      ? ',"name":'
      : null
  if (key === null) return null
  at.position += key.length
  let service: Service = null
  if (text.startsWith('null', at.position)) {
    at.position += 4
  } else {
    at.position -= 1
    service = next(text, at, ':"')
    if (service === null || service === '') return null
    at.position += 1
  }
  if (
    at.position >= to ||
    (text.charCodeAt(at.position) !== 0x2c && text.charCodeAt(at.position) !== 0x7d)
  )
    return null
  if (!DIGEST.test(digest) || environment === '' || !OUTCOMES.includes(outcome) || !TIME.test(time))
    return null
  if (RESOLUTIONS.includes(outcome as Resolution) !== (resolves !== null)) return null
  return {
    seq: Number(id),
    id,
    prev,
    digest: digest as Digest,
    environment,
    outcome,
    time,
    resolves,
    service
  }
}

/**
 * The text after `key` at the cursor, up to the next quote, when it holds no escape; moves the
 * cursor to that quote.
 */
function next(
  text: string,
  at: { position: number; readonly end: number },
  key: string
): string | null {
  if (!text.startsWith(key, at.position)) return null
  const start = at.position + key.length
  const end = text.indexOf('"', start)
  if (end < 0 || end >= at.end) return null
  const value = text.slice(start, end)
  if (value.includes('\\')) return null
  at.position = end
  return value
}

/**
 * Whether the fields a gate read from a line say what the whole record on it says (its service as
 * `serviceOf` reads it).
 */
export function fieldsAgree(
  fields: LineFields,
  record: Pick<LineFields, 'digest' | 'environment' | 'outcome' | 'time' | 'resolves' | 'service'>
): boolean {
  return (
    fields.digest === record.digest &&
    fields.environment === record.environment &&
    fields.outcome === record.outcome &&
    fields.time === record.time &&
    fields.resolves === record.resolves &&
    fields.service === record.service
  )
}
