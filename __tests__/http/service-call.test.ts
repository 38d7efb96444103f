import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Clock } from '../../src/http/clock.js'
import { DEFAULT_POLICY } from '../../src/http/retry-policy.js'
import { ANSWER_MAX_BYTES, ServiceAnswerError, callService } from '../../src/http/service-call.js'

/** Waits pass at once and are recorded; attempts never time out on their own. */
function testClock(): Clock & { readonly waits: number[] } {
  let now = 0
  const waits: number[] = []
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms)
      now += ms
    },
    timeout: () => new AbortController().signal,
    random: () => 0.5
  }
}

interface Scripted {
  readonly status: number
  readonly body: string
  readonly headers?: Record<string, string>
}

// A loopback peer answering each request from the script in turn.
let server: http.Server
let base: string
let script: Scripted[] = []
let seen = 0

beforeAll(async () => {
  server = http.createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      const answer = script[seen++] ?? { status: 500, body: 'no more answers scripted' }
      response.writeHead(answer.status, answer.headers ?? { 'content-type': 'application/json' })
      response.end(answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
})

function answers(...scripted: Scripted[]): void {
  script = scripted
  seen = 0
}

async function rejectionOf(promise: Promise<unknown>): Promise<ServiceAnswerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ServiceAnswerError)
  return error as ServiceAnswerError
}

const options = { service: 'the results service', call: 'ListArtifacts', policy: DEFAULT_POLICY }

describe('one call to a runner service', () => {
  it('retries a 5xx and a 429 under the policy, then hands back the JSON answer', async () => {
    answers(
      { status: 502, body: '{"code":"unavailable","msg":"try later"}' },
      { status: 429, body: '{"msg":"slow down"}', headers: { 'retry-after': '3' } },
      { status: 200, body: '{"artifacts":[]}' }
    )
    const clock = testClock()
    expect(await callService(`${base}/twirp`, { method: 'POST' }, { ...options, clock })).toEqual({
      artifacts: []
    })
    expect(seen).toBe(3)
    // The backoff's first wait with fixed jitter, then the Retry-After the 429 asked for.
    expect(clock.waits).toEqual([750, 3000])
  })

  it("ends at once on a 4xx with its status and the Twirp service's msg", async () => {
    answers({ status: 404, body: '{"code":"not_found","msg":"artifact gone"}' })
    const error = await rejectionOf(
      callService(`${base}/twirp`, { method: 'POST' }, { ...options, clock: testClock() })
    )
    expect(error.status).toBe(404)
    expect(error.message).toBe('the results service answered ListArtifacts 404 artifact gone')
    expect(seen).toBe(1)
  })

  it('reads 204 as no body, and refuses a 2xx that is not JSON', async () => {
    answers({ status: 204, body: '' }, { status: 200, body: '<html>' })
    expect(await callService(base, {}, { ...options, clock: testClock() })).toBeNull()
    const error = await rejectionOf(callService(base, {}, { ...options, clock: testClock() }))
    expect(error.status).toBe(200)
    expect(error.message).toMatch(/not JSON/)
  })

  it('refuses an answer longer than it reads, naming the service, without trying again', async () => {
    answers({ status: 200, body: `{"artifacts":"${'a'.repeat(ANSWER_MAX_BYTES)}"}` })
    const error = await rejectionOf(callService(base, {}, { ...options, clock: testClock() }))
    expect(error.status).toBe(200)
    expect(error.message).toBe(
      'the results service answered ListArtifacts 200 with more than 32 MiB, which is not read'
    )
    expect(seen).toBe(1)
  })

  it('tries an error answer too long to read again, by its status', async () => {
    answers(
      { status: 503, body: 'x'.repeat(ANSWER_MAX_BYTES + 1) },
      { status: 200, body: '{"artifacts":[]}' }
    )
    expect(await callService(base, {}, { ...options, clock: testClock() })).toEqual({
      artifacts: []
    })
    expect(seen).toBe(2)
  })

  it('reads an answer that starts with a byte order mark as fetch does', async () => {
    answers({ status: 200, body: '\ufeff{"artifacts":[]}' })
    expect(await callService(base, {}, { ...options, clock: testClock() })).toEqual({
      artifacts: []
    })
  })

  it('sends a call nobody answered again, unless the caller can go on without it', async () => {
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`
    await new Promise((resolve) => closed.close(resolve))

    const patient = testClock()
    const retried = await rejectionOf(callService(url, {}, { ...options, clock: patient }))
    expect(retried.status).toBeNull()
    expect(retried.message).toMatch(/^the results service did not answer ListArtifacts \(/)
    expect(patient.waits).toHaveLength(DEFAULT_POLICY.attempts - 1)

    const optional = testClock()
    const once = await rejectionOf(
      callService(
        url,
        {},
        {
          service: 'the cache service',
          policy: DEFAULT_POLICY,
          clock: optional,
          noAnswerIsFinal: true
        }
      )
    )
    expect(once.status).toBeNull()
    expect(once.message).toMatch(/^the cache service did not answer \(/)
    expect(optional.waits).toEqual([])
  })
})
