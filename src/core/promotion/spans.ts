import type { Digest } from '../digest.js'
import { type LedgerEntry, type LiveSpan, makesLive } from './record.js'

/**
 * The live stretches of one environment, oldest first, from its records in the order
 * they were written: each promotion or rollback starts a stretch and ends the one before.
 */
export function liveSpansOf(entries: readonly LedgerEntry[], environment: string): LiveSpan[] {
  const spans: LiveSpan[] = []
  for (const entry of entries) {
    if (entry.environment !== environment || !makesLive(entry.outcome)) continue
    const last = spans.at(-1)
    if (last && last.until === null) spans[spans.length - 1] = { ...last, until: entry.time }
    spans.push({ digest: entry.digest, environment, from: entry.time, until: null, recordId: entry.id })
  }
  return spans
}

/** Digests that were live before the current one, newest first, each once with its latest stretch. */
export function previousSpans(spans: readonly LiveSpan[]): LiveSpan[] {
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
