import { describe, expect, it } from '@jest/globals'
import { classify, isRetryable } from '../../src/http/retry-policy.js'

const answer = (status: number, headers: Record<string, string> = {}) => ({
  status,
  response: { headers, data: '' }
})

describe('the retry policy the GitHub ledger and the registry client share', () => {
  it('retries a 408 like a 5xx: the server gave up waiting, so the request was not acted on', () => {
    const failure = classify(answer(408))
    expect(failure).toEqual({ kind: 'server', status: 408, detail: '408' })
    expect(isRetryable(failure)).toBe(true)
  })

  it('waits as long as a Retry-After given as an HTTP date asks, measured on the server clock', () => {
    const failure = classify(
      answer(429, {
        'retry-after': 'Wed, 21 Oct 2026 07:28:30 GMT',
        date: 'Wed, 21 Oct 2026 07:28:00 GMT'
      })
    )
    expect(failure).toEqual({
      kind: 'rate-limit',
      status: 429,
      detail: '429',
      waitMs: 30_000,
      resetAt: '2026-10-21T07:28:30.000Z'
    })
  })

  it('still reads Retry-After in seconds', () => {
    expect(classify(answer(429, { 'retry-after': '7' }))).toMatchObject({
      kind: 'rate-limit',
      waitMs: 7000
    })
  })
})
