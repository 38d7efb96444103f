import type { Digest } from '../digest.js'

/**
 * What a promotion record says happened:
 * - `promoted`: the digest passed the gate and became the environment's live digest;
 * - `rolled-back`: a digest the environment ran before became live again;
 * - `refused`: the gate said no; the environment kept what it ran;
 * - `vetoed`: the digest was marked bad; no environment accepts it from then on.
 */
export type Outcome = 'promoted' | 'rolled-back' | 'refused' | 'vetoed'

/** The build that sealed the digest, as far as it is known. */
export interface SealedBy {
  readonly repository: string | null
  readonly commit: string | null
  readonly runUrl: string | null
}

/** The workflow artifact that carries the digest's files, so a later run (a rollback) can fetch them. */
export interface ArtifactRef {
  readonly name: string
  /** The workflow run that uploaded it. */
  readonly runId: string
}

/** One ledger entry as the use cases write it; the backend adds its id. */
export interface PromotionRecord {
  readonly digest: Digest
  /** The artifact's name when known, for people reading the history. */
  readonly name: string | null
  readonly environment: string
  readonly outcome: Outcome
  /** ISO 8601, UTC. */
  readonly time: string
  readonly runUrl: string | null
  readonly actor: string | null
  readonly sealedBy: SealedBy | null
  /** What the environment ran when the record was written. */
  readonly previousDigest: Digest | null
  /** Why it was refused or vetoed; null for promotions. */
  readonly reason: string | null
  readonly environmentUrl: string | null
  /** Where the files can be fetched again; null when no workflow artifact is known. */
  readonly artifact: ArtifactRef | null
}

/** A record as a ledger returns it: with the backend's id and, when it has one, a URL. */
export interface LedgerEntry extends PromotionRecord {
  readonly id: string
  readonly url: string | null
}

/** One continuous stretch during which a digest was an environment's live digest. */
export interface LiveSpan {
  readonly digest: Digest
  readonly environment: string
  /** ISO 8601: when it became live. */
  readonly from: string
  /** ISO 8601: when another digest replaced it; null while it is still live. */
  readonly until: string | null
  /** The record that made it live. */
  readonly recordId: string
}

/** Whether an outcome makes the record's digest the environment's live digest. */
export function makesLive(outcome: Outcome): boolean {
  return outcome === 'promoted' || outcome === 'rolled-back'
}
