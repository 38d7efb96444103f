import { randomUUID } from 'node:crypto'
import { SealError } from '../../core/errors.js'
import type { LedgerEntry, NewRecord, Service } from '../../core/promotion/record.js'
import type { Ledger } from '../../stores/ledger/ledger.js'
import { contractOfLive, knownFromHistory } from '../ledger/queries.js'
import { serviceFor } from '../../core/promotion/policy.js'
import type { RecordOptions } from '../ledger/types.js'
import type { ApprovalRequest } from './types.js'

/**
 * Records that someone approved one breaking amendment of an environment's contract: from
 * the contract it runs to the digest's. One promotion under `breaking: require-approval`
 * may go through on it; the record of that promotion names it, so it is never used twice.
 * An approval of another amendment than the one the environment would make is refused
 * here, since no promotion could ever use it.
 */
export async function approveAmendment(request: ApprovalRequest, ledger: Ledger, options: RecordOptions): Promise<LedgerEntry> {
  const known = await knownFromHistory(ledger, request.digest)
  const to = request.to ?? request.sealedContract?.digest ?? known.contract?.digest ?? null
  if (to === null) {
    throw new SealError('bad-input', 
      `${request.inputs.to}: no record of ${request.digest} names its contract, so the amendment to approve is unknown. ` +
        `Give ${request.inputs.to} (${request.inputs.toGives}), or promote it to an earlier environment first.`
    )
  }
  const name = request.name ?? known.name
  const service: Service = request.policy === undefined ? name : serviceFor(request.policy, name, request.inputs.name)
  const recorded = await ledger.record(
    request.environment,
    async (view) => {
      const span = await view.live(request.environment, service)
      const live = span === null ? null : await contractOfLive(view, span)
      const from = request.from === undefined ? (live?.digest ?? null) : request.from
      if (from !== (live?.digest ?? null)) {
        throw new SealError('bad-input', 
          `${request.inputs.from}: ${request.environment} runs ${live === null ? 'no contract' : `contract ${live.version} (${live.digest})`} now, not ${from ?? 'none'}; ` +
            `an approval of another amendment would never be used. Leave ${request.inputs.from} out to approve the amendment from what it runs.`
        )
      }
      if (from === to) {
        throw new SealError('bad-input', `${request.inputs.to}: ${request.environment} runs contract ${to} already; there is no amendment to approve.`)
      }
      // Not signed as a verification summary: an approval is a person's decision, not a check's result.
      const record: NewRecord = {
        digest: request.digest,
        name,
        environment: request.environment,
        service,
        outcome: 'approved',
        mode: null,
        runUrl: request.requester.runUrl,
        actor: request.requester.actor,
        sealedBy: known.sealedBy,
        previousDigest: span?.digest ?? null,
        reason: request.reason,
        environmentUrl: null,
        artifact: known.artifact,
        resolves: null,
        key: randomUUID(),
        approves: { from, to }
      }
      return record
    },
    options.pendingTimeoutMs
  )
  return recorded.entry as LedgerEntry
}
