import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { X509Certificate, createPrivateKey, randomUUID, sign } from 'node:crypto'
import * as fs from 'node:fs'
import * as http from 'node:http'
import * as net from 'node:net'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * A real registry for tests: Debian's `docker-registry` (CNCF distribution 2.8) on
 * 127.0.0.1 and a free port, in memory, started and stopped by the tests. Three modes:
 *
 * - `open`: no authentication;
 * - `htpasswd`: Basic. The htpasswd file is left missing, so the registry provisions the
 *   user `docker` with a random password and logs it; that line is where the password is
 *   read from (no bcrypt tool needed);
 * - `token`: the Bearer flow of ghcr.io and Docker Hub. The registry trusts the test token
 *   issuer's certificate (`__fixtures__/registry/`, test-only) and sends clients to a token
 *   server of this file: Basic `ci:secret-token` (or the OAuth2 refresh token
 *   `refresh-ci`) gets what it asks for, or what `grant` allows; anonymous callers get pull.
 *
 * `docker-registry` and `skopeo` come from apt (`.ci/run` installs them). When either is
 * missing the tests fail with what to install: a registry test never skips.
 */

export type RegistryMode = 'open' | 'htpasswd' | 'token'

export interface TokenServer {
  readonly url: string
  /** Token requests served, with the scopes asked and who asked. */
  readonly log: {
    readonly user: string | null
    readonly scopes: readonly string[]
    readonly grant: 'basic' | 'refresh_token' | 'anonymous'
  }[]
  /** What a user may do in a repository; everything asked by default. */
  grant: (user: string | null, repository: string, actions: readonly string[]) => readonly string[]
  close(): Promise<void>
}

export interface TestRegistry {
  readonly mode: RegistryMode
  /** `127.0.0.1:<port>` */
  readonly host: string
  readonly url: string
  /** The user and password of htpasswd and token modes; null when open. */
  readonly username: string | null
  readonly password: string | null
  readonly tokenServer: TokenServer | null
  /** What the registry logged, for a failing test's diagnosis. */
  output(): string
  close(): Promise<void>
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const TOKEN_KEY = path.join(ROOT, '__fixtures__', 'registry', 'token-key.pem')
export const TOKEN_CERT = path.join(ROOT, '__fixtures__', 'registry', 'token-cert.pem')
const SERVICE = 'test-registry'
const ISSUER = 'test-issuer'
export const TOKEN_USER = 'ci'
export const TOKEN_PASSWORD = 'secret-token'
export const REFRESH_TOKEN = 'refresh-ci'

/** Fails with the packages to install when the registry or skopeo is missing. */
export function requireImageTools(): void {
  const missing = ['docker-registry', 'skopeo'].filter((tool) => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
      return false
    } catch {
      return true
    }
  })
  if (missing.length > 0) {
    throw new Error(
      `The image tests need ${missing.join(' and ')}, not found on PATH. Install them: ` +
        'apt-get install -y --no-install-recommends docker-registry skopeo (or run .ci/run, which does).'
    )
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

export async function startRegistry(mode: RegistryMode): Promise<TestRegistry> {
  requireImageTools()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-'))
  const tokenServer = mode === 'token' ? await startTokenServer() : null
  // A port taken between freePort and the bind makes the registry exit; try again with another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const host = `127.0.0.1:${port}`
    const config = [
      'version: 0.1',
      'log: { level: warn, accesslog: { disabled: true } }',
      'storage: { inmemory: {}, delete: { enabled: true } }',
      `http: { addr: "${host}", secret: test-only-secret }`
    ]
    if (mode === 'htpasswd')
      config.push(`auth: { htpasswd: { realm: test, path: "${path.join(dir, 'htpasswd')}" } }`)
    if (mode === 'token') {
      config.push(
        `auth: { token: { realm: "${tokenServer!.url}/token", service: ${SERVICE}, issuer: ${ISSUER}, ` +
          `rootcertbundle: "${TOKEN_CERT}" } }`
      )
    }
    const configFile = path.join(dir, 'config.yml')
    fs.writeFileSync(configFile, `${config.join('\n')}\n`)
    const child = spawn('docker-registry', ['serve', configFile], {
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    const ready = await waitUntilServing(`http://${host}/v2/`, child)
    if (!ready) {
      await stop(child, exited)
      if (attempt < 3) continue
      fs.rmSync(dir, { recursive: true, force: true })
      await tokenServer?.close()
      throw new Error(`docker-registry did not start:\n${output}`)
    }
    let username: string | null = null
    let password: string | null = null
    if (mode === 'htpasswd') {
      // The registry writes the provisioned user on the first request that needs it: /v2/ was one.
      const match =
        /password=(\S+)\s.*user=(\S+)/.exec(output) ??
        /password="?([^"\s]+)"?.*user="?([^"\s]+)"?/.exec(output)
      if (match === null) {
        await stop(child, exited)
        throw new Error(`docker-registry did not log its provisioned htpasswd user:\n${output}`)
      }
      password = match[1]!
      username = match[2]!
    }
    if (mode === 'token') {
      username = TOKEN_USER
      password = TOKEN_PASSWORD
    }
    let closed = false
    return {
      mode,
      host,
      url: `http://${host}`,
      username,
      password,
      tokenServer,
      output: () => output,
      async close() {
        if (closed) return
        closed = true
        await stop(child, exited)
        await tokenServer?.close()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/** Polls /v2/ until the registry answers (200 or 401); false when the process exits first. */
async function waitUntilServing(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null || child.signalCode !== null) return false
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.status === 200 || response.status === 401) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return false
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const stubborn = setTimeout(() => child.kill('SIGKILL'), 5_000)
  try {
    await exited
  } finally {
    clearTimeout(stubborn)
  }
}

// ---------------------------------------------------------------------------------------
// The token server
// ---------------------------------------------------------------------------------------

const base64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

/** An ES256 JWT as distribution's token auth reads it: x5c chain in the header, access claims. */
function issueToken(
  user: string | null,
  access: { type: string; name: string; actions: readonly string[] }[]
): string {
  const key = createPrivateKey(fs.readFileSync(TOKEN_KEY))
  const certificate = new X509Certificate(fs.readFileSync(TOKEN_CERT))
  const now = Math.floor(Date.now() / 1000)
  const header = { alg: 'ES256', typ: 'JWT', x5c: [certificate.raw.toString('base64')] }
  const claims = {
    iss: ISSUER,
    sub: user ?? '',
    aud: SERVICE,
    exp: now + 300,
    nbf: now - 10,
    iat: now,
    jti: randomUUID(),
    access
  }
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
  return `${input}.${base64url(signature)}`
}

/** `repository:acme/app:pull,push` → its parts; other scope types are ignored. */
function parseScope(scope: string): { name: string; actions: string[] } | null {
  const match = /^repository:([^:]+(?::\d+)?[^:]*):([a-z*,]+)$/.exec(scope)
  return match === null ? null : { name: match[1]!, actions: match[2]!.split(',') }
}

export async function startTokenServer(): Promise<TokenServer> {
  const log: {
    user: string | null
    scopes: string[]
    grant: 'basic' | 'refresh_token' | 'anonymous'
  }[] = []
  const state = {
    grant: (
      _user: string | null,
      _repository: string,
      actions: readonly string[]
    ): readonly string[] => actions
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://token')
      if (url.pathname !== '/token') {
        res.writeHead(404).end()
        return
      }
      let user: string | null = null
      let scopes: string[]
      let grantType: 'basic' | 'refresh_token' | 'anonymous' = 'anonymous'
      if (req.method === 'POST') {
        const form = new URLSearchParams(Buffer.concat(chunks).toString())
        if (
          form.get('grant_type') !== 'refresh_token' ||
          form.get('refresh_token') !== REFRESH_TOKEN
        ) {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: 'invalid_grant' }))
          return
        }
        user = TOKEN_USER
        grantType = 'refresh_token'
        scopes = (form.get('scope') ?? '').split(' ').filter((s) => s !== '')
      } else {
        const authorization = req.headers.authorization
        if (authorization !== undefined) {
          const [scheme, value] = authorization.split(' ')
          const decoded = scheme === 'Basic' ? Buffer.from(value ?? '', 'base64').toString() : ''
          if (decoded !== `${TOKEN_USER}:${TOKEN_PASSWORD}`) {
            res
              .writeHead(401, {
                'content-type': 'application/json',
                'www-authenticate': 'Basic realm="token"'
              })
              .end(JSON.stringify({ details: 'incorrect username or password' }))
            return
          }
          user = TOKEN_USER
          grantType = 'basic'
        }
        scopes = url.searchParams.getAll('scope')
      }
      log.push({ user, scopes, grant: grantType })
      const access = scopes.flatMap((scope) => {
        const parsed = parseScope(scope)
        if (parsed === null) return []
        const allowed =
          user === null
            ? parsed.actions.filter((a) => a === 'pull')
            : state.grant(user, parsed.name, parsed.actions)
        return [{ type: 'repository', name: parsed.name, actions: [...allowed] }]
      })
      const token = issueToken(user, access)
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          token,
          access_token: token,
          expires_in: 300,
          issued_at: new Date().toISOString()
        })
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    get grant() {
      return state.grant
    },
    set grant(value) {
      state.grant = value
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  }
}

// ---------------------------------------------------------------------------------------
// A counting proxy: what the registry receives, request by request
// ---------------------------------------------------------------------------------------

export interface ReceivedRequest {
  readonly method: string
  /** The path and query, as the registry got it. */
  readonly path: string
  readonly status: number
}

export interface CountingProxy {
  /** `127.0.0.1:<port>`: give clients this instead of the registry's host. */
  readonly host: string
  readonly username: string | null
  readonly password: string | null
  /** Every request the registry answered through the proxy, in order. */
  readonly received: ReceivedRequest[]
  /** Forgets what was received so far. */
  reset(): void
  close(): Promise<void>
}

/**
 * A plain HTTP proxy in front of a test registry that records every request it forwards and
 * the registry's answer. A request is recorded before its answer is passed on, so once a client
 * has its last answer the record is complete: counts need no wait. The Host header goes through
 * unchanged, so the registry's upload locations name the proxy and later requests come back
 * through it. Token requests go to the token server, which keeps its own log.
 */
export async function startCountingProxy(
  registry: TestRegistry,
  /** The address to listen on: loopback by default, or another of this machine's. */
  address = '127.0.0.1'
): Promise<CountingProxy> {
  const received: ReceivedRequest[] = []
  const [targetHost, targetPort] = registry.host.split(':') as [string, string]
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      {
        host: targetHost,
        port: Number(targetPort),
        method: req.method,
        path: req.url,
        headers: req.headers
      },
      (answer) => {
        received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          status: answer.statusCode ?? 0
        })
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      }
    )
    upstream.on('error', (error) => {
      received.push({ method: req.method ?? '', path: req.url ?? '', status: 0 })
      res.destroy(error)
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, address, resolve))
  const { port } = server.address() as net.AddressInfo
  return {
    host: `${address}:${port}`,
    username: registry.username,
    password: registry.password,
    received,
    reset: () => {
      received.length = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/**
 * An IPv4 address of this machine that is not loopback: a registry reached there is "another
 * host" to a client, as a registry on the network is.
 */
export function nonLoopbackAddress(): string {
  const found = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
  if (found === undefined)
    throw new Error(
      'This machine has no IPv4 address besides loopback; the plain-HTTP tests need one to reach a registry ' +
        'as another host.'
    )
  return found.address
}
