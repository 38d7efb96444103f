import type { Digest } from '../../core/digest.js'
import { type Outcome, OUTCOMES, RESOLUTIONS, type Resolution } from '../../core/promotion/record.js'

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
}

const PREFIX = '{"format":"artifact-seal/ledger/v2","seq":'
const DIGEST = /^sha256:[0-9a-f]{64}$/
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
const ID = /^[1-9][0-9]*$/

/**
 * Reads the fields the index needs straight from the start of a line in the form the ledger
 * writes, `{"format":…,"seq":N,"prev":"sha256:…","record":{"digest":"…","environment":"…",
 * "outcome":"…","time":"…","resolves":null|"N",…` (JSON.stringify of the line, the record's
 * fields in that order: see `inWrittenOrder`), without parsing the rest: on a long ledger
 * parsing is most of a gate's reading time. Any line in another form, or whose fields are
 * not what the ledger writes, gives null, and the caller parses it whole, which checks every
 * field and says what is wrong. The whole record is parsed and checked when it is read back,
 * and `ledger verify` parses every line and checks that these fields say what the record
 * says (a key repeated later in the line would make them differ).
 */
export function lineFields(line: string): LineFields | null {
  if (!line.startsWith(PREFIX) || !line.endsWith('}}')) return null
  const seqEnd = line.indexOf(',', PREFIX.length)
  const id = line.slice(PREFIX.length, seqEnd)
  if (!ID.test(id) || !line.startsWith(',"prev":"', seqEnd)) return null
  // The previous line's hash is checked against that line itself, which also checks its form.
  const prevStart = seqEnd + 9
  const prev = line.slice(prevStart, prevStart + 71)
  const at = { position: prevStart + 71 }
  const digest = next(line, at, '","record":{"digest":"')
  const environment = next(line, at, '","environment":"')
  const outcome = next(line, at, '","outcome":"') as Outcome | null
  const time = next(line, at, '","time":"')
  if (digest === null || environment === null || outcome === null || time === null || !line.startsWith('","resolves":', at.position)) return null
  at.position += 13
  let resolves: string | null = null
  if (line.startsWith('null,', at.position)) {
    at.position += 4
  } else {
    resolves = next(line, at, '"')
    if (resolves === null || !line.startsWith('",', at.position) || !ID.test(resolves)) return null
  }
  if (!DIGEST.test(digest) || environment === '' || !OUTCOMES.includes(outcome) || !TIME.test(time)) return null
  if (RESOLUTIONS.includes(outcome as Resolution) !== (resolves !== null)) return null
  return { seq: Number(id), id, prev, digest: digest as Digest, environment, outcome, time, resolves }
}

/** The text after `key` at the cursor, up to the next quote, when it holds no escape; moves the cursor to that quote. */
function next(line: string, at: { position: number }, key: string): string | null {
  if (!line.startsWith(key, at.position)) return null
  const start = at.position + key.length
  const end = line.indexOf('"', start)
  if (end < 0) return null
  const value = line.slice(start, end)
  if (value.includes('\\')) return null
  at.position = end
  return value
}
