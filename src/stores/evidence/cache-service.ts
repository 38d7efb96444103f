import { DEFAULT_POLICY, type HttpPolicy } from '../../http/retry-policy.js'
import { callService } from '../../http/service-call.js'
import { type Env, serverUrlOf } from '../../core/env.js'
import { saveSignedUrl } from './signed-download.js'
import { sha256Hex } from '../../core/digest.js'

/**
 * Finds a cache entry and downloads its archive the way @actions/cache does (the cache
 * service's lookup, then a GET of the signed storage URL it hands out), and stops there:
 * @actions/cache's restore would go on to run `tar -x -P` in the workspace, writing
 * whatever the archive names, absolute paths and `..` included, before anyone could look.
 * Here the archive is only saved to a file, for the caller to list before extracting.
 */

/** The compression methods @actions/cache writes (zstd when the saving runner has it, else gzip), newest first. */
const COMPRESSION_METHODS = ['zstd-without-long', 'gzip'] as const
/** @actions/cache's salt in every version hash, for entries it can read. */
const VERSION_SALT = '1.0'
const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService'
/**
 * @actions/cache's patience with its service: three attempts, a second's backoff doubling; a
 * rate limit asking for more than ten seconds ends the lookup, the cache being optional.
 */
const CACHE_POLICY: HttpPolicy = {
  ...DEFAULT_POLICY,
  attempts: 3,
  timeoutMs: 30_000,
  maxDelayMs: 10_000
}

export interface CacheLocation {
  readonly key: string
  /** A signed URL of the archive in storage: a secret until it expires. */
  readonly url: string
}

/** The cache service cannot be used here, and why; null when it can. */
export function cacheReadUnavailable(env: Env): string | null {
  const mode = (env.ACTIONS_CACHE_MODE ?? '').trim().toLowerCase()
  if (mode === 'none' || mode === 'write-only')
    return `the runner's cache mode ${JSON.stringify(mode)} does not allow reading the cache`
  if (
    serviceVersion(env) === 'v2'
      ? !env.ACTIONS_RESULTS_URL
      : !(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL)
  ) {
    return 'the Actions cache service is not available here (ACTIONS_RESULTS_URL or ACTIONS_CACHE_URL is not set)'
  }
  if (!env.ACTIONS_RUNTIME_TOKEN) return 'the runner gave this step no ACTIONS_RUNTIME_TOKEN'
  return null
}

/**
 * The version @actions/cache files an entry under: a hash of the paths given to saveCache
 * and the compression method, so only entries saved from `stagingPath` are found.
 */
export function cacheVersion(
  stagingPath: string,
  method: string,
  platform: NodeJS.Platform = process.platform
): string {
  const components = [
    stagingPath,
    method,
    ...(platform === 'win32' ? ['windows-only'] : []),
    VERSION_SALT
  ]
  return sha256Hex(components.join('|'))
}

/**
 * The entry saved under exactly `key` from `stagingPath`, with either compression (this
 * reader undoes both, whatever the restoring runner has installed); null on a miss.
 */
export async function lookupCacheEntry(
  env: Env,
  key: string,
  stagingPath: string
): Promise<CacheLocation | null> {
  for (const method of COMPRESSION_METHODS) {
    const version = cacheVersion(stagingPath, method)
    const found =
      serviceVersion(env) === 'v2'
        ? await lookupV2(env, key, version)
        : await lookupV1(env, key, version)
    if (found !== null) return found
  }
  return null
}

/** Saves the archive at `url` to `file` (created new); throws on any status but 200, a short body or a stall. */
export async function downloadCacheArchive(url: string, file: string): Promise<number> {
  return (await saveSignedUrl(url, file)).bytes
}

/**
 * Cache service v2 on github.com and GHE.com; v1 on GitHub Enterprise Server, or where the runner
 * did not turn v2 on.
 */
function serviceVersion(env: Env): 'v1' | 'v2' {
  const host = new URL(serverUrlOf(env)).hostname.trimEnd().toUpperCase()
  const ghes = host !== 'GITHUB.COM' && !host.endsWith('.GHE.COM') && !host.endsWith('.LOCALHOST')
  return !ghes && env.ACTIONS_CACHE_SERVICE_V2 ? 'v2' : 'v1'
}

async function lookupV2(env: Env, key: string, version: string): Promise<CacheLocation | null> {
  const url = new URL(`/twirp/${CACHE_SERVICE}/GetCacheEntryDownloadURL`, env.ACTIONS_RESULTS_URL)
    .href
  const body = await request(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`
    },
    body: JSON.stringify({ key, restore_keys: [], version })
  })
  const answer = (body ?? {}) as Record<string, unknown>
  if (answer.ok !== true) return null
  const matched = answer.matched_key ?? answer.matchedKey
  const signed = answer.signed_download_url ?? answer.signedDownloadUrl
  if (matched !== key || typeof signed !== 'string' || signed === '') return null
  return { key, url: signed }
}

async function lookupV1(env: Env, key: string, version: string): Promise<CacheLocation | null> {
  const base = env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL || ''
  const url = `${base}_apis/artifactcache/cache?keys=${encodeURIComponent(key)}&version=${version}`
  const body = await request(url, {
    method: 'GET',
    headers: {
      Accept: 'application/json;api-version=6.0-preview.1',
      Authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`
    }
  })
  const answer = (body ?? {}) as Record<string, unknown>
  if (
    answer.cacheKey !== key ||
    typeof answer.archiveLocation !== 'string' ||
    answer.archiveLocation === ''
  )
    return null
  return { key, url: answer.archiveLocation }
}

/**
 * One call under the project's HTTP policy with @actions/cache's patience (3 attempts): a 5xx is
 * retried, and no answer at all is not, the cache being optional.
 */
async function request(url: string, init: RequestInit): Promise<unknown> {
  return callService(url, init, {
    service: 'the cache service',
    policy: CACHE_POLICY,
    noAnswerIsFinal: true
  })
}
