/**
 * The ledger on GitHub: promotion records as deployments of the Deployments REST API, so
 * what runs where shows on the repository's Environments page, and the history lives with
 * the repository rather than in a file a job has to carry around.
 *
 * The mapping:
 * - A gate decision (pending or refused) is one deployment to `record.environment`, with task
 *   `deploy:<digest>` and the record in its payload (`{"artifact-seal": 2, record}`, the
 *   record naming its service; one written before services names none and belongs to the
 * service its name gives); a veto is a deployment with task `veto:<digest>`. The task carries the
 * digest because the list
 *   endpoint filters on task (and environment, ref, sha) exactly, never on the payload: every
 *   question about one digest is one filtered list, whatever the length of the history. A
 *   record's time is its deployment's `created_at`: GitHub's clock, never the writer's.
 * - Statuses say what happened. A refusal gets `failure` (the reason), a veto `error` (the
 *   reason), a pending record `in_progress`. A pending record is resolved by a second status
 *   on the same deployment: `success` when its deployment is confirmed (log_url the run; the
 *   digest is live from that status's `created_at`), `failure` when it failed, `error`
 *   "abandoned: …" when nobody confirmed it in time. The rules for reading them, races and
 *   GitHub's own auto_inactive included, are in github/history.ts.
 * - When a digest goes live, the deployment of the same service that was live before gets an
 *   `inactive` status "replaced by …", posted by the ledger itself (GitHub's auto_inactive skips production
 *   environments, and would end deployments the ledger did not make). A confirmation of the
 *   digest that is live already posts no `inactive`: its `success` notes the deployment whose
 *   stretch it continues, so the stretch is one, and its soak is not restarted.
 * - A veto wins over a confirmation: `resolve` reads the veto before and after posting its
 *   `success`, and when one exists posts `failure` "vetoed while being deployed: …", which
 *   voids that `success`: the digest never counts as live there, in `live`, `spans` or
 *   `previouslyLive` (the gate refuses a vetoed digest anyway; this keeps a confirmation
 *   racing a veto from ever counting as a soak). A digest vetoed after it went live stays
 *   live, truthfully: it runs until something replaces it, which a rollback does.
 * - A confirmation is judged again: the service must still run the record's previous digest
 *   (and the contract its amendment was judged from), read before posting `success`; else it
 *   is a `failure` saying what went live. After posting, the service's stretches are read
 *   again: when the one right before its own is not what it was judged against, another
 *   confirmation landed first, and a `failure` "live changed while being confirmed: …" voids
 *   its `success` as a veto's does. The void is also derived on read, so it holds when that
 *   `failure` never landed (the job stopped, GitHub refused it): a `success` after which a
 *   stretch of another digest than the record's previous one had gone live between the gate's
 *   decision and that `success` never counts as live (`lostRace`).
 * - Deployments are made on the commit that sealed the digest when it belongs to this
 *   repository, else on `ref` (GITHUB_SHA): GitHub wants a ref of the repository.
 * - Deployments made by others (task not ours, no "artifact-seal" payload key) are ignored; one
 *   of ours whose record cannot be read fails every read that meets it (fail closed).
 * - Entry ids are deployment ids; a resolution's id is `<deployment id>/statuses/<status id>`.
 *   GitHub keeps no actor for a status other than the token's owner, so a resolution read
 *   back has `actor` null; its run (log_url) says who.
 *
 * What the reads cost. Deployments are listed newest first, 100 a page; refusals, vetoes and
 * other tools' deployments are told apart by task and payload and cost nothing more; each
 * pending record's deployment costs one statuses read. GitHub orders deployments by creation,
 * but a digest goes live when its deployment is confirmed, later; `resolve` refuses to confirm
 * a pending record older than `pendingTimeoutMs` (6 hours by default, the longest a
 * GitHub-hosted job runs), so a deployment created before T went live before T + that
 * timeout + CLOCK_SLACK_MS, and a read stops listing there. The API cannot filter on the
 * payload, so a read of one service lists every deployment of the environment and passes over
 * the others' without reading their statuses. So `live(env, service)` costs
 *   ⌈n / 100⌉ list requests + p statuses reads (+ 1 when the live stretch continues an older deployment's),
 * where n is the number of deployments to the environment created since (the gate decision of
 * the service's live stretch − the timeout − 10 minutes, so that every stretch that could have
 * overtaken it is met), whoever made them and of whatever service, and
 * p the service's pending records among them; a service with no stretch in the environment
 * (its first promotion there) lists the environment to its end. No count limit: a busy
 * environment costs more pages, never a wrong or a refused answer. `newest(env)` costs the
 * same with every service's stretches; `pending(env)` the same with n counted from (now − the
 * timeout − 10 minutes); `previouslyLive` reads as far as it is consumed, plus that reach;
 * `spans(digest, env, service)` and `veto(digest)` read only the digest's deployments (task
 * filter); `services(env)` lists the environment to its end, no statuses. A confirmation
 * reads the service's stretches twice (before and after its `success`), skipping the
 * statuses of its own pending deployment before.
 */
import { type Digest, shortDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import { confirmationChanged, needsLiveContract } from '../../core/promotion/confirmation.js'
import type { EntryFilter } from '../../core/promotion/ledger-index.js'
import {
  confirmedOutcome,
  DEFAULT_PENDING_TIMEOUT_MS,
  type LedgerEntry,
  type LiveSpan,
  type NewRecord,
  type PromotionRecord,
  type Service,
  serviceOf
} from '../../core/promotion/record.js'
import { type ApiDeployment, type ApiStatus, DeploymentsApi, type NewStatus } from './github/api.js'
import { historyOf, type DeploymentHistory, type Resolved } from './github/history.js'
import { newestFirst } from './github/merge.js'
import {
  ABANDONED_PREFIX,
  LIVE_CHANGED_PREFIX,
  REPLACED_PREFIX,
  VETOED_PREFIX,
  confirmationFor,
  damagedDeployment,
  descriptionFor,
  keyOf,
  kindOf,
  payloadFor,
  recordOf,
  APPENDED,
  taskFor,
  truncate,
  type ReadContext
} from './github/records.js'
import { SYSTEM_CLOCK, type Clock } from '../../http/clock.js'
import { DEFAULT_POLICY, type RetryOptions } from '../../http/retry-policy.js'
import {
  type Ledger,
  type LedgerView,
  type Recorded,
  type ResolveRequest,
  wrongEnvironment
} from './ledger.js'
import { capitalized, words } from '../../core/vocabulary.js'

export type { RetryOptions } from '../../http/retry-policy.js'

export interface GitHubDeploymentsLedgerOptions {
  readonly token: string
  /** owner/name */
  readonly repository: string
  /** The REST API's base URL (GITHUB_API_URL). */
  readonly apiUrl: string
  /** For links people open (GITHUB_SERVER_URL); https://github.com by default. */
  readonly serverUrl?: string
  /**
   * The commit to make deployments on when the record's sealing commit is not of this repository;
   * normally GITHUB_SHA.
   */
  readonly ref: string
  readonly retry?: Partial<RetryOptions>
  /** How the ledger waits between attempts; tests pass one that returns at once. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Per request attempt; the HTTP policy's (30 s) by default. */
  readonly timeoutMs?: number
  /** The HTTP layer's clock: tests decide when an attempt times out. */
  readonly clock?: Partial<Clock>
  /** The input that gave the token, named in errors; 'github-token' by default. */
  readonly tokenInput?: string
  /**
   * How long after its gate decision a pending record may still be confirmed (GitHub's clock);
   * DEFAULT_PENDING_TIMEOUT_MS by default. Reads rely on it to stop listing (see above).
   */
  readonly pendingTimeoutMs?: number
}

const PAGE_SIZE = 100
const COMMIT = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i
/**
 * How far GitHub's clock may be trusted to have moved on between two of its answers: a status
 * dated later than this after the answer listing it is refused (a time after "now" is never
 * trusted), and a confirmation may land this long after the check of its pending record's age.
 */
const CLOCK_SLACK_MS = 10 * 60 * 1000
/** How far past the pending timeout the gate looks for records to mark abandoned (each costs a statuses read). */
const ABANDON_LOOKBACK_MS = 24 * 60 * 60 * 1000
/** A status dated after the Date of the answer that lists it, by more than this, is refused. */
const FUTURE_TOLERANCE_MS = 60 * 1000

/** One of the ledger's deployments as a read meets it: its record and, for a pending record, its statuses read. */
interface Seen {
  readonly deployment: ApiDeployment
  readonly record: PromotionRecord
  /** Read only for pending records: refusals and vetoes never go live. */
  readonly history: DeploymentHistory | null
}

/** A stretch during which one deployment was live. */
interface Stretch {
  readonly id: string
  readonly digest: Digest
  readonly environment: string
  readonly service: Service
  readonly from: string
  readonly until: string | null
  readonly continues: string | null
  /** The `success` that confirmed the deployment: its resolution. */
  readonly confirmation: ApiStatus
  /** When the gate decided the record (its deployment's created_at), and the digest it compared against. */
  readonly decidedAt: string
  readonly previousDigest: Digest | null
}

/**
 * The environment's live stretch, and the deployments that hold it (more than one when the live
 * digest was confirmed again).
 */
interface LiveRun {
  readonly span: LiveSpan
  readonly deployments: readonly string[]
}

export class GitHubDeploymentsLedger implements Ledger {
  readonly location: string
  private readonly api: DeploymentsApi
  private readonly context: ReadContext
  private readonly serverUrl: string
  private readonly pendingTimeoutMs: number

  constructor(private readonly options: GitHubDeploymentsLedgerOptions) {
    const parts = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(options.repository)
    if (parts === null) {
      throw new SealError(
        'bad-input',
        `GITHUB_REPOSITORY: ${quote(options.repository)} is not "owner/name"; the github ledger keeps its ` +
          `records in that repository's deployments.`
      )
    }
    this.location = `github:${options.repository}`
    this.context = { repository: options.repository, location: this.location }
    this.serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
    this.pendingTimeoutMs = options.pendingTimeoutMs ?? DEFAULT_PENDING_TIMEOUT_MS
    const apiUrl = options.apiUrl.replace(/\/+$/, '')
    this.api = new DeploymentsApi({
      token: options.token,
      owner: parts[1] as string,
      repo: parts[2] as string,
      apiUrl,
      policy: {
        ...DEFAULT_POLICY,
        ...options.retry,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs })
      },
      clock: {
        ...SYSTEM_CLOCK,
        ...options.clock,
        ...(options.sleep === undefined ? {} : { sleep: options.sleep })
      },
      blame: {
        location: this.location,
        repository: options.repository,
        tokenInput: options.tokenInput ?? 'github-token',
        apiUrl
      }
    })
  }

  // ---- writes ----------------------------------------------------------------------------

  async record(
    environment: string,
    decide: (view: LedgerView) => Promise<NewRecord | null>,
    pendingTimeoutMs: number
  ): Promise<Recorded> {
    if (environment.trim() === '') {
      throw new SealError(
        'bad-input',
        `${this.location}: a record needs an environment; GitHub would file a deployment without one under ` +
          '"production".'
      )
    }
    const abandoned = await this.abandonStale(environment, pendingTimeoutMs)

    // What `decide` saw as live is what the append is checked against: no lock spans the two.
    const seenLive = new Map<Service, LiveSpan | null>()
    const view: LedgerView = {
      live: async (env, service) => {
        const live = await this.live(env, service)
        if (env === environment) seenLive.set(service, live)
        return live
      },
      spans: (digest, env, service) => this.spans(digest, env, service),
      veto: (digest) => this.veto(digest),
      previouslyLive: (env, service) => this.previouslyLive(env, service),
      newest: (env) => this.newest(env),
      pending: (env, service) => this.pending(env, service),
      entries: (filter) => this.entries(filter),
      now: () => this.now()
    }
    const record = await decide(view)
    if (record === null) return { entry: null, lost: null, abandoned }
    this.checkNew(record, environment)
    const service = serviceOf(record)
    if (record.outcome === 'pending' && !seenLive.has(service))
      seenLive.set(service, await this.live(environment, service))

    const deployment = await this.api.createDeployment(
      {
        ref: this.refFor(record),
        task: taskFor(kindOf(record), record.digest),
        environment: record.environment,
        payload: payloadFor(record),
        description: descriptionFor(record)
      },
      (found) => keyOf(found) === record.key
    )
    await this.api.createStatus(deployment.id, statusFor(record))
    // As a read gives it back: with its service, timed by GitHub.
    const entry = this.entry({ ...record, service, time: deployment.createdAt }, deployment.id)
    if (record.outcome !== 'pending') return { entry, lost: null, abandoned }

    // Another writer may have vetoed the digest, or made another deployment of the service
    // live, between the reads `decide` made and this append; then this record must not go on
    // to be confirmed.
    const veto = await this.veto(record.digest)
    // Its own deployment, just made, has no stretch: its statuses need no read.
    const live = (await this.liveRun(environment, service, deployment.id))?.span ?? null
    const before = seenLive.get(service) ?? null
    let lost: string | null = null
    if (veto !== null) {
      lost = `${record.digest} was vetoed while the promotion was being recorded (${veto.reason ?? 'no reason given'})`
    } else if (live?.recordId !== before?.recordId) {
      lost =
        `another promotion to ${environment}${service === null ? '' : ` of ${quote(service)}`} went live while ` +
        'this one was being recorded: ' +
        `${live === null ? 'nothing' : `${live.digest} (deployment ${live.recordId})`} is live now, not ${before === null ? 'nothing' : `${before.digest} (deployment ${before.recordId})`}`
    }
    const approval = record.amendment?.approval ?? null
    if (lost === null && approval !== null)
      lost = await this.approvalTaken(environment, approval, deployment.id)
    if (lost !== null)
      await this.api.createStatus(deployment.id, { state: 'failure', description: truncate(lost) })
    return { entry, lost, abandoned }
  }

  /**
   * An approval lets one promotion through, and this ledger has no lock: when another
   * promotion that names the same approval was appended first (the lower deployment id), this
   * one lost it. The users of an approval come after it, so the walk stops at the approval.
   */
  private async approvalTaken(
    environment: string,
    approval: string,
    ours: string
  ): Promise<string | null> {
    for await (const entry of this.entries({ environment })) {
      if (entry.id === approval) break
      if (
        entry.outcome === 'pending' &&
        entry.id !== ours &&
        entry.amendment?.approval === approval &&
        compareIds(entry.id, ours) < 0
      ) {
        return (
          `the contract amendment's approval (record ${approval}) was used by deployment ${entry.id} ` +
          'while this promotion was being recorded; an approval lets one promotion ' +
          'through'
        )
      }
    }
    return null
  }

  async resolve(request: ResolveRequest): Promise<LedgerEntry> {
    const pending = await this.pendingRecord(request.id)
    const elsewhere = wrongEnvironment(pending, request, this.location)
    if (elsewhere !== null) throw elsewhere
    const record = pending
    if (request.outcome === 'failed') {
      return this.close(pending, {
        state: 'failure',
        description: truncate(request.reason ?? 'the deployment failed'),
        ...links(request.runUrl, null)
      })
    }
    if (request.outcome === 'abandoned') {
      return this.close(pending, {
        state: 'error',
        description: truncate(`${ABANDONED_PREFIX}${request.reason ?? 'not confirmed in time'}`),
        ...links(request.runUrl, null)
      })
    }

    const now = await this.now()
    const age = now.getTime() - Date.parse(record.time)
    if (age >= this.pendingTimeoutMs) {
      throw new SealError(
        'refused',
        `${this.location}: deployment ${request.id} (${record.digest} to ${record.environment}) was decided at ${record.time}, ` +
          (`${Math.round(age / 60_000)} minutes ago by GitHub's clock: longer than a pending record may wait ` +
            `for its confirmation (${Math.round(this.pendingTimeoutMs / 60_000)} ` +
            'minutes), ') +
          (`so it is not confirmed and the next promotion to ${record.environment} marks it abandoned. Promote ` +
            'the digest again to record its deployment.')
      )
    }
    // A veto that exists already: fail it without a moment of being live.
    const vetoBefore = await this.veto(record.digest)
    if (vetoBefore !== null) return this.close(pending, vetoedStatus(vetoBefore, request.runUrl))

    // Judged again: the service must still run what the gate compared against.
    const service = serviceOf(record)
    // The record is pending (just read): its own statuses need no read again.
    const before = await this.liveRun(record.environment, service, request.id)
    const liveContract =
      before !== null && needsLiveContract(record) ? await this.contractOf(before.span) : undefined
    const changed = confirmationChanged(
      record,
      before?.span ?? null,
      liveContract,
      (span) => `deployment ${span.recordId}`
    )
    if (changed !== null) {
      const failed = await this.close(pending, {
        state: 'failure',
        description: truncate(changed),
        ...links(request.runUrl, null)
      })
      return { ...failed, reason: changed }
    }
    const continues =
      before !== null && before.span.digest === record.digest ? before.span.recordId : null
    await this.api.createStatus(request.id, {
      state: 'success',
      description: confirmationFor(record, continues),
      ...links(request.runUrl, record.environmentUrl)
    })
    // The veto again: one that landed while the success was being posted voids it.
    const vetoAfter = await this.veto(record.digest)
    if (vetoAfter !== null) {
      await this.api.createStatus(request.id, vetoedStatus(vetoAfter, request.runUrl))
      return this.resolutionOf(pending)
    }
    // No lock: another confirmation of the service may have passed the same check and posted
    // its success meanwhile. The one confirmed first keeps it; this one voids its own.
    const race = await this.overtaken(record)
    if (race.lost !== null) {
      await this.api.createStatus(request.id, {
        state: 'failure',
        description: truncate(`${LIVE_CHANGED_PREFIX}${race.lost}`),
        ...links(request.runUrl, null)
      })
      return { ...(await this.resolutionOf(pending)), reason: race.lost }
    }
    // The walk read this deployment's statuses: a stretch of its own is its confirmation.
    const resolved =
      race.ours !== null
        ? this.resolutionEntry(pending, { outcome: 'deployed', status: race.ours.confirmation })
        : await this.resolutionOf(pending)
    if (resolved.outcome !== confirmedOutcome(record.mode)) {
      throw new SealError(
        'conflict',
        `${this.location}: deployment ${request.id} (${record.digest} to ${record.environment}) was resolved ` +
          `as ${resolved.outcome} by another writer ` +
          (`(${resolved.reason ?? 'no reason given'}) while this job confirmed it, so it is not live. Promote ` +
            'the digest again to record its deployment.')
      )
    }
    // After the success, not before: a job that stops in between leaves two successes, and the
    // newer one is what `live` reports, never an environment with nothing live.
    if (before !== null && continues === null) {
      for (const id of before.deployments) {
        await this.api.createStatus(id, {
          state: 'inactive',
          description: truncate(
            `${REPLACED_PREFIX}${shortDigest(record.digest)} (deployment ${request.id})`
          )
        })
      }
    }
    return resolved
  }

  /**
   * Whether another confirmation of the record's service landed just before this one's
   * success (posted already): the stretch right before ours must be the run the gate compared
   * against. Two confirmations that both passed the check before either posted order
   * themselves as every read orders stretches (by time, then deployment id), so exactly the
   * first keeps its success. Why this one lost (null when it did not), and its own stretch
   * when the walk met it.
   */
  private async overtaken(
    record: LedgerEntry
  ): Promise<{ readonly lost: string | null; readonly ours: Stretch | null }> {
    let ours: Stretch | null = null
    // Its own stretch is met whether or not it lost: that is what is being found out.
    for await (const stretch of this.byConfirmation(
      record.environment,
      serviceOf(record),
      undefined,
      record.id
    )) {
      if (ours === null) {
        if (stretch.id === record.id) ours = stretch
        continue
      }
      if (stretch.digest === record.previousDigest || stretch.digest === record.digest)
        return { lost: null, ours }
      const span: LiveSpan = {
        digest: stretch.digest,
        environment: record.environment,
        from: stretch.from,
        until: null,
        recordId: stretch.id
      }
      return {
        lost: confirmationChanged(
          record,
          span,
          undefined,
          (s) => `deployment ${s.recordId}, confirmed while this one was`
        ),
        ours
      }
    }
    return {
      lost:
        ours !== null && record.previousDigest !== null
          ? confirmationChanged(record, null, undefined, () => '')
          : null,
      ours
    }
  }

  /** The contract digest the record that made a stretch live names. */
  private async contractOf(span: LiveSpan): Promise<Digest | null> {
    const record = recordOf(await this.api.deployment(span.recordId), this.context)
    return record?.contract?.digest ?? null
  }

  // ---- reads -----------------------------------------------------------------------------

  async live(environment: string, service: Service): Promise<LiveSpan | null> {
    return (await this.liveRun(environment, service))?.span ?? null
  }

  async newest(
    environment: string
  ): Promise<{ readonly service: Service; readonly live: LiveSpan } | null> {
    for await (const newest of this.byConfirmation(environment, ANY_SERVICE)) {
      if (newest.until !== null) return null
      const start = await this.runStart(newest)
      return {
        service: newest.service,
        live: {
          digest: newest.digest,
          environment,
          from: start.from,
          until: null,
          recordId: start.id
        }
      }
    }
    return null
  }

  /**
   * Every deployment of the environment is listed (no statuses are read): `status` asks, when the
   * policy names no services.
   */
  async services(environment: string): Promise<Service[]> {
    const found = new Set<Service>()
    for await (const deployment of this.api.deployments({ environment }, PAGE_SIZE)) {
      const record = recordOf(deployment, this.context)
      if (record?.outcome === 'pending') found.add(serviceOf(record))
    }
    return [...found]
  }

  async spans(digest: Digest, environment: string, service: Service): Promise<LiveSpan[]> {
    const stretches: Stretch[] = []
    for await (const seen of this.read(
      this.api.deployments({ environment, task: taskFor('deploy', digest) }, PAGE_SIZE),
      undefined,
      ofService(service)
    )) {
      const stretch = stretchOf(seen)
      if (stretch !== null) stretches.push(stretch)
    }
    if (stretches.length === 0) return []
    const live = stretches.some((s) => s.until === null)
      ? await this.live(environment, service)
      : null
    const ofLiveRun = (s: Stretch): boolean =>
      live !== null &&
      live.digest === digest &&
      (s.id === live.recordId || Date.parse(s.from) >= Date.parse(live.from))
    // An open stretch outside the live one was replaced without its inactive status (the job
    // stopped in between), or is a confirmation that lost a race whose void never landed: that
    // one never ran there, and is dropped. The others ended at some time this digest's
    // deployments do not tell, so each counts as ending where it began: a soak may be
    // refused, never granted, on its account.
    const stray = stretches.filter((s) => s.until === null && !ofLiveRun(s))
    const lost =
      stray.length === 0 ? new Set<string>() : await this.lostRaces(environment, service, stray)
    const closed = stretches
      .filter((s) => !lost.has(s.id))
      .map((s) => (s.until !== null || ofLiveRun(s) ? s : { ...s, until: s.from }))
    closed.sort((a, b) => Date.parse(a.from) - Date.parse(b.from) || compareIds(a.id, b.id))
    // Stretches that overlap are one: a confirmation of the live digest continues its stretch.
    const merged: LiveSpan[] = []
    for (const s of closed) {
      const last = merged.at(-1)
      if (
        last !== undefined &&
        (last.until === null || Date.parse(s.from) < Date.parse(last.until))
      ) {
        const until =
          last.until === null || s.until === null
            ? null
            : Date.parse(s.until) > Date.parse(last.until)
              ? s.until
              : last.until
        merged[merged.length - 1] = { ...last, until }
      } else {
        merged.push({ digest, environment, from: s.from, until: s.until, recordId: s.id })
      }
    }
    if (live !== null && live.digest === digest) {
      const last = merged.at(-1)
      if (last !== undefined && last.until === null)
        merged[merged.length - 1] = { ...last, from: live.from, recordId: live.recordId }
    }
    return merged
  }

  async veto(digest: Digest): Promise<LedgerEntry | null> {
    for await (const deployment of this.api.deployments(
      { task: taskFor('veto', digest) },
      PAGE_SIZE
    )) {
      const record = recordOf(deployment, this.context)
      if (record?.outcome === 'vetoed') return this.entry(record, deployment.id)
    }
    return null
  }

  async *previouslyLive(environment: string, service: Service): AsyncIterable<LiveSpan> {
    const seen = new Set<Digest>()
    let newerFrom: string | null = null
    for await (const stretch of this.byConfirmation(environment, service)) {
      if (newerFrom === null && stretch.until === null) {
        seen.add(stretch.digest) // live now: not a rollback candidate
      } else if (!seen.has(stretch.digest)) {
        seen.add(stretch.digest)
        const start = await this.runStart(stretch)
        // Still open but older than a newer live stretch: it missed its inactive status and
        // ended when the newer one began.
        yield {
          digest: stretch.digest,
          environment,
          from: start.from,
          until: stretch.until ?? newerFrom,
          recordId: start.id
        }
      }
      newerFrom = stretch.from
    }
  }

  async pending(environment: string, service?: Service): Promise<LedgerEntry[]> {
    const open = await this.openPending(environment, this.pendingTimeoutMs, service)
    // The listing reaches past the timeout by the clock slack; what is past it by GitHub's
    // clock can no longer be confirmed, and is not pending (as in a file ledger).
    const now = (await this.now()).getTime()
    return open
      .filter((seen) => now - Date.parse(seen.record.time) < this.pendingTimeoutMs)
      .map((seen) => this.entry(seen.record, seen.deployment.id))
  }

  async *entries(filter: EntryFilter = {}): AsyncIterable<LedgerEntry> {
    const { environment, digest, service } = filter
    const sources =
      digest === undefined
        ? [this.api.deployments({ environment }, PAGE_SIZE)]
        : [
            this.api.deployments({ environment, task: taskFor('deploy', digest) }, PAGE_SIZE),
            this.api.deployments({ environment, task: taskFor('veto', digest) }, PAGE_SIZE)
          ]
    // Newest deployment first; a pending record's resolution comes just before it. (A
    // resolution may be newer than a later deployment: the order is the deployments'.)
    for await (const seen of this.read(
      newestFirst(sources),
      undefined,
      service === undefined ? undefined : ofService(service)
    )) {
      const entry = this.entry(seen.record, seen.deployment.id)
      const resolution = seen.history?.resolution
      if (resolution != null) yield this.resolutionEntry(entry, resolution)
      yield entry
    }
  }

  async now(): Promise<Date> {
    return this.api.serverNow()
  }

  // ---- how the reads are made ------------------------------------------------------------

  /**
   * The ledger's deployments among those listed (those `keep` takes: one service's), with the
   * statuses of each pending record read and checked. Another service's deployment costs only
   * its share of a page.
   */
  private async *read(
    deployments: AsyncIterable<ApiDeployment>,
    stopBefore?: () => number,
    keep?: (record: PromotionRecord) => boolean
  ): AsyncGenerator<Seen> {
    for await (const deployment of deployments) {
      // Checked before the statuses are read, so the first deployment past the reach costs nothing more.
      if (stopBefore !== undefined && Date.parse(deployment.createdAt) < stopBefore()) return
      const record = recordOf(deployment, this.context)
      if (record === null || (keep !== undefined && !keep(record))) continue
      yield {
        deployment,
        record,
        history: record.outcome === 'pending' ? await this.historyOf(deployment) : null
      }
    }
  }

  private async historyOf(deployment: ApiDeployment): Promise<DeploymentHistory> {
    const { statuses, serverTime } = await this.api.statuses(deployment.id)
    const unreadable = (detail: string): never => {
      throw damagedDeployment(deployment, this.context, detail)
    }
    const history = historyOf(statuses, unreadable)
    // A time after GitHub's own "now" cannot be a time GitHub stamped: never trust it.
    const limit =
      (Number.isNaN(serverTime) ? Number.POSITIVE_INFINITY : serverTime) + FUTURE_TOLERANCE_MS
    const future = statuses.find((s) => Date.parse(s.createdAt) > limit)
    if (future !== undefined) {
      throw new SealError(
        'tampered',
        `${this.location}: deployment ${deployment.id} (environment ${quote(deployment.environment)}, task ${quote(deployment.task)}) has a ${future.state} status dated ${future.createdAt}, ` +
          (`after GitHub's own clock (${new Date(serverTime).toISOString()}) when it listed it; a time in the ` +
            'future is not trusted, so the promotion is refused (fail closed). ') +
          (`Inspect it with "gh api repos/${this.options.repository}/deployments/${deployment.id}/statuses"; a ` +
            'status written by something other than artifact-seal can be removed by ' +
            'deleting the deployment.')
      )
    }
    return history
  }

  /**
   * The service's live stretches in the environment (every service's, with ANY_SERVICE), newest
   * start first, without the confirmations that lost a race (see `lostRace`): those never
   * count as live, whether or not the failure status that voids them was ever posted. A
   * stretch is given once no deployment not listed yet can change that: every stretch that
   * went live after its gate decision has been met.
   */
  /** `keep`: a deployment whose stretch is given even when it lost a race. */
  private async *byConfirmation(
    environment: string,
    service: Service | typeof ANY_SERVICE,
    skip?: string,
    keep?: string
  ): AsyncGenerator<Stretch> {
    const met: Stretch[] = [] // newest start first, every stretch the raw walk gave
    let next = 0 // the first of `met` not judged yet
    let horizon = Number.POSITIVE_INFINITY
    const settled = (stretch: Stretch): boolean => horizon <= Date.parse(stretch.decidedAt)
    const ready = (): boolean => {
      const stretch = met[next]
      return (
        stretch !== undefined && settled(stretch) && lostRaceWindow(stretch, met).every(settled)
      )
    }
    for await (const item of this.rawByConfirmation(environment, service, skip)) {
      if (typeof item === 'number') horizon = item
      else met.push(item)
      while (ready()) {
        const stretch = met[next++] as Stretch
        if (stretch.id === keep || !lostRace(stretch, met)) yield stretch
      }
    }
    horizon = Number.NEGATIVE_INFINITY
    while (next < met.length) {
      const stretch = met[next++] as Stretch
      if (stretch.id === keep || !lostRace(stretch, met)) yield stretch
    }
  }

  /**
   * Which of these stretches of the service lost a race (`lostRace`): the service's stretches are
   * walked until every one is judged.
   */
  private async lostRaces(
    environment: string,
    service: Service,
    candidates: readonly Stretch[]
  ): Promise<Set<string>> {
    const met: Stretch[] = []
    const settled = (horizon: number): boolean =>
      candidates.every(
        (c) =>
          horizon <= Date.parse(c.decidedAt) &&
          lostRaceWindow(c, met).every((w) => horizon <= Date.parse(w.decidedAt))
      )
    for await (const item of this.rawByConfirmation(environment, service)) {
      if (typeof item !== 'number') met.push(item)
      else if (settled(item)) break
    }
    return new Set(
      candidates
        .filter((c) => lostRace(c, [...met.filter((m) => m.id !== c.id), c]))
        .map((c) => c.id)
    )
  }

  /**
   * Every stretch whose `success` stands, newest start first, lost races included. A stretch
   * is given only once no deployment not listed yet can have gone live after it: every
   * deployment still to come was created before the last one listed, and was confirmed within
   * the pending timeout of that. Between them it gives, as a number, the latest time a
   * stretch still to come can have started (its horizon). Another service's deployments cost
   * only their share of a page: their statuses are never read.
   */
  private async *rawByConfirmation(
    environment: string,
    service: Service | typeof ANY_SERVICE,
    skip?: string
  ): AsyncGenerator<Stretch | number> {
    const reach = this.pendingTimeoutMs + CLOCK_SLACK_MS
    const buffer: Stretch[] = [] // newest start first
    for await (const deployment of this.api.deployments({ environment }, PAGE_SIZE)) {
      // Before this deployment's statuses are read: a consumer that stops at the newest stretch
      // (live) then stops at the first deployment past its reach, at no further cost.
      const frontier = Date.parse(deployment.createdAt)
      yield frontier + reach
      while (buffer.length > 0 && Date.parse((buffer[0] as Stretch).from) > frontier + reach)
        yield buffer.shift() as Stretch
      const record = recordOf(deployment, this.context)
      if (
        record?.outcome !== 'pending' ||
        deployment.id === skip ||
        (service !== ANY_SERVICE && serviceOf(record) !== service)
      )
        continue
      const stretch = stretchOf({ deployment, record, history: await this.historyOf(deployment) })
      if (stretch === null) continue
      const at = buffer.findIndex((b) => newer(stretch, b))
      buffer.splice(at === -1 ? buffer.length : at, 0, stretch)
    }
    yield* buffer
  }

  /**
   * The live stretch: the one that started last, when nothing ended it. A stretch that
   * continues an older deployment's (the live digest confirmed again) starts where that one did.
   */
  /**
   * `skip`: a deployment known to have no stretch (a pending record just read or made), whose
   * statuses are not read.
   */
  private async liveRun(
    environment: string,
    service: Service,
    skip?: string
  ): Promise<LiveRun | null> {
    for await (const newest of this.byConfirmation(environment, service, skip)) {
      if (newest.until !== null) return null
      const start = await this.runStart(newest)
      const span: LiveSpan = {
        digest: newest.digest,
        environment,
        from: start.from,
        until: null,
        recordId: start.id
      }
      return { span, deployments: start.id === newest.id ? [newest.id] : [newest.id, start.id] }
    }
    return null
  }

  /**
   * Where a stretch's run starts: at the deployment its confirmation says it continues, when
   * that one is of the same digest, environment and service and was never replaced; else at itself.
   */
  private async runStart(
    stretch: Stretch
  ): Promise<{ readonly id: string; readonly from: string }> {
    if (stretch.continues === null || stretch.continues === stretch.id) return stretch
    const deployment = await this.api.deployment(stretch.continues)
    const record = recordOf(deployment, this.context)
    if (
      record?.outcome !== 'pending' ||
      record.digest !== stretch.digest ||
      record.environment.toLowerCase() !== stretch.environment.toLowerCase() ||
      serviceOf(record) !== stretch.service
    ) {
      return stretch
    }
    const history = await this.historyOf(deployment)
    const earlier = history.stretch
    if (earlier === null || Date.parse(earlier.from) > Date.parse(stretch.from)) return stretch
    // Replaced before this confirmation: the runs are two, with another digest live between.
    if (earlier.until !== null && Date.parse(earlier.until) <= Date.parse(stretch.from))
      return stretch
    return { id: deployment.id, from: earlier.from }
  }

  /**
   * The environment's pending records nothing has resolved (of one service, when given), created
   * within `within` of now (GitHub's clock), oldest first.
   */
  private async openPending(
    environment: string,
    within: number,
    service?: Service
  ): Promise<Seen[]> {
    const since =
      (await this.now()).getTime() - Math.max(within, this.pendingTimeoutMs) - CLOCK_SLACK_MS
    const open: Seen[] = []
    for await (const seen of this.read(
      this.api.deployments({ environment }, PAGE_SIZE),
      () => since,
      service === undefined ? undefined : ofService(service)
    )) {
      if (seen.history !== null && seen.history.resolution === null) open.push(seen)
    }
    return open.reverse()
  }

  /**
   * Marks the environment's pending records older than the timeout abandoned, and returns the
   * abandonments that took. It looks a day past the timeout: a job that failed is marked by any
   * gate in its environment within that day. An older one stays "in progress" on the
   * Environments page, but no read counts it and it can no longer be confirmed.
   */
  private async abandonStale(environment: string, timeoutMs: number): Promise<LedgerEntry[]> {
    const open = await this.openPending(environment, timeoutMs + ABANDON_LOOKBACK_MS)
    // Read after the listing, so the ages are measured on the Date of its answers.
    const now = (await this.now()).getTime()
    const abandoned: LedgerEntry[] = []
    for (const seen of open) {
      const age = now - Date.parse(seen.deployment.createdAt)
      if (age < timeoutMs) continue
      const pending = this.entry(seen.record, seen.deployment.id)
      const description = truncate(
        `${ABANDONED_PREFIX}not confirmed within ${formatDuration(timeoutMs)} of the gate's decision`
      )
      const resolved = await this.close(pending, { state: 'error', description }, false)
      // A confirmation that landed first wins; the abandonment is then passed over.
      if (resolved.outcome === 'abandoned') abandoned.push(resolved)
    }
    return abandoned
  }

  /** The pending record a deployment id names, or a SealError saying what it is instead. */
  private async pendingRecord(id: string): Promise<LedgerEntry> {
    if (!/^\d+$/.test(id)) {
      throw new SealError(
        'bad-input',
        `${this.location}: ${quote(id)} is not a deployment id; a pending record of the github ledger is named ` +
          `by its deployment's number. Give ${words().recordIdSource}.`
      )
    }
    const deployment = await this.api.deployment(id)
    const record = recordOf(deployment, this.context)
    if (record === null) {
      throw new SealError(
        'bad-input',
        `${this.location}: deployment ${id} (task ${quote(deployment.task)}, environment ${quote(deployment.environment)}) was not made by artifact-seal, so it ` +
          'cannot be resolved. ' +
          `Give ${words().recordIdSource}.`
      )
    }
    const pending = this.entry(record, id)
    if (record.outcome !== 'pending') {
      throw new SealError(
        'bad-input',
        `${this.location}: deployment ${id} is a ${record.outcome} record of ${record.digest} in ${record.environment}, not a pending one; only a pending record can be ` +
          'resolved.'
      )
    }
    const history = await this.historyOf(deployment)
    if (history.resolution !== null) {
      const resolved = this.resolutionEntry(pending, history.resolution)
      throw new SealError(
        'conflict',
        `${this.location}: deployment ${id} (${record.digest} to ${record.environment}) is not pending: it was ` +
          `resolved as ${resolved.outcome} at ${resolved.time}` +
          (`${resolved.reason === null ? '' : ` (${resolved.reason})`}. A record is resolved once; promote the ` +
            'digest again to record another deployment.')
      )
    }
    return pending
  }

  /** Posts a resolving status on a pending deployment and returns the resolution its statuses now show. */
  private async close(
    pending: LedgerEntry,
    status: NewStatus,
    strict = true
  ): Promise<LedgerEntry> {
    await this.api.createStatus(pending.id, status)
    const resolved = await this.resolutionOf(pending)
    const wanted = status.state === 'failure' ? 'failed' : 'abandoned'
    if (strict && resolved.outcome !== wanted) {
      throw new SealError(
        'conflict',
        `${this.location}: deployment ${pending.id} (${pending.digest} to ${pending.environment}) was resolved ` +
          `as ${resolved.outcome} by another writer while this job marked it ${wanted}; ` +
          `its statuses say so, and nothing more needs doing.`
      )
    }
    return resolved
  }

  /** The resolution a pending record's statuses show now. */
  private async resolutionOf(pending: LedgerEntry): Promise<LedgerEntry> {
    const deployment: ApiDeployment = {
      id: pending.id,
      task: taskFor('deploy', pending.digest),
      environment: pending.environment,
      payload: null,
      createdAt: pending.time
    }
    const history = await this.historyOf(deployment)
    if (history.resolution === null) {
      throw new SealError(
        'unavailable',
        `${this.location}: deployment ${pending.id} still reads as pending after its resolving status was ` +
          'posted; GitHub did not keep the status. ' +
          `${capitalized(words().rerun)}; if it keeps happening, check https://www.githubstatus.com.`
      )
    }
    return this.resolutionEntry(pending, history.resolution)
  }

  private resolutionEntry(pending: LedgerEntry, resolved: Resolved): LedgerEntry {
    const status = resolved.status
    return {
      ...pending,
      outcome: resolved.outcome === 'deployed' ? confirmedOutcome(pending.mode) : resolved.outcome,
      time: status.createdAt,
      runUrl: status.logUrl === '' ? null : status.logUrl,
      actor: null,
      reason:
        resolved.outcome === 'deployed'
          ? null
          : status.description === ''
            ? null
            : status.description,
      environmentUrl: status.environmentUrl === '' ? pending.environmentUrl : status.environmentUrl,
      resolves: pending.id,
      key: `${pending.key}/resolution`,
      id: `${pending.id}/statuses/${status.id}`
    }
  }

  /** Only gate decisions are appended by `record`; resolutions go through `resolve`. */
  private checkNew(record: NewRecord, environment: string): void {
    if (!APPENDED.includes(record.outcome)) {
      throw new Error(
        `${this.location}: a ${record.outcome} record is written by resolving its pending record, not ` +
          'appended; this is a bug in artifact-seal, please report it.'
      )
    }
    if (record.outcome !== 'vetoed' && record.environment !== environment) {
      throw new Error(
        `${this.location}: a decision for ${quote(record.environment)} was made while recording ${quote(environment)}; this is a bug in artifact-seal, please report it.`
      )
    }
    if (record.key === '')
      throw new Error(
        `${this.location}: a record needs a key, so a retried write finds what it wrote; this is a bug in ` +
          'artifact-seal, please report it.'
      )
  }

  /** The commit that sealed the digest when it is one of this repository's, else the job's commit. */
  private refFor(record: NewRecord): string {
    const sealed = record.sealedBy
    const ours =
      sealed?.repository == null ||
      sealed.repository.toLowerCase() === this.options.repository.toLowerCase()
    if (sealed?.commit != null && ours && COMMIT.test(sealed.commit)) return sealed.commit
    if (this.options.ref !== '') return this.options.ref
    throw new SealError(
      'bad-input',
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

/** Every service's stretches, where a read is not about one service. */
const ANY_SERVICE = Symbol('every service')

const ofService =
  (service: Service) =>
  (record: PromotionRecord): boolean =>
    serviceOf(record) === service

function stretchOf(seen: Seen): Stretch | null {
  const stretch = seen.history?.stretch
  const confirmation = seen.history?.resolution?.status
  if (stretch == null || confirmation === undefined) return null
  return {
    id: seen.deployment.id,
    digest: seen.record.digest,
    environment: seen.record.environment,
    service: serviceOf(seen.record),
    from: stretch.from,
    until: stretch.until,
    continues: seen.history?.continues ?? null,
    confirmation,
    decidedAt: seen.deployment.createdAt,
    previousDigest: seen.record.previousDigest
  }
}

/**
 * The stretches of the same service that went live after the gate decided `stretch` and before
 * its own confirmation (among those met, newest first): what its service ran changed under it.
 */
function lostRaceWindow(stretch: Stretch, met: readonly Stretch[]): Stretch[] {
  const decided = Date.parse(stretch.decidedAt)
  return met.filter(
    (other) =>
      other.id !== stretch.id &&
      other.service === stretch.service &&
      Date.parse(other.from) > decided &&
      newer(stretch, other)
  )
}

/**
 * A confirmation that lost the race to another of its service: a stretch of another digest
 * than the one the gate compared against (and than its own) went live between its gate
 * decision and its own `success`. The loser posts a failure that voids its success, but a job may stop, or GitHub
 * refuse the status, before it does: read this way, the void holds whether or not it landed.
 * A stretch in between that lost a race itself (judged one level down) does not count.
 */
function lostRace(stretch: Stretch, met: readonly Stretch[]): boolean {
  const overtakenBy = (s: Stretch, others: readonly Stretch[]): Stretch[] =>
    lostRaceWindow(s, others).filter(
      (other) => other.digest !== s.previousDigest && other.digest !== s.digest
    )
  return overtakenBy(stretch, met).some((other) => overtakenBy(other, met).length === 0)
}

/** Later start first; on the same second (GitHub's resolution), the later deployment. */
function newer(a: Stretch, b: Stretch): boolean {
  const byTime = Date.parse(a.from) - Date.parse(b.from)
  return byTime !== 0 ? byTime > 0 : compareIds(a.id, b.id) > 0
}

function compareIds(a: string, b: string): number {
  const d = BigInt(a) - BigInt(b)
  return d > 0n ? 1 : d < 0n ? -1 : 0
}

function links(
  runUrl: string | null,
  environmentUrl: string | null
): { log_url?: string; environment_url?: string } {
  return {
    ...(runUrl === null ? {} : { log_url: runUrl }),
    ...(environmentUrl === null ? {} : { environment_url: environmentUrl })
  }
}

function vetoedStatus(veto: LedgerEntry, runUrl: string | null): NewStatus {
  return {
    state: 'failure',
    description: truncate(`${VETOED_PREFIX}${veto.reason ?? `vetoed in ${veto.environment}`}`),
    ...links(runUrl, null)
  }
}

function statusFor(record: NewRecord): NewStatus {
  const url = links(record.runUrl, record.environmentUrl)
  switch (record.outcome) {
    case 'pending':
      return {
        state: 'in_progress',
        description: truncate(
          `waiting for the deployment to be confirmed: ${descriptionFor(record)}`
        ),
        ...url
      }
    case 'refused':
      return { state: 'failure', description: truncate(record.reason ?? 'refused'), ...url }
    case 'observed':
    case 'acknowledged':
      // Never success: an observation or an acknowledgement changes nothing that runs, so it never
      // becomes the active deployment.
      return {
        state: 'inactive',
        description: truncate(
          `${record.outcome === 'observed' ? `observed ${record.observation?.verdict ?? 'unknown'}` : 'drift acknowledged'}: ${record.reason ?? ''}`
        ),
        ...url
      }
    case 'approved':
      // Never success: GitHub would show the approval as the environment's active deployment.
      return {
        state: 'inactive',
        description: truncate(`contract amendment approved: ${record.reason ?? ''}`),
        ...url
      }
    default:
      return { state: 'error', description: truncate(record.reason ?? 'vetoed'), ...url }
  }
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  if (minutes < 60) return `${minutes}m`
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${Math.floor(minutes / 60)}h${minutes % 60}m`
}
