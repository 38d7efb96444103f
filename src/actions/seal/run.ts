import * as core from '../runner-io.js'
import * as path from 'node:path'
import { SealError } from '../../core/errors.js'
import { formatBytes, formatCount } from '../../report/format.js'
import { describeProgress } from '../../report/progress.js'
import { renderSealMarkdown } from '../../report/seal-markdown.js'
import { sealToBundle } from '../../app/seal/seal-to-bundle.js'
import type { BundleFinisher, SealedContract } from '../../app/seal/types.js'
import { SealInput, SealOutput } from '../../app/settings/names.js'
import { buildContextFromEnv, fallbackName, runnerTempDir, workspaceDir } from '../../app/settings/runner-environment.js'
import { reportFailure } from '../report-failure.js'
import { type PartsSubject, type SealSettings, readSealSettings } from './settings.js'
import { mergeSealBundles } from '../../app/seal/merge-bundles.js'
import type { BuildContext } from '../../core/statement.js'
import type { SealedArtifact } from '../../core/seal.js'
import { parseListing } from '../../core/listing.js'
import { type SealBundleLocation, fileSafeName } from '../../stores/evidence/seal-bundle.js'
import type { UploadedArtifact } from '../../stores/evidence/workflow-artifact.js'
import type { StoredAttestation } from '../../attestation/attestations-api.js'
import { verifyStepHints } from './verify-hints.js'
import { prepareSigning, withSigningWorkflow } from '../../app/signature/signing.js'
import type { SignedStatement, Signing } from '../../app/signature/types.js'
import type { SignMode } from '../../app/settings/types.js'
import type { SealSignatureReport } from '../../report/seal-report.js'
import { type Env, serverUrlOf } from '../../core/env.js'

/** The seal action: read inputs, seal, write the bundle, then the summary, then the outputs. */
export async function run(env: Env = process.env): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readSealSettings((name) => core.getInput(name), workspace, env)
    const signing = await prepareSigning(settings.signing, env)
    if (signing.kind === 'none' && signing.notice !== null) core.notice(signing.notice)
    const build = withSigningWorkflow(buildContextFromEnv(env), signing)
    let signed: { statement: SignedStatement; attestation: StoredAttestation | null } | null = null
    let contract: SealedContract | null = null
    // The contract read and recorded, the statement signed and stored in the attestations
    // API, all before anything is written: a refusal leaves nothing behind.
    const finish: BundleFinisher = async (sealed) => {
      let artifact = sealed
      if (settings.contract !== null) {
        const { collectContract, withContractAnnotation } = await import('../../app/seal/seal-contract.js')
        contract = collectContract(artifact, settings.contract)
        artifact = { ...artifact, statement: withContractAnnotation(artifact.statement, contract.manifest) }
      }
      if (signing.kind !== 'none') signed = await signAndStore(signing, settings.signing.mode, artifact, settings.token, env)
      const sealedContract = contract as SealedContract | null
      return {
        artifact,
        extras: {
          signed: (signed as { statement: SignedStatement } | null)?.statement.json ?? null,
          contract: sealedContract === null ? null : { manifestJson: `${JSON.stringify(sealedContract.manifest, null, 2)}\n`, files: sealedContract.files }
        }
      }
    }
    // process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks, a millisecond at start.
    const started = process.hrtime.bigint()
    const defaultParent = path.join(runnerTempDir(env), 'artifact-seal')
    const subject = settings.subject
    const { artifact, bundle } =
      subject.kind === 'parts'
        ? await mergeParts(subject, settings, build, env, workspace, defaultParent, finish)
        : await sealToBundle(
            subject,
            {
              name: settings.name,
              fallbackName: fallbackName(env, workspace),
              build,
              onResolved: (count, root) => core.info(`Sealing ${formatCount(count, 'file')} under ${root}`),
              onProgress: (p) => core.info(describeProgress(p))
            },
            { outputDir: null, defaultParent, inputName: SealInput.SubjectName },
            finish
          )
    const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)
    if (artifact.size !== null) {
      core.info(`Sealed ${formatCount(artifact.fileCount, 'file')} (${formatBytes(artifact.size)}) under ${artifact.root} in ${seconds} s`)
    }
    core.info(`${artifact.name}: ${artifact.digest}`)
    core.info(`Seal bundle: ${bundle.checksumsPath}, ${bundle.statementPath}${bundle.sigstoreBundlePath ? `, ${bundle.sigstoreBundlePath}` : ''}`)
    const done = signed as { statement: SignedStatement; attestation: StoredAttestation | null } | null
    const sealedContract = contract as SealedContract | null
    if (sealedContract !== null) {
      core.info(`Contract ${sealedContract.manifest.version}: ${sealedContract.manifest.digest} (${formatCount(sealedContract.manifest.files.length, 'file')}), in ${bundle.contractPath}`)
    }
    if (done !== null) core.info(`Signed by ${done.statement.signer}${done.attestation ? `; attestation ${done.attestation.url}` : ''}`)
    const signature: SealSignatureReport =
      done === null || bundle.sigstoreBundlePath === null
        ? { signed: false, notice: signing.kind === 'none' ? signing.notice : null }
        : { signed: true, signer: done.statement.signer, kind: done.statement.kind, bundlePath: bundle.sigstoreBundlePath, attestationUrl: done.attestation?.url ?? null }

    const uploaded = settings.upload ? await uploadSealed(settings.upload, artifact, bundle, env) : null
    if (settings.cache) await cacheSealed(artifact, env)

    if (env.GITHUB_STEP_SUMMARY) {
      const hints = verifyStepHints(env, settings, artifact, workspace)
      const verifyArtifactName = uploaded !== null && settings.upload?.files === true ? uploaded.name : null
      await core.summary.addRaw(renderSealMarkdown({ artifact, bundle, build, ...hints, verifyArtifactName, signature, contract: sealedContract?.manifest ?? null })).write()
    } else {
      core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    }

    core.setOutput(SealOutput.Digest, artifact.digest)
    core.setOutput(SealOutput.SubjectName, artifact.name)
    core.setOutput(SealOutput.FileCount, artifact.kind === 'digest' ? '' : String(artifact.fileCount))
    core.setOutput(SealOutput.Size, artifact.size === null ? '' : String(artifact.size))
    core.setOutput(SealOutput.ChecksumsPath, bundle.checksumsPath)
    core.setOutput(SealOutput.StatementPath, bundle.statementPath)
    core.setOutput(SealOutput.SealDir, bundle.dir)
    core.setOutput(SealOutput.ArtifactId, uploaded ? String(uploaded.id) : '')
    core.setOutput(SealOutput.ArtifactUrl, uploaded ? artifactUrl(uploaded, env) : '')
    core.setOutput(SealOutput.ArtifactDigest, uploaded?.digest ?? '')
    core.setOutput(SealOutput.BundlePath, bundle.sigstoreBundlePath ?? '')
    core.setOutput(SealOutput.AttestationId, done?.attestation?.id == null ? '' : String(done.attestation.id))
    core.setOutput(SealOutput.AttestationUrl, done?.attestation?.url ?? '')
    core.setOutput(SealOutput.Signer, done?.statement.signer ?? '')
    core.setOutput(SealOutput.ContractDigest, sealedContract?.manifest.digest ?? '')
    core.setOutput(SealOutput.ContractVersion, sealedContract?.manifest.version ?? '')
  } catch (error) {
    reportFailure(error)
  }
}

/** The workflow artifact's default name: the artifact's, marked as a seal, so it does not clash with an upload-artifact of the build. */
export function defaultArtifactName(artifact: SealedArtifact): string {
  return `${fileSafeName(artifact.name)}-sealed`
}

/** The artifact's page, as upload-artifact's `artifact-url` gives it. */
export function artifactUrl(uploaded: UploadedArtifact, env: Env): string {
  return `${serverUrlOf(env)}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/artifacts/${uploaded.id}`
}

async function uploadSealed(upload: NonNullable<SealSettings['upload']>, artifact: SealedArtifact, bundle: SealBundleLocation, env: Env): Promise<UploadedArtifact> {
  const name = upload.name ?? defaultArtifactName(artifact)
  const files = upload.files && artifact.root !== null ? { root: artifact.root, paths: listedPaths(artifact) } : null
  const { WorkflowArtifactStore } = await import('../../stores/evidence/workflow-artifact.js')
  const uploaded = await new WorkflowArtifactStore({ env }).upload({ name, bundle, files, ...(upload.retentionDays !== null ? { retentionDays: upload.retentionDays } : {}) })
  core.info(`Uploaded the workflow artifact ${name} (id ${uploaded.id}, ${formatBytes(uploaded.size)}${files ? `, the seal bundle and ${formatCount(files.paths.length, 'file')}` : ', the seal bundle'})`)
  return uploaded
}

async function cacheSealed(artifact: SealedArtifact, env: Env): Promise<void> {
  if (artifact.root === null) return
  const { ActionsCacheStore } = await import('../../stores/evidence/actions-cache.js')
  const store = new ActionsCacheStore({ env, inputName: SealInput.Cache, log: { info: (m) => core.info(m), warning: (m) => core.warning(m) } })
  await store.save({ digest: artifact.digest, root: artifact.root, paths: listedPaths(artifact), listing: artifact.listing })
}

function listedPaths(artifact: SealedArtifact): string[] {
  return parseListing(artifact.listing.toString('utf8'), 'the sealed listing').map((e) => e.path)
}

/**
 * Signs the statement; a keyless signature made on GitHub is also stored in the
 * repository's attestations API, where `gh attestation verify` and the Attestations page
 * find it. A keyed one is not: the API takes certificates, not bare keys.
 */
async function signAndStore(signing: Exclude<Signing, { kind: 'none' }>, mode: SignMode, artifact: SealedArtifact, token: string, env: Env) {
  const statement = await signing.sign(artifact.statement)
  if (statement.kind !== 'keyless' || !env.GITHUB_REPOSITORY) return { statement, attestation: null }
  const { storeAttestation } = await import('../../attestation/attestations-api.js')
  try {
    return { statement, attestation: await storeAttestation(statement.bundle, { env, token, tokenInput: SealInput.GitHubToken }) }
  } catch (error) {
    // sign: auto signs whenever the job has an OIDC token, perhaps held for something else:
    // the seal bundle keeps the signature, and the missing permission is a warning.
    if (!(error instanceof SealError) || mode !== 'auto') throw error
    core.warning(`The seal is signed (${statement.signer}), but the signature was not stored in the repository's attestations: ${error.message}`)
    return { statement, attestation: null }
  }
}

/** subject-parts: one release seal over the seal bundles of a matrix's legs, each under its part's name. */
async function mergeParts(
  subject: PartsSubject,
  settings: SealSettings,
  build: BuildContext,
  env: Env,
  workspace: string,
  defaultParent: string,
  finish: BundleFinisher
) {
  const name = settings.name || fallbackName(env, workspace)
  const merged = await mergeSealBundles(subject.parts, {
    name,
    build,
    outputDir: path.join(defaultParent, fileSafeName(name)),
    inputName: SealInput.SubjectParts,
    outputInputName: SealInput.SubjectName,
    expectedDigests: subject.partDigests,
    expectedDigestsInputName: SealInput.SubjectParts,
    finish
  })
  for (const part of merged.parts) core.info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, 'file')})`)
  return merged
}
