import { createHash, randomUUID } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * An OCI registry of the tests' own, in process on loopback, for what distribution 2.8
 * lacks: the referrers API (distribution-spec 1.1: an OCI index computed from the stored
 * manifests' `subject`, `?artifactType=` filtering with `OCI-Filters-Applied`, pagination
 * with `Link: rel="next"`, `OCI-Subject` on a PUT with a subject, If-Match → 412), and
 * switchable quirks of real registries:
 *
 * - `ghcr`: no referrers API (404 MANIFEST_UNKNOWN) and no OCI-Subject; a fallback index
 *   PUT is stored with every entry's artifactType replaced by the empty type, as GHCR's
 *   index shows cosign-pushed bundles;
 * - `ecr`: OCI-Subject on a PUT with a subject, but no referrers API (404);
 * - `referrers406`: the referrers endpoint answers 406;
 * - `immutableTags`: a PUT to an existing tag naming another digest is refused (409);
 * - `dropDigestHeader`: no Docker-Content-Digest on manifest answers;
 * - `redirectBlobs`: blob GETs answer 307 to a second server on another port (another
 *   origin), which serves the blob and records whether an Authorization header reached it;
 * - `headContentType`: HEAD on a manifest answers with this Content-Type instead of the
 *   manifest's (older registries and proxies send application/json or none);
 * - `uploadElsewhere`: uploads are sent to the storage origin (an absolute Location on
 *   another origin), which records whether credentials reached it;
 * - `basicAuth`: every /v2/ request needs these Basic credentials (401 with a challenge);
 * - `bearerAuth`: every /v2/ request needs a token from `/token` on this host (Basic with
 *   these credentials), issued without `expires_in` as GHCR does; `revokeTokens()` makes
 *   the registry refuse every token issued so far.
 *
 * Faults are queued per request pattern: a status with headers (503, 429 + Retry-After,
 * 408), a reset connection, an answer held until released (a timeout), or a manifest
 * served with altered bytes. Push and pull follow the spec closely enough for skopeo
 * (POST, PATCH, PUT uploads; mounts; Accept negotiation as distribution does it).
 */

export interface HostQuirks {
  referrersApi: boolean
  ghcr: boolean
  ecr: boolean
  referrers406: boolean
  immutableTags: boolean
  dropDigestHeader: boolean
  redirectBlobs: boolean
  /** Entries per referrers page; everything on one page when 0. */
  referrersPageSize: number
  headContentType: string | null
  uploadElsewhere: boolean
  basicAuth: { readonly username: string; readonly password: string } | null
  bearerAuth: { readonly username: string; readonly password: string } | null
}

export type HostFault =
  | {
      readonly kind: 'status'
      readonly status: number
      readonly headers?: Readonly<Record<string, string>>
      readonly body?: string
    }
  | { readonly kind: 'reset' }
  /** Holds the answer until `release()` of the host (the client's timeout fires first). */
  | { readonly kind: 'hang' }
  /** Serves the manifest or blob with one byte changed (its digest no longer matches). */
  | { readonly kind: 'tamper' }

export interface QueuedFault {
  readonly method?: string
  readonly path: RegExp
  readonly fault: HostFault
  times: number
}

export interface HostRequest {
  readonly method: string
  readonly path: string
  readonly status: number
  readonly authorization: boolean
  readonly contentType: string | null
  readonly fault: string | null
}

interface StoredManifest {
  readonly bytes: Buffer
  readonly mediaType: string
}

interface Repository {
  readonly manifests: Map<string, StoredManifest>
  readonly tags: Map<string, string>
  readonly blobs: Set<string>
}

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_EMPTY = 'application/vnd.oci.empty.v1+json'
const INDEX_TYPES = [OCI_INDEX, 'application/vnd.docker.distribution.manifest.list.v2+json']
const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`
const DIGEST = /^sha256:[0-9a-f]{64}$/
const NAME =
  '((?:[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)'

export class OciRegistryHost {
  readonly quirks: HostQuirks = {
    referrersApi: true,
    ghcr: false,
    ecr: false,
    referrers406: false,
    immutableTags: false,
    dropDigestHeader: false,
    redirectBlobs: false,
    referrersPageSize: 0,
    headContentType: null,
    uploadElsewhere: false,
    basicAuth: null,
    bearerAuth: null
  }
  readonly requests: HostRequest[] = []
  /** Requests the blob storage origin received, and whether each carried an Authorization header. */
  readonly storageRequests: { readonly path: string; readonly authorization: boolean }[] = []
  private readonly faults: QueuedFault[] = []
  private readonly repositories = new Map<string, Repository>()
  private readonly blobs = new Map<string, Buffer>()
  private readonly uploads = new Map<string, { repository: string; chunks: Buffer[] }>()
  private readonly held: (() => void)[] = []
  private readonly tokens = new Set<string>()
  /** Token requests served, with the scopes asked. */
  readonly tokenRequests: { readonly scopes: readonly string[] }[] = []
  private server: http.Server | null = null
  private storage: http.Server | null = null
  host = ''
  storageOrigin = ''

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res))
    this.storage = http.createServer((req, res) => void this.serveStorage(req, res))
    await Promise.all([
      new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve)),
      new Promise<void>((resolve) => this.storage!.listen(0, '127.0.0.1', resolve))
    ])
    this.host = `127.0.0.1:${(this.server.address() as AddressInfo).port}`
    this.storageOrigin = `http://127.0.0.1:${(this.storage.address() as AddressInfo).port}`
    return this
  }

  async close(): Promise<void> {
    this.release()
    for (const server of [this.server, this.storage]) {
      if (server === null) continue
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }

  /** Queues a fault for the next `times` requests matching (all methods when none is given). */
  fault(path: RegExp, fault: HostFault, options: { method?: string; times?: number } = {}): void {
    this.faults.push({
      path,
      fault,
      times: options.times ?? 1,
      ...(options.method === undefined ? {} : { method: options.method })
    })
  }

  revokeTokens(): void {
    this.tokens.clear()
  }

  /** Lets held ('hang') answers go. */
  release(): void {
    for (const go of this.held.splice(0)) go()
  }

  /** Stores content directly (blobs and manifests by digest, then tags), as a push would. */
  load(
    repository: string,
    content: ReadonlyMap<string, Buffer>,
    tags: Readonly<Record<string, { digest: string; mediaType: string }>>,
    manifestTypes: ReadonlyMap<string, string>
  ): void {
    const repo = this.repository(repository)
    for (const [digest, bytes] of content) {
      const type = manifestTypes.get(digest)
      if (type === undefined) {
        this.blobs.set(digest, bytes)
        repo.blobs.add(digest)
      } else repo.manifests.set(digest, { bytes, mediaType: type })
    }
    for (const [tag, { digest }] of Object.entries(tags)) repo.tags.set(tag, digest)
  }

  /** The manifest bytes a tag or digest names, for assertions. */
  manifest(repository: string, reference: string): StoredManifest | undefined {
    const repo = this.repositories.get(repository)
    if (repo === undefined) return undefined
    const digest = DIGEST.test(reference) ? reference : repo.tags.get(reference)
    return digest === undefined ? undefined : repo.manifests.get(digest)
  }

  tags(repository: string): string[] {
    return [...(this.repositories.get(repository)?.tags.keys() ?? [])]
  }

  private repository(name: string): Repository {
    let repo = this.repositories.get(name)
    if (repo === undefined) {
      repo = { manifests: new Map(), tags: new Map(), blobs: new Set() }
      this.repositories.set(name, repo)
    }
    return repo
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', `http://${this.host}`)
    const method = req.method ?? 'GET'
    let faultName: string | null = null
    const log = (status: number): void => {
      this.requests.push({
        method,
        path: url.pathname + url.search,
        status,
        authorization: req.headers.authorization !== undefined,
        contentType: req.headers['content-type'] ?? null,
        fault: faultName
      })
    }
    const send = (
      status: number,
      headers: Record<string, string> = {},
      payload: Buffer | string = ''
    ): void => {
      log(status)
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload
      res.writeHead(status, {
        'docker-distribution-api-version': 'registry/2.0',
        ...headers,
        ...(headers['content-length'] === undefined
          ? { 'content-length': String(bytes.length) }
          : {})
      })
      res.end(method === 'HEAD' ? undefined : bytes)
    }
    const error = (
      status: number,
      code: string,
      message: string,
      headers: Record<string, string> = {}
    ): void =>
      send(
        status,
        { 'content-type': 'application/json', ...headers },
        JSON.stringify({ errors: [{ code, message }] })
      )

    const fault = this.faults.find(
      (f) =>
        f.times > 0 && f.path.test(url.pathname) && (f.method === undefined || f.method === method)
    )
    let tamper = false
    if (fault !== undefined) {
      fault.times--
      faultName = fault.fault.kind
      const f = fault.fault
      if (f.kind === 'status') {
        send(
          f.status,
          { 'content-type': 'application/json', ...f.headers },
          f.body ??
            JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: `injected ${f.status}` }] })
        )
        return
      }
      if (f.kind === 'reset') {
        log(0)
        req.socket.destroy()
        return
      }
      if (f.kind === 'hang') {
        log(0)
        await new Promise<void>((resolve) => this.held.push(resolve))
        req.socket.destroy()
        return
      }
      tamper = true
    }

    if (this.quirks.basicAuth !== null && url.pathname.startsWith('/v2')) {
      const { username, password } = this.quirks.basicAuth
      if (
        req.headers.authorization !==
        `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
      ) {
        error(401, 'UNAUTHORIZED', 'authentication required', {
          'www-authenticate': 'Basic realm="in-process"'
        })
        return
      }
    }
    if (this.quirks.bearerAuth !== null && url.pathname === '/token') {
      const { username, password } = this.quirks.bearerAuth
      if (
        req.headers.authorization !==
        `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
      )
        return error(401, 'UNAUTHORIZED', 'bad credentials')
      const token = randomUUID()
      this.tokens.add(token)
      this.tokenRequests.push({ scopes: url.searchParams.getAll('scope') })
      return send(200, { 'content-type': 'application/json' }, JSON.stringify({ token }))
    }
    if (this.quirks.bearerAuth !== null && url.pathname.startsWith('/v2')) {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
      if (token === undefined || !this.tokens.has(token)) {
        return error(401, 'UNAUTHORIZED', 'authentication required', {
          'www-authenticate': `Bearer realm="http://${this.host}/token",service="in-process"`
        })
      }
    }
    if (url.pathname === '/v2/' || url.pathname === '/v2') {
      send(200, { 'content-type': 'application/json' }, '{}')
      return
    }
    let m: RegExpExecArray | null
    if ((m = new RegExp(`^/v2/${NAME}/manifests/([^/]+)$`).exec(url.pathname)) !== null) {
      const [, name, reference] = m as unknown as [string, string, string]
      if (method === 'GET' || method === 'HEAD')
        return this.getManifest(name, reference, req, send, error, tamper)
      if (method === 'PUT') return this.putManifest(name, reference, req, body, send, error)
    }
    if ((m = new RegExp(`^/v2/${NAME}/blobs/(sha256:[0-9a-f]{64})$`).exec(url.pathname)) !== null) {
      const [, name, digest] = m as unknown as [string, string, string]
      const bytes =
        this.repositories.get(name)?.blobs.has(digest) === true ? this.blobs.get(digest) : undefined
      if (bytes === undefined) return error(404, 'BLOB_UNKNOWN', 'blob unknown to registry')
      if (method === 'GET' && this.quirks.redirectBlobs)
        return send(307, {
          location: `${this.storageOrigin}/storage/${digest.slice(7)}?signature=secret-query`
        })
      const served = tamper
        ? Buffer.concat([bytes.subarray(0, -1), Buffer.from([bytes.at(-1)! ^ 1])])
        : bytes
      return send(
        200,
        {
          'content-type': 'application/octet-stream',
          'docker-content-digest': digest,
          'content-length': String(served.length)
        },
        served
      )
    }
    if (
      (m = new RegExp(`^/v2/${NAME}/blobs/uploads/$`).exec(url.pathname)) !== null &&
      method === 'POST'
    ) {
      const [, name] = m as unknown as [string, string]
      const mount = url.searchParams.get('mount')
      const from = url.searchParams.get('from')
      if (
        mount !== null &&
        from !== null &&
        this.repositories.get(from)?.blobs.has(mount) === true
      ) {
        this.repository(name).blobs.add(mount)
        return send(201, { location: `/v2/${name}/blobs/${mount}`, 'docker-content-digest': mount })
      }
      const id = randomUUID()
      this.uploads.set(id, { repository: name, chunks: [] })
      const location = this.quirks.uploadElsewhere
        ? `${this.storageOrigin}/uploads/${id}?upload-signature=secret-query`
        : `/v2/${name}/blobs/uploads/${id}?_state=x`
      return send(202, { location, range: '0-0', 'docker-upload-uuid': id })
    }
    if ((m = new RegExp(`^/v2/${NAME}/blobs/uploads/([0-9a-f-]+)$`).exec(url.pathname)) !== null) {
      const [, name, id] = m as unknown as [string, string, string]
      const upload = this.uploads.get(id)
      if (upload === undefined || upload.repository !== name)
        return error(404, 'BLOB_UPLOAD_UNKNOWN', 'blob upload unknown to registry')
      upload.chunks.push(body)
      if (method === 'PATCH') {
        const size = upload.chunks.reduce((n, c) => n + c.length, 0)
        return send(202, {
          location: `/v2/${name}/blobs/uploads/${id}?_state=x`,
          range: `0-${Math.max(0, size - 1)}`,
          'docker-upload-uuid': id
        })
      }
      if (method === 'PUT') {
        const bytes = Buffer.concat(upload.chunks)
        const digest = url.searchParams.get('digest')
        this.uploads.delete(id)
        if (digest === null || sha256(bytes) !== digest)
          return error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content')
        this.blobs.set(digest, bytes)
        this.repository(name).blobs.add(digest)
        return send(201, {
          location: `/v2/${name}/blobs/${digest}`,
          'docker-content-digest': digest
        })
      }
    }
    if (
      (m = new RegExp(`^/v2/${NAME}/referrers/(sha256:[0-9a-f]{64})$`).exec(url.pathname)) !==
        null &&
      method === 'GET'
    ) {
      const [, name, subject] = m as unknown as [string, string, string]
      if (this.quirks.referrers406) return error(406, 'UNSUPPORTED', 'not acceptable')
      if (!this.quirks.referrersApi || this.quirks.ghcr || this.quirks.ecr)
        return error(404, 'MANIFEST_UNKNOWN', 'manifest unknown')
      return this.serveReferrers(name, subject, url, send)
    }
    if (
      (m = new RegExp(`^/v2/${NAME}/tags/list$`).exec(url.pathname)) !== null &&
      method === 'GET'
    ) {
      const [, name] = m as unknown as [string, string]
      return send(
        200,
        { 'content-type': 'application/json' },
        JSON.stringify({ name, tags: this.tags(name) })
      )
    }
    send(404, { 'content-type': 'text/plain' }, '404 page not found')
  }

  private getManifest(
    name: string,
    reference: string,
    req: http.IncomingMessage,
    send: (s: number, h?: Record<string, string>, p?: Buffer | string) => void,
    error: (s: number, c: string, m: string) => void,
    tamper: boolean
  ): void {
    const repo = this.repositories.get(name)
    const digest = DIGEST.test(reference) ? reference : repo?.tags.get(reference)
    const stored = digest === undefined ? undefined : repo?.manifests.get(digest)
    if (stored === undefined || digest === undefined)
      return error(404, 'MANIFEST_UNKNOWN', 'manifest unknown')
    // distribution's negotiation: an index is served only to clients that accept its type.
    const accept = req.headers.accept ?? ''
    if (
      INDEX_TYPES.includes(stored.mediaType) &&
      !accept
        .split(',')
        .map((a) => a.trim().split(';')[0])
        .includes(stored.mediaType)
    ) {
      return error(
        404,
        'MANIFEST_UNKNOWN',
        'OCI index found, but accept header does not support OCI indexes'
      )
    }
    let bytes = stored.bytes
    if (tamper) {
      bytes = Buffer.from(bytes)
      bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x20 ? 0x0a : 0x20
    }
    const headers: Record<string, string> = {
      'content-type':
        req.method === 'HEAD' && this.quirks.headContentType !== null
          ? this.quirks.headContentType
          : stored.mediaType,
      etag: `"${digest}"`,
      'content-length': String(bytes.length)
    }
    if (!this.quirks.dropDigestHeader) headers['docker-content-digest'] = digest
    send(200, headers, bytes)
  }

  private putManifest(
    name: string,
    reference: string,
    req: http.IncomingMessage,
    body: Buffer,
    send: (s: number, h?: Record<string, string>, p?: Buffer | string) => void,
    error: (s: number, c: string, m: string) => void
  ): void {
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim()
    let parsed: {
      manifests?: { digest: string }[]
      layers?: { digest: string }[]
      config?: { digest: string }
      subject?: { digest: string }
      mediaType?: string
    }
    try {
      parsed = JSON.parse(body.toString('utf8')) as typeof parsed
    } catch {
      return error(400, 'MANIFEST_INVALID', 'manifest invalid')
    }
    if (parsed.mediaType !== undefined && parsed.mediaType !== mediaType)
      return error(400, 'MANIFEST_INVALID', 'mediaType in manifest does not match Content-Type')
    const repo = this.repository(name)
    const isTag = !DIGEST.test(reference)
    let bytes = body
    if (
      this.quirks.ghcr &&
      isTag &&
      /^sha256-[0-9a-f]{64}$/.test(reference) &&
      Array.isArray(parsed.manifests)
    ) {
      const rewritten = JSON.parse(body.toString('utf8')) as {
        manifests: Record<string, unknown>[]
      }
      for (const entry of rewritten.manifests) entry.artifactType = OCI_EMPTY
      bytes = Buffer.from(JSON.stringify(rewritten))
    }
    const digest = sha256(bytes)
    if (!isTag && reference !== digest)
      return error(400, 'DIGEST_INVALID', 'provided digest did not match uploaded content')
    for (const child of parsed.manifests ?? [])
      if (!repo.manifests.has(child.digest))
        return error(400, 'MANIFEST_BLOB_UNKNOWN', `blob unknown to registry: ${child.digest}`)
    for (const blob of [
      ...(parsed.layers ?? []),
      ...(parsed.config === undefined ? [] : [parsed.config])
    ]) {
      if (!repo.blobs.has(blob.digest))
        return error(400, 'MANIFEST_BLOB_UNKNOWN', `blob unknown to registry: ${blob.digest}`)
    }
    if (isTag) {
      const current = repo.tags.get(reference)
      const ifMatch = req.headers['if-match']
      if (ifMatch !== undefined && current !== undefined && ifMatch !== `"${current}"`)
        return error(412, 'PRECONDITION_FAILED', 'the tag changed since it was read')
      if (this.quirks.immutableTags && current !== undefined && current !== digest)
        return error(409, 'TAG_INVALID', `tag ${reference} is immutable`)
    }
    repo.manifests.set(digest, { bytes, mediaType })
    if (isTag) repo.tags.set(reference, digest)
    const headers: Record<string, string> = {
      location: `/v2/${name}/manifests/${digest}`,
      'docker-content-digest': digest
    }
    if (
      parsed.subject !== undefined &&
      ((this.quirks.referrersApi && !this.quirks.ghcr) || this.quirks.ecr)
    )
      headers['oci-subject'] = parsed.subject.digest
    send(201, headers)
  }

  private serveReferrers(
    name: string,
    subject: string,
    url: URL,
    send: (s: number, h?: Record<string, string>, p?: Buffer | string) => void
  ): void {
    const repo = this.repository(name)
    const filter = url.searchParams.get('artifactType')
    const entries: Record<string, unknown>[] = []
    for (const [digest, stored] of [...repo.manifests].sort(([a], [b]) => (a < b ? -1 : 1))) {
      let m: {
        subject?: { digest?: string }
        artifactType?: string
        config?: { mediaType?: string }
        annotations?: Record<string, string>
      }
      try {
        m = JSON.parse(stored.bytes.toString('utf8')) as typeof m
      } catch {
        continue
      }
      if (m.subject?.digest !== subject) continue
      const artifactType = m.artifactType ?? m.config?.mediaType
      if (filter !== null && artifactType !== filter) continue
      entries.push({
        mediaType: stored.mediaType,
        digest,
        size: stored.bytes.length,
        ...(artifactType === undefined ? {} : { artifactType }),
        ...(m.annotations === undefined ? {} : { annotations: m.annotations })
      })
    }
    const size = this.quirks.referrersPageSize
    const start = Number(url.searchParams.get('page') ?? '0')
    const page = size === 0 ? entries : entries.slice(start * size, (start + 1) * size)
    const headers: Record<string, string> = { 'content-type': OCI_INDEX }
    if (filter !== null) headers['oci-filters-applied'] = 'artifactType'
    if (size !== 0 && (start + 1) * size < entries.length) {
      const next = new URLSearchParams(url.searchParams)
      next.set('page', String(start + 1))
      headers.link = `</v2/${name}/referrers/${subject}?${next.toString()}>; rel="next"`
    }
    send(200, headers, JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: page }))
  }

  private async serveStorage(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.storageOrigin)
    this.storageRequests.push({
      path: url.pathname,
      authorization: req.headers.authorization !== undefined
    })
    const upload = /^\/uploads\/([0-9a-f-]+)$/.exec(url.pathname)
    if (upload !== null && req.method === 'PUT') {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const pending = this.uploads.get(upload[1]!)
      const bytes = Buffer.concat(chunks)
      const digest = url.searchParams.get('digest')
      if (
        pending === undefined ||
        url.searchParams.get('upload-signature') !== 'secret-query' ||
        digest !== sha256(bytes)
      ) {
        res.writeHead(400).end()
        return
      }
      this.uploads.delete(upload[1]!)
      this.blobs.set(digest, bytes)
      this.repository(pending.repository).blobs.add(digest)
      res.writeHead(201, { 'docker-content-digest': digest }).end()
      return
    }
    const fault = this.faults.find((f) => f.times > 0 && f.path.test(`storage:${url.pathname}`))
    if (fault !== undefined && fault.fault.kind === 'status') {
      fault.times--
      res
        .writeHead(fault.fault.status, { 'content-type': 'application/xml' })
        .end('<Error><Code>AccessDenied</Code></Error>')
      return
    }
    const digest = `sha256:${url.pathname.slice('/storage/'.length)}`
    const bytes = this.blobs.get(digest)
    if (bytes === undefined || url.searchParams.get('signature') !== 'secret-query') {
      res.writeHead(404).end()
      return
    }
    res
      .writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.length)
      })
      .end(bytes)
  }
}
