/**
 * What the HTTP layer reads of time: the moment, the waits between attempts, each attempt's
 * timeout and the jitter. Tests give their own to decide when a timeout fires or a wait ends,
 * so no test depends on how fast the machine answers.
 */
export interface Clock {
  /** Milliseconds on a monotonic clock. */
  now(): number
  sleep(ms: number): Promise<void>
  /** A signal that aborts an attempt after `ms`. */
  timeout(ms: number): AbortSignal
  /** In [0, 1), for jitter. */
  random(): number
}

export const SYSTEM_CLOCK: Clock = {
  // process.hrtime, not performance.now(): the first use of `performance` loads perf_hooks.
  now: () => Number(process.hrtime.bigint() / 1_000_000n),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  timeout: (ms) => AbortSignal.timeout(ms),
  random: Math.random
}
