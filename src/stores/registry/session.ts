import { SealError } from '../../core/errors.js'
import { type Challenge, parseChallenges } from '../../core/image/challenge.js'
import type { CredentialResolver, FoundCredentials } from './credentials.js'
import {
  accessDenied,
  badChallenge,
  credentialsRefused,
  insecureRealm,
  noCredentials,
  unexpectedAnswer
} from './messages.js'
import { type HttpRequest, type HttpResponse, type Transport, errorSummary } from './transport.js'

/**
 * One registry, logged in as it asks: nothing is sent until a 401 says how. `Basic`: the
 * credentials on every later request. `Bearer` (the token flow of distribution, GHCR,
 * Docker Hub): a token from the challenge's realm for exactly the scopes an operation
 * needs (`repository:<name>:pull`, `pull,push`, and the source's `pull` beside the
 * destination's for a cross-repository mount), cached per scope until it expires and
 * fetched again once when the registry refuses it (GHCR gives no expiry). Once the
 * scheme is known, later requests carry credentials from the first try.
 */

export interface Scope {
  readonly repository: string
  readonly push: boolean
}

export const scopeText = (scope: Scope): string =>
  `repository:${scope.repository}:${scope.push ? 'pull,push' : 'pull'}`

export interface ApiRequest extends Omit<HttpRequest, 'url' | 'credentials' | 'credentialOrigin'> {
  /** Path and query on the registry: `/v2/acme/app/manifests/1.4.0`. */
  readonly path: string
  readonly scopes: readonly Scope[]
}

interface CachedToken {
  /** Repository → whether the token may push there. */
  readonly grants: ReadonlyMap<string, boolean>
  readonly token: string
  readonly expiresAt: number
}

/** Tokens without an expires_in live 60 s (distribution's token spec); they are renewed a little early. */
const DEFAULT_TOKEN_SECONDS = 60
const TOKEN_MARGIN_MS = 5_000
const TOKEN_BODY_LIMIT = 1024 * 1024

export interface SessionOptions {
  readonly registry: string
  /** `https://ghcr.io`, `http://127.0.0.1:5000` */
  readonly origin: string
  readonly transport: Transport
  readonly credentials: CredentialResolver
  readonly plainHttpAllowed: (host: string) => boolean
  readonly now: () => number
}

export class RegistrySession {
  private basic: { readonly header: string; readonly source: string } | null = null
  private bearer: { readonly realm: URL; readonly service: string | null } | null = null
  private tokens: CachedToken[] = []
  /** Where the credentials in use came from; null while anonymous. */
  private source: string | null = null

  constructor(private readonly options: SessionOptions) {}

  get origin(): string {
    return this.options.origin
  }

  get registry(): string {
    return this.options.registry
  }

  /** Where the credentials last used came from, for messages; null while none were needed or found. */
  get credentialSource(): string | null {
    return this.source
  }

  /**
   * Sends a request with what the registry asked for; returns the first answer that is not
   * a 401 of the registry's own. A 401 that logging in cannot cure is a SealError.
   */
  async send(request: ApiRequest): Promise<HttpResponse> {
    let renewed = false
    // Each round learns something (the scheme, credentials, a fresh token); a registry that keeps
    // changing its challenge gets four.
    for (let round = 1; ; round++) {
      if (round > 4)
        throw new SealError(
          'denied',
          `${request.where}: the registry ${this.registry} kept answering 401 with other challenges after each ` +
            `login; check the registry's authentication settings.`
        )
      const sent = await this.authorization(request)
      const response = await this.options.transport.send({
        ...request,
        url: `${this.origin}${request.path}`,
        ...(sent === null
          ? {}
          : { credentials: { authorization: sent.header }, credentialOrigin: this.origin })
      })
      // A 401 from blob storage a redirect led to is the storage's own answer, not a login prompt.
      if (response.status !== 401 || new URL(response.url).origin !== this.origin) return response
      const header = response.headers.get('www-authenticate')
      const challenges = header === null ? null : parseChallenges(header)
      const challenge =
        challenges?.find((c) => c.scheme === 'bearer') ??
        challenges?.find((c) => c.scheme === 'basic')
      if (challenge === undefined)
        throw new SealError('unavailable', badChallenge(request.where, this.registry, header))
      const detail = errorSummary(response.body)
      if (challenge.scheme === 'basic') {
        if (sent?.kind === 'basic')
          throw new SealError(
            'denied',
            credentialsRefused(request.where, this.registry, this.basic!.source, detail)
          )
        await this.logInBasic(request)
        continue
      }
      const push = request.scopes.some((s) => s.push)
      if (sent?.kind === 'bearer') {
        // A cached token may have expired early or been revoked: fetch one once more.
        this.tokens = this.tokens.filter((t) => t.token !== sent.token)
        if (sent.cached && !renewed) {
          renewed = true
          continue
        }
        if (this.source === null)
          throw new SealError(
            'denied',
            noCredentials(
              request.where,
              this.registry,
              this.options.credentials.looked(this.registry)
            )
          )
        throw new SealError(
          'denied',
          accessDenied(
            request.where,
            this.registry,
            request.scopes.map((s) => s.repository).join(', '),
            push,
            this.source,
            challenge.params.error ?? detail
          )
        )
      }
      this.bearer = {
        realm: this.realmOf(challenge, request.where),
        service: challenge.params.service ?? null
      }
    }
  }

  /**
   * A request to a URL the registry named (an upload's Location): on the registry's own
   * origin it logs in as `send` does; on another (upload storage) it goes without credentials.
   */
  async sendTo(url: string, request: Omit<ApiRequest, 'path'>): Promise<HttpResponse> {
    const target = new URL(url)
    if (target.origin === this.origin)
      return this.send({ ...request, path: `${target.pathname}${target.search}` })
    if (
      target.protocol !== 'https:' &&
      !(target.protocol === 'http:' && this.options.plainHttpAllowed(target.host))
    ) {
      throw new SealError(
        'refused',
        `${request.where}: the registry ${this.registry} sent an upload to ${target.origin}, which is not ` +
          'HTTPS; artifact-seal does not send images in the clear.'
      )
    }
    return this.options.transport.send({ ...request, url })
  }

  /** The Authorization header for a request, fetching a token when the registry is known to want one. */
  private async authorization(
    request: ApiRequest
  ): Promise<
    | { kind: 'basic'; header: string }
    | { kind: 'bearer'; header: string; token: string; cached: boolean }
    | null
  > {
    if (this.basic !== null) return { kind: 'basic', header: this.basic.header }
    if (this.bearer === null) return null
    const now = this.options.now()
    const cached = this.tokens.find(
      (t) =>
        t.expiresAt > now &&
        request.scopes.every(
          (s) => t.grants.has(s.repository) && (!s.push || t.grants.get(s.repository) === true)
        )
    )
    if (cached !== undefined)
      return { kind: 'bearer', header: `Bearer ${cached.token}`, token: cached.token, cached: true }
    const token = await this.fetchToken(request)
    return { kind: 'bearer', header: `Bearer ${token}`, token, cached: false }
  }

  private async logInBasic(request: ApiRequest): Promise<void> {
    const found = await this.find(request)
    if (found === null)
      throw new SealError(
        'denied',
        noCredentials(request.where, this.registry, this.options.credentials.looked(this.registry))
      )
    const c = found.credentials
    // A registry that logs in with Basic takes an identity token as the password, as docker does.
    this.basic = {
      header: basicHeader(c.username, c.kind === 'basic' ? c.password : c.token),
      source: found.source
    }
    this.source = found.source
  }

  private find(request: ApiRequest): Promise<FoundCredentials | null> {
    return this.options.credentials.find(this.registry, request.scopes[0]?.repository ?? '')
  }

  private realmOf(challenge: Challenge, where: string): URL {
    const realm = challenge.params.realm
    let url: URL
    try {
      url = new URL(realm ?? '')
    } catch {
      throw new SealError(
        'unavailable',
        badChallenge(where, this.registry, `Bearer realm=${JSON.stringify(realm ?? '')}`)
      )
    }
    if (
      url.protocol !== 'https:' &&
      !(url.protocol === 'http:' && this.options.plainHttpAllowed(url.host))
    )
      throw new SealError('refused', insecureRealm(where, this.registry, url.href))
    return url
  }

  /**
   * A token for the request's scopes from the realm: with the credentials found (Basic, or
   * an OAuth2 refresh-token grant for an identity token), anonymously when there are none
   * (public images). Credentials go to the realm's origin only.
   */
  private async fetchToken(request: ApiRequest): Promise<string> {
    const { realm, service } = this.bearer!
    const found = await this.find(request)
    this.source = found?.source ?? null
    const scopes = request.scopes.map(scopeText)
    let tokenRequest: HttpRequest
    if (found?.credentials.kind === 'identity-token') {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: found.credentials.token,
        client_id: 'artifact-seal',
        scope: scopes.join(' ')
      })
      if (service !== null) form.set('service', service)
      tokenRequest = {
        operation: request.operation,
        where: request.where,
        method: 'POST',
        url: realm.href,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: Buffer.from(form.toString()),
        maxBodyBytes: TOKEN_BODY_LIMIT
      }
    } else {
      const url = new URL(realm.href)
      if (service !== null) url.searchParams.set('service', service)
      for (const scope of scopes) url.searchParams.append('scope', scope)
      const credentials =
        found === null
          ? undefined
          : { authorization: basicHeader(found.credentials.username, found.credentials.password) }
      tokenRequest = {
        operation: request.operation,
        where: request.where,
        method: 'GET',
        url: url.href,
        maxBodyBytes: TOKEN_BODY_LIMIT,
        ...(credentials === undefined ? {} : { credentials, credentialOrigin: realm.origin })
      }
    }
    const response = await this.options.transport.send(tokenRequest)
    const detail = errorSummary(response.body)
    if (response.status === 401 || response.status === 403) {
      if (found === null)
        throw new SealError(
          'denied',
          noCredentials(
            request.where,
            this.registry,
            this.options.credentials.looked(this.registry)
          )
        )
      throw new SealError(
        'denied',
        credentialsRefused(
          request.where,
          this.registry,
          found.source,
          `${response.status} from the token service: ${detail}`
        )
      )
    }
    if (response.status !== 200) {
      throw new SealError(
        'unavailable',
        unexpectedAnswer(
          tokenRequest,
          response.status,
          detail,
          "The registry's token service did not issue a token; check the registry's status and run again."
        )
      )
    }
    let answer: { token?: unknown; access_token?: unknown; expires_in?: unknown }
    try {
      answer = JSON.parse(response.body.toString('utf8')) as typeof answer
    } catch {
      throw new SealError(
        'unavailable',
        unexpectedAnswer(
          tokenRequest,
          response.status,
          'an answer that is not JSON',
          "The token realm the registry names is not a token service; check the registry's address."
        )
      )
    }
    const token =
      typeof answer.token === 'string' && answer.token !== '' ? answer.token : answer.access_token
    if (typeof token !== 'string' || token === '') {
      throw new SealError(
        'unavailable',
        unexpectedAnswer(
          tokenRequest,
          response.status,
          'an answer with no token',
          "The token realm the registry names is not a token service; check the registry's address."
        )
      )
    }
    const seconds =
      typeof answer.expires_in === 'number' && answer.expires_in > 0
        ? answer.expires_in
        : DEFAULT_TOKEN_SECONDS
    const grants = new Map<string, boolean>()
    for (const scope of request.scopes)
      grants.set(scope.repository, (grants.get(scope.repository) ?? false) || scope.push)
    this.tokens.push({
      grants,
      token,
      expiresAt: this.options.now() + Math.max(0, seconds * 1000 - TOKEN_MARGIN_MS)
    })
    return token
  }
}

const basicHeader = (username: string, password: string): string =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
