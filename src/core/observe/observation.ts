import { type Digest, digestFromHex, shortDigest } from '../digest.js'
import { quote } from '../errors.js'
import { CONTROL_CHARACTERS } from '../control-characters.js'

/**
 * What one look at an environment found: `matches` (it runs the live digest), `drifted` (it
 * runs something else, or its files or contract changed), `unknown` (the probe could not
 * tell: it is never read as a match).
 */
export type Verdict = 'matches' | 'drifted' | 'unknown'
export const VERDICTS: readonly Verdict[] = ['matches', 'drifted', 'unknown']

export type ProbeKind = 'url' | 'command' | 'files' | 'contract-url' | 'image'

/** What one probe found. */
export interface ProbeResult {
  readonly probe: ProbeKind
  readonly verdict: Verdict
  /** What runs, as the probe saw it: a digest, several, or a short account (`3 files changed`); null when unknown. */
  readonly observed: string | null
  /** Why unknown, or what drifted (the files, the contract's rule ids), for people. */
  readonly detail: string | null
  /** For files: the paths that differ; for contract-url: the rule ids found. */
  readonly items?: readonly string[]
}

/** The longest text kept from a probe's answer for a message: a hostile answer never fills a log. */
const SHOWN = 120
const CONTROL_RUNS = new RegExp(`[${CONTROL_CHARACTERS}]+`, 'gu')

/** Text from outside, cut short and made one line, for a message. */
export function shown(text: string): string {
  const line = text.replace(CONTROL_RUNS, ' ').trim()
  return quote(line.length > SHOWN ? `${line.slice(0, SHOWN)}…` : line)
}

const DIGEST_TOKEN = /^(?:[^\s@]+@)?(?:sha256:)?([0-9a-fA-F]{64})$/

/**
 * The digests a probe's text names: whitespace-separated tokens, each `sha256:<hex>`, the bare
 * hex, or an image reference by digest (`ghcr.io/acme/app@sha256:<hex>`, as kubectl's imageID
 * and docker inspect give it). Null when any token is something else, or there is none: an
 * answer in the wrong form says nothing about what runs.
 */
export function digestsIn(text: string): Digest[] | null {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '')
  if (tokens.length === 0) return null
  const found: Digest[] = []
  for (const token of tokens) {
    const match = DIGEST_TOKEN.exec(token.replace(/^docker-pullable:\/\/|^docker:\/\//, ''))
    if (match === null) return null
    const digest = digestFromHex((match[1] as string).toLowerCase())
    if (!found.includes(digest)) found.push(digest)
  }
  return found
}

/** A probe's verdict from the digests it saw: every copy must run the live digest. */
export function judgeDigests(
  probe: ProbeKind,
  digests: readonly Digest[],
  live: Digest
): ProbeResult {
  const others = digests.filter((d) => d !== live)
  if (others.length === 0) return { probe, verdict: 'matches', observed: live, detail: null }
  return {
    probe,
    verdict: 'drifted',
    observed: digests.join(' '),
    detail:
      digests.length === 1
        ? `runs ${shortDigest(others[0] as string)}, not the live ${shortDigest(live)}`
        : `runs ${digests.length} digests (${digests.map(shortDigest).join(', ')}), not only the live ${shortDigest(live)}`
  }
}

export function unknown(probe: ProbeKind, reason: string): ProbeResult {
  return { probe, verdict: 'unknown', observed: null, detail: reason }
}

/**
 * The environment's verdict from its probes': drifted when any drifted, else unknown when any could
 * not tell, else matches.
 */
export function combine(results: readonly ProbeResult[]): Verdict {
  if (results.some((r) => r.verdict === 'drifted')) return 'drifted'
  if (results.length === 0 || results.some((r) => r.verdict === 'unknown')) return 'unknown'
  return 'matches'
}
