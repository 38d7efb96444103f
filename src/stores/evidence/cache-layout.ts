import * as os from 'node:os'
import * as path from 'node:path'
import { type Digest, hexOf } from '../../core/digest.js'
import type { Env } from '../../core/env.js'

/**
 * What a cache entry of sealed files holds and where it is staged; saving and restoring
 * both read it from here.
 *
 * The key `artifact-seal-files-sha256-<hex>` names the bytes forever: the service never
 * overwrites an entry. @actions/cache files an entry under its key *and a version*, a hash
 * of the path given to saveCache (and the compression method), so every job saves from
 * and restores for the same path string: `<RUNNER_TEMP>/artifact-seal-cache-v3`. RUNNER_TEMP
 * is the same on every GitHub-hosted runner of an OS and emptied after each job. The
 * directory holds the sealed listing and the files under `files/`:
 *
 *   listing.sha256   the sealed listing, which must describe the digest of the key
 *   files/<path>     each sealed file, at its listing path
 *
 * so a restore can check every entry against the listing before extracting any. Entries
 * saved by earlier versions (`artifact-seal-cache`, files only) have another version and
 * are never found: a miss, and promote falls back to the workflow artifact.
 */

export const CACHE_KEY_PREFIX = 'artifact-seal-files-'
export const CACHE_STAGING_DIR = 'artifact-seal-cache-v3'
export const CACHE_SEAL_DIR = 'seal'
export const CACHE_FILES_DIR = 'files'

/** The cache key of a digest's files: `artifact-seal-files-sha256-<hex>`. */
export function cacheKeyOf(digest: Digest): string {
  return `${CACHE_KEY_PREFIX}sha256-${hexOf(digest)}`
}

/** The one path every job saves from and restores for (see above). */
export function cacheStagingPath(env: Env): string {
  return path.join(env.RUNNER_TEMP || os.tmpdir(), CACHE_STAGING_DIR)
}

/**
 * How the archive names the staging directory: relative to the saving job's workspace, as
 * @actions/cache archives it (`../../_temp/artifact-seal-cache-v3` on a hosted runner),
 * with `/` on every OS. Every entry of an honest archive lies under it.
 */
export function cacheArchivePrefix(env: Env): string {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd()
  return path.relative(workspace, cacheStagingPath(env)).split(path.sep).join('/')
}
