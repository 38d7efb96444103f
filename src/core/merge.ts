import { type Digest, digestFromHex, hexOf, parseDigest } from './digest.js'
import { SealError, quote } from './errors.js'
import {
  type ListingDigestKind,
  type ListingEntry,
  checkListingPath,
  compareUtf8,
  digestOfListing,
  formatListing
} from './listing.js'
import { type BuildContext, type Statement, buildStatement, statementSubject } from './statement.js'

/**
 * Matrix fan-in: several seals (one per leg of a matrix build) merged into one release
 * seal. The merged listing is each part's listing with its paths under `<part>/`, in byte
 * order, so the merged digest is exactly what sealing a directory laid out as
 * `<part>/<files>` gives, and `sha256sum -c` of the merged listing passes in that tree.
 */

/** One sealed part: its name (the directory it stands for in the merged tree) and its listing. */
export interface MergePart {
  readonly name: string
  readonly entries: readonly ListingEntry[]
}

export interface MergedListing {
  /** The merged checksums listing, every path as `<part>/<path>`, in byte order. */
  readonly listing: Buffer
  /** The sha256 of the listing (dirHash), as for any tree. */
  readonly digest: Digest
  readonly fileCount: number
}

/** A part as the merged statement records it: its name, its digest, and whether that digest is a tree's. */
export interface MergedPartDigest {
  readonly name: string
  readonly digest: Digest
  readonly kind: ListingDigestKind
}

/** The URI scheme of the merged statement's `resolvedDependencies` entries for the parts. */
export const PART_URI_PREFIX = 'artifact-seal:part/'

const HEX64 = /^[0-9a-f]{64}$/

const NAME_FIX =
  'A part name is one directory name in the merged tree: not empty, no "/", not "." or "..", on one line.'

/** Throws unless `name` can stand as one path segment of the merged tree. `where` names its origin. */
export function checkPartName(name: string, where: string): void {
  let problem: string | null = null
  if (name === '') problem = 'is empty'
  else if (name === '.' || name === '..') problem = 'is a relative directory'
  else if (name.includes('/')) problem = 'contains "/"'
  else if (name.includes('\\')) problem = 'contains "\\", which Windows reads as "/"'
  else if (/[\r\n]/.test(name)) problem = 'contains a line break'
  else if (name.includes('\0')) problem = 'contains a NUL character'
  if (problem !== null)
    throw new SealError(
      'bad-input',
      `${where}: the part name ${quote(name)} ${problem}. ${NAME_FIX}`
    )
}

/**
 * Merges the parts' listings into one. Part names must be valid and unique; the merged
 * paths must be distinct (they are when the names are, but a caller's entries are not
 * trusted to be).
 */
export function mergeListings(parts: readonly MergePart[]): MergedListing {
  if (parts.length === 0)
    throw new SealError(
      'bad-input',
      'merge: no parts given. Give the seal bundle of each part to merge.'
    )
  const seen = new Set<string>()
  let total = 0
  for (const part of parts) {
    checkPartName(part.name, 'merge')
    if (seen.has(part.name)) {
      throw new SealError(
        'bad-input',
        `part ${quote(part.name)}: the name is given twice. Give each part its own name, such as the matrix ` +
          'leg it was built on.'
      )
    }
    seen.add(part.name)
    if (part.entries.length === 0) {
      throw new SealError(
        'bad-input',
        `part ${quote(part.name)}: its listing has no entries. Give the checksums listing the part's seal wrote.`
      )
    }
    total += part.entries.length
  }

  const merged: ListingEntry[] = new Array(total)
  let at = 0
  for (const part of parts) {
    for (const entry of part.entries) {
      const where = `part ${quote(part.name)}`
      if (!HEX64.test(entry.hex)) {
        throw new SealError(
          'malformed',
          `${where}: the line for ${quote(entry.path)} has the digest ${quote(entry.hex)}, not 64 lowercase ` +
            'hex characters. Give the listing the seal wrote.'
        )
      }
      const path = `${part.name}/${entry.path}`
      checkListingPath(path, where)
      merged[at++] = { path, hex: entry.hex }
    }
  }
  merged.sort((a, b) => compareUtf8(a.path, b.path))
  for (let i = 1; i < merged.length; i++) {
    const path = (merged[i] as ListingEntry).path
    if ((merged[i - 1] as ListingEntry).path === path) {
      throw new SealError(
        'bad-input',
        `merge: the path ${quote(path)} comes from two parts or twice from one. Each file of the merged tree ` +
          'may appear once; give each part a distinct name.'
      )
    }
  }
  const listing = Buffer.from(formatListing(merged))
  return { listing, digest: digestOfListing(listing), fileCount: merged.length }
}

/** The digest a part's own seal gave: the file's for a single-file seal, else the listing's. */
export function partDigest(entries: readonly ListingEntry[], kind: ListingDigestKind): Digest {
  if (kind === 'file') {
    const only = entries[0]
    if (entries.length !== 1 || only === undefined)
      throw new SealError(
        'bad-input',
        `a listing of ${entries.length} files is not a single-file seal.`
      )
    return digestFromHex(only.hex)
  }
  return digestOfListing(formatListing(entries))
}

/**
 * The merged seal's statement: one subject, the merged tree, and a predicate shaped as
 * every seal's is, with each part listed after the build's own dependencies in
 * `buildDefinition.resolvedDependencies` as `{ uri: "artifact-seal:part/<name>", digest }`.
 */
export function mergedStatement(
  name: string,
  digest: Digest,
  parts: readonly MergedPartDigest[],
  build: BuildContext
): Statement {
  const base = buildStatement([statementSubject(name, digest, true)], build)
  const definition = (base.predicate.buildDefinition ?? {}) as Record<string, unknown>
  const earlier = Array.isArray(definition.resolvedDependencies)
    ? (definition.resolvedDependencies as unknown[])
    : []
  const dependencies = parts.map((part) => {
    const hex = hexOf(part.digest)
    return {
      uri: `${PART_URI_PREFIX}${encodeURIComponent(part.name)}`,
      name: part.name,
      digest: part.kind === 'tree' ? { sha256: hex, dirHash: hex } : { sha256: hex }
    }
  })
  return {
    ...base,
    predicate: {
      ...base.predicate,
      buildDefinition: { ...definition, resolvedDependencies: [...earlier, ...dependencies] }
    }
  }
}

/**
 * Reads the digests the parts must have, one `<part>=<digest>` a line (blank lines and
 * `#` comments skipped), as an action input gives them from the legs' job outputs. The
 * digest may be `sha256:<hex>` or bare hex.
 */
export function parsePartDigests(text: string, inputName: string): Map<string, Digest> {
  const digests = new Map<string, Digest>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const where = `${inputName} (line ${index + 1})`
    const eq = line.indexOf('=')
    if (eq === -1)
      throw new SealError(
        'bad-input',
        `${where}: ${quote(line)} is not "<part>=<digest>". Give one part's name and the digest its seal gave ` +
          'on each line.'
      )
    const name = line.slice(0, eq).trim()
    checkPartName(name, where)
    if (digests.has(name))
      throw new SealError(
        'bad-input',
        `${where}: the part ${quote(name)} is given a digest twice. Give each part's digest once.`
      )
    digests.set(name, parseDigest(line.slice(eq + 1), `${where}: part ${quote(name)}`))
  })
  return digests
}
