import * as fs from 'node:fs'
import { type Digest, hexOf, parseDigest } from '../../core/digest.js'
import { findSignatures, unsignedCheck } from './find-signature.js'
import { CONTRACT_ANNOTATION, type ContractRef } from '../../core/contract/manifest.js'
import { SealError, quote } from '../../core/errors.js'
import type { VerifiedSigner } from '../../core/promotion/gate.js'
import { sealedByFromStatement } from '../../core/provenance.js'
import { identityPolicy } from '../../core/signing/signer-policy.js'
import { checkIdentity, describeIdentityFailure } from '../../core/signing/identity.js'
import {
  DIGEST_ONLY_ANNOTATION,
  SLSA_PROVENANCE_TYPE,
  STATEMENT_TYPE
} from '../../core/statement.js'
import { modesAnnotation, modesDigest } from '../../core/modes.js'
import { modesBeside } from '../../stores/evidence/seal-bundle.js'
import type { AttestationCandidate } from '../../attestation/attestations-api.js'
import type { SignerExpectation } from '../settings/types.js'
import type { SignatureSources, SignatureCheck } from './types.js'

/**
 * Finds the seal's signature and checks it: the bundle's signature and certificate chain
 * against the trusted root (or the public key), a trusted timestamp, that the signed
 * statement is about this digest, and the signer's identity against what the inputs ask.
 * The bundle that travelled with the bytes is checked first; without one, the repository's
 * attestations for the digest, where any one that passes is enough (as `gh attestation
 * verify` does). The identity of a bundle that does not verify is never looked at.
 */
export async function checkSignature(
  digest: Digest,
  sources: SignatureSources,
  expectation: SignerExpectation
): Promise<SignatureCheck> {
  const found = await findSignatures(digest, sources)
  return found.candidates.length === 0
    ? unsignedCheck(digest, found.looked)
    : checkCandidates(found.candidates, digest, expectation, sources.checksumsFile)
}

/** Checks the signatures found (at least one): the first that is acceptable wins; else every reason why not. */
export async function checkCandidates(
  candidates: readonly AttestationCandidate[],
  digest: Digest,
  expectation: SignerExpectation,
  checksumsFile: string | null
): Promise<SignatureCheck> {
  const problems: string[] = []
  for (const candidate of candidates) {
    const checked = await checkCandidate(candidate, digest, expectation, checksumsFile)
    if (checked.status === 'verified') return checked
    problems.push(checked.detail)
  }
  return {
    status: 'refused',
    detail:
      problems.length === 1
        ? (problems[0] as string)
        : `None of the ${problems.length} signatures found is acceptable: ${problems.join(' ')}`
  }
}

async function checkCandidate(
  candidate: AttestationCandidate,
  digest: Digest,
  expectation: SignerExpectation,
  checksumsFile: string | null
): Promise<SignatureCheck> {
  const { verifyAttestation } = await import('../../attestation/verify-bundle.js')
  const { loadTrustedRoot } = await import('../../attestation/trusted-root.js')
  let verified
  try {
    verified = await verifyAttestation(candidate.bundle, {
      trustedRoot: () => loadTrustedRoot(expectation.trustedRootFile, expectation.tufMirrors),
      publicKeys: expectation.publicKey === null ? [] : [expectation.publicKey]
    })
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return {
      status: 'refused',
      detail: `The signature in ${candidate.source} does not verify: ${error.message}`
    }
  }
  const statement = verified.statement as {
    _type?: unknown
    predicateType?: unknown
    subject?: unknown
  }
  if (statement?._type !== STATEMENT_TYPE || statement.predicateType !== SLSA_PROVENANCE_TYPE) {
    return {
      status: 'refused',
      detail:
        `${candidate.source} signs a ${String(statement?.predicateType)} statement, not the seal's SLSA ` +
        'provenance.'
    }
  }
  if (!aboutDigest(statement.subject, digest)) {
    return {
      status: 'refused',
      detail: `${candidate.source} is signed, but for other bytes: its statement's subjects do not include ${digest}. It belongs to another seal.`
    }
  }
  const unsignedModes = checksumsFile === null ? null : modesNotSigned(statement, checksumsFile)
  if (unsignedModes !== null)
    return { status: 'refused', detail: `${candidate.source} is signed, but ${unsignedModes}` }
  const signer = verified.signer
  let accepted: VerifiedSigner
  if (signer.kind === 'key') {
    accepted = { kind: 'key', hint: signer.hint, signedAt: null }
  } else {
    if (expectation.repository === null) {
      return {
        status: 'refused',
        detail:
          `${candidate.source} is signed by ${signer.identity.subjectAlternativeName}, but no signer was ` +
          `named to compare it with: a key alone accepts that key's signatures only. ` +
          `Name the workflow in signed-by's repository and workflow ` +
          '(--signer-repository, --signer-workflow), or seal with the key.'
      }
    }
    const failures = checkIdentity(
      signer.identity,
      identityPolicy({ ...expectation, repository: expectation.repository }, expectation.serverUrl)
    )
    if (failures.length > 0) {
      return {
        status: 'refused',
        detail: `${candidate.source} is signed by someone the inputs do not accept: ${describeIdentityFailure(failures).split('\n').join('; ')}.`
      }
    }
    accepted = {
      kind: 'certificate',
      identity: signer.identity,
      signedAt: signer.signedAt.toISOString()
    }
  }
  const sealedBy = sealedByFromStatement(statement, digest, candidate.source, {
    serverUrl: expectation.serverUrl
  })
  const signerName =
    accepted.kind === 'key' ? `key:${accepted.hint}` : accepted.identity.subjectAlternativeName
  return {
    status: 'verified',
    signer: accepted,
    sealedBy: {
      ...(sealedBy ?? { repository: null, commit: null, runUrl: null }),
      signer: signerName
    },
    name: subjectName(statement.subject, digest),
    contract: signedContract(statement.subject, digest),
    digestOnly: annotationOf(statement.subject, digest, DIGEST_ONLY_ANNOTATION) === true,
    source: candidate.source,
    bundleDigest: candidate.digest
  }
}

/**
 * The modes file that travelled beside the listing (execute bits, links: what the carriers
 * restore) must be the one the signed statement names, or absent when it names none; why
 * not, or null when it is.
 */
function modesNotSigned(statement: unknown, checksumsFile: string): string | null {
  const file = modesBeside(checksumsFile)
  if (file === null) return null
  const signed = modesAnnotation(statement)
  let bytes: Buffer | null = null
  try {
    bytes = fs.readFileSync(file)
  } catch {
    // absent
  }
  if (bytes === null)
    return signed === null
      ? null
      : `the file modes it records (${signed}) did not travel with the listing: ${quote(file)} is missing.`
  if (signed === null)
    return (
      `the statement it signs records no file modes, yet ${quote(file)} travelled with the listing: it ` +
      'was added after sealing.'
    )
  return modesDigest(bytes) === signed
    ? null
    : `${quote(file)} is not the modes file it records (${signed}): it was changed after sealing.`
}

function aboutDigest(subjects: unknown, digest: Digest): boolean {
  const hex = hexOf(digest)
  return (
    Array.isArray(subjects) &&
    subjects.some((s: { digest?: Record<string, unknown> } | null) => {
      const d = s?.digest
      return (
        d !== undefined &&
        d !== null &&
        (d.sha256 === hex || d.dirHash === hex || d.dirHash1 === hex)
      )
    })
  )
}

function subjectName(subjects: unknown, digest: Digest): string | null {
  const hex = hexOf(digest)
  const subject = (subjects as { name?: unknown; digest?: Record<string, unknown> }[]).find(
    (s) => s?.digest?.sha256 === hex
  )
  return typeof subject?.name === 'string' ? subject.name : null
}

/** An annotation the seal put on the digest's subject; undefined when it has none. */
function annotationOf(subjects: unknown, digest: Digest, name: string): unknown {
  const hex = hexOf(digest)
  const subject = (
    subjects as { digest?: Record<string, unknown>; annotations?: Record<string, unknown> }[]
  ).find(
    (s) =>
      typeof s?.digest === 'object' && s.digest !== null && Object.values(s.digest).includes(hex)
  )
  const annotations = subject?.annotations
  return typeof annotations === 'object' && annotations !== null ? annotations[name] : undefined
}

/** The `artifact-seal.contract` annotation the seal put on the digest's subject. */
function signedContract(subjects: unknown, digest: Digest): ContractRef | null {
  const hex = hexOf(digest)
  const subject = (
    subjects as { digest?: Record<string, unknown>; annotations?: Record<string, unknown> }[]
  ).find(
    (s) =>
      typeof s?.digest === 'object' && s.digest !== null && Object.values(s.digest).includes(hex)
  )
  const claimed = subject?.annotations?.[CONTRACT_ANNOTATION] as
    { digest?: unknown; version?: unknown } | undefined
  if (typeof claimed?.digest !== 'string' || typeof claimed.version !== 'string') return null
  try {
    return { digest: parseDigest(claimed.digest, CONTRACT_ANNOTATION), version: claimed.version }
  } catch {
    return null
  }
}
