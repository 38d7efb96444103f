import { type Digest, hexOf, sha256Digest } from './digest.js'
import { SealError, quote } from './errors.js'

/** One line of a checksums listing: a file's path relative to the artifact root, and its sha256. */
export interface ListingEntry {
  readonly path: string
  readonly hex: string
}

/**
 * Orders strings by their UTF-8 bytes, as `LC_ALL=C sort` does. UTF-8 byte order is
 * code point order; JavaScript's `<` compares UTF-16 units, which disagrees only when
 * a surrogate pair (a code point above U+FFFF) meets a unit in U+E000–U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    const xIsSurrogate = x >= 0xd800 && x <= 0xdfff
    const yIsSurrogate = y >= 0xd800 && y <= 0xdfff
    if (xIsSurrogate !== yIsSurrogate) return xIsSurrogate ? 1 : -1
    return x - y
  }
  return a.length - b.length
}

export function sortEntries(entries: ListingEntry[]): ListingEntry[] {
  return entries.sort((a, b) => compareUtf8(a.path, b.path))
}

/**
 * The listing text: what `sha256sum` prints for the same sorted paths, byte for byte but for a
 * name holding a backslash, which GNU `sha256sum` escapes and the listing (as Go's dirhash)
 * does not.
 */
export function formatListing(sorted: readonly ListingEntry[]): string {
  let text = ''
  for (const entry of sorted) text += `${entry.hex}  ${entry.path}\n`
  return text
}

/** Lines joined into one string at a time: short enough that the strings stay in the young generation. */
const LINES_PER_PIECE = 4096

/**
 * The listing of hashed files. `digests` holds 32 bytes per path, in the same order as
 * `paths`; `order` lists their indices in listing order. Every digest is turned to hex in
 * one call, and the lines are joined into strings encoded a few thousand at a time: for
 * 20,000 files a few milliseconds, where writing each line's bytes took three times as
 * long, most of it in code that runs once per seal and never gets fast.
 */
export function listingFromDigests(
  paths: readonly string[],
  digests: Uint8Array,
  order: ArrayLike<number>
): Buffer {
  const hex = Buffer.from(digests.buffer, digests.byteOffset, digests.byteLength).toString('hex')
  const pieces: Buffer[] = []
  for (let start = 0; start < order.length; start += LINES_PER_PIECE) {
    const end = Math.min(order.length, start + LINES_PER_PIECE)
    const lines = new Array<string>(end - start)
    for (let k = start; k < end; k++) {
      const i = order[k] as number
      lines[k - start] = `${hex.slice(i * 64, i * 64 + 64)}  ${paths[i] as string}\n`
    }
    pieces.push(Buffer.from(lines.join('')))
  }
  return pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces)
}

/** Paths as UTF-8 bytes back to back, as the hashing queue holds them (hash-files.ts). */
export interface PathBytes {
  readonly bytes: Uint8Array
  /** Where each path's bytes end; each starts where the one before ends. */
  readonly ends: ArrayLike<number>
  /** Bytes at the start of every path that the listing leaves out: the root and its "/". */
  readonly prefixLength: number
}

/**
 * The listing listingFromDigests writes, made from the paths' bytes as the walk queued them
 * instead of from strings: each line is two copies and three bytes, with nothing to encode
 * and no string per line, which took most of the time a seal spends after hashing. Every
 * path must be `/`-separated and start with the same `prefixLength` bytes.
 */
export function listingFromPathBytes(
  paths: PathBytes,
  digests: Uint8Array,
  order: ArrayLike<number>
): Buffer {
  const { bytes, ends, prefixLength } = paths
  const count = order.length
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const hex = Buffer.from(
    Buffer.from(digests.buffer, digests.byteOffset, count * 32).toString('hex'),
    'latin1'
  )
  const pathTotal = count === 0 ? 0 : (ends[count - 1] as number)
  const out = Buffer.allocUnsafe(pathTotal + count * (64 + 2 + 1 - prefixLength))
  let at = 0
  for (let k = 0; k < count; k++) {
    const i = order[k] as number
    hex.copy(out, at, i * 64, i * 64 + 64)
    out[at + 64] = 0x20
    out[at + 65] = 0x20
    at += 66
    at += source.copy(out, at, (i === 0 ? 0 : (ends[i - 1] as number)) + prefixLength, ends[i])
    out[at++] = 0x0a
  }
  if (at !== out.length)
    throw new Error('a queued path is shorter than the root it was to start with')
  return out
}

/** The digest of a tree (in-toto dirHash1): the sha256 of its listing. */
export function digestOfListing(listing: string | Uint8Array): Digest {
  return sha256Digest(listing)
}

/**
 * Checks that a path can stand in a listing: relative, `/`-separated, inside the root,
 * and on one line. `where` names the file or input it came from.
 */
export function checkListingPath(path: string, where: string): void {
  const fix = 'Listing paths are relative to the artifact root, use "/", and stay inside it.'
  if (path.length === 0)
    throw new SealError('malformed', `${where}: a line has an empty path. ${fix}`)
  if (path.includes('\n') || path.includes('\r')) {
    throw new SealError(
      'malformed',
      `${where}: the file name ${quote(path)} contains a line break, which a checksums listing cannot hold. ` +
        `Rename the file or exclude it with "!${path.split(/[\r\n]/)[0]}*".`
    )
  }
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
    throw new SealError('malformed', `${where}: the path ${quote(path)} is absolute. ${fix}`)
  }
  if (path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) {
    throw new SealError(
      'malformed',
      `${where}: the path ${quote(path)} has an empty, "." or ".." segment. ${fix}`
    )
  }
}

// "s": a path may hold U+2028 or U+2029, which "." alone does not match; lines are split at \n before this.
const LINE = /^(\\?)([0-9a-fA-F]{64}) [ *](.+)$/s

/** The escaped form `sha256sum` prints for names with a backslash or a line break. */
function unescapeName(name: string): string {
  return name.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c))
}

/**
 * Reads a listing in `sha256sum` format (text or binary mode, `./` prefixes allowed)
 * and returns its entries sorted, so that equal sets of files give equal listings.
 */
export function parseListing(text: string, fileName: string): ListingEntry[] {
  const entries: ListingEntry[] = []
  const seen = new Map<string, number>()
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  lines.forEach((raw, index) => {
    const lineNo = index + 1
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '' || line.startsWith('#')) return
    const match = LINE.exec(line)
    if (!match) {
      throw new SealError(
        'malformed',
        `${fileName}:${lineNo}: ${quote(line.length > 120 ? `${line.slice(0, 120)}…` : line)} is not a ` +
          'sha256sum line. ' +
          `Each line must be 64 hex characters, two spaces (or " *"), then the path, as "sha256sum" prints.`
      )
    }
    const [, escaped, hex, rawPath] = match as unknown as [string, string, string, string]
    let path = escaped ? unescapeName(rawPath) : rawPath
    while (path.startsWith('./')) path = path.slice(2)
    checkListingPath(path, `${fileName}:${lineNo}`)
    const earlier = seen.get(path)
    if (earlier !== undefined) {
      throw new SealError(
        'malformed',
        `${fileName}:${lineNo}: the path ${quote(path)} is listed again (first on line ${earlier}). Each file ` +
          'may appear once.'
      )
    }
    seen.set(path, lineNo)
    entries.push({ path, hex: hex.toLowerCase() })
  })
  if (entries.length === 0) {
    throw new SealError(
      'malformed',
      `${fileName}: the listing has no entries. Give a file in sha256sum format with one line per file.`
    )
  }
  return sortEntries(entries)
}

/**
 * `mode`: the file's execute bit or link differs from the sealed modes (modes.ts); expected and
 * actual describe each.
 */
export type MismatchKind = 'changed' | 'missing' | 'added' | 'mode'

/** One difference between a sealed listing and what is on disk now. */
export interface Mismatch {
  readonly path: string
  readonly expected: string | null
  readonly actual: string | null
  readonly kind: MismatchKind
}

/** Every file that changed, went missing or appeared, in listing order. Both inputs must be sorted. */
export function diffListings(
  expected: readonly ListingEntry[],
  actual: readonly ListingEntry[]
): Mismatch[] {
  const mismatches: Mismatch[] = []
  let i = 0
  let j = 0
  while (i < expected.length || j < actual.length) {
    const e = expected[i]
    const a = actual[j]
    const order = e === undefined ? 1 : a === undefined ? -1 : compareUtf8(e.path, a.path)
    if (order === 0 && e && a) {
      if (e.hex !== a.hex)
        mismatches.push({ path: e.path, expected: e.hex, actual: a.hex, kind: 'changed' })
      i++
      j++
    } else if (order < 0 && e) {
      mismatches.push({ path: e.path, expected: e.hex, actual: null, kind: 'missing' })
      i++
    } else if (a) {
      mismatches.push({ path: a.path, expected: null, actual: a.hex, kind: 'added' })
      j++
    }
  }
  return mismatches
}

/**
 * How a digest describes a listing: `tree` when it is the listing's own digest (dirHash1),
 * `file` when the listing has one line and the digest is that file's sha256 (a single-file
 * seal), null when it is another artifact's digest.
 */
export type ListingDigestKind = 'tree' | 'file'

export function describesListing(
  entries: readonly ListingEntry[],
  digest: Digest
): ListingDigestKind | null {
  if (digestOfListing(formatListing(entries)) === digest) return 'tree'
  if (entries.length === 1 && entries[0]?.hex === hexOf(digest)) return 'file'
  return null
}
