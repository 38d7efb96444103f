// Promote what the last environment runs (`from`), and a soak that waits (`wait`), on both
// ledgers. The sleeper moves the ledger's clock: nothing here really waits.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { promoteDigest } from '../../../src/app/promote/promote-digest.js'
import type { PromoteRequest, PromoteResult } from '../../../src/app/promote/types.js'
import type { Digest } from '../../../src/core/digest.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import type { PromotionPolicy } from '../../../src/core/promotion/policy.js'
import { DEFAULT_PENDING_TIMEOUT_MS, type LedgerEntry } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { GitHubDeploymentsLedger } from '../../../src/stores/ledger/github-deployments.js'
import type { Ledger } from '../../../src/stores/ledger/ledger.js'
import { T0, digest } from '../../../__fixtures__/promotion.js'
import { type GitHubApiHost, startGitHubApiHost } from '../../hosts/github-api-host.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

const MINUTE = 60_000
const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
const POLICY = parsePolicy(
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    soak: 30m\n',
  'policy.yml'
)
const LISTED = parsePolicy(
  'services: [api, web]\nenvironments:\n  staging: {}\n  production:\n    requires: [staging]\n    soak: 30m\n',
  'policy.yml'
)
const V1 = digest(0xa1)
const V2 = digest(0xa2)
const WEB = digest(0xb1)

let host: GitHubApiHost
let repositories = 0
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterAll(async () => {
  await host.close()
  removeAll()
})

interface Pipeline {
  readonly ledger: Ledger
  /** Moves the ledger's clock on. */
  readonly pass: (ms: number) => void
}

function onFile(): Pipeline {
  let now = T0.getTime()
  const ledger = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
    create: true,
    clock: () => new Date(now)
  })
  return { ledger, pass: (ms) => void (now += ms) }
}

function onGitHub(): Pipeline {
  host.setNow(T0)
  const ledger = new GitHubDeploymentsLedger({
    token: host.token,
    repository: `acme/from-wait-${++repositories}`,
    apiUrl: host.url,
    ref: '0'.repeat(40),
    sleep: async () => undefined
  })
  return { ledger, pass: (ms) => host.advance(ms) }
}

const requester = { runUrl: null, actor: 'release-bot' }

function request(
  d: Digest | null,
  environment: string,
  over: Partial<PromoteRequest> = {}
): PromoteRequest {
  return {
    environment,
    digest: d,
    rollback: false,
    dryRun: false,
    name: null,
    environmentUrl: null,
    sealedBy: null,
    requester,
    inputs: {
      environment: 'environment',
      digest: 'expected-digest',
      name: 'name',
      from: 'from',
      wait: 'wait'
    },
    artifact: null,
    withoutBytes: { declared: true, missing: '' },
    ...over
  }
}

async function confirm(p: Pipeline, record: LedgerEntry | null): Promise<void> {
  p.pass(MINUTE)
  expect(
    (
      await p.ledger.resolve({
        id: record?.id as string,
        outcome: 'confirmed',
        reason: null,
        ...requester
      })
    ).outcome
  ).toBe('deployed')
}

async function deploy(
  p: Pipeline,
  d: Digest,
  environment: string,
  name: string | null = null,
  policy: PromotionPolicy = POLICY
): Promise<void> {
  p.pass(MINUTE)
  const result = await promoteDigest(request(d, environment, { name }), policy, p.ledger, OPTIONS)
  expect(result.decision.allowed).toBe(true)
  await confirm(p, result.record)
}

/** A sleeper that moves the ledger's clock instead of waiting, and remembers what it was asked. */
function sleeper(
  p: Pipeline,
  maxMs: number
): { wait: NonNullable<PromoteRequest['wait']>; naps: number[]; said: string[] } {
  const naps: number[] = []
  const said: string[] = []
  return {
    naps,
    said,
    wait: {
      maxMs,
      sleep: async (ms) => {
        naps.push(ms)
        p.pass(ms)
      },
      log: (message) => void said.push(message)
    }
  }
}

describe.each([
  ['file', onFile],
  ['github', onGitHub]
] as const)('on the %s ledger', (_kind, make) => {
  describe('from: promote what another environment runs', () => {
    it(
      'takes the live digest of the service there, then judges it as an explicit digest (here: refused for ' +
        'the soak)',
      async () => {
        const p = make()
        await deploy(p, V1, 'staging')
        p.pass(40 * MINUTE)
        await deploy(p, V2, 'staging')
        const early: PromoteResult = await promoteDigest(
          request(null, 'production', { from: 'staging' }),
          POLICY,
          p.ledger,
          OPTIONS
        )
        expect(early).toMatchObject({ digest: V2, from: { digest: V2, environment: 'staging' } })
        expect(early.decision.allowed).toBe(false)
        expect(early.decision.checks.find((c) => c.rule === 'soak')).toMatchObject({
          passed: false
        })
        p.pass(31 * MINUTE)
        const later = await promoteDigest(
          request(V2, 'production', { from: 'staging' }),
          POLICY,
          p.ledger,
          OPTIONS
        )
        expect(later.decision.allowed).toBe(true)
        expect(later.record).toMatchObject({ digest: V2, outcome: 'pending' })
      }
    )

    it(
      'refuses, recording nothing, a from that runs nothing, is ambiguous across services, or contradicts the ' +
        'digest given',
      async () => {
        const p = make()
        await expect(
          promoteDigest(request(null, 'production', { from: 'staging' }), POLICY, p.ledger, OPTIONS)
        ).rejects.toThrowSealError('bad-input', 'from', 'staging runs no digest')
        await expect(
          promoteDigest(request(null, 'production', { from: 'qa' }), POLICY, p.ledger, OPTIONS)
        ).rejects.toThrowSealError('bad-input', 'from', '"qa"')
        await expect(
          promoteDigest(request(null, 'staging', { from: 'staging' }), POLICY, p.ledger, OPTIONS)
        ).rejects.toThrowSealError('bad-input', 'from', 'promoted into')
        await deploy(p, V1, 'staging', 'api', LISTED)
        await deploy(p, WEB, 'staging', 'web', LISTED)
        await expect(
          promoteDigest(request(null, 'production', { from: 'staging' }), LISTED, p.ledger, OPTIONS)
        ).rejects.toThrowSealError('bad-input', 'from', 'several services', 'name')
        await expect(
          promoteDigest(
            request(WEB, 'production', { from: 'staging', name: 'api' }),
            LISTED,
            p.ledger,
            OPTIONS
          )
        ).rejects.toThrowSealError('bad-input', 'expected-digest', WEB, V1)
        let records = 0
        for await (const entry of p.ledger.entries({ environment: 'production' }))
          if (entry) records++
        expect(records).toBe(0)
        p.pass(31 * MINUTE)
        const web = await promoteDigest(
          request(null, 'production', { from: 'staging', name: 'web' }),
          LISTED,
          p.ledger,
          OPTIONS
        )
        expect(web).toMatchObject({ digest: WEB, service: 'web', decision: { allowed: true } })
      }
    )
  })

  describe('wait: a soak that waits', () => {
    it(
      'sleeps until the soak is over when it is within the wait, reads the ledger again, and records what it ' +
        'then decides',
      async () => {
        const p = make()
        await deploy(p, V1, 'staging')
        p.pass(10 * MINUTE)
        const { wait, naps, said } = sleeper(p, 60 * MINUTE)
        const result = await promoteDigest(
          request(V1, 'production', { wait }),
          POLICY,
          p.ledger,
          OPTIONS
        )
        expect(result.decision.allowed).toBe(true)
        expect(result.decision.checks.find((c) => c.rule === 'soak')).toMatchObject({
          passed: true
        })
        expect(result.record).toMatchObject({ outcome: 'pending' })
        // Live from its confirmation, ten minutes ago: 20 minutes (and a second, the ledger's clock
        // counting whole seconds) to go.
        expect(naps).toEqual([20 * MINUTE + 1000])
        expect(result.waitedMs).toBe(20 * MINUTE + 1000)
        expect(said.join('\n')).toContain('Waiting 20m 1s')
      }
    )

    it(
      'waits for a requires whose deployment is pending its confirmation, looking again every 30s, then for ' +
        'the soak that starts with the confirmation',
      async () => {
        const p = make()
        p.pass(MINUTE)
        const staged = await promoteDigest(request(V1, 'staging'), POLICY, p.ledger, OPTIONS)
        expect(staged.record).toMatchObject({ outcome: 'pending' })
        const { wait, naps, said } = sleeper(p, 60 * MINUTE)
        let looks = 0
        const confirming = {
          ...wait,
          sleep: async (ms: number) => {
            await wait.sleep(ms)
            // The staging deploy finishes while production waits: confirmed at the second look.
            if (++looks === 2) await confirm(p, staged.record)
          }
        }
        const result = await promoteDigest(
          request(V1, 'production', { wait: confirming }),
          POLICY,
          p.ledger,
          OPTIONS
        )
        expect(result.decision.allowed).toBe(true)
        expect(result.record).toMatchObject({ outcome: 'pending' })
        // Two looks for the confirmation, then the 30-minute soak from it.
        expect(naps.slice(0, 2)).toEqual([31_000, 31_000])
        expect(naps.length).toBe(3)
        expect(said.join('\n')).toContain('its deployment to staging to be confirmed')
      }
    )

    it('stops waiting for a confirmation that does not come within the wait, and refuses', async () => {
      const p = make()
      p.pass(MINUTE)
      await promoteDigest(request(V1, 'staging'), POLICY, p.ledger, OPTIONS)
      const { wait, naps, said } = sleeper(p, 2 * MINUTE)
      const result = await promoteDigest(
        request(V1, 'production', { wait }),
        POLICY,
        p.ledger,
        OPTIONS
      )
      expect(result.decision.allowed).toBe(false)
      expect(result.decision.checks.find((c) => c.rule === 'requires')).toMatchObject({
        passed: false
      })
      expect(naps).toEqual([31_000, 31_000, 31_000])
      expect(said.join('\n')).toContain(
        'Still waiting for its deployment to staging to be confirmed'
      )
    })

    it('judges everything again after the wait: a veto that landed meanwhile refuses', async () => {
      const p = make()
      await deploy(p, V1, 'staging')
      const { wait } = sleeper(p, 60 * MINUTE)
      const vetoing = {
        ...wait,
        sleep: async (ms: number) => {
          await wait.sleep(ms)
          await p.ledger.record(
            'staging',
            async () => ({ ...vetoRecord(V1) }),
            DEFAULT_PENDING_TIMEOUT_MS
          )
        }
      }
      const result = await promoteDigest(
        request(V1, 'production', { wait: vetoing }),
        POLICY,
        p.ledger,
        OPTIONS
      )
      expect(result.decision.allowed).toBe(false)
      expect(result.decision.checks.find((c) => c.rule === 'veto')).toMatchObject({ passed: false })
      expect(result.record).toMatchObject({ outcome: 'refused' })
    })

    it(
      'refuses at once, as without wait, when the soak is not over within it or something else stands in the ' +
        'way',
      async () => {
        const p = make()
        await deploy(p, V1, 'staging')
        const short = sleeper(p, 10 * MINUTE)
        const refused = await promoteDigest(
          request(V1, 'production', { wait: short.wait }),
          POLICY,
          p.ledger,
          OPTIONS
        )
        expect(refused.decision.allowed).toBe(false)
        expect(short.naps).toEqual([])
        expect(refused.waitedMs).toBe(0)
        expect(short.said.join('\n')).toContain('over in 30m, more than the 10m left to wait')
        // Never in staging: no wait makes it pass.
        const never = sleeper(p, 24 * 60 * MINUTE)
        const unpassed = await promoteDigest(
          request(V2, 'production', { wait: never.wait }),
          POLICY,
          p.ledger,
          OPTIONS
        )
        expect(unpassed.decision.checks.find((c) => c.rule === 'requires')).toMatchObject({
          passed: false
        })
        expect(never.naps).toEqual([])
      }
    )
  })
})

function vetoRecord(d: Digest) {
  return {
    digest: d,
    name: null,
    environment: 'staging',
    service: null,
    outcome: 'vetoed' as const,
    mode: null,
    runUrl: null,
    actor: 'octocat',
    sealedBy: null,
    previousDigest: null,
    reason: 'broken in staging',
    environmentUrl: null,
    artifact: null,
    resolves: null,
    key: `veto-${d}`
  }
}
