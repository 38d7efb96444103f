import { type Digest, shortDigest } from '../../../core/digest.js'
import { SealError } from '../../../core/errors.js'
import { type NewRecord, type PromotionRecord, serviceOf } from '../../../core/promotion/record.js'
import { decodeRecord } from '../record-codec.js'
import type { ApiDeployment } from './api.js'
import { isRecord } from '../../../core/json-shape.js'

/**
 * How a promotion record is written into a deployment and read back out of one. The task
 * carries the digest (`deploy:<digest>` for a gate decision, pending or refused,
 * `veto:<digest>` for a veto and `approve:<digest>` for an approved contract amendment), because
 * the task is what the list endpoint filters on; the
 * payload carries the record as the writer made it, without its time: the time is the
 * deployment's `created_at`, GitHub's clock, never the writer's.
 */

/** The payload key that marks a deployment as artifact-seal's, and the payload format's number. */
export const PAYLOAD_KEY = 'artifact-seal'
/**
 * 2: the record of the pending model (mode, resolves, key; no time). Format 1 (the record of
 * the model without pending records) was never published, so it is not read.
 */
export const PAYLOAD_FORMAT = 2

const TASK = /^(deploy|veto|approve|observe|drift-ack):(sha256:.*)$/

export type TaskKind = 'deploy' | 'veto' | 'approve' | 'observe' | 'drift-ack'

export const taskFor = (kind: TaskKind, digest: Digest): string => `${kind}:${digest}`

const KINDS: Partial<Record<NewRecord['outcome'], TaskKind>> = {
  vetoed: 'veto',
  approved: 'approve',
  observed: 'observe',
  acknowledged: 'drift-ack'
}

export const kindOf = (record: Pick<NewRecord, 'outcome'>): TaskKind =>
  KINDS[record.outcome] ?? 'deploy'

export function payloadFor(record: NewRecord): Record<string, unknown> {
  // `time` is dropped even if a caller passes a whole record: the deployment's created_at is the time.
  // The service is always written, so the record says which service it belongs to whatever its name.
  const stored: Record<string, unknown> = { ...record, service: serviceOf(record) }
  delete stored.time
  return { [PAYLOAD_KEY]: PAYLOAD_FORMAT, record: stored }
}

/** The outcomes a record of its own (a deployment) holds; the others are statuses of a pending one. */
export const APPENDED: readonly NewRecord['outcome'][] = [
  'pending',
  'refused',
  'vetoed',
  'approved',
  'observed',
  'acknowledged'
]

/** How the ledger's own `inactive` statuses begin, telling them from GitHub's auto_inactive. */
export const REPLACED_PREFIX = 'replaced by '
/**
 * The `failure` the ledger posts on a deployment whose digest was vetoed while it was being
 * confirmed: it voids a `success` posted before it, so the digest never counts as live.
 */
export const VETOED_PREFIX = 'vetoed while being deployed: '
/**
 * The `failure` a confirmation posts on its own deployment when, after posting its `success`,
 * it finds that another confirmation of the same service landed first: it voids that
 * `success` as a veto does, so the digest never counts as live on an amendment nobody judged.
 */
export const LIVE_CHANGED_PREFIX = 'live changed while being confirmed: '
/**
 * The `error` that marks a pending record abandoned. GitHub itself never posts `error` (its
 * auto_inactive posts `inactive`), so an abandonment cannot be mistaken for GitHub's doing.
 */
export const ABANDONED_PREFIX = 'abandoned: '
/** The note a confirmation of the live digest carries: the deployment whose stretch it continues. */
const CONTINUES = /\(continues (\d+)\)$/

/** GitHub's limit for a status description; deployment descriptions are kept to it too. */
export const DESCRIPTION_LIMIT = 140

/** Cuts text to GitHub's 140 characters, marking the cut, never splitting a surrogate pair. */
export function truncate(text: string, limit = DESCRIPTION_LIMIT): string {
  if (text.length <= limit) return text
  let cut = text.slice(0, limit - 1)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut}…`
}

const named = (record: Pick<NewRecord, 'digest' | 'name'>): string =>
  `${shortDigest(record.digest)}${record.name === null ? '' : ` (${record.name})`}`

/** "promoting sha256:0123abcd4567… (shop)": the line the Environments page shows for the deployment. */
export function descriptionFor(record: NewRecord): string {
  const verb =
    record.outcome === 'pending'
      ? record.mode === 'rollback'
        ? 'rolling back to'
        : 'promoting'
      : record.outcome === 'approved'
        ? 'contract amendment approved for'
        : record.outcome === 'observed'
          ? `observed (${record.observation?.verdict ?? 'unknown'}) against`
          : record.outcome === 'acknowledged'
            ? 'drift acknowledged against'
            : record.outcome
  return truncate(`${verb} ${named(record)}`)
}

/** The `success` status that confirms a pending record, noting the stretch it continues, if any. */
export function confirmationFor(record: PromotionRecord, continues: string | null): string {
  const text = `${record.mode === 'rollback' ? 'rolled back to' : 'deployed'} ${named(record)}`
  return continues === null ? truncate(text) : `${truncate(text, 100)} (continues ${continues})`
}

/** The deployment a confirmation's description says it continues, or null. */
export function continuesOf(description: string): string | null {
  return CONTINUES.exec(description)?.[1] ?? null
}

export interface ReadContext {
  readonly repository: string
  readonly location: string
}

/** The SealError for a deployment of ours that cannot be read whole: the ledger is damaged. */
export function damagedDeployment(
  deployment: Pick<ApiDeployment, 'id' | 'environment' | 'task'>,
  context: ReadContext,
  detail: string
): SealError {
  return new SealError(
    'tampered',
    `${context.location}: deployment ${deployment.id} (environment ${JSON.stringify(deployment.environment)}, ` +
      `task ${JSON.stringify(deployment.task)}) ` +
      (`was written by artifact-seal but its record cannot be read: ${detail}. The ledger is damaged, so the ` +
        'promotion is refused (fail closed). ') +
      (`Inspect it with "gh api repos/${context.repository}/deployments/${deployment.id}"; if it is not a real ` +
        'promotion, mark it inactive and delete it.')
  )
}

/**
 * The record a deployment carries, timed by the deployment's `created_at`; null for a
 * deployment artifact-seal did not make (its task is not ours and its payload has no
 * artifact-seal key). One that is ours but cannot be read whole is a SealError: a damaged
 * record never reads as "no record" (fail closed). Resolutions are statuses, never
 * deployments, so a deployment holding one is damaged too.
 */
export function recordOf(deployment: ApiDeployment, context: ReadContext): PromotionRecord | null {
  const task = TASK.exec(deployment.task)
  const payload = payloadObject(deployment.payload)
  const marked = payload !== undefined && PAYLOAD_KEY in payload
  if (task === null && !marked) return null
  const damaged = (detail: string): never => {
    throw damagedDeployment(deployment, context, detail)
  }
  if (!marked) return damaged(`its payload has no ${JSON.stringify(PAYLOAD_KEY)} key`)
  const format = payload[PAYLOAD_KEY]
  if (typeof format === 'number' && format > PAYLOAD_FORMAT) {
    return damaged(
      `its payload is format ${format}, written by a newer artifact-seal; use that version or later to read this ledger`
    )
  }
  if (format !== PAYLOAD_FORMAT)
    return damaged(`its payload format is ${JSON.stringify(format)}, not ${PAYLOAD_FORMAT}`)
  const stored = payload.record
  if (!isRecord(stored)) return damaged('its payload has no record object')
  const record = decodeRecord({ ...stored, time: deployment.createdAt }, damaged)
  if (task === null)
    return damaged(
      'its task is not "deploy:<digest>", "veto:<digest>", "approve:<digest>", "observe:<digest>" or ' +
        '"drift-ack:<digest>"'
    )
  if (task[2] !== record.digest)
    return damaged(`its task names ${task[2]} but its record ${record.digest}`)
  if (task[1] !== kindOf(record))
    return damaged(`a "${task[1]}" task holds a record whose outcome is ${record.outcome}`)
  if (!APPENDED.includes(record.outcome)) {
    return damaged(
      `its record is a ${record.outcome} record; those are statuses of a pending deployment, never deployments ` +
        'of their own'
    )
  }
  // GitHub treats environment names without regard to case.
  if (record.environment.toLowerCase() !== deployment.environment.toLowerCase()) {
    return damaged(
      `it is a deployment to ${JSON.stringify(deployment.environment)} but its record names ${JSON.stringify(record.environment)}`
    )
  }
  return record
}

/** The `key` of the record a deployment's payload holds, without checking anything else. */
export function keyOf(deployment: ApiDeployment): string | undefined {
  const record = payloadObject(deployment.payload)?.record
  if (typeof record !== 'object' || record === null) return undefined
  const key = (record as Record<string, unknown>).key
  return typeof key === 'string' ? key : undefined
}

/** The payload as an object: GitHub returns it as given, an object or a JSON string. */
function payloadObject(payload: unknown): Record<string, unknown> | undefined {
  let value = payload
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown
    } catch {
      return undefined
    }
  }
  return isRecord(value) ? value : undefined
}
