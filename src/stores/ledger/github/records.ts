import { type Digest, shortDigest } from '../../../core/digest.js'
import { SealError } from '../../../core/errors.js'
import type { Outcome, PromotionRecord } from '../../../core/promotion/record.js'
import { decodeRecord } from '../record-codec.js'
import type { ApiDeployment } from './api.js'

/**
 * How a promotion record is written into a deployment and read back out of one. The task
 * carries the digest (`deploy:<digest>` for what an environment received or was refused,
 * `veto:<digest>` for a veto), because the task is what the list endpoint filters on; the
 * payload carries the whole record.
 */

/** The payload key that marks a deployment as artifact-seal's, and the payload format's number. */
export const PAYLOAD_KEY = 'artifact-seal'
export const PAYLOAD_FORMAT = 1

const TASK = /^(deploy|veto):(sha256:.*)$/

export type TaskKind = 'deploy' | 'veto'

export const taskFor = (kind: TaskKind, digest: Digest): string => `${kind}:${digest}`

export const kindOf = (record: PromotionRecord): TaskKind => (record.outcome === 'vetoed' ? 'veto' : 'deploy')

export function payloadFor(record: PromotionRecord): Record<string, unknown> {
  return { [PAYLOAD_KEY]: PAYLOAD_FORMAT, record }
}

/** How the ledger's own `inactive` statuses begin, telling them from GitHub's auto_inactive. */
export const REPLACED_PREFIX = 'replaced by '

/** GitHub's limit for a status description; deployment descriptions are kept to it too. */
export const DESCRIPTION_LIMIT = 140

/** Cuts text to GitHub's 140 characters, marking the cut, never splitting a surrogate pair. */
export function truncate(text: string, limit = DESCRIPTION_LIMIT): string {
  if (text.length <= limit) return text
  let cut = text.slice(0, limit - 1)
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${cut}…`
}


const VERBS: Record<Outcome, string> = { promoted: 'promoted', 'rolled-back': 'rolled back to', refused: 'refused', vetoed: 'vetoed' }

/** "promoted sha256:0123abcd4567… (shop)": the line the Environments page shows. */
export function descriptionFor(record: PromotionRecord): string {
  const name = record.name === null ? '' : ` (${record.name})`
  return truncate(`${VERBS[record.outcome]} ${shortDigest(record.digest)}${name}`)
}

export interface ReadContext {
  readonly repository: string
  readonly location: string
}

/**
 * The record a deployment carries; null for a deployment artifact-seal did not make (its
 * task is not ours and its payload has no artifact-seal key). One that is ours but cannot be
 * read whole is a SealError: a damaged record never reads as "no record" (fail closed).
 */
export function recordOf(deployment: ApiDeployment, context: ReadContext): PromotionRecord | null {
  const task = TASK.exec(deployment.task)
  const payload = payloadObject(deployment.payload)
  const marked = payload !== undefined && PAYLOAD_KEY in payload
  if (task === null && !marked) return null
  const damaged = (detail: string): never => {
    throw new SealError(
      `${context.location}: deployment ${deployment.id} (environment ${JSON.stringify(deployment.environment)}, task ${JSON.stringify(deployment.task)}) ` +
        `was written by artifact-seal but its record cannot be read: ${detail}. The ledger is damaged, so the promotion is refused (fail closed). ` +
        `Inspect it with "gh api repos/${context.repository}/deployments/${deployment.id}"; if it is not a real promotion, mark it inactive and delete it.`
    )
  }
  if (!marked) return damaged(`its payload has no ${JSON.stringify(PAYLOAD_KEY)} key`)
  const format = payload[PAYLOAD_KEY]
  if (typeof format === 'number' && format > PAYLOAD_FORMAT) {
    return damaged(`its payload is format ${format}, written by a newer artifact-seal; use that version or later to read this ledger`)
  }
  if (format !== PAYLOAD_FORMAT) return damaged(`its payload format is ${JSON.stringify(format)}, not ${PAYLOAD_FORMAT}`)
  const record = decodeRecord(payload.record, damaged)
  if (task === null) return damaged(`its task is not "deploy:<digest>" or "veto:<digest>"`)
  if (task[2] !== record.digest) return damaged(`its task names ${task[2]} but its record ${record.digest}`)
  if ((task[1] === 'veto') !== (record.outcome === 'vetoed')) return damaged(`a "${task[1]}" task holds a record whose outcome is ${record.outcome}`)
  // GitHub treats environment names without regard to case.
  if (record.environment.toLowerCase() !== deployment.environment.toLowerCase()) {
    return damaged(`it is a deployment to ${JSON.stringify(deployment.environment)} but its record names ${JSON.stringify(record.environment)}`)
  }
  return record
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
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}
