import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { textWithin } from '../../src/http/bounded-response.js'
import { sendEndlessBody } from '../helpers/endless-body.js'

// A loopback peer: /endless sends 64 KiB chunks until the client goes away, /declared says a
// length over the limit, /small answers a few bytes. It counts what /endless got written.
let server: http.Server
let base: string
let endlessWritten = (): number => 0
let endlessClosed: Promise<void>

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (request.url === '/endless') {
      endlessClosed = new Promise((resolve) => response.on('close', () => resolve()))
      endlessWritten = sendEndlessBody(response, Buffer.alloc(64 * 1024, 0x61))
    } else if (request.url === '/declared') {
      response.writeHead(200, { 'content-length': String(10 * 1024 * 1024) })
      response.write('a')
    } else {
      response.end('{"ok":true}')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

describe('a fetch answer read within a limit', () => {
  it('hands back a body within the limit whole', async () => {
    expect(await textWithin(await fetch(`${base}/small`), 1024)).toBe('{"ok":true}')
  })

  it('stops reading a body that never ends once it passes the limit, and drops the connection', async () => {
    const limit = 1024 * 1024
    expect(await textWithin(await fetch(`${base}/endless`), limit)).toBeNull()
    await endlessClosed
    // What the peer managed to write before the client went away: the limit and what the
    // socket buffers held, far short of an endless body.
    expect(endlessWritten()).toBeLessThan(limit + 16 * 1024 * 1024)
  })

  it('refuses a declared length over the limit without reading the body', async () => {
    expect(await textWithin(await fetch(`${base}/declared`), 1024)).toBeNull()
  })
})
