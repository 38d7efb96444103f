import * as path from 'node:path'
import { applyModes } from '../../core/modes.js'
import { sealedModesBeside } from './sealed-modes.js'
import { type Digest, digestFromHex } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import {
  type DigestKind,
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
import { type SealOptions, sealSubject } from '../../core/seal.js'
import {
  ARTIFACT_INPUTS,
  type ArtifactDownload,
  type DownloadedArtifact,
  type WorkflowArtifactStore
} from '../../stores/evidence/workflow-artifact.js'
import { removeQuietly } from '../../stores/evidence/directory-handoff.js'
import { readListing, readStatement } from '../../stores/evidence/bundle-reader.js'

export interface DownloadAndVerifyRequest extends Omit<ArtifactDownload, 'onDigestMismatch'> {
  /**
   * The digest the files must have (the seal job's `digest` output). Without it the files
   * are checked against the listing that travelled with them, which proves they arrived
   * intact but not that the artifact is the one that was sealed.
   */
  readonly expected?: Digest
  /** Names the input that gave `expected`, for messages; `digest` by default. */
  readonly expectedInput?: string
  /** Names the input that gave the artifact name; `name` by default. */
  readonly nameInput?: string
}

export interface VerifiedDownload {
  readonly artifact: DownloadedArtifact
  /** The sealed digest the files were proven to have. */
  readonly digest: Digest
  /** What was sealed: the tree under `filesDir`, or the one file in it. */
  readonly kind: DigestKind
  /** Exactly the verified files: `filesDir` for a tree, the file itself for a file. */
  readonly path: string
  /** Files checked: lines in the listing. */
  readonly fileCount: number
}

const MAX_LISTED = 20

/**
 * Downloads a workflow artifact that holds a seal bundle and the sealed files (listed and
 * unpacked into a private directory by the store, refused whole when an entry is not what
 * a seal puts there), then proves the files are the sealed bytes with the project's own
 * digest engine: the listing in the bundle must belong to the expected digest, and the
 * files must hash to exactly that listing (no file changed, missing or added). On any
 * difference the download is deleted and the error names every differing file.
 */
export async function downloadAndVerify(
  store: WorkflowArtifactStore,
  request: DownloadAndVerifyRequest,
  options: Pick<SealOptions, 'build' | 'workers' | 'onProgress'>
): Promise<VerifiedDownload> {
  const nameInput = request.nameInput ?? ARTIFACT_INPUTS.name
  const expectedInput = request.expectedInput ?? 'digest'
  // A zip whose bytes differ from the upload is reported below file by file, which says
  // more than "the zip's digest differs".
  const artifact = await store.download({ ...request, onDigestMismatch: 'continue' })
  const label = `the artifact ${quote(artifact.name)}${artifact.runId === null ? '' : ` of workflow run ${artifact.runId}`}`
  try {
    const sealed = readSealedListing(artifact.checksumsPath, label, nameInput)
    const listed = digestOfListing(formatListing(sealed))
    const single = sealed.length === 1 ? (sealed[0] as ListingEntry) : null
    if (request.expected !== undefined && kindFromListing(sealed, request.expected, '') === null) {
      throw new SealError(
        'tampered',
        `${expectedInput}: the seal bundle in ${label} is the listing of ${listed}, not of ${request.expected}. ` +
          ('The artifact holds another build, or its bundle was changed after sealing. Give the digest sealed ' +
            'with this artifact, or download the artifact that build uploaded.')
      )
    }
    const candidates =
      request.expected !== undefined
        ? [request.expected]
        : [listed, ...(single ? [digestFromHex(single.hex)] : [])]
    const { digest, kind } = statementDigest(
      artifact.statementPath,
      sealed,
      candidates,
      label,
      nameInput
    )
    if (artifact.filesDir === null) {
      throw new SealError(
        'bad-input',
        `${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to ` +
          'carry and verify them.'
      )
    }
    // The sealed modes first (execute bits, links), so the hashing below checks the tree as it is handed out.
    const modes = sealedModesBeside(artifact.checksumsPath, nameInput)
    if (modes !== null)
      applyModes(
        artifact.filesDir,
        sealed.map((e) => e.path),
        modes
      )
    // A file the listing does not name was refused before extraction; the whole directory
    // is hashed all the same, not only the listed paths, so what is handed out holds only sealed files.
    const recomputed = await sealSubject(
      {
        kind: 'paths',
        patterns: { include: [artifact.filesDir], exclude: [] },
        baseDir: artifact.filesDir,
        root: artifact.filesDir,
        inputName: nameInput
      },
      { ...options, fallbackName: artifact.name }
    )
    const mismatches = diffListings(
      sealed,
      parseListing(recomputed.listing.toString('utf8'), 'the downloaded files')
    )
    if (mismatches.length > 0)
      throw downloadDiffers(mismatches, recomputed.digest, label, nameInput, digest)
    const file =
      kind === 'file'
        ? path.join(artifact.filesDir, ...(single as ListingEntry).path.split('/'))
        : null
    checkSubjectKind(
      {
        kind,
        display: file ?? artifact.filesDir,
        fileCount: sealed.length,
        file,
        digest: file === null ? recomputed.digest : digestFromHex((single as ListingEntry).hex)
      },
      digest,
      { kind, source: `the seal bundle in ${label}`, fileCount: sealed.length },
      { subject: nameInput, checksums: `the seal bundle in ${label}` }
    )
    return { artifact, digest, kind, path: file ?? artifact.filesDir, fileCount: sealed.length }
  } catch (error) {
    removeQuietly(artifact.dir)
    throw error
  }
}

function readSealedListing(file: string, label: string, nameInput: string): ListingEntry[] {
  return readListing(
    file,
    (why) =>
      new SealError(
        'unreadable',
        `${nameInput}: cannot read the checksums listing of ${label} (${why}).`
      )
  )
}

/**
 * The candidate digest the statement describes, and the kind it records. A bundle whose
 * listing and statement disagree (on the digest, or on whether it is a tree or a file) was
 * assembled, not sealed. A one-line listing may be one file, whose digest is the file's
 * own sha256, or a tree of one file, whose digest is the listing's: the statement says which.
 */
function statementDigest(
  file: string,
  sealed: readonly ListingEntry[],
  candidates: readonly Digest[],
  label: string,
  nameInput: string
): { digest: Digest; kind: DigestKind } {
  let statement: unknown = null
  try {
    statement = readStatement(file, (why) => new SealError('unreadable', why))?.json ?? null
  } catch {
    // reported below: a statement that cannot be read describes nothing
  }
  for (const digest of candidates) {
    const kind = kindFromStatement(statement, digest)
    if (kind === null) continue
    const listed = kindFromListing(sealed, digest, '')?.kind
    if (listed !== kind) {
      throw new SealError(
        'tampered',
        `${nameInput}: the statement in ${label} records ${digest} as ${kind === 'tree' ? 'a tree' : 'one file'}, but its listing records it as ${listed === 'tree' ? 'a tree' : 'one file'}. ` +
          `The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
      )
    }
    return { digest, kind }
  }
  throw new SealError(
    'tampered',
    `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do ` +
      'not belong together. ' +
      `The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
  )
}

/**
 * Downloaded files that are not the sealed ones: a `mismatch` SealError that carries each
 * difference and what the files hash to, so callers can name every file.
 */
function downloadDiffers(
  mismatches: readonly Mismatch[],
  actual: Digest,
  label: string,
  nameInput: string,
  digest: Digest
): SealError {
  const count = (kind: Mismatch['kind']): number => mismatches.filter((m) => m.kind === kind).length
  const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`)
  if (mismatches.length > MAX_LISTED) lines.push(`  … and ${mismatches.length - MAX_LISTED} more`)
  return new SealError(
    'mismatch',
    `${nameInput}: the files of ${label} are not the sealed files of ${digest}: ` +
      `${count('changed')} changed, ${count('missing')} missing, ${count('added')} added:\n${lines.join('\n')}\n` +
      ('The download was deleted. Do not deploy these files: find out who changed the stored artifact, then ' +
        'seal and upload the build again.'),
    { details: { mismatches, actual } }
  )
}
