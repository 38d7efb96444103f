import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Digest } from '../../src/core/digest.js'
import { SealError } from '../../src/core/errors.js'
import type { LedgerEntry, LiveSpan, Outcome, PromotionRecord } from '../../src/core/promotion/record.js'
import { GitHubDeploymentsLedger, type GitHubDeploymentsLedgerOptions } from '../../src/stores/ledger/github-deployments.js'
import { startGitHubApiHost, type GitHubApiHost, type SeedStatus } from '../hosts/github-api-host.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const SEALED_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface'
const START = Date.UTC(2024, 5, 1)

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
  host.setNow(new Date(START))
})
afterAll(async () => host.close())
afterEach(() => {
  host.clearFaults()
  host.clearRequests()
})

const digest = (n: number): Digest => `sha256:${n.toString(16).padStart(64, '0')}`
const A = digest(0xa)
const B = digest(0xb)
const C = digest(0xc)

function record(d: Digest, environment: string, outcome: Outcome, extra: Partial<PromotionRecord> = {}): PromotionRecord {
  return {
    digest: d,
    name: 'shop',
    environment,
    outcome,
    time: new Date(host.now()).toISOString(),
    runUrl: 'https://github.com/acme/shop/actions/runs/4242',
    actor: 'octocat',
    sealedBy: null,
    previousDigest: null,
    reason: outcome === 'refused' || outcome === 'vetoed' ? `no: ${d}` : null,
    environmentUrl: outcome === 'refused' || outcome === 'vetoed' ? null : 'https://shop.example',
    artifact: null,
    ...extra
  }
}

let repositories = 0

/** A ledger on a repository of its own, with a sleep that records what it was asked to wait. */
function fresh(options: Partial<GitHubDeploymentsLedgerOptions> = {}) {
  const repository = `acme/shop-${++repositories}`
  const sleeps: number[] = []
  const ledger = new GitHubDeploymentsLedger({
    token: host.token,
    repository,
    apiUrl: host.url,
    serverUrl: 'https://github.com',
    ref: SHA,
    sleep: async (ms) => void sleeps.push(ms),
    ...options
  })
  /** Appends a record a minute after the last thing that happened. */
  const append = async (d: Digest, environment: string, outcome: Outcome, extra: Partial<PromotionRecord> = {}) => {
    host.advance(60_000)
    return ledger.append(record(d, environment, outcome, extra))
  }
  return { ledger, repository, sleeps, append }
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

async function failure(call: Promise<unknown>): Promise<Error> {
  try {
    await call
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Seeds a deployment as the ledger would have written it. */
function seedRecord(repository: string, r: PromotionRecord, at: number, statuses: readonly SeedStatus[]) {
  return host.seedDeployment({
    repository,
    environment: r.environment,
    task: `${r.outcome === 'vetoed' ? 'veto' : 'deploy'}:${r.digest}`,
    payload: { 'artifact-seal': 1, record: r },
    createdAt: iso(at),
    statuses
  })
}

describe('GitHubDeploymentsLedger: round trips', () => {
  it('appends a promotion as a deployment with a success status, and reads the record back', async () => {
    const { ledger, repository, append } = fresh()
    const written = await append(A, 'staging', 'promoted', { sealedBy: { repository: null, commit: SEALED_SHA, runUrl: null } })
    const [deployment] = host.deploymentsOf(repository)
    expect(deployment).toMatchObject({
      id: Number(written.id),
      ref: SEALED_SHA,
      task: `deploy:${A}`,
      environment: 'staging',
      description: `promoted ${A.slice(0, 19)}… (shop)`,
      transient_environment: false,
      payload: { 'artifact-seal': 1, record: record(A, 'staging', 'promoted', { sealedBy: { repository: null, commit: SEALED_SHA, runUrl: null } }) }
    })
    expect(deployment?.statuses).toEqual([
      expect.objectContaining({ state: 'success', log_url: 'https://github.com/acme/shop/actions/runs/4242', environment_url: 'https://shop.example' })
    ])
    const create = host.requests.find((r) => r.method === 'POST' && r.canonicalPath === `/repos/${repository}/deployments`)
    expect(create?.body).toMatchObject({ auto_merge: false, required_contexts: [], transient_environment: false })
    expect(create?.headers).toMatchObject({ 'x-github-api-version': '2022-11-28', 'user-agent': expect.stringMatching(/^artifact-seal\//) })
    const status = host.requests.find((r) => r.method === 'POST' && r.canonicalPath.endsWith('/statuses'))
    expect(status?.body).toMatchObject({ state: 'success', auto_inactive: false })

    expect(written.url).toBe(`https://github.com/${repository}/deployments/staging`)
    const [entry] = await all(ledger.entries())
    expect(entry).toEqual(written)
    expect(ledger.location).toBe(`github:${repository}`)
  })

  it('makes the deployment on the job commit when the sealing commit is of another repository', async () => {
    const { repository, append } = fresh()
    await append(A, 'staging', 'promoted', { sealedBy: { repository: 'other/lib', commit: SEALED_SHA, runUrl: null } })
    expect(host.deploymentsOf(repository)[0]?.ref).toBe(SHA)
  })

  it('refuses to write without a commit to make the deployment on', async () => {
    const { ledger } = fresh({ ref: '' })
    const error = await failure(ledger.append(record(A, 'staging', 'promoted')))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toContain('GITHUB_SHA is not set')
  })

  it('live follows promote, promote, refuse; the replaced deployment is marked inactive', async () => {
    const { ledger, repository, append } = fresh()
    expect(await ledger.live('production')).toBeNull()
    const first = await append(A, 'production', 'promoted')
    const second = await append(B, 'production', 'promoted', { previousDigest: A })
    const refused = await append(C, 'production', 'refused', { previousDigest: B })

    const live = await ledger.live('production')
    expect(live).toMatchObject({ digest: B, environment: 'production', until: null, recordId: second.id })
    const states = Object.fromEntries(host.deploymentsOf(repository).map((d) => [String(d.id), d.statuses.map((s) => s.state)]))
    expect(states).toEqual({ [first.id]: ['inactive', 'success'], [second.id]: ['success'], [refused.id]: ['failure'] })
    const refusal = host.deploymentsOf(repository).find((d) => String(d.id) === refused.id)
    expect(refusal?.statuses[0]?.description).toBe(`no: ${C}`)
    expect(refusal?.task).toBe(`deploy:${C}`)
  })

  it('spans run from the success status to the inactive one, and a rollback opens a new one', async () => {
    const { ledger, repository, append } = fresh()
    const a1 = await append(A, 'staging', 'promoted')
    const aAt = host.now().getTime()
    await append(B, 'staging', 'promoted')
    const bAt = host.now().getTime()
    const a2 = await append(A, 'staging', 'rolled-back')
    const a2At = host.now().getTime()

    expect(await ledger.spans(A, 'staging')).toEqual([
      { digest: A, environment: 'staging', from: iso(aAt), until: iso(bAt), recordId: a1.id },
      { digest: A, environment: 'staging', from: iso(a2At), until: null, recordId: a2.id }
    ])
    expect(await ledger.spans(B, 'staging')).toEqual([expect.objectContaining({ from: iso(bAt), until: iso(a2At) })])
    expect(await ledger.spans(C, 'staging')).toEqual([])
    expect(await ledger.spans(A, 'production')).toEqual([])
    const inactive = host.deploymentsOf(repository).find((d) => d.task === `deploy:${B}`)?.statuses[0]
    expect(inactive).toMatchObject({ state: 'inactive', description: `replaced by ${A.slice(0, 19)}…` })
  })

  it('finds a veto whatever the environment, and a veto is not a promotion', async () => {
    const { ledger, repository, append } = fresh()
    await append(A, 'staging', 'promoted')
    const vetoed = await append(A, 'staging', 'vetoed', { reason: 'CVE-2024-0001' })
    const found = await ledger.veto(A)
    expect(found).toEqual(vetoed)
    expect(found).toMatchObject({ outcome: 'vetoed', reason: 'CVE-2024-0001', environment: 'staging' })
    expect(await ledger.veto(B)).toBeNull()
    expect(await ledger.live('staging')).toMatchObject({ digest: A })
    const veto = host.deploymentsOf(repository).find((d) => d.task === `veto:${A}`)
    expect(veto?.statuses.map((s) => [s.state, s.description])).toEqual([['error', 'CVE-2024-0001']])
    const query = host.requests.filter((r) => r.method === 'GET' && r.query.task === `veto:${B}`)
    expect(query).toHaveLength(1)
    expect(query[0]?.query.environment).toBeUndefined()
  })

  it('previouslyLive gives rollback candidates newest first, each once, without the live digest', async () => {
    const { ledger, append } = fresh()
    await append(C, 'production', 'promoted')
    await append(A, 'production', 'promoted')
    const b = await append(B, 'production', 'promoted')
    await append(digest(0xd), 'production', 'refused')
    await append(A, 'production', 'rolled-back')
    const candidates = await all(ledger.previouslyLive('production'))
    expect(candidates.map((s) => s.digest)).toEqual([B, C])
    expect(candidates[0]).toMatchObject({ recordId: b.id, until: expect.any(String) })
    expect(await all(fresh().ledger.previouslyLive('production'))).toEqual([])
  })

  it('previouslyLive reads only as far as it is consumed', async () => {
    const { ledger, repository } = fresh()
    for (let i = 0; i < 60; i++) {
      const at = START + i * 60_000
      seedRecord(repository, record(digest(i + 1), 'production', 'promoted'), at, [
        { state: 'success', createdAt: iso(at) },
        ...(i < 59 ? [{ state: 'inactive' as const, createdAt: iso(at + 60_000), description: 'replaced by sha256:…' }] : [])
      ])
    }
    host.clearRequests()
    const first: LiveSpan[] = []
    for await (const span of ledger.previouslyLive('production')) {
      first.push(span)
      if (first.length === 2) break
    }
    expect(first.map((s) => s.digest)).toEqual([digest(59), digest(58)])
    expect(host.requests).toHaveLength(4) // one page of deployments, three statuses
  })

  it('entries filters by environment and by digest, merging deployments and vetoes newest first', async () => {
    const { ledger, append } = fresh()
    await append(A, 'staging', 'promoted')
    await append(B, 'staging', 'promoted')
    await append(A, 'production', 'promoted')
    await append(A, 'staging', 'vetoed')
    const outline = (entries: LedgerEntry[]) => entries.map((e) => `${e.outcome} ${e.digest === A ? 'A' : 'B'} ${e.environment}`)
    expect(outline(await all(ledger.entries()))).toEqual(['vetoed A staging', 'promoted A production', 'promoted B staging', 'promoted A staging'])
    expect(outline(await all(ledger.entries({ environment: 'staging' })))).toEqual(['vetoed A staging', 'promoted B staging', 'promoted A staging'])
    expect(outline(await all(ledger.entries({ digest: A })))).toEqual(['vetoed A staging', 'promoted A production', 'promoted A staging'])
    expect(outline(await all(ledger.entries({ digest: A, environment: 'production' })))).toEqual(['promoted A production'])
  })

  it('ignores deployments other tools made, in every query', async () => {
    const { ledger, repository, append } = fresh()
    await append(A, 'production', 'promoted')
    host.advance(60_000)
    host.seedDeployment({ repository, environment: 'production', task: 'deploy', payload: { image: 'x' }, statuses: [{ state: 'success' }] })
    host.seedDeployment({ repository, environment: 'production', task: 'deploy:migrations', payload: 'not json', statuses: [{ state: 'success' }] })
    expect(await ledger.live('production')).toMatchObject({ digest: A })
    expect((await all(ledger.entries())).map((e) => e.digest)).toEqual([A])
    expect(await all(ledger.previouslyLive('production'))).toEqual([])
  })
})

describe('GitHubDeploymentsLedger: cost does not grow with the history', () => {
  let history: ReturnType<typeof fresh>
  let target: string

  beforeAll(() => {
    history = fresh()
    // 300 promotions of other digests, one of A in the middle, each replaced a minute later.
    for (let i = 0; i < 301; i++) {
      const d = i === 150 ? A : digest(1000 + i)
      const at = START + i * 60_000
      const seeded = seedRecord(history.repository, record(d, 'production', 'promoted'), at, [
        { state: 'success', createdAt: iso(at) },
        ...(i < 300 ? [{ state: 'inactive' as const, createdAt: iso(at + 60_000), description: 'replaced by sha256:…' }] : [])
      ])
      if (i === 150) target = String(seeded.id)
    }
  })

  it('spans of a replaced digest: one list and one statuses request', async () => {
    const spans = await history.ledger.spans(A, 'production')
    expect(spans).toEqual([{ digest: A, environment: 'production', from: iso(START + 150 * 60_000), until: iso(START + 151 * 60_000), recordId: target }])
    expect(host.requests.map((r) => r.canonicalPath)).toEqual([`/repos/${history.repository}/deployments`, `/repos/${history.repository}/deployments/${target}/statuses`])
  })

  it('spans of the live digest add the two requests of live', async () => {
    const live = digest(1300)
    expect(await history.ledger.spans(live, 'production')).toEqual([expect.objectContaining({ digest: live, until: null })])
    expect(host.requests).toHaveLength(4)
  })

  it('veto: one request; live: two', async () => {
    expect(await history.ledger.veto(A)).toBeNull()
    expect(host.requests).toHaveLength(1)
    host.clearRequests()
    expect(await history.ledger.live('production')).toMatchObject({ digest: digest(1300) })
    expect(host.requests).toHaveLength(2)
  })

  it('entries pages through more than 100 deployments', async () => {
    const entries = await all(history.ledger.entries({ environment: 'production' }))
    expect(entries).toHaveLength(301)
    expect(entries[0]?.digest).toBe(digest(1300))
    expect(entries[300]?.digest).toBe(digest(1000))
    expect(host.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3', '4'])
  })
})

describe('GitHubDeploymentsLedger: what is live when statuses are missing', () => {
  it('an older deployment that missed its inactive status is not live, and its stretch is closed', async () => {
    const { ledger, repository } = fresh()
    const a = seedRecord(repository, record(A, 'production', 'promoted'), START, [{ state: 'success', createdAt: iso(START) }])
    seedRecord(repository, record(B, 'production', 'promoted'), START + 60_000, [{ state: 'success', createdAt: iso(START + 60_000) }])
    expect(await ledger.live('production')).toMatchObject({ digest: B })
    expect(await ledger.spans(A, 'production')).toEqual([{ digest: A, environment: 'production', from: iso(START), until: iso(START), recordId: String(a.id) }])
    expect(await all(ledger.previouslyLive('production'))).toEqual([{ digest: A, environment: 'production', from: iso(START), until: iso(START + 60_000), recordId: String(a.id) }])
  })

  it('an inactive status the ledger did not post (auto_inactive after a job\'s own deployment) does not end a stretch', async () => {
    const { ledger, repository } = fresh()
    seedRecord(repository, record(A, 'production', 'promoted'), START, [{ state: 'success', createdAt: iso(START) }])
    const b = seedRecord(repository, record(B, 'production', 'promoted'), START + 60_000, [
      { state: 'success', createdAt: iso(START + 60_000) },
      { state: 'inactive', createdAt: iso(START + 120_000) }
    ])
    expect(await ledger.live('production')).toEqual({ digest: B, environment: 'production', from: iso(START + 60_000), until: null, recordId: String(b.id) })
    expect((await all(ledger.previouslyLive('production'))).map((s) => s.digest)).toEqual([A])
  })

  it('nothing is live when the ledger itself marked the last live deployment replaced', async () => {
    const { ledger, repository } = fresh()
    seedRecord(repository, record(B, 'production', 'promoted'), START, [
      { state: 'success', createdAt: iso(START) },
      { state: 'inactive', createdAt: iso(START + 60_000), description: 'replaced by sha256:0123456789ab…' }
    ])
    expect(await ledger.live('production')).toBeNull()
    expect(await ledger.spans(B, 'production')).toMatchObject([{ from: iso(START), until: iso(START + 60_000) }])
  })

  it('a promotion whose status was never posted was never live', async () => {
    const { ledger, repository } = fresh()
    seedRecord(repository, record(A, 'production', 'promoted'), START, [{ state: 'success', createdAt: iso(START) }])
    seedRecord(repository, record(B, 'production', 'promoted'), START + 60_000, [])
    expect(await ledger.live('production')).toMatchObject({ digest: A })
    expect(await ledger.spans(B, 'production')).toEqual([])
  })

  it('live stops looking after a bounded number of deployments and fails closed', async () => {
    const { ledger, repository } = fresh()
    seedRecord(repository, record(A, 'production', 'promoted'), START, [{ state: 'success', createdAt: iso(START) }])
    for (let i = 1; i <= 60; i++) seedRecord(repository, record(digest(i), 'production', 'promoted'), START + i * 1000, [])
    const error = await failure(ledger.live('production'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toContain(`github:${repository}: none of the 50 most recent deployments to "production" (50 of them artifact-seal promotions) was ever live`)
    expect(error.message).toContain('fail closed')
    expect(host.requests.length).toBeLessThanOrEqual(3 + 50)
  })

  it('refusals do not count against that bound', async () => {
    const { ledger, repository } = fresh()
    seedRecord(repository, record(A, 'production', 'promoted'), START, [{ state: 'success', createdAt: iso(START) }])
    for (let i = 1; i <= 120; i++) seedRecord(repository, record(digest(i), 'production', 'refused'), START + i * 1000, [{ state: 'failure' }])
    expect(await ledger.live('production')).toMatchObject({ digest: A })
  })
})

describe('GitHubDeploymentsLedger: damaged records fail closed', () => {
  it('names the deployment and the repository when an artifact-seal payload cannot be read', async () => {
    const { ledger, repository } = fresh()
    const bad = host.seedDeployment({
      repository,
      environment: 'production',
      task: `deploy:${A}`,
      payload: { 'artifact-seal': 1, record: { ...record(A, 'production', 'promoted'), digest: 'sha256:nope' } },
      statuses: [{ state: 'success' }]
    })
    for (const read of [ledger.live('production'), ledger.spans(A, 'production'), all(ledger.entries())]) {
      const error = await failure(read)
      expect(error).toBeInstanceOf(SealError)
      expect(error.message).toContain(`github:${repository}: deployment ${bad.id} (environment "production", task "deploy:${A}") was written by artifact-seal but its record cannot be read`)
      expect(error.message).toContain(`gh api repos/${repository}/deployments/${bad.id}`)
    }
  })

  it('a task of ours without the payload key, or a payload from a newer artifact-seal, is damaged too', async () => {
    const { ledger, repository } = fresh()
    host.seedDeployment({ repository, environment: 'dev', task: `deploy:${A}`, payload: {} })
    expect((await failure(ledger.live('dev'))).message).toContain('its payload has no "artifact-seal" key')
    host.seedDeployment({ repository, environment: 'qa', task: `deploy:${A}`, payload: { 'artifact-seal': 2, record: {} } })
    expect((await failure(ledger.live('qa'))).message).toContain('written by a newer artifact-seal')
    seedRecord(repository, record(B, 'uat', 'promoted'), START, [])
    host.seedDeployment({ repository, environment: 'uat', task: `deploy:${A}`, payload: { 'artifact-seal': 1, record: record(B, 'uat', 'promoted') } })
    expect((await failure(ledger.live('uat'))).message).toContain(`its task names ${A} but its record ${B}`)
  })
})

describe('GitHubDeploymentsLedger: retries', () => {
  const LIST = /\/deployments$/

  it('retries a 500, then answers', async () => {
    const { ledger, sleeps, append } = fresh()
    await append(A, 'production', 'promoted')
    host.inject({ kind: 'server-error', method: 'GET', path: LIST })
    expect(await ledger.live('production')).toMatchObject({ digest: A })
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(500)
    expect(sleeps[0]).toBeLessThanOrEqual(1000)
  })

  it('retries a 502 on a write', async () => {
    const { ledger, repository, sleeps } = fresh()
    host.inject({ kind: 'bad-gateway', method: 'POST', path: /\/statuses$/ })
    await ledger.append(record(A, 'production', 'promoted'))
    expect(sleeps).toHaveLength(1)
    expect(host.deploymentsOf(repository)[0]?.statuses.map((s) => s.state)).toEqual(['success'])
  })

  it('waits for a primary rate limit to reset, measured on GitHub’s clock', async () => {
    const { ledger, sleeps } = fresh()
    host.inject({ kind: 'rate-limit', retryAfterSeconds: 30 })
    expect(await ledger.live('production')).toBeNull()
    expect(sleeps).toEqual([30_000])
  })

  it('waits as a secondary rate limit asks: retry-after, or a minute without it', async () => {
    const { ledger, sleeps } = fresh()
    host.inject({ kind: 'secondary-rate-limit', retryAfterSeconds: 7 })
    host.inject({ kind: 'secondary-rate-limit', status: 429, retryAfterSeconds: null })
    expect(await ledger.veto(A)).toBeNull()
    expect(sleeps).toEqual([7000, 60_000])
  })

  it('fails at once when the rate limit lifts later than it will wait', async () => {
    const { ledger, sleeps } = fresh({ retry: { maxDelayMs: 10_000 } })
    host.inject({ kind: 'rate-limit', retryAfterSeconds: 3600 })
    const error = await failure(ledger.veto(A))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toMatch(/hit GitHub's API rate limit \(403 API rate limit exceeded for installation ID \d+\.\), which lifts at \d{4}-/)
    expect(error.message).toContain('The ledger could not be read, so the promotion is refused (fail closed).')
    expect(sleeps).toEqual([])
  })

  it('a persistent 500 fails closed after the last attempt, saying what to do', async () => {
    const { ledger, repository, sleeps } = fresh()
    host.inject({ kind: 'server-error', times: Infinity })
    const error = await failure(ledger.spans(A, 'production'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toBe(
      `github:${repository}: GET /repos/${repository}/deployments?environment=production&task=deploy:${A}&per_page=100 failed 4 times; ` +
        `the last answer was 500 Server Error. The ledger could not be read, so the promotion is refused (fail closed). ` +
        `Re-run the job; if it keeps failing, check https://www.githubstatus.com and that ${host.url} is reachable from the runner.`
    )
    expect(sleeps).toHaveLength(3)
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(500 * 2 ** i)
      expect(ms).toBeLessThanOrEqual(1000 * 2 ** i)
    })
    expect(host.requests).toHaveLength(4)
  })

  it('honours the retry options', async () => {
    const { ledger, sleeps } = fresh({ retry: { attempts: 2, baseDelayMs: 10 } })
    host.inject({ kind: 'bad-gateway', times: Infinity })
    expect((await failure(ledger.live('production'))).message).toContain('failed 2 times; the last answer was 502 502 Bad Gateway Unicorn!')
    expect(sleeps).toHaveLength(1)
  })

  it('a write that keeps failing says the record could not be written', async () => {
    const { ledger } = fresh({ retry: { attempts: 1 } })
    host.inject({ kind: 'server-error', method: 'POST', times: Infinity })
    const error = await failure(ledger.append(record(A, 'production', 'refused')))
    expect(error.message).toContain('POST /repos/')
    expect(error.message).toContain('failed once; the last answer was 500 Server Error. The record could not be written, so the promotion is refused (fail closed).')
  })

  it('an answer that is not JSON fails closed without retrying', async () => {
    const { ledger, repository, sleeps } = fresh()
    host.inject({ kind: 'garbage', times: Infinity })
    const error = await failure(ledger.live('production'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toBe(
      `github:${repository}: GET /repos/${repository}/deployments?environment=production&per_page=20 answered 200 with "[{\\"id\\": 1, \\"task\\": \\"deploy\\", \\"pay", ` +
        `not the JSON GitHub sends. The ledger could not be read, so the promotion is refused (fail closed). ` +
        `Re-run the job; if it keeps failing, check https://www.githubstatus.com and any proxy between the runner and ${host.url}.`
    )
    expect(sleeps).toEqual([])
  })

  it('times out a slow answer and retries it', async () => {
    const { ledger, sleeps } = fresh({ timeoutMs: 100 })
    host.inject({ kind: 'slow', delayMs: 30_000 })
    expect(await ledger.live('production')).toBeNull()
    expect(sleeps).toHaveLength(1)
    expect(host.requests.map((r) => r.fault)).toEqual(['slow', null])
  })

  it('a timeout on every attempt says no answer came', async () => {
    const { ledger } = fresh({ timeoutMs: 50, retry: { attempts: 2 } })
    host.inject({ kind: 'slow', delayMs: 30_000, times: Infinity })
    expect((await failure(ledger.live('production'))).message).toContain('failed 2 times; the last attempt got no answer before the request timed out.')
  })

  it('retries when nothing listens, then fails closed naming the connection error', async () => {
    const server = http.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const { ledger, sleeps } = fresh({ apiUrl: `http://127.0.0.1:${port}` })
    const error = await failure(ledger.live('production'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toContain('failed 4 times; the last attempt got connect ECONNREFUSED')
    expect(sleeps).toHaveLength(3)
  })
})

describe('GitHubDeploymentsLedger: the token', () => {
  it('401 names the token input', async () => {
    const { ledger, sleeps } = fresh({ token: 'ghs_revoked', tokenInput: 'ledger-token' })
    const error = await failure(ledger.live('production'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toMatch(/^ledger-token: the token was refused \(401 Bad credentials\) on GET \/repos\/.*The ledger could not be read/)
    expect(sleeps).toEqual([])
  })

  it('403 says which permission the job needs', async () => {
    host.addToken('ghs_read-only', { deployments: 'read' })
    host.addToken('ghs_nothing', { actions: 'read' })
    const reader = fresh({ token: 'ghs_read-only' })
    const write = await failure(reader.ledger.append(record(A, 'production', 'refused')))
    expect(write.message).toContain(`github-token: the token may not write the deployments of ${reader.repository} (403 Resource not accessible by integration on POST`)
    expect(write.message).toContain('Give the job "permissions: deployments: write"')
    const read = await failure(fresh({ token: 'ghs_nothing' }).ledger.veto(A))
    expect(read.message).toContain('Give the job "permissions: deployments: read" (deployments: write to promote)')
    expect(reader.sleeps).toEqual([])
  })

  it('an unknown commit is a 422 that says which commit a deployment needs', async () => {
    const { ledger } = fresh({ ref: 'no-such-branch' })
    const error = await failure(ledger.append(record(A, 'production', 'promoted')))
    expect(error.message).toContain('answered 422 No ref found for: no-such-branch. The record could not be written')
    expect(error.message).toContain('push that commit')
  })
})
