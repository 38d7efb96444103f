import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { MANIFEST_MAX_BYTES, type ManifestBytes } from '../../core/image/manifest.js'
import {
  MANIFEST_ACCEPT,
  OCI_INDEX,
  OCTET_STREAM,
  bareMediaType
} from '../../core/image/media-types.js'
import { accessDenied, unexpectedAnswer } from './messages.js'
import type { RegistrySession, Scope } from './session.js'
import { type HttpResponse, errorSummary, parseUrl } from './transport.js'

/**
 * The distribution API endpoints the client uses, on one registry, each answer checked:
 * what an operation can act on comes back typed, anything else is a SealError naming the
 * request and the registry's own error text.
 */

export interface Call {
  readonly operation: string
  readonly where: string
  readonly scopes: readonly Scope[]
}

const enc = (repository: string): string => repository

/** What HEAD on a manifest says. */
export interface ManifestHead {
  /** Docker-Content-Digest; null when the registry left it out. */
  readonly digest: string | null
  readonly mediaType: string
  /** Content-Length; null when absent. */
  readonly size: number | null
}

export interface FetchedManifest {
  readonly bytes: Buffer
  readonly contentType: string | null
  readonly digestHeader: string | null
  readonly etag: string | null
}

export interface PutManifestAnswer {
  readonly digestHeader: string | null
  /** OCI-Subject: the registry says it indexed the manifest's subject (not a promise it serves the referrers API). */
  readonly subject: string | null
}

/** A page of the referrers API. */
export interface ReferrersPage {
  readonly manifests: readonly unknown[]
  readonly next: string | null
  readonly filtered: boolean
}

export class RegistryApi {
  /**
   * Manifests fetched by digest and proven, per repository: content-addressed, so one read
   * serves the gate, the retag, the copy and the referrers of one run without asking again.
   */
  private readonly proven = new Map<string, ManifestBytes>()

  constructor(readonly session: RegistrySession) {}

  /** A manifest this client already proved in `repository`, or undefined. */
  provenManifest(repository: string, digest: Digest): ManifestBytes | undefined {
    return this.proven.get(`${repository}@${digest}`)
  }

  /** Keeps a manifest whose bytes were proven to hash to its digest. */
  rememberProven(repository: string, manifest: ManifestBytes): ManifestBytes {
    this.proven.set(`${repository}@${manifest.digest}`, manifest)
    return manifest
  }

  get registry(): string {
    return this.session.registry
  }

  async headManifest(
    call: Call,
    repository: string,
    reference: string
  ): Promise<ManifestHead | null> {
    const request = {
      ...call,
      method: 'HEAD' as const,
      path: `/v2/${enc(repository)}/manifests/${reference}`,
      headers: { accept: MANIFEST_ACCEPT }
    }
    const response = await this.session.send(request)
    if (response.status === 404) return null
    if (response.status !== 200)
      throw this.refusal(call, request, response, 'Check the image reference.')
    const length = response.headers.get('content-length')
    return {
      digest: response.headers.get('docker-content-digest'),
      mediaType: bareMediaType(response.headers.get('content-type')),
      size: length === null || !/^\d+$/.test(length) ? null : Number(length)
    }
  }

  async getManifest(
    call: Call,
    repository: string,
    reference: string
  ): Promise<FetchedManifest | null> {
    const request = {
      ...call,
      method: 'GET' as const,
      path: `/v2/${enc(repository)}/manifests/${reference}`,
      headers: { accept: MANIFEST_ACCEPT },
      maxBodyBytes: MANIFEST_MAX_BYTES
    }
    const response = await this.session.send(request)
    if (response.status === 404) return null
    if (response.status !== 200)
      throw this.refusal(call, request, response, 'Check the image reference.')
    return {
      bytes: response.body,
      contentType: response.headers.get('content-type'),
      digestHeader: response.headers.get('docker-content-digest'),
      etag: response.headers.get('etag')
    }
  }

  /** PUTs exactly `bytes` with `mediaType`; `'precondition-failed'` when an If-Match no longer holds. */
  async putManifest(
    call: Call,
    repository: string,
    reference: string,
    bytes: Buffer,
    mediaType: string,
    ifMatch?: string
  ): Promise<PutManifestAnswer | 'precondition-failed'> {
    const request = {
      ...call,
      method: 'PUT' as const,
      path: `/v2/${enc(repository)}/manifests/${reference}`,
      headers: {
        'content-type': mediaType,
        ...(ifMatch === undefined ? {} : { 'if-match': ifMatch })
      },
      body: bytes
    }
    const response = await this.session.send(request)
    if (response.status === 412) return 'precondition-failed'
    if (response.status !== 201 && response.status !== 200) {
      throw this.refusal(
        call,
        request,
        response,
        'The registry refused the manifest (an immutable tag, a missing blob or child, or a type it does not ' +
          'take); see its answer.'
      )
    }
    return {
      digestHeader: response.headers.get('docker-content-digest'),
      subject: response.headers.get('oci-subject')
    }
  }

  async blobExists(call: Call, repository: string, digest: Digest): Promise<boolean> {
    const request = {
      ...call,
      method: 'HEAD' as const,
      path: `/v2/${enc(repository)}/blobs/${digest}`
    }
    const response = await this.session.send(request)
    if (response.status === 200) return true
    if (response.status === 404) return false
    throw this.refusal(call, request, response, 'Check the image reference.')
  }

  /** A cross-repository mount: true when the registry mounted it, else the upload it opened instead. */
  async mountBlob(
    call: Call,
    repository: string,
    digest: Digest,
    from: string
  ): Promise<true | string> {
    const query = new URLSearchParams({ mount: digest, from })
    const request = {
      ...call,
      method: 'POST' as const,
      path: `/v2/${enc(repository)}/blobs/uploads/?${query.toString()}`
    }
    const response = await this.session.send(request)
    if (response.status === 201) return true
    if (response.status === 202) return this.location(call, request, response)
    throw this.refusal(call, request, response, 'The registry refused to start an upload.')
  }

  async startUpload(call: Call, repository: string): Promise<string> {
    const request = {
      ...call,
      method: 'POST' as const,
      path: `/v2/${enc(repository)}/blobs/uploads/`
    }
    const response = await this.session.send(request)
    if (response.status !== 202)
      throw this.refusal(call, request, response, 'The registry refused to start an upload.')
    return this.location(call, request, response)
  }

  /** Ends an upload with the whole blob in one PUT (a buffer, or a stream sent once). */
  async putBlob(
    call: Call,
    location: string,
    digest: Digest,
    body: Buffer | ReadableStream<Uint8Array>,
    size: number
  ): Promise<void> {
    const url = new URL(location)
    url.searchParams.set('digest', digest)
    // Without this type, distribution 2.8 reads the body as a form and answers DIGEST_INVALID.
    const headers = { 'content-type': OCTET_STREAM, 'content-length': String(size) }
    const request = { ...call, method: 'PUT' as const, headers, body }
    const response = await this.session.sendTo(url.href, request)
    if (response.status !== 201)
      throw this.refusal(
        call,
        { method: 'PUT', path: `${url.pathname}${url.search}` },
        response,
        'The registry refused the blob; see its answer.'
      )
  }

  /** A blob's bytes as a stream (a redirect to storage is followed, without credentials). */
  async getBlob(
    call: Call,
    repository: string,
    digest: Digest
  ): Promise<ReadableStream<Uint8Array>> {
    const request = {
      ...call,
      method: 'GET' as const,
      path: `/v2/${enc(repository)}/blobs/${digest}`,
      stream: true
    }
    const response = await this.session.send(request)
    if (response.status !== 200 || response.stream === null)
      throw this.refusal(
        call,
        request,
        response,
        'The blob could not be read from the registry or the storage it redirects to.'
      )
    return response.stream
  }

  /** A blob small enough to hold (a bundle), as bytes. */
  async getSmallBlob(
    call: Call,
    repository: string,
    digest: Digest,
    limit: number
  ): Promise<Buffer> {
    const request = {
      ...call,
      method: 'GET' as const,
      path: `/v2/${enc(repository)}/blobs/${digest}`,
      maxBodyBytes: limit
    }
    const response = await this.session.send(request)
    if (response.status !== 200)
      throw this.refusal(
        call,
        request,
        response,
        'The blob could not be read from the registry or the storage it redirects to.'
      )
    return response.body
  }

  /**
   * One page of the referrers API; null when the registry does not serve it (404, 400, 405,
   * 406, or an answer that is not an OCI index, as ECR and older registries give).
   */
  async referrers(
    call: Call,
    repository: string,
    subject: Digest,
    pathAndQuery?: string,
    artifactType?: string
  ): Promise<ReferrersPage | null> {
    let path = pathAndQuery
    if (path === undefined) {
      path = `/v2/${enc(repository)}/referrers/${subject}`
      if (artifactType !== undefined) path += `?${new URLSearchParams({ artifactType }).toString()}`
    }
    const request = {
      ...call,
      method: 'GET' as const,
      path,
      headers: { accept: OCI_INDEX },
      maxBodyBytes: MANIFEST_MAX_BYTES
    }
    const response = await this.session.send(request)
    if (response.status !== 200) {
      if ([400, 404, 405, 406].includes(response.status)) return null
      throw this.refusal(call, request, response, "Check the registry's status and run again.")
    }
    if (bareMediaType(response.headers.get('content-type')) !== OCI_INDEX) return null
    let body: { manifests?: unknown }
    try {
      body = JSON.parse(response.body.toString('utf8')) as { manifests?: unknown }
    } catch {
      return null
    }
    if (!Array.isArray(body.manifests)) return null
    return {
      manifests: body.manifests,
      next: this.nextPage(response),
      filtered: /(^|,)\s*artifactType\s*(,|$)/.test(
        response.headers.get('oci-filters-applied') ?? ''
      )
    }
  }

  /** Link: <…>; rel="next", on the registry's own origin only (a page elsewhere is not followed). */
  private nextPage(response: HttpResponse): string | null {
    const link = response.headers.get('link')
    const match = link === null ? null : /<([^>]+)>\s*;\s*rel="?next"?/.exec(link)
    if (match === null) return null
    const url = parseUrl(match[1]!, response.url)
    // A next page that is not a URL, or on another origin, is not followed: the pages read so far are the answer.
    return url !== null && url.origin === this.session.origin
      ? `${url.pathname}${url.search}`
      : null
  }

  private location(
    call: Call,
    request: { method: string; path: string },
    response: HttpResponse
  ): string {
    const location = response.headers.get('location')
    const url = location === null ? null : parseUrl(location, response.url)
    if (url === null) {
      const said =
        location === null
          ? 'no Location header'
          : `the Location ${quote(location)}, which is not a URL`
      throw new SealError(
        'unavailable',
        unexpectedAnswer(
          { ...request, where: call.where, url: `${this.session.origin}${request.path}` },
          response.status,
          said,
          'The registry opened an upload without saying where to; check the registry.'
        )
      )
    }
    return url.href
  }

  /** The SealError for an answer an endpoint cannot act on. */
  refusal(
    call: Call,
    request: { method: string; path: string },
    response: HttpResponse,
    fix: string
  ): SealError {
    const named = {
      where: call.where,
      method: request.method,
      url: `${this.session.origin}${request.path}`
    }
    const detail = errorSummary(response.body)
    if (response.status === 403 && new URL(response.url).origin === this.session.origin) {
      return new SealError(
        'denied',
        accessDenied(
          call.where,
          this.registry,
          call.scopes.map((s) => s.repository).join(', '),
          call.scopes.some((s) => s.push),
          this.session.credentialSource,
          detail
        )
      )
    }
    const elsewhere = new URL(response.url).origin !== this.session.origin
    return new SealError(
      'unavailable',
      unexpectedAnswer(
        elsewhere ? { ...named, url: response.url } : named,
        response.status,
        detail,
        elsewhere
          ? `The registry redirected the request to ${new URL(response.url).origin}, whose answer this is; ` +
              `check the registry's storage.`
          : fix
      )
    )
  }
}
