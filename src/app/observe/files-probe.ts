import * as fs from 'node:fs'
import * as path from 'node:path'
import { type Digest, sha256Digest, shortDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { diffListings, digestOfListing, parseListing } from '../../core/listing.js'
import { type ProbeResult, unknown } from '../../core/observe/observation.js'
import { listDirectory } from '../../core/seal.js'
import type { ProbeContext } from './types.js'

/** The most files a drift names in its detail; the rest are counted. */
const NAMED = 20

/**
 * Hashes a directory (or one file) on this machine with the seal's own digest engine and
 * compares it with the live digest. When it differs and `checksums` (the live digest's listing,
 * deployed beside the files) is given, the listing is proven first (its sha256 is the live
 * digest), then every file that changed, went missing or was added is named.
 */
export async function filesProbe(
  files: string,
  checksums: string | null,
  live: Digest,
  context: ProbeContext
): Promise<ProbeResult> {
  const target = path.resolve(context.cwd, files)
  let listing: Buffer | null = null
  let digest: Digest
  try {
    const stat = fs.statSync(target)
    if (stat.isDirectory()) {
      listing = await listDirectory(target, 'observe files')
      digest = digestOfListing(listing)
    } else {
      digest = sha256Digest(fs.readFileSync(target))
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException
    if (error instanceof SealError) return unknown('files', error.message)
    return unknown('files', `cannot read ${quote(target)} (${e.code ?? e.message})`)
  }
  if (digest === live) return { probe: 'files', verdict: 'matches', observed: live, detail: null }
  const drifted = (detail: string, items?: string[]): ProbeResult => ({
    probe: 'files',
    verdict: 'drifted',
    observed: digest,
    detail,
    ...(items ? { items } : {})
  })
  if (listing === null || checksums === null) {
    return drifted(
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}${
        listing === null ? '' : ' (give checksums: the live listing, to ' + 'name the files)'
      }`
    )
  }
  const listingFile = path.resolve(context.cwd, checksums)
  let sealedText: string
  try {
    sealedText = fs.readFileSync(listingFile, 'utf8')
  } catch (error) {
    return drifted(
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}; the listing ${quote(listingFile)} cannot be read (${(error as NodeJS.ErrnoException).code ?? ''}) to name them`
    )
  }
  // Beside the files, the listing can be changed with them: only one whose own sha256 is the live
  // digest names anything.
  if (digestOfListing(sealedText) !== live) {
    return drifted(
      `the files hash to ${shortDigest(digest)}, not the live ${shortDigest(live)}; the listing ${quote(listingFile)} is not the live digest's either, so it names ` +
        'nothing'
    )
  }
  const mismatches = diffListings(
    parseListing(sealedText, listingFile),
    parseListing(listing.toString('utf8'), target)
  )
  const items = mismatches.map((m) => `${m.kind} ${quote(m.path)}`)
  const named =
    items.slice(0, NAMED).join(', ') +
    (items.length > NAMED ? ` and ${items.length - NAMED} more` : '')
  return drifted(
    `${items.length} ${items.length === 1 ? 'file differs' : 'files differ'} from the live ${shortDigest(live)}: ${named}`,
    items
  )
}
