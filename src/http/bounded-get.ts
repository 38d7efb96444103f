import { SealError, quote } from '../core/errors.js'
import { SYSTEM_CLOCK, type Clock } from './clock.js'
import { type Exchanged, discard, exchange, readBounded } from './exchange.js'

/** What a bounded GET brought back. */
export interface BoundedAnswer {
  readonly status: number
  readonly contentType: string
  readonly body: Buffer
}

export interface BoundedGetOptions {
  /** For the whole exchange: connecting, the headers and every byte of the body. */
  readonly timeoutMs: number
  /** The most body bytes read; a longer body is refused as soon as it passes this, never read to its end. */
  readonly maxBytes: number
  readonly clock?: Pick<Clock, 'timeout'>
  /** Named in errors: where the URL came from. */
  readonly what: string
}

/** As many as fetch follows. */
const MAX_REDIRECTS = 20
const REDIRECTS = new Set([301, 302, 303, 307, 308])

/**
 * One GET of a URL someone else serves (a running service's version or API description),
 * bounded in time and memory: one signal aborts connecting, the headers and the body alike,
 * and the body is read through the HTTP layer's one bounded read, dropped the moment it passes
 * `maxBytes`. Redirects are followed, as a browser would, to http(s) URLs. No retry: a probe
 * reports what it saw now, and a schedule looks again. Every failure is a SealError
 * (`unavailable`, or `refused` for a body over the limit) whose message says what happened,
 * for a verdict of "unknown".
 */
export async function boundedGet(url: string, options: BoundedGetOptions): Promise<BoundedAnswer> {
  const clock = options.clock ?? SYSTEM_CLOCK
  const signal = clock.timeout(options.timeoutMs)
  const timedOut = (): SealError =>
    new SealError(
      'unavailable',
      `${options.what}: ${quote(url)} did not answer in full within ${options.timeoutMs} ms`
    )
  const unreachable = (why: string, error?: unknown): SealError =>
    new SealError(
      'unavailable',
      `${options.what}: ${quote(url)} cannot be reached (${why})`,
      error === undefined ? {} : { cause: error }
    )
  let answer: Exchanged
  let at: URL
  try {
    at = new URL(url)
  } catch (error) {
    throw unreachable('not a URL', error)
  }
  for (let hop = 0; ; hop++) {
    try {
      answer = await exchange({
        method: 'GET',
        url: at,
        headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.1' },
        signal
      })
    } catch (error) {
      if (signal.aborted) throw timedOut()
      const cause = error as { code?: string; message?: string }
      throw unreachable(cause.code ?? cause.message ?? String(error), error)
    }
    const location = answer.headers.get('location')
    if (!REDIRECTS.has(answer.status) || location === null) break
    discard(answer)
    let next: URL | null = null
    try {
      next = new URL(location, at)
    } catch {
      // not a URL: said below
    }
    if (next === null || (next.protocol !== 'http:' && next.protocol !== 'https:'))
      throw unreachable(
        `a redirect to ${quote(location.slice(0, 100))}, which is not an http(s) URL`
      )
    if (hop >= MAX_REDIRECTS) throw unreachable(`more than ${MAX_REDIRECTS} redirects`)
    at = next
  }
  let read
  try {
    read = await readBounded(answer, options.maxBytes)
  } catch (error) {
    if (signal.aborted) throw timedOut()
    throw new SealError(
      'unavailable',
      `${options.what}: ${quote(url)} broke off its answer (${(error as Error).message})`,
      { cause: error }
    )
  }
  if (read.over !== null)
    throw tooLarge(
      url,
      options,
      read.over === 'declared' ? `it declares ${read.declared} bytes` : 'it sent more'
    )
  return {
    status: answer.status,
    contentType: answer.headers.get('content-type') ?? '',
    body: read.bytes
  }
}

function tooLarge(url: string, options: BoundedGetOptions, how: string): SealError {
  return new SealError(
    'refused',
    `${options.what}: ${quote(url)} answered with more than ${options.maxBytes} bytes (${how}); nothing past ` +
      'the limit was read'
  )
}
