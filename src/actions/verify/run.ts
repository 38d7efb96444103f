import * as core from '../runner-io.js'
import * as path from 'node:path'
import { fetchAndCheckBytes } from '../../app/verify/fetch-bytes.js'
import { NOTHING_KNOWN } from '../../app/ledger/queries.js'
import { verifiedPath } from '../../app/verify/verified-path.js'
import { verifyArtifact } from '../../app/verify/verify-artifact.js'
import {
  buildContextFromEnv,
  fallbackName,
  runnerTempDir,
  workspaceDir
} from '../../app/settings/runner-environment.js'
import type { HashProgress } from '../../core/hashing/hash-files.js'
import type { Mismatch } from '../../core/listing.js'
import { digestFromHex } from '../../core/digest.js'
import { describeProgress } from '../../report/progress.js'
import { type VerifyReport, renderVerifyMarkdown } from '../../report/verify-markdown.js'
import { formatBytes, formatCount } from '../../report/format.js'
import { type Env, serverUrlOf } from '../../core/env.js'
import { VerifyInput, VerifyOutput } from '../../app/settings/names.js'
import { reportFailure } from '../report-failure.js'
import { readVerifySettings } from './settings.js'
import { checkSignature } from '../../app/signature/check-signature.js'
import type { SignatureCheck } from '../../app/signature/types.js'
import { requirementReason, signatureRequired } from '../../app/settings/signing-settings.js'
import { signerExpectation } from '../../app/settings/signer-expectation.js'
import { signatureSources } from '../../app/signature/sources.js'
import { signerOutput } from '../signer-output.js'
import { removeQuietly } from '../../stores/evidence/directory-handoff.js'
import { annotateMismatches } from '../annotations.js'
import { judgeSignature } from '../../app/signature/verdict.js'
import type { SignatureSources } from '../../app/signature/types.js'

/** The verify action: recompute the digest of what is about to be deployed and compare. */
export async function run(env: Env = process.env): Promise<void> {
  try {
    const workspace = workspaceDir(env)
    const settings = readVerifySettings((name) => core.getInput(name), workspace, env)
    const seal = {
      fallbackName: fallbackName(env, workspace),
      build: buildContextFromEnv(env),
      onProgress: (p: HashProgress) => core.info(describeProgress(p))
    }
    let report: VerifyReport
    let handedOut: string | null
    let checksumsFile: string | null
    // For an image: what the deploy step takes, and where its signature may be found besides.
    let image: {
      readonly imageRef: string
      readonly sources: (base: SignatureSources) => SignatureSources
    } | null = null
    if (settings.source.kind === 'image') {
      const source = settings.source
      const { checkImageBytes, imageRegistryFor, imageSignatureSources } =
        await import('../../app/image/image-bytes.js')
      const registry = imageRegistryFor(source, env)
      // A tag that moved, a manifest whose bytes do not hash to the digest, a platform digest
      // the sealed index does not list: each a SealError naming the image, and no outputs.
      const check = await checkImageBytes(source, settings.expected, registry)
      image = {
        imageRef: check.image.imageRef,
        sources: (base) => imageSignatureSources(base, source, registry)
      }
      handedOut = null
      checksumsFile = source.checksumsFile
      core.info(
        `${source.reference.name}: ${check.actual}, proven in its registry; deploy ${check.image.imageRef}`
      )
      report = {
        ...check,
        name: source.reference.name,
        expected: settings.expected,
        listingGiven: false,
        content: check.image.platform ?? describePlatforms(check.image.platforms.length),
        location: check.image.imageRef
      }
    } else if (settings.source.kind === 'artifact') {
      // A download that does not match is deleted before this returns.
      const fetched = await fetchAndCheckBytes(settings.source, settings.expected, NOTHING_KNOWN, {
        env,
        downloadsDir: path.join(runnerTempDir(env), 'artifact-seal', 'downloads'),
        seal,
        inputs: {
          expected: VerifyInput.ExpectedDigest,
          checksums: VerifyInput.ChecksumsPath,
          artifactName: VerifyInput.Name
        },
        log: (message) => core.info(message)
      })
      handedOut = fetched.path
      checksumsFile = fetched.checksumsFile
      report = {
        ...fetched,
        name: settings.source.name,
        expected: settings.expected,
        listingGiven: true,
        content: null,
        location: fetched.path
      }
    } else {
      const { subject } = settings.source
      checksumsFile = settings.source.checksumsFile
      const result = await verifyArtifact(
        {
          subject,
          expected: settings.expected,
          checksumsFile,
          checksumsInput: VerifyInput.ChecksumsPath,
          expectedInput: VerifyInput.ExpectedDigest
        },
        seal
      )
      const { artifact } = result
      // Exactly what was verified: the file, the tree's directory, or copies of only the verified files.
      handedOut = result.verified
        ? await verifiedPath(
            artifact,
            subject,
            settings.expected,
            path.join(runnerTempDir(env), 'artifact-seal', 'verified'),
            seal
          )
        : null
      report = {
        ...result,
        name: artifact.name,
        content:
          artifact.size === null
            ? formatCount(artifact.fileCount, 'file')
            : `${formatCount(artifact.fileCount, 'file')}, ${formatBytes(artifact.size)}`,
        location: artifact.root
      }
    }
    // Who sealed the bytes matters only once they are the sealed bytes.
    const required = signatureRequired(settings.signer, false)
    const sources = signatureSources(
      checksumsFile,
      required || settings.signer.asksForSigner,
      settings.token,
      VerifyInput.GitHubToken,
      env
    )
    const signature: SignatureCheck | null = report.verified
      ? await checkSignature(
          settings.expected,
          image !== null && (required || settings.signer.asksForSigner)
            ? image.sources(sources)
            : sources,
          signerExpectation(settings.signer, required, env)
        )
      : null
    const verdict =
      signature === null
        ? null
        : judgeSignature(signature, required ? requirementReason(settings.signer, false) : null)
    const signatureFailure = verdict !== null && !verdict.accepted ? verdict.reason : null
    if (signatureFailure !== null && settings.source.kind === 'artifact' && handedOut !== null) {
      // Bytes whose signer is refused are not handed to a deploy step, even by mistake.
      removeQuietly(handedOut)
      handedOut = null
    }
    const verified = report.verified && signatureFailure === null
    if (env.GITHUB_STEP_SUMMARY)
      await core.summary
        .addRaw(
          renderVerifyMarkdown({
            ...report,
            signature,
            signatureFailure,
            serverUrl: serverUrlOf(env)
          })
        )
        .write()
    core.setOutput(VerifyOutput.Verified, String(verified))
    core.setOutput(VerifyOutput.Digest, report.actual)
    core.setOutput(VerifyOutput.Mismatches, JSON.stringify(report.mismatches.map(mismatchOutput)))
    core.setOutput(VerifyOutput.Path, verified ? (handedOut ?? '') : '')
    core.setOutput(
      VerifyOutput.Signer,
      signature?.status === 'verified' ? signerOutput(signature.signer) : ''
    )
    core.setOutput(VerifyOutput.ImageRef, image !== null && verified ? image.imageRef : '')
    if (signatureFailure !== null) {
      core.setFailed(
        `${report.name} is the sealed ${report.expected}, but its signature is not accepted: ${signatureFailure} Do not deploy these bytes.`
      )
      return
    }
    if (report.verified) {
      if (signature?.status === 'verified') core.info(`Signed by ${signerName(signature)}.`)
      else if (signature?.status === 'unsigned') core.info(signature.detail)
      core.info(`Verified: ${report.name} is ${report.actual}, the sealed digest.`)
      return
    }
    annotateMismatches(report.mismatches)
    const named =
      report.mismatches.length > 0
        ? ` ${report.mismatches.length} file(s) differ from the seal.`
        : report.listingGiven
          ? ''
          : ` Give ${VerifyInput.ChecksumsPath} to name the files that differ.`
    core.setFailed(
      `${report.name} is ${report.actual}, not the sealed ${report.expected}.${named} Do not deploy these ` +
        'bytes; deploy the sealed artifact.'
    )
  } catch (error) {
    reportFailure(error)
  }
}

function describePlatforms(count: number): string {
  return count === 0 ? 'a single image' : `an index of ${formatCount(count, 'platform image')}`
}

function signerName(signature: Extract<SignatureCheck, { status: 'verified' }>): string {
  const signer = signature.signer
  return signer.kind === 'key'
    ? `the key ${signer.hint} (${signature.source})`
    : `${signer.identity.subjectAlternativeName} at ${signer.signedAt} (${signature.source})`
}

/** A mismatch as the `mismatches` output gives it: digests in the sha256:<hex> form. */
export function mismatchOutput(m: Mismatch): {
  path: string
  expected: string | null
  actual: string | null
  kind: string
} {
  return {
    path: m.path,
    expected: m.expected && digestFromHex(m.expected),
    actual: m.actual && digestFromHex(m.actual),
    kind: m.kind
  }
}
