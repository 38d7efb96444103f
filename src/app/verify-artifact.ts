import * as fs from 'node:fs'
import type { Digest } from '../core/digest.js'
import { SealError, quote } from '../core/errors.js'
import { type ListingEntry, type Mismatch, describesListing, diffListings, digestOfListing, formatListing, parseListing } from '../core/listing.js'
import { type SealOptions, type SealedArtifact, type SubjectSpec, sealSubject } from '../core/seal.js'

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
 * could otherwise hide a changed file), then names every file that differs.
 */
export async function verifyArtifact(request: VerifyRequest, options: SealOptions): Promise<VerifyResult> {
  const sealedEntries = request.checksumsFile === null ? null : readSealedListing(request)
  const artifact = await sealSubject(request.subject, options)
  const verified = artifact.digest === request.expected
  const mismatches =
    verified || sealedEntries === null ? [] : diffListings(sealedEntries, parseListing(artifact.listing.toString('utf8'), 'the recomputed listing'))
  return { verified, expected: request.expected, actual: artifact.digest, artifact, mismatches, listingGiven: sealedEntries !== null }
}

function readSealedListing(request: VerifyRequest): ListingEntry[] {
  const file = request.checksumsFile as string
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new SealError(
      `${request.checksumsInput}: cannot read ${quote(file)} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        `Give the checksums listing the seal wrote (its checksums-path output, or the .sha256 file of the seal bundle).`
    )
  }
  const entries = parseListing(text, file)
  if (describesListing(entries, request.expected) === null) {
    throw new SealError(
      `${request.checksumsInput}: ${quote(file)} is the listing of ${digestOfListing(formatListing(entries))}, not of the ${request.expectedInput} ${request.expected}. ` +
        `The listing belongs to another artifact or was changed after sealing; give the listing sealed together with that digest.`
    )
  }
  return entries
}
