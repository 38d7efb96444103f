import type { ArtifactRef, LedgerEntry, LiveSpan, SealedBy, Service } from '../../core/promotion/record.js'
import type { ContractRef } from '../../core/contract/manifest.js'

/** The ledger use case: what earlier records say, who asks, how a ledger step runs, what each environment runs. */

/** What earlier records say about a digest: who sealed it, its name, where its files are, its contract. */
export interface KnownDigest {
  readonly sealedBy: SealedBy | null
  /** The name a record that let the digest in gave it; null when none did (a refused promotion's name is never taken). */
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
}
