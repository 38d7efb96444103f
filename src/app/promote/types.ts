import type { Digest } from '../../core/digest.js'
import type { Decision } from '../../core/promotion/gate.js'
import type {
  ArtifactRef,
  AttestationRef,
  LedgerEntry,
  LiveSpan,
  NewRecord,
  SealedBy,
  Service
} from '../../core/promotion/record.js'
import type { SignatureCheck } from '../signature/types.js'

import type { BytesCheck } from '../verify/types.js'
import type { KnownDigest, Requester } from '../ledger/types.js'
import type { LoadedContract } from '../../core/contract/classify.js'
import type { ContractRef } from '../../core/contract/manifest.js'
import type { ContractEvidence } from '../../core/promotion/decide-promotion.js'
import type { BytesSource, SignerCheckSettings } from '../settings/types.js'

/** The promote use case: the request, its result, the contracts compared on the way. */

export interface PromoteRequest {
  readonly environment: string
  /**
   * A digest, or "previous" with rollback: the last good digest before the live one; null with
   * `from`: the digest `from` runs.
   */
  readonly digest: Digest | 'previous' | null
  /**
   * Promote what another environment runs: the live digest of the service there. A digest given
   * too must be that one.
   */
  readonly from?: string | null
  readonly rollback: boolean
  readonly dryRun: boolean
  /**
   * The name (the service) the caller gave: the subject-name input or --name; null when none. Never
   * read from an unsigned file.
   */
  readonly name: string | null
  /**
   * The name an unsigned statement beside the bytes' listing gives: shown as claimed, never used
   * to pick the service. Beside a verified signature that names another subject, it is a swap.
   */
  readonly claimedName?: string | null
  readonly environmentUrl: string | null
  /** From the seal's statement when the caller has it; else looked up in the ledger. */
  readonly sealedBy: SealedBy | null
  readonly requester: Requester
  /** Names the inputs or options in error messages; `name` picks the service ("name" by default). */
  readonly inputs: {
    readonly environment: string
    readonly digest: string
    readonly name?: string
    readonly from?: string
    readonly wait?: string
  }
  /** The workflow artifact holding the files, when the caller knows it. */
  readonly artifact: ArtifactRef | null
  /**
   * Fetches and checks the bytes about to be deployed once the digest is known; absent when
   * none are given. `known` is what the ledger says about the digest (where its files are).
   */
  readonly verifyBytes?: (digest: Digest, known: KnownDigest) => Promise<BytesCheck>
  /**
   * Without verifyBytes: what lets the digest through with no bytes checked. A seal whose
   * signed statement says it is of a digest alone (subject-digest: an image) always;
   * `declared` when the caller says so for this promotion (digest-only: true). Neither: bad
   * input, refused before anything is recorded, with `missing` (which names what to give)
   * and what the signature check found.
   */
  readonly withoutBytes: WithoutBytes
  /**
   * Finds and checks the seal's signature once the bytes are checked (the bundle that
   * travelled with them, or the attestations API); absent when signatures are not checked.
   */
  readonly checkSignature?: (digest: Digest, bytes: BytesCheck | null) => Promise<SignatureCheck>
  /**
   * Why a seal that carries no signature is refused (which inputs, flags or policy name a signer),
   * or null (or absent) when an unsigned seal may pass. It holds for a rollback as for a
   * promotion; where the environment has a signed-by rule, that rule refuses under its own name.
   */
  readonly signatureRequired?: string | null
  /** The GitHub server the signer's identity is on, for the policy's signed-by rule. */
  readonly serverUrl?: string
  /**
   * Signs the record about to be written as a verification summary and stores it, inside the
   * ledger step, so the record can link it; absent when records are not signed.
   */
  readonly attest?: (
    record: NewRecord,
    decision: Decision | null,
    signature: SignatureCheck | null
  ) => Promise<AttestationRef>
  /**
   * Where the candidate's contract and the one the environment runs are found; absent when
   * contracts are not looked at.
   */
  readonly contract?: ContractSources
  /**
   * Wait for a soak that is not over yet instead of refusing at once, when it is the only rule
   * unmet and it is over within `maxMs`: sleep (never holding the ledger's lock), then read the
   * ledger and judge everything again. Absent: no waiting.
   */
  readonly wait?: SoakWait
}

export interface SoakWait {
  /** The most the promotion sleeps in all (the wait input, or --wait). */
  readonly maxMs: number
  /** Sleeps; the action's and the CLI's use a timer, tests move a clock. */
  readonly sleep: (ms: number) => Promise<void>
  /** Says what it waits for, and how long. */
  readonly log: (message: string) => void
}

/** See PromoteRequest.withoutBytes. */
export interface WithoutBytes {
  readonly declared: boolean
  readonly missing: string
}

export interface PromoteResult {
  readonly decision: Decision
  /** The digest the request resolved to ("previous" becomes the actual digest). */
  readonly digest: Digest | null
  /** The service the promotion is of (`serviceFor`); what it runs is what `previous` and the gate's facts are about. */
  readonly service: Service
  /** What the service ran in the environment before this promotion. */
  readonly previous: LiveSpan | null
  /** The record written (pending when allowed); null for a dry run or when the ledger could not be written. */
  readonly record: LedgerEntry | null
  /** Stale pending records of the environment this promotion marked abandoned. */
  readonly abandoned: readonly LedgerEntry[]
  readonly sealedBy: SealedBy | null
  /** The artifact's name: as given, as the signed statement says, or as earlier records that let the digest in say. */
  readonly name: string | null
  /** What an unsigned statement claims the name is, when nothing proved a name; shown as claimed, never used. */
  readonly claimedName?: string | null
  /** The check of the bytes, when they were given. */
  readonly verification: BytesCheck | null
  /** The check of the seal's signature, when one was made. */
  readonly signature: SignatureCheck | null
  /** The two contracts and every change between them, when contracts were looked at. */
  readonly contract: ContractPlan | null
  /** With `from`: what that environment ran, which this promotion took. */
  readonly from?: LiveSpan | null
  /** How long the promotion slept for a soak before deciding (ms); 0 when it did not wait. */
  readonly waitedMs?: number
}

/**
 * What promote learned of the two contracts before the ledger step, for the gate and the record,
 * with the candidate's files to keep.
 */
export interface ContractPlan extends ContractEvidence {
  /** The candidate's contract files, to keep for later baselines; null when not loaded. */
  readonly loaded: LoadedContract | null
}

export interface ContractPlanRequest {
  readonly environment: string
  /** The service promoted: its live digest's contract is the one compared. */
  readonly service: Service
  readonly digest: Digest
  readonly bytes: BytesCheck | null
  /** What the signed statement says the bytes carry; undefined when no signature was verified. */
  readonly signed: ContractRef | null | undefined
  /** What earlier records of the digest say it carries. */
  readonly recorded: ContractRef | null
  /** Whether to compare the contracts: the environment has a contract rule. */
  readonly compare: boolean
  /** The promotion time on the ledger's clock: `x-sunset` dates are judged against it. */
  readonly now: () => Promise<Date>
}

/** Where the gate finds the two contracts it compares. */
export interface ContractSources {
  /**
   * The candidate's sealed contract: the manifest beside the verified bytes' listing, or one
   * kept earlier under the digest `claimed` (what the digest's records or signed statement
   * say). `known: false` when there was nowhere to look (no listing beside the bytes, nothing
   * claimed); a SealError when the seal has a contract that cannot be read.
   */
  candidate(
    digest: Digest,
    bytes: BytesCheck | null,
    claimed: ContractRef | null
  ): Promise<CandidateContract>
  /**
   * The contract of the digest the environment runs, whose files must hash to `contract.digest`; a
   * SealError naming the fix when it cannot be had.
   */
  baseline(live: LiveContract): Promise<LoadedContract>
  /** Keeps a contract where a later `baseline` or `candidate` finds it; absent when there is nowhere to keep it. */
  keep?(contract: LoadedContract): Promise<void>
}

/** The candidate's sealed contract, or null: then `known` says whether its seal has none, or nobody could tell. */
export interface CandidateContract {
  readonly contract: LoadedContract | null
  readonly known: boolean
}

/** The digest an environment runs and the contract its record names. */
export interface LiveContract {
  readonly environment: string
  readonly digest: Digest
  readonly contract: ContractRef
  /** The workflow artifact its record names, to download its seal bundle from. */
  readonly artifact: ArtifactRef | null
}

export interface ContractSourceOptions {
  /**
   * A directory of contracts kept by content (`<hex>.contract.json` and `<hex>.contract/`): beside
   * a file ledger; null for none.
   */
  readonly store: string | null
  /** The `contract-baseline` input: a seal bundle (its directory or its `.contract.json`) of the live digest. */
  readonly baseline: { readonly path: string; readonly inputName: string } | null
  /**
   * Downloads the live digest's workflow artifact and returns its verified listing's path
   * (the seal bundle is beside it); absent when nothing can be downloaded.
   */
  readonly download?: (digest: Digest, artifact: ArtifactRef) => Promise<string>
  /** Says that a kept copy was ignored or could not be kept (the promotion goes on without it). */
  readonly warn?: (message: string) => void
}

/** A promotion as the action's inputs or the CLI's flags ask for it, read and checked. */
export interface PromotionAsked {
  readonly environment: string
  /** Null with `from`. */
  readonly digest: Digest | 'previous' | null
  /** The environment whose live digest is promoted; null for none. */
  readonly from?: string | null
  /** How long to wait for a soak that is not over yet (ms); 0 or absent: refuse at once. */
  readonly waitMs?: number
  readonly rollback: boolean
  readonly dryRun: boolean
  readonly name: string | null
  readonly environmentUrl: string | null
  /** Where the bytes to check are; null for none. */
  readonly source: BytesSource | null
  /** With no source: a seal bundle's listing, whose signature may show the seal is of a digest alone. */
  readonly sealListing: string | null
  readonly withoutBytes: WithoutBytes
  /** Whose signature on the seal is accepted. */
  readonly signer: SignerCheckSettings
  /** The live digest's seal bundle (an absolute path), for its contract; null to look for it. */
  readonly contractBaseline: string | null
  /** For the attestations API and downloads from other runs; empty when there is none. */
  readonly token: string
}
