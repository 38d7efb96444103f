import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject
} from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
// The handler factories only: the package's index also loads nock, which patches node:http
// for the whole test process.
import {
  initializeCA,
  initializeCTLog,
  type CA,
  type CTLog
} from '@sigstore/mock/dist/fulcio/index.js'
import { initializeTSA, tsaHandler, type TSA } from '@sigstore/mock/dist/timestamp/index.js'

/**
 * GitHub's keyless signing peers on one loopback server, shaped like GitHub's private
 * Sigstore instance (Fulcio + RFC 3161 timestamp authority, no Rekor), for tests that start
 * and stop it themselves:
 *
 * - The Actions OIDC token endpoint (`GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=…` with
 *   `Authorization: Bearer <ACTIONS_ID_TOKEN_REQUEST_TOKEN>` → `{"value": "<jwt>"}`), its
 *   `/.well-known/openid-configuration` and JWKS. Tokens are real ES256 JWTs signed by a key
 *   of this host, with GitHub's claim set (`setClaims` changes it per test); a wrong or
 *   missing bearer answers 401; without `audience` the audience is the owner's URL, as on
 *   GitHub.
 * - Fulcio `POST /api/v2/signingCert`: checks the token's signature against this host's key,
 *   its expiry and audience (`sigstore`) and the proof of possession (the `sub` claim signed
 *   with the requested key), as Fulcio does, then issues a certificate from the CA of
 *   @sigstore/mock (with an embedded SCT from its CT log) with the SAN and extensions Fulcio's
 *   GitHub issuer type writes: SAN `<serverUrl>/<job_workflow_ref>`, `.1.1`–`.1.6` raw,
 *   `.1.8`–`.1.22` DER UTF8String, and `.1.23` (deployment environment) when the token has an
 *   `environment`. Written here because the mock's own Fulcio takes the SAN from one claim
 *   as is (no URL) and omits `.1.23`.
 * - A timestamp authority `POST /api/v1/timestamp` (@sigstore/mock's handler).
 * - `trustedRoot()`: a trusted_root.json for this CA, CT log and TSA, valid from a day ago.
 *
 * Simplified: timestamps carry whole seconds (see below); Fulcio trusts exactly this host's token
 * key whatever `iss` says (real Fulcio
 * has a configured issuer list), so a test can mint certificates for any issuer; every
 * certificate has the mock's fixed serial number and lives 10 minutes from the CA clock;
 * ephemeral keys must be ECDSA P-256 (what @sigstore/sign makes). Each host has its own CA,
 * CT log and TSA keys: a second host is an independent, untrusted instance.
 */

export interface GitHubOidcClaims {
  readonly iss: string
  readonly sub: string
  readonly repository: string
  readonly repository_owner: string
  readonly repository_id: string
  readonly repository_owner_id: string
  readonly repository_visibility: string
  readonly job_workflow_ref: string
  readonly job_workflow_sha: string
  readonly workflow: string
  readonly workflow_ref: string
  readonly workflow_sha: string
  readonly ref: string
  readonly ref_type: string
  readonly sha: string
  readonly event_name: string
  readonly run_id: string
  readonly run_number: string
  readonly run_attempt: string
  readonly runner_environment: string
  readonly actor: string
  readonly actor_id: string
  readonly head_ref: string
  readonly base_ref: string
  readonly environment?: string
  readonly [claim: string]: unknown
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

/** A push to main of acme/shop, built by its release workflow on a GitHub-hosted runner. */
export const DEFAULT_CLAIMS: GitHubOidcClaims = {
  iss: GITHUB_ISSUER,
  sub: 'repo:acme/shop:ref:refs/heads/main',
  repository: 'acme/shop',
  repository_owner: 'acme',
  repository_id: '123456',
  repository_owner_id: '7890',
  repository_visibility: 'private',
  job_workflow_ref: 'acme/shop/.github/workflows/release.yml@refs/heads/main',
  job_workflow_sha: '0123456789abcdef0123456789abcdef01234567',
  workflow: 'Release',
  workflow_ref: 'acme/shop/.github/workflows/release.yml@refs/heads/main',
  workflow_sha: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/heads/main',
  ref_type: 'branch',
  sha: '0123456789abcdef0123456789abcdef01234567',
  event_name: 'push',
  run_id: '4242',
  run_number: '17',
  run_attempt: '2',
  runner_environment: 'github-hosted',
  actor: 'octocat',
  actor_id: '583231',
  head_ref: '',
  base_ref: ''
}

export type SigstoreEndpoint = 'token' | 'fulcio' | 'tsa'

export interface SigstoreHostOptions {
  /** Claims over DEFAULT_CLAIMS. */
  readonly claims?: Partial<GitHubOidcClaims>
  /** The base of the certificate's URLs (`https://github.com` unless given). */
  readonly serverUrl?: string
  /** Fixes the CA's and CT log's clock (the mock reads it once): certificates issued "then". */
  readonly caClock?: Date
  /** Fixes the timestamp authority's clock. */
  readonly tsaClock?: Date
  /** The runner's ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly requestToken?: string
}

export interface LoggedSigstoreRequest {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly status: number
  /** Request headers, names in lower case, the authorization value hidden. */
  readonly headers: Readonly<Record<string, string>>
  /** The request body as text (JSON for Fulcio and the TSA). */
  readonly body: string
}

export interface SigstoreHost {
  readonly url: string
  /** The OIDC token endpoint as the runner exposes it (already has a query string). */
  readonly tokenRequestUrl: string
  readonly tokenRequestToken: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN for a job with `id-token: write`. */
  runnerEnv(): Record<string, string>
  /**
   * The variables that point a workflow's keyless signing at this instance (Fulcio and the
   * timestamp authority), as for a private Sigstore.
   */
  instanceEnv(): Record<string, string>
  /** Replaces the claims of tokens minted from now on (over DEFAULT_CLAIMS). */
  setClaims(claims: Partial<GitHubOidcClaims>): void
  claims(): GitHubOidcClaims
  /** Mints a token as the endpoint would, without a request. */
  mintToken(audience?: string, claims?: Partial<GitHubOidcClaims>, lifetimeSeconds?: number): string
  /** The JWKS the discovery document points at. */
  jwks(): { keys: Record<string, unknown>[] }
  /** Answers the next `times` requests to an endpoint with `status`. */
  fail(endpoint: SigstoreEndpoint, status: number, times?: number): void
  trustedRoot(): Record<string, unknown>
  readonly requests: readonly LoggedSigstoreRequest[]
  clearRequests(): void
  close(): Promise<void>
}

const TRUSTED_ROOT_MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1'
const FULCIO_AUDIENCE = 'sigstore'
const DAY_MS = 24 * 3600 * 1000

const b64 = (bytes: ArrayBufferView): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
const b64url = (text: string | Buffer): string => Buffer.from(text).toString('base64url')

function toPem(der: ArrayBufferView): string {
  const lines = b64(der).match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}

/** The claims Fulcio's GitHub issuer type maps to certificate extensions (fulcio docs/oid-info.md). */
function fulcioExtensions(
  claims: GitHubOidcClaims,
  serverUrl: string
): { oid: string; value: string; legacy?: boolean }[] {
  const s = (name: string): string | undefined => {
    const value = claims[name]
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const out: { oid: string; value: string; legacy?: boolean }[] = []
  const add = (oid: number, value: string | undefined, legacy = false): void => {
    if (value !== undefined) out.push({ oid: `1.3.6.1.4.1.57264.1.${oid}`, value, legacy })
  }
  const url = (path: string | undefined): string | undefined =>
    path === undefined ? undefined : `${serverUrl}/${path}`
  add(1, s('iss'), true)
  add(2, s('event_name'), true)
  add(3, s('sha'), true)
  add(4, s('workflow'), true)
  add(5, s('repository'), true)
  add(6, s('ref'), true)
  add(8, s('iss'))
  add(9, url(s('job_workflow_ref')))
  add(10, s('job_workflow_sha'))
  add(11, s('runner_environment'))
  add(12, url(s('repository')))
  add(13, s('sha'))
  add(14, s('ref'))
  add(15, s('repository_id'))
  add(16, url(s('repository_owner')))
  add(17, s('repository_owner_id'))
  add(18, url(s('workflow_ref')))
  add(19, s('workflow_sha'))
  add(20, s('event_name'))
  const repository = s('repository')
  const runId = s('run_id')
  const attempt = s('run_attempt')
  if (repository && runId && attempt)
    add(21, `${serverUrl}/${repository}/actions/runs/${runId}/attempts/${attempt}`)
  add(22, s('repository_visibility'))
  add(23, s('environment'))
  return out
}

class HttpAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: string | Buffer,
    readonly contentType = 'application/json'
  ) {
    super(typeof body === 'string' ? body : `${body.length} bytes`)
  }
}

const jsonError = (status: number, message: string): HttpAnswer =>
  new HttpAnswer(status, JSON.stringify({ code: status, message }))

export async function startSigstoreHost(options: SigstoreHostOptions = {}): Promise<SigstoreHost> {
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
  const requestToken = options.requestToken ?? `oidc-request-${randomUUID()}`
  const tokenKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const kid = createHash('sha256')
    .update(tokenKey.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16)
  const ctLog: CTLog = await initializeCTLog(
    generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    options.caClock
  )
  const ca: CA = await initializeCA(
    generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    ctLog,
    options.caClock
  )
  const tsa: TSA = await initializeTSA(
    generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    options.tsaClock
  )
  // asn1js drops the trailing zeros of a GeneralizedTime's milliseconds ("…12.5Z"), which
  // @sigstore/core rightly refuses; a real TSA's genTime here has whole seconds.
  const tsaClock = options.tsaClock
  ;(tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () =>
    tsaClock ?? new Date(Math.floor(Date.now() / 1000) * 1000)
  const timestamp = tsaHandler(tsa)
  const validFrom = new Date(Date.now() - DAY_MS).toISOString()
  let claims: GitHubOidcClaims = { ...DEFAULT_CLAIMS, ...options.claims }
  const faults: { endpoint: SigstoreEndpoint; status: number; left: number }[] = []
  const log: LoggedSigstoreRequest[] = []
  let url = ''

  function mintToken(
    audience?: string,
    extra: Partial<GitHubOidcClaims> = {},
    lifetimeSeconds = 300
  ): string {
    const now = Math.floor(Date.now() / 1000)
    const all = { ...claims, ...extra }
    const payload = {
      jti: randomUUID(),
      ...all,
      aud: audience ?? `${serverUrl}/${all.repository_owner}`,
      nbf: now - 5,
      iat: now - 5,
      exp: now + lifetimeSeconds
    }
    const unsigned = `${b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', kid }))}.${b64url(JSON.stringify(payload))}`
    const signature = cryptoSign('sha256', Buffer.from(unsigned), {
      key: tokenKey.privateKey,
      dsaEncoding: 'ieee-p1363'
    })
    return `${unsigned}.${signature.toString('base64url')}`
  }

  /** The claims of a token this host minted and that is valid now, as Fulcio checks it. */
  function verifyToken(token: string): GitHubOidcClaims {
    const [header, payload, signature] = token.split('.')
    if (header === undefined || payload === undefined || signature === undefined)
      throw jsonError(401, 'There was an error processing the identity token')
    const ok = cryptoVerify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: tokenKey.publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url')
    )
    if (!ok) throw jsonError(401, 'There was an error processing the identity token')
    const decoded = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8')
    ) as GitHubOidcClaims & { aud: unknown; exp: number }
    if (decoded.exp <= Math.floor(Date.now() / 1000))
      throw jsonError(401, 'There was an error processing the identity token: token is expired')
    const audiences = Array.isArray(decoded.aud) ? decoded.aud : [decoded.aud]
    if (!audiences.includes(FULCIO_AUDIENCE))
      throw jsonError(
        401,
        `There was an error processing the identity token: expected audience "${FULCIO_AUDIENCE}"`
      )
    return decoded
  }

  function tokenEndpoint(query: URLSearchParams, auth: string | undefined): HttpAnswer {
    const match = /^Bearer\s+(\S+)$/i.exec(auth ?? '')
    if (match?.[1] !== requestToken)
      throw new HttpAnswer(401, JSON.stringify({ message: 'Unauthorized' }))
    return new HttpAnswer(
      200,
      JSON.stringify({ count: 1, value: mintToken(query.get('audience') ?? undefined) })
    )
  }

  async function signingCert(body: string): Promise<HttpAnswer> {
    let request: {
      credentials?: { oidcIdentityToken?: string }
      publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string }
    }
    try {
      request = JSON.parse(body) as typeof request
    } catch {
      throw jsonError(400, 'error parsing the request')
    }
    const token = request.credentials?.oidcIdentityToken
    const pem = request.publicKeyRequest?.publicKey?.content
    const proof = request.publicKeyRequest?.proofOfPossession
    if (!token || !pem || !proof)
      throw jsonError(400, 'The request is missing a token, a public key or a proof of possession')
    const tokenClaims = verifyToken(token)
    let publicKey: KeyObject
    try {
      publicKey = createPublicKey(pem)
    } catch {
      throw jsonError(400, 'The public key could not be parsed')
    }
    if (
      !cryptoVerify('sha256', Buffer.from(tokenClaims.sub), publicKey, Buffer.from(proof, 'base64'))
    ) {
      throw jsonError(400, 'The signature supplied in the request could not be verified')
    }
    const leaf = await ca.issueCertificate({
      publicKey: publicKey.export({ type: 'spki', format: 'der' }),
      subjectAltName: `${serverUrl}/${tokenClaims.job_workflow_ref}`,
      extensions: fulcioExtensions(tokenClaims, serverUrl)
    })
    const response = {
      signedCertificateEmbeddedSct: {
        chain: { certificates: [toPem(leaf), toPem(ca.rootCertificate)] }
      }
    }
    return new HttpAnswer(201, JSON.stringify(response))
  }

  async function route(
    method: string,
    pathname: string,
    query: URLSearchParams,
    body: string,
    auth: string | undefined
  ): Promise<HttpAnswer> {
    const endpoint: SigstoreEndpoint | undefined =
      method === 'GET' && pathname === '/oidc/idtoken'
        ? 'token'
        : method === 'POST' && pathname === '/api/v2/signingCert'
          ? 'fulcio'
          : method === 'POST' && pathname === timestamp.path
            ? 'tsa'
            : undefined
    const fault = endpoint && faults.find((f) => f.endpoint === endpoint && f.left > 0)
    if (fault) {
      fault.left -= 1
      throw jsonError(fault.status, `injected failure ${fault.status}`)
    }
    if (endpoint === 'token') return tokenEndpoint(query, auth)
    if (endpoint === 'fulcio') return signingCert(body)
    if (endpoint === 'tsa') {
      const answer = await timestamp.fn(body)
      const bytes =
        typeof answer.response === 'string'
          ? Buffer.from(answer.response)
          : Buffer.from(
              answer.response.buffer,
              answer.response.byteOffset,
              answer.response.byteLength
            )
      return new HttpAnswer(answer.statusCode, bytes, answer.contentType ?? 'text/plain')
    }
    if (method === 'GET' && pathname === '/.well-known/openid-configuration') {
      return new HttpAnswer(
        200,
        JSON.stringify({
          issuer: claims.iss,
          jwks_uri: `${url}/.well-known/jwks`,
          subject_types_supported: ['public', 'pairwise'],
          response_types_supported: ['id_token'],
          claims_supported: [
            'sub',
            'aud',
            'exp',
            'iat',
            'iss',
            'jti',
            'nbf',
            'ref',
            'repository',
            'repository_id',
            'repository_owner',
            'repository_owner_id',
            'run_id',
            'run_number',
            'run_attempt',
            'actor',
            'actor_id',
            'workflow',
            'workflow_ref',
            'workflow_sha',
            'head_ref',
            'base_ref',
            'event_name',
            'ref_type',
            'environment',
            'job_workflow_ref',
            'job_workflow_sha',
            'repository_visibility',
            'runner_environment'
          ],
          id_token_signing_alg_values_supported: ['ES256'],
          scopes_supported: ['openid']
        })
      )
    }
    if (method === 'GET' && pathname === '/.well-known/jwks')
      return new HttpAnswer(200, JSON.stringify(jwks()))
    throw jsonError(404, 'Not Found')
  }

  function jwks(): { keys: Record<string, unknown>[] } {
    return {
      keys: [{ ...tokenKey.publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' }]
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const method = (req.method ?? 'GET').toUpperCase()
      const parsed = new URL(req.url ?? '/', url)
      const body = Buffer.concat(chunks).toString('utf8')
      const finish = (answer: HttpAnswer): void => {
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(req.headers))
          if (value !== undefined)
            headers[name] = name === 'authorization' ? '[hidden]' : String(value)
        log.push({
          method,
          path: parsed.pathname,
          query: Object.fromEntries(parsed.searchParams),
          status: answer.status,
          headers,
          body
        })
        const bytes = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body
        res.writeHead(answer.status, {
          'content-type': answer.contentType,
          'content-length': String(bytes.length)
        })
        res.end(bytes)
      }
      route(method, parsed.pathname, parsed.searchParams, body, req.headers.authorization).then(
        finish,
        (error: unknown) => {
          finish(
            error instanceof HttpAnswer
              ? error
              : jsonError(
                  500,
                  `sigstore host: ${error instanceof Error ? error.message : String(error)}`
                )
          )
        }
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const tokenRequestUrl = `${url}/oidc/idtoken?api-version=2.0`

  return {
    url,
    tokenRequestUrl,
    tokenRequestToken: requestToken,
    runnerEnv: () => ({
      ACTIONS_ID_TOKEN_REQUEST_URL: tokenRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
    }),
    instanceEnv: () => ({ ARTIFACT_SEAL_FULCIO_URL: url, ARTIFACT_SEAL_TSA_URL: url }),
    setClaims(next) {
      claims = { ...DEFAULT_CLAIMS, ...next }
    },
    claims: () => claims,
    mintToken,
    jwks,
    fail(endpoint, status, times = 1) {
      faults.push({ endpoint, status, left: times })
    },
    trustedRoot: () => ({
      mediaType: TRUSTED_ROOT_MEDIA_TYPE,
      tlogs: [],
      certificateAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
          uri: url,
          certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
          validFor: { start: validFrom }
        }
      ],
      ctlogs: [
        {
          baseUrl: url,
          hashAlgorithm: 'SHA2_256',
          publicKey: {
            rawBytes: ctLog.publicKey.toString('base64'),
            keyDetails: 'PKIX_ECDSA_P256_SHA_256',
            validFor: { start: validFrom }
          },
          logId: { keyId: b64(ctLog.logID) }
        }
      ],
      timestampAuthorities: [
        {
          subject: { organization: 'sigstore.mock', commonName: 'tsa' },
          uri: `${url}${timestamp.path}`,
          certChain: {
            certificates: [
              { rawBytes: b64(tsa.intCertificate) },
              { rawBytes: b64(tsa.rootCertificate) }
            ]
          },
          validFor: { start: validFrom }
        }
      ]
    }),
    get requests() {
      return log
    },
    clearRequests: () => void log.splice(0),
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
