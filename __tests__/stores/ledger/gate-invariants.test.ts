// The gate over random histories of two services in the same environments, on both ledgers
// at once, against a model written here from the policy's rules alone: a digest is let in
// only when it is not vetoed, every required environment ran it as the same service, and it
// stayed live there for the soak; it is live only from a confirmed deployment, and only when
// its service still ran what the gate compared against, never after its veto; a rollback to
// "previous" returns to the service's own last good digest; and the file and GitHub ledgers
// decide alike.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import * as path from 'node:path'
import { pipelineStatus } from '../../../src/app/ledger/pipeline-status.js'
import { promoteDigest } from '../../../src/app/promote/promote-digest.js'
import { vetoDigest } from '../../../src/app/promote/veto.js'
import type { Digest } from '../../../src/core/digest.js'
import { SealError } from '../../../src/core/errors.js'
import type { PromotionPolicy } from '../../../src/core/promotion/policy.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { GitHubDeploymentsLedger } from '../../../src/stores/ledger/github-deployments.js'
import type { Ledger } from '../../../src/stores/ledger/ledger.js'
import { digest } from '../../../__fixtures__/promotion.js'
import { startGitHubApiHost, type GitHubApiHost } from '../../hosts/github-api-host.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

const MINUTE = 60_000
const ENVIRONMENTS = ['dev', 'staging', 'production'] as const
type Environment = (typeof ENVIRONMENTS)[number]
const POLICY: PromotionPolicy = {
  source: 'test',
  environments: [
    { name: 'dev', requires: [], requiresAny: [], soakMs: 0, soakText: null, signedBy: null },
    {
      name: 'staging',
      requires: ['dev'],
      requiresAny: [],
      soakMs: 10 * MINUTE,
      soakText: '10m',
      signedBy: null
    },
    {
      name: 'production',
      requires: ['staging'],
      requiresAny: [],
      soakMs: 30 * MINUTE,
      soakText: '30m',
      signedBy: null
    }
  ]
}
const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
/** The same rules, naming the services, for `status`. */
const POLICY_WITH_SERVICES: PromotionPolicy = { ...POLICY, services: ['api', 'web'] }

type Then = 'confirm' | 'fail' | 'leave'
/** Two services of one repository, each with digests of its own: neither may ever resolve to the other's. */
const SERVICES = ['api', 'web'] as const
type ServiceName = (typeof SERVICES)[number]
const DIGESTS: Record<ServiceName, readonly Digest[]> = {
  api: [digest(1), digest(2), digest(3)],
  web: [digest(4), digest(5), digest(6)]
}
type Op =
  | {
      readonly kind: 'promote'
      readonly service: ServiceName
      readonly digest: number
      readonly env: Environment
      readonly then: Then
    }
  | {
      readonly kind: 'rollback'
      readonly service: ServiceName
      readonly digest: number | 'previous'
      readonly env: Environment
      readonly then: Then
    }
  | { readonly kind: 'veto'; readonly service: ServiceName; readonly digest: number }
  /** Confirms the oldest pending record of the first environment that has one, counting from `env`. */
  | { readonly kind: 'confirm-oldest'; readonly env: Environment }
  | { readonly kind: 'wait'; readonly minutes: number }

const service = fc.constantFrom(...SERVICES)
const op: fc.Arbitrary<Op> = fc.oneof(
  // Records left pending and confirmed later, after others, are where a confirmation is judged again.
  // dev requires nothing, so most of them are let in there.
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('promote' as const),
      service,
      digest: fc.nat(2),
      env: fc.constantFrom<Environment>('dev', 'dev', 'staging', 'production'),
      then: fc.constantFrom<Then>('confirm', 'confirm', 'fail', 'leave', 'leave')
    })
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('rollback' as const),
      service,
      digest: fc.oneof(fc.nat(2), fc.constant('previous' as const)),
      env: fc.constantFrom(...ENVIRONMENTS),
      then: fc.constantFrom<Then>('confirm', 'leave')
    })
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('veto' as const), service, digest: fc.nat(2) })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('confirm-oldest' as const),
      env: fc.constantFrom(...ENVIRONMENTS)
    })
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('wait' as const),
      minutes: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 60 }) },
        { weight: 1, arbitrary: fc.integer({ min: 60, max: 400 }) }
      )
    })
  }
)

/**
 * What the rules say, kept from the operations alone, per service of each environment: confirmed
 * stretches, vetoes, pending records.
 */
class Model {
  readonly stretches = new Map<string, { digest: Digest; from: number; until: number | null }[]>()
  readonly vetoed = new Set<Digest>()
  /**
   * Every service's, oldest first, as `pending(env)` lists them; each remembers what its service
   * ran when it was decided.
   */
  readonly pending = new Map<
    Environment,
    {
      digest: Digest
      service: ServiceName
      at: number
      rollback: boolean
      previous: Digest | null
    }[]
  >()

  private of(
    env: string,
    s: ServiceName
  ): { digest: Digest; from: number; until: number | null }[] {
    const key = `${env}/${s}`
    const list = this.stretches.get(key) ?? []
    this.stretches.set(key, list)
    return list
  }

  live(env: Environment, s: ServiceName): Digest | null {
    const last = this.of(env, s).at(-1)
    return last && last.until === null ? last.digest : null
  }

  longest(env: string, s: ServiceName, d: Digest, now: number): number | null {
    const mine = this.of(env, s).filter((x) => x.digest === d)
    return mine.length === 0 ? null : Math.max(...mine.map((x) => (x.until ?? now) - x.from))
  }

  /** The newest digest the service ran before its live one that is not vetoed. */
  previous(env: Environment, s: ServiceName): Digest | null {
    const live = this.live(env, s)
    for (const x of [...this.of(env, s)].reverse())
      if (x.digest !== live && !this.vetoed.has(x.digest)) return x.digest
    return null
  }

  allows(
    kind: 'promote' | 'rollback',
    env: Environment,
    s: ServiceName,
    d: Digest,
    now: number
  ): boolean {
    if (this.vetoed.has(d)) return false
    if (kind === 'rollback') return this.longest(env, s, d, now) !== null
    const rule = POLICY.environments.find((e) => e.name === env)
    return (rule?.requires ?? []).every(
      (upstream) => (this.longest(upstream, s, d, now) ?? -1) >= (rule?.soakMs ?? 0)
    )
  }

  /** The next gate in the environment marks pending records past the timeout abandoned, whatever their service. */
  abandonStale(env: Environment, now: number): void {
    this.pending.set(
      env,
      (this.pending.get(env) ?? []).filter((p) => now - p.at < DEFAULT_PENDING_TIMEOUT_MS)
    )
  }

  /** A confirmation lands only while the service runs what the gate compared against, and never for a vetoed digest. */
  confirm(
    env: Environment,
    s: ServiceName,
    d: Digest,
    previous: Digest | null,
    now: number
  ): 'deployed' | 'failed' {
    // A record lands on what it was judged against, or continues its own digest's stretch.
    const live = this.live(env, s)
    if (this.vetoed.has(d) || (live !== previous && live !== d)) return 'failed'
    const list = this.of(env, s)
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

/** The environments in order, starting from one. */
function from(env: Environment): Environment[] {
  const at = ENVIRONMENTS.indexOf(env)
  return [...ENVIRONMENTS.slice(at), ...ENVIRONMENTS.slice(0, at)]
}

/** How the late confirmations of every run went: both outcomes must have been met. */
const confirmedLate: ('deployed' | 'failed')[] = []

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
    const d = DIGESTS[step.service][step.digest] as Digest
    return outcome(
      async () =>
        (
          await vetoDigest(
            { digest: d, environment: 'dev', reason: 'broken', name: step.service, requester },
            ledger,
            OPTIONS
          )
        ).outcome
    )
  }
  if (step.kind === 'confirm-oldest') {
    for (const env of from(step.env)) {
      const oldest = (await ledger.pending(env))[0]
      if (oldest !== undefined)
        return {
          env,
          outcome: await outcome(
            async () =>
              (
                await ledger.resolve({
                  id: oldest.id,
                  outcome: 'confirmed',
                  reason: null,
                  ...requester
                })
              ).outcome
          )
        }
    }
    return 'none pending'
  }
  if (step.kind === 'wait') return 'waited'
  const result = await outcome(() =>
    promoteDigest(
      {
        environment: step.env,
        digest:
          step.digest === 'previous' ? 'previous' : (DIGESTS[step.service][step.digest] as Digest),
        rollback: step.kind === 'rollback',
        dryRun: false,
        name: step.service,
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
  )
  if ('error' in result) return { error: result.error.replace(/file:\S+|github:\S+/g, 'LEDGER') }
  const failedRules = result.decision.checks
    .filter((c) => !c.passed)
    .map((c) => `${c.rule}:${c.environment}`)
  let resolution: string | null = null
  if (result.decision.allowed && result.record !== null && step.then !== 'leave') {
    tick(clock, 1_000)
    resolution = (
      await ledger.resolve({
        id: result.record.id,
        outcome: step.then === 'confirm' ? 'confirmed' : 'failed',
        reason: step.then === 'fail' ? 'deploy failed' : null,
        ...requester
      })
    ).outcome
  }
  return {
    allowed: result.decision.allowed,
    digest: result.digest,
    previous: result.previous?.digest ?? null,
    failedRules,
    recorded: result.record?.outcome ?? null,
    resolution
  }
}

describe('the gate over random histories', () => {
  it(
    'lets a digest in exactly when the rules hold for its service, confirms only what was judged, never live ' +
      'after its veto, and the file and GitHub ledgers decide alike',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), async (ops) => {
          const clock = { now: Date.UTC(2026, 10, 1, 12) }
          host.setNow(new Date(clock.now))
          const file = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
            create: true,
            clock: () => new Date(clock.now)
          })
          const github = new GitHubDeploymentsLedger({
            token: host.token,
            repository: `acme/gate-${++repositories}`,
            apiUrl: host.url,
            ref: '0'.repeat(40),
            sleep: async () => {}
          })
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
              model.vetoed.add(DIGESTS[step.service][step.digest] as Digest)
            } else if (step.kind === 'confirm-oldest') {
              // Nothing abandons here: a pending record past the timeout is not listed, and stays in
              // the model until a gate of its environment runs.
              const env = from(step.env).find((e) =>
                (model.pending.get(e) ?? []).some((p) => start - p.at < DEFAULT_PENDING_TIMEOUT_MS)
              )
              if (env === undefined) {
                expect(onFile).toBe('none pending')
              } else {
                const list = model.pending.get(env) ?? []
                const oldest = list.splice(
                  list.findIndex((p) => start - p.at < DEFAULT_PENDING_TIMEOUT_MS),
                  1
                )[0] as NonNullable<ReturnType<typeof list.shift>>
                const landed = model.confirm(
                  env,
                  oldest.service,
                  oldest.digest,
                  oldest.previous,
                  start
                )
                expect(onFile).toEqual({
                  env,
                  outcome:
                    landed === 'failed' ? 'failed' : oldest.rollback ? 'rolled-back' : 'deployed'
                })
                confirmedLate.push(landed)
              }
            } else {
              model.abandonStale(step.env, start)
              const live = model.live(step.env, step.service)
              const d: Digest | null =
                step.digest === 'previous'
                  ? model.previous(step.env, step.service)
                  : (DIGESTS[step.service][step.digest] as Digest)
              if (d === null) {
                // Nothing to roll back to: an error when the service never ran there, else a refusal
                // recorded against what it runs.
                if (live === null) {
                  expect(onFile).toEqual({ error: expect.stringContaining('never ran a digest') })
                  continue
                }
                expect(onFile).toMatchObject({
                  allowed: false,
                  digest: live,
                  failedRules: ['ran-before:' + step.env]
                })
                continue
              }
              expect(onFile).toMatchObject({ digest: d, previous: live })
              // Never the other service's digest.
              expect(DIGESTS[step.service]).toContain(d)
              const allowed = model.allows(step.kind, step.env, step.service, d, start)
              expect((onFile as { allowed: boolean }).allowed).toBe(allowed)
              if (allowed && step.then === 'leave') {
                model.pending.set(step.env, [
                  ...(model.pending.get(step.env) ?? []),
                  {
                    digest: d,
                    service: step.service,
                    at: start,
                    rollback: step.kind === 'rollback',
                    previous: live
                  }
                ])
              }
              if (allowed && step.then === 'confirm') {
                const landed = model.confirm(step.env, step.service, d, live, clock.now)
                expect((onFile as { resolution: string }).resolution).toBe(
                  landed === 'failed'
                    ? 'failed'
                    : step.kind === 'rollback'
                      ? 'rolled-back'
                      : 'deployed'
                )
              }
            }
            for (const env of ENVIRONMENTS) {
              for (const s of SERVICES) {
                const [fileLive, githubLive] = [await file.live(env, s), await github.live(env, s)]
                expect(fileLive?.digest ?? null).toBe(model.live(env, s))
                expect(githubLive?.digest ?? null).toBe(model.live(env, s))
                expect(githubLive ? Date.parse(githubLive.from) : null).toBe(
                  fileLive ? Date.parse(fileLive.from) : null
                )
              }
            }
            // Never live after its veto: no stretch of a vetoed digest starts after the veto.
            for (const d of model.vetoed) {
              const veto = await file.veto(d)
              for (const env of ENVIRONMENTS) {
                for (const s of SERVICES)
                  for (const span of await file.spans(d, env, s))
                    expect(Date.parse(span.from)).toBeLessThanOrEqual(Date.parse(veto?.time ?? ''))
              }
            }
          }
          // status shows every service of every environment, as the model has them, on both ledgers.
          for (const ledger of [file, github]) {
            const status = await pipelineStatus(POLICY_WITH_SERVICES, ledger)
            expect(
              status.map((st) => [st.environment, st.service, st.live?.digest ?? null])
            ).toEqual(
              ENVIRONMENTS.flatMap((env) => SERVICES.map((s) => [env, s, model.live(env, s)]))
            )
          }
        }),
        {
          numRuns: 60,
          // Run first, so both outcomes of a late confirmation are always met: web's decided
          // against nothing lands after api went live (another service), fails after web did.
          examples: [
            [
              [
                { kind: 'promote', service: 'web', digest: 0, env: 'dev', then: 'leave' },
                { kind: 'promote', service: 'api', digest: 1, env: 'dev', then: 'confirm' },
                { kind: 'confirm-oldest', env: 'dev' },
                { kind: 'promote', service: 'web', digest: 1, env: 'dev', then: 'leave' },
                { kind: 'promote', service: 'web', digest: 2, env: 'dev', then: 'confirm' },
                { kind: 'confirm-oldest', env: 'dev' },
                {
                  kind: 'rollback',
                  service: 'web',
                  digest: 'previous',
                  env: 'dev',
                  then: 'confirm'
                }
              ]
            ],
            // Past the timeout but within the clock slack GitHub's listing reaches back by: not
            // pending on either ledger (GitHub listed it, then refused to confirm it).
            [
              [
                { kind: 'promote', service: 'api', digest: 0, env: 'dev', then: 'leave' },
                { kind: 'wait', minutes: 360 },
                { kind: 'confirm-oldest', env: 'dev' }
              ]
            ]
          ]
        }
      )
      // The runs met both: confirmations that landed, and ones judged again and failed.
      expect(new Set(confirmedLate)).toEqual(new Set(['deployed', 'failed']))
    },
    300_000
  )
})
