import { hexOf, parseDigest } from '../digest.js'
import { SealError, quote } from '../errors.js'
import { type Mode, OUTCOMES, type Outcome } from '../promotion/record.js'
import { STATEMENT_TYPE } from '../statement.js'
import { isRecord } from '../json-shape.js'

/**
 * A promotion decision as a SLSA Verification Summary v1 (slsa-framework/slsa
 * `spec/verification_summary.md`, minor version 1.2) in an in-toto Statement v1: the gate
 * is the verifier, the artifact's digest the subject, the environment the resource, the
 * policy file the policy, the seal's bundle the input attestation.
 */

export const VSA_PREDICATE_TYPE = 'https://slsa.dev/verification_summary/v1'
export const VSA_SLSA_VERSION = '1.0'

/**
 * The predicate's extension field for artifact-seal's own facts. The VSA spec lets producers
 * add fields "using field names that are URIs"; in-toto's parsing rules ask that names avoid
 * `.` and `$` (database queries). A URN in the form the statement's build type already uses
 * is both. Consumers that do not know it ignore it, and it changes no other field's meaning.
 */
export const PROMOTION_EXTENSION = 'urn:artifact-seal:promotion:v1'

export type VerificationResult = 'PASSED' | 'FAILED'

export interface DigestedResource {
  readonly uri: string
  readonly digest: Readonly<Record<string, string>>
}

/**
 * artifact-seal's record of the decision, under PROMOTION_EXTENSION. The named fields are
 * checked on reading; further fields (the gate's checks) are kept as given.
 */
export interface PromotionExtension {
  /**
   * The ledger record this summary attests, by the key its writer chose: the summary is
   * signed before the record that links it is appended and given the backend's id.
   */
  readonly key: string
  readonly environment: string
  readonly outcome: Outcome
  /** promote or rollback; null for a veto. */
  readonly mode: Mode | null
  /** Why it was refused, vetoed, failed or abandoned; null otherwise. */
  readonly reason: string | null
  readonly [field: string]: unknown
}

export interface VerificationSummaryPredicate {
  readonly verifier: { readonly id: string; readonly version?: Readonly<Record<string, string>> }
  readonly timeVerified?: string
  readonly resourceUri: string
  readonly policy: { readonly uri: string; readonly digest?: Readonly<Record<string, string>> }
  readonly inputAttestations?: readonly DigestedResource[]
  readonly verificationResult: VerificationResult
  readonly verifiedLevels: readonly string[]
  readonly dependencyLevels?: Readonly<Record<string, number>>
  readonly slsaVersion?: string
  readonly [PROMOTION_EXTENSION]?: PromotionExtension
}

export interface VerificationSummaryStatement {
  readonly _type: typeof STATEMENT_TYPE
  readonly subject: readonly {
    readonly name?: string
    readonly digest: Readonly<Record<string, string>>
  }[]
  readonly predicateType: typeof VSA_PREDICATE_TYPE
  readonly predicate: VerificationSummaryPredicate
}

export interface VerificationSummaryInput {
  /** The artifact's sha256: hex, or `sha256:<hex>`. */
  readonly digest: string
  readonly subjectName: string
  /** Who decided, as a URI: the promote action (`https://github.com/OWNER/artifact-seal/promote@v1`) or the CLI's id. */
  readonly verifierId: string
  /** The verifier's version; a string is recorded as the version of `artifact-seal`. */
  readonly verifierVersion: string | Readonly<Record<string, string>>
  /** ISO 8601 in UTC. */
  readonly timeVerified: string
  /** The environment promoted to: `https://github.com/acme/shop/environments/production`, or a file ledger's URI. */
  readonly resourceUri: string
  /** The policy file; its digest pins the exact version (the spec: SHOULD), left out when null. */
  readonly policy: { readonly uri: string; readonly digest: { readonly sha256: string } | null }
  /** Every attestation the decision read (the spec: all of them, or the field left out); none gives no field. */
  readonly inputAttestations: readonly DigestedResource[]
  readonly result: VerificationResult
  /**
   * One level per track, such as SLSA_BUILD_LEVEL_2; ignored when FAILED, which records ["FAILED"]
   * as the spec asks.
   */
  readonly verifiedLevels: readonly string[]
  readonly extension?: PromotionExtension
}

/**
 * The statement for a decision. Its fields are checked as `readVerificationSummary`
 * checks them, so what is written is what a reader accepts.
 */
export function verificationSummary(input: VerificationSummaryInput): VerificationSummaryStatement {
  const hex = hexOf(parseDigest(input.digest, "the verification summary's subject digest"))
  const predicate: Record<string, unknown> = {
    verifier: {
      id: input.verifierId,
      version:
        typeof input.verifierVersion === 'string'
          ? { 'artifact-seal': input.verifierVersion }
          : { ...input.verifierVersion }
    },
    timeVerified: input.timeVerified,
    resourceUri: input.resourceUri,
    policy:
      input.policy.digest === null
        ? { uri: input.policy.uri }
        : { uri: input.policy.uri, digest: { sha256: input.policy.digest.sha256 } },
    ...(input.inputAttestations.length === 0
      ? {}
      : {
          inputAttestations: input.inputAttestations.map((a) => ({
            uri: a.uri,
            digest: { ...a.digest }
          }))
        }),
    verificationResult: input.result,
    verifiedLevels: input.result === 'FAILED' ? ['FAILED'] : [...input.verifiedLevels],
    slsaVersion: VSA_SLSA_VERSION,
    ...(input.extension === undefined ? {} : { [PROMOTION_EXTENSION]: { ...input.extension } })
  }
  return readVerificationSummary({
    _type: STATEMENT_TYPE,
    subject: [{ name: input.subjectName, digest: { sha256: hex } }],
    predicateType: VSA_PREDICATE_TYPE,
    predicate
  })
}

class Invalid {
  constructor(
    readonly path: string,
    readonly problem: string
  ) {}
}

function fail(path: string, problem: string): never {
  throw new Invalid(path, problem)
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = typeof value === 'string' ? quote(value) : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) fail(path, `must be an object, got ${shown(value)}`)
  return value
}

function string(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '')
    fail(path, `must be a non-empty string, got ${shown(value)}`)
  return value
}

/** RFC 3986 with the scheme in lower case: the in-toto TypeURI and ResourceURI rule. */
function uri(value: unknown, path: string): string {
  const text = string(value, path)
  if (!/^[a-z][a-z0-9+.-]*:\S+$/.test(text) || !URL.canParse(text))
    fail(path, `must be a URI with a lower-case scheme, got ${shown(value)}`)
  return text
}

/** RFC 3339 in UTC ("Z"), as in-toto's Timestamp field type asks. */
function timestamp(value: unknown, path: string): string {
  const text = string(value, path)
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(text) ||
    Number.isNaN(Date.parse(text))
  )
    fail(path, `must be an RFC 3339 time in UTC ("…Z"), got ${shown(value)}`)
  return text
}

/** Hex lengths of the DigestSet algorithms in-toto's validator checks; others are left as they are. */
const HEX_LENGTHS: Readonly<Record<string, number>> = {
  sha256: 64,
  sha384: 96,
  sha512: 128,
  sha1: 40,
  dirHash: 64
}

function digestSet(value: unknown, path: string): Record<string, string> {
  const set = object(value, path)
  const entries = Object.entries(set)
  if (entries.length === 0) fail(path, 'must name at least one digest')
  for (const [algorithm, digest] of entries) {
    const text = string(digest, `${path}.${algorithm}`)
    const length = HEX_LENGTHS[algorithm]
    if (length !== undefined && !new RegExp(`^[0-9a-f]{${length}}$`).test(text))
      fail(
        `${path}.${algorithm}`,
        `must be ${length} lower-case hex characters, got ${shown(text)}`
      )
  }
  return set as Record<string, string>
}

function stringMap(value: unknown, path: string): Record<string, string> {
  const map = object(value, path)
  for (const [key, entry] of Object.entries(map)) string(entry, `${path}.${key}`)
  return map as Record<string, string>
}

/** Properties SLSA names outside its tracks (spec/verified-properties.md). */
const VERIFIED_PROPERTIES = new Set(['SLSA_SOURCE_TWO_PARTY_REVIEWED', 'SLSA_BUILD_REPRODUCED'])
const TRACK_LEVEL = /^SLSA_([A-Z][A-Z0-9]*(?:_[A-Z][A-Z0-9]*)*)_LEVEL_(\d+|UNEVALUATED)$/

function verifiedLevels(value: unknown, result: VerificationResult, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0)
    fail(
      path,
      `must be a non-empty array of levels (such as ["SLSA_BUILD_LEVEL_2"]), got ${shown(value)}`
    )
  const tracks = new Set<string>()
  const levels = value.map((entry, index) => string(entry, `${path}[${index}]`))
  if (result === 'FAILED' && (levels.length !== 1 || levels[0] !== 'FAILED'))
    fail(path, `must be ["FAILED"] when verificationResult is FAILED, got ${shown(levels)}`)
  if (result === 'PASSED' && levels.includes('FAILED'))
    fail(path, 'must not hold "FAILED" when verificationResult is PASSED')
  levels.forEach((level, index) => {
    if (level === 'FAILED' || VERIFIED_PROPERTIES.has(level)) return
    const track = TRACK_LEVEL.exec(level)?.[1]
    if (track === undefined) {
      if (level.startsWith('SLSA_'))
        fail(
          `${path}[${index}]`,
          `${shown(level)} is neither a SLSA level (SLSA_<TRACK>_LEVEL_<N> or _UNEVALUATED) nor a SLSA ` +
            'verified property; custom values must not start with SLSA_'
        )
      return
    }
    if (tracks.has(track))
      fail(
        `${path}[${index}]`,
        `names a second level of the ${track} track; give only the highest level verified`
      )
    tracks.add(track)
  })
  return levels
}

function dependencyLevels(value: unknown, path: string): Record<string, number> {
  const map = object(value, path)
  for (const [level, count] of Object.entries(map)) {
    if (!Number.isSafeInteger(count) || (count as number) < 0)
      fail(`${path}.${level}`, `must be a count (a whole number, 0 or more), got ${shown(count)}`)
  }
  return map as Record<string, number>
}

function promotionExtension(value: unknown, path: string): void {
  const facts = object(value, path)
  string(facts.key, `${path}.key`)
  string(facts.environment, `${path}.environment`)
  const outcome = string(facts.outcome, `${path}.outcome`)
  if (!(OUTCOMES as readonly string[]).includes(outcome))
    fail(`${path}.outcome`, `must be one of ${OUTCOMES.join(', ')}, got ${shown(outcome)}`)
  if (facts.mode !== null && facts.mode !== 'promote' && facts.mode !== 'rollback')
    fail(`${path}.mode`, `must be promote, rollback or null, got ${shown(facts.mode)}`)
  if (facts.reason !== null && typeof facts.reason !== 'string')
    fail(`${path}.reason`, `must be a string or null, got ${shown(facts.reason)}`)
}

function checkPredicate(value: unknown): void {
  const predicate = object(value, 'predicate')
  const verifier = object(predicate.verifier, 'predicate.verifier')
  uri(verifier.id, 'predicate.verifier.id')
  if (verifier.version !== undefined) stringMap(verifier.version, 'predicate.verifier.version')
  if (predicate.timeVerified !== undefined)
    timestamp(predicate.timeVerified, 'predicate.timeVerified')
  uri(predicate.resourceUri, 'predicate.resourceUri')
  const policy = object(predicate.policy, 'predicate.policy')
  uri(policy.uri, 'predicate.policy.uri')
  if (policy.digest !== undefined) digestSet(policy.digest, 'predicate.policy.digest')
  if (predicate.inputAttestations !== undefined) {
    if (!Array.isArray(predicate.inputAttestations))
      fail(
        'predicate.inputAttestations',
        `must be an array, got ${shown(predicate.inputAttestations)}`
      )
    predicate.inputAttestations.forEach((entry: unknown, index: number) => {
      const path = `predicate.inputAttestations[${index}]`
      const attestation = object(entry, path)
      if (attestation.uri !== undefined) uri(attestation.uri, `${path}.uri`)
      digestSet(attestation.digest, `${path}.digest`)
    })
  }
  const result = predicate.verificationResult
  if (result !== 'PASSED' && result !== 'FAILED')
    fail('predicate.verificationResult', `must be "PASSED" or "FAILED", got ${shown(result)}`)
  verifiedLevels(predicate.verifiedLevels, result, 'predicate.verifiedLevels')
  if (predicate.dependencyLevels !== undefined && predicate.dependencyLevels !== null)
    dependencyLevels(predicate.dependencyLevels, 'predicate.dependencyLevels')
  if (predicate.slsaVersion !== undefined && !/^\d+\.\d+$/.test(String(predicate.slsaVersion))) {
    fail(
      'predicate.slsaVersion',
      `must be <MAJOR>.<MINOR> such as "1.0", got ${shown(predicate.slsaVersion)}`
    )
  }
  if (predicate[PROMOTION_EXTENSION] !== undefined)
    promotionExtension(predicate[PROMOTION_EXTENSION], `predicate["${PROMOTION_EXTENSION}"]`)
}

/**
 * The statement, checked as a SLSA Verification Summary v1 field by field (required fields,
 * URIs, timestamps, digests, the level rules), and returned as it was given: unknown fields
 * stay, as in-toto's parsing rules ask. A failure is a SealError naming the field.
 */
export function readVerificationSummary(statement: unknown): VerificationSummaryStatement {
  try {
    const root = object(statement, 'the statement')
    if (root._type !== STATEMENT_TYPE)
      fail('_type', `must be ${quote(STATEMENT_TYPE)}, got ${shown(root._type)}`)
    if (!Array.isArray(root.subject) || root.subject.length === 0)
      fail('subject', `must be a non-empty array, got ${shown(root.subject)}`)
    root.subject.forEach((entry: unknown, index: number) => {
      const subject = object(entry, `subject[${index}]`)
      if (subject.name !== undefined && typeof subject.name !== 'string')
        fail(`subject[${index}].name`, `must be a string, got ${shown(subject.name)}`)
      digestSet(subject.digest, `subject[${index}].digest`)
    })
    if (root.predicateType !== VSA_PREDICATE_TYPE)
      fail(
        'predicateType',
        `must be ${quote(VSA_PREDICATE_TYPE)}, got ${shown(root.predicateType)}`
      )
    checkPredicate(root.predicate)
    return root as unknown as VerificationSummaryStatement
  } catch (error) {
    if (!(error instanceof Invalid)) throw error
    throw new SealError(
      'malformed',
      `The verification summary is not valid: ${error.path} ${error.problem}. A promotion record's attestation ` +
        `must be a SLSA Verification Summary v1 (${VSA_PREDICATE_TYPE}).`
    )
  }
}
