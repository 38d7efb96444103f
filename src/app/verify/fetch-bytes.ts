import * as path from 'node:path'
import { applyModes } from '../../core/modes.js'
import { sealedModesBeside } from './sealed-modes.js'
import type { Digest } from '../../core/digest.js'
import { SealError, isSealError, quote } from '../../core/errors.js'
import { cacheKeyOf } from '../../stores/evidence/cache-layout.js'
import { removeQuietly } from '../../stores/evidence/directory-handoff.js'
import type { KnownDigest } from '../ledger/types.js'
import type { BytesCheck, FetchContext } from './types.js'
import { sealInfoBesideListing } from './sealed-by.js'
import { serverUrlOf } from '../../core/env.js'
import { verifiedPath } from './verified-path.js'
import { verifyArtifact } from './verify-artifact.js'
import type { BytesSource } from '../settings/types.js'

/**
 * Brings the bytes to deploy to this machine when they are elsewhere, and proves they are
 * the digest's (by default, with nothing said: what the seal carried, the cache entry of the
 * digest, else the workflow artifact the ledger names): every path ends in a check with the
 * project's own digest engine, and a
 * download or restore that fails the check is deleted before anyone can deploy it. Nothing
 * from a carrier is written outside its private directory, and inside it only what its
 * archive's listing allowed.
 */
export async function fetchAndCheckBytes(
  source: BytesSource,
  digest: Digest,
  known: KnownDigest,
  context: FetchContext
): Promise<BytesCheck> {
  if (source.kind === 'local') {
    const result = await verifyArtifact(
      {
        subject: source.subject,
        expected: digest,
        checksumsFile: source.checksumsFile,
        checksumsInput: context.inputs.checksums,
        expectedInput: context.inputs.expected
      },
      context.seal
    )
    const handedOut = result.verified
      ? await verifiedPath(
          result.artifact,
          source.subject,
          digest,
          context.downloadsDir,
          context.seal
        )
      : null
    return {
      verified: result.verified,
      actual: result.actual,
      mismatches: result.mismatches,
      path: handedOut,
      artifact: null,
      sealedBy: null,
      checksumsFile: source.checksumsFile
    }
  }
  if (source.kind === 'artifact')
    return downloadArtifact(
      source.name,
      source.runId,
      source.token,
      digest,
      context,
      source.repository
    )
  if (source.kind === 'image') {
    // The image's manifest is its bytes, proven in its registry; nothing is downloaded.
    const { checkImageBytes, imageRegistryFor } = await import('../image/image-bytes.js')
    return checkImageBytes(source, digest, imageRegistryFor(source, context.env))
  }

  const restored = await restoreFromCache(digest, source.inputName, context)
  if (restored.kind === 'verified') return restored.check
  const key = cacheKeyOf(digest)
  if (known.artifact === null) {
    if (restored.kind === 'miss') {
      // Nothing carried: the caller lets in a signed seal of a digest alone (which has no files),
      // and refuses anything else with this. A cache that could not be read says so: an outage
      // is not an answer that the entry is missing.
      const cache =
        restored.unreadable === undefined
          ? `the Actions cache has no entry for ${digest} (key ${key})`
          : `the Actions cache could not be read for ${digest} (key ${key}: ${restored.unreadable})`
      context.log(
        `No bytes of ${digest} were carried: ${cache}, and no ledger record names a workflow ` +
          'artifact holding its files.'
      )
      const absent =
        `No bytes to check: none were named, and nothing the seal carried was found: ${cache}, ` +
        'and no ledger record names a workflow artifact holding its files. ' +
        (`Give subject-path (the files in the workspace) or ${context.inputs.artifactName} (and run-id) of the ` +
          'workflow artifact holding them, or "digest-only: true" to promote with ' +
          'nothing checked; seal with "cache: true" or "upload: true" so later runs ' +
          'find them.')
      return {
        verified: false,
        actual: digest,
        mismatches: [],
        path: null,
        artifact: null,
        sealedBy: null,
        checksumsFile: null,
        absent
      }
    }
    throw new SealError(
      'unreadable',
      restored.kind === 'unsafe'
        ? `${source.inputName}: the cache entry ${key} was refused before anything was extracted (the log ` +
            'above names each entry), ' +
            (`and no ledger record names a workflow artifact to fall back to. Give ${context.inputs.artifactName} (and run-id) to fetch the sealed files ` +
              'instead.')
        : `${source.inputName}: the cache entry ${key} restored files that ${
            restored.actual === null
              ? 'are not of the sealed kind (see the log ' + 'above)'
              : `are ${restored.actual}, not ${digest}`
          }. They were deleted and nothing is deployed from them, ` +
            ('and no ledger record names a workflow artifact to fall back to. The cache was changed behind the ' +
              `key; give ${context.inputs.artifactName} (and run-id) to fetch the sealed ` +
              'files instead.')
    )
  }
  // A cache entry is a shortcut, never the evidence: when it fails, the artifact the ledger names decides.
  const what =
    restored.kind === 'miss'
      ? `no cache entry for ${digest}`
      : restored.kind === 'unsafe'
        ? `the cache entry ${key} was refused before anything was extracted`
        : `the files restored from ${key} do not verify and were deleted`
  context.log(
    `${source.inputName}: ${what}; downloading the workflow artifact ${quote(known.artifact.name)} of run ${known.artifact.runId} that the ledger names.`
  )
  const runId =
    known.artifact.runId === context.env.GITHUB_RUN_ID ? null : Number(known.artifact.runId)
  return downloadArtifact(known.artifact.name, runId, source.token, digest, context)
}

async function downloadArtifact(
  name: string,
  runId: number | null,
  token: string,
  digest: Digest,
  context: FetchContext,
  repository: string | null = null
): Promise<BytesCheck> {
  // Loaded on demand: the artifact client is large, and most checks never download.
  const { WorkflowArtifactStore } = await import('../../stores/evidence/workflow-artifact.js')
  const { downloadAndVerify } = await import('./download-and-verify.js')
  const store = new WorkflowArtifactStore({ env: context.env })
  let downloaded
  try {
    downloaded = await downloadAndVerify(
      store,
      {
        name,
        parent: context.downloadsDir,
        expected: digest,
        expectedInput: context.inputs.expected,
        nameInput: context.inputs.artifactName,
        ...(runId !== null ? { runId, token, ...(repository !== null ? { repository } : {}) } : {})
      },
      { build: context.seal.build }
    )
  } catch (error) {
    // Files that are not the sealed ones are an answer (refused, naming each), not bad input.
    const { mismatches, actual } = isSealError(error, 'mismatch') ? error.details : {}
    if (mismatches === undefined || actual === undefined) throw error
    context.log((error as SealError).message)
    return {
      verified: false,
      actual,
      mismatches,
      path: null,
      artifact: null,
      sealedBy: null,
      checksumsFile: null
    }
  }
  const uploadedBy = String(runId ?? context.env.GITHUB_RUN_ID ?? '')
  context.log(
    `Downloaded ${quote(name)} and verified ${downloaded.fileCount} file(s) against ${digest}: ${downloaded.path}`
  )
  const sealed = sealInfoBesideListing(downloaded.artifact.checksumsPath, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  })
  return {
    verified: true,
    actual: digest,
    mismatches: [],
    path: downloaded.path,
    artifact: uploadedBy === '' || repository !== null ? null : { name, runId: uploadedBy },
    sealedBy: sealed.sealedBy,
    name: sealed.name,
    checksumsFile: downloaded.artifact.checksumsPath
  }
}

type Restored =
  | { readonly kind: 'verified'; readonly check: BytesCheck }
  | { readonly kind: 'miss'; readonly unreadable?: string }
  /** Refused before extraction: an entry that is not what a seal puts there. */
  | { readonly kind: 'unsafe' }
  /** Extracted, then refused by the verify. */
  | { readonly kind: 'refused'; readonly actual: Digest | null }

/**
 * The cache is storage, not evidence: an entry is listed and checked before anything is
 * extracted, into a private directory, and what was extracted is verified again with the
 * project's own engine and kind rules; whatever fails is deleted and reported, so the
 * caller can fall back to the workflow artifact.
 */
async function restoreFromCache(
  digest: Digest,
  inputName: string,
  context: FetchContext
): Promise<Restored> {
  const { restoreFromCache: restore } = await import('../../stores/evidence/cache-restore.js')
  const restored = await restore(digest, context.downloadsDir, {
    env: context.env,
    inputName,
    log: { info: context.log, warning: context.log }
  })
  if (restored.kind === 'miss') return restored
  if (restored.kind === 'refused') return { kind: 'unsafe' }
  const single =
    restored.digestKind === 'file'
      ? path.join(restored.filesDir, ...(restored.listing[0] as { path: string }).path.split('/'))
      : null
  let checked
  try {
    // The sealed modes first (execute bits, links): the check below hashes the tree as it is handed
    // out, modes included.
    const modes = sealedModesBeside(restored.listingFile, inputName)
    if (modes !== null)
      applyModes(
        restored.filesDir,
        restored.listing.map((e) => e.path),
        modes
      )
    checked = await verifyArtifact(
      {
        subject: {
          kind: 'paths',
          patterns: { include: [single ?? restored.filesDir], exclude: [] },
          baseDir: restored.filesDir,
          ...(single ? {} : { root: restored.filesDir }),
          inputName
        },
        expected: digest,
        checksumsFile: restored.listingFile,
        checksumsInput: `the listing in ${cacheKeyOf(digest)}`,
        expectedInput: context.inputs.expected
      },
      context.seal
    )
  } catch (error) {
    removeQuietly(restored.dir)
    if (!(error instanceof SealError)) throw error
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} were refused: ${error.message}`
    )
    return { kind: 'refused', actual: null }
  }
  if (!checked.verified) {
    removeQuietly(restored.dir)
    context.log(
      `${inputName}: the files restored from ${cacheKeyOf(digest)} are ${checked.actual}, not ${digest}; the ` +
        'cache was changed behind the key.'
    )
    return { kind: 'refused', actual: checked.actual }
  }
  const handedOut = single ?? restored.filesDir
  context.log(
    `Restored ${cacheKeyOf(digest)} from the Actions cache and verified it against ${digest}: ${handedOut}`
  )
  // The seal bundle travelled in the entry: its signed statement is checked beside the listing, as a download's is.
  const sealed = sealInfoBesideListing(restored.listingFile, digest, {
    serverUrl: serverUrlOf(context.env),
    onInvalid: context.log
  })
  return {
    kind: 'verified',
    check: {
      verified: true,
      actual: digest,
      mismatches: [],
      path: handedOut,
      artifact: null,
      sealedBy: sealed.sealedBy,
      name: sealed.name,
      checksumsFile: restored.listingFile
    }
  }
}
