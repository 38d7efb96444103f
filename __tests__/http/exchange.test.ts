// The HTTP layer's one exchange on node:http against real loopback peers: a server that sends
// more than it should, one that encodes its body, one that never answers, and an HTTP proxy,
// with Node's fetch in a child process as the oracle for which proxy variables count.
import { afterEach, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import * as http from 'node:http'
import * as net from 'node:net'
import * as zlib from 'node:zlib'
import { exchange, readBounded } from '../../src/http/exchange.js'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void

const servers: http.Server[] = []

/** A loopback server, closed after the test. */
async function serve(handler: Handler): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`, server }
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

const NO_LIMIT = 1 << 30

/** A body that never ends, written as fast as the peer reads; resolves with the bytes written once it hangs up. */
function endless(res: http.ServerResponse, declared?: number): Promise<number> {
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    ...(declared === undefined ? {} : { 'content-length': String(declared) })
  })
  const chunk = Buffer.alloc(16 * 1024, 0x61)
  let written = 0
  return new Promise((resolve) => {
    res.on('close', () => resolve(written))
    const pump = (): void => {
      while (!res.destroyed && written < (declared ?? Infinity)) {
        written += chunk.length
        if (!res.write(chunk)) {
          res.once('drain', pump)
          return
        }
      }
    }
    pump()
  })
}

const get = (url: string, signal = AbortSignal.timeout(30_000)) =>
  exchange({ method: 'GET', url: new URL(url), headers: {}, signal })

describe('readBounded', () => {
  it('stops a body without end at the limit and hangs up, the rest never read', async () => {
    let written: Promise<number> = Promise.resolve(0)
    const { url } = await serve((_req, res) => {
      written = endless(res)
    })
    const answer = await get(url)
    const read = await readBounded(answer, 100_000)
    expect(read.over).toBe('sent')
    expect(read.bytes.length).toBe(100_000)
    // The server saw the connection close while it still had more to send: a few socket buffers past the limit at most.
    expect(await written).toBeLessThan(100 * 1024 * 1024)
  })

  it('bounds a compressed body by its decoded bytes: a gzip bomb stops at the limit and is hung up on', async () => {
    // An endless gzip stream of zeros, about a thousandth of its decoded size on the wire.
    let closed: Promise<number> = Promise.resolve(0)
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' })
      const gzip = zlib.createGzip()
      gzip.pipe(res)
      const zeros = Buffer.alloc(1024 * 1024)
      let decodedWritten = 0
      closed = new Promise((resolve) => res.on('close', () => resolve(decodedWritten)))
      const pump = (): void => {
        while (!res.destroyed) {
          decodedWritten += zeros.length
          if (!gzip.write(zeros)) {
            gzip.once('drain', pump)
            return
          }
        }
      }
      pump()
    })
    const read = await readBounded(await get(url), 100_000)
    expect(read.over).toBe('sent')
    expect(read.bytes.length).toBe(100_000)
    expect(read.bytes.every((b) => b === 0)).toBe(true)
    // Hung up on long before a gigabyte of decoded zeros: the client stopped reading at the limit.
    expect(await closed).toBeLessThan(1024 * 1024 * 1024)
  })

  it('refuses a body whose Content-Length is over the limit without reading a byte of it', async () => {
    const { url } = await serve((_req, res) => {
      void endless(res, 512 * 1024 * 1024)
    })
    const answer = await get(url)
    const read = await readBounded(answer, 1024)
    expect(read).toEqual({ bytes: Buffer.alloc(0), over: 'declared', declared: 512 * 1024 * 1024 })
    expect(answer.body.destroyed).toBe(true)
  })

  it("reads the start of an over-long body when asked (an error's text), never past the limit", async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(404, { 'content-length': '5000' }).end('x'.repeat(5000))
    })
    const read = await readBounded(await get(url), 1000, { head: true })
    expect(read.over).toBe('sent')
    expect(read.bytes.toString()).toBe('x'.repeat(1000))
  })

  it.each([
    ['gzip', zlib.gzipSync],
    ['deflate', zlib.deflateSync],
    ['br', zlib.brotliCompressSync]
  ] as const)('decodes a %s body, as fetch does', async (encoding, encode) => {
    const body = JSON.stringify({ version: '1.4.0', padding: 'y'.repeat(2000) })
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': encoding }).end(encode(Buffer.from(body)))
    })
    const read = await readBounded(await get(url), NO_LIMIT)
    expect(read.bytes.toString()).toBe(body)
  })

  it('ends a body that stops coming with the signal that aborted it', async () => {
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' }).write('partial')
    })
    const controller = new AbortController()
    const answer = await get(url, controller.signal)
    const reading = readBounded(answer, NO_LIMIT)
    controller.abort(new DOMException('timed out', 'TimeoutError'))
    await expect(reading).rejects.toMatchObject({ name: 'TimeoutError' })
  })
})

describe('exchange', () => {
  it('rejects with the signal reason when no answer comes', async () => {
    const { url } = await serve(() => undefined)
    const controller = new AbortController()
    const pending = get(url, controller.signal)
    controller.abort(new DOMException('timed out', 'TimeoutError'))
    await expect(pending).rejects.toMatchObject({ name: 'TimeoutError' })
  })

  it("hands back the answer's headers as fetch's Headers reads them: any case, repeated ones joined", async () => {
    const { url } = await serve((_req, res) => {
      res.setHeader('Docker-Content-Digest', 'sha256:abc')
      res.setHeader('Link', ['<a>; rel="next"', '<b>; rel="last"'])
      res.end()
    })
    const answer = await get(url)
    expect(answer.headers.get('docker-content-digest')).toBe('sha256:abc')
    expect(answer.headers.get('DOCKER-CONTENT-DIGEST')).toBe('sha256:abc')
    expect(answer.headers.get('link')).toBe('<a>; rel="next", <b>; rel="last"')
    expect(answer.headers.get('etag')).toBeNull()
    expect(Object.fromEntries(answer.headers)).toMatchObject({
      'docker-content-digest': 'sha256:abc'
    })
  })

  it('sends a buffer with its length and never follows a redirect itself', async () => {
    const seen: { method: string; length: string | undefined; body: string }[] = []
    const { url } = await serve((req, res) => {
      let body = ''
      req.on('data', (d: Buffer) => (body += d.toString()))
      req.on('end', () => {
        seen.push({ method: req.method!, length: req.headers['content-length'], body })
        res.writeHead(307, { location: '/elsewhere' }).end()
      })
    })
    const answer = await exchange({
      method: 'PUT',
      url: new URL(`${url}/manifests/v1`),
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"a":1}'),
      signal: AbortSignal.timeout(30_000)
    })
    expect(answer.status).toBe(307)
    expect(answer.headers.get('location')).toBe('/elsewhere')
    expect(seen).toEqual([{ method: 'PUT', length: '7', body: '{"a":1}' }])
  })
})

describe('proxy variables', () => {
  /**
   * A forwarding HTTP proxy that notes what it carried: absolute-form requests (Node's http
   * agent) are sent on, CONNECT tunnels (undici's fetch, for any target) are piped through.
   */
  async function proxy(): Promise<{ url: string; seen: string[] }> {
    const seen: string[] = []
    const { url, server } = await serve((req, res) => {
      seen.push(`${req.method} ${req.url}`)
      const onward = http.request(
        req.url!,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode!, answer.headers)
          answer.pipe(res)
        }
      )
      req.pipe(onward)
    })
    server.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
      seen.push(`CONNECT ${req.url}`)
      const [host, port] = req.url!.split(':')
      const onward = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        onward.pipe(socket)
        socket.pipe(onward)
      })
      onward.on('error', () => socket.destroy())
      socket.on('error', () => onward.destroy())
    })
    return { url, seen }
  }

  /**
   * What Node's fetch does with these variables, in a process of its own (it reads them at
   * start), not blocking this one, whose servers it asks.
   */
  function fetchThrough(target: string, env: Record<string, string>): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [
          '-e',
          `fetch(${JSON.stringify(target)}).then((r) => r.text()).then((t) => process.stdout.write(t))`
        ],
        { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' },
        (error, stdout) => (error === null ? resolve(stdout) : reject(error))
      )
    })
  }

  it('goes through HTTP_PROXY exactly when fetch does: with NODE_USE_ENV_PROXY=1, not without', async () => {
    const { url: target } = await serve((_req, res) => {
      res.end('from the target')
    })
    const { url: proxyUrl, seen } = await proxy()
    const via = { HTTP_PROXY: proxyUrl, NODE_USE_ENV_PROXY: '1' }
    const without = { HTTP_PROXY: proxyUrl }

    const read = async (env: Record<string, string>): Promise<string> => {
      const answer = await exchange({
        method: 'GET',
        url: new URL(`${target}/v2/`),
        headers: {},
        signal: AbortSignal.timeout(30_000),
        env
      })
      return (await readBounded(answer, NO_LIMIT)).bytes.toString()
    }

    const host = new URL(target).host
    expect(await fetchThrough(`${target}/v2/`, via)).toBe('from the target')
    expect(seen).toEqual([`CONNECT ${host}`])
    expect(await read(via)).toBe('from the target')
    expect(seen).toEqual([`CONNECT ${host}`, `GET ${target}/v2/`])

    expect(await fetchThrough(`${target}/v2/`, without)).toBe('from the target')
    expect(await read(without)).toBe('from the target')
    expect(seen).toHaveLength(2)
  })

  it('leaves the hosts NO_PROXY names out of the proxy, as fetch does', async () => {
    const { url: target } = await serve((_req, res) => {
      res.end('from the target')
    })
    const { url: proxyUrl, seen } = await proxy()
    const env = { HTTP_PROXY: proxyUrl, NODE_USE_ENV_PROXY: '1', NO_PROXY: '127.0.0.1' }
    expect(await fetchThrough(`${target}/`, env)).toBe('from the target')
    const answer = await exchange({
      method: 'GET',
      url: new URL(`${target}/`),
      headers: {},
      signal: AbortSignal.timeout(30_000),
      env
    })
    expect((await readBounded(answer, NO_LIMIT)).bytes.toString()).toBe('from the target')
    expect(seen).toEqual([])
  })
})
