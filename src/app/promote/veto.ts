import { randomUUID } from 'node:crypto'
import type { Digest } from '../../core/digest.js'
import type { AttestationRef, LedgerEntry, NewRecord } from '../../core/promotion/record.js'
import type { Ledger } from '../../stores/ledger/ledger.js'
import { knownFromHistory } from '../ledger/queries.js'
import type { RecordOptions, Requester } from '../ledger/types.js'

/** Mark a digest bad: from now on no environment accepts it and rollbacks skip it. */
export async function vetoDigest(
  request: {
    readonly digest: Digest
    readonly environment: string
    readonly reason: string
    readonly name: string | null
    readonly requester: Requester
    /** Signs the veto record as a verification summary (FAILED) and stores it, so the record links it. */
    readonly attest?: (
      record: NewRecord,
      decision: null,
      signature: null
    ) => Promise<AttestationRef>
  },
  ledger: Ledger,
  options: RecordOptions
): Promise<LedgerEntry> {
  const known = await knownFromHistory(ledger, request.digest)
  // A veto holds for the digest everywhere; its service is only what the record says it was of:
  // the name given, else the service the records that let the digest in were of.
  const name = request.name ?? known.name
  const service = request.name ?? (known.service === undefined ? null : known.service)
  const recorded = await ledger.record(
    request.environment,
    async (view) =>
      withAttestation(request.attest, {
        digest: request.digest,
        name,
        environment: request.environment,
        service,
        outcome: 'vetoed',
        mode: null,
        runUrl: request.requester.runUrl,
        actor: request.requester.actor,
        sealedBy: known.sealedBy,
        previousDigest: (await view.live(request.environment, service))?.digest ?? null,
        reason: request.reason,
        environmentUrl: null,
        artifact: known.artifact,
        resolves: null,
        key: randomUUID()
      }),
    options.pendingTimeoutMs
  )
  return recorded.entry as LedgerEntry
}

async function withAttestation(
  attest:
    ((record: NewRecord, decision: null, signature: null) => Promise<AttestationRef>) | undefined,
  record: NewRecord
): Promise<NewRecord> {
  return attest ? { ...record, attestation: await attest(record, null, null) } : record
}
