import * as fs from 'node:fs'
import { type Digest, hexOf, sha256Digest } from './digest.js'
import { SealError, quote } from './errors.js'
import { type ListingEntry, describesListing, formatListing, parseListing } from './listing.js'

/**
 * Which kind of subject a digest was sealed from. The two kinds share one hash function:
 * a tree's digest is the sha256 of its listing, so a single file whose bytes are that
 * listing has the tree's digest too. The digest alone cannot tell them apart; what the
 * seal recorded beside it (the listing, the statement) can, and the rules below refuse
 * every subject whose kind disagrees with it, or that could be either.
 */
export type DigestKind = 'tree' | 'file'

/** What the seal recorded about the kind, and where it was read, for messages. */
export interface RecordedKind {
  readonly kind: DigestKind
  /** Names the evidence: `checksums-path "…/site.sha256"`, the statement's path. */
  readonly source: string
  /** The files a tree's listing names; null when only a statement was read. */
  readonly fileCount: number | null
}

/** What a verify hashed: one file, or a tree of files. */
export interface HashedSubject {
  readonly kind: DigestKind
  /** The path shown in messages: the file, or the tree's root. */
  readonly display: string
  readonly fileCount: number
  /** The single file's path, when `kind` is `file`. */
  readonly file: string | null
  /** What it hashes to now. */
  readonly digest: Digest
}

/** The kind a listing gives a digest: its own digest is a tree's, its one line's a file's. */
export function kindFromListing(
  entries: readonly ListingEntry[],
  digest: Digest,
  source: string
): RecordedKind | null {
  const kind = describesListing(entries, digest)
  return kind === null ? null : { kind, source, fileCount: kind === 'tree' ? entries.length : 1 }
}

/**
 * The kind a statement gives a digest: the subject that carries it is a tree when its
 * digest has `dirHash` (or `dirHash1`, the same algorithm under the name seals before
 * 0.2 wrote), a file otherwise. Null when no subject carries the digest.
 */
export function kindFromStatement(statement: unknown, digest: Digest): DigestKind | null {
  const subjects = (statement as { subject?: unknown } | null)?.subject
  if (!Array.isArray(subjects)) return null
  const hex = hexOf(digest)
  for (const subject of subjects as { digest?: Record<string, unknown> }[]) {
    const d = subject?.digest
    if (d === null || typeof d !== 'object') continue
    const tree = d.dirHash ?? d.dirHash1
    if (tree === hex) return 'tree'
    if (d.sha256 === hex) return tree === undefined ? 'file' : null
  }
  return null
}

/** Two records of the same seal must agree; a bundle whose listing and statement do not was assembled, not sealed. */
export function agreeingKind(
  first: RecordedKind | null,
  second: RecordedKind | null,
  digest: Digest,
  inputName: string
): RecordedKind | null {
  if (first === null || second === null || first.kind === second.kind) return first ?? second
  throw new SealError(
    'tampered',
    `${inputName}: ${second.source} records ${digest} as ${describeKind(second)}, but ${first.source} records ` +
      `it as ${describeKind(first)}. ` +
      ('A listing and a statement sealed together always agree: one of them was changed or comes from another ' +
        'seal. Give the seal bundle as the seal wrote it.')
  )
}

/**
 * True when the bytes are a checksums listing exactly as a seal writes it: the one form
 * whose sha256 is the digest of the tree it lists. A listing with comments, `*` or `./`
 * hashes to no tree's digest and is an ordinary file.
 */
export function isCanonicalListing(bytes: Uint8Array): boolean {
  if (bytes.length < 68 || !startsLikeListing(bytes)) return false
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return false
  }
  try {
    return formatListing(parseListing(text, 'the file')) === text
  } catch {
    return false
  }
}

const LINE_START = /^[0-9a-f]{64} {2}[^ ]/

/** 64 lowercase hex digits and two spaces: anything else cannot be a listing, whatever follows. */
function startsLikeListing(head: Uint8Array): boolean {
  return LINE_START.test(Buffer.from(head.subarray(0, 67)).toString('latin1'))
}

/**
 * The listing a file holds when it is one a seal could have written, else null; reads past the
 * first line only when it looks like one.
 */
export function readListingFile(
  file: string
): { readonly bytes: Buffer; readonly fileCount: number } | null {
  let fd: number
  try {
    fd = fs.openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const head = Buffer.alloc(67)
    if (fs.readSync(fd, head, 0, head.length, 0) < head.length || !startsLikeListing(head))
      return null
  } finally {
    fs.closeSync(fd)
  }
  const bytes = fs.readFileSync(file)
  return isCanonicalListing(bytes)
    ? { bytes, fileCount: parseListing(bytes.toString('utf8'), file).length }
    : null
}

export interface KindInputs {
  /** Names the input that gave the subject (`subject-path`, `name`). */
  readonly subject: string
  /** Names the input that can give the seal's listing (`checksums-path`, `--checksums`). */
  readonly checksums: string
}

/**
 * The one rule every verify applies once the subject is hashed: the subject must be of the
 * kind the seal recorded, and a single file that is a checksums listing never verifies by
 * its digest, whatever a listing or statement claims. A one-line listing naming the digest
 * (which says "file") is as easy to write as the file itself, and a seal refuses to seal a
 * listing as one file (`refuseListingAsFile`), so no genuine seal needs the exception.
 */
export function checkSubjectKind(
  subject: HashedSubject,
  expected: Digest,
  recorded: RecordedKind | null,
  inputs: KindInputs
): void {
  if (recorded !== null && recorded.kind !== subject.kind) {
    const found =
      subject.kind === 'file' ? 'is one file' : `is a tree of ${plural(subject.fileCount, 'file')}`
    const fix =
      recorded.kind === 'tree'
        ? "A file holding the tree's listing has the tree's digest, which is why the kinds are compared. Give " +
          'the directory (or the patterns) that was sealed.'
        : 'Give the sealed file itself.'
    throw new SealError(
      'bad-input',
      `${inputs.subject}: ${recorded.source} says ${expected} sealed ${describeKind(recorded)}; ${quote(subject.display)} ${found}. ${fix}`
    )
  }
  if (subject.kind !== 'file' || subject.file === null || subject.digest !== expected) return
  const listing = readListingFile(subject.file)
  if (listing === null) return
  if (sha256Digest(listing.bytes) !== expected) {
    throw new SealError(
      'conflict',
      `${inputs.subject}: ${quote(subject.file)} changed while it was being verified. Make sure nothing writes ` +
        'to it, then verify again.'
    )
  }
  const why =
    `${inputs.subject}: ${quote(subject.display)} is one file whose bytes are a checksums listing of ${plural(listing.fileCount, 'file')}, ` +
    (`so its sha256 ${expected} is also the digest of the tree it lists: the digest cannot say which of the two ` +
      'was sealed.')
  throw new SealError(
    'bad-input',
    recorded === null
      ? `${why} Give ${inputs.checksums} (the seal's listing) with the seal's statement beside it, which ` +
          'record the kind, or verify the directory that was sealed.'
      : `${why} A seal never seals a listing as one file, so ${recorded.source} does not come from a seal of ` +
          'these bytes. Give the listing the seal wrote, or verify the directory that ' +
          'was sealed.'
  )
}

/** The seal's half of the rule: a listing sealed as one file would share its digest with the tree it lists. */
export function refuseListingAsFile(file: string, inputName: string): void {
  const listing = readListingFile(file)
  if (listing === null) return
  throw new SealError(
    'bad-input',
    `${inputName}: ${quote(file)} is a checksums listing of ${plural(listing.fileCount, 'file')}. Sealed as ` +
      'one file, its digest would equal the digest of the tree it lists, ' +
      ('and a later verify could not tell the file from the tree. Seal the directory it lists instead, or seal ' +
        'the listing together with other files (its directory), so the seal is a ' +
        'tree.')
  )
}

function describeKind(recorded: RecordedKind): string {
  return recorded.kind === 'tree'
    ? `a tree${recorded.fileCount === null ? '' : ` of ${plural(recorded.fileCount, 'file')}`}`
    : 'one file'
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
