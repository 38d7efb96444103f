import { textWithin } from './bounded-response.js'
import type { Clock } from './clock.js'
import { type Failure, type HttpPolicy, classify } from './retry-policy.js'
import { retrying } from './retrying.js'

/**
 * One JSON call to a service the runner hands a step (the results service's Twirp calls, the
 * cache service's lookups) under the one retry policy. The Twirp services say why in `msg`,
 * GitHub in `message`; both reach the policy as GitHub's shape, so a 5xx, a 408 and a rate
 * limit are retried here as for every other remote call.
 */

/** The longest answer read: a listing of thousands of artifacts or cache entries is a few MiB. */
export const ANSWER_MAX_BYTES = 32 * 1024 * 1024

/**
 * A call that ended without the answer asked for: `status` as HTTP says it (404 gone, 410
 * expired, 401/403 refused), null when no answer came at all.
 */
export class ServiceAnswerError extends Error {
  constructor(
    readonly status: number | null,
    message: string
  ) {
    super(message)
  }
}

export interface ServiceCallOptions {
  /** How messages name what was called: `the results service`, `GitHub`. */
  readonly service: string
  /** And the call, when the service has several: `ListArtifacts`, `GET /repos/o/r/…`. */
  readonly call?: string
  readonly policy: HttpPolicy
  /**
   * A call nobody answered (a dropped connection, an attempt's timeout) is not sent again:
   * for a service the caller can go on without, such as the cache.
   */
  readonly noAnswerIsFinal?: boolean
  readonly clock?: Clock
}

/** The JSON body of a 2xx answer (null for 204); anything else ends as a ServiceAnswerError. */
export async function callService(
  url: string,
  init: RequestInit,
  options: ServiceCallOptions
): Promise<unknown> {
  return retrying<unknown>(
    async (signal) => {
      let response: Response
      try {
        response = await fetch(url, { ...init, signal })
      } catch (error) {
        // Shaped as octokit's RequestError, whose `cause` is the fetch failure the policy reads.
        const failure = classify({ cause: error })
        if (options.noAnswerIsFinal === true) throw endedBy(failure, options)
        return { failure }
      }
      const text = await textWithin(response, ANSWER_MAX_BYTES)
      // An error answer too long to read is still judged by its status (a 503 is tried again).
      if (text === null && !response.ok)
        return {
          failure: classify({
            status: response.status,
            response: { headers: Object.fromEntries(response.headers), data: {} }
          })
        }
      if (text === null)
        throw new ServiceAnswerError(
          response.status,
          `${options.service} answered${callOf(options)} ${response.status} with more than ` +
            `${ANSWER_MAX_BYTES / 1024 / 1024} MiB, which is not read`
        )
      if (response.status === 204) return { value: null }
      if (response.ok) {
        try {
          return { value: JSON.parse(text) as unknown }
        } catch {
          throw new ServiceAnswerError(
            response.status,
            `${options.service} answered${callOf(options)} ${response.status} with a body that is not JSON`
          )
        }
      }
      return {
        failure: classify({
          status: response.status,
          response: { headers: Object.fromEntries(response.headers), data: bodyOf(text) }
        })
      }
    },
    {
      policy: options.policy,
      ...(options.clock ? { clock: options.clock } : {}),
      fail: (failure) => endedBy(failure, options)
    }
  )
}

/** The error a call ends with after `failure`, whichever client made it. */
export function endedBy(
  failure: Failure,
  options: Pick<ServiceCallOptions, 'service' | 'call'>
): ServiceAnswerError {
  return failure.kind === 'network'
    ? new ServiceAnswerError(
        null,
        `${options.service} did not answer${callOf(options)} (${failure.detail})`
      )
    : new ServiceAnswerError(
        failure.status,
        `${options.service} answered${callOf(options)} ${failure.detail}`
      )
}

function callOf(options: Pick<ServiceCallOptions, 'call'>): string {
  return options.call === undefined ? '' : ` ${options.call}`
}

/** An error body as the policy reads GitHub's: a Twirp `msg` becomes `message`. */
function bodyOf(text: string): unknown {
  try {
    const body = JSON.parse(text) as unknown
    if (typeof body !== 'object' || body === null) return text
    const { msg, message } = body as { msg?: unknown; message?: unknown }
    if (typeof message === 'string') return { message }
    return typeof msg === 'string' ? { message: msg } : {}
  } catch {
    return text
  }
}
