import type { Digest } from '../src/core/digest.js'
import { randomUUID } from 'node:crypto'
import type { LedgerEntry, LiveSpan, NewRecord, PromotionRecord } from '../src/core/promotion/record.js'

/** Distinct, valid digests for tests: digest(1), digest(2), … */
export function digest(n: number): Digest {
  return `sha256:${n.toString(16).padStart(64, '0')}`
}

export const T0 = new Date('2026-11-01T12:00:00.000Z')

/** T0 plus a number of minutes, as ISO text. */
export function minutesAfter(minutes: number, from: Date = T0): string {
  return new Date(from.getTime() + minutes * 60_000).toISOString()
}

/** A record as a gate writes it: pending by default, a promotion, with a fresh key. */
export function record(fields: Partial<PromotionRecord> & Pick<PromotionRecord, 'digest' | 'environment'>): PromotionRecord {
  const outcome = fields.outcome ?? 'pending'
  return {
    name: 'hello-service',
    outcome,
    mode: outcome === 'vetoed' ? null : 'promote',
    resolves: null,
    key: randomUUID(),
    time: T0.toISOString(),
    runUrl: 'https://github.com/acme/hello/actions/runs/7/attempts/1',
    actor: 'release-bot',
    sealedBy: { repository: 'acme/hello', commit: 'a'.repeat(40), runUrl: 'https://github.com/acme/hello/actions/runs/5/attempts/1' },
    previousDigest: null,
    reason: null,
    environmentUrl: null,
    artifact: null,
    ...fields
  }
}

/** The same without the time, which the ledger stamps. */
export function newRecord(fields: Parameters<typeof record>[0]): NewRecord {
  return Object.fromEntries(Object.entries(record(fields)).filter(([key]) => key !== 'time')) as NewRecord
}

export function entry(id: number, fields: Parameters<typeof record>[0]): LedgerEntry {
  return { ...record(fields), id: String(id), url: null }
}

export function span(d: Digest, environment: string, from: string, until: string | null = null): LiveSpan {
  return { digest: d, environment, from, until, recordId: '1' }
}
