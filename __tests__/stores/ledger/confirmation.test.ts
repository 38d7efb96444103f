// A confirmation is judged again: a pending record goes live only while its service still runs
// what the gate compared against (its previous digest, and the contract its amendment was
// judged from). On the file ledger under its lock; on the GitHub ledger, which has none, by
// posting, reading again and voiding the confirmation that lost. The races are forced: both
// confirmations have decided before either is written.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import type { Digest } from '../../../src/core/digest.js'
import type { Amendment, LedgerEntry, NewRecord } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { GitHubDeploymentsLedger } from '../../../src/stores/ledger/github-deployments.js'
import { T0, digest } from '../../../__fixtures__/promotion.js'
import { deploy, letIn, manualClock } from '../../helpers/ledger-history.js'
import { removeAll, tempDir } from '../../helpers/trees.js'
import { type GitHubApiHost, startGitHubApiHost } from '../../hosts/github-api-host.js'

const X = digest(0x10)
const Y = digest(0x11)
const A = digest(0x1a)
const B = digest(0x1b)
const C1 = { digest: digest(0xc1), version: '1.0.0' }
const C2 = { digest: digest(0xc2), version: '2.0.0' }
const C9 = { digest: digest(0xc9), version: '1.0.0' }
const confirmed = {
  outcome: 'confirmed',
  reason: null,
  runUrl: null,
  actor: 'release-bot'
} as const

let host: GitHubApiHost
let repositories = 0
beforeAll(async () => {
  host = await startGitHubApiHost()
  host.setNow(T0)
})
afterAll(async () => {
  await host.close()
  removeAll()
})

function fileLedger(): { ledger: FileLedger; tick: () => void } {
  const clock = manualClock(T0)
  const ledger = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
    create: true,
    clock: clock.now
  })
  return { ledger, tick: () => clock.advance(1) }
}

function githubLedger(repository = `acme/confirm-${++repositories}`): {
  ledger: GitHubDeploymentsLedger
  tick: () => void
  repository: string
} {
  const ledger = new GitHubDeploymentsLedger({
    token: host.token,
    repository,
    apiUrl: host.url,
    ref: '0'.repeat(40),
    sleep: async () => undefined
  })
  return { ledger, tick: () => host.advance(60_000), repository }
}

const amendment = (from: typeof C1, to: typeof C2): Amendment => ({
  from,
  to,
  breaking: 0,
  dangerous: 0,
  compatible: 1,
  rules: ['response-property-added']
})

describe.each([
  ['file', fileLedger],
  ['github', githubLedger]
] as const)('a confirmation judged again, on the %s ledger', (kind, make) => {
  it(
    'fails when another digest of the service went live after the gate decided, naming it and the record that ' +
      'made it live',
    async () => {
      const { ledger, tick } = make()
      await deploy(ledger, X, 'production')
      tick()
      const a = await letIn(ledger, A, 'production')
      const b = await letIn(ledger, B, 'production')
      expect([a.previousDigest, b.previousDigest]).toEqual([X, X])
      tick()
      await ledger.resolve({ ...confirmed, id: b.id })
      tick()
      const late = await ledger.resolve({ ...confirmed, id: a.id })
      expect(late).toMatchObject({ outcome: 'failed', resolves: a.id, digest: A })
      expect(late.reason).toContain(
        `production (service "hello-service") no longer runs what the gate compared ${A} against (${X}): ${B} ` +
          'went live there meanwhile'
      )
      expect(late.reason).toContain(
        kind === 'file' ? `record ${b.id}, confirmed by record` : `deployment ${b.id}`
      )
      expect(late.reason).toContain(
        `artifact-seal promote ${A} --environment production --subject-name hello-service`
      )
      expect((await ledger.live('production', 'hello-service'))?.digest).toBe(B)
    }
  )

  it(
    'confirms an older pending record of the digest another record of it made live meanwhile, continuing that ' +
      'stretch',
    async () => {
      const { ledger, tick } = make()
      await deploy(ledger, X, 'production')
      tick()
      const older = await letIn(ledger, A, 'production')
      const newer = await letIn(ledger, A, 'production')
      tick()
      expect((await ledger.resolve({ ...confirmed, id: newer.id })).outcome).toBe('deployed')
      const live = await ledger.live('production', 'hello-service')
      tick()
      const again = await ledger.resolve({ ...confirmed, id: older.id })
      expect(again).toMatchObject({ outcome: 'deployed', reason: null })
      // One stretch, from the first confirmation: the environment never stopped running A.
      expect(await ledger.live('production', 'hello-service')).toMatchObject({
        digest: A,
        from: live?.from
      })
      expect(await ledger.spans(A, 'production', 'hello-service')).toEqual([
        expect.objectContaining({ from: live?.from, until: null })
      ])
    }
  )

  it('lands when only another service changed meanwhile', async () => {
    const { ledger, tick } = make()
    await deploy(ledger, X, 'production')
    tick()
    const a = await letIn(ledger, A, 'production')
    await deploy(ledger, Y, 'production', { name: 'web' })
    tick()
    expect((await ledger.resolve({ ...confirmed, id: a.id })).outcome).toBe('deployed')
    expect((await ledger.live('production', 'hello-service'))?.digest).toBe(A)
    expect((await ledger.live('production', 'web'))?.digest).toBe(Y)
  })

  it(
    'fails when the service runs the same digest again but under another contract than the amendment was ' +
      'judged from',
    async () => {
      const { ledger, tick } = make()
      await deploy(ledger, X, 'production', { contract: C1 })
      tick()
      // Judged from X's contract 1.0.0 to 2.0.0.
      const a = await letIn(ledger, A, 'production', { contract: C2, amendment: amendment(C1, C2) })
      await deploy(ledger, Y, 'production')
      tick()
      // X back, by a record that names another contract for it.
      await deploy(ledger, X, 'production', { contract: C9 })
      tick()
      const late = await ledger.resolve({ ...confirmed, id: a.id })
      expect(late.outcome).toBe('failed')
      expect(late.reason).toContain(
        `runs ${X} with contract ${C9.digest} now, not the contract ${C1.digest} the gate judged the amendment from`
      )
    }
  )

  it('lands when the service runs what the amendment was judged from', async () => {
    const { ledger, tick } = make()
    await deploy(ledger, X, 'production', { contract: C1 })
    tick()
    const a = await letIn(ledger, A, 'production', { contract: C2, amendment: amendment(C1, C2) })
    tick()
    expect((await ledger.resolve({ ...confirmed, id: a.id })).outcome).toBe('deployed')
  })

  it('fails a rollback decided before another digest went live', async () => {
    const { ledger, tick } = make()
    await deploy(ledger, X, 'production')
    tick()
    await deploy(ledger, Y, 'production')
    tick()
    const back = await letIn(ledger, X, 'production', { mode: 'rollback' })
    await deploy(ledger, A, 'production')
    tick()
    const late = await ledger.resolve({ ...confirmed, id: back.id })
    expect(late).toMatchObject({ outcome: 'failed', mode: 'rollback' })
    expect(late.reason).toContain(`${A} went live there meanwhile`)
  })
})

describe('the race on the file ledger: two confirmations decided against the same live digest', () => {
  it('the second decides under the lock after the first wrote, and is recorded as failed', async () => {
    const { ledger, tick } = fileLedger()
    await deploy(ledger, X, 'production')
    tick()
    const a = await letIn(ledger, A, 'production')
    const b = await letIn(ledger, B, 'production')
    const events: string[] = []
    let firstWaits: () => void = () => undefined
    const secondWaiting = new Promise<void>((resolve) => (firstWaits = resolve))
    // The first confirmer stops after its decision, under the lock, before its append (a
    // checkpoint is signed at exactly that point); the second asks to confirm meanwhile.
    let decided = false
    const first = new FileLedger(ledger.file, 'ledger', {
      clock: () => new Date(T0.getTime() + 10 * 60_000),
      signHead: async () => {
        decided = true
        events.push('first decided')
        await secondWaiting
        return '{}'
      }
    })
    let waited = false
    const second = new FileLedger(ledger.file, 'ledger', {
      clock: () => new Date(T0.getTime() + 11 * 60_000),
      lock: {
        // It finds the lock held each time it tries; what counts is a try after the first decided.
        onBusy: () => {
          if (waited || !decided) return
          waited = true
          events.push('second waits for the lock')
          firstWaits()
        }
      }
    })
    const confirming = first.resolve({ ...confirmed, id: b.id }).then((e) => {
      events.push(`first wrote ${e.outcome}`)
      return e
    })
    // Started once the first holds the lock; it finds it held.
    await new Promise<void>((resolve) => setImmediate(resolve))
    const racing = second.resolve({ ...confirmed, id: a.id }).then((e) => {
      events.push(`second wrote ${e.outcome}`)
      return e
    })
    const [won, lost] = await Promise.all([confirming, racing])
    // The race happened: the second asked while the first had decided and not yet written.
    expect(events).toEqual([
      'first decided',
      'second waits for the lock',
      'first wrote deployed',
      'second wrote failed'
    ])
    expect(won.outcome).toBe('deployed')
    expect(lost.reason).toContain(
      `${B} went live there meanwhile (record ${b.id}, confirmed by record ${won.id}`
    )
    expect((await second.live('production', 'hello-service'))?.digest).toBe(B)
  })
})

describe('the race on the GitHub ledger: two confirmations decided against the same live digest', () => {
  async function twoPending(): Promise<{
    ledger: GitHubDeploymentsLedger
    other: GitHubDeploymentsLedger
    repository: string
    a: LedgerEntry
    b: LedgerEntry
    x: string
  }> {
    const { ledger, tick, repository } = githubLedger()
    const x = await deploy(ledger, X, 'production')
    tick()
    const a = await letIn(ledger, A, 'production')
    tick()
    const b = await letIn(ledger, B, 'production')
    tick()
    return { ledger, other: githubLedger(repository).ledger, repository, a, b, x: x.pending.id }
  }

  const statesOf = (repository: string, id: string): string[] =>
    host
      .deploymentsOf(repository)
      .find((d) => String(d.id) === id)
      ?.statuses.map((s) => `${s.state} ${s.description}`.trim()) ?? []

  it(
    'both checked what runs and posted their success before either was written: the first keeps it, the ' +
      'second voids its own',
    async () => {
      const { ledger, other, repository, a, b, x } = await twoPending()
      host.clearRequests()
      // Each success is held until both have been sent: both confirmers read production
      // running X and decided before either write was made.
      host.inject({
        kind: 'barrier',
        method: 'POST',
        path: /\/deployments\/\d+\/statuses$/,
        times: 2
      })
      const [forA, forB] = await Promise.all([
        ledger.resolve({ ...confirmed, id: a.id }),
        other.resolve({ ...confirmed, id: b.id })
      ])
      const held = host.requests.filter((r) => r.fault === 'barrier')
      expect(held.map((r) => (r.body as { state: string }).state)).toEqual(['success', 'success'])
      expect(host.pendingFaults()).toBe(0)

      // The success written first (by time, then deployment id, as every read orders them) won.
      const [winner, loser] = forA.outcome === 'deployed' ? [forA, forB] : [forB, forA]
      expect([winner.outcome, loser.outcome]).toEqual(['deployed', 'failed'])
      const won = winner === forA ? a : b
      const lost = winner === forA ? b : a
      expect(loser.reason).toContain(
        `${won.digest} went live there meanwhile (deployment ${won.id}, confirmed while this one was`
      )
      expect(statesOf(repository, lost.id).map((s) => s.split(' ')[0])).toEqual([
        'failure',
        'success',
        'in_progress'
      ])
      expect(statesOf(repository, lost.id)[0]).toMatch(
        /^failure live changed while being confirmed: /
      )
      // Its success never counts: not live, no stretch, and only the winner replaced X.
      expect(await ledger.live('production', 'hello-service')).toMatchObject({
        digest: won.digest,
        recordId: won.id
      })
      expect(await ledger.spans(lost.digest, 'production', 'hello-service')).toEqual([])
      expect(statesOf(repository, x)[0]).toBe(
        `inactive replaced by ${won.digest.slice(0, 19)}… (deployment ${won.id})`
      )
      // Read back, the loser's record is failed with the reason, as `history` shows it.
      const history: NewRecord['outcome'][] = []
      for await (const e of ledger.entries({ digest: lost.digest as Digest }))
        history.push(e.outcome)
      expect(history).toEqual(['failed', 'pending'])
    }
  )

  it(
    'derives the void on read: the loser whose failure status GitHub refused never counts as live, and the ' +
      'next gate compares against the winner',
    async () => {
      const { ledger, other, repository, a, b, x } = await twoPending()
      // Both successes are held until both are sent; then every status the loser tries afterwards is refused.
      host.inject({
        kind: 'barrier',
        method: 'POST',
        path: /\/deployments\/\d+\/statuses$/,
        times: 2
      })
      host.inject({
        kind: 'server-error',
        method: 'POST',
        path: new RegExp(`/deployments/${b.id}/statuses$`),
        times: Infinity
      })
      const [forA, forB] = await Promise.allSettled([
        ledger.resolve({ ...confirmed, id: a.id }),
        other.resolve({ ...confirmed, id: b.id })
      ])
      host.clearFaults()
      expect(forA).toMatchObject({ status: 'fulfilled', value: { outcome: 'deployed' } })
      expect(forB.status).toBe('rejected')
      // B's success stands on GitHub, no failure after it: its void never landed.
      expect(statesOf(repository, b.id).map((s) => s.split(' ')[0])).toEqual([
        'success',
        'in_progress'
      ])
      expect(statesOf(repository, x)[0]).toBe(
        `inactive replaced by ${a.digest.slice(0, 19)}… (deployment ${a.id})`
      )
      for (const reader of [ledger, githubLedger(repository).ledger]) {
        expect(await reader.live('production', 'hello-service')).toMatchObject({
          digest: a.digest,
          recordId: a.id
        })
        expect(await reader.newest('production')).toMatchObject({ live: { digest: a.digest } })
        expect(await reader.spans(b.digest, 'production', 'hello-service')).toEqual([])
      }
      const before: string[] = []
      for await (const span of ledger.previouslyLive('production', 'hello-service'))
        before.push(span.digest)
      expect(before).toEqual([X])
      // The next promotion is decided against the winner, and lands.
      const c = await letIn(ledger, Y, 'production')
      expect(c.previousDigest).toBe(a.digest)
      host.advance(60_000)
      expect((await ledger.resolve({ ...confirmed, id: c.id })).outcome).toBe('deployed')
      expect((await ledger.live('production', 'hello-service'))?.digest).toBe(Y)
    }
  )

  it(
    'checks before posting: a confirmation that starts after the other was written fails without a moment of ' +
      'being live',
    async () => {
      const { ledger, other, repository, a, b } = await twoPending()
      expect((await other.resolve({ ...confirmed, id: b.id })).outcome).toBe('deployed')
      const late = await ledger.resolve({ ...confirmed, id: a.id })
      expect(late.outcome).toBe('failed')
      expect(statesOf(repository, a.id).map((s) => s.split(' ')[0])).toEqual([
        'failure',
        'in_progress'
      ])
    }
  )
})
