import * as core from '@actions/core'
import * as path from 'node:path'
import { formatBytes, formatCount } from '../../report/format.js'
import { describeProgress } from '../../report/progress.js'
import { renderSealMarkdown } from '../../report/seal-markdown.js'
import { sealToBundle } from '../../app/seal-to-bundle.js'
import { SealInput, SealOutput } from '../constants.js'
import { buildContextFromEnv, fallbackName, runnerTempDir, workspaceDir } from '../../app/runner-environment.js'
import { reportFailure } from '../report-failure.js'
import { readSealSettings } from './settings.js'
import { verifyStepHints } from './verify-hints.js'

/** The seal action: read inputs, seal, write the bundle, then the summary, then the outputs. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readSealSettings((name) => core.getInput(name), workspace)
    const build = buildContextFromEnv(env)
    const started = performance.now()
    const { artifact, bundle } = await sealToBundle(
      settings.subject,
      {
        name: settings.name,
        fallbackName: fallbackName(env, workspace),
        build,
        onResolved: (count, root) => core.info(`Sealing ${formatCount(count, 'file')} under ${root}`),
        onProgress: (p) => core.info(describeProgress(p))
      },
      { outputDir: settings.outputDir, defaultParent: path.join(runnerTempDir(env), 'artifact-seal'), inputName: SealInput.OutputDir }
    )
    const seconds = ((performance.now() - started) / 1000).toFixed(2)
    if (artifact.size !== null) {
      core.info(`Sealed ${formatCount(artifact.fileCount, 'file')} (${formatBytes(artifact.size)}) under ${artifact.root} in ${seconds} s`)
    }
    core.info(`${artifact.name}: ${artifact.digest}`)
    core.info(`Seal bundle: ${bundle.checksumsPath}, ${bundle.statementPath}`)

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
  } catch (error) {
    reportFailure(error)
  }
}
