import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import {
  type LedgerEntry,
  type LiveSpan,
  type NewRecord,
  serviceOf
} from '../../../src/core/promotion/record.js'
import {
  GitHubDeploymentsLedger,
  type GitHubDeploymentsLedgerOptions
} from '../../../src/stores/ledger/github-deployments.js'
import type { ApiStatus } from '../../../src/stores/ledger/github/api.js'
import { historyOf } from '../../../src/stores/ledger/github/history.js'
import type { LedgerView } from '../../../src/stores/ledger/ledger.js'
import {
  startGitHubApiHost,
  type GitHubApiHost,
  type SeedStatus
} from '../../hosts/github-api-host.js'

const SHA = '0123456789abcdef0123456789abcdef01234567'
const SEALED_SHA = 'feedfacefeedfacefeedfacefeedfacefeedface'
const START = Date.UTC(2024, 5, 1)
const HOUR = 60 * 60 * 1000
const TIMEOUT = 6 * HOUR
const RUN = 'https://github.com/acme/shop/actions/runs/4242'

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
let keys = 0

function decision(
  d: Digest,
  environment: string,
  outcome: 'pending' | 'refused' | 'vetoed',
  extra: Partial<NewRecord> = {}
): NewRecord {
  return {
    digest: d,
    name: 'shop',
    environment,
    outcome,
    mode: outcome === 'vetoed' ? null : 'promote',
    runUrl: RUN,
    actor: 'octocat',
    sealedBy: null,
    previousDigest: null,
    reason: outcome === 'pending' ? null : `no: ${d}`,
    environmentUrl: outcome === 'pending' ? 'https://shop.example' : null,
    artifact: null,
    resolves: null,
    key: `key-${++keys}`,
    ...extra
  }
}

let repositories = 0

/** A ledger on a repository of its own, with a sleep that records what it was asked to wait. */
function fresh(
  options: Partial<GitHubDeploymentsLedgerOptions> = {},
  repository = `acme/shop-${++repositories}`
) {
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
  /**
   * Records a decision a minute after the last thing that happened; a pending one is decided
   * against what its service runs (its previous digest, read before `decide`), as a gate does,
   * unless the record names one.
   */
  const write = async (record: NewRecord, decide?: (view: LedgerView) => Promise<void>) => {
    host.advance(60_000)
    return ledger.record(
      record.environment,
      async (view) => {
        const previous =
          record.outcome === 'pending' && record.previousDigest === null
            ? ((await view.live(record.environment, serviceOf(record)))?.digest ?? null)
            : record.previousDigest
        await decide?.(view)
        return { ...record, previousDigest: previous }
      },
      TIMEOUT
    )
  }
  const promote = async (
    d: Digest,
    environment: string,
    extra: Partial<NewRecord> = {}
  ): Promise<LedgerEntry> => {
    const { entry } = await write(decision(d, environment, 'pending', extra))
    if (entry === null) throw new Error('nothing recorded')
    return entry
  }
  const confirm = async (id: string) => {
    host.advance(60_000)
    return ledger.resolve({ id, outcome: 'confirmed', reason: null, runUrl: RUN, actor: 'octocat' })
  }
  /** A promotion whose deployment is confirmed: the digest goes live. */
  const deploy = async (d: Digest, environment: string, extra: Partial<NewRecord> = {}) => {
    const pending = await promote(d, environment, extra)
    return { pending, confirmed: await confirm(pending.id) }
  }
  const veto = async (d: Digest, environment = 'production') =>
    (await write(decision(d, environment, 'vetoed', { reason: `CVE for ${d.slice(-1)}` })))
      .entry as LedgerEntry
  const statesOf = (id: string) =>
    host
      .deploymentsOf(repository)
      .find((x) => String(x.id) === id)
      ?.statuses.map((s) => `${s.state} ${s.description}`.trim())
  return { ledger, repository, sleeps, write, promote, confirm, deploy, veto, statesOf }
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
const at = (ms: number) => ({ createdAt: iso(ms) })

/** Seeds a deployment as the ledger would have written it. */
function seedRecord(
  repository: string,
  r: NewRecord,
  time: number,
  statuses: readonly SeedStatus[]
) {
  const { key, ...rest } = r
  return host.seedDeployment({
    repository,
    environment: r.environment,
    task: `${r.outcome === 'vetoed' ? 'veto' : 'deploy'}:${r.digest}`,
    payload: { 'artifact-seal': 2, record: { ...rest, key } },
    createdAt: iso(time),
    statuses
  })
}

/** Seeds a pending record confirmed at `time` (and replaced at `until`, when given). */
function seedLive(
  repository: string,
  d: Digest,
  environment: string,
  time: number,
  until?: number
) {
  return seedRecord(repository, decision(d, environment, 'pending'), time, [
    { state: 'in_progress', ...at(time) },
    { state: 'success', ...at(time), description: 'deployed' },
    ...(until === undefined
      ? []
      : [{ state: 'inactive' as const, ...at(until), description: 'replaced by sha256:…' }])
  ])
}

describe('GitHubDeploymentsLedger: pending, confirmed, failed, abandoned', () => {
  it('records a pending decision as a deployment in progress, which is not live', async () => {
    const { ledger, repository, write } = fresh()
    const record = decision(A, 'staging', 'pending', {
      sealedBy: { repository: null, commit: SEALED_SHA, runUrl: null }
    })
    const { entry, lost, abandoned } = await write(record)
    expect(lost).toBeNull()
    expect(abandoned).toEqual([])
    const [deployment] = host.deploymentsOf(repository)
    expect(deployment).toMatchObject({
      id: Number(entry?.id),
      ref: SEALED_SHA,
      task: `deploy:${A}`,
      environment: 'staging',
      description: `promoting ${A.slice(0, 19)}… (shop)`,
      transient_environment: false,
      payload: { 'artifact-seal': 2, record: { ...record, service: 'shop' } }
    })
    expect(deployment?.statuses.map((s) => s.state)).toEqual(['in_progress'])
    expect(entry).toEqual({
      ...record,
      service: 'shop',
      time: deployment?.created_at,
      id: String(deployment?.id),
      url: `https://github.com/${repository}/deployments/staging`
    })
    const create = host.requests.find(
      (r) => r.method === 'POST' && r.canonicalPath === `/repos/${repository}/deployments`
    )
    expect(create?.body).toMatchObject({
      auto_merge: false,
      required_contexts: [],
      transient_environment: false
    })
    expect(create?.headers).toMatchObject({
      'x-github-api-version': '2022-11-28',
      'user-agent': expect.stringMatching(/^artifact-seal\//)
    })

    expect(await ledger.live('staging', 'shop')).toBeNull()
    expect(await ledger.spans(A, 'staging', 'shop')).toEqual([])
    expect(await ledger.pending('staging')).toEqual([entry])
    expect(await all(ledger.entries())).toEqual([entry])
    expect(ledger.location).toBe(`github:${repository}`)
  })

  it('a confirmation makes the digest live from its success status’s time', async () => {
    const { ledger, repository, promote, confirm } = fresh()
    const pending = await promote(A, 'production')
    host.advance(5 * 60_000)
    const confirmed = await confirm(pending.id)
    const success = host.deploymentsOf(repository)[0]?.statuses[0]
    expect(success).toMatchObject({
      state: 'success',
      log_url: RUN,
      environment_url: 'https://shop.example',
      description: `deployed ${A.slice(0, 19)}… (shop)`
    })
    expect(confirmed).toMatchObject({
      outcome: 'deployed',
      resolves: pending.id,
      time: success?.created_at,
      id: `${pending.id}/statuses/${success?.id}`,
      runUrl: RUN,
      reason: null
    })
    expect(Date.parse(confirmed.time) - Date.parse(pending.time)).toBe(6 * 60_000)
    const live = {
      digest: A,
      environment: 'production',
      from: success?.created_at,
      until: null,
      recordId: pending.id
    }
    expect(await ledger.live('production', 'shop')).toEqual(live)
    expect(await ledger.spans(A, 'production', 'shop')).toEqual([live])
    expect(await ledger.pending('production')).toEqual([])
    expect((await all(ledger.entries())).map((e) => e.outcome)).toEqual(['deployed', 'pending'])
  })

  it('a rollback’s confirmation is a rolled-back record', async () => {
    const { promote, confirm } = fresh()
    const pending = await promote(A, 'production', { mode: 'rollback' })
    expect((await confirm(pending.id)).outcome).toBe('rolled-back')
  })

  it('the next confirmation replaces the live deployment, which is marked inactive', async () => {
    const { ledger, deploy, statesOf } = fresh()
    const a = await deploy(A, 'production')
    const b = await deploy(B, 'production', { previousDigest: A })
    expect(await ledger.live('production', 'shop')).toMatchObject({
      digest: B,
      from: b.confirmed.time,
      recordId: b.pending.id
    })
    expect(await ledger.spans(A, 'production', 'shop')).toEqual([
      {
        digest: A,
        environment: 'production',
        from: a.confirmed.time,
        until: b.confirmed.time,
        recordId: a.pending.id
      }
    ])
    expect(statesOf(a.pending.id)?.[0]).toBe(
      `inactive replaced by ${B.slice(0, 19)}… (deployment ${b.pending.id})`
    )
    expect(statesOf(b.pending.id)).toEqual([
      `success deployed ${B.slice(0, 19)}… (shop)`,
      expect.stringMatching(/^in_progress /)
    ])
    expect((await all(ledger.previouslyLive('production', 'shop'))).map((s) => s.digest)).toEqual([
      A
    ])
  })

  it('failed and abandoned records are never live, and the environment keeps what it ran', async () => {
    const { ledger, promote, deploy, statesOf } = fresh()
    const a = await deploy(A, 'production')
    const b = await promote(B, 'production')
    const failed = await ledger.resolve({
      id: b.id,
      outcome: 'failed',
      reason: 'the deploy job failed',
      runUrl: RUN,
      actor: null
    })
    expect(failed).toMatchObject({
      outcome: 'failed',
      reason: 'the deploy job failed',
      resolves: b.id
    })
    const c = await promote(C, 'production')
    const abandoned = await ledger.resolve({
      id: c.id,
      outcome: 'abandoned',
      reason: 'cancelled',
      runUrl: null,
      actor: null
    })
    expect(abandoned).toMatchObject({ outcome: 'abandoned', reason: 'abandoned: cancelled' })
    expect(statesOf(c.id)?.[0]).toBe('error abandoned: cancelled')
    expect(await ledger.live('production', 'shop')).toMatchObject({
      digest: A,
      recordId: a.pending.id,
      until: null
    })
    expect(await ledger.spans(B, 'production', 'shop')).toEqual([])
    expect(await ledger.spans(C, 'production', 'shop')).toEqual([])
    expect(await ledger.pending('production')).toEqual([])
  })

  it('refuses to confirm a record of another environment than the one given, posting nothing', async () => {
    const { ledger, promote, statesOf } = fresh()
    const b = await promote(B, 'staging')
    await expect(
      ledger.resolve({
        id: b.id,
        outcome: 'confirmed',
        reason: null,
        runUrl: RUN,
        actor: null,
        environment: 'production'
      })
    ).rejects.toThrowSealError('bad-input', `${b.id}`, `${B}`)
    expect(statesOf(b.id)).toEqual([expect.stringMatching(/^in_progress /)])
    expect(
      await ledger.resolve({
        id: b.id,
        outcome: 'confirmed',
        reason: null,
        runUrl: RUN,
        actor: null,
        environment: 'staging'
      })
    ).toMatchObject({ outcome: 'deployed' })
  })

  it('a record that is not pending, not ours or unknown cannot be resolved, and the error names it', async () => {
    const { ledger, repository, deploy, write } = fresh()
    const { pending } = await deploy(A, 'production')
    const again = await failure(
      ledger.resolve({ id: pending.id, outcome: 'failed', reason: null, runUrl: null, actor: null })
    )
    expect(again).toBeInstanceOf(SealError)
    expect(again.message).toContain(
      `github:${repository}: deployment ${pending.id} (${A} to production) is not pending: it was resolved as ` +
        'deployed at '
    )
    const refused = (await write(decision(B, 'production', 'refused'))).entry as LedgerEntry
    expect(
      (
        await failure(
          ledger.resolve({
            id: refused.id,
            outcome: 'confirmed',
            reason: null,
            runUrl: null,
            actor: null
          })
        )
      ).message
    ).toContain(
      `deployment ${refused.id} is a refused record of ${B} in production, not a pending one`
    )
    const foreign = host.seedDeployment({
      repository,
      environment: 'production',
      task: 'deploy',
      payload: {}
    })
    expect(
      (
        await failure(
          ledger.resolve({
            id: String(foreign.id),
            outcome: 'confirmed',
            reason: null,
            runUrl: null,
            actor: null
          })
        )
      ).message
    ).toContain(
      `deployment ${foreign.id} (task "deploy", environment "production") was not made by artifact-seal`
    )
    const unknown = await failure(
      ledger.resolve({
        id: '99999999',
        outcome: 'confirmed',
        reason: null,
        runUrl: null,
        actor: null
      })
    )
    expect(unknown).toBeInstanceOf(SealError)
    expect(unknown.message).toContain(`GET /repos/${repository}/deployments/99999999 answered 404`)
  })

  it('the next record() marks pending records older than the timeout abandoned', async () => {
    const { ledger, promote, write, confirm, statesOf } = fresh()
    const stale = await promote(A, 'production')
    host.advance(TIMEOUT - 2 * 60_000)
    const recent = await promote(B, 'production')
    host.advance(5 * 60_000)
    const { abandoned } = await write(decision(C, 'production', 'refused'))
    expect(abandoned).toEqual([
      expect.objectContaining({
        outcome: 'abandoned',
        resolves: stale.id,
        reason: "abandoned: not confirmed within 6h of the gate's decision"
      })
    ])
    expect(statesOf(stale.id)?.[0]).toBe(
      "error abandoned: not confirmed within 6h of the gate's decision"
    )
    expect((await ledger.pending('production')).map((e) => e.id)).toEqual([recent.id])
    // Too late to confirm: it is abandoned, and the error says so.
    expect((await failure(confirm(stale.id))).message).toContain(
      'is not pending: it was resolved as abandoned'
    )
  })

  it('a confirmation later than the pending timeout is refused', async () => {
    const { promote, confirm } = fresh()
    const pending = await promote(A, 'production')
    host.advance(TIMEOUT + 60_000)
    const error = await failure(confirm(pending.id))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toContain(
      'longer than a pending record may wait for its confirmation (360 minutes)'
    )
  })
})

describe('GitHubDeploymentsLedger: contracts', () => {
  it(
    'an approval is an approve:<digest> deployment with an inactive status, never live; contract and ' +
      'amendment ride in the record',
    async () => {
      const { ledger, repository, deploy } = fresh()
      await deploy(A, 'production')
      const contract = { digest: B, version: '2.0.0' }
      const approval = await ledger.record(
        'production',
        async () => ({
          ...decision(A, 'production', 'refused'),
          outcome: 'approved',
          mode: null,
          reason: 'clients moved',
          approves: { from: C, to: B }
        }),
        TIMEOUT
      )
      expect(approval.entry).toMatchObject({
        outcome: 'approved',
        mode: null,
        approves: { from: C, to: B }
      })
      const deployment = host.deploymentsOf(repository).find((d) => d.task === `approve:${A}`)
      expect(deployment?.statuses.map((s) => s.state)).toEqual(['inactive'])
      const amendment = {
        from: { digest: C, version: '1.0.0' },
        to: contract,
        breaking: 1,
        dangerous: 0,
        compatible: 2,
        rules: ['response-required-property-removed'],
        approval: approval.entry?.id as string
      }
      const pending = await ledger.record(
        'production',
        async () => ({ ...decision(B, 'production', 'pending'), contract, amendment }),
        TIMEOUT
      )
      const read: LedgerEntry[] = []
      for await (const e of ledger.entries({ environment: 'production' })) read.push(e)
      expect(read.find((e) => e.id === pending.entry?.id)).toMatchObject({ contract, amendment })
      expect(read.find((e) => e.outcome === 'approved')?.id).toBe(approval.entry?.id)
      expect((await ledger.live('production', 'shop'))?.digest).toBe(A)
    }
  )
})

describe('GitHubDeploymentsLedger: one approval, two promotions racing for it', () => {
  it(
    'both decided before either appended: the one appended first keeps it, the other is marked failed and ' +
      'says why',
    async () => {
      const { ledger, repository, deploy } = fresh()
      await deploy(A, 'production')
      const approval = await ledger.record(
        'production',
        async () => ({
          ...decision(A, 'production', 'refused'),
          outcome: 'approved',
          mode: null,
          reason: 'ok',
          approves: { from: C, to: B }
        }),
        TIMEOUT
      )
      const amendment = {
        from: { digest: C, version: '1.0.0' },
        to: { digest: B, version: '2.0.0' },
        breaking: 1,
        dangerous: 0,
        compatible: 0,
        rules: ['r'],
        approval: approval.entry?.id as string
      }
      let release: () => void = () => undefined
      const bothDecided = new Promise<void>((resolve) => (release = resolve))
      let decided = 0
      const racer = () =>
        ledger.record(
          'production',
          async () => {
            decided += 1
            if (decided === 2) release()
            await bothDecided
            return { ...decision(B, 'production', 'pending'), amendment }
          },
          TIMEOUT
        )
      const [first, second] = await Promise.all([racer(), racer()])
      const results = [first, second].sort((x, y) =>
        Number(BigInt(x.entry?.id ?? '0') - BigInt(y.entry?.id ?? '0'))
      )
      expect(results[0]?.lost).toBeNull()
      expect(results[1]?.lost).toContain(
        `approval (record ${approval.entry?.id}) was used by deployment ${results[0]?.entry?.id}`
      )
      const loser = host
        .deploymentsOf(repository)
        .find((d) => d.id === Number(results[1]?.entry?.id))
      expect(loser?.statuses.map((st) => st.state)).toContain('failure')
    }
  )
})

describe('GitHubDeploymentsLedger: vetoes and races', () => {
  it('a veto is a veto:<digest> deployment with an error status, found whatever the environment', async () => {
    const { ledger, repository, deploy, veto } = fresh()
    await deploy(A, 'staging')
    const vetoed = await veto(A, 'staging')
    expect(await ledger.veto(A)).toEqual(vetoed)
    expect(vetoed).toMatchObject({ outcome: 'vetoed', mode: null, reason: `CVE for a` })
    expect(await ledger.veto(B)).toBeNull()
    const deployment = host.deploymentsOf(repository).find((d) => d.task === `veto:${A}`)
    expect(deployment?.statuses.map((s) => [s.state, s.description])).toEqual([
      ['error', 'CVE for a']
    ])
    const query = host.requests.filter((r) => r.method === 'GET' && r.query.task === `veto:${B}`)
    expect(query).toHaveLength(1)
    expect(query[0]?.query.environment).toBeUndefined()
  })

  it('a veto between the reads and the append: the record is marked failed and lost says why', async () => {
    const { ledger, repository, write, statesOf } = fresh()
    const other = fresh({}, repository)
    const { entry, lost } = await write(decision(A, 'production', 'pending'), async (view) => {
      expect(await view.veto(A)).toBeNull()
      await other.veto(A)
    })
    expect(lost).toBe(`${A} was vetoed while the promotion was being recorded (CVE for a)`)
    expect(statesOf(entry?.id as string)?.[0]).toBe(`failure ${lost}`)
    expect(await ledger.pending('production')).toEqual([])
  })

  it('another promotion going live between the reads and the append: lost', async () => {
    const { ledger, repository, write, deploy, statesOf } = fresh()
    await deploy(C, 'production')
    const other = fresh({}, repository)
    let b: string | undefined
    const { entry, lost } = await write(decision(A, 'production', 'pending'), async (view) => {
      expect(await view.live('production', 'shop')).toMatchObject({ digest: C })
      b = (await other.deploy(B, 'production')).pending.id
    })
    expect(lost).toContain(
      `another promotion to production of "shop" went live while this one was being recorded: ${B} (deployment ${b}) is live now, not ${C}`
    )
    expect(statesOf(entry?.id as string)?.[0]).toMatch(/^failure another promotion/)
    expect(await ledger.live('production', 'shop')).toMatchObject({ digest: B })
  })

  it('a confirmation after a veto fails without the digest ever being live', async () => {
    const { ledger, deploy, promote, confirm, veto, statesOf } = fresh()
    const a = await deploy(A, 'production')
    const b = await promote(B, 'production')
    await veto(B)
    const resolved = await confirm(b.id)
    expect(resolved).toMatchObject({
      outcome: 'failed',
      reason: 'vetoed while being deployed: CVE for b'
    })
    expect(statesOf(b.id)?.map((s) => s.split(' ')[0])).toEqual(['failure', 'in_progress'])
    expect(await ledger.live('production', 'shop')).toMatchObject({
      digest: A,
      recordId: a.pending.id
    })
    expect(await ledger.spans(B, 'production', 'shop')).toEqual([])
  })

  it('a success voided by a veto that landed while it was posted never counts as live', async () => {
    const { ledger, repository } = fresh()
    const a = seedLive(repository, A, 'production', START)
    seedRecord(repository, decision(B, 'production', 'pending'), START + 60_000, [
      { state: 'in_progress', ...at(START + 60_000) },
      { state: 'success', ...at(START + 120_000) },
      { state: 'failure', ...at(START + 120_000), description: 'vetoed while being deployed: CVE' }
    ])
    expect(await ledger.live('production', 'shop')).toEqual({
      digest: A,
      environment: 'production',
      from: iso(START),
      until: null,
      recordId: String(a.id)
    })
    expect(await ledger.spans(B, 'production', 'shop')).toEqual([])
    expect(
      (await all(ledger.entries({ digest: B }))).map((e) => `${e.outcome} ${e.reason}`)
    ).toEqual(['failed vetoed while being deployed: CVE', 'pending null'])
  })

  it('an abandonment that lost the race to a confirmation is passed over, and the other way round', async () => {
    const { ledger, repository } = fresh()
    const confirmedFirst = seedRecord(repository, decision(A, 'production', 'pending'), START, [
      { state: 'in_progress', ...at(START) },
      { state: 'success', ...at(START + 60_000) },
      { state: 'error', ...at(START + 60_000), description: 'abandoned: not confirmed within 6h' }
    ])
    seedRecord(repository, decision(B, 'production', 'pending'), START + 120_000, [
      { state: 'in_progress', ...at(START + 120_000) },
      { state: 'error', ...at(START + 180_000), description: 'abandoned: not confirmed within 6h' },
      { state: 'success', ...at(START + 180_000) }
    ])
    expect(await ledger.live('production', 'shop')).toMatchObject({
      digest: A,
      recordId: String(confirmedFirst.id),
      from: iso(START + 60_000)
    })
  })
})

describe('GitHubDeploymentsLedger: the live digest recorded again', () => {
  it('keeps one stretch from the first confirmation, and posts no inactive on it', async () => {
    const { ledger, deploy, statesOf } = fresh()
    const first = await deploy(A, 'production')
    const again = await deploy(A, 'production', { previousDigest: A })
    expect(statesOf(first.pending.id)?.map((s) => s.split(' ')[0])).toEqual([
      'success',
      'in_progress'
    ])
    expect(statesOf(again.pending.id)?.[0]).toBe(
      `success deployed ${A.slice(0, 19)}… (shop) (continues ${first.pending.id})`
    )
    const one = {
      digest: A,
      environment: 'production',
      from: first.confirmed.time,
      until: null,
      recordId: first.pending.id
    }
    expect(await ledger.live('production', 'shop')).toEqual(one)
    expect(await ledger.spans(A, 'production', 'shop')).toEqual([one])

    const b = await deploy(B, 'production')
    expect(statesOf(first.pending.id)?.[0]).toMatch(/^inactive replaced by/)
    expect(statesOf(again.pending.id)?.[0]).toMatch(/^inactive replaced by/)
    expect(await ledger.spans(A, 'production', 'shop')).toEqual([
      { ...one, until: b.confirmed.time }
    ])
    expect(await all(ledger.previouslyLive('production', 'shop'))).toEqual([
      { ...one, until: b.confirmed.time }
    ])
  })

  it('the first confirmation is found however far back it lies', async () => {
    const { ledger, repository, deploy } = fresh()
    const first = await deploy(A, 'production')
    for (let i = 0; i < 20; i++)
      host.seedDeployment({
        repository,
        environment: 'production',
        task: 'deploy',
        payload: {},
        createdAt: iso(host.now().getTime() + i)
      })
    host.advance(3 * 24 * HOUR)
    await deploy(A, 'production')
    expect(await ledger.live('production', 'shop')).toMatchObject({
      recordId: first.pending.id,
      from: first.confirmed.time
    })
  })
})

describe('GitHubDeploymentsLedger: time is GitHub’s', () => {
  it('now() is the Date of GitHub’s answers', async () => {
    const { ledger } = fresh()
    host.advance(1234)
    const expected = Math.floor(host.now().getTime() / 1000) * 1000
    expect((await ledger.now()).getTime()).toBe(expected)
  })

  it('a status dated after GitHub’s now is refused (fail closed)', async () => {
    const { ledger, repository } = fresh()
    const future = host.now().getTime() + HOUR
    const seeded = seedRecord(
      repository,
      decision(A, 'production', 'pending'),
      host.now().getTime(),
      [
        { state: 'in_progress', ...at(host.now().getTime()) },
        { state: 'success', ...at(future) }
      ]
    )
    const error = await failure(ledger.live('production', 'shop'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toContain(
      `github:${repository}: deployment ${seeded.id} (environment "production", task "deploy:${A}") has a ` +
        `success status dated ${iso(future)}, after GitHub's own clock`
    )
    expect(error.message).toContain('fail closed')
  })

  it('statuses that are not ISO 8601 or go backwards are refused', () => {
    const status = (id: number, createdAt: string, state = 'success'): ApiStatus => ({
      id: String(id),
      state,
      createdAt,
      description: '',
      logUrl: '',
      environmentUrl: ''
    })
    const unreadable = (detail: string): never => {
      throw new SealError('tampered', detail)
    }
    expect(() => historyOf([status(2, '2024-06-01 00:00:00')], unreadable)).toThrowSealError(
      'tampered',
      '"2024-06-01 00:00:00"'
    )
    expect(() =>
      historyOf(
        [status(3, '2024-06-01T00:00:00Z'), status(2, '2024-06-01T00:01:00Z', 'in_progress')],
        unreadable
      )
    ).toThrowSealError('tampered')
    expect(
      historyOf(
        [status(3, '2024-06-01T00:01:00Z'), status(2, '2024-06-01T00:01:00Z', 'in_progress')],
        unreadable
      ).stretch
    ).toEqual({ from: '2024-06-01T00:01:00Z', until: null })
  })
})

describe('GitHubDeploymentsLedger: writes are made once', () => {
  it('a deployment POST served then answered 500 is found by its key, not made twice', async () => {
    const { repository, write, sleeps } = fresh()
    host.inject({ kind: 'served-server-error', method: 'POST', path: /\/deployments$/ })
    const { entry } = await write(decision(A, 'production', 'pending'))
    expect(host.deploymentsOf(repository)).toHaveLength(1)
    expect(entry?.id).toBe(String(host.deploymentsOf(repository)[0]?.id))
    expect(sleeps).toHaveLength(1)
    expect(
      host.requests.filter((r) => r.method === 'POST' && r.canonicalPath.endsWith('/deployments'))
    ).toHaveLength(1)
  })

  it('so is one whose connection was reset after it was served', async () => {
    const { repository, write } = fresh()
    host.inject({ kind: 'served-reset', method: 'POST', path: /\/deployments$/ })
    await write(decision(A, 'production', 'refused'))
    expect(host.deploymentsOf(repository)).toHaveLength(1)
    expect(host.deploymentsOf(repository)[0]?.statuses.map((s) => s.state)).toEqual(['failure'])
  })

  it('a deployment POST that failed before it was served is sent again', async () => {
    const { repository, write } = fresh()
    host.inject({ kind: 'server-error', method: 'POST', path: /\/deployments$/ })
    await write(decision(A, 'production', 'pending'))
    expect(host.deploymentsOf(repository)).toHaveLength(1)
    expect(
      host.requests.filter((r) => r.method === 'POST' && r.canonicalPath.endsWith('/deployments'))
    ).toHaveLength(2)
  })

  it('a status POST served twice leaves two identical statuses, read as one', async () => {
    const { ledger, promote, confirm, statesOf } = fresh()
    const pending = await promote(A, 'production')
    host.inject({ kind: 'served-server-error', method: 'POST', path: /\/statuses$/ })
    const confirmed = await confirm(pending.id)
    expect(statesOf(pending.id)?.map((s) => s.split(' ')[0])).toEqual([
      'success',
      'success',
      'in_progress'
    ])
    expect(await ledger.live('production', 'shop')).toMatchObject({
      digest: A,
      from: confirmed.time
    })
  })
})

describe('GitHubDeploymentsLedger: what a read costs', () => {
  /** 1,000 refusals and 1,000 deployments of other tools after the live one, interleaved. */
  function busy() {
    const setup = fresh()
    const live = seedLive(setup.repository, A, 'production', START)
    for (let i = 1; i <= 1000; i++) {
      seedRecord(setup.repository, decision(digest(i), 'production', 'refused'), START + i * 2000, [
        { state: 'failure', ...at(START + i * 2000) }
      ])
      host.seedDeployment({
        repository: setup.repository,
        environment: 'production',
        task: 'deploy',
        payload: { image: i },
        createdAt: iso(START + i * 2000 + 1000),
        statuses: [{ state: 'success', ...at(START + i * 2000 + 1000) }]
      })
    }
    return { ...setup, live: String(live.id) }
  }

  it('live() with 1,000 refusals and 1,000 foreign deployments: 21 pages and one statuses read', async () => {
    const { ledger, live } = busy()
    host.setNow(new Date(START + 3 * HOUR))
    host.clearRequests()
    expect(await ledger.live('production', 'shop')).toEqual({
      digest: A,
      environment: 'production',
      from: iso(START),
      until: null,
      recordId: live
    })
    // ⌈2,001 / 100⌉ pages + 1 statuses read (the only pending record's)
    const lists = host.requests.filter((r) => r.canonicalPath.endsWith('/deployments'))
    const statuses = host.requests.filter((r) => r.canonicalPath.endsWith('/statuses'))
    expect([lists.length, statuses.length, host.requests.length]).toEqual([21, 1, 22])
  })

  it('pending() and previouslyLive() on the same environment: the same pages', async () => {
    const { ledger } = busy()
    host.setNow(new Date(START + 3 * HOUR))
    await ledger.now()
    host.clearRequests()
    expect(await ledger.pending('production')).toEqual([])
    expect(host.requests).toHaveLength(22)
    host.clearRequests()
    expect(await all(ledger.previouslyLive('production', 'shop'))).toEqual([])
    expect(host.requests).toHaveLength(22)
  })

  it('history older than the reach costs nothing: the same count with and without 300 older promotions', async () => {
    const counts: number[] = []
    for (const older of [0, 300]) {
      const { ledger, repository } = fresh()
      for (let i = 0; i < older; i++)
        seedLive(
          repository,
          digest(5000 + i),
          'production',
          START - 30 * 24 * HOUR + i * 60_000,
          START - 30 * 24 * HOUR + (i + 1) * 60_000
        )
      const live = seedLive(repository, A, 'production', START)
      for (let i = 1; i <= 50; i++)
        seedRecord(repository, decision(digest(i), 'production', 'refused'), START + i * 1000, [
          { state: 'failure' }
        ])
      host.clearRequests()
      expect(await ledger.live('production', 'shop')).toMatchObject({ recordId: String(live.id) })
      counts.push(host.requests.length)
      const spansBefore = host.requests.length
      expect(await ledger.spans(A, 'production', 'shop')).toHaveLength(1)
      counts.push(host.requests.length - spansBefore)
    }
    // live: one page and the live record's statuses; spans: one list and one statuses read, plus live's two.
    expect(counts[0]).toBe(counts[2])
    expect(counts[1]).toBe(counts[3])
    expect(counts.slice(0, 2)).toEqual([2, 4])
  })

  it('veto(digest) is one request, whatever the history', async () => {
    const { ledger } = busy()
    host.clearRequests()
    expect(await ledger.veto(A)).toBeNull()
    expect(host.requests).toHaveLength(1)
  })

  it('previouslyLive reads only as far as it is consumed', async () => {
    const { ledger, repository } = fresh({ pendingTimeoutMs: 10 * 60_000 })
    for (let i = 0; i < 60; i++) {
      const time = START + i * HOUR
      seedLive(repository, digest(i + 1), 'production', time, i < 59 ? time + HOUR : undefined)
    }
    host.setNow(new Date(START + 61 * HOUR))
    host.clearRequests()
    const first: LiveSpan[] = []
    for await (const span of ledger.previouslyLive('production', 'shop')) {
      first.push(span)
      if (first.length === 2) break
    }
    expect(first.map((s) => s.digest)).toEqual([digest(59), digest(58)])
    expect(host.requests.length).toBeLessThanOrEqual(6) // one page of deployments, four or five statuses
  })

  it('entries pages through more than 100 deployments, a resolution before its record', async () => {
    const { ledger, repository } = fresh()
    for (let i = 0; i < 150; i++)
      seedRecord(repository, decision(digest(i + 1), 'production', 'refused'), START + i * 1000, [
        { state: 'failure' }
      ])
    seedLive(repository, A, 'production', START + 200_000)
    const entries = await all(ledger.entries({ environment: 'production' }))
    expect(entries).toHaveLength(152)
    expect(entries.slice(0, 2).map((e) => e.outcome)).toEqual(['deployed', 'pending'])
    expect(entries[151]?.digest).toBe(digest(1))
  })
})

describe('GitHubDeploymentsLedger: readings of the history', () => {
  it('an older deployment that missed its inactive status is not live, and its stretch is closed', async () => {
    const { ledger, repository } = fresh()
    const a = seedLive(repository, A, 'production', START)
    seedLive(repository, B, 'production', START + 60_000)
    expect(await ledger.live('production', 'shop')).toMatchObject({ digest: B })
    expect(await ledger.spans(A, 'production', 'shop')).toEqual([
      {
        digest: A,
        environment: 'production',
        from: iso(START),
        until: iso(START),
        recordId: String(a.id)
      }
    ])
    expect(await all(ledger.previouslyLive('production', 'shop'))).toEqual([
      {
        digest: A,
        environment: 'production',
        from: iso(START),
        until: iso(START + 60_000),
        recordId: String(a.id)
      }
    ])
  })

  it(
    'what went live last is live, not what was decided last; a confirmation that landed on a digest its gate ' +
      'never compared against is never live',
    async () => {
      const { ledger, repository } = fresh()
      // A decided first (against nothing live) and confirmed last, on top of B, with no void after
      // its success (as an earlier version, a stopped job, or another tool could leave it).
      const a = seedRecord(repository, decision(A, 'production', 'pending'), START, [
        { state: 'in_progress', ...at(START) },
        { state: 'success', ...at(START + 3 * 60_000), description: 'deployed' }
      ])
      const b = seedRecord(repository, decision(B, 'production', 'pending'), START + 60_000, [
        { state: 'in_progress', ...at(START + 60_000) },
        { state: 'success', ...at(START + 2 * 60_000), description: 'deployed' },
        { state: 'inactive', ...at(START + 3 * 60_000), description: 'replaced by sha256:…' }
      ])
      host.setNow(new Date(START + 4 * 60_000))
      expect(await ledger.live('production', 'shop')).toBeNull()
      expect(await ledger.spans(A, 'production', 'shop')).toEqual([])
      expect(String(a.id)).not.toBe(String(b.id))
      expect(await ledger.spans(B, 'production', 'shop')).toEqual([
        {
          digest: B,
          environment: 'production',
          from: iso(START + 2 * 60_000),
          until: iso(START + 3 * 60_000),
          recordId: String(b.id)
        }
      ])
    }
  )

  it('a confirmation decided before another went live is judged again and fails, naming what went live', async () => {
    const { ledger, promote, confirm, statesOf } = fresh()
    const a = await promote(A, 'production')
    const b = await promote(B, 'production')
    await confirm(b.id)
    const late = await confirm(a.id)
    expect(late).toMatchObject({ outcome: 'failed', resolves: a.id })
    expect(late.reason).toContain(`${B} went live there meanwhile (deployment ${b.id}`)
    expect(statesOf(a.id)?.map((s) => s.split(' ')[0])).toEqual(['failure', 'in_progress'])
    expect(await ledger.live('production', 'shop')).toMatchObject({ digest: B, recordId: b.id })
  })

  it('GitHub’s auto_inactive (a job’s own environment deployment) does not end a stretch', async () => {
    const { ledger, repository } = fresh()
    seedLive(repository, A, 'production', START)
    const b = seedRecord(repository, decision(B, 'production', 'pending'), START + 60_000, [
      { state: 'in_progress', ...at(START + 60_000) },
      { state: 'success', ...at(START + 60_000) },
      { state: 'inactive', ...at(START + 120_000) }
    ])
    expect(await ledger.live('production', 'shop')).toEqual({
      digest: B,
      environment: 'production',
      from: iso(START + 60_000),
      until: null,
      recordId: String(b.id)
    })
    expect((await all(ledger.previouslyLive('production', 'shop'))).map((s) => s.digest)).toEqual([
      A
    ])
  })

  it('nothing is live when the ledger itself marked the last live deployment replaced', async () => {
    const { ledger, repository } = fresh()
    seedLive(repository, B, 'production', START, START + 60_000)
    expect(await ledger.live('production', 'shop')).toBeNull()
    expect(await ledger.spans(B, 'production', 'shop')).toMatchObject([
      { from: iso(START), until: iso(START + 60_000) }
    ])
  })

  it('ignores deployments other tools made, in every query', async () => {
    const { ledger, repository, deploy } = fresh()
    await deploy(A, 'production')
    host.advance(60_000)
    host.seedDeployment({
      repository,
      environment: 'production',
      task: 'deploy',
      payload: { image: 'x' },
      statuses: [{ state: 'success' }]
    })
    host.seedDeployment({
      repository,
      environment: 'production',
      task: 'deploy:migrations',
      payload: 'not json',
      statuses: [{ state: 'success' }]
    })
    expect(await ledger.live('production', 'shop')).toMatchObject({ digest: A })
    expect((await all(ledger.entries())).map((e) => e.digest)).toEqual([A, A])
    expect(await all(ledger.previouslyLive('production', 'shop'))).toEqual([])
  })

  it('makes the deployment on the job commit when the sealing commit is of another repository', async () => {
    const { repository, promote } = fresh()
    await promote(A, 'staging', {
      sealedBy: { repository: 'other/lib', commit: SEALED_SHA, runUrl: null }
    })
    expect(host.deploymentsOf(repository)[0]?.ref).toBe(SHA)
  })

  it('refuses to write without a commit to make the deployment on', async () => {
    const { promote } = fresh({ ref: '' })
    const error = await failure(promote(A, 'staging'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toContain('GITHUB_SHA is not set')
  })
})

describe('GitHubDeploymentsLedger: damaged records fail closed', () => {
  it('names the deployment and the repository when an artifact-seal payload cannot be read', async () => {
    const { ledger, repository } = fresh()
    const bad = host.seedDeployment({
      repository,
      environment: 'production',
      task: `deploy:${A}`,
      payload: {
        'artifact-seal': 2,
        record: { ...decision(A, 'production', 'pending'), digest: 'sha256:nope' }
      },
      statuses: [{ state: 'success' }]
    })
    for (const read of [
      ledger.live('production', 'shop'),
      ledger.spans(A, 'production', 'shop'),
      all(ledger.entries())
    ]) {
      const error = await failure(read)
      expect(error).toBeInstanceOf(SealError)
      expect(error.message).toContain(
        `github:${repository}: deployment ${bad.id} (environment "production", task "deploy:${A}") was written ` +
          'by artifact-seal but its record cannot be read'
      )
      expect(error.message).toContain(`gh api repos/${repository}/deployments/${bad.id}`)
    }
  })

  it(
    'a task of ours without the payload key, an older or newer payload, or a resolution as a deployment are ' +
      'damaged too',
    async () => {
      const { ledger, repository } = fresh()
      host.seedDeployment({ repository, environment: 'dev', task: `deploy:${A}`, payload: {} })
      expect((await failure(ledger.live('dev', 'shop'))).message).toContain(
        'its payload has no "artifact-seal" key'
      )
      host.seedDeployment({
        repository,
        environment: 'qa',
        task: `deploy:${A}`,
        payload: { 'artifact-seal': 3, record: {} }
      })
      expect((await failure(ledger.live('qa', 'shop'))).message).toContain(
        'written by a newer artifact-seal'
      )
      host.seedDeployment({
        repository,
        environment: 'old',
        task: `deploy:${A}`,
        payload: { 'artifact-seal': 1, record: {} }
      })
      expect((await failure(ledger.live('old', 'shop'))).message).toContain(
        'its payload format is 1, not 2'
      )
      seedRecord(repository, decision(B, 'uat', 'pending'), START, [])
      host.seedDeployment({
        repository,
        environment: 'uat',
        task: `deploy:${A}`,
        payload: { 'artifact-seal': 2, record: decision(B, 'uat', 'pending') }
      })
      expect((await failure(ledger.live('uat', 'shop'))).message).toContain(
        `its task names ${A} but its record ${B}`
      )
      host.seedDeployment({
        repository,
        environment: 'res',
        task: `deploy:${A}`,
        payload: {
          'artifact-seal': 2,
          record: { ...decision(A, 'res', 'pending'), outcome: 'deployed', resolves: '1' }
        }
      })
      expect((await failure(ledger.live('res', 'shop'))).message).toContain(
        'its record is a deployed record; those are statuses of a pending deployment'
      )
    }
  )
})

describe('GitHubDeploymentsLedger: random histories', () => {
  type Op =
    | { kind: 'promote'; digest: number }
    | { kind: 'confirm'; which: number }
    | { kind: 'fail'; which: number }
    | { kind: 'veto'; digest: number }
    | { kind: 'wait'; minutes: number }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('promote' as const), digest: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('confirm' as const), which: fc.nat(5) }),
    fc.record({ kind: fc.constant('confirm' as const), which: fc.nat(5) }),
    fc.record({ kind: fc.constant('fail' as const), which: fc.nat(5) }),
    fc.record({ kind: fc.constant('veto' as const), digest: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 120 }) })
  )

  it(
    'never live after a veto; every live stretch starts at a success status; the last confirmation not vetoed ' +
      'and not overtaken is live',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
          const { ledger, repository, write, confirm, veto } = fresh()
          const pendings: LedgerEntry[] = []
          const vetoedAt = new Map<Digest, number>()
          /** The model: the digest whose confirmation last took, continuing the stretch of the same digest. */
          let expected = null as { digest: Digest; from: string } | null
          for (const o of ops) {
            if (o.kind === 'promote') {
              const { entry, lost, abandoned } = await write(
                decision(digest(o.digest), 'production', 'pending')
              )
              for (const gone of abandoned)
                pendings.splice(
                  pendings.findIndex((p) => p.id === gone.resolves),
                  1
                )
              // A promotion of a vetoed digest loses: its record is failed at once.
              expect(lost !== null).toBe(vetoedAt.has(digest(o.digest)))
              if (lost === null && entry !== null) pendings.push(entry)
            } else if (o.kind === 'veto') {
              const v = await veto(digest(o.digest))
              if (!vetoedAt.has(v.digest)) vetoedAt.set(v.digest, Date.parse(v.time))
            } else if (o.kind === 'wait') host.advance(o.minutes * 60_000)
            else {
              const target = pendings.splice(o.which % Math.max(1, pendings.length), 1)[0]
              if (target === undefined) continue
              if (o.kind === 'fail') {
                await ledger.resolve({
                  id: target.id,
                  outcome: 'failed',
                  reason: 'failed',
                  runUrl: null,
                  actor: null
                })
                continue
              }
              const tooLate = host.now().getTime() + 60_000 - Date.parse(target.time) > TIMEOUT
              const resolved = await confirm(target.id).catch((error: Error) => {
                if (tooLate && error.message.includes('longer than a pending record may wait'))
                  return null
                throw error
              })
              if (resolved === null) continue
              const vetoed = vetoedAt.has(target.digest)
              // Judged again: it lands only on what it was decided against.
              const moved =
                (expected?.digest ?? null) !== target.previousDigest &&
                expected?.digest !== target.digest
              expect(resolved.outcome).toBe(vetoed || moved ? 'failed' : 'deployed')
              if (!vetoed && !moved && expected?.digest !== target.digest)
                expected = { digest: target.digest, from: resolved.time }
            }
          }
          const live = await ledger.live('production', 'shop')
          expect(live === null ? null : { digest: live.digest, from: live.from }).toEqual(expected)
          if (live !== null) {
            const veto = vetoedAt.get(live.digest)
            expect(veto === undefined || veto > Date.parse(live.from)).toBe(true)
            const statuses =
              host.deploymentsOf(repository).find((d) => String(d.id) === live.recordId)
                ?.statuses ?? []
            expect(statuses.some((s) => s.state === 'success' && s.created_at === live.from)).toBe(
              true
            )
          }
          for (const d of [1, 2, 3].map(digest)) {
            for (const span of await ledger.spans(d, 'production', 'shop')) {
              const veto = vetoedAt.get(d)
              expect(veto === undefined || veto > Date.parse(span.from)).toBe(true)
            }
          }
        }),
        { numRuns: 25 }
      )
    }
  )
})

describe('GitHubDeploymentsLedger: retries', () => {
  const LIST = /\/deployments$/

  it('retries a 500, then answers', async () => {
    const { ledger, sleeps, deploy } = fresh()
    await deploy(A, 'production')
    host.inject({ kind: 'server-error', method: 'GET', path: LIST })
    expect(await ledger.live('production', 'shop')).toMatchObject({ digest: A })
    expect(sleeps).toHaveLength(1)
    expect(sleeps[0]).toBeGreaterThanOrEqual(500)
    expect(sleeps[0]).toBeLessThanOrEqual(1000)
  })

  it('retries a 502 on a status write', async () => {
    const { repository, sleeps, promote } = fresh()
    host.inject({ kind: 'bad-gateway', method: 'POST', path: /\/statuses$/ })
    await promote(A, 'production')
    expect(sleeps).toHaveLength(1)
    expect(host.deploymentsOf(repository)[0]?.statuses.map((s) => s.state)).toEqual(['in_progress'])
  })

  it('waits for a primary rate limit to reset, measured on GitHub’s clock', async () => {
    const { ledger, sleeps } = fresh()
    host.inject({ kind: 'rate-limit', retryAfterSeconds: 30 })
    expect(await ledger.live('production', 'shop')).toBeNull()
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
    expect(error.message).toMatch(
      /hit GitHub's API rate limit \(403 API rate limit exceeded for installation ID \d+\.\), which lifts at \d{4}-/
    )
    expect(error.message).toContain(
      'The ledger could not be read, so the promotion is refused (fail closed).'
    )
    expect(sleeps).toEqual([])
  })

  it('a persistent 500 fails closed after the last attempt, saying what to do', async () => {
    const { ledger, repository, sleeps } = fresh()
    host.inject({ kind: 'server-error', times: Infinity })
    const error = await failure(ledger.spans(A, 'production', 'shop'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toBe(
      `github:${repository}: GET ` +
        `/repos/${repository}/deployments?environment=production&task=deploy:${A}&per_page=100 failed 4 times; ` +
        ('the last answer was 500 Server Error. The ledger could not be read, so the promotion is refused (fail ' +
          'closed). ') +
        (`Re-run the job; if it keeps failing, check https://www.githubstatus.com and that ${host.url} is ` +
          'reachable from the runner.')
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
    expect((await failure(ledger.live('production', 'shop'))).message).toContain(
      'failed 2 times; the last answer was 502 502 Bad Gateway Unicorn!'
    )
    expect(sleeps).toHaveLength(1)
  })

  it('a write that keeps failing says the record could not be written', async () => {
    const { ledger } = fresh({ retry: { attempts: 1 } })
    host.inject({ kind: 'server-error', method: 'POST', times: Infinity })
    const error = await failure(
      ledger.record('production', async () => decision(A, 'production', 'refused'), TIMEOUT)
    )
    expect(error.message).toContain('POST /repos/')
    expect(error.message).toContain(
      'failed once; the last answer was 500 Server Error. The record could not be written, so the promotion is ' +
        'refused (fail closed).'
    )
  })

  it('an answer that is not JSON fails closed without retrying', async () => {
    const { ledger, repository, sleeps } = fresh()
    host.inject({ kind: 'garbage', times: Infinity })
    const error = await failure(ledger.live('production', 'shop'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toBe(
      `github:${repository}: GET /repos/${repository}/deployments?environment=production&per_page=100 answered ` +
        '200 with "[{\\"id\\": 1, \\"task\\": \\"deploy\\", \\"pay", ' +
        `not the JSON GitHub sends. The ledger could not be read, so the promotion is refused (fail closed). ` +
        ('Re-run the job; if it keeps failing, check https://www.githubstatus.com and any proxy between the ' +
          `runner and ${host.url}.`)
    )
    expect(sleeps).toEqual([])
  })

  it('times out a slow answer and retries it', async () => {
    // The test says when an attempt times out: once the host holds the slow request, never because
    // the machine was slow.
    const attempts: AbortController[] = []
    const timeout = (): AbortSignal => {
      const attempt = new AbortController()
      attempts.push(attempt)
      return attempt.signal
    }
    const { ledger, sleeps } = fresh({ clock: { timeout } })
    host.inject({ kind: 'slow', delayMs: 30_000 })
    const reading = ledger.live('production', 'shop')
    while (host.requests.length === 0) await new Promise((resolve) => setImmediate(resolve))
    attempts[0]?.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))
    expect(await reading).toBeNull()
    expect(sleeps).toHaveLength(1)
    expect(attempts).toHaveLength(2)
    expect(host.requests.map((r) => r.fault)).toEqual(['slow', null])
  })

  it('a timeout on every attempt says no answer came', async () => {
    const { ledger } = fresh({ timeoutMs: 50, retry: { attempts: 2 } })
    host.inject({ kind: 'slow', delayMs: 30_000, times: Infinity })
    expect((await failure(ledger.live('production', 'shop'))).message).toContain(
      'failed 2 times; the last attempt got no answer before the request timed out.'
    )
  })

  it('retries when nothing listens, then fails closed naming the connection error', async () => {
    const server = http.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const { ledger, sleeps } = fresh({ apiUrl: `http://127.0.0.1:${port}` })
    const error = await failure(ledger.live('production', 'shop'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toContain('failed 4 times; the last attempt got connect ECONNREFUSED')
    expect(sleeps).toHaveLength(3)
  })
})

describe('GitHubDeploymentsLedger: the token', () => {
  it('401 names the token input', async () => {
    const { ledger, sleeps } = fresh({ token: 'ghs_revoked', tokenInput: 'ledger-token' })
    const error = await failure(ledger.live('production', 'shop'))
    expect(error).toBeInstanceOf(SealError)
    expect(error.message).toMatch(
      /^ledger-token: the token was refused \(401 Bad credentials\) on GET \/repos\/.*The ledger could not be read/
    )
    expect(sleeps).toEqual([])
  })

  it('403 says which permission the job needs', async () => {
    host.addToken('ghs_read-only', { deployments: 'read' })
    host.addToken('ghs_nothing', { actions: 'read' })
    const reader = fresh({ token: 'ghs_read-only' })
    const write = await failure(reader.write(decision(A, 'production', 'refused')))
    expect(write.message).toContain(
      `github-token: the token may not write the deployments of ${reader.repository} (403 Resource not ` +
        'accessible by integration on POST'
    )
    expect(write.message).toContain('Give the job "permissions: deployments: write"')
    const read = await failure(fresh({ token: 'ghs_nothing' }).ledger.veto(A))
    expect(read.message).toContain(
      'Give the job "permissions: deployments: read" (deployments: write to promote)'
    )
    expect(reader.sleeps).toEqual([])
  })

  it('an unknown commit is a 422 that says which commit a deployment needs', async () => {
    const { write } = fresh({ ref: 'no-such-branch' })
    const error = await failure(write(decision(A, 'production', 'pending')))
    expect(error.message).toContain(
      'answered 422 No ref found for: no-such-branch. The record could not be written'
    )
    expect(error.message).toContain('push that commit')
  })
})
