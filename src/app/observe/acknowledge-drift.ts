import { randomUUID } from 'node:crypto'
import { SealError, quote } from '../../core/errors.js'
import { driftStateOf } from '../../core/observe/drift-state.js'
import {
  DEFAULT_PENDING_TIMEOUT_MS,
  type LedgerEntry,
  type Service,
  describeService
} from '../../core/promotion/record.js'
import type { Ledger } from '../../stores/ledger/ledger.js'
import { artifactOf } from '../ledger/queries.js'
import type { Requester } from '../ledger/types.js'

export interface AcknowledgeRequest {
  readonly environment: string
  /** The service whose drift it is; null: the one deployed there last. */
  readonly service: Service | undefined
  readonly reason: string
  readonly requester: Requester
}

/**
 * Records that someone accepted an environment's drift, with why: under `drift: block` the
 * environment is a valid `requires` again and its soak counts, until the next drift. Only a
 * drift the ledger shows can be acknowledged: an acknowledgement never stands in advance for
 * one nobody has seen.
 */
export async function acknowledgeDrift(
  request: AcknowledgeRequest,
  ledger: Ledger
): Promise<{ readonly entry: LedgerEntry; readonly since: LedgerEntry }> {
  const { environment } = request
  const service =
    request.service !== undefined
      ? request.service
      : ((await ledger.newest(environment))?.service ?? null)
  let since: LedgerEntry | null = null
  const recorded = await ledger.record(
    environment,
    async (view) => {
      const state = await driftStateOf(view.entries({ environment, service }), service)
      if (!state.drifted || state.since === null) {
        throw new SealError(
          'bad-input',
          `--environment: ${quote(environment)} (${describeService(service)}) has no drift to acknowledge: ${state.last === null ? 'it was never observed' : `its last observation (record ${state.last.id}, ${state.last.time}) ${state.last.outcome === 'acknowledged' ? 'is an acknowledgement already' : 'matches'}`}. ` +
            'Run artifact-seal observe --record first, or check --environment and --service.'
        )
      }
      since = state.since
      const live = await view.live(environment, service)
      return {
        digest: live?.digest ?? state.since.digest,
        name: service,
        environment,
        service,
        outcome: 'acknowledged',
        mode: null,
        runUrl: request.requester.runUrl,
        actor: request.requester.actor,
        sealedBy: null,
        previousDigest: null,
        reason: request.reason,
        environmentUrl: null,
        artifact: await artifactOf(view, live?.digest ?? state.since.digest),
        resolves: null,
        key: randomUUID()
      }
    },
    DEFAULT_PENDING_TIMEOUT_MS
  )
  return { entry: recorded.entry as LedgerEntry, since: since as unknown as LedgerEntry }
}
