import { SealError, type SealErrorCode } from '../../core/errors.js'
import type { Clock } from '../../http/clock.js'
import { type Failure, type HttpPolicy, classify, isRetryable } from '../../http/retry-policy.js'
import { type Exchanged, discard, exchange, readBounded, webStream } from '../../http/exchange.js'
import { retrying } from '../../http/retrying.js'
import { ANY_CONTROL } from '../../core/control-characters.js'
import { requestFailed, tooLarge, unsafeRedirect } from './messages.js'

/**
 * Every HTTP exchange with a registry or its token service: the HTTP layer's exchange (node:http,
 * node:https) with redirects followed by hand (credentials go to the registry's own origin only, never to the blob
 * storage a registry redirects to), under the HTTP layer's one policy (a timeout per attempt;
 * 5xx, 408, 429 with its Retry-After, timeouts and connection errors retried with backoff and
 * jitter inside a total deadline), and a count of requests per operation.
 */

export interface TransportOptions {
  /** The HTTP policy: attempts, backoff, a timeout per attempt, the deadline of a request and its retries. */
  readonly policy: HttpPolicy
  /** Per attempt of a blob's body streamed from one registry to another. */
  readonly blobTimeoutMs: number
  readonly clock: Clock
  readonly userAgent: string
  /** Where proxy variables are read, with NODE_USE_ENV_PROXY=1 (process.env when not given). */
  readonly env?: Readonly<Record<string, string | undefined>>
}

export type Method = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'PATCH' | 'DELETE'

export interface HttpRequest {
  /** The operation it belongs to, for the request counts (resolve, copy, attach…). */
  readonly operation: string
  /** Names the image in messages: `image "ghcr.io/acme/app:1.4.0"`. */
  readonly where: string
  readonly method: Method
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  /** Headers that carry credentials, sent to `credentialOrigin` only and dropped for good once a redirect leaves it. */
  readonly credentials?: Readonly<Record<string, string>>
  readonly credentialOrigin?: string
  /** A buffer can be sent again (retries, 307/308); a stream is sent once. */
  readonly body?: Buffer | ReadableStream<Uint8Array>
  /** The body is read into a buffer up to this many bytes (64 KiB when not set); larger answers are refused. */
  readonly maxBodyBytes?: number
  /** Hand the body back unread, as a stream (blob downloads); only for a 2xx answer. */
  readonly stream?: boolean
  /** Answers the caller handles itself, which are not retried even when the policy would (none by default). */
  readonly noRetry?: readonly number[]
}

export interface HttpResponse {
  readonly status: number
  readonly headers: Headers
  /** Where the answer came from, after redirects. */
  readonly url: string
  readonly body: Buffer
  readonly stream: ReadableStream<Uint8Array> | null
}

/**
 * The code of a failure that ends a request for good: `unavailable` for what the policy would
 * retry (no answer, 5xx, 408, a rate limit), so a caller that can redo more than one request (a
 * streamed blob copy) knows it may; `denied` for refused credentials; `refused` for any other
 * answer.
 */
function codeOf(failure: Failure): SealErrorCode {
  if (isRetryable(failure)) return 'unavailable'
  return failure.kind === 'bad-credentials' || failure.kind === 'forbidden' ? 'denied' : 'refused'
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const MAX_REDIRECTS = 10
const DEFAULT_BODY_LIMIT = 64 * 1024

/**
 * Plain HTTP is for the registry on this machine (a `registry` service container in CI,
 * as Docker treats it) and registries the caller names; everything else is HTTPS.
 */
export function isLoopbackHost(hostPort: string): boolean {
  const host = hostPort.startsWith('[')
    ? hostPort.slice(0, hostPort.indexOf(']') + 1)
    : hostPort.replace(/:\d+$/, '')
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
}

export class Transport {
  private readonly counts = new Map<string, number>()

  constructor(
    private readonly options: TransportOptions,
    /** Origins plain HTTP may be used with (loopback, named registries), for redirect checks. */
    private readonly plainHttpAllowed: (host: string) => boolean
  ) {}

  /** Requests made so far, per operation. */
  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts)
  }

  resetCounts(): void {
    this.counts.clear()
  }

  /**
   * Sends a request, retrying per the policy; an answer the policy does not retry (2xx, 3xx
   * without a usable Location, 4xx but 408 and 429) is returned for the caller to read.
   */
  async send(request: HttpRequest): Promise<HttpResponse> {
    const streamed = request.body !== undefined && !Buffer.isBuffer(request.body)
    return retrying<HttpResponse>(
      async (signal) => {
        try {
          const response = await this.attempt(request, signal)
          if (!shouldRetry(response.status) || request.noRetry?.includes(response.status))
            return { value: response }
          return {
            failure: classify({
              status: response.status,
              response: {
                headers: Object.fromEntries(response.headers),
                data: errorSummary(response.body)
              }
            })
          }
        } catch (error) {
          if (error instanceof SealError) throw error
          return { failure: classify({ cause: error }) }
        }
      },
      {
        policy: this.options.policy,
        clock: this.options.clock,
        timeoutMs:
          request.stream === true || streamed
            ? this.options.blobTimeoutMs
            : this.options.policy.timeoutMs,
        once: streamed,
        fail: (failure, attempts, refusedWait) =>
          new SealError(
            codeOf(failure),
            requestFailed(request, failure, attempts, refusedWait ?? undefined)
          )
      }
    )
  }

  /** One attempt: the request and the redirects it leads to. */
  private async attempt(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    let url = new URL(request.url)
    let method: Method = request.method
    let body = request.body
    let credentials = request.credentials
    const entityHeaders = { ...request.headers }
    for (let hop = 0; ; hop++) {
      const sendCredentials = credentials !== undefined && url.origin === request.credentialOrigin
      this.count(request.operation)
      const response = await exchange({
        method,
        url,
        headers: {
          'user-agent': this.options.userAgent,
          ...entityHeaders,
          ...(sendCredentials ? credentials : {})
        },
        body,
        signal,
        ...(this.options.env === undefined ? {} : { env: this.options.env })
      })
      const location = response.headers.get('location')
      if (!REDIRECTS.has(response.status) || location === null)
        return this.read(request, response, url)
      discard(response)
      if (hop >= MAX_REDIRECTS)
        throw new SealError(
          'refused',
          unsafeRedirect(request, `more than ${MAX_REDIRECTS} redirects`)
        )
      const next = parseUrl(location, url.href)
      if (next === null)
        throw new SealError(
          'refused',
          unsafeRedirect(
            request,
            `a redirect to ${JSON.stringify(location.slice(0, 100))}, which is not a URL`
          )
        )
      if (
        next.protocol !== 'https:' &&
        !(next.protocol === 'http:' && this.plainHttpAllowed(next.host))
      ) {
        throw new SealError(
          'refused',
          unsafeRedirect(
            request,
            `a redirect from ${url.origin} to ${next.protocol}//${next.host}, which would send the request in ` +
              'the clear or over another protocol'
          )
        )
      }
      // Credentials are dropped for good once the chain leaves the registry's origin, even if it comes back.
      if (next.origin !== url.origin) credentials = undefined
      if (
        response.status === 303 ||
        ((response.status === 301 || response.status === 302) && method === 'POST')
      ) {
        if (method !== 'HEAD') method = 'GET'
        body = undefined
        for (const name of Object.keys(entityHeaders))
          if (/^content-/i.test(name)) delete entityHeaders[name]
      } else if (body !== undefined && !Buffer.isBuffer(body)) {
        throw new SealError(
          'refused',
          unsafeRedirect(request, 'a redirect of a streamed upload, which cannot be sent twice')
        )
      }
      url = next
    }
  }

  private async read(request: HttpRequest, response: Exchanged, url: URL): Promise<HttpResponse> {
    const ok = response.status >= 200 && response.status < 300
    if (request.stream === true && ok) {
      return {
        status: response.status,
        headers: response.headers,
        url: url.href,
        body: Buffer.alloc(0),
        stream: webStream(response)
      }
    }
    const limit = request.maxBodyBytes ?? DEFAULT_BODY_LIMIT
    // An error's body is read as far as the limit, for its message; an answer to act on must be whole.
    const read = await readBounded(response, request.method === 'HEAD' ? Infinity : limit, {
      head: !ok
    })
    if (read.over !== null && ok) throw new SealError('refused', tooLarge(request, limit))
    return {
      status: response.status,
      headers: response.headers,
      url: url.href,
      body: read.bytes,
      stream: null
    }
  }

  private count(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1)
  }
}

/** A URL, or null for text that is not one (a registry's header is text from outside). */
export function parseUrl(text: string, base: string): URL | null {
  try {
    return new URL(text, base)
  } catch {
    return null
  }
}

function shouldRetry(status: number): boolean {
  return status >= 500 || status === 429 || status === 408
}

/**
 * A registry's error body (`{"errors":[{"code","message"}]}`) in one line, for messages and
 * the policy. It is text from outside: control characters (terminal escapes, line breaks
 * that could start a workflow command) are replaced, and the caller shortens it.
 */
export function errorSummary(body: Buffer): string {
  const text = body.subarray(0, 4096).toString('utf8')
  let summary: string | null = null
  try {
    const errors = (JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] }).errors
    if (Array.isArray(errors) && errors.length > 0) {
      summary = errors
        .map((e) =>
          [e.code, e.message].filter((part) => typeof part === 'string' && part !== '').join(': ')
        )
        .join('; ')
    }
  } catch {
    // not JSON: the text itself
  }
  return (summary ?? text.replace(/<[^>]*>/g, ' '))
    .replace(ANY_CONTROL, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
