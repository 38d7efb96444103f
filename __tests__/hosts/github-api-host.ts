import { createHash, randomBytes } from 'node:crypto'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A GitHub REST peer on loopback for tests: the deployments endpoints the ledger calls and
 * the workflow-artifact endpoints that carrying artifacts between runs calls, answered with
 * the status codes, bodies and headers GitHub sends, so the real octokit client (in the test
 * process, or a bundled action in a child process with GITHUB_API_URL pointing here) runs
 * against it unchanged.
 *
 * What it emulates, and what it simplifies:
 * - Every repository "exists"; repository ids are handed out on first use, and pages link to
 *   `/repositories/{id}/...` as GitHub's Link headers do (both URL forms are routed).
 * - Refs: any 40-hex SHA is accepted (GitHub would check that the commit exists); names must
 *   be made known with `addRef`. An unknown ref is a 422 "No ref found for: x".
 * - `auto_merge`: the host holds no branches, so there is never anything to merge and the flag
 *   has no effect (a real default branch ahead of the ref would answer 202 instead of 201).
 * - `required_contexts`: a ref may be given failing commit-status contexts (`failCommitChecks`).
 *   As on GitHub, an omitted `required_contexts` means "all of them", `[]` means "none", and a
 *   failing required context answers 409 "Conflict: Commit status checks failed for <ref>.".
 * - `auto_inactive` (default true) marks prior non-transient, non-production deployments of
 *   the same environment whose latest status is `success` inactive, as the docs describe;
 *   only a new `success` status triggers it.
 * - Auth: GITHUB_TOKEN-style permissions per token (`deployments`, `actions`, `attestations`);
 *   reads need read, writes need write.
 * - Attestations: `POST /repos/{o}/{r}/attestations` stores a bundle (it must have mediaType,
 *   verificationMaterial and a DSSE envelope whose payload is an in-toto statement) and indexes
 *   it by its subjects' sha256 digests; `GET …/attestations/{subject_digest}` lists them newest
 *   first with `predicate_type` (a URI, or the aliases provenance, sbom, release) and cursor
 *   pagination (`per_page` ≤ 100, `after`/`before`, Link rel="next"/"prev" as GitHub sends),
 *   404 when there are none, as gh expects. Each entry has the bundle inline and a
 *   `bundle_url` served by this host without auth; GitHub's `bundle_url` is a signed storage
 *   URL serving snappy-compressed JSON, here it is plain JSON. Public repositories are not
 *   readable without a token here.
 * Request bodies are kept in the request log so tests can check what a client sent.
 */

export type Permission = 'read' | 'write' | 'none'

export interface TokenPermissions {
  readonly deployments?: Permission
  readonly actions?: Permission
  readonly attestations?: Permission
  readonly issues?: Permission
}

/** An issue as the REST API returns it (the fields artifact-seal and the tests read, and their neighbours). */
export interface IssueJson {
  readonly url: string
  readonly html_url: string
  readonly id: number
  readonly node_id: string
  readonly number: number
  readonly title: string
  readonly body: string | null
  readonly state: 'open' | 'closed'
  readonly state_reason: 'completed' | 'not_planned' | 'reopened' | null
  readonly labels: readonly {
    readonly id: number
    readonly name: string
    readonly color: string
    readonly default: boolean
  }[]
  readonly user: SimpleUser
  readonly comments: number
  readonly created_at: string
  readonly updated_at: string
  readonly closed_at: string | null
}

/** An issue as stored, with its comments, for assertions. */
export interface HostedIssue extends IssueJson {
  readonly commentBodies: readonly string[]
}

/** An attestation as stored, for assertions. */
export interface HostedAttestation {
  readonly id: number
  readonly repositoryId: number
  readonly bundle: Record<string, unknown>
  /** `sha256:<hex>` of each subject of the signed statement. */
  readonly subjectDigests: readonly string[]
  readonly predicateType: string
  readonly createdAt: string
}

/** One workflow artifact as the artifact endpoints show it. */
export interface HostedArtifact {
  readonly id: number
  readonly name: string
  readonly size: number
  readonly runId: number
  readonly createdAt: string
  readonly expiresAt: string
  readonly expired: boolean
  readonly digest?: string
}

/** Where the artifact endpoints read from; another test host (blob storage) usually backs it. */
export interface ArtifactSource {
  list(repository: string, runId: number): HostedArtifact[]
  /** The signed URL the zip endpoint redirects to; undefined answers 404. */
  zipUrl(id: number): string | undefined
  /** Defaults to "the run has at least one artifact". */
  runExists?(repository: string, runId: number): boolean
  /** Looks an artifact up by id; without it, the host finds artifacts it has listed before. */
  get?(repository: string, id: number): HostedArtifact | undefined
}

/**
 * 'served-server-error' and 'served-reset' do the request first (a POST creates what it
 * creates) and then answer 500, or close the connection without an answer: the ambiguous
 * failures after which a client cannot know whether its write was made. 'barrier' holds each
 * matching request, unserved, until `times` of them have arrived, then serves them all in the
 * order they came: two writers racing are forced to have both sent their write before either
 * is made.
 */
export type FaultKind =
  | 'server-error'
  | 'bad-gateway'
  | 'rate-limit'
  | 'secondary-rate-limit'
  | 'slow'
  | 'garbage'
  | 'served-server-error'
  | 'served-reset'
  | 'barrier'

export interface Fault {
  readonly method?: string
  /** Matched against the request's path (no query), in both its `/repos/o/r` and `/repositories/id` forms. */
  readonly path?: RegExp | string
  readonly kind: FaultKind
  /** How many matching requests it answers; 1 by default, Infinity allowed. */
  readonly times?: number
  /** For 'slow': how long before the real answer is sent. */
  readonly delayMs?: number
  /**
   * For 'rate-limit': seconds until x-ratelimit-reset (default 60). For 'secondary-rate-limit':
   * the retry-after header (default 60); null sends none, as GitHub sometimes does.
   */
  readonly retryAfterSeconds?: number | null
  /** For 'secondary-rate-limit': 403 (default) or 429; GitHub sends either. */
  readonly status?: 403 | 429
}

export interface LoggedRequest {
  readonly method: string
  /** The path as requested, without the query. */
  readonly path: string
  /** The path in its `/repos/owner/repo/...` form, whichever form was requested. */
  readonly canonicalPath: string
  readonly query: Readonly<Record<string, string>>
  readonly status: number
  /** Request headers, names in lower case, the authorization value hidden. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
  readonly fault: FaultKind | null
}

export type DeploymentState =
  'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success'

export interface SimpleUser {
  readonly login: string
  readonly id: number
  readonly node_id: string
  readonly avatar_url: string
  readonly url: string
  readonly html_url: string
  readonly type: 'Bot' | 'User'
  readonly site_admin: false
}

/** A deployment status exactly as the API returns it. */
export interface DeploymentStatusJson {
  readonly url: string
  readonly id: number
  readonly node_id: string
  readonly state: DeploymentState
  readonly creator: SimpleUser
  readonly description: string
  readonly environment: string
  readonly target_url: string
  readonly log_url: string
  readonly environment_url: string
  readonly created_at: string
  readonly updated_at: string
  readonly deployment_url: string
  readonly repository_url: string
}

/** A deployment exactly as the API returns it. */
export interface DeploymentJson {
  readonly url: string
  readonly id: number
  readonly node_id: string
  readonly sha: string
  readonly ref: string
  readonly task: string
  readonly payload: Record<string, unknown> | string
  readonly original_environment: string
  readonly environment: string
  readonly description: string | null
  readonly creator: SimpleUser
  readonly created_at: string
  readonly updated_at: string
  readonly statuses_url: string
  readonly repository_url: string
  readonly transient_environment: boolean
  readonly production_environment: boolean
}

/** A deployment with its statuses, newest first, for assertions. */
export interface HostedDeployment extends DeploymentJson {
  readonly statuses: readonly DeploymentStatusJson[]
}

export interface SeedStatus {
  readonly state: DeploymentState
  /** ISO 8601; defaults to the host clock. */
  readonly createdAt?: string
  readonly description?: string
  readonly logUrl?: string
  readonly environmentUrl?: string
}

export interface SeedDeployment {
  readonly repository: string
  readonly environment?: string
  readonly task?: string
  readonly ref?: string
  readonly sha?: string
  readonly payload?: Record<string, unknown> | string
  readonly description?: string | null
  /** ISO 8601; defaults to the host clock. */
  readonly createdAt?: string
  readonly transientEnvironment?: boolean
  readonly productionEnvironment?: boolean
  /** Oldest first, as they would have been posted. */
  readonly statuses?: readonly SeedStatus[]
}

export interface GitHubApiHostOptions {
  /** The default token's value; 'ghs_test-token' unless given. */
  readonly token?: string
  /** The default token's permissions; deployments: write, actions: read and attestations: write unless given. */
  readonly permissions?: TokenPermissions
  readonly artifactSource?: ArtifactSource
  /** The clock created_at and the Date header come from; the real time unless given (see also setNow/advance). */
  readonly now?: () => Date
}

export interface GitHubApiHost {
  /** The base URL, as GITHUB_API_URL. */
  readonly url: string
  /** The default token. */
  readonly token: string
  /** Every request answered since the start or the last clearRequests(), in order. */
  readonly requests: readonly LoggedRequest[]
  clearRequests(): void
  addToken(token: string, permissions: TokenPermissions, login?: string): void
  /** Queues a fault; faults answer matching requests in the order they were injected. */
  inject(fault: Fault): void
  /** How many injected faults still have answers left. */
  pendingFaults(): number
  /** Drops every injected fault, used up or not. */
  clearFaults(): void
  /** Makes a branch or tag name deployable; its SHA is derived from the name unless given. */
  addRef(name: string, sha?: string): void
  /** Gives a ref failing commit-status contexts, which block deployments that require them. */
  failCommitChecks(ref: string, contexts: readonly string[]): void
  /** Adds a deployment and its statuses directly: no auth, no log, explicit times. */
  seedDeployment(seed: SeedDeployment): HostedDeployment
  /** The repository's deployments with their statuses, newest first. */
  deploymentsOf(repository: string): HostedDeployment[]
  /** The repository's attestations, newest first. */
  attestationsOf(repository: string): HostedAttestation[]
  /** The repository's issues with their comments, oldest first. */
  issuesOf(repository: string): HostedIssue[]
  now(): Date
  /** Stops the clock at a time; `advance` moves it on (a running clock too). */
  setNow(time: Date | string): void
  advance(ms: number): void
  close(): Promise<void>
}

const DOCS = 'https://docs.github.com/rest'
const DOCS_DEPLOYMENTS = `${DOCS}/deployments/deployments`
const DOCS_STATUSES = `${DOCS}/deployments/statuses`
const DOCS_ARTIFACTS = `${DOCS}/actions/artifacts`
const DOCS_ATTESTATIONS = `${DOCS}/repos/attestations`
const DOCS_ISSUES = `${DOCS}/issues/issues`
/** GitHub's aliases for `predicate_type`, matched as prefixes of the statement's predicate type. */
const PREDICATE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  provenance: ['https://slsa.dev/provenance/'],
  sbom: ['https://spdx.dev/Document', 'https://cyclonedx.org/bom'],
  release: ['https://in-toto.io/attestation/release/']
}
const DOCS_RATE_LIMITS = `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`
const STATES: readonly DeploymentState[] = [
  'error',
  'failure',
  'inactive',
  'in_progress',
  'queued',
  'pending',
  'success'
]
const RATE_LIMIT = 5000
const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 }

interface StoredStatus {
  readonly json: DeploymentStatusJson
  readonly time: number
}

interface StoredDeployment {
  readonly json: DeploymentJson
  readonly time: number
  readonly statuses: StoredStatus[]
}

interface Repository {
  readonly id: number
  readonly fullName: string
  readonly deployments: StoredDeployment[]
  readonly attestations: HostedAttestation[]
  readonly issues: { json: IssueJson; comments: string[] }[]
}

interface Token {
  readonly permissions: TokenPermissions
  readonly user: SimpleUser
}

/** An answer before the common headers are added. */
interface Answer {
  readonly status: number
  readonly body?: unknown
  readonly raw?: { readonly contentType: string; readonly text: string }
  readonly headers?: Record<string, string>
}

interface Route {
  readonly method: string
  /** Matched against the path after the repository. */
  readonly pattern: RegExp
  /** The GITHUB_TOKEN permission it needs, and how much of it. */
  readonly scope: 'deployments' | 'actions' | 'attestations' | 'issues'
  readonly access: 'read' | 'write'
  readonly docs: string
  readonly handle: (call: Call) => Answer
}

/** One request as the handlers see it. */
interface Call {
  readonly repo: Repository
  readonly params: readonly string[]
  readonly query: URLSearchParams
  readonly body: unknown
  readonly user: SimpleUser
  /** Where pages of this request link to. */
  readonly linkBase: string
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly documentationUrl: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message)
  }
}

const notFound = (docs = DOCS): HttpError => new HttpError(404, 'Not Found', docs)

/** GitHub's timestamps: ISO 8601 to the second. */
function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function parseTime(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const ms = Date.parse(value)
  if (Number.isNaN(ms))
    throw new Error(`seedDeployment: ${JSON.stringify(value)} is not an ISO 8601 time`)
  return ms
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`
}

function requestId(): string {
  const hex = randomBytes(14).toString('hex').toUpperCase()
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 15)}:${hex.slice(15, 22)}:${hex.slice(22, 28)}`
}

function user(login: string, id: number, type: 'Bot' | 'User'): SimpleUser {
  return {
    login,
    id,
    node_id: nodeId(type === 'Bot' ? 'BOT' : 'U', id),
    avatar_url: `https://avatars.githubusercontent.com/in/${id}?v=4`,
    url: `https://api.github.com/users/${encodeURIComponent(login)}`,
    html_url: `https://github.com/apps/${encodeURIComponent(login.replace(/\[bot\]$/, ''))}`,
    type,
    site_admin: false
  }
}

function bool(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback
  if (typeof value !== 'boolean')
    throw invalidField(field, `${JSON.stringify(value)} is not a boolean.`)
  return value
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string')
    throw invalidField(field, `${JSON.stringify(value)} is not a string.`)
  return value
}

/** GitHub's 422 for a request body that does not match the endpoint's schema. */
function invalidField(field: string, detail: string, docs = DOCS_DEPLOYMENTS): HttpError {
  return new HttpError(422, `Invalid request.\n\nFor '${field}', ${detail}`, docs)
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'Problems parsing JSON', DOCS)
  }
  return body as Record<string, unknown>
}

/** per_page and page as GitHub reads them: per_page 30 by default, at most 100. */
function pageOf<T>(items: readonly T[], call: Call): { page: T[]; link: string | undefined } {
  const perPageRaw = Number.parseInt(call.query.get('per_page') ?? '', 10)
  const perPage = Number.isNaN(perPageRaw) || perPageRaw < 1 ? 30 : Math.min(perPageRaw, 100)
  const pageRaw = Number.parseInt(call.query.get('page') ?? '', 10)
  const page = Number.isNaN(pageRaw) || pageRaw < 1 ? 1 : pageRaw
  const last = Math.max(1, Math.ceil(items.length / perPage))
  const slice = items.slice((page - 1) * perPage, page * perPage)
  return { page: slice, link: linkHeader(call, page, last) }
}

/** GitHub's Link header: prev, next, last, first, each keeping the request's other parameters. */
function linkHeader(call: Call, page: number, last: number): string | undefined {
  if (last === 1 && page === 1) return undefined
  const to = (n: number): string => {
    const params = new URLSearchParams(call.query)
    params.delete('page')
    params.append('page', String(n))
    return `<${call.linkBase}?${params.toString()}>`
  }
  const links: string[] = []
  if (page > 1) links.push(`${to(Math.min(page - 1, last))}; rel="prev"`)
  if (page < last) links.push(`${to(page + 1)}; rel="next"`, `${to(last)}; rel="last"`)
  if (page > 1) links.push(`${to(1)}; rel="first"`)
  return links.join(', ')
}

function loggedHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const logged: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) logged[name] = name === 'authorization' ? '[hidden]' : String(value)
  }
  return logged
}

function matches(fault: Fault, method: string, paths: readonly string[]): boolean {
  if (fault.method !== undefined && fault.method.toUpperCase() !== method) return false
  if (fault.path === undefined) return true
  const pattern = fault.path
  return paths.some((p) => (typeof pattern === 'string' ? p === pattern : pattern.test(p)))
}

export async function startGitHubApiHost(
  options: GitHubApiHostOptions = {}
): Promise<GitHubApiHost> {
  const defaultToken = options.token ?? 'ghs_test-token'
  const tokens = new Map<string, Token>()
  const repositories = new Map<string, Repository>()
  const refs = new Map<string, string>()
  const failingChecks = new Map<string, readonly string[]>()
  const listedArtifacts = new Map<number, HostedArtifact>()
  const faults: { fault: Fault; left: number }[] = []
  const log: LoggedRequest[] = []
  const timers = new Set<NodeJS.Timeout>()
  let baseClock: () => Date = options.now ?? (() => new Date())
  let offsetMs = 0
  let nextRepositoryId = 100000
  let nextDeploymentId = 1000
  let nextStatusId = 5000
  let nextAttestationId = 9000
  let used = 0
  let url = ''

  const nowMs = (): number => baseClock().getTime() + offsetMs

  function addToken(token: string, permissions: TokenPermissions, login = ACTIONS_BOT.login): void {
    const id = login === ACTIONS_BOT.login ? ACTIONS_BOT.id : 1000 + tokens.size
    tokens.set(token, {
      permissions,
      user: user(login, id, login.endsWith('[bot]') ? 'Bot' : 'User')
    })
  }
  addToken(
    defaultToken,
    options.permissions ?? {
      deployments: 'write',
      actions: 'read',
      attestations: 'write',
      issues: 'write'
    }
  )

  function repository(fullName: string): Repository {
    const key = fullName.toLowerCase()
    let repo = repositories.get(key)
    if (repo === undefined) {
      repo = { id: nextRepositoryId++, fullName, deployments: [], attestations: [], issues: [] }
      repositories.set(key, repo)
    }
    return repo
  }

  function repositoryById(id: number): Repository | undefined {
    return [...repositories.values()].find((r) => r.id === id)
  }

  const repoUrl = (repo: Repository): string => `${url}/repos/${repo.fullName}`

  function resolveRef(ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/i.test(ref)) return ref.toLowerCase()
    return refs.get(ref) ?? refs.get(ref.replace(/^refs\/(heads|tags)\//, ''))
  }

  function makeDeployment(
    repo: Repository,
    fields: {
      ref: string
      sha: string
      task: string
      payload: Record<string, unknown> | string
      environment: string
      description: string | null
      transient: boolean
      production: boolean
      creator: SimpleUser
      time: number
    }
  ): StoredDeployment {
    const id = nextDeploymentId++
    const self = `${repoUrl(repo)}/deployments/${id}`
    const json: DeploymentJson = {
      url: self,
      id,
      node_id: nodeId('DE', id),
      sha: fields.sha,
      ref: fields.ref,
      task: fields.task,
      payload: fields.payload,
      original_environment: fields.environment,
      environment: fields.environment,
      description: fields.description,
      creator: fields.creator,
      created_at: timestamp(fields.time),
      updated_at: timestamp(fields.time),
      statuses_url: `${self}/statuses`,
      repository_url: repoUrl(repo),
      transient_environment: fields.transient,
      production_environment: fields.production
    }
    const stored: StoredDeployment = { json, time: fields.time, statuses: [] }
    repo.deployments.push(stored)
    return stored
  }

  function makeStatus(
    repo: Repository,
    deployment: StoredDeployment,
    fields: {
      state: DeploymentState
      description: string
      logUrl: string
      environmentUrl: string
      environment: string
      creator: SimpleUser
      time: number
    }
  ): StoredStatus {
    const id = nextStatusId++
    const json: DeploymentStatusJson = {
      url: `${deployment.json.url}/statuses/${id}`,
      id,
      node_id: nodeId('DES', id),
      state: fields.state,
      creator: fields.creator,
      description: fields.description,
      environment: fields.environment,
      target_url: fields.logUrl,
      log_url: fields.logUrl,
      environment_url: fields.environmentUrl,
      created_at: timestamp(fields.time),
      updated_at: timestamp(fields.time),
      deployment_url: deployment.json.url,
      repository_url: repoUrl(repo)
    }
    const stored = { json, time: fields.time }
    deployment.statuses.push(stored)
    return stored
  }

  /** Newest first by creation time, then by id, as the list endpoints order them. */
  const newestFirst = <T extends { time: number; json: { id: number } }>(
    items: readonly T[]
  ): T[] => [...items].sort((a, b) => b.time - a.time || b.json.id - a.json.id)

  const latestState = (d: StoredDeployment): DeploymentState | undefined =>
    newestFirst(d.statuses)[0]?.json.state

  function findDeployment(repo: Repository, id: string | undefined): StoredDeployment {
    const deployment = repo.deployments.find((d) => String(d.json.id) === id)
    if (deployment === undefined) throw notFound(DOCS_DEPLOYMENTS)
    return deployment
  }

  // ---- deployments -------------------------------------------------------------------

  function createDeployment(call: Call): Answer {
    const body = objectBody(call.body)
    const ref = optionalString(body.ref, 'ref')
    if (ref === undefined) {
      throw new HttpError(422, 'Invalid request.\n\n"ref" wasn\'t supplied.', DOCS_DEPLOYMENTS)
    }
    const sha = resolveRef(ref)
    if (sha === undefined) throw new HttpError(422, `No ref found for: ${ref}`, DOCS_DEPLOYMENTS)
    const environment = optionalString(body.environment, 'environment') ?? 'production'
    const task = optionalString(body.task, 'task') ?? 'deploy'
    const description = optionalString(body.description, 'description') ?? ''
    bool(body.auto_merge, 'auto_merge', true)
    const required = body.required_contexts
    if (
      required !== undefined &&
      (!Array.isArray(required) || required.some((c) => typeof c !== 'string'))
    ) {
      throw invalidField(
        'required_contexts',
        `${JSON.stringify(required)} is not an array of strings.`
      )
    }
    const failing = failingChecks.get(ref) ?? []
    const blocking =
      required === undefined ? failing : failing.filter((c) => (required as string[]).includes(c))
    if (blocking.length > 0) {
      throw new HttpError(
        409,
        `Conflict: Commit status checks failed for ${ref}.`,
        DOCS_DEPLOYMENTS,
        {
          errors: [
            {
              contexts: blocking.map((context) => ({ context, state: 'failure' })),
              resource: 'Deployment',
              field: 'required_contexts',
              code: 'invalid'
            }
          ]
        }
      )
    }
    let payload: Record<string, unknown> | string = {}
    if (typeof body.payload === 'string') payload = body.payload
    else if (
      typeof body.payload === 'object' &&
      body.payload !== null &&
      !Array.isArray(body.payload)
    )
      payload = body.payload as Record<string, unknown>
    else if (body.payload !== undefined)
      throw invalidField(
        'payload',
        `${JSON.stringify(body.payload)} is not of type "object", "string".`
      )
    const stored = makeDeployment(call.repo, {
      ref,
      sha,
      task,
      payload,
      environment,
      description,
      transient: bool(body.transient_environment, 'transient_environment', false),
      production: bool(
        body.production_environment,
        'production_environment',
        environment === 'production'
      ),
      creator: call.user,
      time: nowMs()
    })
    return { status: 201, body: stored.json }
  }

  function listDeployments(call: Call): Answer {
    const filters = (['sha', 'ref', 'task', 'environment'] as const).flatMap((name) => {
      const value = call.query.get(name)
      return value === null || value === '' ? [] : [[name, value] as const]
    })
    const found = newestFirst(call.repo.deployments).filter((d) =>
      filters.every(([name, value]) => d.json[name] === value)
    )
    const { page, link } = pageOf(found, call)
    return {
      status: 200,
      body: page.map((d) => d.json),
      headers: link === undefined ? {} : { link }
    }
  }

  function getDeployment(call: Call): Answer {
    return { status: 200, body: findDeployment(call.repo, call.params[0]).json }
  }

  function createStatus(call: Call): Answer {
    const deployment = findDeployment(call.repo, call.params[0])
    const body = objectBody(call.body)
    const state = body.state
    if (typeof state !== 'string' || !STATES.includes(state as DeploymentState)) {
      throw invalidField(
        'state',
        `${JSON.stringify(state)} is not a member of ${JSON.stringify(STATES)}.`,
        DOCS_STATUSES
      )
    }
    const description = optionalString(body.description, 'description') ?? ''
    if (description.length > 140) {
      throw new HttpError(422, 'Validation Failed', DOCS_STATUSES, {
        errors: [
          {
            resource: 'DeploymentStatus',
            code: 'custom',
            field: 'description',
            message: 'description is too long (maximum is 140 characters)'
          }
        ]
      })
    }
    const logUrl =
      optionalString(body.log_url, 'log_url') ?? optionalString(body.target_url, 'target_url') ?? ''
    const previous = newestFirst(deployment.statuses)[0]
    const environment =
      optionalString(body.environment, 'environment') ??
      previous?.json.environment ??
      deployment.json.environment
    const time = nowMs()
    const stored = makeStatus(call.repo, deployment, {
      state: state as DeploymentState,
      description,
      logUrl,
      environmentUrl: optionalString(body.environment_url, 'environment_url') ?? '',
      environment,
      creator: call.user,
      time
    })
    if (state === 'success' && bool(body.auto_inactive, 'auto_inactive', true)) {
      for (const prior of call.repo.deployments) {
        const eligible =
          prior !== deployment &&
          prior.json.id < deployment.json.id &&
          prior.json.environment === deployment.json.environment &&
          !prior.json.transient_environment &&
          !prior.json.production_environment &&
          latestState(prior) === 'success'
        if (!eligible) continue
        makeStatus(call.repo, prior, {
          state: 'inactive',
          description: '',
          logUrl: '',
          environmentUrl: '',
          environment: prior.json.environment,
          creator: call.user,
          time
        })
      }
    }
    return { status: 201, body: stored.json, headers: { location: stored.json.url } }
  }

  function listStatuses(call: Call): Answer {
    const deployment = findDeployment(call.repo, call.params[0])
    const { page, link } = pageOf(newestFirst(deployment.statuses), call)
    return {
      status: 200,
      body: page.map((s) => s.json),
      headers: link === undefined ? {} : { link }
    }
  }

  // ---- workflow artifacts ------------------------------------------------------------

  function artifactSource(): ArtifactSource {
    if (options.artifactSource === undefined) throw notFound(DOCS_ARTIFACTS)
    return options.artifactSource
  }

  function artifactJson(repo: Repository, a: HostedArtifact): Record<string, unknown> {
    const self = `${repoUrl(repo)}/actions/artifacts/${a.id}`
    return {
      id: a.id,
      node_id: nodeId('MDg6QXJ0aWZhY3Q', a.id),
      name: a.name,
      size_in_bytes: a.size,
      url: self,
      archive_download_url: `${self}/zip`,
      expired: a.expired,
      created_at: a.createdAt,
      expires_at: a.expiresAt,
      updated_at: a.createdAt,
      digest: a.digest ?? null,
      workflow_run: { id: a.runId, repository_id: repo.id, head_repository_id: repo.id }
    }
  }

  function runExists(repo: Repository, runId: number): boolean {
    const source = artifactSource()
    return source.runExists?.(repo.fullName, runId) ?? source.list(repo.fullName, runId).length > 0
  }

  function listArtifacts(call: Call): Answer {
    const runId = Number(call.params[0])
    if (!runExists(call.repo, runId)) throw notFound(DOCS_ARTIFACTS)
    const name = call.query.get('name')
    const all = artifactSource().list(call.repo.fullName, runId)
    for (const a of all) listedArtifacts.set(a.id, a)
    const found = all.filter((a) => name === null || a.name === name)
    const { page, link } = pageOf(found, call)
    return {
      status: 200,
      body: { total_count: found.length, artifacts: page.map((a) => artifactJson(call.repo, a)) },
      headers: link === undefined ? {} : { link }
    }
  }

  function findArtifact(repo: Repository, id: number): HostedArtifact {
    const artifact = artifactSource().get?.(repo.fullName, id) ?? listedArtifacts.get(id)
    if (artifact === undefined) throw notFound(DOCS_ARTIFACTS)
    return artifact
  }

  function getArtifact(call: Call): Answer {
    return {
      status: 200,
      body: artifactJson(call.repo, findArtifact(call.repo, Number(call.params[0])))
    }
  }

  function downloadArtifact(call: Call): Answer {
    const id = Number(call.params[0])
    const artifact = findArtifact(call.repo, id)
    if (artifact.expired) throw new HttpError(410, 'Artifact has expired', DOCS_ARTIFACTS)
    const location = artifactSource().zipUrl(id)
    if (location === undefined) throw notFound(DOCS_ARTIFACTS)
    return {
      status: 302,
      headers: { location },
      raw: { contentType: 'text/plain; charset=utf-8', text: '' }
    }
  }

  function getRun(call: Call): Answer {
    const runId = Number(call.params[0])
    if (!runExists(call.repo, runId)) throw notFound(`${DOCS}/actions/workflow-runs`)
    const created = timestamp(nowMs())
    const [owner = '', name = ''] = call.repo.fullName.split('/')
    return {
      status: 200,
      body: {
        id: runId,
        name: 'CI',
        node_id: nodeId('WFR', runId),
        run_number: runId,
        run_attempt: 1,
        event: 'push',
        status: 'completed',
        conclusion: 'success',
        url: `${repoUrl(call.repo)}/actions/runs/${runId}`,
        html_url: `https://github.com/${call.repo.fullName}/actions/runs/${runId}`,
        artifacts_url: `${repoUrl(call.repo)}/actions/runs/${runId}/artifacts`,
        created_at: created,
        updated_at: created,
        repository: {
          id: call.repo.id,
          name,
          full_name: call.repo.fullName,
          owner: { login: owner }
        }
      }
    }
  }

  // ---- attestations ------------------------------------------------------------------

  /** The signed statement's predicate type and subject digests, or a 422 saying what is wrong. */
  function readAttestedStatement(bundle: Record<string, unknown>): {
    predicateType: string
    subjectDigests: string[]
  } {
    const invalid = (detail: string): HttpError =>
      new HttpError(422, `Invalid request.\n\n${detail}`, DOCS_ATTESTATIONS)
    for (const field of ['mediaType', 'verificationMaterial', 'dsseEnvelope'] as const) {
      const value = bundle[field]
      const ok =
        field === 'mediaType'
          ? typeof value === 'string' && value !== ''
          : typeof value === 'object' && value !== null && !Array.isArray(value)
      if (!ok) throw invalid(`"bundle.${field}" wasn't supplied or is not valid.`)
    }
    const envelope = bundle.dsseEnvelope as {
      payload?: unknown
      payloadType?: unknown
      signatures?: unknown
    }
    if (
      typeof envelope.payload !== 'string' ||
      typeof envelope.payloadType !== 'string' ||
      !Array.isArray(envelope.signatures) ||
      envelope.signatures.length === 0
    ) {
      throw invalid('"bundle.dsseEnvelope" must have a payload, a payloadType and signatures.')
    }
    let statement: { predicateType?: unknown; subject?: unknown }
    try {
      statement = JSON.parse(
        Buffer.from(envelope.payload, 'base64').toString('utf8')
      ) as typeof statement
    } catch {
      throw invalid('The DSSE payload is not an in-toto statement.')
    }
    const subjects = Array.isArray(statement?.subject)
      ? (statement.subject as { digest?: Record<string, unknown> }[])
      : []
    const subjectDigests = subjects.flatMap((s) =>
      typeof s?.digest?.sha256 === 'string' ? [`sha256:${s.digest.sha256.toLowerCase()}`] : []
    )
    if (typeof statement?.predicateType !== 'string' || subjectDigests.length === 0)
      throw invalid(
        'The in-toto statement needs a predicateType and at least one subject with a sha256 digest.'
      )
    return { predicateType: statement.predicateType, subjectDigests }
  }

  function createAttestation(call: Call): Answer {
    const body = objectBody(call.body)
    const bundle = body.bundle
    if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle)) {
      throw new HttpError(422, 'Invalid request.\n\n"bundle" wasn\'t supplied.', DOCS_ATTESTATIONS)
    }
    const read = readAttestedStatement(bundle as Record<string, unknown>)
    const id = nextAttestationId++
    call.repo.attestations.push({
      id,
      repositoryId: call.repo.id,
      bundle: bundle as Record<string, unknown>,
      ...read,
      createdAt: timestamp(nowMs())
    })
    return { status: 201, body: { id } }
  }

  const bundleUrl = (id: number): string => `${url}/attestation-bundles/${id}`
  const cursorOf = (index: number): string =>
    Buffer.from(`cursor:v2:${index}`).toString('base64url')
  function indexOfCursor(cursor: string): number {
    const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (!match) throw new HttpError(400, 'Invalid cursor', DOCS_ATTESTATIONS)
    return Number(match[1])
  }

  function listAttestations(call: Call): Answer {
    const digest = decodeURIComponent(call.params[0] ?? '').toLowerCase()
    const wanted = call.query.get('predicate_type')
    const aliases = wanted === null ? undefined : PREDICATE_ALIASES[wanted]
    const matching = [...call.repo.attestations]
      .reverse()
      .filter((a) => a.subjectDigests.includes(digest))
      .filter(
        (a) =>
          wanted === null ||
          wanted === '' ||
          (aliases
            ? aliases.some((p) => a.predicateType.startsWith(p))
            : a.predicateType === wanted)
      )
    if (matching.length === 0) throw notFound(DOCS_ATTESTATIONS)
    const perPageRaw = Number.parseInt(call.query.get('per_page') ?? '', 10)
    const perPage = Number.isNaN(perPageRaw) || perPageRaw < 1 ? 30 : Math.min(perPageRaw, 100)
    const after = call.query.get('after')
    const before = call.query.get('before')
    let start = 0
    if (after) start = indexOfCursor(after) + 1
    else if (before) start = Math.max(0, indexOfCursor(before) - perPage)
    const end =
      before && !after ? Math.min(indexOfCursor(before), start + perPage) : start + perPage
    const page = matching.slice(start, end)
    const link = (rel: string, cursor: string): string => {
      const params = new URLSearchParams(call.query)
      params.delete('after')
      params.delete('before')
      params.delete('page')
      params.set(rel === 'next' ? 'after' : 'before', cursor)
      return `<${call.linkBase}?${params.toString()}>; rel="${rel}"`
    }
    const links: string[] = []
    if (end < matching.length && page.length > 0) links.push(link('next', cursorOf(end - 1)))
    if (start > 0 && page.length > 0) links.push(link('prev', cursorOf(start)))
    return {
      status: 200,
      body: {
        attestations: page.map((a) => ({
          bundle: a.bundle,
          repository_id: a.repositoryId,
          bundle_url: bundleUrl(a.id),
          initiator: 'user'
        }))
      },
      headers: links.length === 0 ? {} : { link: links.join(', ') }
    }
  }

  function findBundle(id: number): HostedAttestation | undefined {
    for (const repo of repositories.values()) {
      const found = repo.attestations.find((a) => a.id === id)
      if (found) return found
    }
    return undefined
  }

  // ---- routing -----------------------------------------------------------------------

  const routes: readonly Route[] = [
    {
      method: 'GET',
      pattern: /^\/deployments$/,
      scope: 'deployments',
      access: 'read',
      docs: DOCS_DEPLOYMENTS,
      handle: listDeployments
    },
    {
      method: 'POST',
      pattern: /^\/deployments$/,
      scope: 'deployments',
      access: 'write',
      docs: DOCS_DEPLOYMENTS,
      handle: createDeployment
    },
    {
      method: 'GET',
      pattern: /^\/deployments\/(\d+)$/,
      scope: 'deployments',
      access: 'read',
      docs: DOCS_DEPLOYMENTS,
      handle: getDeployment
    },
    {
      method: 'GET',
      pattern: /^\/deployments\/(\d+)\/statuses$/,
      scope: 'deployments',
      access: 'read',
      docs: DOCS_STATUSES,
      handle: listStatuses
    },
    {
      method: 'POST',
      pattern: /^\/deployments\/(\d+)\/statuses$/,
      scope: 'deployments',
      access: 'write',
      docs: DOCS_STATUSES,
      handle: createStatus
    },
    {
      method: 'GET',
      pattern: /^\/actions\/runs\/(\d+)\/artifacts$/,
      scope: 'actions',
      access: 'read',
      docs: DOCS_ARTIFACTS,
      handle: listArtifacts
    },
    {
      method: 'GET',
      pattern: /^\/actions\/runs\/(\d+)$/,
      scope: 'actions',
      access: 'read',
      docs: `${DOCS}/actions/workflow-runs`,
      handle: getRun
    },
    {
      method: 'GET',
      pattern: /^\/actions\/artifacts\/(\d+)$/,
      scope: 'actions',
      access: 'read',
      docs: DOCS_ARTIFACTS,
      handle: getArtifact
    },
    {
      method: 'GET',
      pattern: /^\/actions\/artifacts\/(\d+)\/zip$/,
      scope: 'actions',
      access: 'read',
      docs: DOCS_ARTIFACTS,
      handle: downloadArtifact
    },
    {
      method: 'POST',
      pattern: /^\/attestations$/,
      scope: 'attestations',
      access: 'write',
      docs: DOCS_ATTESTATIONS,
      handle: createAttestation
    },
    {
      method: 'GET',
      pattern: /^\/attestations\/([^/]+)$/,
      scope: 'attestations',
      access: 'read',
      docs: DOCS_ATTESTATIONS,
      handle: listAttestations
    },
    {
      method: 'GET',
      pattern: /^\/issues$/,
      scope: 'issues',
      access: 'read',
      docs: DOCS_ISSUES,
      handle: listIssues
    },
    {
      method: 'POST',
      pattern: /^\/issues$/,
      scope: 'issues',
      access: 'write',
      docs: DOCS_ISSUES,
      handle: createIssue
    },
    {
      method: 'PATCH',
      pattern: /^\/issues\/(\d+)$/,
      scope: 'issues',
      access: 'write',
      docs: DOCS_ISSUES,
      handle: updateIssue
    },
    {
      method: 'POST',
      pattern: /^\/issues\/(\d+)\/comments$/,
      scope: 'issues',
      access: 'write',
      docs: `${DOCS}/issues/comments`,
      handle: createComment
    }
  ]

  // ---- issues (what GitHub's description of these endpoints says; fields checked as GitHub does) ----

  let nextIssueId = 70000
  let nextLabelId = 600

  function findIssue(
    repo: Repository,
    number: string | undefined
  ): { json: IssueJson; comments: string[] } {
    const found = repo.issues.find((i) => String(i.json.number) === number)
    if (found === undefined) throw notFound(DOCS_ISSUES)
    return found
  }

  function labelsOf(value: unknown): string[] {
    if (value === undefined) return []
    if (
      !Array.isArray(value) ||
      value.some(
        (l) =>
          typeof l !== 'string' &&
          (typeof l !== 'object' ||
            l === null ||
            typeof (l as { name?: unknown }).name !== 'string')
      )
    ) {
      throw invalidField(
        'labels',
        `${JSON.stringify(value)} is not of type "array" of strings or label objects.`,
        DOCS_ISSUES
      )
    }
    return value.map((l) => (typeof l === 'string' ? l : (l as { name: string }).name))
  }

  function label(name: string): IssueJson['labels'][number] {
    return { id: nextLabelId++, name, color: 'ededed', default: false }
  }

  function listIssues(call: Call): Answer {
    const state = call.query.get('state') ?? 'open'
    if (!['open', 'closed', 'all'].includes(state))
      throw invalidField('state', `"${state}" is not one of open, closed, all.`, DOCS_ISSUES)
    const wanted = (call.query.get('labels') ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter((l) => l !== '')
    const found = [...call.repo.issues]
      .reverse()
      .map((i) => i.json)
      .filter(
        (i) =>
          (state === 'all' || i.state === state) &&
          wanted.every((w) => i.labels.some((l) => l.name.toLowerCase() === w.toLowerCase()))
      )
    const { page, link } = pageOf(found, call)
    return { status: 200, body: page, headers: link === undefined ? {} : { link } }
  }

  function createIssue(call: Call): Answer {
    const body = objectBody(call.body)
    const title = body.title
    if (typeof title !== 'string' && typeof title !== 'number')
      throw invalidField(
        'title',
        `${JSON.stringify(title)} is not of type "string", "integer".`,
        DOCS_ISSUES
      )
    const text = optionalString(body.body, 'body') ?? null
    if (text !== null && text.length > 65536)
      throw invalidField('body', 'is too long (maximum is 65536 characters).', DOCS_ISSUES)
    const number = call.repo.issues.length + 1
    const id = nextIssueId++
    const at = timestamp(nowMs())
    const json: IssueJson = {
      url: `${repoUrl(call.repo)}/issues/${number}`,
      html_url: `https://github.com/${call.repo.fullName}/issues/${number}`,
      id,
      node_id: nodeId('I', id),
      number,
      title: String(title),
      body: text,
      state: 'open',
      state_reason: null,
      labels: labelsOf(body.labels).map(label),
      user: call.user,
      comments: 0,
      created_at: at,
      updated_at: at,
      closed_at: null
    }
    call.repo.issues.push({ json, comments: [] })
    return { status: 201, body: json }
  }

  function updateIssue(call: Call): Answer {
    const issue = findIssue(call.repo, call.params[0])
    const body = objectBody(call.body)
    const state = optionalString(body.state, 'state')
    if (state !== undefined && state !== 'open' && state !== 'closed')
      throw invalidField('state', `"${state}" is not one of open, closed.`, DOCS_ISSUES)
    const reason = optionalString(body.state_reason, 'state_reason')
    if (reason !== undefined && !['completed', 'not_planned', 'reopened'].includes(reason))
      throw invalidField(
        'state_reason',
        `"${reason}" is not one of completed, not_planned, reopened.`,
        DOCS_ISSUES
      )
    const at = timestamp(nowMs())
    const next = state ?? issue.json.state
    issue.json = {
      ...issue.json,
      ...(body.title !== undefined ? { title: String(body.title) } : {}),
      ...(body.body !== undefined ? { body: optionalString(body.body, 'body') ?? null } : {}),
      ...(body.labels !== undefined ? { labels: labelsOf(body.labels).map(label) } : {}),
      state: next,
      state_reason:
        next === 'closed'
          ? ((reason as IssueJson['state_reason']) ?? 'completed')
          : state === 'open' && issue.json.state === 'closed'
            ? 'reopened'
            : issue.json.state_reason,
      closed_at: next === 'closed' ? (issue.json.closed_at ?? at) : null,
      updated_at: at
    }
    return { status: 200, body: issue.json }
  }

  function createComment(call: Call): Answer {
    const issue = findIssue(call.repo, call.params[0])
    const body = objectBody(call.body)
    const text = body.body
    if (typeof text !== 'string')
      throw invalidField(
        'body',
        `${JSON.stringify(text)} is not of type "string".`,
        `${DOCS}/issues/comments`
      )
    issue.comments.push(text)
    issue.json = { ...issue.json, comments: issue.comments.length, updated_at: timestamp(nowMs()) }
    const id = nextIssueId++
    return {
      status: 201,
      body: {
        id,
        node_id: nodeId('IC', id),
        url: `${repoUrl(call.repo)}/issues/comments/${id}`,
        html_url: `${issue.json.html_url}#issuecomment-${id}`,
        body: text,
        user: call.user,
        created_at: issue.json.updated_at,
        updated_at: issue.json.updated_at
      }
    }
  }

  /** Splits `/repos/o/r/rest` or `/repositories/id/rest` into the repository and the rest. */
  function locate(pathname: string): { repo: Repository; rest: string } | undefined {
    const byName = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(pathname)
    if (byName)
      return {
        repo: repository(
          `${decodeURIComponent(byName[1] ?? '')}/${decodeURIComponent(byName[2] ?? '')}`
        ),
        rest: byName[3] ?? ''
      }
    const byId = /^\/repositories\/(\d+)(\/.*)?$/.exec(pathname)
    const repo = byId ? repositoryById(Number(byId[1])) : undefined
    return byId && repo ? { repo, rest: byId[2] ?? '' } : undefined
  }

  function authenticate(header: string | undefined): Token {
    if (header === undefined || header.trim() === '')
      throw new HttpError(401, 'Requires authentication', DOCS)
    const match = /^(?:bearer|token)\s+(\S+)\s*$/i.exec(header)
    const token = match ? tokens.get(match[1] ?? '') : undefined
    if (token === undefined) throw new HttpError(401, 'Bad credentials', DOCS)
    return token
  }

  function route(
    method: string,
    pathname: string,
    query: URLSearchParams,
    body: unknown,
    auth: string | undefined
  ): Answer {
    // A bundle_url is a pre-signed storage URL: no token.
    const stored = method === 'GET' ? /^\/attestation-bundles\/(\d+)$/.exec(pathname) : null
    if (stored) {
      const attestation = findBundle(Number(stored[1]))
      if (attestation === undefined) throw notFound(DOCS_ATTESTATIONS)
      return { status: 200, body: attestation.bundle }
    }
    const token = authenticate(auth)
    const located = locate(pathname)
    if (located === undefined) throw notFound()
    for (const r of routes) {
      const params = r.method === method ? r.pattern.exec(located.rest) : null
      if (params === null) continue
      const granted = token.permissions[r.scope] ?? 'none'
      if (granted === 'none' || (r.access === 'write' && granted !== 'write')) {
        throw new HttpError(403, 'Resource not accessible by integration', r.docs)
      }
      return r.handle({
        repo: located.repo,
        params: params.slice(1),
        query,
        body,
        user: token.user,
        linkBase: `${url}/repositories/${located.repo.id}${located.rest}`
      })
    }
    throw notFound()
  }

  // ---- faults ------------------------------------------------------------------------

  const barriers = new Map<Fault, { arrived: number; open: Promise<void>; release: () => void }>()
  /** Waits until `times` requests have arrived at this barrier. */
  async function barrier(fault: Fault): Promise<void> {
    let state = barriers.get(fault)
    if (state === undefined) {
      let release: () => void = () => undefined
      const open = new Promise<void>((resolve) => (release = resolve))
      state = { arrived: 0, open, release }
      barriers.set(fault, state)
    }
    state.arrived += 1
    if (state.arrived >= (fault.times ?? 1)) state.release()
    await state.open
  }

  function takeFault(method: string, paths: readonly string[]): Fault | undefined {
    const slot = faults.find((f) => f.left > 0 && matches(f.fault, method, paths))
    if (slot === undefined) return undefined
    slot.left -= 1
    return slot.fault
  }

  function faultAnswer(fault: Fault, id: string): Answer | undefined {
    const nowSeconds = Math.floor(nowMs() / 1000)
    switch (fault.kind) {
      case 'server-error':
        return { status: 500, body: { message: 'Server Error' } }
      case 'bad-gateway':
        return {
          status: 502,
          raw: {
            contentType: 'text/html; charset=utf-8',
            text: '<html><body><h1>502 Bad Gateway</h1>\n<p>Unicorn!</p></body></html>\n'
          }
        }
      case 'garbage':
        return {
          status: 200,
          raw: {
            contentType: 'application/json; charset=utf-8',
            text: '[{"id": 1, "task": "deploy", "pay'
          }
        }
      case 'rate-limit': {
        const reset = nowSeconds + (fault.retryAfterSeconds ?? 60)
        return {
          status: 403,
          body: {
            message: 'API rate limit exceeded for installation ID 12345678.',
            documentation_url: DOCS_RATE_LIMITS
          },
          headers: {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-used': String(RATE_LIMIT),
            'x-ratelimit-reset': String(reset)
          }
        }
      }
      case 'secondary-rate-limit': {
        const retryAfter = fault.retryAfterSeconds === undefined ? 60 : fault.retryAfterSeconds
        return {
          status: fault.status ?? 403,
          body: {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try ' +
              'again. If you reach out to GitHub Support for help, please include the ' +
              `request ID ${id}.`,
            documentation_url: `${DOCS_RATE_LIMITS}#about-secondary-rate-limits`
          },
          headers: retryAfter === null ? {} : { 'retry-after': String(retryAfter) }
        }
      }
      case 'slow':
      case 'served-server-error':
      case 'served-reset':
      case 'barrier':
        return undefined
    }
  }

  // ---- the server --------------------------------------------------------------------

  function send(res: http.ServerResponse, answer: Answer, id: string): void {
    if (res.destroyed || res.writableEnded) return
    // GitHub's Date header is its own clock: the host's, so clients measure time on it.
    const nowSeconds = Math.floor(nowMs() / 1000)
    used += 1
    const headers: Record<string, string> = {
      date: new Date(nowSeconds * 1000).toUTCString(),
      'x-github-request-id': id,
      'x-github-api-version-selected': '2022-11-28',
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-reset': String(nowSeconds + 3600),
      'x-ratelimit-used': String(used),
      'x-ratelimit-resource': 'core',
      ...answer.headers
    }
    const text = answer.raw?.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body))
    headers['content-type'] = answer.raw?.contentType ?? 'application/json; charset=utf-8'
    headers['content-length'] = String(Buffer.byteLength(text))
    res.writeHead(answer.status, headers)
    res.end(text)
  }

  function errorAnswer(error: HttpError): Answer {
    return {
      status: error.status,
      body: {
        message: error.message,
        ...error.extra,
        documentation_url: error.documentationUrl,
        status: String(error.status)
      }
    }
  }

  function parseBody(text: string): unknown {
    if (text === '') return undefined
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw new HttpError(400, 'Problems parsing JSON', DOCS)
    }
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const method = (req.method ?? 'GET').toUpperCase()
    const parsed = new URL(req.url ?? '/', url)
    const located = locate(parsed.pathname)
    const canonicalPath = located
      ? `/repos/${located.repo.fullName}${located.rest}`
      : parsed.pathname
    const id = requestId()
    const text = Buffer.concat(chunks).toString('utf8')
    let body: unknown = text
    let answer: Answer
    const fault = takeFault(method, [parsed.pathname, canonicalPath])
    if (fault?.kind === 'barrier') await barrier(fault)
    try {
      body = parseBody(text)
      answer =
        (fault && faultAnswer(fault, id)) ??
        route(method, parsed.pathname, parsed.searchParams, body, req.headers.authorization)
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      answer = errorAnswer(error)
    }
    // Served: whatever the route did is done; the answer is what gets lost.
    if (fault?.kind === 'served-server-error')
      answer = { status: 500, body: { message: 'Server Error' } }
    log.push({
      method,
      path: parsed.pathname,
      canonicalPath,
      query: Object.fromEntries(parsed.searchParams),
      status: answer.status,
      headers: loggedHeaders(req.headers),
      body,
      fault: fault?.kind ?? null
    })
    if (fault?.kind === 'served-reset') {
      res.socket?.destroy()
      return
    }
    if (fault?.kind === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer)
        send(res, answer, id)
      }, fault.delayMs ?? 1000)
      timers.add(timer)
      return
    }
    send(res, answer, id)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(
        res,
        {
          status: 500,
          body: { message: `test host: ${error instanceof Error ? error.message : String(error)}` }
        },
        requestId()
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    token: defaultToken,
    get requests() {
      return log
    },
    clearRequests: () => void log.splice(0),
    addToken,
    inject(fault) {
      faults.push({ fault, left: fault.times ?? 1 })
    },
    pendingFaults: () => faults.filter((f) => f.left > 0).length,
    clearFaults: () => void faults.splice(0),
    addRef(name, sha) {
      refs.set(name, (sha ?? createHash('sha1').update(name).digest('hex')).toLowerCase())
    },
    failCommitChecks(ref, contexts) {
      failingChecks.set(ref, [...contexts])
    },
    seedDeployment(seed) {
      const repo = repository(seed.repository)
      const environment = seed.environment ?? 'production'
      const ref =
        seed.ref ?? seed.sha ?? createHash('sha1').update(`seed-${nextDeploymentId}`).digest('hex')
      const stored = makeDeployment(repo, {
        ref,
        sha: seed.sha ?? resolveRef(ref) ?? createHash('sha1').update(ref).digest('hex'),
        task: seed.task ?? 'deploy',
        payload: seed.payload ?? {},
        environment,
        description: seed.description === undefined ? '' : seed.description,
        transient: seed.transientEnvironment ?? false,
        production: seed.productionEnvironment ?? environment === 'production',
        creator: user(ACTIONS_BOT.login, ACTIONS_BOT.id, 'Bot'),
        time: parseTime(seed.createdAt, nowMs())
      })
      for (const status of seed.statuses ?? []) {
        makeStatus(repo, stored, {
          state: status.state,
          description: status.description ?? '',
          logUrl: status.logUrl ?? '',
          environmentUrl: status.environmentUrl ?? '',
          environment,
          creator: stored.json.creator,
          time: parseTime(status.createdAt, nowMs())
        })
      }
      return { ...stored.json, statuses: newestFirst(stored.statuses).map((s) => s.json) }
    },
    issuesOf(fullName) {
      return (repositories.get(fullName.toLowerCase())?.issues ?? []).map((i) => ({
        ...i.json,
        commentBodies: [...i.comments]
      }))
    },
    attestationsOf(fullName) {
      return [...(repositories.get(fullName.toLowerCase())?.attestations ?? [])].reverse()
    },
    deploymentsOf(fullName) {
      const repo = repositories.get(fullName.toLowerCase())
      return newestFirst(repo?.deployments ?? []).map((d) => ({
        ...d.json,
        statuses: newestFirst(d.statuses).map((s) => s.json)
      }))
    },
    now: () => new Date(nowMs()),
    setNow(time) {
      const fixed = new Date(time)
      baseClock = () => fixed
      offsetMs = 0
    },
    advance(ms) {
      offsetMs += ms
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
