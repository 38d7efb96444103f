import { SealError, quote } from '../core/errors.js'
import { SYSTEM_CLOCK, type Clock } from './clock.js'

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

/**
 * One GET of a URL someone else serves (a running service's version or API description),
 * bounded in time and memory: one signal aborts connecting, the headers and the body alike,
 * and the body is read chunk by chunk and dropped the moment it passes `maxBytes`. No
 * retry: a probe reports what it saw now, and a schedule looks again. Every failure is a
 * SealError (`unavailable`, or `refused` for a body over the limit) whose message says what
 * happened, for a verdict of "unknown".
 */
export async function boundedGet(url: string, options: BoundedGetOptions): Promise<BoundedAnswer> {
  const clock = options.clock ?? SYSTEM_CLOCK
  const signal = clock.timeout(options.timeoutMs)
  const timedOut = (): SealError =>
    new SealError(
      'unavailable',
      `${options.what}: ${quote(url)} did not answer in full within ${options.timeoutMs} ms`
    )
  let response: Response
  try {
    response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.1' }
    })
  } catch (error) {
    if (signal.aborted) throw timedOut()
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    throw new SealError(
      'unavailable',
      `${options.what}: ${quote(url)} cannot be reached (${cause?.code ?? cause?.message ?? (error as Error).message})`,
      { cause: error }
    )
  }
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    throw tooLarge(url, options, `it declares ${declared} bytes`)
  }
  const chunks: Buffer[] = []
  let size = 0
  const reader = response.body?.getReader()
  try {
    for (;;) {
      if (reader === undefined) break
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > options.maxBytes) {
        await reader.cancel().catch(() => undefined)
        throw tooLarge(url, options, 'it sent more')
      }
      chunks.push(Buffer.from(value))
    }
  } catch (error) {
    if (error instanceof SealError) throw error
    if (signal.aborted) throw timedOut()
    throw new SealError(
      'unavailable',
      `${options.what}: ${quote(url)} broke off its answer (${(error as Error).message})`,
      { cause: error }
    )
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: Buffer.concat(chunks)
  }
}

function tooLarge(url: string, options: BoundedGetOptions, how: string): SealError {
  return new SealError(
    'refused',
    `${options.what}: ${quote(url)} answered with more than ${options.maxBytes} bytes (${how}); nothing past ` +
      'the limit was read'
  )
}
