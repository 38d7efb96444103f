import * as core from '@actions/core'
import * as path from 'node:path'
import { loadPolicy } from '../../app/load-policy.js'
import { openLedger } from '../../app/open-ledger.js'
import { pipelineStatus } from '../../app/pipeline-status.js'
import { type PromoteResult, promoteDigest, vetoDigest } from '../../app/promote-digest.js'
import { buildContextFromEnv, fallbackName, requesterFromEnv, runnerTempDir, workspaceDir } from '../../app/runner-environment.js'
import { sealInfoBesideListing } from '../../app/sealed-by.js'
import { type FetchContext, fetchAndCheckBytes } from '../../app/fetch-bytes.js'
import { describeProgress } from '../../report/progress.js'
import { renderPromotionMarkdown, renderVetoMarkdown } from '../../report/promotion-markdown.js'
import { headline } from '../../report/promotion-report.js'
import { PromoteInput, PromoteOutput } from '../constants.js'
import { reportFailure } from '../report-failure.js'
import { annotateMismatches } from '../verify/run.js'
import { readPromoteSettings } from './settings.js'

/** The promote action: verify the bytes, let the policy decide, record the decision in the ledger. */
export async function run(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readPromoteSettings((name) => core.getInput(name), env, workspace)
    const policy = loadPolicy(settings.policyFile, PromoteInput.Policy, workspace)
    const ledger = await openLedger(settings.ledger, { token: settings.token, ledgerInput: PromoteInput.Ledger, tokenInput: PromoteInput.GitHubToken, forWriting: !settings.dryRun }, env)
    const requester = requesterFromEnv(env)

    if (settings.veto !== null) {
      if (settings.digest === 'previous') throw new Error('unreachable: settings refuse a veto of "previous"')
      if (!policy.environments.some((e) => e.name === settings.environment)) {
        core.warning(`${PromoteInput.Environment}: ${settings.environment} is not in the policy; the veto applies to every environment all the same.`)
      }
      const record = await vetoDigest({ digest: settings.digest, environment: settings.environment, reason: settings.veto, name: settings.name, requester }, ledger, now)
      core.info(`Vetoed ${settings.digest} in ${ledger.location} (record ${record.id}): ${settings.veto}. No environment accepts it now.`)
      if (settings.summary && env.GITHUB_STEP_SUMMARY) {
        await core.summary.addRaw(renderVetoMarkdown(record, ledger.location)).write()
      }
      core.setOutput(PromoteOutput.Promoted, 'false')
      core.setOutput(PromoteOutput.Digest, settings.digest)
      core.setOutput(PromoteOutput.RecordId, record.id)
      core.setOutput(PromoteOutput.RecordUrl, record.url ?? '')
      return
    }

    const source = settings.source
    const checksumsFile = source?.kind === 'local' ? source.checksumsFile : null
    const sealed = settings.digest === 'previous' ? null : sealInfoBesideListing(checksumsFile, settings.digest)
    const fetchContext: FetchContext = {
      env,
      downloadsDir: path.join(runnerTempDir(env), 'artifact-seal', 'downloads'),
      seal: { fallbackName: fallbackName(env, workspace), build: buildContextFromEnv(env), onProgress: (p) => core.info(describeProgress(p)) },
      inputs: { expected: PromoteInput.ExpectedDigest, checksums: PromoteInput.ChecksumsPath, artifactName: PromoteInput.ArtifactName },
      log: (message) => core.info(message)
    }
    const result: PromoteResult = await promoteDigest(
      {
        environment: settings.environment,
        digest: settings.digest,
        rollback: settings.rollback,
        dryRun: settings.dryRun,
        name: settings.name ?? sealed?.name ?? null,
        environmentUrl: settings.environmentUrl,
        sealedBy: sealed?.sealedBy ?? null,
        requester,
        inputs: { environment: PromoteInput.Environment, digest: PromoteInput.ExpectedDigest },
        artifact: null,
        ...(source ? { verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext) } : {})
      },
      policy,
      ledger,
      now
    )
    const { decision } = result
    for (const check of decision.checks) core.info(`${check.passed ? '✓' : '✗'} ${check.rule} (${check.environment}): ${check.detail}`)
    if (result.verification && !result.verification.verified) annotateMismatches(result.verification.mismatches)

    const report = { result, policy, status: await pipelineStatus(policy, ledger), ledger: ledger.location, name: result.name, dryRun: settings.dryRun }
    if (settings.summary && env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderPromotionMarkdown(report)).write()

    core.setOutput(PromoteOutput.Promoted, String(decision.allowed && !settings.dryRun))
    core.setOutput(PromoteOutput.Digest, result.digest ?? '')
    core.setOutput(PromoteOutput.PreviousDigest, result.previous?.digest ?? '')
    core.setOutput(PromoteOutput.RecordId, result.record?.id ?? '')
    core.setOutput(PromoteOutput.RecordUrl, result.record?.url ?? '')
    core.setOutput(PromoteOutput.Decision, JSON.stringify(decision))
    core.setOutput(PromoteOutput.Path, decision.allowed ? (result.verification?.path ?? '') : '')
    if (decision.allowed) core.info(headline(report))
    else core.setFailed(`${headline(report)}: ${decision.reason}`)
  } catch (error) {
    reportFailure(error)
  }
}
