// The gate over random histories, on both ledgers at once, against a model written here
// from the policy's rules alone: a digest is let in only when it is not vetoed, every
// required environment ran it, and it stayed live there for the soak; it is live only from
// a confirmed deployment, never after its veto; and the file and GitHub ledgers decide alike.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as path from 'node:path'
import { promoteDigest, vetoDigest } from '../../src/app/promote-digest.js'
import type { Digest } from '../../src/core/digest.js'
import { SealError } from '../../src/core/errors.js'
import type { PromotionPolicy } from '../../src/core/promotion/policy.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../../src/core/promotion/record.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { GitHubDeploymentsLedger } from '../../src/stores/ledger/github-deployments.js'
import type { Ledger } from '../../src/stores/ledger/ledger.js'
import { digest } from '../../__fixtures__/promotion.js'
import { startGitHubApiHost, type GitHubApiHost } from '../hosts/github-api-host.js'
import { removeAll, tempDir } from '../helpers/trees.js'

const MINUTE = 60_000
const ENVIRONMENTS = ['dev', 'staging', 'production'] as const
type Environment = (typeof ENVIRONMENTS)[number]
const POLICY: PromotionPolicy = {
  source: 'test',
  environments: [
    { name: 'dev', requires: [], requiresAny: [], soakMs: 0, soakText: null, signedBy: null },
    { name: 'staging', requires: ['dev'], requiresAny: [], soakMs: 10 * MINUTE, soakText: '10m', signedBy: null },
    { name: 'production', requires: ['staging'], requiresAny: [], soakMs: 30 * MINUTE, soakText: '30m', signedBy: null }
  ]
}
const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
const DIGESTS = [digest(1), digest(2), digest(3)]

type Then = 'confirm' | 'fail' | 'leave'
type Op =
  | { readonly kind: 'promote'; readonly digest: number; readonly env: Environment; readonly then: Then }
  | { readonly kind: 'rollback'; readonly digest: number; readonly env: Environment; readonly then: Then }
  | { readonly kind: 'veto'; readonly digest: number }
  | { readonly kind: 'confirm-oldest'; readonly env: Environment }
  | { readonly kind: 'wait'; readonly minutes: number }

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('promote' as const), digest: fc.nat(2), env: fc.constantFrom(...ENVIRONMENTS), then: fc.constantFrom<Then>('confirm', 'confirm', 'fail', 'leave') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rollback' as const), digest: fc.nat(2), env: fc.constantFrom(...ENVIRONMENTS), then: fc.constantFrom<Then>('confirm', 'leave') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('veto' as const), digest: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('confirm-oldest' as const), env: fc.constantFrom(...ENVIRONMENTS) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 400 }) }) }
)

/** What the rules say, kept from the operations alone: confirmed stretches, vetoes, pending records. */
class Model {
  readonly stretches = new Map<string, { digest: Digest; from: number; until: number | null }[]>()
  readonly vetoed = new Set<Digest>()
  readonly pending = new Map<Environment, { digest: Digest; at: number; rollback: boolean }[]>()

  live(env: Environment): Digest | null {
    const last = this.stretches.get(env)?.at(-1)
    return last && last.until === null ? last.digest : null
  }

  longest(env: string, d: Digest, now: number): number | null {
    const mine = (this.stretches.get(env) ?? []).filter((s) => s.digest === d)
    return mine.length === 0 ? null : Math.max(...mine.map((s) => (s.until ?? now) - s.from))
  }

  allows(kind: 'promote' | 'rollback', env: Environment, d: Digest, now: number): boolean {
    if (this.vetoed.has(d)) return false
    if (kind === 'rollback') return this.longest(env, d, now) !== null
    const rule = POLICY.environments.find((e) => e.name === env)
    return (rule?.requires ?? []).every((upstream) => (this.longest(upstream, d, now) ?? -1) >= (rule?.soakMs ?? 0))
  }

  /** The next gate in the environment marks pending records past the timeout abandoned. */
  abandonStale(env: Environment, now: number): void {
    this.pending.set(env, (this.pending.get(env) ?? []).filter((p) => now - p.at < DEFAULT_PENDING_TIMEOUT_MS))
  }

  confirm(env: Environment, d: Digest, now: number): 'deployed' | 'failed' {
    if (this.vetoed.has(d)) return 'failed'
    const list = this.stretches.get(env) ?? []
    this.stretches.set(env, list)
    const current = list.at(-1)
    if (current && current.until === null) {
      if (current.digest === d) return 'deployed'
      current.until = now
    }
    list.push({ digest: d, from: now, until: null })
    return 'deployed'
  }
}

let host: GitHubApiHost
let repositories = 0
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterAll(async () => {
  await host.close()
  removeAll()
})

/** One step of every ledger's clock. */
function tick(clock: { now: number }, ms: number): void {
  clock.now += ms
  host.setNow(new Date(clock.now))
}

async function outcome<T>(work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work()
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    return { error: error.message }
  }
}

async function runOn(ledger: Ledger, step: Op, clock: { now: number }): Promise<unknown> {
  const requester = { runUrl: 'https://github.com/acme/shop/actions/runs/1', actor: 'octocat' }
  if (step.kind === 'veto') {
    return outcome(async () => (await vetoDigest({ digest: DIGESTS[step.digest] as Digest, environment: 'dev', reason: 'broken', name: null, requester }, ledger, OPTIONS)).outcome)
  }
  if (step.kind === 'confirm-oldest') {
    const oldest = (await ledger.pending(step.env))[0]
    if (oldest === undefined) return 'none pending'
    return outcome(async () => (await ledger.resolve({ id: oldest.id, outcome: 'confirmed', reason: null, ...requester })).outcome)
  }
  if (step.kind === 'wait') return 'waited'
  const result = await promoteDigest(
    {
      environment: step.env,
      digest: DIGESTS[step.digest] as Digest,
      rollback: step.kind === 'rollback',
      dryRun: false,
      name: null,
      environmentUrl: null,
      sealedBy: null,
      requester,
      inputs: { environment: 'environment', digest: 'expected-digest' },
      artifact: null,
      // The gate's rules are what is tested: these promotions say they carry no bytes.
      withoutBytes: { declared: true, missing: '' }
    },
    POLICY,
    ledger,
    OPTIONS
  )
  const failedRules = result.decision.checks.filter((c) => !c.passed).map((c) => `${c.rule}:${c.environment}`)
  let resolution: string | null = null
  if (result.decision.allowed && result.record !== null && step.then !== 'leave') {
    tick(clock, 1_000)
    resolution = (await ledger.resolve({ id: result.record.id, outcome: step.then === 'confirm' ? 'confirmed' : 'failed', reason: step.then === 'fail' ? 'deploy failed' : null, ...requester })).outcome
  }
  return { allowed: result.decision.allowed, failedRules, recorded: result.record?.outcome ?? null, resolution }
}

describe('the gate over random histories', () => {
  it('lets a digest in exactly when the rules hold, never live after its veto, and the file and GitHub ledgers decide alike', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
        const clock = { now: Date.UTC(2026, 10, 1, 12) }
        host.setNow(new Date(clock.now))
        const file = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', { create: true, clock: () => new Date(clock.now) })
        const github = new GitHubDeploymentsLedger({ token: host.token, repository: `acme/gate-${++repositories}`, apiUrl: host.url, ref: '0'.repeat(40), sleep: async () => {} })
        const model = new Model()
        for (const step of ops) {
          if (step.kind === 'wait') {
            tick(clock, step.minutes * MINUTE)
            continue
          }
          tick(clock, 1_000)
          const start = clock.now
          const onFile = await runOn(file, step, clock)
          clock.now = start
          host.setNow(new Date(clock.now))
          const onGitHub = await runOn(github, step, clock)
          expect(onGitHub).toEqual(onFile)

          // The model's view of the same step: decided at `start`, resolved a second later.
          if (step.kind === 'veto') {
            model.vetoed.add(DIGESTS[step.digest] as Digest)
          } else if (step.kind === 'confirm-oldest') {
            model.abandonStale(step.env, start)
            const oldest = (model.pending.get(step.env) ?? []).shift()
            if (oldest === undefined) expect(onFile).toBe('none pending')
            else expect(onFile).toBe(model.confirm(step.env, oldest.digest, start) === 'failed' ? 'failed' : oldest.rollback ? 'rolled-back' : 'deployed')
          } else {
            const d = DIGESTS[step.digest] as Digest
            model.abandonStale(step.env, start)
            const allowed = model.allows(step.kind, step.env, d, start)
            expect((onFile as { allowed: boolean }).allowed).toBe(allowed)
            if (allowed && step.then === 'leave') {
              model.pending.set(step.env, [...(model.pending.get(step.env) ?? []), { digest: d, at: start, rollback: step.kind === 'rollback' }])
            }
            if (allowed && step.then === 'confirm') model.confirm(step.env, d, clock.now)
          }
          for (const env of ENVIRONMENTS) {
            const [fileLive, githubLive] = [await file.live(env), await github.live(env)]
            expect(fileLive?.digest ?? null).toBe(model.live(env))
            expect(githubLive?.digest ?? null).toBe(model.live(env))
            expect(githubLive ? Date.parse(githubLive.from) : null).toBe(fileLive ? Date.parse(fileLive.from) : null)
          }
          // Never live after its veto: no stretch of a vetoed digest starts after the veto.
          for (const d of model.vetoed) {
            const veto = await file.veto(d)
            for (const env of ENVIRONMENTS) {
              for (const span of await file.spans(d, env)) expect(Date.parse(span.from)).toBeLessThanOrEqual(Date.parse(veto?.time ?? ''))
            }
          }
        }
      }),
      { numRuns: 40 }
    )
  }, 240_000)
})
