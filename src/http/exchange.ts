import type { Agent as HttpAgent, IncomingMessage, OutgoingHttpHeaders } from 'node:http'
import * as http from 'node:http'
import type { Agent as HttpsAgent } from 'node:https'
import { Readable, pipeline } from 'node:stream'

/**
 * One HTTP exchange on node:http and node:https, and the one bounded read of its body, for
 * every call the project makes itself outside the GitHub toolkit's clients (registries and
 * their token services, the probes of running services). Node's fetch would do as much, but
 * loading it (undici, loaded on first use) costs about 40 ms before the first request, more
 * than a whole `skopeo inspect`; node:http is loaded with Node, and node:https only for an
 * https URL.
 *
 * What fetch gave and this keeps: keep-alive connections for the life of the process (idle
 * ones hold no process open), a signal that aborts connecting, the headers and every byte of
 * the body, and bodies in gzip, deflate or br decoded. What it does differently: redirects are
 * never followed here (the callers decide what a redirect may take along), no Accept-Encoding
 * is sent, and `HTTP_PROXY` / `HTTPS_PROXY` / `NO_PROXY` are honoured exactly when fetch
 * honours them, with `NODE_USE_ENV_PROXY=1` or `--use-env-proxy`, through Node's own proxy
 * support.
 */

export interface ExchangeRequest {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  /** A buffer (its length sent as Content-Length) or a stream, sent chunked unless the headers give a length. */
  readonly body?: Buffer | ReadableStream<Uint8Array> | undefined
  /** Aborts the exchange at any point until the body is read; the request rejects with its reason. */
  readonly signal: AbortSignal
  /** Where proxy variables are read (`process.env`), with NODE_USE_ENV_PROXY=1 or --use-env-proxy as fetch. */
  readonly env?: Readonly<Record<string, string | undefined>>
}

/** An answer whose body is not read yet: read it with `readBounded`, hand it on as a stream, or discard it. */
export interface Exchanged {
  readonly status: number
  readonly headers: Headers
  readonly body: Readable
  /** The request's signal: a body cut off by it ends with the signal's reason. */
  readonly signal: AbortSignal
}

/** What a bounded read brought back, and whether the body was longer than the limit. */
export interface BoundedBody {
  /** The body, or, when over, what was read before the limit was passed (never more than the limit). */
  readonly bytes: Buffer
  /** `declared`: its Content-Length was over the limit and nothing was read; `sent`: more came than the limit. */
  readonly over: 'declared' | 'sent' | null
  /** The Content-Length the answer gave, when it gave one. */
  readonly declared: number | null
}

const agents = new Map<string, HttpAgent | HttpsAgent>()

/** One keep-alive agent per scheme and proxy setting for the life of the process, as fetch keeps its pool. */
function agentFor(
  https: typeof import('node:https') | null,
  env: Readonly<Record<string, string | undefined>>
): HttpAgent | HttpsAgent {
  const protocol = https === null ? 'http:' : 'https:'
  const proxied =
    env.NODE_USE_ENV_PROXY === '1' ||
    process.execArgv.includes('--use-env-proxy') ||
    /(^|\s)--use-env-proxy(\s|$)/.test(env.NODE_OPTIONS ?? '')
  const key = `${protocol}${proxied ? JSON.stringify([env.HTTP_PROXY, env.http_proxy, env.HTTPS_PROXY, env.https_proxy, env.NO_PROXY, env.no_proxy]) : ''}`
  let agent = agents.get(key)
  if (agent === undefined) {
    const options = { keepAlive: true, ...(proxied ? { proxyEnv: { ...env } } : {}) }
    agent =
      https === null
        ? new http.Agent(options as http.AgentOptions)
        : new https.Agent(options as import('node:https').AgentOptions)
    agents.set(key, agent)
  }
  return agent
}

/**
 * Sends one request and resolves when the answer's head has come. Rejects with the signal's
 * reason once it aborts, or with the socket's error (ECONNREFUSED, ECONNRESET…).
 */
export async function exchange(request: ExchangeRequest): Promise<Exchanged> {
  const { url, signal } = request
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TypeError(`not an http(s) URL: ${url.protocol}`)
  // node:https (and with it node:tls) is loaded on the first https URL only.
  const https = url.protocol === 'https:' ? await import('node:https') : null
  if (signal.aborted) throw reasonOf(signal)
  const headers: OutgoingHttpHeaders = { ...request.headers }
  const body = request.body
  if (Buffer.isBuffer(body) && !hasHeader(headers, 'content-length'))
    headers['content-length'] = String(body.length)
  const answer = await new Promise<IncomingMessage>((resolve, reject) => {
    let settled = false
    const fail = (error: unknown): void => {
      if (settled) return
      settled = true
      reject(signal.aborted ? reasonOf(signal) : error)
    }
    let req: http.ClientRequest
    try {
      req = (https ?? http).request(url, {
        method: request.method,
        headers,
        agent: agentFor(https, request.env ?? process.env),
        signal
      })
    } catch (error) {
      fail(error)
      return
    }
    req.on('error', fail)
    req.on('response', (res: IncomingMessage) => {
      if (settled) {
        res.destroy()
        return
      }
      settled = true
      resolve(res)
    })
    if (body === undefined) req.end()
    else if (Buffer.isBuffer(body)) req.end(body)
    else pipeline(Readable.fromWeb(body as import('node:stream/web').ReadableStream), req, () => {})
  })
  return {
    status: answer.statusCode ?? 0,
    headers: new ReceivedHeaders(answer),
    body: await decode(answer, request.method),
    signal
  }
}

/**
 * Reads a body up to `limit` bytes: one whose Content-Length says it is longer is not read at
 * all (unless `head` asks for the start of it, as for an error's text), and one that sends
 * more is cut off the moment it passes the limit (its connection closed, the rest never
 * read). Rejects as the body does (an abort, a broken connection).
 */
export async function readBounded(
  answer: Exchanged,
  limit: number,
  options: { readonly head?: boolean } = {}
): Promise<BoundedBody> {
  const length = answer.headers.get('content-length')
  const declared = length !== null && /^\d+$/.test(length) ? Number(length) : null
  // A declared length counts the bytes on the wire: compressed ones for an encoded body, as fetch counts.
  if (declared !== null && declared > limit && options.head !== true) {
    answer.body.destroy()
    return { bytes: Buffer.alloc(0), over: 'declared', declared }
  }
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      if (size + chunk.length > limit) {
        chunks.push(chunk.subarray(0, limit - size))
        answer.body.destroy()
        return { bytes: Buffer.concat(chunks), over: 'sent', declared }
      }
      size += chunk.length
      chunks.push(chunk)
    }
  } catch (error) {
    throw answer.signal.aborted ? reasonOf(answer.signal) : error
  }
  return { bytes: Buffer.concat(chunks), over: null, declared }
}

/** Drops an answer's body unread and frees its connection. */
export function discard(answer: Exchanged): void {
  answer.body.destroy()
}

/** A body as a web stream, for callers that pipe it on (a blob copied between registries). */
export function webStream(answer: Exchanged): ReadableStream<Uint8Array> {
  return Readable.toWeb(answer.body) as unknown as ReadableStream<Uint8Array>
}

function reasonOf(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError')
}

function hasHeader(headers: OutgoingHttpHeaders, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name)
}

const ENCODINGS = new Set(['gzip', 'x-gzip', 'deflate', 'br'])

/** The body decoded as fetch decodes it (gzip, deflate, br); zlib is loaded for an encoded body only. */
async function decode(res: IncomingMessage, method: string): Promise<Readable> {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase()
  if (
    method === 'HEAD' ||
    res.statusCode === 204 ||
    res.statusCode === 304 ||
    !ENCODINGS.has(encoding)
  )
    return res
  const zlib = await import('node:zlib')
  const decoder =
    encoding === 'br'
      ? zlib.createBrotliDecompress()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : zlib.createGunzip()
  // pipeline ends the decoder with the answer's error too (an abort, a broken connection).
  return pipeline(res, decoder, () => {})
}

/**
 * The received headers behind the web `Headers` interface the callers read (`get`, iteration),
 * without loading the web `Headers` class (undici again). Read-only: an answer's headers are
 * not for changing.
 */
class ReceivedHeaders implements Headers {
  private readonly fields: Map<string, string>
  private readonly cookies: string[]

  constructor(res: IncomingMessage) {
    this.fields = new Map()
    this.cookies = []
    const raw = res.rawHeaders
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase()
      const value = raw[i + 1]!
      if (name === 'set-cookie') this.cookies.push(value)
      const before = this.fields.get(name)
      this.fields.set(name, before === undefined ? value : `${before}, ${value}`)
    }
  }

  get(name: string): string | null {
    return this.fields.get(name.toLowerCase()) ?? null
  }

  has(name: string): boolean {
    return this.fields.has(name.toLowerCase())
  }

  getSetCookie(): string[] {
    return [...this.cookies]
  }

  forEach(
    callback: (value: string, key: string, parent: Headers) => void,
    thisArg?: unknown
  ): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this)
  }

  *entries(): IterableIterator<[string, string]> {
    for (const key of [...this.fields.keys()].sort()) yield [key, this.fields.get(key)!]
  }

  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries()
  }

  append(): void {
    throw new TypeError('the headers of an answer are read-only')
  }

  delete(): void {
    throw new TypeError('the headers of an answer are read-only')
  }

  set(): void {
    throw new TypeError('the headers of an answer are read-only')
  }
}
