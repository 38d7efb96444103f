import type { Digest } from '../digest.js'
import { quote } from '../errors.js'
import type { ContractRef } from '../contract/manifest.js'

/**
 * What a promotion record says happened:
 * - `pending`: the gate let the digest in; the deployment is not confirmed yet, so the
 *   environment does not run it as far as the ledger knows (never live);
 * - `deployed`: the deployment of a pending promotion was confirmed: the digest is the
 *   environment's live digest from this record's time;
 * - `rolled-back`: the same for a pending rollback: a digest the environment ran before is
 *   live again;
 * - `failed`: the deployment of a pending record failed, or could not be confirmed (the
 *   digest was vetoed meanwhile); the environment keeps what it ran;
 * - `abandoned`: a pending record nobody confirmed within the pending timeout;
 * - `refused`: the gate said no; the environment keeps what it ran;
 * - `vetoed`: the digest was marked bad; no environment accepts it from then on;
 * - `approved`: someone approved a breaking contract amendment of the environment (its
 *   `approves`), which one promotion of the digest under `require-approval` may use;
 * - `observed`: someone looked at what the environment runs (its `observation`); the record's
 *   digest is the live digest it was compared with. It changes nothing that runs;
 * - `acknowledged`: someone accepted the environment's drift, with a reason; under
 *   `drift: block` the environment counts again from then on, until the next drift.
 */
export type Outcome =
  | 'pending'
  | 'deployed'
  | 'rolled-back'
  | 'failed'
  | 'abandoned'
  | 'refused'
  | 'vetoed'
  | 'approved'
  | 'observed'
  | 'acknowledged'

export const OUTCOMES: readonly Outcome[] = [
  'pending',
  'deployed',
  'rolled-back',
  'failed',
  'abandoned',
  'refused',
  'vetoed',
  'approved',
  'observed',
  'acknowledged'
]

/** The outcomes that record what was seen or accepted, never a gate decision: they carry no mode. */
export const OBSERVING: readonly Outcome[] = ['observed', 'acknowledged']

/** The outcomes that close a pending record; such a record names the pending one in `resolves`. */
export type Resolution = 'deployed' | 'rolled-back' | 'failed' | 'abandoned'

export const RESOLUTIONS: readonly Resolution[] = ['deployed', 'rolled-back', 'failed', 'abandoned']

/** Whether a gate decision was a promotion or a rollback; null on a veto or an approval. */
export type Mode = 'promote' | 'rollback'

/**
 * How long a pending record waits for its confirmation. The post step of the job that made
 * it confirms it, and a GitHub-hosted job runs at most 6 hours; after that the next gate in
 * the environment marks it abandoned.
 */
export const DEFAULT_PENDING_TIMEOUT_MS = 6 * 60 * 60 * 1000

/** The build that sealed the digest, as far as it is known. */
export interface SealedBy {
  readonly repository: string | null
  readonly commit: string | null
  readonly runUrl: string | null
  /**
   * Who signed the seal, as verified when the record was written: the certificate's
   * identity (the workflow, `https://github.com/o/r/.github/workflows/w.yml@ref`) or
   * `key:<hint>`. Absent when the seal was not signed or its signature was not checked:
   * then the fields above were read from an unsigned statement, a claim and not a proof.
   */
  readonly signer?: string | null
}

/** A signed attestation of the record: a SLSA verification summary in a Sigstore bundle. */
export interface AttestationRef {
  /** Where it is: the attestation's page on GitHub, or the bundle file beside a file ledger. */
  readonly uri: string
  /** The sha256 of the bundle's bytes, so the record pins exactly one bundle. */
  readonly digest: Digest
  /**
   * The attestations API's id; null for a bundle kept beside a file ledger, or stored by a request
   * whose answer was lost (`uri` is then the API's list for the digest).
   */
  readonly id: string | null
}

/** The workflow artifact that carries the digest's files, so a later run (a rollback) can fetch them. */
export interface ArtifactRef {
  readonly name: string
  /** The workflow run that uploaded it. */
  readonly runId: string
}

/**
 * How the contract an environment runs changes with a record: from the live digest's
 * contract to the candidate's. Counts by severity and the rule ids found, so a reader of the
 * ledger sees what kind of amendment it was without the contract files.
 */
export interface Amendment {
  /** The live digest's contract; null when the environment ran no contract (or nothing) before. */
  readonly from: ContractRef | null
  /** The candidate's contract; null when it carries none (every contract file was removed). */
  readonly to: ContractRef | null
  readonly breaking: number
  readonly dangerous: number
  readonly compatible: number
  /** Every rule id found, breaking ones first, each once. */
  readonly rules: readonly string[]
  /** The approval record the amendment went through on, under `breaking: require-approval`. */
  readonly approval?: string | null
}

/** What an approval record approves: one amendment of one environment's contract, from one digest to another. */
export interface ApprovalScope {
  /** The contract digest the environment runs; null when it runs none. */
  readonly from: Digest | null
  readonly to: Digest
}

/**
 * One deployable unit of an environment: an environment runs one live digest per service, and
 * history, rollback, soak and contract amendments are kept per service. Null is the default
 * service, the one records without a name belong to.
 */
export type Service = string | null

/** What an `observed` record found: the verdict, what ran, which probes looked. */
export interface ObservationFacts {
  readonly verdict: 'matches' | 'drifted' | 'unknown'
  /** What runs, as seen (a digest, several, or a short account); null when unknown. */
  readonly observed: string | null
  /** The probe kinds that looked (url, command, files, contract-url). */
  readonly probes: readonly string[]
  /**
   * The contract's rule ids found against the live digest's sealed contract; empty when it matched
   * or was not looked at.
   */
  readonly rules: readonly string[]
}

/** One ledger entry as the use cases write it; the backend adds its id. */
export interface PromotionRecord {
  readonly digest: Digest
  /** The artifact's name when known, for people reading the history. */
  readonly name: string | null
  readonly environment: string
  /**
   * The service the record is about (see `serviceOf`). Absent on records written before
   * services existed, and on a record whose writer leaves it to the name.
   */
  readonly service?: Service
  readonly outcome: Outcome
  /** Promotion or rollback for a gate's decision and its resolution; null for a veto or an approval. */
  readonly mode: Mode | null
  /** ISO 8601, UTC: the ledger's clock when it was appended (the backend sets it). */
  readonly time: string
  readonly runUrl: string | null
  readonly actor: string | null
  readonly sealedBy: SealedBy | null
  /** What the environment ran when the record was written. */
  readonly previousDigest: Digest | null
  /** Why it was refused, vetoed, failed or abandoned; null otherwise. */
  readonly reason: string | null
  readonly environmentUrl: string | null
  /** Where the files can be fetched again; null when no workflow artifact is known. */
  readonly artifact: ArtifactRef | null
  /** For a resolution (deployed, rolled-back, failed, abandoned): the id of the pending record it closes. */
  readonly resolves: string | null
  /** A unique key the writer chose, so a retried write can find the record it may already have made. */
  readonly key: string
  /** The record's signed verification summary, when promote was asked to sign. */
  readonly attestation?: AttestationRef | null
  /** The contract the digest carries, when it was sealed with one. */
  readonly contract?: ContractRef | null
  /** How the environment's contract changes with this record; absent when it does not change or was not compared. */
  readonly amendment?: Amendment | null
  /** On an `approved` record: the amendment it lets through once. */
  readonly approves?: ApprovalScope | null
  /** On an `observed` record: what was found. */
  readonly observation?: ObservationFacts | null
}

/** A record before the ledger has stamped it with its clock. */
export type NewRecord = Omit<PromotionRecord, 'time'>

/** A record as a ledger returns it: with the backend's id and, when it has one, a URL. */
export interface LedgerEntry extends PromotionRecord {
  readonly id: string
  readonly url: string | null
}

/** One continuous stretch during which a digest was an environment's live digest. */
export interface LiveSpan {
  readonly digest: Digest
  readonly environment: string
  /** ISO 8601: when its deployment was confirmed. */
  readonly from: string
  /** ISO 8601: when another digest's deployment replaced it; null while it is still live. */
  readonly until: string | null
  /** The record that made it live: the pending record the confirmation resolved. */
  readonly recordId: string
}

/**
 * Whether ISO time `a` is before `b`: a string comparison when both are in the form toISOString
 * writes (every record this project writes, so most of a long ledger), else by Date.parse.
 */
export function isEarlier(a: string, b: string): boolean {
  return isIsoUtc(a) && isIsoUtc(b) ? a < b : Date.parse(a) < Date.parse(b)
}

/** `2026-01-31T12:00:00.000Z`'s shape, whose text sorts as its time does (a 24-character +hhmm time does not). */
function isIsoUtc(time: string): boolean {
  return time.length === 24 && time.charCodeAt(23) === 90 /* Z */
}

/**
 * The service a record belongs to: the one it names, or, for a record that names none
 * (written before services existed), the one its artifact's name gives; a record with
 * neither belongs to the default service. A one-service repository, whose records all carry
 * the name its seal gives, so reads its old records as one service, as before.
 */
export function serviceOf(record: Pick<PromotionRecord, 'service' | 'name'>): Service {
  return record.service !== undefined ? record.service : record.name
}

/** How a service is named in messages: quoted, or "the default service". */
export function describeService(service: Service): string {
  return service === null
    ? 'the default service (records without a name)'
    : `service ${quote(service)}`
}

/** Whether an outcome makes the record's digest the environment's live digest. */
export function makesLive(outcome: Outcome): boolean {
  return outcome === 'deployed' || outcome === 'rolled-back'
}

/** The outcome that confirms a pending record of this mode. */
export function confirmedOutcome(mode: Mode | null): 'deployed' | 'rolled-back' {
  return mode === 'rollback' ? 'rolled-back' : 'deployed'
}
