import * as path from 'node:path'
import { type Env, serverUrlOf } from '../../core/env.js'
import type { HashProgress } from '../../core/hashing/hash-files.js'
import { SealError } from '../../core/errors.js'
import type { PromotionPolicy } from '../../core/promotion/policy.js'
import { besideLedger } from '../../stores/ledger/beside-ledger.js'
import { buildContextFromEnv, fallbackName, requesterFromEnv } from '../settings/runner-environment.js'
import { signerExpectation } from '../settings/signer-expectation.js'
import { requirementReason, signatureRequired } from '../settings/signing-settings.js'
import type { LedgerLocation } from '../settings/types.js'
import { checkSignature } from '../signature/check-signature.js'
import { signatureSources } from '../signature/sources.js'
import type { Signing } from '../signature/types.js'
import { fetchAndCheckBytes } from '../verify/fetch-bytes.js'
import type { FetchContext } from '../verify/types.js'
import { sealInfoBesideListing } from '../verify/sealed-by.js'
import { recordAttester } from './attest-record.js'
import { contractSources } from './contract-sources.js'
import type { PromoteRequest, PromotionAsked } from './types.js'

/** Where a promotion runs: how the entry point names what it was given, and where its words and files go. */
export interface PromotionContext {
  readonly env: Env
  /** Where relative paths were taken from: the workspace, or the CLI's working directory. */
  readonly baseDir: string
  /** A directory for downloads and hand-outs, never the workspace (see FetchContext). */
  readonly downloadsDir: string
  /** The inputs or flags, for messages. */
  readonly names: {
    readonly environment: string
    readonly digest: string
    readonly name: string
    readonly checksums: string
    readonly artifactName: string
    readonly contractBaseline: string
    readonly token: string
  }
  /** Messages name flags (`--public-key`), not inputs. */
  readonly asFlags: boolean
  /** The live digest's workflow artifact may be downloaded for its contract (on a runner). */
  readonly downloads: boolean
  readonly log: (message: string) => void
  readonly warn: (message: string) => void
  readonly onProgress: (progress: HashProgress) => void
}

/**
 * The one promote request the action and the CLI both make: how the bytes are fetched and
 * checked, where the seal's signature is looked for and whom it must name, how records are
 * signed, where the two contracts are found. The use case does the rest.
 */
export function promoteRequest(asked: PromotionAsked, policy: PromotionPolicy, ledger: LedgerLocation, signing: Signing, context: PromotionContext): PromoteRequest {
  const { env, names } = context
  const source = asked.source
  const listing = (source?.kind === 'local' ? source.checksumsFile : null) ?? asked.sealListing
  const sealed = asked.digest === 'previous' ? null : sealInfoBesideListing(listing, asked.digest, { serverUrl: serverUrlOf(env), onInvalid: context.warn })
  const fetchContext: FetchContext = {
    env,
    downloadsDir: context.downloadsDir,
    seal: { fallbackName: fallbackName(env, context.baseDir), build: buildContextFromEnv(env), onProgress: context.onProgress },
    inputs: { expected: names.digest, checksums: names.checksums, artifactName: names.artifactName },
    log: context.log
  }
  const policyAsks = (policy.environments.find((e) => e.name === asked.environment)?.signedBy ?? null) !== null
  const required = signatureRequired(asked.signer, policyAsks)
  const expectation = signerExpectation(asked.signer, required, env)
  return {
    environment: asked.environment,
    digest: asked.digest,
    rollback: asked.rollback,
    dryRun: asked.dryRun,
    name: asked.name ?? sealed?.name ?? null,
    environmentUrl: asked.environmentUrl,
    sealedBy: sealed?.sealedBy ?? null,
    requester: requesterFromEnv(env),
    inputs: { environment: names.environment, digest: names.digest, name: names.name },
    artifact: null,
    ...(source ? { verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext) } : {}),
    withoutBytes: asked.withoutBytes,
    checkSignature: (digest, bytes) =>
      checkSignature(digest, signatureSources(bytes?.checksumsFile ?? asked.sealListing, required || asked.signer.asksForSigner, asked.token, names.token, env), expectation),
    signatureRequired: required ? requirementReason(asked.signer, policyAsks) : null,
    serverUrl: expectation.serverUrl,
    ...(signing.kind === 'none' ? {} : { attest: recordAttester(signing, { ledger, policy, env, token: asked.token, tokenInput: names.token }) }),
    contract: contractSources({
      store: ledger.kind === 'file' ? besideLedger(ledger.file).contracts : null,
      baseline: asked.contractBaseline === null ? null : { path: path.resolve(context.baseDir, asked.contractBaseline), inputName: names.contractBaseline },
      warn: context.warn,
      ...(context.downloads
        ? {
            download: async (digest, artifact) => {
              const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId)
              const fetched = await fetchAndCheckBytes({ kind: 'artifact', name: artifact.name, runId, repository: null, token: asked.token }, digest, { sealedBy: null, name: null, artifact }, fetchContext)
              if (!fetched.verified || fetched.checksumsFile === null) throw new SealError('mismatch', `its files are not ${digest}`)
              return fetched.checksumsFile
            }
          }
        : {})
    })
  }
}
