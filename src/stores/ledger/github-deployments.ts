/**
 * The ledger on GitHub: promotion records as deployments of the Deployments REST API, so
 * what runs where shows on the repository's Environments page, and the history lives with
 * the repository rather than in a file a job has to carry around.
 *
 * The mapping:
 * - A promotion, rollback or refusal is one deployment to `record.environment`, with task
 *   `deploy:<digest>` and the whole record in its payload (`{"artifact-seal": 1, record}`).
 *   The task carries the digest because the list endpoint filters on task (and environment,
 *   ref, sha) exactly, never on the payload: every question about one digest is one filtered
 *   list, whatever the length of the history.
 * - Its status says what happened: `success` for a promotion or rollback (log_url is the run,
 *   environment_url the record's), `failure` with the reason for a refusal. When a digest goes
 *   live, the deployment that was live before gets an `inactive` status, posted by the ledger
 *   itself: GitHub's auto_inactive skips production environments.
 * - A veto is a deployment with task `veto:<digest>` and an `error` status with the reason.
 * - Live stretches come from the statuses' server times: from a `success` until the next status
 *   that is not `success` (the `inactive`), open while the newest status is still `success`.
 * - Deployments are made on the commit that sealed the digest when it belongs to this
 *   repository, else on `ref` (GITHUB_SHA): GitHub wants a ref of the repository.
 * - Deployments made by others (task not ours, no "artifact-seal" payload key) are ignored; one
 *   of ours whose record cannot be read fails every read that meets it (fail closed).
 * - Entry ids are deployment ids.
 */
import { type Digest, shortDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { makesLive, type LedgerEntry, type LiveSpan, type PromotionRecord } from '../../core/promotion/record.js'
import { DeploymentsApi, type NewStatus } from './github/api.js'
import { newestFirst } from './github/merge.js'
import { REPLACED_PREFIX, descriptionFor, kindOf, payloadFor, recordOf, taskFor, truncate, type ReadContext } from './github/records.js'
import { DEFAULT_RETRY, type RetryOptions } from './github/retry-policy.js'
import { stretchesOf } from './github/stretches.js'
import type { Ledger } from './ledger.js'

export type { RetryOptions } from './github/retry-policy.js'

export interface GitHubDeploymentsLedgerOptions {
  readonly token: string
  /** owner/name */
  readonly repository: string
  /** The REST API's base URL (GITHUB_API_URL). */
  readonly apiUrl: string
  /** For links people open (GITHUB_SERVER_URL); https://github.com by default. */
  readonly serverUrl?: string
  /** The commit to make deployments on when the record's sealing commit is not of this repository; normally GITHUB_SHA. */
  readonly ref: string
  readonly retry?: Partial<RetryOptions>
  /** How the ledger waits between attempts; tests pass one that returns at once. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Per request attempt; 30 s by default. */
  readonly timeoutMs?: number
  /** The input that gave the token, named in errors; 'github-token' by default. */
  readonly tokenInput?: string
}

/** `live` reads the environment's deployments a page at a time; the newest one is usually the answer. */
const LIVE_PAGE_SIZE = 20
/**
 * How far back `live` looks before it gives up (fail closed) rather than read a long history:
 * deployments listed in all, and those among them whose statuses it reads.
 */
const LIVE_LIST_LIMIT = 400
const LIVE_READ_LIMIT = 50
const HISTORY_PAGE_SIZE = 100
const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i

/** The stretches of one deployment that went live: oldest first, never empty. */
type Stretches = readonly [LiveSpan, ...LiveSpan[]]

export class GitHubDeploymentsLedger implements Ledger {
  readonly location: string
  private readonly api: DeploymentsApi
  private readonly context: ReadContext
  private readonly serverUrl: string

  constructor(private readonly options: GitHubDeploymentsLedgerOptions) {
    const parts = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(options.repository)
    if (parts === null) {
      throw new SealError(`GITHUB_REPOSITORY: ${quote(options.repository)} is not "owner/name"; the github ledger keeps its records in that repository's deployments.`)
    }
    this.location = `github:${options.repository}`
    this.context = { repository: options.repository, location: this.location }
    this.serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
    const apiUrl = options.apiUrl.replace(/\/+$/, '')
    this.api = new DeploymentsApi({
      token: options.token,
      owner: parts[1] as string,
      repo: parts[2] as string,
      apiUrl,
      retry: { ...DEFAULT_RETRY, ...options.retry },
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      timeoutMs: options.timeoutMs ?? 30_000,
      blame: { location: this.location, repository: options.repository, tokenInput: options.tokenInput ?? 'github-token', apiUrl }
    })
  }

  async append(record: PromotionRecord): Promise<LedgerEntry> {
    if (record.environment.trim() === '') {
      throw new SealError(`${this.location}: a record needs an environment; GitHub would file a deployment without one under "production".`)
    }
    const ref = this.refFor(record)
    // Read before writing: the deployment live now is the one to mark inactive afterwards.
    const before = makesLive(record.outcome) ? await this.live(record.environment) : null
    const deployment = await this.api.createDeployment({
      ref,
      task: taskFor(kindOf(record), record.digest),
      environment: record.environment,
      payload: payloadFor(record),
      description: descriptionFor(record)
    })
    await this.api.createStatus(deployment.id, statusFor(record))
    // After the success, not before: a job that stops in between leaves two successes, and the
    // newer one is what `live` reports, never an environment with nothing live.
    if (before !== null && before.recordId !== deployment.id) {
      await this.api.createStatus(before.recordId, { state: 'inactive', description: truncate(`${REPLACED_PREFIX}${shortDigest(record.digest)}`) })
    }
    return this.entry(record, deployment.id)
  }

  async live(environment: string): Promise<LiveSpan | null> {
    // The newest deployment that ever went live decides: if it is no longer live (marked
    // inactive by something other than artifact-seal), nothing the ledger knows is live, and
    // an older one still marked success only missed its inactive status.
    for await (const spans of this.wentLive(environment, true)) {
      const last = spans[spans.length - 1] as LiveSpan
      return last.until === null ? last : null
    }
    return null
  }

  async spans(digest: Digest, environment: string): Promise<LiveSpan[]> {
    const spans: LiveSpan[] = []
    for await (const deployment of this.api.deployments({ environment, task: taskFor('deploy', digest) }, HISTORY_PAGE_SIZE)) {
      const record = recordOf(deployment, this.context)
      if (record === null || !makesLive(record.outcome)) continue
      spans.push(...stretchesOf(await this.api.statuses(deployment.id), deployment.id, digest, environment))
    }
    spans.sort((a, b) => Date.parse(a.from) - Date.parse(b.from))
    if (spans.every((s) => s.until !== null)) return spans
    // An open stretch that is not the live one was replaced without its inactive status (the
    // job stopped in between). When it ended is not known from this digest's deployments, so it
    // counts as ending where it began: a soak may be refused, never granted, on its account.
    const live = await this.live(environment)
    return spans.map((s) => (s.until !== null || s.recordId === live?.recordId ? s : { ...s, until: s.from }))
  }

  async veto(digest: Digest): Promise<LedgerEntry | null> {
    for await (const deployment of this.api.deployments({ task: taskFor('veto', digest) }, HISTORY_PAGE_SIZE)) {
      const record = recordOf(deployment, this.context)
      if (record?.outcome === 'vetoed') return this.entry(record, deployment.id)
    }
    return null
  }

  async *previouslyLive(environment: string): AsyncIterable<LiveSpan> {
    const seen = new Set<Digest>()
    let newerFrom: string | null = null
    for await (const spans of this.wentLive(environment, false)) {
      const latest = spans[spans.length - 1] as LiveSpan
      if (newerFrom === null && latest.until === null) {
        seen.add(latest.digest) // live now: not a rollback candidate
      } else if (!seen.has(latest.digest)) {
        seen.add(latest.digest)
        // Still open but older than a newer live stretch: it missed its inactive status and
        // ended when the newer one began.
        yield latest.until === null && newerFrom !== null ? { ...latest, until: newerFrom } : latest
      }
      newerFrom = spans[0].from
    }
  }

  async *entries(filter: { readonly environment?: string; readonly digest?: Digest } = {}): AsyncIterable<LedgerEntry> {
    const { environment, digest } = filter
    const sources =
      digest === undefined
        ? [this.api.deployments({ environment }, HISTORY_PAGE_SIZE)]
        : [this.api.deployments({ environment, task: taskFor('deploy', digest) }, HISTORY_PAGE_SIZE), this.api.deployments({ environment, task: taskFor('veto', digest) }, HISTORY_PAGE_SIZE)]
    for await (const deployment of newestFirst(sources)) {
      const record = recordOf(deployment, this.context)
      if (record !== null) yield this.entry(record, deployment.id)
    }
  }

  /**
   * The stretches of each of the environment's deployments that went live, newest deployment
   * first. `bounded` stops (fail closed) after LIVE_LIST_LIMIT deployments listed or
   * LIVE_READ_LIMIT statuses read without finding one.
   */
  private async *wentLive(environment: string, bounded: boolean): AsyncGenerator<Stretches> {
    let listed = 0
    let read = 0
    for await (const deployment of this.api.deployments({ environment }, LIVE_PAGE_SIZE)) {
      if (bounded && (listed >= LIVE_LIST_LIMIT || read >= LIVE_READ_LIMIT)) throw this.tooFarBack(environment, listed, read)
      listed += 1
      const record = recordOf(deployment, this.context)
      if (record === null || !makesLive(record.outcome)) continue
      read += 1
      const spans = stretchesOf(await this.api.statuses(deployment.id), deployment.id, record.digest, environment)
      const [first, ...rest] = spans
      if (first !== undefined) yield [first, ...rest]
    }
  }

  private tooFarBack(environment: string, listed: number, read: number): SealError {
    return new SealError(
      `${this.location}: none of the ${listed} most recent deployments to ${quote(environment)} (${read} of them artifact-seal promotions) was ever live; ` +
        `artifact-seal looks no further back than that rather than read the whole history, so the promotion is refused (fail closed). ` +
        `Deployments by other tools, or promotions whose status was never posted, have pushed the last live one out of reach: ` +
        `see ${this.environmentUrl(environment)}, delete the stray deployments, or give artifact-seal an environment of its own.`
    )
  }

  /** The commit that sealed the digest when it is one of this repository's, else the job's commit. */
  private refFor(record: PromotionRecord): string {
    const sealed = record.sealedBy
    const ours = sealed?.repository == null || sealed.repository.toLowerCase() === this.options.repository.toLowerCase()
    if (sealed?.commit != null && ours && COMMIT.test(sealed.commit)) return sealed.commit
    if (this.options.ref !== '') return this.options.ref
    throw new SealError(
      `${this.location}: a deployment must be made on a commit of ${this.options.repository}, and there is none: ` +
        `the record's sealing commit ${sealed?.commit == null ? 'is unknown' : `${quote(sealed.commit)} (of ${sealed.repository ?? this.options.repository}) cannot be used`} ` +
        `and GITHUB_SHA is not set. Run the step in a GitHub Actions job, or set GITHUB_SHA.`
    )
  }

  private environmentUrl(environment: string): string {
    return `${this.serverUrl}/${this.options.repository}/deployments/${encodeURIComponent(environment)}`
  }

  private entry(record: PromotionRecord, id: string): LedgerEntry {
    return { ...record, id, url: this.environmentUrl(record.environment) }
  }
}

function statusFor(record: PromotionRecord): NewStatus {
  const links = {
    ...(record.runUrl === null ? {} : { log_url: record.runUrl }),
    ...(record.environmentUrl === null ? {} : { environment_url: record.environmentUrl })
  }
  switch (record.outcome) {
    case 'promoted':
    case 'rolled-back':
      return { state: 'success', description: descriptionFor(record), ...links }
    case 'refused':
      return { state: 'failure', description: truncate(record.reason ?? 'refused'), ...links }
    case 'vetoed':
      return { state: 'error', description: truncate(record.reason ?? 'vetoed'), ...links }
  }
}
