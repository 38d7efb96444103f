/**
 * The one retry policy of every remote call the project makes itself: which failures are
 * worth another attempt, how long to wait first (backoff with jitter, or what a rate limit's
 * Retry-After asks), a timeout per attempt and a deadline for the whole request. Pure: it
 * reads what octokit's RequestError carries (status, response headers and body, and the fetch
 * failure as `cause` when no answer came), and callers hand it other answers in that shape.
 */

export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly attempts: number
  /** The first backoff; each later one doubles, with jitter. */
  readonly baseDelayMs: number
  /** No single wait is longer; a rate limit that resets later fails at once instead. */
  readonly maxDelayMs: number
}

export interface HttpPolicy extends RetryOptions {
  /** Per attempt, so one hung connection costs one attempt, not the job. */
  readonly timeoutMs: number
  /** A request and its retries end by then, waits included: no wait starts that would pass it. */
  readonly deadlineMs: number
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 1000, maxDelayMs: 60_000 }

export const DEFAULT_POLICY: HttpPolicy = {
  ...DEFAULT_RETRY,
  timeoutMs: 30_000,
  deadlineMs: 300_000
}

/**
 * The policy as the Sigstore libraries take it (make-fetch-happen's `timeout` and `retry`):
 * the same timeout per attempt, attempts and backoff with jitter. They do not read
 * Retry-After; the project's own calls do.
 */
export function sigstoreFetchOptions(policy: HttpPolicy = DEFAULT_POLICY): {
  timeout: number
  retry: {
    retries: number
    factor: number
    minTimeout: number
    maxTimeout: number
    randomize: boolean
  }
} {
  return {
    timeout: policy.timeoutMs,
    retry: {
      retries: policy.attempts - 1,
      factor: 2,
      minTimeout: policy.baseDelayMs,
      maxTimeout: policy.maxDelayMs,
      randomize: true
    }
  }
}

/** What went wrong with one attempt. */
export type Failure =
  /** No answer: connection refused or reset, DNS, or the request timed out. */
  | { readonly kind: 'network'; readonly detail: string }
  /** The server's side (5xx, or 408: it timed out waiting for the request): worth retrying after a backoff. */
  | { readonly kind: 'server'; readonly status: number; readonly detail: string }
  /** A rate limit; `waitMs` is what GitHub asked for, when it said. */
  | {
      readonly kind: 'rate-limit'
      readonly status: number
      readonly detail: string
      readonly waitMs: number | null
      readonly resetAt: string | null
    }
  /** 401: the token itself was refused. */
  | { readonly kind: 'bad-credentials'; readonly status: 401; readonly detail: string }
  /** 403 Resource not accessible by integration: the token lacks a permission. */
  | { readonly kind: 'forbidden'; readonly status: 403; readonly detail: string }
  /** Any other answer: retrying would get the same one. */
  | { readonly kind: 'client'; readonly status: number; readonly detail: string }

/** The parts of octokit's RequestError this reads; anything else thrown counts as no answer. */
interface RequestErrorLike {
  readonly status?: unknown
  readonly message?: unknown
  readonly cause?: unknown
  readonly response?: { readonly headers?: Record<string, unknown>; readonly data?: unknown }
}

/** GitHub's advice for a secondary rate limit that gives no retry-after: wait at least a minute. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000

export function classify(error: unknown): Failure {
  const e = (typeof error === 'object' && error !== null ? error : {}) as RequestErrorLike
  const response = e.response
  if (response === undefined || typeof e.status !== 'number')
    return { kind: 'network', detail: networkDetail(e) }
  const status = e.status
  const headers = response.headers ?? {}
  const message = bodyMessageOf(response.data)
  const detail = message === '' ? `${status}` : `${status} ${message}`
  if (status === 401) return { kind: 'bad-credentials', status, detail }
  if (status === 403 || status === 429) {
    const remaining = header(headers, 'x-ratelimit-remaining')
    const retryAfter = Number(header(headers, 'retry-after'))
    const secondary = /secondary rate limit/i.test(message)
    if (header(headers, 'retry-after') !== undefined && Number.isFinite(retryAfter)) {
      return {
        kind: 'rate-limit',
        status,
        detail,
        waitMs: Math.max(0, retryAfter * 1000),
        resetAt: null
      }
    }
    // Retry-After may also be an HTTP date (RFC 9110), as some registries send it.
    const retryAt = Date.parse(header(headers, 'retry-after') ?? '')
    if (!Number.isNaN(retryAt)) {
      const serverNow = Date.parse(header(headers, 'date') ?? '')
      return {
        kind: 'rate-limit',
        status,
        detail,
        waitMs: Math.max(0, retryAt - (Number.isNaN(serverNow) ? Date.now() : serverNow)),
        resetAt: new Date(retryAt).toISOString()
      }
    }
    if (remaining === '0') {
      const reset = Number(header(headers, 'x-ratelimit-reset'))
      // The wait is measured on GitHub's clock (its Date header), so a runner whose clock is off waits right.
      const serverNow = Date.parse(header(headers, 'date') ?? '')
      const now = Number.isNaN(serverNow) ? Date.now() : serverNow
      const known = Number.isFinite(reset) && reset > 0
      return {
        kind: 'rate-limit',
        status,
        detail,
        waitMs: known ? Math.max(0, reset * 1000 - now) : null,
        resetAt: known ? new Date(reset * 1000).toISOString() : null
      }
    }
    if (secondary || status === 429)
      return {
        kind: 'rate-limit',
        status,
        detail,
        waitMs: SECONDARY_DEFAULT_WAIT_MS,
        resetAt: null
      }
    if (status === 403 && /not accessible by integration/i.test(message))
      return { kind: 'forbidden', status, detail }
  }
  // 408: the server gave up waiting for the request, so it was not acted on; retried like a 5xx.
  if (status >= 500 || status === 408) return { kind: 'server', status, detail }
  return { kind: 'client', status, detail }
}

export function isRetryable(failure: Failure): boolean {
  return failure.kind === 'network' || failure.kind === 'server' || failure.kind === 'rate-limit'
}

/**
 * The wait before attempt `attempt + 1`: what a rate limit asked for, or exponential backoff
 * with jitter (half fixed, half random, so retries of many jobs spread out but never vanish).
 */
export function delayBefore(
  failure: Failure,
  attempt: number,
  options: RetryOptions,
  random: () => number = Math.random
): number {
  if (failure.kind === 'rate-limit' && failure.waitMs !== null && failure.waitMs > 0)
    return failure.waitMs
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name]
  return value === undefined || value === null ? undefined : String(value)
}

/** GitHub's error message from a body: `message` of a JSON body, else the start of the text. */
function bodyMessageOf(data: unknown): string {
  if (typeof data === 'object' && data !== null && 'message' in data)
    return String((data as { message: unknown }).message)
  if (typeof data === 'string')
    return abbreviate(
      data
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    )
  return ''
}

/** Why no answer came: the fetch failure (`cause`) says more than octokit's own message. */
function networkDetail(e: RequestErrorLike): string {
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as {
    name?: unknown
    message?: unknown
    cause?: unknown
  }
  if (cause.name === 'TimeoutError') return 'no answer before the request timed out'
  const inner = (typeof cause.cause === 'object' && cause.cause !== null ? cause.cause : {}) as {
    message?: unknown
  }
  for (const m of [inner.message, cause.message, e.message]) {
    if (typeof m === 'string' && m !== '' && m !== 'fetch failed' && m !== 'Unknown Error') return m
  }
  return 'no answer'
}

export function abbreviate(text: string, length = 80): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`
}
