import * as core from '@actions/core'
import * as path from 'node:path'
import { formatBytes, formatCount } from '../../report/format.js'
import { describeProgress } from '../../report/progress.js'
import { renderSealMarkdown } from '../../report/seal-markdown.js'
import { sealToBundle } from '../../app/seal-to-bundle.js'
import { SealInput, SealOutput } from '../constants.js'
import { buildContextFromEnv, fallbackName, runnerTempDir, workspaceDir } from '../../app/runner-environment.js'
import { reportFailure } from '../report-failure.js'
import { type PartsSubject, type SealSettings, readSealSettings } from './settings.js'
import { mergeSealBundles } from '../../app/merge-bundles.js'
import type { BuildContext } from '../../core/statement.js'
import type { SealedArtifact } from '../../core/seal.js'
import { parseListing } from '../../core/listing.js'
import { type SealBundleLocation, fileSafeName } from '../../stores/evidence/seal-bundle.js'
import type { UploadedArtifact } from '../../stores/evidence/workflow-artifact.js'
import { verifyStepHints } from './verify-hints.js'

/** The seal action: read inputs, seal, write the bundle, then the summary, then the outputs. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readSealSettings((name) => core.getInput(name), workspace)
    const build = buildContextFromEnv(env)
    const started = performance.now()
    const defaultParent = path.join(runnerTempDir(env), 'artifact-seal')
    const subject = settings.subject
    const { artifact, bundle } =
      subject.kind === 'parts'
        ? await mergeParts(subject, settings, build, env, workspace, defaultParent)
        : await sealToBundle(
            subject,
            {
              name: settings.name,
              fallbackName: fallbackName(env, workspace),
              build,
              onResolved: (count, root) => core.info(`Sealing ${formatCount(count, 'file')} under ${root}`),
              onProgress: (p) => core.info(describeProgress(p))
            },
            { outputDir: settings.outputDir, defaultParent, inputName: SealInput.OutputDir }
          )
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    if (artifact.size !== null) {
      core.info(`Sealed ${formatCount(artifact.fileCount, 'file')} (${formatBytes(artifact.size)}) under ${artifact.root} in ${seconds} s`)
    }
    core.info(`${artifact.name}: ${artifact.digest}`)
    core.info(`Seal bundle: ${bundle.checksumsPath}, ${bundle.statementPath}`)

    const uploaded = settings.upload ? await uploadSealed(settings.upload, artifact, bundle, env) : null
    if (settings.cache) await cacheSealed(artifact, env)

    if (settings.summary) {
      if (env.GITHUB_STEP_SUMMARY) {
        const hints = verifyStepHints(env, settings, artifact, workspace)
        await core.summary.addRaw(renderSealMarkdown({ artifact, bundle, build, ...hints })).write()
      } else {
        core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written')
      }
    }

    core.setOutput(SealOutput.Digest, artifact.digest)
    core.setOutput(SealOutput.Name, artifact.name)
    core.setOutput(SealOutput.FileCount, artifact.kind === 'digest' ? '' : String(artifact.fileCount))
    core.setOutput(SealOutput.Size, artifact.size === null ? '' : String(artifact.size))
    core.setOutput(SealOutput.ChecksumsPath, bundle.checksumsPath)
    core.setOutput(SealOutput.StatementPath, bundle.statementPath)
    core.setOutput(SealOutput.SealDir, bundle.dir)
    core.setOutput(SealOutput.ArtifactName, uploaded?.name ?? '')
    core.setOutput(SealOutput.ArtifactId, uploaded ? String(uploaded.id) : '')
  } catch (error) {
    reportFailure(error)
  }
}

/** The workflow artifact's default name: the artifact's, marked as a seal, so it does not clash with an upload-artifact of the build. */
export function defaultArtifactName(artifact: SealedArtifact): string {
  return `${fileSafeName(artifact.name)}-sealed`
}

async function uploadSealed(upload: NonNullable<SealSettings['upload']>, artifact: SealedArtifact, bundle: SealBundleLocation, env: NodeJS.ProcessEnv): Promise<UploadedArtifact> {
  const name = upload.name ?? defaultArtifactName(artifact)
  const files = upload.files && artifact.root !== null ? { root: artifact.root, paths: listedPaths(artifact) } : null
  const { WorkflowArtifactStore } = await import('../../stores/evidence/workflow-artifact.js')
  const uploaded = await new WorkflowArtifactStore({ env }).upload({ name, bundle, files, ...(upload.retentionDays !== null ? { retentionDays: upload.retentionDays } : {}) })
  core.info(`Uploaded the workflow artifact ${name} (id ${uploaded.id}, ${formatBytes(uploaded.size)}${files ? `, the seal bundle and ${formatCount(files.paths.length, 'file')}` : ', the seal bundle'})`)
  return uploaded
}

async function cacheSealed(artifact: SealedArtifact, env: NodeJS.ProcessEnv): Promise<void> {
  if (artifact.root === null) return
  const { ActionsCacheStore } = await import('../../stores/evidence/actions-cache.js')
  const store = new ActionsCacheStore({ env, inputName: SealInput.Cache, log: { info: (m) => core.info(m), warning: (m) => core.warning(m) } })
  await store.save({ digest: artifact.digest, root: artifact.root, paths: listedPaths(artifact), listing: artifact.listing })
}

function listedPaths(artifact: SealedArtifact): string[] {
  return parseListing(artifact.listing.toString('utf8'), 'the sealed listing').map((e) => e.path)
}

/** subject-parts: one release seal over the seal bundles of a matrix's legs, each under its part's name. */
async function mergeParts(subject: PartsSubject, settings: SealSettings, build: BuildContext, env: NodeJS.ProcessEnv, workspace: string, defaultParent: string) {
  const name = settings.name || fallbackName(env, workspace)
  const merged = await mergeSealBundles(subject.parts, {
    name,
    build,
    outputDir: settings.outputDir ?? path.join(defaultParent, fileSafeName(name)),
    inputName: SealInput.SubjectParts,
    outputInputName: SealInput.OutputDir,
    expectedDigests: subject.partDigests,
    expectedDigestsInputName: SealInput.PartDigests
  })
  for (const part of merged.parts) core.info(`part ${part.name}: ${part.digest} (${formatCount(part.fileCount, 'file')})`)
  return merged
}
