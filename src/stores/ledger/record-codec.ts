import { type Digest, parseDigest } from '../../core/digest.js'
import type { ContractRef } from '../../core/contract/manifest.js'
import {
  type Amendment,
  type ApprovalScope,
  type ArtifactRef,
  type AttestationRef,
  type Mode,
  OBSERVING,
  type ObservationFacts,
  OUTCOMES,
  type Outcome,
  type PromotionRecord,
  RESOLUTIONS,
  type Resolution,
  type SealedBy
} from '../../core/promotion/record.js'
import { isRecord } from '../../core/json-shape.js'

const MODES: readonly Mode[] = ['promote', 'rollback']
/** ISO 8601 in UTC as `Date.prototype.toISOString` writes it: the only form a ledger writes. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/

/**
 * Reads a record back from storage, checking every field, so a damaged or foreign record
 * is an error (fail closed) and never half a record. `damaged` throws the backend's own
 * error, which says where the record is and what to do about it.
 */
export function decodeRecord(value: unknown, damaged: (detail: string) => never): PromotionRecord {
  if (!isRecord(value)) return damaged('the record is not a JSON object')
  const r = value as Record<string, unknown>
  const text = (field: string): string => {
    const v = r[field]
    return typeof v === 'string' && v !== ''
      ? v
      : damaged(`the record's ${field} is ${JSON.stringify(v)}, not text`)
  }
  const maybeText = (
    field: string,
    from: Record<string, unknown> = r,
    prefix = ''
  ): string | null => {
    const v = from[field]
    if (v === null || v === undefined) return null
    return typeof v === 'string'
      ? v
      : damaged(`the record's ${prefix}${field} is ${JSON.stringify(v)}, not text or null`)
  }
  const digest = (field: string, raw: string | null): Digest | null => {
    if (raw === null) return null
    try {
      return parseDigest(raw, field)
    } catch (error) {
      return damaged(`the record's ${(error as Error).message}`)
    }
  }
  const outcome = text('outcome') as Outcome
  if (!OUTCOMES.includes(outcome))
    damaged(`the record's outcome ${JSON.stringify(outcome)} is not one of ${OUTCOMES.join(', ')}`)
  const time = text('time')
  if (!ISO_TIME.test(time) || Number.isNaN(Date.parse(time)))
    damaged(
      `the record's time ${JSON.stringify(time)} is not an ISO 8601 UTC time such as "2026-01-31T12:00:00.000Z"`
    )
  const modeText = maybeText('mode')
  if (modeText !== null && !MODES.includes(modeText as Mode))
    damaged(`the record's mode ${JSON.stringify(modeText)} is not one of ${MODES.join(', ')}`)
  const mode = modeText as Mode | null
  const modeless = outcome === 'vetoed' || outcome === 'approved' || OBSERVING.includes(outcome)
  if ((mode === null) !== modeless)
    damaged(
      `a ${outcome} record ${mode === null ? 'needs a mode (promote or rollback)' : `has the mode ${mode}`}`
    )
  const resolves = maybeText('resolves')
  const resolution = RESOLUTIONS.includes(outcome as Resolution)
  if (resolution !== (resolves !== null))
    damaged(
      resolution
        ? `a ${outcome} record does not say which pending record it resolves`
        : `a ${outcome} record names a pending record it resolves (${JSON.stringify(resolves)})`
    )
  let sealedBy: SealedBy | null = null
  if (r.sealedBy !== null && r.sealedBy !== undefined) {
    if (typeof r.sealedBy !== 'object' || Array.isArray(r.sealedBy))
      return damaged(`the record's sealedBy is not an object`)
    const s = r.sealedBy as Record<string, unknown>
    sealedBy = {
      repository: maybeText('repository', s, 'sealedBy.'),
      commit: maybeText('commit', s, 'sealedBy.'),
      runUrl: maybeText('runUrl', s, 'sealedBy.')
    }
    const signer = maybeText('signer', s, 'sealedBy.')
    if (signer !== null) sealedBy = { ...sealedBy, signer }
  }
  let attestation: AttestationRef | null = null
  if (r.attestation !== null && r.attestation !== undefined) {
    if (typeof r.attestation !== 'object' || Array.isArray(r.attestation))
      return damaged(`the record's attestation is not an object`)
    const a = r.attestation as Record<string, unknown>
    const uri = maybeText('uri', a, 'attestation.')
    const bundleDigest = digest('attestation.digest', maybeText('digest', a, 'attestation.'))
    if (uri === null || bundleDigest === null)
      return damaged(`the record's attestation lacks its uri or digest`)
    attestation = { uri, digest: bundleDigest, id: maybeText('id', a, 'attestation.') }
  }
  let artifact: ArtifactRef | null = null
  if (r.artifact !== null && r.artifact !== undefined) {
    if (typeof r.artifact !== 'object' || Array.isArray(r.artifact))
      return damaged(`the record's artifact is not an object`)
    const a = r.artifact as Record<string, unknown>
    const name = maybeText('name', a, 'artifact.')
    const runId = maybeText('runId', a, 'artifact.')
    if (name === null || runId === null)
      return damaged(`the record's artifact lacks its name or runId`)
    artifact = { name, runId }
  }
  const object = (
    field: string,
    from: Record<string, unknown> = r,
    prefix = ''
  ): Record<string, unknown> | null => {
    const v = from[field]
    if (v === null || v === undefined) return null
    return typeof v === 'object' && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : damaged(`the record's ${prefix}${field} is not an object`)
  }
  const contractRef = (
    field: string,
    from: Record<string, unknown>,
    prefix: string
  ): ContractRef | null => {
    const c = object(field, from, prefix)
    if (c === null) return null
    const contractDigest = digest(
      `${prefix}${field}.digest`,
      maybeText('digest', c, `${prefix}${field}.`)
    )
    const version = maybeText('version', c, `${prefix}${field}.`)
    if (contractDigest === null || version === null)
      return damaged(`the record's ${prefix}${field} lacks its digest or version`)
    return { digest: contractDigest, version }
  }
  const contract = contractRef('contract', r, '')
  let amendment: Amendment | null = null
  const a = object('amendment')
  if (a !== null) {
    const count = (field: string): number => {
      const v = a[field]
      return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
        ? v
        : damaged(`the record's amendment.${field} is ${JSON.stringify(v)}, not a count`)
    }
    const rules = a.rules
    if (!Array.isArray(rules) || !rules.every((rule) => typeof rule === 'string'))
      return damaged(`the record's amendment.rules is not a list of rule ids`)
    const approval = maybeText('approval', a, 'amendment.')
    amendment = {
      from: contractRef('from', a, 'amendment.'),
      to: contractRef('to', a, 'amendment.'),
      breaking: count('breaking'),
      dangerous: count('dangerous'),
      compatible: count('compatible'),
      rules: rules as string[],
      ...(approval !== null ? { approval } : {})
    }
  }
  let approves: ApprovalScope | null = null
  const scope = object('approves')
  if (scope !== null) {
    const to = digest('approves.to', maybeText('to', scope, 'approves.'))
    if (to === null) return damaged(`the record's approves lacks the contract digest it approves`)
    approves = { from: digest('approves.from', maybeText('from', scope, 'approves.')), to }
  }
  // A record written before services existed has no service: it belongs to the one its name gives.
  let service: string | null | undefined
  if ('service' in r) {
    service = maybeText('service')
    if (service === '') damaged('the record\'s service is "", not a name or null')
  }
  if ((approves !== null) !== (outcome === 'approved')) {
    damaged(
      outcome === 'approved'
        ? 'an approved record does not say which contract amendment it approves'
        : `a ${outcome} record carries an approval scope`
    )
  }
  const observation = observationOf(object('observation'), outcome, damaged)
  const name = maybeText('name')
  return {
    digest: digest('digest', text('digest')) as Digest,
    name,
    environment: text('environment'),
    service: service === undefined ? name : service,
    outcome,
    mode,
    time,
    runUrl: maybeText('runUrl'),
    actor: maybeText('actor'),
    sealedBy,
    previousDigest: digest('previousDigest', maybeText('previousDigest')),
    reason: maybeText('reason'),
    environmentUrl: maybeText('environmentUrl'),
    artifact,
    resolves,
    key: text('key'),
    ...(attestation !== null ? { attestation } : {}),
    ...(contract !== null ? { contract } : {}),
    ...(amendment !== null ? { amendment } : {}),
    ...(approves !== null ? { approves } : {}),
    ...(observation !== null ? { observation } : {})
  }
}

const VERDICTS: readonly ObservationFacts['verdict'][] = ['matches', 'drifted', 'unknown']

/** An observed record's findings, checked: only an observed record has them, and it must. */
function observationOf(
  o: Record<string, unknown> | null,
  outcome: Outcome,
  damaged: (detail: string) => never
): ObservationFacts | null {
  if ((o !== null) !== (outcome === 'observed'))
    return damaged(
      outcome === 'observed'
        ? 'an observed record does not say what was observed'
        : `a ${outcome} record carries an observation`
    )
  if (o === null) return null
  const verdict = o.verdict as ObservationFacts['verdict']
  if (!VERDICTS.includes(verdict))
    return damaged(
      `the record's observation.verdict ${JSON.stringify(o.verdict)} is not one of ${VERDICTS.join(', ')}`
    )
  const observed = o.observed
  if (observed !== null && typeof observed !== 'string')
    return damaged(
      `the record's observation.observed is ${JSON.stringify(observed)}, not text or null`
    )
  const texts = (field: string): string[] => {
    const v = o[field]
    return Array.isArray(v) && v.every((x) => typeof x === 'string')
      ? (v as string[])
      : damaged(`the record's observation.${field} is not a list of text`)
  }
  return { verdict, observed, probes: texts('probes'), rules: texts('rules') }
}
