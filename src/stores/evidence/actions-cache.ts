import * as fs from 'node:fs'
import * as path from 'node:path'
import * as cache from '@actions/cache'
import type { Digest } from '../../core/digest.js'
import { messageOf, quote, SealError } from '../../core/errors.js'
import { diffListings, parseListing } from '../../core/listing.js'
import { listDirectory } from '../../core/seal.js'
import { CACHE_FILES_DIR, CACHE_SEAL_DIR, cacheKeyOf, cacheStagingPath } from './cache-layout.js'
import { removeQuietly } from './directory-handoff.js'
import type { SealBundleLocation } from './seal-bundle.js'
import type { Env } from '../../core/env.js'

/**
 * Saves sealed files in the GitHub Actions cache, addressed by their digest, through
 * @actions/cache (cache-layout.ts says what an entry holds and where it is staged).
 * Restoring does not go through @actions/cache, whose restore extracts into the workspace
 * before anything can be checked: see cache-restore.ts.
 *
 * When the cache service is unavailable (no ACTIONS_RESULTS_URL outside Actions, the
 * service down, a read-only token, the repository's cache full), saving warns and goes on
 * (status `not-saved`): the workflow artifact remains the authoritative carrier.
 */

export { cacheKeyOf } from './cache-layout.js'

export interface CacheSave {
  readonly digest: Digest
  /** The artifact root and the listing's paths: exactly the sealed files are cached. */
  readonly root: string
  readonly paths: readonly string[]
  /**
   * The sealed listing, saved with the files so a restore can check every entry against
   * it. The staged copies are hashed again and must equal it before they are saved, so a
   * file changed after sealing never enters the cache under the digest.
   */
  readonly listing: Uint8Array
  /**
   * The seal bundle, carried in the entry beside the files (its listing replaced by `listing`,
   * which it must equal): a restore then finds the signed statement where a download does.
   */
  readonly bundle: SealBundleLocation
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
  /** Where RUNNER_TEMP is read; process.env by default (as @actions/cache reads it). */
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

  /** The one path every job saves from and restores for (cache-layout.ts). */
  stagingPath(): string {
    return cacheStagingPath(this.env)
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
      this.log.info(
        `${this.inputName}: ${key} is already cached; a cache entry is never overwritten (whoever restores it ` +
          'checks it against the digest first).'
      )
      return { status: 'already-cached', key }
    }
    try {
      this.stage(staging, request)
      const changed = await this.changedSinceSealing(
        path.join(staging, CACHE_FILES_DIR),
        request.listing
      )
      if (changed !== null) return this.notSaved(key, changed)
      const id = await cache.saveCache([staging], key)
      if (id !== -1) {
        this.log.info(`${this.inputName}: saved the sealed files as ${key}`)
        return { status: 'saved', key }
      }
      // -1: not saved. Another job may have saved the same key meanwhile (the service
      // refuses a second entry); @actions/cache has already logged its reason otherwise.
      if (await this.exists(staging, key)) return { status: 'already-cached', key }
      return this.notSaved(
        key,
        'the cache service did not accept the entry (see the messages above)'
      )
    } catch (error) {
      return this.notSaved(key, messageOf(error))
    } finally {
      removeQuietly(staging)
    }
  }

  /** Null when the staged files are exactly the sealed ones; else what differs, for the warning. */
  private async changedSinceSealing(staging: string, listing: Uint8Array): Promise<string | null> {
    const staged = await listDirectory(staging, this.inputName)
    if (Buffer.from(listing).equals(staged)) return null
    const differences = diffListings(
      parseListing(Buffer.from(listing).toString('utf8'), 'the sealed listing'),
      parseListing(staged.toString('utf8'), 'the staged files')
    )
    const named = differences
      .slice(0, 5)
      .map((m) => `${m.path} (${m.kind})`)
      .join(', ')
    return `the files changed after they were sealed: ${named}${differences.length > 5 ? ` and ${differences.length - 5} more` : ''}. Seal them again to cache them`
  }

  private unavailable(): string | null {
    return cache.isFeatureAvailable()
      ? null
      : 'the Actions cache service is not available here (ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL is not set)'
  }

  private notSaved(key: string, reason: string): CacheSaveResult {
    this.log.warning(
      `${this.inputName}: the sealed files were not cached as ${key}: ${reason}. Going on: the cache only ` +
        'speeds later jobs up.'
    )
    return { status: 'not-saved', key, reason }
  }

  private async exists(staging: string, key: string): Promise<boolean> {
    try {
      return (await cache.restoreCache([staging], key, [], { lookupOnly: true })) === key
    } catch {
      return false
    }
  }

  /**
   * Writes the seal bundle under `seal/` and hard-links (or copies) each listed file under `files/` at its
   * listing path. A file whose inode was staged already is copied: tar would store the
   * second name as a hard link, an entry every restore refuses.
   */
  private stage(staging: string, request: CacheSave): void {
    removeQuietly(staging)
    const filesDir = path.join(staging, CACHE_FILES_DIR)
    fs.mkdirSync(filesDir, { recursive: true })
    const sealDir = path.join(staging, CACHE_SEAL_DIR)
    fs.mkdirSync(sealDir)
    const { bundle } = request
    fs.writeFileSync(path.join(sealDir, path.basename(bundle.checksumsPath)), request.listing)
    for (const file of [
      bundle.statementPath,
      bundle.sigstoreBundlePath,
      bundle.contractPath,
      bundle.modesPath
    ]) {
      if (typeof file === 'string') fs.copyFileSync(file, path.join(sealDir, path.basename(file)))
    }
    if (bundle.contractDir)
      fs.cpSync(bundle.contractDir, path.join(sealDir, path.basename(bundle.contractDir)), {
        recursive: true,
        dereference: true
      })
    const root = path.resolve(request.root)
    const made = new Set<string>()
    const staged = new Set<string>()
    for (const rel of request.paths) {
      const source = path.join(root, ...rel.split('/'))
      const target = path.join(filesDir, ...rel.split('/'))
      const parent = path.dirname(target)
      if (!made.has(parent)) {
        fs.mkdirSync(parent, { recursive: true })
        made.add(parent)
      }
      let real: string
      let inode: string
      try {
        real = fs.realpathSync(source)
        const stat = fs.statSync(real)
        inode = `${stat.dev}:${stat.ino}`
      } catch (error) {
        throw new SealError(
          'unreadable',
          `${this.inputName}: cannot cache the sealed file ${quote(rel)} under ${quote(root)} (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
            `The files changed after they were sealed: seal them again.`,
          { cause: error }
        )
      }
      if (staged.has(inode)) {
        fs.copyFileSync(real, target)
        continue
      }
      staged.add(inode)
      try {
        fs.linkSync(real, target)
      } catch {
        fs.copyFileSync(real, target)
      }
    }
  }
}
