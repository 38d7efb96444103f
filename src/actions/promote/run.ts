import * as core from '../runner-io.js'
import * as path from 'node:path'
import { loadPolicy } from '../../app/settings/load-policy.js'
import { openLedger } from '../../app/ledger/open-ledger.js'
import { ownService, pipelineStatus } from '../../app/ledger/pipeline-status.js'
import { contractsKnown } from '../../app/promote/contract-plan.js'
import { promoteDigest } from '../../app/promote/promote-digest.js'
import { vetoDigest } from '../../app/promote/veto.js'
import type { PromoteResult } from '../../app/promote/types.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../../core/promotion/record.js'
import { formatDuration } from '../../core/promotion/duration.js'
import {
  requesterFromEnv,
  runnerTempDir,
  workspaceDir
} from '../../app/settings/runner-environment.js'
import { code, plain } from '../../report/markdown.js'
import { describeProgress } from '../../report/progress.js'
import {
  renderApprovalMarkdown,
  renderPromotionMarkdown,
  renderVetoMarkdown
} from '../../report/promotion-markdown.js'
import { headline } from '../../report/promotion-report.js'
import { PromoteInput, PromoteOutput, PromoteState } from '../../app/settings/names.js'
import { reportFailure } from '../report-failure.js'
import { annotateMismatches } from '../annotations.js'
import { reportResolution } from './report-resolution.js'
import { type PromoteSettings, readPromoteSettings } from './settings.js'
import type { EnvironmentStatus } from '../../app/ledger/types.js'
import { type PromotionPolicy, findEnvironment } from '../../core/promotion/policy.js'
import { quote } from '../../core/errors.js'
import { signerOutput } from '../signer-output.js'
import { prepareSigning } from '../../app/signature/signing.js'
import { checkpointSigning } from '../../app/ledger/ledger-checkpoint.js'
import { approveAmendment } from '../../app/contract/approve-amendment.js'
import { type Env, serverUrlOf } from '../../core/env.js'
import { promoteRequest } from '../../app/promote/request.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'

/**
 * The promote action: verify the bytes, let the policy decide, record the decision in the
 * ledger as pending. The post step (post.ts) confirms the deployment when the job succeeds;
 * with `confirm: <record-id>` this step confirms an earlier promotion instead.
 */
export async function run(env: Env = process.env): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readPromoteSettings((name) => core.getInput(name), env, workspace)
    const access = {
      token: settings.token,
      ledgerInput: PromoteInput.Ledger,
      tokenInput: PromoteInput.GitHubToken,
      forWriting: !settings.dryRun,
      create: false
    }
    const requester = requesterFromEnv(env)
    if (settings.confirm.kind === 'record') {
      const ledger = await openLedger(
        settings.ledger,
        { ...access, signing: await checkpointSigning(settings.ledger, settings.signing, env) },
        env
      )
      const { id, outcome } = settings.confirm
      const reason =
        outcome === 'failed'
          ? `the deployment failed (${PromoteInput.Confirm}: failure:${id})`
          : null
      const entry = await ledger.resolve({
        id,
        outcome,
        reason,
        environment: settings.environment,
        ...requester
      })
      await reportResolution(entry, outcome, ledger.location, env.GITHUB_STEP_SUMMARY !== undefined)
      return
    }
    const policy = loadPolicy(settings.policyFile, PromoteInput.Policy, workspace)
    const signing = settings.dryRun
      ? ({ kind: 'none', notice: null } as const)
      : await prepareSigning(settings.signing, env)
    const ledger = await openLedger(settings.ledger, { ...access, signing }, env)
    const options = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
    const attest =
      // Loaded only when records are signed, as the contract code below only for an approval.
      signing.kind === 'none'
        ? undefined
        : (await import('../../app/promote/attest-record.js')).recordAttester(signing, {
            ledger: settings.ledger,
            policy,
            env,
            token: settings.token,
            tokenInput: PromoteInput.GitHubToken
          })

    if (settings.veto !== null) {
      if (settings.digest === 'previous' || settings.digest === null)
        throw new Error(
          'unreachable: settings refuse a veto of "previous" or of what another environment runs'
        )
      if (findEnvironment(policy, settings.environment) === undefined) {
        core.warning(
          `${PromoteInput.Environment}: ${quote(settings.environment)} is not in the policy; the veto applies to ` +
            'every environment all the same.'
        )
      }
      const record = await vetoDigest(
        {
          digest: settings.digest,
          environment: settings.environment,
          reason: settings.veto,
          name: settings.name,
          requester,
          ...(attest ? { attest } : {})
        },
        ledger,
        options
      )
      core.info(
        `Vetoed ${settings.digest} in ${ledger.location} (record ${record.id}): ${settings.veto}. No ` +
          'environment accepts it now.'
      )
      if (env.GITHUB_STEP_SUMMARY) {
        await core.summary
          .addRaw(renderVetoMarkdown(record, ledger.location, serverUrlOf(env)))
          .write()
      }
      core.setOutput(PromoteOutput.Promoted, 'false')
      core.setOutput(PromoteOutput.Digest, settings.digest)
      core.setOutput(PromoteOutput.RecordId, record.id)
      core.setOutput(PromoteOutput.RecordUrl, record.url ?? '')
      core.setOutput(PromoteOutput.AttestationId, record.attestation?.id ?? '')
      core.setOutput(PromoteOutput.AttestationUrl, record.attestation?.uri ?? '')
      return
    }

    const source = settings.source
    const checksumsFile =
      source?.kind === 'local' || source?.kind === 'image' ? source.checksumsFile : null
    if (settings.approveAmendment !== null) {
      if (settings.digest === 'previous' || settings.digest === null)
        throw new Error(
          'unreachable: settings refuse an approval of "previous" or of what another environment runs'
        )
      const record = await approveAmendment(
        {
          digest: settings.digest,
          environment: settings.environment,
          reason: settings.approveAmendment,
          sealedContract: (
            await import('../../app/promote/contract-sources.js')
          ).sealedContractBeside(checksumsFile ?? settings.sealListing),
          name: settings.name,
          policy,
          requester,
          inputs: {
            from: PromoteInput.ApproveAmendment,
            to: PromoteInput.ChecksumsPath,
            toGives: "the seal bundle's listing, with its contract manifest beside it",
            digest: PromoteInput.ExpectedDigest,
            name: PromoteInput.SubjectName
          }
        },
        ledger,
        options
      )
      core.info(
        `Approved the contract amendment ${record.approves?.from ?? 'none'} → ${record.approves?.to} of ${settings.environment} for ${settings.digest} (record ${record.id}): ${settings.approveAmendment}.`
      )
      if (env.GITHUB_STEP_SUMMARY)
        await core.summary
          .addRaw(renderApprovalMarkdown(record, ledger.location, serverUrlOf(env)))
          .write()
      core.setOutput(PromoteOutput.Promoted, 'false')
      core.setOutput(PromoteOutput.Digest, settings.digest)
      core.setOutput(PromoteOutput.RecordId, record.id)
      core.setOutput(PromoteOutput.RecordUrl, record.url ?? '')
      return
    }
    // The environment's address is the policy's to say, as every other fact about the environment.
    const environmentUrl = findEnvironment(policy, settings.environment)?.url ?? null
    const imageRegistry = sharedImageRegistry(settings, env)
    const signedRecords = new Map<string, string>()
    const request = promoteRequest(
      { ...settings, environmentUrl, contractBaseline: null },
      policy,
      settings.ledger,
      signing,
      {
        env,
        baseDir: workspace,
        downloadsDir: path.join(runnerTempDir(env), 'artifact-seal', 'downloads'),
        names: {
          environment: PromoteInput.Environment,
          digest: PromoteInput.ExpectedDigest,
          name: PromoteInput.SubjectName,
          checksums: PromoteInput.ChecksumsPath,
          artifactName: PromoteInput.Name,
          // The action has no baseline input: the CLI's flag gives the live digest's seal bundle
          // when nothing else has it.
          contractBaseline: 'artifact-seal promote --contract-baseline',
          token: PromoteInput.GitHubToken,
          from: PromoteInput.From,
          wait: PromoteInput.Wait
        },
        asFlags: false,
        downloads: true,
        log: (message) => core.info(message),
        warn: (message) => core.warning(message),
        onProgress: (p) => core.info(describeProgress(p)),
        onRecordSigned: (record, json) => signedRecords.set(record.key, json),
        imageRegistry
      }
    )
    const result: PromoteResult = await promoteDigest(request, policy, ledger, options)
    const { decision } = result
    if (result.from)
      core.info(
        `${PromoteInput.From}: ${settings.from} runs ${result.from.digest} (live there since ${result.from.from}); that is the digest promoted.`
      )
    // Said only where the claim disagrees with the service something proven picked (a pinned
    // service names every artifact's).
    if (
      (result.claimedName ?? null) !== null &&
      result.service !== null &&
      result.service !== result.claimedName &&
      (policy.service ?? null) === null
    ) {
      core.info(
        `The seal's unsigned statement claims the name ${JSON.stringify(result.claimedName)}: a claim, not ` +
          `proven, so it did not pick the service (give ${PromoteInput.SubjectName} or sign ` +
          'the seal).'
      )
    }
    if ((result.waitedMs ?? 0) > 0)
      core.info(`Waited ${formatDuration(result.waitedMs as number)} for the soak before deciding.`)
    // The image rule is the deployment itself: done once the gate allowed and the record is pending.
    const imageRule = findEnvironment(policy, settings.environment)?.image
    let moved: { imageRef: string } | null = null
    // What push-to-registry did with the signed record, for the summary.
    let recordLine: string | null = null
    if (
      decision.allowed &&
      !settings.dryRun &&
      settings.source?.kind === 'image' &&
      result.digest !== null &&
      result.record !== null &&
      (imageRule !== undefined || settings.pushToRegistry)
    ) {
      const { finishImagePromotion } = await import('../../app/promote/image-promotion.js')
      const image = await finishImagePromotion(
        {
          reference: settings.source.reference,
          digest: result.digest,
          environment: settings.environment,
          rule: imageRule,
          pushToRegistry: settings.pushToRegistry,
          signedRecord: signedRecords.get(result.record.key) ?? null,
          signedRecordUri: result.record.attestation?.uri ?? null,
          pushInput: PromoteInput.PushToRegistry
        },
        await imageRegistry()
      )
      for (const line of image.done) core.info(line)
      if (image.recordNotAttached !== null) core.warning(image.recordNotAttached)
      moved = image
      recordLine =
        image.recordNotAttached !== null
          ? // The reason quotes the registry's own words: written as text, never as markdown.
            `**Signed record not attached to the image:** ${plain(image.recordNotAttached)}`
          : image.recordAttached === null
            ? null
            : `Signed record attached to the image as ${code(image.recordAttached.manifest)} (${image.recordAttached.via === 'referrers-api' ? 'referrers API' : `fallback tag ${code(image.recordAttached.tag ?? '')}`}).`
    }
    for (const check of decision.checks)
      core.info(`${check.passed ? '✓' : '✗'} ${check.rule} (${check.environment}): ${check.detail}`)
    if (result.verification && !result.verification.verified)
      annotateMismatches(result.verification.mismatches)

    const report = {
      result,
      policy,
      status: await imageTags(
        await pipelineStatus(policy, ledger, {
          knownContracts: contractsKnown(result.digest, result.contract),
          ...ownService(policy, result.service)
        }),
        policy,
        imageRegistry
      ),
      ledger: ledger.location,
      name: result.name,
      dryRun: settings.dryRun,
      serverUrl: serverUrlOf(env),
      ...(moved === null ? {} : { imageRef: moved.imageRef })
    }
    if (env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(renderPromotionMarkdown(report)).write()
      if (recordLine !== null) await core.summary.addRaw(`\n${recordLine}\n`).write()
      if ((result.waitedMs ?? 0) > 0)
        await core.summary
          .addRaw(
            `\nWaited ${formatDuration(result.waitedMs as number)} for the soak before deciding ` +
              `(${PromoteInput.Wait}).\n`
          )
          .write()
    }

    core.setOutput(PromoteOutput.Promoted, String(decision.allowed && !settings.dryRun))
    core.setOutput(PromoteOutput.Digest, result.digest ?? '')
    core.setOutput(PromoteOutput.PreviousDigest, result.previous?.digest ?? '')
    core.setOutput(PromoteOutput.RecordId, result.record?.id ?? '')
    core.setOutput(PromoteOutput.RecordUrl, result.record?.url ?? '')
    core.setOutput(PromoteOutput.Decision, JSON.stringify(decision))
    core.setOutput(PromoteOutput.Path, decision.allowed ? (result.verification?.path ?? '') : '')
    core.setOutput(
      PromoteOutput.Signer,
      result.signature?.status === 'verified' ? signerOutput(result.signature.signer) : ''
    )
    core.setOutput(PromoteOutput.AttestationId, result.record?.attestation?.id ?? '')
    core.setOutput(PromoteOutput.AttestationUrl, result.record?.attestation?.uri ?? '')
    core.setOutput(PromoteOutput.ContractVersion, result.contract?.candidate?.version ?? '')
    core.setOutput(PromoteOutput.ContractDigest, result.contract?.candidate?.digest ?? '')
    const imageRef = moved?.imageRef ?? result.verification?.imageRef ?? null
    core.setOutput(PromoteOutput.ImageRef, decision.allowed && imageRef !== null ? imageRef : '')
    for (const entry of result.abandoned)
      core.warning(
        `Record ${entry.resolves} (${entry.digest}) was never confirmed; marked abandoned: ${entry.reason}`
      )
    if (!decision.allowed) {
      core.setFailed(`${headline(report)}: ${decision.reason}`)
      return
    }
    core.info(headline(report))
    const record = result.record
    if (record === null) return
    if (settings.confirm.kind === 'on-success') {
      // The post step runs only when the job succeeded (post-if: success()), and confirms then.
      core.saveState(PromoteState.Pending, record.id)
      core.info(
        `Record ${record.id} is pending: it becomes ${decision.environment}'s live digest when this job ` +
          'succeeds, and never if it fails or is cancelled.'
      )
    } else {
      core.info(
        `Record ${record.id} is pending until a later step confirms it: a promote step with ` +
          `"${PromoteInput.Confirm}: ${record.id}" (or "failure:${record.id}" when the ` +
          'deployment failed), ' +
          `or "artifact-seal confirm ${record.id} --ledger ${ledger.location}".`
      )
    }
  } catch (error) {
    reportFailure(error)
  }
}

/**
 * Per environment whose policy moves an image by tag, what that tag names now (a registry read only
 * under such a policy).
 */
async function imageTags(
  status: EnvironmentStatus[],
  policy: PromotionPolicy,
  imageRegistry: () => Promise<ImageRegistry>
): Promise<EnvironmentStatus[]> {
  if (!policy.environments.some((e) => e.image !== undefined)) return status
  const { withImageTags } = await import('../../app/image/image-status.js')
  return withImageTags(status, policy, await imageRegistry())
}

/** One registry client for the gate, the image rule, push-to-registry and the tags shown: one login. */
function sharedImageRegistry(settings: PromoteSettings, env: Env): () => Promise<ImageRegistry> {
  let registry: ImageRegistry | null = null
  return async () => {
    if (registry === null) {
      const { openImageRegistry } = await import('../../app/image/open-registry.js')
      registry = openImageRegistry(
        env,
        settings.source?.kind === 'image' ? settings.source.token : settings.token,
        { insecureRegistries: settings.plainHttp }
      )
    }
    return registry
  }
}
