import type { Digest } from '../../core/digest.js'
import type {
  ArtifactRef,
  LedgerEntry,
  LiveSpan,
  SealedBy,
  Service
} from '../../core/promotion/record.js'
import type { ContractRef } from '../../core/contract/manifest.js'

/** The ledger use case: what earlier records say, who asks, how a ledger step runs, what each environment runs. */

/** What earlier records say about a digest: who sealed it, its name, where its files are, its contract. */
export interface KnownDigest {
  readonly sealedBy: SealedBy | null
  /**
   * The name a record that let the digest in gave it; null when none did (a refused promotion's
   * name is never taken).
   */
  readonly name: string | null
  /** The service a record that let the digest in was of; absent when no record let it in. */
  readonly service?: Service
  readonly artifact: ArtifactRef | null
  readonly contract?: ContractRef | null
}

/** Who is asking, as the record will say. */
export interface Requester {
  readonly runUrl: string | null
  readonly actor: string | null
}

/** How the ledger step of a promotion, a veto or an approval runs. */
export interface RecordOptions {
  /** How long a pending record waits for its confirmation before the next gate abandons it. */
  readonly pendingTimeoutMs: number
}

/** What one service of one environment runs now, or why that is not known. */
export interface EnvironmentStatus {
  readonly environment: string
  readonly service: Service
  readonly live: LiveSpan | null
  /**
   * The contract the live digest carries, as the record that made it live names it; null when
   * nothing is live or that record names none (sealed without a contract, or recorded before
   * contracts were).
   */
  readonly contract: ContractRef | null
  /** Promotions let in whose deployment is not confirmed yet: not live. */
  readonly pending: readonly LedgerEntry[]
  /** Set when the ledger could not say. */
  readonly error: string | null
  /** For an environment whose policy moves an image by tag: what the tag names now (see `withImageTags`). */
  readonly image?: ImageTagStatus
}

/** What an environment's image tag names in its registry now, beside the ledger's live digest. */
export interface ImageTagStatus {
  /** `ghcr.io/acme/app:production` */
  readonly reference: string
  /** The digest the tag names now; null when it could not be read (`error` says why) or does not exist. */
  readonly names: Digest | null
  /**
   * `live`: the tag names the live digest; `pending`: a digest let in and not confirmed yet
   * (the promotion moved the tag); `moved`: anything else, or no tag: it moved behind the
   * gate's back; `unknown`: the registry could not say (`error`).
   */
  readonly state: 'live' | 'pending' | 'moved' | 'unknown'
  readonly error: string | null
}
