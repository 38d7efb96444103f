import { AsyncLocalStorage } from 'node:async_hooks'
import { getOctokit } from '@actions/github'
import { VERSION } from '../version.js'
import type { Clock } from './clock.js'
import { type Failure, type HttpPolicy, classify } from './retry-policy.js'
import { retrying } from './retrying.js'

/** The REST API version whose shapes the project reads. */
const API_VERSION = '2022-11-28'

/** An answer as octokit gives it, reduced to what callers read. */
export interface GitHubResponse {
  readonly status: number
  readonly url: string
  readonly headers: { readonly link?: string; readonly date?: string }
  readonly data: unknown
}

/** A request as messages name it: `GET /repos/o/r/deployments?environment=production`. */
export interface RequestName {
  readonly method: string
  readonly path: string
}

export interface GitHubClientOptions {
  readonly token: string
  /** Given, never taken from GITHUB_API_URL, so a client talks to the API it was told. */
  readonly apiUrl: string
  readonly policy: HttpPolicy
  readonly clock?: Clock
  /** The error a request that failed for good ends with (see RetryingOptions.fail). */
  readonly fail: (
    request: RequestName,
    failure: Failure,
    attempts: number,
    refusedWait: number | null
  ) => Error
  /** Sees every answer that came (its Date header is GitHub's clock). */
  readonly onAnswer?: (response: GitHubResponse) => void
}

export type GitHubClient = ReturnType<typeof getOctokit> & {
  /**
   * Sends a write that GitHub may have done when its answer was lost (no answer, a 5xx): before
   * it is sent again, `recover` looks for what the earlier attempt made, and what it found is
   * the answer. `send` makes the write with the client, as any request.
   */
  writeOnce<T extends GitHubResponse>(
    send: () => Promise<T>,
    recover: () => Promise<GitHubResponse | undefined>
  ): Promise<T>
}

/**
 * Octokit for the GitHub REST API with what octokit leaves out, for every request (pages
 * followed included): the API version header, a timeout per attempt, the one retry policy
 * (backoff with jitter, Retry-After, a deadline), and writes sent once.
 */
export function gitHubClient(options: GitHubClientOptions): GitHubClient {
  const octokit = getOctokit(options.token, {
    baseUrl: options.apiUrl,
    userAgent: `artifact-seal/${VERSION}`
  })
  // Set for the duration of one write, so the hook below sees it for that write alone.
  const recoveries = new AsyncLocalStorage<() => Promise<GitHubResponse | undefined>>()
  octokit.hook.wrap('request', async (request, endpoint) => {
    const parsed = octokit.request.endpoint.parse(endpoint)
    const name = requestName(parsed.method, parsed.url)
    // The hooks inside this one are bound to this very options object, not to what `request`
    // is called with: the header and each attempt's timeout are set on it.
    endpoint.headers['x-github-api-version'] = API_VERSION
    const recover = recoveries.getStore()
    type Answer = Awaited<ReturnType<typeof request>>
    return retrying<Answer>(
      async (signal) => {
        endpoint.request = { ...endpoint.request, signal }
        try {
          const response = await request(endpoint)
          options.onAnswer?.(response as GitHubResponse)
          return { value: response }
        } catch (error) {
          return { failure: classify(error) }
        }
      },
      {
        policy: options.policy,
        ...(options.clock ? { clock: options.clock } : {}),
        ...(recover === undefined
          ? {}
          : { recover: async () => (await recoveries.exit(recover)) as Answer | undefined }),
        fail: (failure, attempts, refusedWait) => options.fail(name, failure, attempts, refusedWait)
      }
    )
  })
  return Object.assign(octokit, {
    writeOnce: <T extends GitHubResponse>(
      send: () => Promise<T>,
      recover: () => Promise<GitHubResponse | undefined>
    ): Promise<T> => recoveries.run(recover, send) as Promise<T>
  })
}

/** How messages name a request: method and path, the query decoded. */
export function requestName(method: string, url: string): RequestName {
  const parsed = new URL(url)
  let query = parsed.search
  try {
    query = decodeURIComponent(query)
  } catch {
    // keep it encoded
  }
  return { method: method.toUpperCase(), path: `${parsed.pathname}${query}` }
}
