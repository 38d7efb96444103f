import { parseDigest } from '../../core/digest.js'
import { SealError } from '../../core/errors.js'
import type { Outcome, PromotionRecord, SealedBy } from '../../core/promotion/record.js'

const OUTCOMES: readonly Outcome[] = ['promoted', 'rolled-back', 'refused', 'vetoed']

/**
 * Reads a record back from storage, checking every field, so a damaged or foreign record
 * is an error (fail closed) and never half a record. `where` names it for the message.
 */
export function decodeRecord(value: unknown, where: string): PromotionRecord {
  const bad = (field: string, detail: string): never => {
    throw new SealError(`${where}: the record's ${field} ${detail}. The ledger is damaged; run "artifact-seal ledger verify" and restore it from a backup.`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return bad('body', 'is not a JSON object')
  const r = value as Record<string, unknown>
  const text = (field: string, nullable: boolean): string | null => {
    const v = r[field]
    if (typeof v === 'string') return v
    if (nullable && (v === null || v === undefined)) return null
    return bad(field, `is ${JSON.stringify(v)}, not ${nullable ? 'text or null' : 'text'}`)
  }
  let digest
  try {
    digest = parseDigest(text('digest', false) as string, `${where}: digest`)
  } catch (e) {
    return bad('digest', (e as Error).message)
  }
  const outcome = text('outcome', false) as Outcome
  if (!OUTCOMES.includes(outcome)) bad('outcome', `${JSON.stringify(outcome)} is not one of ${OUTCOMES.join(', ')}`)
  const time = text('time', false) as string
  if (Number.isNaN(Date.parse(time))) bad('time', `${JSON.stringify(time)} is not a date`)
  const previous = text('previousDigest', true)
  return {
    digest,
    name: text('name', true),
    environment: text('environment', false) as string,
    outcome,
    time,
    runUrl: text('runUrl', true),
    actor: text('actor', true),
    sealedBy: decodeSealedBy(r.sealedBy, bad),
    previousDigest: previous === null ? null : parseDigest(previous, `${where}: previousDigest`),
    reason: text('reason', true),
    environmentUrl: text('environmentUrl', true)
  }
}

function decodeSealedBy(value: unknown, bad: (field: string, detail: string) => never): SealedBy | null {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || Array.isArray(value)) return bad('sealedBy', 'is not an object')
  const v = value as Record<string, unknown>
  const field = (name: string): string | null => {
    const x = v[name]
    if (x === null || x === undefined) return null
    if (typeof x === 'string') return x
    return bad(`sealedBy.${name}`, 'is not text')
  }
  return { repository: field('repository'), commit: field('commit'), runUrl: field('runUrl') }
}
