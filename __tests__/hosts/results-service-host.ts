import { createHash, randomUUID } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  BlobSASPermissions,
  BlobServiceClient,
  type ContainerClient,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters
} from '@azure/storage-blob'
import { type Azurite, startAzurite } from './azurite.js'
import type { ArtifactSource, HostedArtifact } from './github-api-host.js'
import { type RuntimeClaims, TokenIssuer, resultsScope } from './results/jwt.js'
import {
  type TarEntrySpec,
  readCacheArchive,
  rewriteCacheArchive,
  writeCacheArchive
} from './results/tar.js'
import { entryBoundaries, readZip, writeZip } from './results/zip.js'

/**
 * A stand-in for the GitHub Actions results service (the Twirp API behind
 * @actions/artifact v2+ and the cache service v2 behind @actions/cache), on loopback,
 * with Azurite as its blob storage. It behaves as the real service does where the
 * clients can tell: runtime tokens are checked, artifact names are unique per workflow
 * run, cache entries are never overwritten, uploads and downloads go straight to blob
 * storage through signed (SAS) URLs. Fault hooks let tests break what the real world
 * breaks: expiry, changed bytes in storage, downloads cut short, evicted cache entries.
 */

/**
 * The artifact shapes the GitHub REST test host reads (`HostedArtifact`, `ArtifactSource`)
 * are its own; this host implements them, so the REST host can list and download what
 * jobs here uploaded, across runs.
 */
export type { ArtifactSource, HostedArtifact }

export interface HostedCacheEntry {
  readonly id: number
  readonly repository: string
  /** The git ref whose jobs wrote it, as the real service scopes entries. */
  readonly scope: string
  readonly key: string
  readonly version: string
  readonly size: number
  readonly createdAt: string
  readonly finalized: boolean
}

/** One simulated job of one simulated workflow run. */
export interface JobSpec {
  /** The numeric run id the REST API and GITHUB_RUN_ID show. */
  readonly runId: number
  /** The job's id in the workflow (GITHUB_JOB); default "build". */
  readonly jobId?: string
  /** owner/name; default "octo-org/octo-repo". A run belongs to one repository. */
  readonly repository?: string
  /** The ref the run is for (GITHUB_REF), which scopes cache entries; default the default branch. */
  readonly ref?: string
}

export interface RequestLogEntry {
  readonly at: string
  readonly method: string
  /** `ArtifactService/CreateArtifact`, `CacheService/GetCacheEntryDownloadURL`, or `blob-proxy`. */
  readonly call: string
  readonly status: number
  /** The Twirp error code when the call failed. */
  readonly code?: string
  readonly body?: unknown
}

/**
 * How the blob proxy cuts downloads short (see `truncateDownloads`). What the installed
 * clients make of it (measured with @actions/artifact 6.2.1 and @actions/cache 6.3.0):
 * - `keep: 'half'` (cut inside a file), `cut: 'end'`: the artifact client's unzip fails;
 *   it retries five times, five seconds apart, then throws "Unable to download and
 *   extract artifact: Artifact download failed after 5 retries." (about 25 s), leaving
 *   the partly extracted files in place. The cache client's tar fails: a warning and a miss.
 * - `keep: 'whole-entries'`: the artifact client "succeeds" with only the first files;
 *   given `expectedHash`, it reports `digestMismatch: true`. Fast.
 * - `cut: 'reset'`: the artifact client notices only after its 30 s idle timeout, five
 *   times over (about three minutes); the cache client fails at once. Use sparingly.
 */
export interface Truncation {
  /**
   * How much of the body to send: a byte count, `half` (default), or `whole-entries` (a zip cut at
   * an entry boundary near the middle).
   */
  readonly keep?: number | 'half' | 'whole-entries'
  /**
   * `end` (default): no Content-Length, and the response ends cleanly after the kept
   * bytes, as a proxy that gives up quietly would. `reset`: the full Content-Length is
   * announced, then the connection is dropped.
   */
  readonly cut?: 'end' | 'reset'
}

export interface ResultsServiceHost {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string
  readonly azurite: Azurite
  /** Backs the GitHub REST test host's artifact endpoints (list, get, zip redirect, run exists). */
  readonly artifactSource: Required<ArtifactSource>
  /**
   * The variables a step of that job gets from the runner, for the results service and
   * the cache: ACTIONS_RUNTIME_TOKEN, ACTIONS_RESULTS_URL, ACTIONS_CACHE_SERVICE_V2 and
   * the GITHUB_* identity of the run. GITHUB_WORKSPACE and RUNNER_TEMP are the test's.
   */
  runnerEnv(job: JobSpec): Record<string, string>
  /** Sets GITHUB_API_URL in later `runnerEnv` results (the GitHub REST test host's URL). */
  setGitHubApiUrl(url: string | undefined): void
  /** The backend (UUID) ids a run's and a job's token carry. */
  backendIds(job: JobSpec): {
    readonly workflowRunBackendId: string
    readonly workflowJobRunBackendId: string
  }
  artifacts(): HostedArtifact[]
  cacheEntries(): HostedCacheEntry[]
  /** Makes the artifact expire now; its blob is removed, as the service's cleanup does. */
  expireArtifact(id: number): Promise<void>
  /** The artifact's zip as stored. */
  artifactZip(id: number): Promise<Buffer>
  /** Rewrites the artifact's zip in storage; the digest recorded at upload stays as it was. */
  tamperArtifactBlob(
    id: number,
    mutate: (files: Map<string, Buffer>) => void | Promise<void>
  ): Promise<void>
  /** While on, signed download URLs handed out go through a proxy that cuts bodies short. */
  truncateDownloads(on: boolean | Truncation): void
  /** Removes every entry with the key (as eviction does); returns how many. */
  deleteCacheEntry(key: string): Promise<number>
  /** Changes files inside the entry's archive; `mutate` returns new content or undefined to keep a file. */
  tamperCacheBlob(
    key: string,
    mutate: (path: string, content: Buffer) => Buffer | undefined
  ): Promise<void>
  /**
   * Replaces the entry's archive with one of any entries (links, devices, `..`, absolute
   * names), compressed as the original was: `rewrite` gets the original entries in order.
   */
  replaceCacheBlob(key: string, rewrite: (entries: TarEntrySpec[]) => TarEntrySpec[]): Promise<void>
  /**
   * Replaces the artifact's zip in storage with any bytes. With `recordDigest`, the digest
   * recorded at upload becomes the new zip's, as when the artifact was deleted and uploaded
   * again under its name; otherwise the recorded digest stays as it was. `contentDisposition`
   * is what storage then answers in that header (the uploader of a blob chooses it).
   */
  replaceArtifactZip(
    id: number,
    zip: Buffer,
    options?: { readonly recordDigest?: boolean; readonly contentDisposition?: string }
  ): Promise<void>
  /** Every Twirp call and proxied download, oldest first. */
  readonly requests: readonly RequestLogEntry[]
  clearRequests(): void
  close(): Promise<void>
}

export interface ResultsServiceHostOptions {
  /** Share an Azurite; by default the host starts its own and stops it on close. */
  readonly azurite?: Azurite
  readonly defaultBranch?: string
  /** Retention when an upload gives none (GITHUB_RETENTION_DAYS); default 90. */
  readonly retentionDays?: number
  readonly githubApiUrl?: string
}

const ARTIFACT_SERVICE = 'github.actions.results.api.v1.ArtifactService'
const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService'
const ARTIFACT_CONTAINER = 'actions-results'
const CACHE_CONTAINER = 'actions-cache'
const PROXY_PREFIX = '/_blob-proxy/'
const DEFAULT_REPOSITORY = 'octo-org/octo-repo'
const READ = 1
const WRITE = 2

interface Run {
  readonly runId: number
  readonly repository: string
  readonly backendId: string
  readonly jobs: Map<string, Job>
}

interface Job {
  readonly id: string
  readonly backendId: string
  readonly run: Run
  readonly ref: string
}

interface ArtifactRecord {
  readonly id: number
  readonly name: string
  readonly run: Run
  readonly jobBackendId: string
  readonly blobName: string
  readonly createdAt: Date
  expiresAt: Date
  size: number
  digest: string | undefined
  finalized: boolean
  deleted: boolean
}

interface CacheRecord {
  readonly id: number
  readonly repository: string
  readonly scope: string
  readonly key: string
  readonly version: string
  readonly blobName: string
  readonly createdAt: Date
  size: number
  finalized: boolean
}

/** A Twirp error: the HTTP status and JSON body `{ code, msg }` the real service sends. */
class TwirpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const notFound = (msg: string): TwirpError => new TwirpError(404, 'not_found', msg)
const invalid = (msg: string): TwirpError => new TwirpError(400, 'invalid_argument', msg)
const denied = (msg: string): TwirpError => new TwirpError(403, 'permission_denied', msg)

type Body = Record<string, unknown>

export async function startResultsServiceHost(
  options: ResultsServiceHostOptions = {}
): Promise<ResultsServiceHost> {
  const azurite = options.azurite ?? (await startAzurite())
  const ownsAzurite = options.azurite === undefined
  const defaultBranch = options.defaultBranch ?? 'refs/heads/main'
  const retentionDays = options.retentionDays ?? 90
  let githubApiUrl = options.githubApiUrl
  const credential = new StorageSharedKeyCredential(azurite.accountName, azurite.accountKey)
  const blobService = new BlobServiceClient(azurite.blobEndpoint, credential)
  const containers = new Map<string, Promise<ContainerClient>>()
  const container = (name: string): Promise<ContainerClient> => {
    let ready = containers.get(name)
    if (!ready) {
      const client = blobService.getContainerClient(name)
      ready = client.createIfNotExists().then(() => client)
      containers.set(name, ready)
    }
    return ready
  }

  const issuer = new TokenIssuer()
  const runsById = new Map<number, Run>()
  const runsByBackendId = new Map<string, Run>()
  const artifacts: ArtifactRecord[] = []
  const cache: CacheRecord[] = []
  const requests: RequestLogEntry[] = []
  let nextArtifactId = 1001
  let nextCacheId = 501
  let truncation: Truncation | null = null
  let url = ''

  const log = (entry: Omit<RequestLogEntry, 'at'>): void => {
    requests.push({ at: new Date().toISOString(), ...entry })
  }

  const jobFor = (spec: JobSpec): Job => {
    const repository = spec.repository ?? DEFAULT_REPOSITORY
    let run = runsById.get(spec.runId)
    if (!run) {
      run = { runId: spec.runId, repository, backendId: randomUUID(), jobs: new Map() }
      runsById.set(spec.runId, run)
      runsByBackendId.set(run.backendId, run)
    } else if (run.repository !== repository) {
      throw new Error(
        `run ${spec.runId} belongs to ${run.repository}, not ${repository}: run ids are unique across repositories`
      )
    }
    const jobId = spec.jobId ?? 'build'
    let job = run.jobs.get(jobId)
    if (!job) {
      job = { id: jobId, backendId: randomUUID(), run, ref: spec.ref ?? defaultBranch }
      run.jobs.set(jobId, job)
    }
    return job
  }

  const signedUrl = (
    containerName: string,
    blobName: string,
    permissions: string,
    viaProxy: boolean
  ): string => {
    const sas = generateBlobSASQueryParameters(
      {
        containerName,
        blobName,
        permissions: BlobSASPermissions.parse(permissions),
        startsOn: new Date(Date.now() - 5 * 60_000),
        expiresOn: new Date(Date.now() + 6 * 3600_000)
      },
      credential
    ).toString()
    const blobPath = `${containerName}/${blobName.split('/').map(encodeURIComponent).join('/')}`
    return viaProxy
      ? `${url}${PROXY_PREFIX}${blobPath}?${sas}`
      : `${azurite.blobEndpoint}/${blobPath}?${sas}`
  }

  const isExpired = (a: ArtifactRecord): boolean => a.expiresAt.getTime() <= Date.now()
  const hosted = (a: ArtifactRecord): HostedArtifact => ({
    id: a.id,
    name: a.name,
    size: a.size,
    runId: a.run.runId,
    createdAt: a.createdAt.toISOString(),
    expiresAt: a.expiresAt.toISOString(),
    expired: isExpired(a),
    ...(a.digest === undefined ? {} : { digest: a.digest })
  })
  const liveArtifacts = (run: Run): ArtifactRecord[] =>
    artifacts.filter((a) => a.run === run && a.finalized && !a.deleted && !isExpired(a))

  /** The job whose runtime token authorizes the call. */
  const authenticate = (req: http.IncomingMessage): { job: Job; claims: RuntimeClaims } => {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer (.+)$/i.exec(header)
    if (!match) throw new TwirpError(401, 'unauthenticated', 'missing bearer token')
    const verified = issuer.verify(match[1] as string)
    if ('error' in verified) throw new TwirpError(401, 'unauthenticated', verified.error)
    const scope = resultsScope(verified.claims.scp)
    const run = scope && runsByBackendId.get(scope.runBackendId)
    const job = run && [...run.jobs.values()].find((j) => j.backendId === scope.jobBackendId)
    if (!job)
      throw new TwirpError(401, 'unauthenticated', 'the token names no known workflow job run')
    return { job, claims: verified.claims }
  }

  /** The request must name the token's own run (and, when `sameJob`, its own job). */
  const checkIds = (body: Body, job: Job, sameJob: boolean): void => {
    if (body.workflow_run_backend_id !== job.run.backendId)
      throw denied('the workflow run backend id does not match the token')
    if (sameJob && body.workflow_job_run_backend_id !== job.backendId)
      throw denied('the workflow job run backend id does not match the token')
  }

  const stringField = (body: Body, field: string): string => {
    const value = body[field]
    if (typeof value !== 'string' || value === '') throw invalid(`${field} is required`)
    return value
  }

  const artifactService: Record<string, (body: Body, job: Job) => Promise<Body>> = {
    async CreateArtifact(body, job) {
      checkIds(body, job, true)
      const name = stringField(body, 'name')
      if (artifacts.some((a) => a.run === job.run && a.name === name && !a.deleted)) {
        throw new TwirpError(
          409,
          'already_exists',
          'an artifact with this name already exists on the workflow run'
        )
      }
      const expiresAt =
        typeof body.expires_at === 'string'
          ? new Date(body.expires_at)
          : new Date(Date.now() + retentionDays * 86_400_000)
      if (Number.isNaN(expiresAt.getTime())) throw invalid('expires_at is not a timestamp')
      await container(ARTIFACT_CONTAINER)
      const record: ArtifactRecord = {
        id: nextArtifactId++,
        name,
        run: job.run,
        jobBackendId: job.backendId,
        blobName: `${job.run.backendId}/workflow-job-run-${job.backendId}/artifacts/${createHash('sha256').update(name).digest('hex')}.zip`,
        createdAt: new Date(),
        expiresAt,
        size: 0,
        digest: undefined,
        finalized: false,
        deleted: false
      }
      artifacts.push(record)
      return {
        ok: true,
        signed_upload_url: signedUrl(ARTIFACT_CONTAINER, record.blobName, 'cw', false)
      }
    },

    async FinalizeArtifact(body, job) {
      checkIds(body, job, true)
      const name = stringField(body, 'name')
      const record = artifacts.find(
        (a) =>
          a.run === job.run &&
          a.jobBackendId === job.backendId &&
          a.name === name &&
          !a.deleted &&
          !a.finalized
      )
      if (!record) throw notFound('artifact not found')
      const blob = (await container(ARTIFACT_CONTAINER)).getBlobClient(record.blobName)
      if (!(await blob.exists()))
        throw new TwirpError(412, 'failed_precondition', 'the artifact was not uploaded')
      record.size = Number(body.size ?? 0)
      record.digest = typeof body.hash === 'string' ? body.hash : undefined
      record.finalized = true
      return { ok: true, artifact_id: String(record.id) }
    },

    async ListArtifacts(body, job) {
      checkIds(body, job, false)
      const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined
      const idFilter =
        typeof body.id_filter === 'string' || typeof body.id_filter === 'number'
          ? Number(body.id_filter)
          : undefined
      const listed = liveArtifacts(job.run).filter(
        (a) =>
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || a.id === idFilter)
      )
      return {
        artifacts: listed.map((a) => ({
          workflow_run_backend_id: a.run.backendId,
          workflow_job_run_backend_id: a.jobBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt.toISOString(),
          ...(a.digest === undefined ? {} : { digest: a.digest })
        }))
      }
    },

    async GetSignedArtifactURL(body, job) {
      checkIds(body, job, false)
      const name = stringField(body, 'name')
      const record = artifacts.find(
        (a) =>
          a.run === job.run &&
          a.name === name &&
          a.jobBackendId === body.workflow_job_run_backend_id &&
          a.finalized &&
          !a.deleted
      )
      if (!record) throw notFound('artifact not found')
      if (isExpired(record)) throw notFound('artifact has expired')
      return {
        signed_url: signedUrl(ARTIFACT_CONTAINER, record.blobName, 'r', truncation !== null)
      }
    },

    async DeleteArtifact(body, job) {
      checkIds(body, job, false)
      const name = stringField(body, 'name')
      const record = artifacts.find(
        (a) =>
          a.run === job.run &&
          a.name === name &&
          a.jobBackendId === body.workflow_job_run_backend_id &&
          !a.deleted
      )
      if (!record) throw notFound('artifact not found')
      record.deleted = true
      await (await container(ARTIFACT_CONTAINER)).getBlobClient(record.blobName).deleteIfExists()
      return { ok: true, artifact_id: String(record.id) }
    }
  }

  /** Cache scopes of the token: `ac` is a JSON array of { Scope, Permission }. */
  const cacheScopes = (claims: RuntimeClaims): { read: string[]; write: string | undefined } => {
    let scopes: { Scope: string; Permission: number }[] = []
    try {
      scopes = JSON.parse(claims.ac) as typeof scopes
    } catch {
      // no cache scopes
    }
    return {
      read: scopes.filter((s) => s.Permission & READ).map((s) => s.Scope),
      write: scopes.find((s) => s.Permission & WRITE)?.Scope
    }
  }

  const cacheService: Record<
    string,
    (body: Body, job: Job, claims: RuntimeClaims) => Promise<Body>
  > = {
    async CreateCacheEntry(body, job, claims) {
      const key = stringField(body, 'key')
      const version = stringField(body, 'version')
      const scope = cacheScopes(claims).write
      if (scope === undefined)
        throw denied('cache write denied: the token has no writable cache scope')
      const repository = job.run.repository
      if (
        cache.some(
          (e) =>
            e.repository === repository &&
            e.scope === scope &&
            e.key === key &&
            e.version === version
        )
      ) {
        throw new TwirpError(
          409,
          'already_exists',
          'cache entry with the same key, version, and scope already exists'
        )
      }
      await container(CACHE_CONTAINER)
      const id = nextCacheId++
      const record: CacheRecord = {
        id,
        repository,
        scope,
        key,
        version,
        blobName: `${createHash('sha256').update(repository).digest('hex').slice(0, 16)}/${id}-${createHash('sha256').update(`${scope}\n${key}\n${version}`).digest('hex')}`,
        createdAt: new Date(),
        size: 0,
        finalized: false
      }
      cache.push(record)
      return {
        ok: true,
        signed_upload_url: signedUrl(CACHE_CONTAINER, record.blobName, 'cw', false)
      }
    },

    async FinalizeCacheEntryUpload(body, job, claims) {
      const key = stringField(body, 'key')
      const version = stringField(body, 'version')
      const scope = cacheScopes(claims).write
      const record = cache.find(
        (e) =>
          e.repository === job.run.repository &&
          e.scope === scope &&
          e.key === key &&
          e.version === version &&
          !e.finalized
      )
      if (!record) throw notFound('cache entry not found')
      const blob = (await container(CACHE_CONTAINER)).getBlobClient(record.blobName)
      if (!(await blob.exists()))
        throw new TwirpError(412, 'failed_precondition', 'the cache entry was not uploaded')
      record.size = Number(body.size_bytes ?? (await blob.getProperties()).contentLength ?? 0)
      record.finalized = true
      return { ok: true, entry_id: String(record.id) }
    },

    async GetCacheEntryDownloadURL(body, job, claims) {
      const key = stringField(body, 'key')
      const version = stringField(body, 'version')
      const restoreKeys = Array.isArray(body.restore_keys)
        ? body.restore_keys.filter((k): k is string => typeof k === 'string')
        : []
      // The run's own ref first, then the others it may read (the default branch), as
      // GitHub documents: within a scope the exact key, then each restore key as a
      // prefix, the newest entry winning.
      const { read, write } = cacheScopes(claims)
      const order = [...read.filter((s) => s === write), ...read.filter((s) => s !== write)]
      for (const scope of order) {
        const candidates = cache
          .filter(
            (e) =>
              e.repository === job.run.repository &&
              e.scope === scope &&
              e.version === version &&
              e.finalized
          )
          .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
        const found =
          candidates.find((e) => e.key === key) ??
          restoreKeys
            .map((k) => candidates.find((e) => e.key.startsWith(k)))
            .find((e) => e !== undefined)
        if (found) {
          return {
            ok: true,
            signed_download_url: signedUrl(
              CACHE_CONTAINER,
              found.blobName,
              'r',
              truncation !== null
            ),
            matched_key: found.key
          }
        }
      }
      return { ok: false }
    }
  }

  const handleTwirp = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    service: string,
    method: string
  ): Promise<void> => {
    const call = `${service.split('.').pop()}/${method}`
    const send = (status: number, payload: Body, code?: string): void => {
      const text = JSON.stringify(payload)
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text)
      })
      res.end(text)
      log({
        method: req.method ?? '',
        call,
        status,
        ...(code === undefined ? {} : { code }),
        body: payload
      })
    }
    try {
      const handlers =
        service === ARTIFACT_SERVICE
          ? artifactService
          : service === CACHE_SERVICE
            ? cacheService
            : undefined
      const handler = handlers?.[method]
      if (req.method !== 'POST' || handler === undefined)
        throw new TwirpError(404, 'bad_route', `no handler for ${req.method} ${req.url}`)
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim()
      if (contentType !== 'application/json')
        throw new TwirpError(
          415,
          'bad_route',
          `unsupported Content-Type ${contentType}; this host speaks Twirp JSON`
        )
      const { job, claims } = authenticate(req)
      const raw = await readBody(req)
      let body: Body
      try {
        body = JSON.parse(raw.toString('utf8')) as Body
      } catch {
        throw new TwirpError(400, 'malformed', 'the body is not JSON')
      }
      send(200, await handler(body, job, claims))
    } catch (error) {
      if (error instanceof TwirpError)
        send(error.status, { code: error.code, msg: error.message }, error.code)
      else
        send(
          500,
          { code: 'internal', msg: error instanceof Error ? error.message : String(error) },
          'internal'
        )
    }
  }

  /**
   * The legacy cache service's lookup (v1, as on GitHub Enterprise Server), over the same
   * entries: `keys` (the key, then restore-key prefixes) and `version`; 204 on a miss.
   */
  const handleLegacyLookup = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const send = (status: number, payload?: Body): void => {
      const text = payload === undefined ? '' : JSON.stringify(payload)
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.end(text)
      log({
        method: 'GET',
        call: 'artifactcache/cache',
        status,
        ...(payload === undefined ? {} : { body: payload })
      })
    }
    let claims: RuntimeClaims
    let job: Job
    try {
      ;({ job, claims } = authenticate(req))
    } catch (error) {
      send(401, { message: error instanceof Error ? error.message : String(error) })
      return
    }
    const query = new URL(req.url ?? '', 'http://host').searchParams
    const [key, ...restoreKeys] = (query.get('keys') ?? '').split(',')
    const version = query.get('version') ?? ''
    const { read, write } = cacheScopes(claims)
    for (const scope of [...read.filter((s) => s === write), ...read.filter((s) => s !== write)]) {
      const candidates = cache
        .filter(
          (e) =>
            e.repository === job.run.repository &&
            e.scope === scope &&
            e.version === version &&
            e.finalized
        )
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      const found =
        candidates.find((e) => e.key === key) ??
        restoreKeys
          .map((k) => candidates.find((e) => e.key.startsWith(k)))
          .find((e) => e !== undefined)
      if (found)
        return send(200, {
          cacheKey: found.key,
          scope,
          archiveLocation: signedUrl(CACHE_CONTAINER, found.blobName, 'r', truncation !== null)
        })
    }
    send(204)
  }

  /** Forwards a signed download to Azurite, cutting the body short when asked. */
  const handleProxy = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const target = new URL(`${azurite.blobEndpoint}/${(req.url ?? '').slice(PROXY_PREFIX.length)}`)
    const cut = truncation
    const upstream = http.request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (up) => {
        const chunks: Buffer[] = []
        up.on('data', (chunk: Buffer) => chunks.push(chunk))
        up.on('end', () => {
          try {
            forward(Buffer.concat(chunks), up)
          } catch (error) {
            res.writeHead(500, { 'Content-Type': 'text/plain' })
            res.end(error instanceof Error ? error.message : String(error))
            log({ method: req.method ?? '', call: 'blob-proxy', status: 500, body: String(error) })
          }
        })
        up.on('error', () => res.destroy())
      }
    )
    const forward = (whole: Buffer, up: http.IncomingMessage): void => {
      const status = up.statusCode ?? 502
      const headers = { ...up.headers }
      if (cut === null || status !== 200 || req.method === 'HEAD') {
        res.writeHead(status, headers)
        res.end(whole)
        log({ method: req.method ?? '', call: 'blob-proxy', status })
        return
      }
      const keep = keptBytes(whole, cut.keep ?? 'half')
      log({
        method: req.method ?? '',
        call: 'blob-proxy',
        status,
        body: { sent: keep, of: whole.length, cut: cut.cut ?? 'end' }
      })
      if (cut.cut === 'reset') {
        res.writeHead(status, headers)
        res.write(whole.subarray(0, keep), () => res.socket?.destroy())
        return
      }
      delete headers['content-length']
      delete headers['content-md5']
      res.writeHead(status, headers)
      res.end(whole.subarray(0, keep))
    }
    upstream.on('error', () => {
      res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  }

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? ''
    const twirp = /^\/twirp\/([^/]+)\/([^/]+)$/.exec(path)
    if (twirp) {
      void handleTwirp(req, res, twirp[1] as string, twirp[2] as string)
    } else if (path.startsWith(PROXY_PREFIX)) {
      handleProxy(req, res)
    } else if (path === '/_apis/artifactcache/cache' && req.method === 'GET') {
      handleLegacyLookup(req, res)
    } else {
      res.writeHead(404, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ code: 'bad_route', msg: `no route for ${req.method} ${path}` }))
    }
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(0, '127.0.0.1', resolve)
    })
  } catch (error) {
    if (ownsAzurite) await azurite.close()
    throw error
  }
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const artifactById = (id: number): ArtifactRecord => {
    const record = artifacts.find((a) => a.id === id && a.finalized && !a.deleted)
    if (!record) throw new Error(`no finalized artifact with id ${id}`)
    return record
  }

  const finalizedCacheEntries = (key: string): CacheRecord[] => {
    const found = cache.filter((e) => e.key === key && e.finalized)
    if (found.length === 0) throw new Error(`no finalized cache entry with key ${key}`)
    return found
  }

  return {
    url,
    azurite,
    artifactSource: {
      list: (repository, runId) => {
        const run = runsById.get(runId)
        if (!run || run.repository !== repository) return []
        return artifacts.filter((a) => a.run === run && a.finalized && !a.deleted).map(hosted)
      },
      zipUrl: (id) => {
        const record = artifacts.find((a) => a.id === id && a.finalized && !a.deleted)
        if (!record || isExpired(record)) return undefined
        return signedUrl(ARTIFACT_CONTAINER, record.blobName, 'r', truncation !== null)
      },
      runExists: (repository, runId) => runsById.get(runId)?.repository === repository,
      get: (repository, id) => {
        const record = artifacts.find((a) => a.id === id && a.finalized && !a.deleted)
        return record && record.run.repository === repository ? hosted(record) : undefined
      }
    },

    runnerEnv(spec) {
      const job = jobFor(spec)
      const scopes = [
        { Scope: job.ref, Permission: READ | WRITE },
        ...(job.ref === defaultBranch ? [] : [{ Scope: defaultBranch, Permission: READ }])
      ]
      const token = issuer.mint({
        scp: `Actions.ExampleScope Actions.Results:${job.run.backendId}:${job.backendId}`,
        ac: JSON.stringify(scopes),
        orchid: `${job.run.backendId}.${job.id}`
      })
      const [owner] = job.run.repository.split('/')
      return {
        ACTIONS_RUNTIME_TOKEN: token,
        ACTIONS_RESULTS_URL: `${url}/`,
        ACTIONS_CACHE_SERVICE_V2: 'True',
        GITHUB_ACTIONS: 'true',
        CI: 'true',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: job.run.repository,
        GITHUB_REPOSITORY_OWNER: owner ?? '',
        GITHUB_RUN_ID: String(job.run.runId),
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_JOB: job.id,
        GITHUB_REF: job.ref,
        GITHUB_RETENTION_DAYS: String(retentionDays),
        ...(githubApiUrl === undefined ? {} : { GITHUB_API_URL: githubApiUrl })
      }
    },

    setGitHubApiUrl(value) {
      githubApiUrl = value
    },

    backendIds(spec) {
      const job = jobFor(spec)
      return { workflowRunBackendId: job.run.backendId, workflowJobRunBackendId: job.backendId }
    },

    artifacts: () => artifacts.filter((a) => a.finalized && !a.deleted).map(hosted),

    cacheEntries: () =>
      cache.map((e) => ({
        id: e.id,
        repository: e.repository,
        scope: e.scope,
        key: e.key,
        version: e.version,
        size: e.size,
        createdAt: e.createdAt.toISOString(),
        finalized: e.finalized
      })),

    async expireArtifact(id) {
      const record = artifactById(id)
      record.expiresAt = new Date(Date.now() - 1000)
      await (await container(ARTIFACT_CONTAINER)).getBlobClient(record.blobName).deleteIfExists()
    },

    async tamperArtifactBlob(id, mutate) {
      const record = artifactById(id)
      const blob = (await container(ARTIFACT_CONTAINER)).getBlockBlobClient(record.blobName)
      const files = readZip(await blob.downloadToBuffer())
      await mutate(files)
      const zip = writeZip(files)
      await blob.upload(zip, zip.length, {
        blobHTTPHeaders: { blobContentType: 'application/zip' }
      })
    },

    async artifactZip(id) {
      return (await container(ARTIFACT_CONTAINER))
        .getBlockBlobClient(artifactById(id).blobName)
        .downloadToBuffer()
    },

    async replaceArtifactZip(id, zip, options = {}) {
      const record = artifactById(id)
      const blob = (await container(ARTIFACT_CONTAINER)).getBlockBlobClient(record.blobName)
      await blob.upload(zip, zip.length, {
        blobHTTPHeaders: {
          blobContentType: 'application/zip',
          ...(options.contentDisposition
            ? { blobContentDisposition: options.contentDisposition }
            : {})
        }
      })
      if (options.recordDigest) {
        record.digest = `sha256:${createHash('sha256').update(zip).digest('hex')}`
        record.size = zip.length
      }
    },

    truncateDownloads(on) {
      truncation = on === false ? null : on === true ? {} : on
    },

    async deleteCacheEntry(key) {
      const doomed = cache.filter((e) => e.key === key)
      const blobs = await container(CACHE_CONTAINER)
      for (const entry of doomed) {
        cache.splice(cache.indexOf(entry), 1)
        await blobs.getBlobClient(entry.blobName).deleteIfExists()
      }
      return doomed.length
    },

    async tamperCacheBlob(key, mutate) {
      const blobs = await container(CACHE_CONTAINER)
      for (const entry of finalizedCacheEntries(key)) {
        const blob = blobs.getBlockBlobClient(entry.blobName)
        const archive = rewriteCacheArchive(await blob.downloadToBuffer(), mutate)
        await blob.upload(archive, archive.length)
        entry.size = archive.length
      }
    },

    async replaceCacheBlob(key, rewrite) {
      const blobs = await container(CACHE_CONTAINER)
      for (const entry of finalizedCacheEntries(key)) {
        const blob = blobs.getBlockBlobClient(entry.blobName)
        const { compression, entries } = readCacheArchive(await blob.downloadToBuffer())
        const archive = writeCacheArchive(rewrite(entries), compression)
        await blob.upload(archive, archive.length)
        entry.size = archive.length
      }
    },

    get requests() {
      return requests
    },

    clearRequests() {
      requests.length = 0
    },

    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (ownsAzurite) await azurite.close()
    }
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function keptBytes(body: Buffer, keep: number | 'half' | 'whole-entries'): number {
  if (typeof keep === 'number') return Math.max(0, Math.min(keep, body.length - 1))
  const half = Math.floor(body.length / 2)
  if (keep === 'half') return half
  const boundaries = entryBoundaries(body)
  if (boundaries.length === 0)
    throw new Error(
      'truncateDownloads({ keep: "whole-entries" }) needs a zip with at least two entries'
    )
  return boundaries.filter((b) => b <= half).pop() ?? (boundaries[0] as number)
}
