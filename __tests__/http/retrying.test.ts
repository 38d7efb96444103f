import { describe, expect, it } from '@jest/globals'
import type { Clock } from '../../src/http/clock.js'
import {
  DEFAULT_POLICY,
  type Failure,
  type HttpPolicy,
  sigstoreFetchOptions
} from '../../src/http/retry-policy.js'
import { type Attempted, retrying } from '../../src/http/retrying.js'

/** A clock the test runs: waits are recorded and pass at once, jitter is fixed, time moves only by the waits. */
function testClock(
  random = 0.5
): Clock & { readonly waits: number[]; readonly timeouts: number[] } {
  let now = 0
  const waits: number[] = []
  const timeouts: number[] = []
  return {
    waits,
    timeouts,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms)
      now += ms
    },
    timeout: (ms) => {
      timeouts.push(ms)
      return new AbortController().signal
    },
    random: () => random
  }
}

const POLICY: HttpPolicy = {
  attempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  timeoutMs: 30_000,
  deadlineMs: 300_000
}
const server: Failure = { kind: 'server', status: 502, detail: '502' }
const noAnswer: Failure = { kind: 'network', detail: 'socket hang up' }
const fail = (failure: Failure, attempts: number, wait: number | null): Error =>
  new Error(`${failure.kind} after ${attempts}${wait === null ? '' : `, wait ${wait}`}`)

/** Answers each attempt from a script: a failure, or the value. */
function scripted<T>(
  ...answers: Attempted<T>[]
): (signal: AbortSignal, attempt: number) => Promise<Attempted<T>> {
  return async (_signal, attempt) => answers[attempt - 1] ?? (answers.at(-1) as Attempted<T>)
}

describe('the one retry loop', () => {
  it('backs off with jitter, doubling from the base delay, and gives each attempt its own timeout', async () => {
    const clock = testClock(0.5)
    const value = await retrying(
      scripted({ failure: server }, { failure: noAnswer }, { failure: server }, { value: 'ok' }),
      { policy: POLICY, clock, fail }
    )
    expect(value).toBe('ok')
    // Half fixed, half random: 1000 → 750 at random 0.5, 2000 → 1500, 4000 → 3000.
    expect(clock.waits).toEqual([750, 1500, 3000])
    expect(clock.timeouts).toEqual([30_000, 30_000, 30_000, 30_000])
    const spread = testClock(0.99)
    await retrying(scripted({ failure: server }, { value: 'ok' }), {
      policy: POLICY,
      clock: spread,
      fail
    })
    expect(spread.waits).toEqual([995])
  })

  it('waits as long as a rate limit asks (Retry-After), and refuses a wait longer than the policy allows', async () => {
    const clock = testClock()
    const limited: Failure = {
      kind: 'rate-limit',
      status: 429,
      detail: '429',
      waitMs: 7000,
      resetAt: null
    }
    expect(
      await retrying(scripted({ failure: limited }, { value: 'ok' }), {
        policy: POLICY,
        clock,
        fail
      })
    ).toBe('ok')
    expect(clock.waits).toEqual([7000])
    const tooLong: Failure = { ...limited, waitMs: 3_600_000 }
    await expect(
      retrying(scripted({ failure: tooLong }), { policy: POLICY, clock: testClock(), fail })
    ).rejects.toThrow('rate-limit after 1, wait 3600000')
  })

  it('starts no wait that would pass the deadline', async () => {
    const clock = testClock()
    const policy = { ...POLICY, attempts: 10, deadlineMs: 5000 }
    await expect(
      retrying(scripted<string>({ failure: server }), { policy, clock, fail })
    ).rejects.toThrow('server after 3, wait 3000')
    expect(clock.waits).toEqual([750, 1500])
  })

  it('stops after the attempts the policy gives, and at once for what retrying cannot mend', async () => {
    await expect(
      retrying(scripted<string>({ failure: server }), { policy: POLICY, clock: testClock(), fail })
    ).rejects.toThrow('server after 4')
    const refused: Failure = { kind: 'client', status: 422, detail: '422' }
    await expect(
      retrying(scripted<string>({ failure: refused }), { policy: POLICY, clock: testClock(), fail })
    ).rejects.toThrow('client after 1')
    await expect(
      retrying(scripted<string>({ failure: server }), {
        policy: POLICY,
        clock: testClock(),
        fail,
        once: true
      })
    ).rejects.toThrow('server after 1')
  })

  it('looks for what a write that lost its answer made before sending it again, and takes what it found', async () => {
    let sent = 0
    const recovered = await retrying(
      async () => {
        sent++
        return { failure: noAnswer }
      },
      { policy: POLICY, clock: testClock(), fail, recover: async () => 'found' }
    )
    expect({ recovered, sent }).toEqual({ recovered: 'found', sent: 1 })
    // A rate limit answers before anything is done: no lookup.
    let looked = 0
    const limited: Failure = {
      kind: 'rate-limit',
      status: 403,
      detail: '403',
      waitMs: 10,
      resetAt: null
    }
    await retrying(scripted({ failure: limited }, { value: 'sent' }), {
      policy: POLICY,
      clock: testClock(),
      fail,
      recover: async () => void looked++
    })
    expect(looked).toBe(0)
  })
})

describe('the policy the Sigstore libraries get', () => {
  it('is the same timeout, attempts and backoff with jitter', () => {
    expect(sigstoreFetchOptions(DEFAULT_POLICY)).toEqual({
      timeout: 30_000,
      retry: { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 60_000, randomize: true }
    })
  })
})
