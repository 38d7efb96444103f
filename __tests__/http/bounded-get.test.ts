// One bounded GET against a loopback service that answers as a broken or hostile one would:
// the test decides when the time limit fires (an injected clock), so nothing depends on speed.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as net from 'node:net'
import { boundedGet } from '../../src/http/bounded-get.js'
import { type DeployedApp, startDeployedApp } from '../helpers/deployed-app.js'

let app: DeployedApp
beforeAll(async () => {
  app = await startDeployedApp()
})
afterAll(async () => {
  await app.close()
})

/** A clock whose time limit fires when the test says so. */
function heldClock(): { clock: { timeout: () => AbortSignal }; fire: () => void } {
  const controller = new AbortController()
  return {
    clock: { timeout: () => controller.signal },
    fire: () => controller.abort(new DOMException('timed out', 'TimeoutError'))
  }
}

const options = { timeoutMs: 5000, maxBytes: 1024, what: 'probe' }

describe('boundedGet', () => {
  it('brings back a small answer whole, with its status and type', async () => {
    app.set('/ok', { kind: 'json', body: { digest: 'x' } })
    const answer = await boundedGet(app.url('/ok'), options)
    expect(answer).toMatchObject({ status: 200, contentType: 'application/json' })
    expect(JSON.parse(answer.body.toString('utf8'))).toEqual({ digest: 'x' })
  })

  it('ends an answer that never comes when its time limit fires, as unavailable', async () => {
    app.set('/hang', { kind: 'hang' })
    const { clock, fire } = heldClock()
    const arrived = app.arrived('/hang')
    const pending = boundedGet(app.url('/hang'), { ...options, clock })
    await arrived
    fire()
    await expect(pending).rejects.toThrowSealError(
      'unavailable',
      'did not answer in full within 5000 ms'
    )
  })

  it('stops reading a body without end at the limit, as refused, having read no more than a chunk past it', async () => {
    app.set('/endless', { kind: 'endless' })
    await expect(boundedGet(app.url('/endless'), options)).rejects.toThrowSealError(
      'refused',
      'more than 1024 bytes'
    )
  })

  it('refuses a body whose declared length is over the limit before reading it', async () => {
    app.set('/big', { kind: 'text', body: 'x'.repeat(2000), type: 'text/plain' })
    await expect(boundedGet(app.url('/big'), options)).rejects.toThrowSealError(
      'refused',
      'declares 2000 bytes'
    )
  })

  it('says a closed port cannot be reached, and a connection cut mid-answer broke off', async () => {
    const closed = net.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as net.AddressInfo
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    await expect(boundedGet(`http://127.0.0.1:${port}/`, options)).rejects.toThrowSealError(
      'unavailable',
      'cannot be reached (ECONNREFUSED)'
    )

    const cutting = net.createServer((socket) => {
      socket.once('data', () => {
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"digest":'
        )
        socket.destroy()
      })
    })
    await new Promise<void>((resolve) => cutting.listen(0, '127.0.0.1', resolve))
    const at = (cutting.address() as net.AddressInfo).port
    await expect(boundedGet(`http://127.0.0.1:${at}/`, options)).rejects.toThrowSealError(
      'unavailable',
      'broke off its answer'
    )
    await new Promise<void>((resolve) => cutting.close(() => resolve()))
  })
})
