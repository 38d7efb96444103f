import { SYSTEM_CLOCK, type Clock } from './clock.js'
import { type Failure, type HttpPolicy, delayBefore, isRetryable } from './retry-policy.js'

/** How one attempt ended: an answer to hand back, or a failure the policy judges. */
export type Attempted<T> = { readonly value: T } | { readonly failure: Failure }

export interface RetryingOptions<T> {
  readonly policy: HttpPolicy
  readonly clock?: Clock
  /** This request's timeout per attempt, when not the policy's (a streamed blob). */
  readonly timeoutMs?: number
  /** The request cannot be sent twice (a streamed body): a failure ends it. */
  readonly once?: boolean
  /**
   * For a write whose answer was lost after it may have been done (no answer, a 5xx): looks
   * for what the attempt made before the write is sent again; what it found is the answer,
   * undefined sends the write again. A rate limit answers before anything is done, so it
   * never asks.
   */
  readonly recover?: () => Promise<T | undefined>
  /**
   * The error a request that failed for good ends with: the last failure, the attempts made,
   * and, when the policy stopped because the wait asked for was too long, that wait.
   */
  readonly fail: (failure: Failure, attempts: number, refusedWait: number | null) => Error
}

/**
 * Sends a request under the policy: each attempt gets a signal that aborts at its timeout; a
 * failure worth retrying waits (backoff with jitter, or a rate limit's Retry-After) unless the
 * wait is longer than the policy allows or would pass the deadline; a write that may have been
 * done is looked up before it is sent again. An attempt that throws (an answer the caller
 * refuses) ends the request with that error.
 */
export async function retrying<T>(
  attempt: (signal: AbortSignal, attempt: number) => Promise<Attempted<T>>,
  options: RetryingOptions<T>
): Promise<T> {
  const { policy } = options
  const clock = options.clock ?? SYSTEM_CLOCK
  const started = clock.now()
  for (let n = 1; ; n++) {
    const outcome = await attempt(clock.timeout(options.timeoutMs ?? policy.timeoutMs), n)
    if ('value' in outcome) return outcome.value
    const { failure } = outcome
    if (!isRetryable(failure) || options.once === true) throw options.fail(failure, n, null)
    const wait = delayBefore(failure, n, policy, clock.random)
    if (wait > policy.maxDelayMs || clock.now() - started + wait > policy.deadlineMs)
      throw options.fail(failure, n, wait)
    if (n >= policy.attempts) throw options.fail(failure, n, null)
    await clock.sleep(wait)
    if (
      options.recover !== undefined &&
      (failure.kind === 'server' || failure.kind === 'network')
    ) {
      const found = await options.recover()
      if (found !== undefined) return found
    }
  }
}
