// The registry transport on node:http against real loopback peers: what it sends where along a
// redirect chain, how it bounds an answer, and which proxy it goes through.
import { afterEach, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import { SealError } from '../../../src/core/errors.js'
import { SYSTEM_CLOCK } from '../../../src/http/clock.js'
import { type HttpRequest, Transport } from '../../../src/stores/registry/transport.js'

interface Seen {
  readonly port: number
  readonly method: string
  readonly path: string
  readonly authorization: string | undefined
}

const servers: http.Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

async function serve(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
  seen: Seen[] = []
): Promise<{ origin: string; port: number }> {
  const server = http.createServer((req, res) => {
    seen.push({
      port: (server.address() as AddressInfo).port,
      method: req.method!,
      path: req.url!,
      authorization: req.headers.authorization
    })
    handler(req, res)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return { origin: `http://127.0.0.1:${port}`, port }
}

function transport(env?: Record<string, string>): Transport {
  return new Transport(
    {
      policy: {
        attempts: 1,
        baseDelayMs: 1,
        maxDelayMs: 1,
        timeoutMs: 30_000,
        deadlineMs: 60_000
      },
      blobTimeoutMs: 30_000,
      clock: SYSTEM_CLOCK,
      userAgent: 'artifact-seal/test',
      ...(env === undefined ? {} : { env })
    },
    () => true
  )
}

const request = (url: string, extra: Partial<HttpRequest> = {}): HttpRequest => ({
  operation: 'resolve',
  where: 'image "127.0.0.1/acme/app:v1"',
  method: 'GET',
  url,
  ...extra
})

describe('the registry transport', () => {
  it('drops the Authorization header at the first hop to another host, and does not send it again when the chain comes back', async () => {
    const seen: Seen[] = []
    const registry = await serve((req, res) => {
      if (req.url === '/v2/acme/app/blobs/sha256:1') {
        res.writeHead(307, { location: `${storage.origin}/blob?sig=1` }).end()
      } else res.writeHead(200).end('back home')
    }, seen)
    const storage = await serve((_req, res) => {
      res.writeHead(302, { location: `${registry.origin}/v2/acme/app/after` }).end()
    }, seen)
    const answer = await transport().send(
      request(`${registry.origin}/v2/acme/app/blobs/sha256:1`, {
        credentials: { authorization: 'Bearer secret' },
        credentialOrigin: registry.origin
      })
    )
    expect(answer.status).toBe(200)
    expect(answer.body.toString()).toBe('back home')
    expect(answer.url).toBe(`${registry.origin}/v2/acme/app/after`)
    expect(seen).toEqual([
      {
        port: registry.port,
        method: 'GET',
        path: '/v2/acme/app/blobs/sha256:1',
        authorization: 'Bearer secret'
      },
      { port: storage.port, method: 'GET', path: '/blob?sig=1', authorization: undefined },
      { port: registry.port, method: 'GET', path: '/v2/acme/app/after', authorization: undefined }
    ])
  })

  it('refuses an answer over its bound as soon as it passes it, never reading the rest', async () => {
    let written = 0
    let closed!: Promise<void>
    const registry = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/vnd.oci.image.index.v1+json' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      closed = new Promise((resolve) => res.on('close', resolve))
      const pump = (): void => {
        while (!res.destroyed) {
          written += chunk.length
          if (!res.write(chunk)) {
            res.once('drain', pump)
            return
          }
        }
      }
      pump()
    })
    const sent = transport().send(
      request(`${registry.origin}/v2/acme/app/manifests/v1`, { maxBodyBytes: 4 * 1024 * 1024 })
    )
    await expect(sent).rejects.toThrowSealError('refused', 'more than 4194304 bytes')
    await closed
    // A few socket buffers past the bound at most, where the server would have gone on for ever.
    expect(written).toBeLessThan(64 * 1024 * 1024)
  })

  it('refuses an answer whose Content-Length is over its bound before reading its body', async () => {
    let bodyWritten = false
    const registry = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(1 << 30) })
      res.flushHeaders()
      // The body would only follow once the client asked for more: it never does.
      setTimeout(() => {
        bodyWritten = !res.destroyed
        res.destroy()
      }, 50).unref()
    })
    const error = await transport()
      .send(request(`${registry.origin}/v2/acme/app/manifests/v1`, { maxBodyBytes: 1024 }))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SealError)
    expect((error as SealError).code).toBe('refused')
    expect(bodyWritten).toBe(false)
  })

  it('goes through HTTP_PROXY when NODE_USE_ENV_PROXY=1 is set, straight to the registry otherwise', async () => {
    const proxied: string[] = []
    const registry = await serve((_req, res) => {
      res.writeHead(200).end('from the registry')
    })
    const proxy = await serve((req, res) => {
      proxied.push(`${req.method} ${req.url}`)
      http
        .request(req.url!, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode!, answer.headers)
          answer.pipe(res)
        })
        .end()
    })
    const url = `${registry.origin}/v2/`
    const direct = await transport({ HTTP_PROXY: proxy.origin }).send(request(url))
    expect(direct.body.toString()).toBe('from the registry')
    expect(proxied).toEqual([])
    const via = await transport({ HTTP_PROXY: proxy.origin, NODE_USE_ENV_PROXY: '1' }).send(
      request(url)
    )
    expect(via.body.toString()).toBe('from the registry')
    expect(proxied).toEqual([`GET ${url}`])
  })
})
