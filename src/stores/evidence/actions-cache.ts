import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as cache from '@actions/cache'
import { type Digest, hexOf } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { diffListings, parseListing } from '../../core/listing.js'
import { listDirectory } from '../../core/seal.js'
import { moveIntoPlace, removeQuietly, workingDirBeside } from './directory-handoff.js'

/**
 * Keeps sealed files in the GitHub Actions cache, addressed by their digest: the key
 * `artifact-seal-files-sha256-<hex>` names the bytes forever. The cache never overwrites
 * an entry (the service refuses a second entry with the same key, version and scope), so
 * a key, once saved, always restores the same files. Whoever restores still verifies
 * them against the digest: the cache is storage, not evidence.
 *
 * The staging path. @actions/cache files an entry under its key *and a version*: a hash
 * of the path strings given to saveCache (plus the compression method, and the OS on
 * Windows). restoreCache finds only entries whose version matches the paths it is given,
 * and extracts them where they were archived (relative to the workspace). So every job
 * must save from and restore to the same path string: `<RUNNER_TEMP>/artifact-seal-cache`.
 * RUNNER_TEMP is the same on every GitHub-hosted runner of an OS
 * (/home/runner/work/_temp on Linux) and is emptied after each job, so staging there
 * neither leaks into the workspace (where a later seal could pick it up) nor outlives
 * the job. On a self-hosted runner whose RUNNER_TEMP differs, the versions differ and a
 * restore misses: slower, never wrong. The files are hard-linked (or copied) into the
 * staging directory, and restored there before being moved where the caller wants them.
 *
 * When the cache service is unavailable (no ACTIONS_RESULTS_URL outside Actions, the
 * service down, a read-only token, the repository's cache full): saving warns and goes on
 * (status `not-saved`), restoring reports a miss. @actions/cache itself never fails a job
 * for these; neither does this store, because the workflow artifact remains the
 * authoritative carrier.
 */

type Env = Readonly<Record<string, string | undefined>>

export const CACHE_KEY_PREFIX = 'artifact-seal-files-'
export const CACHE_STAGING_DIR = 'artifact-seal-cache'

/** The cache key of a digest's files: `artifact-seal-files-sha256-<hex>`. */
export function cacheKeyOf(digest: Digest): string {
  return `${CACHE_KEY_PREFIX}sha256-${hexOf(digest)}`
}

export interface CacheSave {
  readonly digest: Digest
  /** The artifact root and the listing's paths: exactly the sealed files are cached. */
  readonly root: string
  readonly paths: readonly string[]
  /**
   * The sealed listing: the staged copies are hashed again and must equal it before they
   * are saved, so a file changed after sealing never enters the cache under the digest.
   */
  readonly listing?: Uint8Array
}

export type CacheSaveStatus = 'saved' | 'already-cached' | 'not-saved'

export interface CacheSaveResult {
  readonly status: CacheSaveStatus
  readonly key: string
  /** Why nothing was saved, when status is `not-saved`. */
  readonly reason?: string
}

export interface CacheLog {
  info(message: string): void
  warning(message: string): void
}

export interface ActionsCacheStoreOptions {
  /** Where RUNNER_TEMP and GITHUB_WORKSPACE are read; process.env by default (as @actions/cache reads them). */
  readonly env?: Env
  /** Names the input that turned caching on, for messages; `cache` by default. */
  readonly inputName?: string
  readonly log?: CacheLog
}

const silent: CacheLog = { info: () => {}, warning: () => {} }

export class ActionsCacheStore {
  private readonly env: Env
  private readonly inputName: string
  private readonly log: CacheLog

  constructor(options: ActionsCacheStoreOptions = {}) {
    this.env = options.env ?? process.env
    this.inputName = options.inputName ?? 'cache'
    this.log = options.log ?? silent
  }

  /** The one path every job saves from and restores to (see the module comment). */
  stagingPath(): string {
    return path.join(this.env.RUNNER_TEMP || os.tmpdir(), CACHE_STAGING_DIR)
  }

  /**
   * Caches the files under the digest's key. An existing entry is success (`already-cached`):
   * the key names those bytes forever, so there is nothing to update.
   */
  async save(request: CacheSave): Promise<CacheSaveResult> {
    const key = cacheKeyOf(request.digest)
    const unavailable = this.unavailable()
    if (unavailable) return this.notSaved(key, unavailable)
    const staging = this.stagingPath()
    if (await this.exists(staging, key)) {
      this.log.info(`${this.inputName}: ${key} is already cached; a cache entry is never overwritten, and this one holds these bytes.`)
      return { status: 'already-cached', key }
    }
    try {
      this.stage(staging, request)
      const changed = request.listing === undefined ? null : await this.changedSinceSealing(staging, request.listing)
      if (changed !== null) return this.notSaved(key, changed)
      const id = await cache.saveCache([staging], key)
      if (id !== -1) {
        this.log.info(`${this.inputName}: saved the sealed files as ${key}`)
        return { status: 'saved', key }
      }
      // -1: not saved. Another job may have saved the same key meanwhile (the service
      // refuses a second entry); @actions/cache has already logged its reason otherwise.
      if (await this.exists(staging, key)) return { status: 'already-cached', key }
      return this.notSaved(key, 'the cache service did not accept the entry (see the messages above)')
    } catch (error) {
      return this.notSaved(key, error instanceof Error ? error.message : String(error))
    } finally {
      removeQuietly(staging)
    }
  }

  /** Null when the staged files are exactly the sealed ones; else what differs, for the warning. */
  private async changedSinceSealing(staging: string, listing: Uint8Array): Promise<string | null> {
    const staged = await listDirectory(staging, this.inputName)
    if (Buffer.from(listing).equals(staged)) return null
    const differences = diffListings(parseListing(Buffer.from(listing).toString('utf8'), 'the sealed listing'), parseListing(staged.toString('utf8'), 'the staged files'))
    const named = differences.slice(0, 5).map((m) => `${m.path} (${m.kind})`).join(', ')
    return `the files changed after they were sealed: ${named}${differences.length > 5 ? ` and ${differences.length - 5} more` : ''}. Seal them again to cache them`
  }

  /**
   * Restores the digest's files into `into` (absent or empty): true when they were
   * restored, false on a miss or when the cache is unavailable. The caller verifies them.
   */
  async restore(digest: Digest, into: string): Promise<boolean> {
    const key = cacheKeyOf(digest)
    const unavailable = this.unavailable()
    if (unavailable) {
      this.log.info(`${this.inputName}: not restoring ${key}: ${unavailable}`)
      return false
    }
    const work = workingDirBeside(into, this.inputName)
    const staging = this.stagingPath()
    removeQuietly(staging)
    try {
      let matched: string | undefined
      try {
        matched = await cache.restoreCache([staging], key)
      } catch (error) {
        this.log.warning(`${this.inputName}: could not restore ${key} (${error instanceof Error ? error.message : String(error)}); going on without the cache.`)
        return false
      }
      if (matched !== key) return false
      if (!fs.existsSync(staging)) {
        // The archive was made relative to another workspace layout, so it unpacked elsewhere.
        this.log.warning(`${this.inputName}: ${key} was found but did not unpack to ${quote(staging)}; treating it as a miss.`)
        return false
      }
      transfer(staging, work)
      moveIntoPlace(work, into, this.inputName)
      this.log.info(`${this.inputName}: restored ${key}`)
      return true
    } finally {
      removeQuietly(work)
      removeQuietly(staging)
    }
  }

  private unavailable(): string | null {
    return cache.isFeatureAvailable() ? null : 'the Actions cache service is not available here (ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL is not set)'
  }

  private notSaved(key: string, reason: string): CacheSaveResult {
    this.log.warning(`${this.inputName}: the sealed files were not cached as ${key}: ${reason}. Going on: the cache only speeds later jobs up.`)
    return { status: 'not-saved', key, reason }
  }

  private async exists(staging: string, key: string): Promise<boolean> {
    try {
      return (await cache.restoreCache([staging], key, [], { lookupOnly: true })) === key
    } catch {
      return false
    }
  }

  /** Hard-links (or copies) each listed file to the staging directory, at its listing path. */
  private stage(staging: string, request: CacheSave): void {
    removeQuietly(staging)
    fs.mkdirSync(staging, { recursive: true })
    const root = path.resolve(request.root)
    const made = new Set<string>()
    for (const rel of request.paths) {
      const source = path.join(root, ...rel.split('/'))
      const target = path.join(staging, ...rel.split('/'))
      const parent = path.dirname(target)
      if (!made.has(parent)) {
        fs.mkdirSync(parent, { recursive: true })
        made.add(parent)
      }
      let real: string
      try {
        real = fs.realpathSync(source)
      } catch (error) {
        throw new SealError(
          `${this.inputName}: cannot cache the sealed file ${quote(rel)} under ${quote(root)} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
            `The files changed after they were sealed: seal them again.`
        )
      }
      try {
        fs.linkSync(real, target)
      } catch {
        fs.copyFileSync(real, target)
      }
    }
  }
}

/** Moves a directory onto an empty one, copying when they are on different file systems. */
function transfer(from: string, to: string): void {
  fs.rmdirSync(to)
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    fs.cpSync(from, to, { recursive: true })
    removeQuietly(from)
  }
}
