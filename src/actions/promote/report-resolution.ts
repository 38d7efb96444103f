import * as core from '../runner-io.js'
import { type LedgerEntry, makesLive } from '../../core/promotion/record.js'
import { renderResolutionMarkdown } from '../../report/promotion-markdown.js'
import { resolutionHeadline } from '../../report/promotion-report.js'
import { serverUrlOf } from '../../core/env.js'
import { PromoteOutput } from '../../app/settings/names.js'

/**
 * Says how a pending record ended, in the log, the summary and the outputs. A confirmation
 * the ledger turned into a failure (the digest was vetoed meanwhile) fails the step.
 */
export async function reportResolution(
  entry: LedgerEntry,
  asked: 'confirmed' | 'failed',
  ledger: string,
  summary: boolean
): Promise<void> {
  const line = resolutionHeadline(entry)
  if (summary)
    await core.summary
      .addRaw(renderResolutionMarkdown(entry, ledger, serverUrlOf(process.env)))
      .write()
  core.setOutput(PromoteOutput.Promoted, String(makesLive(entry.outcome)))
  core.setOutput(PromoteOutput.Digest, entry.digest)
  core.setOutput(PromoteOutput.RecordId, entry.id)
  core.setOutput(PromoteOutput.RecordUrl, entry.url ?? '')
  if (asked === 'confirmed' && !makesLive(entry.outcome))
    core.setFailed(`${line}: ${entry.reason ?? ''}`)
  else core.info(line)
}
