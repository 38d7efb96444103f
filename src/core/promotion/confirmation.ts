import type { Digest } from '../digest.js'
import { quote } from '../errors.js'
import { type LedgerEntry, type LiveSpan, serviceOf } from './record.js'
import { words } from '../vocabulary.js'

/**
 * A confirmation is judged again. The gate let a pending record in against what its service
 * ran in the environment then: the record's previous digest and, when it judged a contract
 * amendment, the contract that digest carries. The confirmation makes the record live only
 * while the service still runs exactly that, or runs the record's own digest already (another
 * record of it was confirmed first); otherwise the amendment that would land is one nobody
 * judged, and the confirmation is recorded as failed with this reason.
 */

/** A word as a shell reads it back: bare when it is plain, else in single quotes. */
function shellWord(text: string): string {
  return /^[A-Za-z0-9._/:@+=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`
}

/** Whether the judgement needs the contract the live record names (read only then: on GitHub it is a request). */
export function needsLiveContract(pending: Pick<LedgerEntry, 'amendment'>): boolean {
  return pending.amendment != null
}

/**
 * Why the confirmation no longer lands on what the gate judged, or null when it does.
 * `liveContract` is the contract digest the live record names (asked for when
 * `needsLiveContract`); `madeLiveBy` names the records that made a span live, for the message.
 */
export function confirmationChanged(
  pending: LedgerEntry,
  live: LiveSpan | null,
  liveContract: Digest | null | undefined,
  madeLiveBy: (span: LiveSpan) => string
): string | null {
  const service = serviceOf(pending)
  const where = `${pending.environment}${service === null ? '' : ` (service ${quote(service)})`}`
  const again =
    `The amendment that would land was never judged, so the deployment is not confirmed. Promote ${pending.digest} again so the gate judges it against what runs now: ` +
    `${words().caller === 'cli' ? 'run' : 're-run the promote step, or run'}: artifact-seal promote ${pending.digest} --environment ${shellWord(pending.environment)}${service === null ? '' : ` --subject-name ${shellWord(service)}`}`
  const compared = pending.previousDigest
  // Another record of the same digest went live meanwhile: the environment runs exactly what this
  // one deploys, so nothing unjudged lands; the confirmation continues that stretch.
  if (live !== null && live.digest === pending.digest) return null
  if ((live?.digest ?? null) !== compared) {
    const now =
      live === null
        ? 'nothing is live there now'
        : `${live.digest} went live there meanwhile (${madeLiveBy(live)}, live from ${live.from})`
    return `${where} no longer runs what the gate compared ${pending.digest} against (${compared ?? 'nothing live'}): ${now}. ${again}.`
  }
  if (live === null || !needsLiveContract(pending)) return null
  if (liveContract === undefined)
    throw new Error(
      'unreachable: a confirmation of a record with an amendment was judged without the live contract'
    )
  const from = pending.amendment?.from?.digest ?? null
  if (liveContract === from) return null
  return `${where} runs ${live.digest} with contract ${liveContract ?? 'none'} now, not the contract ${from ?? 'none'} the gate judged the amendment from (${madeLiveBy(live)}). ${again}.`
}
