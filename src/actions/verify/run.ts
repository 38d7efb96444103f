import * as core from '@actions/core'
import * as path from 'node:path'
import { fetchAndCheckBytes } from '../../app/fetch-bytes.js'
import { NOTHING_KNOWN } from '../../app/promote-digest.js'
import { verifyArtifact } from '../../app/verify-artifact.js'
import { buildContextFromEnv, fallbackName, runnerTempDir, workspaceDir } from '../../app/runner-environment.js'
import type { HashProgress } from '../../core/hashing/hash-files.js'
import type { Mismatch } from '../../core/listing.js'
import { describeProgress } from '../../report/progress.js'
import { renderVerifyMarkdown } from '../../report/verify-markdown.js'
import { VerifyInput, VerifyOutput } from '../constants.js'
import { reportFailure } from '../report-failure.js'
import { readVerifySettings } from './settings.js'

/** GitHub shows ten error annotations per step; the rest are counted in one more. */
export const ANNOTATIONS_SHOWN = 10

/** The verify action: recompute the digest of what is about to be deployed and compare. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readVerifySettings((name) => core.getInput(name), workspace)
    const seal = { fallbackName: fallbackName(env, workspace), build: buildContextFromEnv(env), onProgress: (p: HashProgress) => core.info(describeProgress(p)) }
    if (settings.source.kind === 'artifact') {
      // A download that does not match is deleted inside, and its error names each file.
      const fetched = await fetchAndCheckBytes(settings.source, settings.expected, NOTHING_KNOWN, {
        env,
        downloadsDir: path.join(runnerTempDir(env), 'artifact-seal', 'downloads'),
        seal,
        inputs: { expected: VerifyInput.ExpectedDigest, checksums: VerifyInput.ChecksumsPath, cache: VerifyInput.ArtifactName, artifactName: VerifyInput.ArtifactName },
        log: (message) => core.info(message)
      })
      if (settings.summary && env.GITHUB_STEP_SUMMARY) {
        await core.summary.addRaw(`### ✅ Verified ${'`'}${settings.source.name}${'`'}\n\nDownloaded and checked every file against ${'`'}${settings.expected}${'`'}: ${'`'}${fetched.path}${'`'}\n`).write()
      }
      core.setOutput(VerifyOutput.Verified, 'true')
      core.setOutput(VerifyOutput.Digest, settings.expected)
      core.setOutput(VerifyOutput.Mismatches, '[]')
      core.setOutput(VerifyOutput.Path, fetched.path ?? '')
      return
    }
    const { subject, checksumsFile } = settings.source
    const result = await verifyArtifact(
      { subject, expected: settings.expected, checksumsFile, checksumsInput: VerifyInput.ChecksumsPath, expectedInput: VerifyInput.ExpectedDigest },
      seal
    )
    if (settings.summary && env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderVerifyMarkdown(result)).write()
    core.setOutput(VerifyOutput.Verified, String(result.verified))
    core.setOutput(VerifyOutput.Digest, result.actual)
    core.setOutput(VerifyOutput.Mismatches, JSON.stringify(result.mismatches.map(mismatchOutput)))
    core.setOutput(VerifyOutput.Path, result.verified ? (result.artifact.root ?? '') : '')
    if (result.verified) {
      core.info(`Verified: ${result.artifact.name} is ${result.actual}, the sealed digest.`)
      return
    }
    annotateMismatches(result.mismatches)
    const named = result.mismatches.length > 0 ? ` ${result.mismatches.length} file(s) differ from the seal.` : result.listingGiven ? '' : ` Give ${VerifyInput.ChecksumsPath} to name the files that differ.`
    core.setFailed(`${result.artifact.name} is ${result.actual}, not the sealed ${result.expected}.${named} Do not deploy these bytes; deploy the sealed artifact.`)
  } catch (error) {
    reportFailure(error)
  }
}

/** A mismatch as the `mismatches` output gives it: digests in the sha256:<hex> form. */
export function mismatchOutput(m: Mismatch): { path: string; expected: string | null; actual: string | null; kind: string } {
  return { path: m.path, expected: m.expected && `sha256:${m.expected}`, actual: m.actual && `sha256:${m.actual}`, kind: m.kind }
}

/** One error annotation per differing file, up to GitHub's limit, then one counting the rest. */
export function annotateMismatches(mismatches: readonly Mismatch[]): void {
  const what = { changed: 'changed since it was sealed', missing: 'was sealed but is missing', added: 'was not sealed but is present' }
  for (const m of mismatches.slice(0, ANNOTATIONS_SHOWN - 1)) {
    core.error(`${m.path} ${what[m.kind]}.`, { title: `artifact-seal: ${m.kind} file` })
  }
  const rest = mismatches.slice(ANNOTATIONS_SHOWN - 1)
  if (rest.length === 1) {
    const m = rest[0] as Mismatch
    core.error(`${m.path} ${what[m.kind]}.`, { title: `artifact-seal: ${m.kind} file` })
  } else if (rest.length > 1) {
    core.error(`${rest.length} more files differ from the seal (${rest[0]?.path} and others); the job summary lists them.`, { title: 'artifact-seal: more files differ' })
  }
}
