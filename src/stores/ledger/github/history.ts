import type { ApiStatus } from './api.js'
import {
  ABANDONED_PREFIX,
  LIVE_CHANGED_PREFIX,
  REPLACED_PREFIX,
  VETOED_PREFIX,
  continuesOf
} from './records.js'

/** How a pending deployment ended, read from its statuses. */
export interface Resolved {
  readonly outcome: 'deployed' | 'failed' | 'abandoned'
  /** The status that says so: its time is the resolution's time. */
  readonly status: ApiStatus
}

/** What the statuses of one pending deployment say. */
export interface DeploymentHistory {
  /** Null while the record is pending: no status has resolved it yet. */
  readonly resolution: Resolved | null
  /**
   * When the deployment was live: from its `success` until the status that ended it (null while it
   * runs); null if it never was.
   */
  readonly stretch: { readonly from: string; readonly until: string | null } | null
  /** For a confirmation of the digest that was live already: the deployment whose stretch it continues. */
  readonly continues: string | null
}

/** ISO 8601 in UTC, as GitHub writes created_at. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/

/**
 * Reads the statuses of a pending deployment (as the API lists them, newest first) into its
 * resolution and the stretch during which it was live. In the order they were posted:
 *
 * - Until the record is resolved, `in_progress`, `queued`, `pending` and `inactive` change
 *   nothing (GitHub's auto_inactive only touches deployments whose newest status is `success`,
 *   so an `inactive` here is someone else's). The first `success` confirms it and starts its
 *   stretch; the first `failure` fails it; the first `error` abandons it when it says
 *   "abandoned:", and fails it otherwise. Whatever comes after a failure or an abandonment is
 *   passed over: a confirmation that lost the race to it never makes the digest live.
 * - After a `success`: the ledger's "replaced by" `inactive` ends the stretch; a `failure` the
 *   ledger posts because the digest was vetoed while being confirmed, or because another
 *   confirmation of the same service landed first, voids it (the record is failed and the
 *   digest was never live: a veto, and the first confirmation, always win); an "abandoned:" `error` lost
 *   the race to the confirmation and is passed over, as are a repeated `success` (a retried
 *   POST whose first attempt was served) and GitHub's auto_inactive (a job's own
 *   `environment:` deployment, though the digest still runs). Any other `failure` or `error`
 *   ends the stretch: someone said the deployment is broken, which can only shorten a soak.
 *
 * Times must be ISO 8601 and must not go backwards; anything else is `unreadable`, and the
 * caller fails closed.
 */
export function historyOf(
  statuses: readonly ApiStatus[],
  unreadable: (detail: string) => never
): DeploymentHistory {
  const inOrder = [...statuses].reverse()
  let previous = Number.NEGATIVE_INFINITY
  for (const status of inOrder) {
    const time = Date.parse(status.createdAt)
    if (!ISO_TIME.test(status.createdAt) || Number.isNaN(time)) {
      unreadable(
        `its ${status.state} status ${status.id} is dated ${JSON.stringify(status.createdAt)}, not an ISO 8601 UTC time`
      )
    }
    if (time < previous)
      unreadable(
        `its ${status.state} status ${status.id} (${status.createdAt}) is dated before the status posted before it`
      )
    previous = time
  }

  let resolution: Resolved | null = null
  let from: string | null = null
  let until: string | null = null
  let continues: string | null = null
  for (const status of inOrder) {
    if (resolution === null) {
      if (status.state === 'success') {
        resolution = { outcome: 'deployed', status }
        from = status.createdAt
        continues = continuesOf(status.description)
      } else if (status.state === 'failure') {
        resolution = { outcome: 'failed', status }
      } else if (status.state === 'error') {
        resolution = {
          outcome: status.description.startsWith(ABANDONED_PREFIX) ? 'abandoned' : 'failed',
          status
        }
      }
      continue
    }
    if (resolution.outcome !== 'deployed') break
    if (
      status.state === 'failure' &&
      (status.description.startsWith(VETOED_PREFIX) ||
        status.description.startsWith(LIVE_CHANGED_PREFIX))
    ) {
      return { resolution: { outcome: 'failed', status }, stretch: null, continues: null }
    }
    if (until !== null) continue
    if (status.state === 'inactive') {
      if (status.description.startsWith(REPLACED_PREFIX)) until = status.createdAt
    } else if (status.state === 'error' && status.description.startsWith(ABANDONED_PREFIX)) {
      continue
    } else if (status.state === 'failure' || status.state === 'error') {
      until = status.createdAt
    }
  }
  return { resolution, stretch: from === null ? null : { from, until }, continues }
}
