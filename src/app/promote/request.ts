import * as path from 'node:path'
import { type Env, serverUrlOf } from '../../core/env.js'
import type { HashProgress } from '../../core/hashing/hash-files.js'
import { SealError } from '../../core/errors.js'
import { type PromotionPolicy, findEnvironment } from '../../core/promotion/policy.js'
import { besideLedger } from '../../stores/ledger/beside-ledger.js'
import {
  buildContextFromEnv,
  fallbackName,
  requesterFromEnv
} from '../settings/runner-environment.js'
import { signerExpectation } from '../settings/signer-expectation.js'
import { requirementReason, signatureRequired } from '../settings/signing-settings.js'
import type { LedgerLocation } from '../settings/types.js'
import { findSignatures, unsignedCheck } from '../signature/find-signature.js'
import { signatureSources } from '../signature/sources.js'
import type { SignatureSources, Signing } from '../signature/types.js'
import type { Digest } from '../../core/digest.js'
import type { NewRecord } from '../../core/promotion/record.js'
import { withDigest } from '../../core/image/reference.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'
import { fetchAndCheckBytes } from '../verify/fetch-bytes.js'
import type { FetchContext } from '../verify/types.js'
import { sealInfoBesideListing } from '../verify/sealed-by.js'
import { lazyContractSources } from './lazy-contract-sources.js'
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
    readonly from?: string
    readonly wait?: string
  }
  /** Messages name flags (`--public-key`), not inputs. */
  readonly asFlags: boolean
  /** The live digest's workflow artifact may be downloaded for its contract (on a runner). */
  readonly downloads: boolean
  readonly log: (message: string) => void
  readonly warn: (message: string) => void
  readonly onProgress: (progress: HashProgress) => void
  /** How a promotion that waits for a soak sleeps: a timer (tests move a clock instead). */
  readonly sleep?: (ms: number) => Promise<void>
  /** Each signed record (its bundle's JSON), as it is signed: push-to-registry attaches the promotion's. */
  readonly onRecordSigned?: (record: NewRecord, bundleJson: string) => void
  /**
   * The registry client of an image promotion, shared with what follows the gate (retag, copy,
   * push-to-registry) so one login serves them all; opened on first use.
   */
  readonly imageRegistry?: () => Promise<ImageRegistry>
}

/**
 * The one promote request the action and the CLI both make: how the bytes are fetched and
 * checked, where the seal's signature is looked for and whom it must name, how records are
 * signed, where the two contracts are found. The use case does the rest.
 */
export function promoteRequest(
  asked: PromotionAsked,
  policy: PromotionPolicy,
  ledger: LedgerLocation,
  signing: Signing,
  context: PromotionContext
): PromoteRequest {
  const { env, names } = context
  const source = asked.source
  const imageGate =
    source?.kind === 'image' ? imageGateOf(source, env, context.imageRegistry) : NO_IMAGE
  const listing =
    (source?.kind === 'local' || source?.kind === 'image' ? source.checksumsFile : null) ??
    asked.sealListing
  const sealed =
    asked.digest === 'previous' || asked.digest === null
      ? null
      : sealInfoBesideListing(listing, asked.digest, {
          serverUrl: serverUrlOf(env),
          onInvalid: context.warn
        })
  const fetchContext: FetchContext = {
    env,
    downloadsDir: context.downloadsDir,
    seal: {
      fallbackName: fallbackName(env, context.baseDir),
      build: buildContextFromEnv(env),
      onProgress: context.onProgress
    },
    inputs: {
      expected: names.digest,
      checksums: names.checksums,
      artifactName: names.artifactName
    },
    log: context.log
  }
  const environmentRule = findEnvironment(policy, asked.environment)
  const policyAsks = (environmentRule?.signedBy ?? null) !== null
  const required = signatureRequired(asked.signer, policyAsks)
  const expectation = signerExpectation(asked.signer, required, env)
  return {
    environment: asked.environment,
    digest: asked.digest,
    from: asked.from ?? null,
    rollback: asked.rollback,
    dryRun: asked.dryRun,
    name: asked.name,
    claimedName: sealed?.name ?? null,
    environmentUrl: asked.environmentUrl,
    sealedBy: sealed?.sealedBy ?? null,
    requester: requesterFromEnv(env),
    inputs: {
      environment: names.environment,
      digest: names.digest,
      name: names.name,
      ...(names.from === undefined ? {} : { from: names.from }),
      ...(names.wait === undefined ? {} : { wait: names.wait })
    },
    ...((asked.waitMs ?? 0) > 0
      ? {
          wait: {
            maxMs: asked.waitMs as number,
            sleep: context.sleep ?? sleepOnTimer,
            log: context.log
          }
        }
      : {}),
    artifact: null,
    ...(source?.kind === 'image'
      ? {
          verifyBytes: (digest) =>
            imageGate.check(digest, environmentRule?.platforms ?? [], asked.rollback)
        }
      : source
        ? {
            verifyBytes: (digest, known) => fetchAndCheckBytes(source, digest, known, fetchContext)
          }
        : {}),
    withoutBytes: asked.withoutBytes,
    checkSignature: async (digest, bytes) => {
      const checksumsFile = bytes?.checksumsFile ?? asked.sealListing
      const plain = signatureSources(
        checksumsFile,
        required || asked.signer.asksForSigner,
        asked.token,
        names.token,
        env
      )
      const sources =
        source?.kind === 'image' && (required || asked.signer.asksForSigner)
          ? await imageGate.sources(plain)
          : plain
      const found = await findSignatures(digest, sources)
      if (found.candidates.length === 0) return unsignedCheck(digest, found.looked)
      // Loaded only when there is a signature to check: most of it is Sigstore's.
      const { checkCandidates } = await import('../signature/check-signature.js')
      return checkCandidates(found.candidates, digest, expectation, checksumsFile)
    },
    signatureRequired: required ? requirementReason(asked.signer, policyAsks) : null,
    serverUrl: expectation.serverUrl,
    ...(signing.kind === 'none'
      ? {}
      : {
          attest: async (record, decision, signature) =>
            (await import('./attest-record.js')).recordAttester(signing, {
              ledger,
              policy,
              env,
              token: asked.token,
              tokenInput: names.token,
              ...(context.onRecordSigned === undefined ? {} : { onSigned: context.onRecordSigned })
            })(record, decision, signature)
        }),
    contract: lazyContractSources({
      store: ledger.kind === 'file' ? besideLedger(ledger.file).contracts : null,
      baseline:
        asked.contractBaseline === null
          ? null
          : {
              path: path.resolve(context.baseDir, asked.contractBaseline),
              inputName: names.contractBaseline
            },
      warn: context.warn,
      ...(context.downloads
        ? {
            download: async (digest, artifact) => {
              const runId = artifact.runId === env.GITHUB_RUN_ID ? null : Number(artifact.runId)
              const fetched = await fetchAndCheckBytes(
                {
                  kind: 'artifact',
                  name: artifact.name,
                  runId,
                  repository: null,
                  token: asked.token
                },
                digest,
                { sealedBy: null, name: null, artifact },
                fetchContext
              )
              if (!fetched.verified || fetched.checksumsFile === null)
                throw new SealError('mismatch', `its files are not ${digest}`)
              return fetched.checksumsFile
            }
          }
        : {})
    })
  }
}

function sleepOnTimer(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * The image gate of a promotion by `subject-path: oci://…`: one registry client for the bytes and
 * the signatures attached to the image.
 */
function imageGateOf(
  source: Extract<NonNullable<PromotionAsked['source']>, { kind: 'image' }>,
  env: Env,
  shared: (() => Promise<ImageRegistry>) | undefined
) {
  let registry: ImageRegistry | null = null
  const open =
    shared ??
    (async (): Promise<ImageRegistry> => {
      const { imageRegistryFor } = await import('../image/image-bytes.js')
      registry ??= imageRegistryFor(source, env)
      return registry
    })
  return {
    check: async (digest: Digest, platforms: readonly string[], rollback: boolean) => {
      const { checkImageBytes } = await import('../image/image-bytes.js')
      // A rollback returns to a digest the tag no longer names: the image is checked by that digest.
      const checked =
        rollback && source.reference.digest === null
          ? { ...source, reference: withDigest(source.reference, digest) }
          : source
      return checkImageBytes(checked, digest, await open(), { platforms })
    },
    sources: async (base: SignatureSources) => {
      const { imageSignatureSources } = await import('../image/image-bytes.js')
      return imageSignatureSources(base, source, await open())
    }
  }
}

const NO_IMAGE: ReturnType<typeof imageGateOf> = {
  check: () => Promise.reject(new Error('unreachable: no image to check')),
  sources: (base) => Promise.resolve(base)
}
