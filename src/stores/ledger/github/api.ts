import { SealError } from '../../../core/errors.js'
import type { Clock } from '../../../http/clock.js'
import {
  type GitHubClient,
  type GitHubResponse,
  gitHubClient,
  requestName
} from '../../../http/github.js'
import type { HttpPolicy } from '../../../http/retry-policy.js'
import { requestFailed, unreadableAnswer, type Blame } from './messages.js'
import { isRecord } from '../../../core/json-shape.js'

/** A deployment, reduced to what the ledger reads. */
export interface ApiDeployment {
  readonly id: string
  readonly task: string
  readonly environment: string
  readonly payload: unknown
  readonly createdAt: string
}

/** A deployment status, reduced to what the ledger reads. */
export interface ApiStatus {
  readonly id: string
  readonly state: string
  readonly createdAt: string
  readonly description: string
  readonly logUrl: string
  readonly environmentUrl: string
}

/** A deployment's statuses, newest first, and GitHub's clock when it listed them. */
export interface ApiStatuses {
  readonly statuses: readonly ApiStatus[]
  /** The Date header of the last page's answer, in ms; NaN when GitHub sent none. */
  readonly serverTime: number
}

export interface DeploymentsApiOptions {
  readonly token: string
  readonly owner: string
  readonly repo: string
  readonly apiUrl: string
  readonly policy: HttpPolicy
  readonly clock?: Clock
  readonly blame: Blame
}

export interface NewDeployment {
  readonly ref: string
  readonly task: string
  readonly environment: string
  readonly payload: Record<string, unknown>
  readonly description: string
}

export interface NewStatus {
  readonly state: 'success' | 'failure' | 'error' | 'inactive' | 'in_progress'
  readonly description: string
  readonly log_url?: string
  readonly environment_url?: string
}

type Response = GitHubResponse

/** How long a Date header stands for GitHub's clock before `serverNow` asks again. */
const CLOCK_FRESH_MS = 10_000

/**
 * How far before the first attempt of a deployment POST the lookup for it reaches back: GitHub
 * stamps created_at when it serves the request, after the clock read before sending it.
 */
const RECOVERY_LOOKBACK_MS = 60_000

/**
 * The Deployments REST endpoints the ledger calls, through octokit, with what octokit leaves
 * out: a timeout per attempt, retries of what is worth retrying, messages that say what to do,
 * and a check of every answer's shape (a body that is not what GitHub sends fails closed).
 */
export class DeploymentsApi {
  private readonly octokit: GitHubClient
  /** GitHub's clock from the newest answer's Date header, and when (on this process's monotonic clock) it came. */
  private lastServerTime: { readonly ms: number; readonly at: number } | null = null

  constructor(private readonly options: DeploymentsApiOptions) {
    this.octokit = gitHubClient({
      token: options.token,
      apiUrl: options.apiUrl,
      policy: options.policy,
      ...(options.clock ? { clock: options.clock } : {}),
      fail: (request, failure, attempts, refusedWait) =>
        requestFailed(options.blame, request, failure, attempts, refusedWait !== null),
      onAnswer: (response) => this.noteServerTime(response.headers.date)
    })
  }

  /**
   * Creates a deployment once, even when an attempt fails after GitHub made it: before each
   * retry of an ambiguous failure, the deployments with the same task and environment made
   * since the first attempt are listed, and one that `isOurs` (the record's key) is taken as
   * the answer instead of making a second.
   */
  async createDeployment(
    deployment: NewDeployment,
    isOurs: (found: ApiDeployment) => boolean
  ): Promise<ApiDeployment> {
    const since = (await this.serverNow()).getTime() - RECOVERY_LOOKBACK_MS
    const recover = async (): Promise<Response | undefined> => {
      for await (const found of this.deployments(
        { environment: deployment.environment, task: deployment.task },
        100
      )) {
        if (isOurs(found)) {
          const data = {
            id: Number(found.id),
            task: found.task,
            environment: found.environment,
            payload: found.payload,
            created_at: found.createdAt
          }
          return {
            status: 201,
            url: `${this.options.apiUrl}/repos/${this.options.owner}/${this.options.repo}/deployments/${found.id}`,
            headers: {},
            data
          }
        }
        if (Date.parse(found.createdAt) < since) return undefined
      }
      return undefined
    }
    const response = await this.octokit.writeOnce(
      () =>
        this.octokit.request('POST /repos/{owner}/{repo}/deployments', {
          owner: this.options.owner,
          repo: this.options.repo,
          ...deployment,
          // Never merge the default branch into the ref, never wait for commit statuses:
          // a ledger entry records what happened, it does not start a deployment.
          auto_merge: false,
          required_contexts: [],
          transient_environment: false
        }),
      recover
    )
    return this.read(response, readDeployment)
  }

  /** One deployment by id. */
  async deployment(deploymentId: string): Promise<ApiDeployment> {
    const response = await this.octokit.request(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}',
      {
        owner: this.options.owner,
        repo: this.options.repo,
        deployment_id: Number(deploymentId)
      }
    )
    return this.read(response, readDeployment)
  }

  /**
   * Posts a status. A retried POST whose first attempt was served leaves two identical
   * statuses; the ledger reads a repeated status as the first one (see history.ts), so no
   * lookup is made before retrying.
   */
  async createStatus(deploymentId: string, status: NewStatus): Promise<ApiStatus> {
    const response = await this.octokit.request(
      'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      {
        owner: this.options.owner,
        repo: this.options.repo,
        deployment_id: Number(deploymentId),
        ...status,
        // The ledger marks the deployment it replaces itself: GitHub's auto_inactive skips
        // production environments, and would also end deployments the ledger did not make.
        auto_inactive: false
      }
    )
    return this.read(response, readStatus)
  }

  /**
   * GitHub's clock: the Date header of the newest answer, when it came in the last few seconds;
   * else that of a cheap request made for it. Never the runner's clock.
   */
  async serverNow(): Promise<Date> {
    const last = this.lastServerTime
    if (last === null || performance.now() - last.at > CLOCK_FRESH_MS) {
      await this.octokit.request('GET /repos/{owner}/{repo}/deployments', {
        owner: this.options.owner,
        repo: this.options.repo,
        per_page: 1
      })
    }
    const known = this.lastServerTime
    if (known === null) {
      throw new SealError(
        'unavailable',
        `${this.options.blame.location}: GitHub's answers carry no Date header, so artifact-seal cannot read ` +
          `GitHub's clock, which soak and order are measured on; ` +
          `the promotion is refused (fail closed). Check any proxy between the runner and ${this.options.blame.apiUrl}.`
      )
    }
    return new Date(known.ms)
  }

  /** Deployments newest first, matching every filter exactly, fetched a page at a time as they are consumed. */
  async *deployments(
    filter: { readonly environment?: string; readonly task?: string },
    perPage: number
  ): AsyncGenerator<ApiDeployment> {
    let response: Response = await this.octokit.request('GET /repos/{owner}/{repo}/deployments', {
      owner: this.options.owner,
      repo: this.options.repo,
      environment: filter.environment,
      task: filter.task,
      per_page: perPage
    })
    for (;;) {
      yield* this.readList(response, readDeployment)
      const next = this.nextPage(response)
      if (next === undefined) return
      response = await this.octokit.request(`GET ${next}`)
    }
  }

  /** Every status of a deployment, newest first, with GitHub's clock when it answered. */
  async statuses(deploymentId: string): Promise<ApiStatuses> {
    const all: ApiStatus[] = []
    let response: Response = await this.octokit.request(
      'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      {
        owner: this.options.owner,
        repo: this.options.repo,
        deployment_id: Number(deploymentId),
        per_page: 100
      }
    )
    for (;;) {
      all.push(...this.readList(response, readStatus))
      const next = this.nextPage(response)
      if (next === undefined)
        return { statuses: all, serverTime: Date.parse(response.headers.date ?? '') }
      response = await this.octokit.request(`GET ${next}`)
    }
  }

  private noteServerTime(date: string | undefined): void {
    const ms = Date.parse(date ?? '')
    if (!Number.isNaN(ms)) this.lastServerTime = { ms, at: performance.now() }
  }

  private read<T>(response: Response, reader: (value: unknown) => T | undefined): T {
    const value = reader(response.data)
    if (value === undefined) throw this.unreadable(response)
    return value
  }

  private readList<T>(response: Response, reader: (value: unknown) => T | undefined): T[] {
    if (!Array.isArray(response.data)) throw this.unreadable(response)
    return response.data.map((item: unknown) => {
      const value = reader(item)
      if (value === undefined) throw this.unreadable(response)
      return value
    })
  }

  private unreadable(response: Response): SealError {
    return unreadableAnswer(
      this.options.blame,
      requestName('GET', response.url),
      response.status,
      response.data
    )
  }

  /** The Link header's rel="next", followed only to the API it came from, since it carries the token. */
  private nextPage(response: Response): string | undefined {
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.link ?? '')?.[1]
    if (next === undefined) return undefined
    if (new URL(next).origin !== new URL(this.options.apiUrl).origin) {
      throw new SealError(
        'refused',
        `${this.options.blame.location}: GitHub's answer to ${requestName('GET', response.url).path} links its ` +
          `next page to ${new URL(next).origin}, ` +
          (`not ${this.options.blame.apiUrl}; artifact-seal does not send the token there, and refuses the ` +
            'promotion (fail closed). Check GITHUB_API_URL.')
      )
    }
    return next
  }
}

/** Ids are numbers (octokit reads ids too large for a double as bigint); the ledger keeps them as text. */
function idOf(value: unknown): string | undefined {
  if ((typeof value === 'number' && Number.isSafeInteger(value)) || typeof value === 'bigint')
    return String(value)
  return undefined
}

function readDeployment(value: unknown): ApiDeployment | undefined {
  if (!isRecord(value)) return undefined
  const id = idOf(value.id)
  const { task, environment, created_at: createdAt, payload } = value
  if (
    id === undefined ||
    typeof task !== 'string' ||
    typeof environment !== 'string' ||
    typeof createdAt !== 'string'
  )
    return undefined
  return { id, task, environment, payload, createdAt }
}

function readStatus(value: unknown): ApiStatus | undefined {
  if (!isRecord(value)) return undefined
  const id = idOf(value.id)
  const { state, created_at: createdAt } = value
  if (id === undefined || typeof state !== 'string' || typeof createdAt !== 'string')
    return undefined
  const text = (v: unknown): string => (typeof v === 'string' ? v : '')
  return {
    id,
    state,
    createdAt,
    description: text(value.description),
    logUrl: text(value.log_url),
    environmentUrl: text(value.environment_url)
  }
}
