import * as path from 'node:path'
import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import {
  type HashedSubject,
  type RecordedKind,
  agreeingKind,
  checkSubjectKind,
  kindFromListing,
  kindFromStatement
} from '../../core/kind.js'
import {
  type ListingEntry,
  type Mismatch,
  diffListings,
  digestOfListing,
  formatListing,
  parseListing
} from '../../core/listing.js'
import {
  type SealOptions,
  type SealedArtifact,
  type SubjectSpec,
  sealSubject
} from '../../core/seal.js'
import { isLeftOutName } from '../../core/subject/resolve-files.js'
import { diffModes, parseModes } from '../../core/modes.js'
import { sealedModesBeside } from './sealed-modes.js'
import { readListing, readStatementBeside } from '../../stores/evidence/bundle-reader.js'
import { leavesParent } from '../../core/paths.js'

export interface VerifyRequest {
  readonly subject: SubjectSpec
  readonly expected: Digest
  /** The sealed listing, so a mismatch can name each file; null to compare digests only. */
  readonly checksumsFile: string | null
  /** Names the input or option that gave the listing, for error messages. */
  readonly checksumsInput: string
  readonly expectedInput: string
}

export interface VerifyResult {
  readonly verified: boolean
  readonly expected: Digest
  readonly actual: Digest
  readonly artifact: SealedArtifact
  /** Every file that differs; empty when verified or when no listing was given. */
  readonly mismatches: readonly Mismatch[]
  readonly listingGiven: boolean
}

/**
 * Recomputes the subject's digest and compares it with the sealed one. With the sealed
 * listing, first proves the listing belongs to the expected digest (a swapped listing
 * could otherwise hide a changed file) and, with the statement beside it, that both
 * record the same kind; then checks the subject is of that kind (`checkSubjectKind`, which
 * throws) and names every file that differs. The files' modes the statement records
 * (execute bits, links) must be the subject's too: a difference is a `mode` mismatch.
 */
export async function verifyArtifact(
  request: VerifyRequest,
  options: SealOptions
): Promise<VerifyResult> {
  const sealed = request.checksumsFile === null ? null : readSealedListing(request)
  const artifact = await sealSubject(
    withHiddenAsSealed(request.subject, sealed?.entries ?? null),
    options
  )
  const subjectInput =
    request.subject.kind === 'paths' ? request.subject.inputName : request.checksumsInput
  checkSubjectKind(
    hashedSubjectOf(artifact, request.subject.kind === 'paths' ? request.subject.baseDir : null),
    request.expected,
    sealed?.kind ?? null,
    {
      subject: subjectInput,
      checksums: request.checksumsInput
    }
  )
  const sealedModes =
    request.checksumsFile === null
      ? null
      : sealedModesBeside(request.checksumsFile, request.checksumsInput)
  const modeMismatches: Mismatch[] =
    sealedModes === null || !artifact.modes
      ? []
      : diffModes(
          sealedModes,
          parseModes(artifact.modes.toString('utf8'), 'the recomputed modes')
        ).map((d) => ({ ...d, kind: 'mode' as const }))
  const sameBytes = artifact.digest === request.expected
  const verified = sameBytes && modeMismatches.length === 0
  const mismatches =
    verified || sealed === null
      ? []
      : [
          ...(sameBytes
            ? []
            : diffListings(
                sealed.entries,
                parseListing(artifact.listing.toString('utf8'), 'the recomputed listing')
              )),
          ...modeMismatches
        ]
  return {
    verified,
    expected: request.expected,
    actual: artifact.digest,
    artifact,
    mismatches,
    listingGiven: sealed !== null
  }
}

/**
 * A seal leaves hidden and secret-looking files out unless asked; checking the same directory
 * later must leave out the same, or a `.env` beside the build reads as an added file. A
 * sealed listing that names such a file says the seal was asked to include them.
 */
function withHiddenAsSealed(
  subject: SubjectSpec,
  sealed: readonly ListingEntry[] | null
): SubjectSpec {
  if (subject.kind !== 'paths' || subject.hidden !== 'leave-out' || sealed === null) return subject
  const namesHidden = sealed.some((e) =>
    e.path.split('/').some((segment, i, all) => isLeftOutName(segment, i < all.length - 1))
  )
  return namesHidden ? { ...subject, hidden: 'include' } : subject
}

/** What a seal of files hashed, as the kind rule sees it; paths shown relative to `baseDir` when inside it. */
export function hashedSubjectOf(artifact: SealedArtifact, baseDir: string | null): HashedSubject {
  const root = artifact.root ?? ''
  const shown = (p: string): string => {
    const rel = baseDir === null ? '' : path.relative(baseDir, p)
    return rel === '' || leavesParent(rel) ? p : rel
  }
  if (artifact.kind !== 'file')
    return {
      kind: 'tree',
      display: shown(root),
      fileCount: artifact.fileCount,
      file: null,
      digest: artifact.digest
    }
  const only = parseListing(
    artifact.listing.toString('utf8'),
    'the recomputed listing'
  )[0] as ListingEntry
  const file = path.join(root, ...only.path.split('/'))
  return { kind: 'file', display: shown(file), fileCount: 1, file, digest: artifact.digest }
}

function readSealedListing(request: VerifyRequest): {
  entries: ListingEntry[]
  kind: RecordedKind | null
} {
  const file = request.checksumsFile as string
  const entries = readListing(
    file,
    (why) =>
      new SealError(
        'unreadable',
        `${request.checksumsInput}: cannot read ${quote(file)} (${why}). ` +
          ('Give the checksums listing the seal wrote (its checksums-path output, or the .sha256 file of the ' +
            'seal bundle).')
      )
  )
  const fromListing = kindFromListing(
    entries,
    request.expected,
    `${request.checksumsInput} ${quote(file)}`
  )
  if (fromListing === null) {
    throw new SealError(
      'tampered',
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, ` +
        `not of the ${request.expectedInput} ${request.expected}. ` +
        ('The listing belongs to another artifact or was changed after sealing; give the listing sealed ' +
          'together with that digest.')
    )
  }
  return {
    entries,
    kind: agreeingKind(
      fromListing,
      recordedKindBeside(file, request),
      request.expected,
      request.checksumsInput
    )
  }
}

/**
 * The kind the statement the seal wrote beside the listing records; null when there is
 * none. One that is there must describe the digest: an edited statement is refused.
 */
function recordedKindBeside(checksumsFile: string, request: VerifyRequest): RecordedKind | null {
  const read = readStatementBeside(
    checksumsFile,
    (why, file) =>
      new SealError(
        'unreadable',
        `${request.checksumsInput}: cannot read the statement ${quote(file)} beside the listing (${why}). Make ` +
          'it readable, or move it away to verify by the listing alone.'
      )
  )
  if (read === null) return null
  const file = read.file
  if (read.notJson !== null) {
    throw new SealError(
      'tampered',
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing is not JSON. It was changed ` +
        'after sealing: give the seal bundle as the seal wrote it.'
    )
  }
  const kind = kindFromStatement(read.json, request.expected)
  if (kind === null) {
    throw new SealError(
      'tampered',
      `${request.checksumsInput}: the statement ${quote(file)} beside the listing does not describe the ${request.expectedInput} ${request.expected}. ` +
        'The statement was changed after sealing or belongs to another seal: give the seal bundle as the seal wrote it.'
    )
  }
  return { kind, source: `the statement ${quote(file)}`, fileCount: null }
}
