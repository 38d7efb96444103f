import type { Digest } from '../../../core/digest.js'
import type { LiveSpan } from '../../../core/promotion/record.js'
import type { ApiStatus } from './api.js'
import { REPLACED_PREFIX } from './records.js'

/**
 * The stretches during which one deployment was live, oldest first, from its statuses (as the
 * API lists them, newest first) and their server times: a `success` starts a stretch, and the
 * next status that is not `success` ends it (normally the `inactive` the ledger posts when the
 * next digest goes live; a later failure or error ends it too, which can only shorten a soak).
 * The last stretch is open (`until` null) while the newest status is still `success`.
 *
 * An `inactive` the ledger did not post is passed over: a workflow job that names an
 * `environment:` makes a deployment of its own, and GitHub's auto_inactive then marks the
 * ledger's deployment inactive although the digest still runs. Only artifact-seal's own
 * "replaced by" status says another digest took over.
 */
export function stretchesOf(statuses: readonly ApiStatus[], deploymentId: string, digest: Digest, environment: string): LiveSpan[] {
  const spans: LiveSpan[] = []
  let from: string | null = null
  for (const status of [...statuses].reverse()) {
    if (status.state === 'success') {
      from ??= status.createdAt
    } else if (status.state === 'inactive' && !status.description.startsWith(REPLACED_PREFIX)) {
      continue
    } else if (from !== null) {
      spans.push({ digest, environment, from, until: status.createdAt, recordId: deploymentId })
      from = null
    }
  }
  if (from !== null) spans.push({ digest, environment, from, until: null, recordId: deploymentId })
  return spans
}
