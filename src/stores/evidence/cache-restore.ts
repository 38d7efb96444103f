import { createHash } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type Digest, hexOf } from '../../core/digest.js'
import { messageOf, quote } from '../../core/errors.js'
import {
  type ListingDigestKind,
  type ListingEntry,
  describesListing,
  digestOfListing,
  formatListing,
  parseListing
} from '../../core/listing.js'
import {
  type ArchiveEntry,
  type PlannedEntry,
  type Refusal,
  checkAgainstListing,
  checkEntries
} from './archive-entry.js'
import {
  CACHE_FILES_DIR,
  CACHE_SEAL_DIR,
  cacheArchivePrefix,
  cacheKeyOf,
  cacheStagingPath
} from './cache-layout.js'
import { cacheReadUnavailable, downloadCacheArchive, lookupCacheEntry } from './cache-service.js'
import { makeDirectories, privateDir, removeQuietly, writeNewFile } from './directory-handoff.js'
import { bundleBaseOf, isBundleEntry } from './seal-bundle.js'
import { UnreadableArchiveError, openTarStream, readTar } from './tar-reader.js'
import type { Env } from '../../core/env.js'

/**
 * Restores a digest's sealed files from the Actions cache into a fresh private directory,
 * and only after the archive was read through once and every entry passed: each lies in
 * the staging directory it was saved from, names a safe path, is a file or a directory,
 * appears once, and the files are exactly those of the listing the entry carries, hashing
 * as it says, and that listing describes the digest. Anything else refuses the whole
 * entry: the archive and the private directory are deleted and nothing was extracted.
 *
 * A refused entry is not deleted from the cache: that takes `actions: write` on the job
 * that deploys, which this project never asks for. The log says how to delete it.
 */

export interface CacheRestoreLog {
  info(message: string): void
  warning(message: string): void
}

export type CacheRestore =
  | {
      readonly kind: 'restored'
      /** The private directory: the listing and `files/`; delete it to discard the restore. */
      readonly dir: string
      /** The sealed files' root. */
      readonly filesDir: string
      /** The sealed listing, as the entry carried it (it describes the digest), in its seal bundle. */
      readonly listingFile: string
      /**
       * The seal bundle's directory: the listing, the statement, and the signed statement and
       * contract when sealed with them.
       */
      readonly sealDir: string
      readonly listing: readonly ListingEntry[]
      /** How the digest describes the listing: its own digest (a tree) or its one file's. */
      readonly digestKind: ListingDigestKind
    }
  /** `unreadable`: the cache could not be asked or read (why); absent for no entry. */
  | { readonly kind: 'miss'; readonly unreadable?: string }
  | { readonly kind: 'refused'; readonly refusals: readonly Refusal[]; readonly message: string }

export interface RestoreOptions {
  readonly env: Env
  /** Names the input that asked for the cache, for messages. */
  readonly inputName: string
  readonly log: CacheRestoreLog
}

/** The listing is read into memory while the archive is listed; a larger one is not a seal's. */
const MAX_LISTING_BYTES = 128 * 1024 * 1024
const ARCHIVE_FILE = 'cache-archive'

/** Restores `digest`'s files under a new private directory in `parent` (the runner's temp), or says why not. */
export async function restoreFromCache(
  digest: Digest,
  parent: string,
  options: RestoreOptions
): Promise<CacheRestore> {
  const { env, inputName, log } = options
  const key = cacheKeyOf(digest)
  const unavailable = cacheReadUnavailable(env)
  if (unavailable !== null) {
    log.info(`${inputName}: not restoring ${key}: ${unavailable}.`)
    return { kind: 'miss', unreadable: unavailable }
  }
  let location
  try {
    location = await lookupCacheEntry(env, key, cacheStagingPath(env))
  } catch (error) {
    log.warning(
      `${inputName}: could not look up ${key} (${messageOf(error)}); going on without the cache.`
    )
    return { kind: 'miss', unreadable: `its lookup failed: ${messageOf(error)}` }
  }
  if (location === null) return { kind: 'miss' }
  const dir = privateDir(parent, `${hexOf(digest).slice(0, 12)}-cache-`, env, inputName)
  const archive = path.join(dir, ARCHIVE_FILE)
  try {
    try {
      const bytes = await downloadCacheArchive(location.url, archive)
      log.info(
        `${inputName}: downloaded ${key} (${bytes} bytes) into a private directory; listing it before ` +
          'extracting anything.'
      )
    } catch (error) {
      log.warning(
        `${inputName}: could not download ${key} (${messageOf(error)}); going on without the cache.`
      )
      removeQuietly(dir)
      return { kind: 'miss', unreadable: `its download failed: ${messageOf(error)}` }
    }
    const unpacked = await unpackCacheArchive(archive, dir, cacheArchivePrefix(env), digest)
    if (unpacked.kind === 'refused') return refuse(dir, key, unpacked.refusals, options)
    return unpacked
  } catch (error) {
    removeQuietly(dir)
    throw error
  }
}

export type Unpacked =
  | Extract<CacheRestore, { kind: 'restored' }>
  | { readonly kind: 'refused'; readonly refusals: readonly Refusal[] }

/**
 * Lists the archive at `archive` (inside `dir`) and, when every entry passes, extracts it
 * into `dir` and deletes the archive. `prefix` is how the archive names its staging
 * directory. On a refusal nothing was written; the caller deletes `dir`.
 */
export async function unpackCacheArchive(
  archive: string,
  dir: string,
  prefix: string,
  digest: Digest
): Promise<Unpacked> {
  let plan: Plan
  try {
    plan = planRestore(await listArchive(archive, prefix), prefix, digest)
  } catch (error) {
    if (error instanceof UnreadableArchiveError)
      return {
        kind: 'refused',
        refusals: [
          { name: path.basename(archive), reason: `the archive cannot be read: ${error.message}` }
        ]
      }
    throw error
  }
  if (plan.refusals.length > 0) return { kind: 'refused', refusals: plan.refusals }
  try {
    await extract(archive, dir, plan.byIndex)
  } catch (error) {
    return {
      kind: 'refused',
      refusals: [
        {
          name: path.basename(archive),
          reason: `it could not be extracted as listed (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`
        }
      ]
    }
  }
  fs.rmSync(archive)
  return {
    kind: 'restored',
    dir,
    filesDir: path.join(dir, CACHE_FILES_DIR),
    sealDir: path.join(dir, CACHE_SEAL_DIR),
    listingFile: path.join(dir, ...plan.listingPath.split('/')),
    listing: plan.listing,
    digestKind: plan.digestKind
  }
}

interface Listed {
  readonly entries: ArchiveEntry[]
  /** sha256 of each file under `files/`, by entry index. */
  readonly hashes: Map<number, string>
  /** The listing entries (`seal/<name>.sha256`) by index, with their bytes when small enough. */
  readonly listings: Map<number, Buffer | null>
}

/** Reads the archive through once, writing nothing: every entry, the listing, each file's sha256. */
async function listArchive(archive: string, prefix: string): Promise<Listed> {
  const entries: ArchiveEntry[] = []
  const hashes = new Map<number, string>()
  const listings = new Map<number, Buffer | null>()
  const stream = openTarStream(archive)
  try {
    await readTar(stream, async (entry, content) => {
      const index = entries.push(entry) - 1
      if (entry.kind !== 'file' || entry.problem !== null) return
      const sealPrefix = `${prefix}/${CACHE_SEAL_DIR}/`
      if (
        entry.name.startsWith(sealPrefix) &&
        bundleBaseOf(entry.name.slice(sealPrefix.length)) !== null
      ) {
        if (entry.size > MAX_LISTING_BYTES) return void listings.set(index, null)
        const chunks: Buffer[] = []
        for await (const chunk of content) chunks.push(chunk)
        listings.set(index, Buffer.concat(chunks))
      } else if (entry.name.startsWith(`${prefix}/${CACHE_FILES_DIR}/`)) {
        const hash = createHash('sha256')
        for await (const chunk of content) hash.update(chunk)
        hashes.set(index, hash.digest('hex'))
      }
    })
  } finally {
    stream.destroy()
  }
  return { entries, hashes, listings }
}

interface Plan {
  readonly refusals: Refusal[]
  readonly byIndex: Map<number, PlannedEntry>
  readonly listing: ListingEntry[]
  /** The listing's path in the entry, `seal/<name>.sha256`. */
  readonly listingPath: string
  readonly digestKind: ListingDigestKind
}

/** Every rule, against the listing the entry carries once it is proven to be the digest's. */
function planRestore(listed: Listed, prefix: string, digest: Digest): Plan {
  const check = checkEntries(listed.entries, prefix)
  const refusals = check.refusals
  let listing: ListingEntry[] = []
  let digestKind: ListingDigestKind | null = null
  const candidates = [...check.planned.values()].filter(
    (p) =>
      p.entry.kind === 'file' &&
      p.path.startsWith(`${CACHE_SEAL_DIR}/`) &&
      bundleBaseOf(p.path.slice(CACHE_SEAL_DIR.length + 1)) !== null
  )
  const listingEntry = candidates.length === 1 ? (candidates[0] as PlannedEntry) : undefined
  const listingPath = listingEntry?.path ?? ''
  if (listingEntry === undefined) {
    if (candidates.length === 0)
      refusals.push({
        name: `${prefix}/${CACHE_SEAL_DIR}/<name>.sha256`,
        reason: 'missing: a cache entry of sealed files carries their listing'
      })
    for (const other of candidates)
      refusals.push({
        name: other.entry.name,
        reason: 'one of several listings: a seal carries one'
      })
  } else {
    const listingName = listingEntry.entry.name
    const bytes = listed.listings.get(listingEntry.index) ?? null
    if (bytes === null)
      refusals.push({
        name: listingName,
        reason: `${listingEntry.entry.size} bytes, larger than any listing a seal writes`
      })
    else {
      try {
        listing = parseListing(bytes.toString('utf8'), listingName)
        digestKind = describesListing(listing, digest)
        if (digestKind === null)
          refusals.push({
            name: listingName,
            reason: `the listing of ${digestOfListing(formatListing(listing))}, not of ${digest}`
          })
      } catch (error) {
        refusals.push({
          name: listingName,
          reason: `not a checksums listing (${messageOf(error)})`
        })
      }
    }
  }
  if (digestKind === null)
    return { refusals, byIndex: new Map(), listing: [], listingPath, digestKind: 'tree' }
  const sealed = new Map(listing.map((e) => [e.path, e.hex]))
  const base = bundleBaseOf(listingPath.slice(CACHE_SEAL_DIR.length + 1)) as string
  const inBundle = (p: string, e: ArchiveEntry): boolean =>
    p === CACHE_SEAL_DIR
      ? e.kind === 'directory'
      : p.startsWith(`${CACHE_SEAL_DIR}/`) &&
        isBundleEntry(p.slice(CACHE_SEAL_DIR.length + 1), base, e.kind === 'directory')
  const { missing } = checkAgainstListing(check, CACHE_FILES_DIR, new Set(sealed.keys()), inBundle)
  for (const p of missing)
    refusals.push({
      name: `${prefix}/${CACHE_FILES_DIR}/${p}`,
      reason: 'missing, though the sealed listing names it'
    })
  for (const planned of check.planned.values()) {
    if (planned.entry.kind !== 'file' || !planned.path.startsWith(`${CACHE_FILES_DIR}/`)) continue
    const actual = listed.hashes.get(planned.index)
    if (actual !== sealed.get(planned.path.slice(CACHE_FILES_DIR.length + 1)))
      refusals.push({
        name: planned.entry.name,
        reason: 'its content is not what the sealed listing says'
      })
  }
  return {
    refusals,
    byIndex: new Map([...check.planned.values()].map((p) => [p.index, p])),
    listing,
    listingPath,
    digestKind
  }
}

/** Reads the archive again and writes exactly the planned entries; any difference from the first reading stops it. */
async function extract(
  archive: string,
  root: string,
  byIndex: ReadonlyMap<number, PlannedEntry>
): Promise<void> {
  let index = 0
  const stream = openTarStream(archive)
  try {
    await readTar(stream, async (entry, content) => {
      const planned = byIndex.get(index++)
      if (planned === undefined) return
      if (
        planned.entry.name !== entry.name ||
        planned.entry.kind !== entry.kind ||
        planned.entry.size !== entry.size
      ) {
        throw new Error(`entry ${index} is not the one listed (${quote(entry.name)})`)
      }
      if (entry.kind === 'directory') makeDirectories(root, planned.path)
      else await writeNewFile(root, planned.path, content, entry.executable)
    })
  } finally {
    stream.destroy()
  }
}

function refuse(
  dir: string,
  key: string,
  refusals: readonly Refusal[],
  options: RestoreOptions
): CacheRestore {
  removeQuietly(dir)
  const lines = refusals.slice(0, 20).map((r) => `  ${quote(r.name)}: ${r.reason}`)
  if (refusals.length > 20) lines.push(`  … and ${refusals.length - 20} more`)
  const message =
    `${options.inputName}: refused the cache entry ${key} before extracting anything:\n${lines.join('\n')}\n` +
    ('The archive was deleted and nothing of it was written. The entry was saved by someone other than a seal ' +
      'of these bytes, or damaged in storage; ') +
    (`a cache key is never overwritten, so delete it (gh cache delete ${key}, with actions: write) and seal ` +
      'again to cache these bytes.')
  options.log.warning(message)
  return { kind: 'refused', refusals, message }
}
