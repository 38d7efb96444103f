import * as fs from 'node:fs'
import { type Digest, digestFromHex, hexOf } from '../core/digest.js'
import { SealError, quote } from '../core/errors.js'
import { type ListingEntry, type Mismatch, describesListing, diffListings, digestOfListing, formatListing, parseListing } from '../core/listing.js'
import { type SealOptions, sealSubject } from '../core/seal.js'
import { ARTIFACT_INPUTS, type ArtifactDownload, type DownloadedArtifact, type WorkflowArtifactStore } from '../stores/evidence/workflow-artifact.js'
import { removeQuietly } from '../stores/evidence/directory-handoff.js'

export interface DownloadAndVerifyRequest extends Omit<ArtifactDownload, 'onDigestMismatch'> {
  /**
   * The digest the files must have (the seal job's `digest` output). Without it the files
   * are checked against the listing that travelled with them, which proves they arrived
   * intact but not that the artifact is the one that was sealed.
   */
  readonly expected?: Digest
  /** Names the input that gave `expected`, for messages; `digest` by default. */
  readonly expectedInput?: string
  /** Names the input that gave the artifact name; `artifact-name` by default. */
  readonly nameInput?: string
}

export interface VerifiedDownload {
  readonly artifact: DownloadedArtifact
  /** The sealed digest the files were proven to have. */
  readonly digest: Digest
  /** Files checked: lines in the listing. */
  readonly fileCount: number
}

const MAX_LISTED = 20

/**
 * Downloads a workflow artifact that holds a seal bundle and the sealed files, then
 * proves the files are the sealed bytes with the project's own digest engine: the
 * listing in the bundle must belong to the expected digest, and the downloaded files
 * must hash to exactly that listing (no file changed, missing or added). On any
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
    if (request.expected !== undefined && describesListing(sealed, request.expected) === null) {
      throw new SealError(
        `${expectedInput}: the seal bundle in ${label} is the listing of ${listed}, not of ${request.expected}. ` +
          `The artifact holds another build, or its bundle was changed after sealing. Give the digest sealed with this artifact, or download the artifact that build uploaded.`
      )
    }
    const candidates = request.expected !== undefined ? [request.expected] : [listed, ...(single ? [digestFromHex(single.hex)] : [])]
    const digest = statementDigest(artifact.statementPath, candidates, label, nameInput)
    if (artifact.filesDir === null) {
      throw new SealError(`${nameInput}: ${label} holds the seal bundle only, no files to verify. Upload it with its files to carry and verify them.`)
    }
    const recomputed = await sealSubject(
      { kind: 'paths', patterns: { include: [artifact.filesDir], exclude: [] }, baseDir: artifact.filesDir, root: artifact.filesDir, inputName: nameInput },
      { ...options, fallbackName: artifact.name }
    )
    const mismatches = diffListings(sealed, parseListing(recomputed.listing.toString('utf8'), 'the downloaded files'))
    if (mismatches.length > 0) throw new DownloadDiffersError(mismatches, recomputed.digest, label, nameInput, digest)
    return { artifact, digest, fileCount: sealed.length }
  } catch (error) {
    removeQuietly(artifact.dir)
    throw error
  }
}

function readSealedListing(file: string, label: string, nameInput: string): ListingEntry[] {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new SealError(`${nameInput}: cannot read the checksums listing of ${label} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)
  }
  return parseListing(text, file)
}

/**
 * The candidate digest the statement describes. A bundle whose listing and statement
 * disagree was assembled, not sealed. (A one-line listing may be one file, whose digest
 * is the file's own sha256, or a tree of one file, whose digest is the listing's: the
 * statement says which.)
 */
function statementDigest(file: string, candidates: readonly Digest[], label: string, nameInput: string): Digest {
  let subjects: { digest?: Record<string, string> }[] = []
  try {
    const statement = JSON.parse(fs.readFileSync(file, 'utf8')) as { subject?: unknown }
    if (Array.isArray(statement.subject)) subjects = statement.subject as typeof subjects
  } catch {
    // reported below
  }
  const described = new Set(subjects.flatMap((s) => [s.digest?.sha256, s.digest?.dirHash1]).filter((hex) => hex !== undefined))
  const found = candidates.find((d) => described.has(hexOf(d)))
  if (found === undefined) {
    throw new SealError(
      `${nameInput}: the statement in ${label} does not describe ${candidates[0]}: its listing and statement do not belong together. ` +
        `The bundle was changed after sealing; do not trust this artifact, and seal the build again.`
    )
  }
  return found
}

/** Downloaded files that are not the sealed ones; it carries each difference, so callers can name every file. */
export class DownloadDiffersError extends SealError {
  constructor(
    readonly mismatches: readonly Mismatch[],
    /** What the downloaded files hash to. */
    readonly actual: Digest,
    label: string,
    nameInput: string,
    digest: Digest
  ) {
    const count = (kind: Mismatch['kind']): number => mismatches.filter((m) => m.kind === kind).length
    const lines = mismatches.slice(0, MAX_LISTED).map((m) => `  ${m.kind.padEnd(7)} ${m.path}`)
    if (mismatches.length > MAX_LISTED) lines.push(`  … and ${mismatches.length - MAX_LISTED} more`)
    super(
      `${nameInput}: the files of ${label} are not the sealed files of ${digest}: ` +
        `${count('changed')} changed, ${count('missing')} missing, ${count('added')} added:\n${lines.join('\n')}\n` +
        `The download was deleted. Do not deploy these files: find out who changed the stored artifact, then seal and upload the build again.`
    )
  }
}
