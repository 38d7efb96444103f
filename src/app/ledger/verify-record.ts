import { type Digest, hexOf, sha256Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { LedgerEntry } from '../../core/promotion/record.js'
import type { IdentityPolicy } from '../../core/signing/identity.js'
import type { PublicKeyMaterial } from '../../core/signing/public-key.js'
import {
  PROMOTION_EXTENSION,
  type VerificationResult,
  readVerificationSummary
} from '../../core/signing/vsa.js'
import { readRecordAttestation } from '../../stores/ledger/beside-ledger.js'
import type { LedgerLocation } from '../settings/types.js'
import type { TufMirror } from '../../attestation/trusted-root.js'
import type { Env } from '../../core/env.js'

export interface RecordExpectation {
  readonly publicKey: PublicKeyMaterial | null
  readonly trustedRootFile: string | null
  /** The TUF repositories of the trusted root when no file is given; null (or absent) for the defaults. */
  readonly tufMirrors?: readonly TufMirror[] | null
  /** Whose certificate is accepted for a keyless summary; null refuses one. */
  readonly identity: IdentityPolicy | null
}

export interface VerifiedRecord {
  /** The summary's answer: the gate let the digest in (PASSED) or not. */
  readonly result: VerificationResult
  readonly verifier: string
  readonly timeVerified: string | null
  /** `key:<hint>`, or the certificate's identity. */
  readonly signer: string
  /** The bundle's file, or the attestation's page on GitHub. */
  readonly source: string
}

/**
 * Checks a ledger record's signed verification summary: the bundle the record links (the
 * file beside a file ledger, or the repository's attestations by the record's digest) must
 * be the very bytes the record pins, verify with the key or trusted root and signer given,
 * and be a VSA about this record: its subject the record's digest, its extension the
 * record's key (the summary is signed before the record gets its id). Every failure is a
 * SealError saying which.
 */
export async function verifyRecordAttestation(
  record: LedgerEntry,
  location: LedgerLocation,
  expectation: RecordExpectation,
  env: Env,
  token: string
): Promise<VerifiedRecord> {
  const link = record.attestation
  if (link === undefined || link === null) {
    throw new SealError(
      'refused',
      `record ${record.id} has no attestation: the promote that wrote it did not sign (give it sign: key or ` +
        'keyless, or run it with "id-token: write").'
    )
  }
  const { bundle, source } =
    link.id !== null || /^https?:/.test(link.uri)
      ? await fromApi(record, link.digest, env, token)
      : fromFile(record, link.uri, link.digest, location)
  const { signingMaterialOf, verifyAttestation } =
    await import('../../attestation/verify-bundle.js')
  const keyed = signingMaterialOf(bundle) === 'key'
  if (!keyed && expectation.identity === null) {
    throw new SealError(
      'bad-input',
      `the attestation of record ${record.id} (${source}) is signed keyless: give --signer-repository (and ` +
        '--signer-workflow) to say whose signature is accepted, and --trusted-root ' +
        'for offline use.'
    )
  }
  const { loadTrustedRoot } = await import('../../attestation/trusted-root.js')
  const verified = await verifyAttestation(bundle, {
    trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
    publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey],
    ...(keyed || expectation.identity === null ? {} : { identity: expectation.identity })
  })
  const vsa = readVerificationSummary(verified.statement)
  const hex = hexOf(record.digest)
  if (!vsa.subject.some((s) => s.digest.sha256 === hex)) {
    throw new SealError(
      'tampered',
      `the attestation of record ${record.id} (${source}) is a verification summary of ${vsa.subject.map((s) => s.digest.sha256 ?? '?').join(', ')}, not of the record's digest ${record.digest}.`
    )
  }
  const extension = vsa.predicate[PROMOTION_EXTENSION]
  if (extension?.key !== record.key) {
    throw new SealError(
      'tampered',
      `the attestation of record ${record.id} (${source}) summarizes the record with key ${quote(String(extension?.key))}, not this record's ${quote(record.key)}: ` +
        'it belongs to another decision about the same digest.'
    )
  }
  return {
    result: vsa.predicate.verificationResult,
    verifier: vsa.predicate.verifier.id,
    timeVerified: vsa.predicate.timeVerified ?? null,
    signer:
      verified.signer.kind === 'key'
        ? `key:${verified.signer.hint}`
        : verified.signer.identity.subjectAlternativeName,
    source
  }
}

function fromFile(
  record: LedgerEntry,
  uri: string,
  digest: Digest,
  location: LedgerLocation
): { bundle: unknown; source: string } {
  if (location.kind !== 'file')
    throw new SealError(
      'bad-input',
      `record ${record.id} links its attestation as ${quote(uri)}, a file, but the ledger is not a file ledger ` +
        'to find it beside.'
    )
  const { file, bytes } = readRecordAttestation(
    location.file,
    uri,
    (why, file) =>
      new SealError(
        'unreadable',
        `cannot read the attestation of record ${record.id}, ${quote(file)} (${why}). Keep the ledger's ` +
          '.attestations directory beside it.'
      )
  )
  const actual = sha256Digest(bytes)
  if (actual !== digest) {
    throw new SealError(
      'tampered',
      `the attestation of record ${record.id}, ${quote(file)}, is ${actual}, not the ${digest} the record ` +
        'pins: the bundle was replaced or edited after the record was written.'
    )
  }
  try {
    return { bundle: JSON.parse(bytes.toString('utf8')), source: file }
  } catch {
    throw new SealError(
      'malformed',
      `the attestation of record ${record.id}, ${quote(file)}, is not JSON.`
    )
  }
}

/** One request for the record's digest; the attestation is the one whose bundle hashes to what the record pins. */
async function fromApi(
  record: LedgerEntry,
  digest: Digest,
  env: Env,
  token: string
): Promise<{ bundle: unknown; source: string }> {
  if (!env.GITHUB_REPOSITORY || token === '') {
    throw new SealError(
      'bad-input',
      `record ${record.id} links its attestation in the repository's attestations API ` +
        `(${record.attestation?.uri ?? ''}): set GITHUB_REPOSITORY (owner/name) and ` +
        'GITHUB_TOKEN (with "attestations: read") to fetch it.'
    )
  }
  const { listAttestations } = await import('../../attestation/attestations-api.js')
  const found = await listAttestations(record.digest, { env, token, tokenInput: 'GITHUB_TOKEN' })
  const match = found.find((candidate) => candidate.digest === digest)
  if (match === undefined) {
    throw new SealError(
      'tampered',
      `none of the ${found.length} attestations of ${record.digest} in ${env.GITHUB_REPOSITORY} is the bundle ` +
        `record ${record.id} pins (${digest}): it was deleted, or the record was ` +
        'edited.'
    )
  }
  return { bundle: match.bundle, source: record.attestation?.uri ?? match.source }
}
