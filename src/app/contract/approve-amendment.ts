import { randomUUID } from 'node:crypto'
import { SealError, quote } from '../../core/errors.js'
import type { LedgerEntry, NewRecord, Service } from '../../core/promotion/record.js'
import type { Ledger } from '../../stores/ledger/ledger.js'
import { contractOfLive, knownFromHistory } from '../ledger/queries.js'
import { requireEnvironment, serviceFor } from '../../core/promotion/policy.js'
import type { ContractRef } from '../../core/contract/manifest.js'
import type { Digest } from '../../core/digest.js'
import type { RecordOptions } from '../ledger/types.js'
import type { ApprovalRequest } from './types.js'

/**
 * Records that someone approved one breaking amendment of an environment's contract: from
 * the contract it runs to the digest's. One promotion under `breaking: require-approval`
 * may go through on it; the record of that promotion names it, so it is never used twice.
 * An approval of another amendment than the one the environment would make is refused
 * here, since no promotion could ever use it.
 */
export async function approveAmendment(
  request: ApprovalRequest,
  ledger: Ledger,
  options: RecordOptions
): Promise<LedgerEntry> {
  const environmentInput = request.inputs.environment ?? 'environment'
  if (request.policy !== undefined)
    requireEnvironment(
      request.policy,
      request.environment,
      environmentInput,
      ', so no promotion could ever use an approval there; nothing was recorded'
    )
  const known = await knownFromHistory(ledger, request.digest)
  if (request.to !== undefined) contradictedContract(request, request.to, known.contract ?? null)
  const to = request.to ?? request.sealedContract?.digest ?? known.contract?.digest ?? null
  if (to === null) {
    throw new SealError(
      'bad-input',
      `${request.inputs.to}: no record of ${request.digest} names its contract, so the amendment to approve is ` +
        'unknown. ' +
        `Give ${request.inputs.to} (${request.inputs.toGives}), or promote it to an earlier environment first.`
    )
  }
  const name = request.name ?? known.name
  // The service is the name given, else the one the records that let the digest in were of (never a claimed name).
  const given = request.name ?? (known.service === undefined ? null : known.service)
  const service: Service =
    request.policy === undefined ? given : serviceFor(request.policy, given, request.inputs.name)
  const recorded = await ledger.record(
    request.environment,
    async (view) => {
      const span = await view.live(request.environment, service)
      const live = span === null ? null : await contractOfLive(view, span)
      const from = request.from === undefined ? (live?.digest ?? null) : request.from
      if (from !== (live?.digest ?? null)) {
        throw new SealError(
          'bad-input',
          `${request.inputs.from}: ${request.environment} runs ${
            live === null ? 'no contract' : `contract ${live.version} ` + `(${live.digest})`
          } now, not ${from ?? 'none'}; ` +
            (`an approval of another amendment would never be used. Leave ${request.inputs.from} out to approve ` +
              'the amendment from what it runs.')
        )
      }
      if (from === to) {
        throw new SealError(
          'bad-input',
          `${request.inputs.to}: ${request.environment} runs contract ${to} already; there is no amendment to approve.`
        )
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

/**
 * A contract digest given that is not the one the digest carries, as its seal bundle or the
 * records that let it in say: no promotion of the digest would make that amendment, so the
 * approval would never be used.
 */
function contradictedContract(
  request: ApprovalRequest,
  to: Digest,
  recorded: ContractRef | null
): void {
  const known: Array<[string, ContractRef | null | undefined]> = [
    ['its seal bundle says it carries', request.sealedContract],
    ['the records that let it in say it carries', recorded]
  ]
  for (const [where, contract] of known) {
    if (contract == null || contract.digest === to) continue
    throw new SealError(
      'bad-input',
      `${request.inputs.to}: ${to} is not the contract of ${request.digest}: ${where} contract ${quote(contract.version)} (${contract.digest}), so no promotion of it ` +
        'would make this amendment; nothing was recorded. ' +
        (`Leave ${request.inputs.to} out to approve the amendment to the contract it carries, or give the ` +
          `digest of the build that carries ${to}.`)
    )
  }
}
