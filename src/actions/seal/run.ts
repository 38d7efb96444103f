import * as core from '../runner-io.js'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import { formatBytes, formatCount } from '../../report/format.js'
import { describeProgress } from '../../report/progress.js'
import { renderSealMarkdown } from '../../report/seal-markdown.js'
import { sealToBundle } from '../../app/seal/seal-to-bundle.js'
import type { BundleFinisher, SealedContract } from '../../app/seal/types.js'
import { SealInput, SealOutput } from '../../app/settings/names.js'
import {
  buildContextFromEnv,
  fallbackName,
  runnerTempDir,
  workspaceDir
} from '../../app/settings/runner-environment.js'
import { reportFailure } from '../report-failure.js'
import { type PartsSubject, type SealSettings, readSealSettings } from './settings.js'
import { mergeSealBundles } from '../../app/seal/merge-bundles.js'
import type { BuildContext } from '../../core/statement.js'
import { type SealedArtifact, startHashPool } from '../../core/seal.js'
import type { HashPool } from '../../core/hashing/hash-files.js'
import { parseListing } from '../../core/listing.js'
import { type SealBundleLocation, fileSafeName } from '../../stores/evidence/seal-bundle.js'
import type { UploadedArtifact } from '../../stores/evidence/workflow-artifact.js'
import type { StoredAttestation } from '../../attestation/attestations-api.js'
import { verifyStepHints } from './verify-hints.js'
import { prepareSigning, withSigningWorkflow } from '../../app/signature/signing.js'
import type { SignedStatement, Signing } from '../../app/signature/types.js'
import type { SignMode } from '../../app/settings/types.js'
import type { SealSignatureReport } from '../../report/seal-report.js'
import type { Env } from '../../core/env.js'
import { serverUrlOf } from '../../core/env.js'
import { type SealedImage, imageRef, withImageAnnotation } from '../../core/image/sealed-image.js'
import { type ImageReference, formatReference } from '../../core/image/reference.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'

/** The seal action: read inputs, seal, write the bundle, then the summary, then the outputs. */
export async function run(env: Env = process.env): Promise<void> {
  let pool: HashPool | null = null
  try {
    const workspace = workspaceDir(env)
    const settings = readSealSettings((name) => core.getInput(name), workspace, env)
    // The hashing workers boot while the steps before the seal run.
    pool = settings.subject.kind === 'paths' ? startHashPool(settings.subject) : null
    const signing = await prepareSigning(settings.signing, env)
    if (signing.kind === 'none' && signing.notice !== null) core.notice(signing.notice)
    if (settings.pushToRegistry && signing.kind === 'none') {
      throw new SealError(
        'bad-input',
        `${SealInput.PushToRegistry}: "true" attaches the signed seal to the image, and this seal is not ` +
          `signed${signing.notice === null ? '' : ` (${signing.notice})`}. ` +
          `Grant the job "permissions: id-token: write" or give ${SealInput.SigningKey}, or remove ${SealInput.PushToRegistry}.`
      )
    }
    const build = withSigningWorkflow(buildContextFromEnv(env), signing)
    // An image is resolved once, its manifest bytes proven, before anything is signed or written.
    let image: { sealed: SealedImage; registry: ImageRegistry } | null = null
    if (settings.subject.kind === 'image')
      image = await resolveSealedImage(
        settings.subject.reference,
        settings.token,
        settings.plainHttp,
        env
      )
    let signed: { statement: SignedStatement; attestation: StoredAttestation | null } | null = null
    let contract: SealedContract | null = null
    // The contract read and recorded, the statement signed and stored in the attestations
    // API, all before anything is written: a refusal leaves nothing behind.
    const finish: BundleFinisher = async (sealed) => {
      let artifact = sealed
      if (image !== null)
        artifact = { ...artifact, statement: withImageAnnotation(artifact.statement, image.sealed) }
      if (settings.contract !== null) {
        const { collectContract, withContractAnnotation } =
          await import('../../app/seal/seal-contract.js')
        contract = collectContract(artifact, settings.contract)
        artifact = {
          ...artifact,
          statement: withContractAnnotation(artifact.statement, contract.manifest)
        }
      }
      if (signing.kind !== 'none')
        signed = await signAndStore(signing, settings.signing.mode, artifact, settings.token, env)
      // Attached before the bundle is written: a registry that refuses leaves no seal behind.
      if (
        image !== null &&
        settings.pushToRegistry &&
        settings.subject.kind === 'image' &&
        signed !== null
      ) {
        await attachSeal(
          image,
          settings.subject.reference,
          (signed as { statement: SignedStatement }).statement
        )
      }
      const sealedContract = contract as SealedContract | null
      return {
        artifact,
        extras: {
          signed: (signed as { statement: SignedStatement } | null)?.statement.json ?? null,
          contract:
            sealedContract === null
              ? null
              : {
                  manifestJson: `${JSON.stringify(sealedContract.manifest, null, 2)}\n`,
                  files: sealedContract.files
                }
        }
      }
    }
    // process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks, a millisecond at start.
    const started = process.hrtime.bigint()
    const defaultParent = path.join(runnerTempDir(env), 'artifact-seal')
    const subject =
      image === null
        ? settings.subject
        : ({ kind: 'digest', digest: image.sealed.digest, name: image.sealed.name } as const)
    if (subject.kind === 'image') throw new Error('unreachable: an image subject is resolved above')
    const { artifact, bundle } =
      subject.kind === 'parts'
        ? await mergeParts(subject, settings, build, env, workspace, defaultParent, finish)
        : await sealToBundle(
            subject,
            {
              name: settings.name,
              fallbackName: fallbackName(env, workspace),
              build,
              ...(pool === null ? {} : { pool }),
              onResolved: (count, root) =>
                core.info(`Sealing ${formatCount(count, 'file')} under ${root}`),
              onProgress: (p) => core.info(describeProgress(p))
            },
            { outputDir: null, defaultParent, inputName: SealInput.SubjectName },
            finish
          )
    const seconds = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(2)
    if (artifact.size !== null) {
      core.info(
        `Sealed ${formatCount(artifact.fileCount, 'file')} (${formatBytes(artifact.size)}) under ${artifact.root} in ${seconds} s`
      )
    }
    core.info(`${artifact.name}: ${artifact.digest}`)
    reportLeftOut(artifact)
    core.info(
      `Seal bundle: ${bundle.checksumsPath}, ${bundle.statementPath}${bundle.sigstoreBundlePath ? `, ${bundle.sigstoreBundlePath}` : ''}`
    )
    const done = signed as {
      statement: SignedStatement
      attestation: StoredAttestation | null
    } | null
    const sealedContract = contract as SealedContract | null
    if (sealedContract !== null) {
      core.info(
        `Contract ${sealedContract.manifest.version}: ${sealedContract.manifest.digest} ` +
          `(${formatCount(sealedContract.manifest.files.length, 'file')}), in ${bundle.contractPath}`
      )
    }
    if (done !== null)
      core.info(
        `Signed by ${done.statement.signer}${done.attestation ? `; attestation ${done.attestation.url}` : ''}`
      )
    const signature: SealSignatureReport =
      done === null || bundle.sigstoreBundlePath === null
        ? { signed: false, notice: signing.kind === 'none' ? signing.notice : null }
        : {
            signed: true,
            signer: done.statement.signer,
            kind: done.statement.kind,
            bundlePath: bundle.sigstoreBundlePath,
            attestationUrl: done.attestation?.url ?? null
          }

    const uploaded = settings.upload
      ? await uploadSealed(settings.upload, artifact, bundle, env)
      : null
    if (settings.cache) await cacheSealed(artifact, bundle, env)

    if (env.GITHUB_STEP_SUMMARY) {
      const hints = verifyStepHints(
        env,
        settings,
        artifact,
        workspace,
        uploaded !== null && settings.upload?.files === true ? uploaded.name : null
      )
      await core.summary
        .addRaw(
          renderSealMarkdown({
            artifact,
            bundle,
            build,
            ...hints,
            signature,
            contract: sealedContract?.manifest ?? null,
            image: image?.sealed ?? null
          })
        )
        .write()
    } else {
      core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
    }

    core.setOutput(SealOutput.Digest, artifact.digest)
    core.setOutput(SealOutput.SubjectName, artifact.name)
    core.setOutput(
      SealOutput.FileCount,
      artifact.kind === 'digest' ? '' : String(artifact.fileCount)
    )
    core.setOutput(SealOutput.Size, artifact.size === null ? '' : String(artifact.size))
    core.setOutput(SealOutput.ChecksumsPath, bundle.checksumsPath)
    core.setOutput(SealOutput.StatementPath, bundle.statementPath)
    core.setOutput(SealOutput.SealDir, bundle.dir)
    core.setOutput(SealOutput.ArtifactId, uploaded ? String(uploaded.id) : '')
    core.setOutput(SealOutput.ArtifactUrl, uploaded ? artifactUrl(uploaded, env) : '')
    core.setOutput(SealOutput.ArtifactDigest, uploaded?.digest ?? '')
    core.setOutput(SealOutput.BundlePath, bundle.sigstoreBundlePath ?? '')
    core.setOutput(
      SealOutput.AttestationId,
      done?.attestation?.id == null ? '' : String(done.attestation.id)
    )
    core.setOutput(SealOutput.AttestationUrl, done?.attestation?.url ?? '')
    core.setOutput(SealOutput.LeftOut, JSON.stringify(artifact.leftOut ?? []))
    core.setOutput(SealOutput.Signer, done?.statement.signer ?? '')
    core.setOutput(SealOutput.ContractDigest, sealedContract?.manifest.digest ?? '')
    core.setOutput(SealOutput.ContractVersion, sealedContract?.manifest.version ?? '')
    core.setOutput(SealOutput.ImageRef, image === null ? '' : imageRef(image.sealed))
  } catch (error) {
    reportFailure(error)
  } finally {
    pool?.close()
  }
}

/** Hidden and secret-looking files left out, and exclusions that matched nothing: said, never a failure. */
function reportLeftOut(artifact: SealedArtifact): void {
  const unused = artifact.unusedExclusions ?? []
  if (unused.length > 0) {
    core.warning(
      `${SealInput.SubjectPath}: the exclusion${unused.length === 1 ? '' : 's'} ${unused.map((p) => quote(`!${p}`)).join(', ')} matched nothing. ` +
        ('An exclusion is read relative to the workspace (or absolute), as the paths it excludes from are; fix ' +
          'it or remove it.')
    )
  }
  const leftOut = artifact.leftOut ?? []
  if (leftOut.length === 0) return
  const shown = leftOut.slice(0, 20).map((p) => quote(p))
  core.info(
    `Left out ${formatCount(leftOut.length, 'hidden or secret-looking entry', 'hidden or secret-looking entries')} (not sealed, not uploaded): ${shown.join(', ')}${leftOut.length > 20 ? ', …' : ''}. ` +
      `Set ${SealInput.IncludeHiddenFiles}: true to seal them.`
  )
}

/** subject-path: oci://…: the tag resolved once, the manifest's bytes proven, the platforms read from them. */
async function resolveSealedImage(
  reference: ImageReference,
  token: string,
  plainHttp: readonly string[],
  env: Env
) {
  const { openImageRegistry } = await import('../../app/image/open-registry.js')
  const { resolveImage } = await import('../../app/image/resolve-image.js')
  const registry = openImageRegistry(env, token, { insecureRegistries: plainHttp })
  const sealed = await resolveImage(reference, registry)
  core.info(`${formatReference(reference)} names ${sealed.digest} (${sealed.mediaType})`)
  for (const child of sealed.platforms) core.info(`  ${child.platform}: ${child.descriptor.digest}`)
  return { sealed, registry }
}

/**
 * push-to-registry: the signed seal beside the image, where `gh attestation verify
 * --bundle-from-oci` and cosign look.
 */
async function attachSeal(
  image: { sealed: SealedImage; registry: ImageRegistry },
  reference: ImageReference,
  statement: SignedStatement
): Promise<void> {
  const attached = await image.registry.attachBundle(
    reference,
    image.sealed.digest,
    Buffer.from(statement.json)
  )
  core.info(
    `Attached the signed seal to ${imageRef(image.sealed)} as ${attached.manifest}, ` +
      (attached.via === 'referrers-api'
        ? "listed by the registry's referrers API"
        : `listed under the fallback tag ${attached.tag ?? ''} (the registry has no referrers API)`)
  )
}

/**
 * The workflow artifact's default name: the artifact's, marked as a seal, so it does not clash with
 * an upload-artifact of the build.
 */
export function defaultArtifactName(artifact: SealedArtifact): string {
  return `${fileSafeName(artifact.name)}-sealed`
}

/** The artifact's page, as upload-artifact's `artifact-url` gives it. */
export function artifactUrl(uploaded: UploadedArtifact, env: Env): string {
  return `${serverUrlOf(env)}/${env.GITHUB_REPOSITORY ?? ''}/actions/runs/${env.GITHUB_RUN_ID ?? ''}/artifacts/${uploaded.id}`
}

async function uploadSealed(
  upload: NonNullable<SealSettings['upload']>,
  artifact: SealedArtifact,
  bundle: SealBundleLocation,
  env: Env
): Promise<UploadedArtifact> {
  const name = upload.name ?? defaultArtifactName(artifact)
  const files =
    upload.files && artifact.root !== null
      ? { root: artifact.root, paths: listedPaths(artifact) }
      : null
  const { WorkflowArtifactStore } = await import('../../stores/evidence/workflow-artifact.js')
  const uploaded = await new WorkflowArtifactStore({ env }).upload({
    name,
    bundle,
    files,
    ...(upload.retentionDays !== null ? { retentionDays: upload.retentionDays } : {})
  })
  const what = files
    ? `the seal bundle and ${formatCount(files.paths.length, 'file')}`
    : 'the seal bundle'
  if (uploaded.reused)
    core.info(
      `The workflow artifact ${name} (id ${uploaded.id}) already holds this seal, uploaded by an earlier ` +
        'attempt of this job: nothing to upload again'
    )
  else
    core.info(
      `Uploaded the workflow artifact ${name} (id ${uploaded.id}, ${formatBytes(uploaded.size)}, ${what})`
    )
  const asked = upload.retentionDays
  if (uploaded.retentionDays !== null) {
    const capped = asked !== null && uploaded.retentionDays < asked
    const kept = `GitHub keeps it ${formatCount(uploaded.retentionDays, 'day')}`
    if (capped)
      core.warning(
        `${SealInput.RetentionDays}: ${asked} days asked, but the repository allows at most ${uploaded.retentionLimit}: ${kept}. Raise the limit in the repository's ` +
          `(or organization's) Actions settings to keep it longer.`
      )
    else
      core.info(
        `${kept}${asked === null ? ` (the repository's setting)` : ''}; a rollback after that needs the cache ` +
          'entry (evicted after 7 days unused) or a new seal.'
      )
  }
  return uploaded
}

async function cacheSealed(
  artifact: SealedArtifact,
  bundle: SealBundleLocation,
  env: Env
): Promise<void> {
  if (artifact.root === null) return
  const { ActionsCacheStore } = await import('../../stores/evidence/actions-cache.js')
  const store = new ActionsCacheStore({
    env,
    inputName: SealInput.Cache,
    log: { info: (m) => core.info(m), warning: (m) => core.warning(m) }
  })
  await store.save({
    digest: artifact.digest,
    root: artifact.root,
    paths: listedPaths(artifact),
    listing: artifact.listing,
    bundle
  })
}

function listedPaths(artifact: SealedArtifact): string[] {
  return parseListing(artifact.listing.toString('utf8'), 'the sealed listing').map((e) => e.path)
}

/**
 * Signs the statement; a keyless signature made on GitHub is also stored in the
 * repository's attestations API, where `gh attestation verify` and the Attestations page
 * find it. A keyed one is not: the API takes certificates, not bare keys.
 */
async function signAndStore(
  signing: Exclude<Signing, { kind: 'none' }>,
  mode: SignMode,
  artifact: SealedArtifact,
  token: string,
  env: Env
) {
  const statement = await signing.sign(artifact.statement)
  if (statement.kind !== 'keyless' || !env.GITHUB_REPOSITORY)
    return { statement, attestation: null }
  const { storeAttestation } = await import('../../attestation/attestations-api.js')
  try {
    return {
      statement,
      attestation: await storeAttestation(statement.bundle, {
        env,
        token,
        tokenInput: SealInput.GitHubToken
      })
    }
  } catch (error) {
    // sign: auto signs whenever the job has an OIDC token, perhaps held for something else:
    // the seal bundle keeps the signature, and the missing permission is a warning.
    if (!(error instanceof SealError) || mode !== 'auto') throw error
    core.warning(
      `The seal is signed (${statement.signer}), but the signature was not stored in the repository's ` +
        `attestations: ${error.message}`
    )
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
  let fetched: Awaited<
    ReturnType<typeof import('../../app/seal/fetch-parts.js').fetchArtifactParts>
  > = []
  if (subject.artifacts.length > 0) {
    const { fetchArtifactParts } = await import('../../app/seal/fetch-parts.js')
    fetched = await fetchArtifactParts(subject.artifacts, {
      env,
      parent: path.join(defaultParent, 'downloads'),
      inputName: SealInput.SubjectParts,
      seal: { build },
      log: (m) => core.info(m)
    })
  }
  const withoutFiles = [
    ...subject.parts.map((p) => p.name ?? p.checksumsFile),
    ...fetched.filter((f) => f.filesDir === null).map((f) => f.artifact)
  ]
  if ((settings.upload?.files || settings.cache) && withoutFiles.length > 0) {
    const input = settings.upload?.files ? SealInput.Upload : SealInput.Cache
    throw new SealError(
      'bad-input',
      `${input}: the parts ${withoutFiles.map(quote).join(', ')} bring no files (a bundle directory, or an ` +
        'artifact of the bundle alone), so the merged seal has none to carry. Name ' +
        'each part by the workflow artifact its leg uploaded with its files, or ' +
        `remove ${input}.`
    )
  }
  const merged = await mergeSealBundles([...subject.parts, ...fetched.map((f) => f.source)], {
    name,
    build,
    outputDir: path.join(defaultParent, fileSafeName(name)),
    inputName: SealInput.SubjectParts,
    outputInputName: SealInput.SubjectName,
    expectedDigests: subject.partDigests,
    expectedDigestsInputName: SealInput.SubjectParts,
    finish
  })
  // Every part brought its verified files: the merged seal carries them, laid out under the parts' names.
  const filesByListing = new Map(fetched.map((f) => [f.source.checksumsFile, f.filesDir]))
  const laidOut = merged.parts.map((part) => ({
    name: part.name,
    filesDir: filesByListing.get(part.checksumsFile) ?? null
  }))
  if (laidOut.every((p): p is { name: string; filesDir: string } => p.filesDir !== null)) {
    const { layOutParts } = await import('../../app/seal/fetch-parts.js')
    const root = layOutParts(laidOut, path.join(defaultParent, 'downloads'))
    for (const part of merged.parts)
      core.info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, 'file')})`)
    return { ...merged, artifact: { ...merged.artifact, root } }
  }
  for (const part of merged.parts)
    core.info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, 'file')})`)
  return merged
}
