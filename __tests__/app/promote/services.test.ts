// Two services promoted into one environment (a monorepo), on both ledgers: what runs,
// `previous`, `replaces`, rollback, soak and requires are kept per service, and a
// confirmation is judged again against what its own service runs.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { pipelineStatus } from '../../../src/app/ledger/pipeline-status.js'
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
const API_1 = digest(0xa1)
const API_2 = digest(0xa2)
const API_3 = digest(0xa3)
const WEB_1 = digest(0xb1)
const WEB_2 = digest(0xb2)

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
  readonly kind: 'file' | 'github'
  readonly ledger: Ledger
  readonly repository: string | null
  /** Moves every clock on. */
  readonly wait: (minutes: number) => void
}

function onFile(): Pipeline {
  let now = T0.getTime()
  const ledger = new FileLedger(path.join(tempDir(), 'ledger.jsonl'), 'ledger', {
    create: true,
    clock: () => new Date(now)
  })
  return {
    kind: 'file',
    ledger,
    repository: null,
    wait: (minutes) => void (now += minutes * MINUTE)
  }
}

function onGitHub(): Pipeline {
  host.setNow(T0)
  const repository = `acme/monorepo-${++repositories}`
  const ledger = new GitHubDeploymentsLedger({
    token: host.token,
    repository,
    apiUrl: host.url,
    ref: '0'.repeat(40),
    sleep: async () => undefined
  })
  return { kind: 'github', ledger, repository, wait: (minutes) => host.advance(minutes * MINUTE) }
}

const requester = { runUrl: 'https://github.com/acme/monorepo/actions/runs/1', actor: 'octocat' }
// What is tested is how services are kept apart: these promotions say they carry no bytes.
const NO_BYTES = { declared: true, missing: '' }

function request(
  name: string,
  d: Digest | 'previous',
  environment: string,
  rollback = false
): PromoteRequest {
  return {
    environment,
    digest: d,
    rollback,
    dryRun: false,
    name,
    environmentUrl: null,
    sealedBy: null,
    requester,
    inputs: { environment: 'environment', digest: 'expected-digest' },
    artifact: null,
    withoutBytes: NO_BYTES
  }
}

async function letIn(
  p: Pipeline,
  name: string,
  d: Digest | 'previous',
  environment: string,
  rollback = false,
  policy: PromotionPolicy = POLICY
): Promise<PromoteResult> {
  p.wait(1)
  return promoteDigest(request(name, d, environment, rollback), policy, p.ledger, OPTIONS)
}

async function confirm(p: Pipeline, record: LedgerEntry | null): Promise<LedgerEntry> {
  if (record === null) throw new Error('nothing was recorded')
  p.wait(1)
  return p.ledger.resolve({ id: record.id, outcome: 'confirmed', reason: null, ...requester })
}

/** Promoted and confirmed: live from the confirmation. */
async function deploy(
  p: Pipeline,
  name: string,
  d: Digest,
  environment: string
): Promise<PromoteResult> {
  const result = await letIn(p, name, d, environment)
  expect(result.decision).toMatchObject({ allowed: true })
  expect((await confirm(p, result.record)).outcome).toBe('deployed')
  return result
}

/** api and web each through staging into production, interleaved: api 1 and web 1 live everywhere. */
async function twoServices(p: Pipeline): Promise<void> {
  await deploy(p, 'api', API_1, 'staging')
  await deploy(p, 'web', WEB_1, 'staging')
  p.wait(40)
  await deploy(p, 'api', API_1, 'production')
  await deploy(p, 'web', WEB_1, 'production')
}

describe.each([
  ['file', onFile],
  ['github', onGitHub]
] as const)('two services in one environment, on the %s ledger', (_kind, make) => {
  it('each replaces only its own live digest, and rolls back to its own previous one', async () => {
    const p = make()
    await twoServices(p)
    await deploy(p, 'api', API_2, 'staging')
    p.wait(40)
    // web went live in production after api 1: api 2 still replaces api 1.
    const second = await deploy(p, 'api', API_2, 'production')
    expect(second.previous?.digest).toBe(API_1)
    expect(second.record?.previousDigest).toBe(API_1)
    if (p.kind === 'github') {
      // GitHub's "replaced by" goes on api 1's deployment, never on web's.
      const deployments = host
        .deploymentsOf(p.repository as string)
        .filter((d) => d.environment === 'production')
      const inactive = deployments
        .filter((d) => d.statuses.some((s) => s.state === 'inactive'))
        .map((d) => d.task)
      expect(inactive).toEqual([`deploy:${API_1}`])
    }

    const rollback = await letIn(p, 'api', 'previous', 'production', true)
    expect(rollback.digest).toBe(API_1)
    expect(rollback.previous?.digest).toBe(API_2)
    expect((await confirm(p, rollback.record)).outcome).toBe('rolled-back')
    // web was never touched: it still runs web 1, and has nothing to roll back to.
    const webRollback = await letIn(p, 'web', 'previous', 'production', true)
    expect(webRollback.decision.allowed).toBe(false)
    expect(webRollback.digest).toBe(WEB_1)

    const status = await pipelineStatus(POLICY, p.ledger)
    const runs = status.map((s) => [s.environment, s.service, s.live?.digest])
    expect(runs).toEqual(
      expect.arrayContaining([
        ['production', 'api', API_1],
        ['production', 'web', WEB_1],
        ['staging', 'api', API_2],
        ['staging', 'web', WEB_1]
      ])
    )
  })

  it('soaks a digest for its own service: another service going live upstream does not end its stretch', async () => {
    const p = make()
    await twoServices(p)
    await deploy(p, 'web', WEB_2, 'staging')
    p.wait(5)
    await deploy(p, 'api', API_2, 'staging')
    p.wait(40)
    const web = await letIn(p, 'web', WEB_2, 'production')
    expect(web.decision.checks.filter((c) => c.rule === 'soak')).toEqual([
      expect.objectContaining({ passed: true })
    ])
    expect(web.previous?.digest).toBe(WEB_1)
  })

  it('requires the digest to have run upstream as the same service', async () => {
    const p = make()
    await twoServices(p)
    await deploy(p, 'web', WEB_2, 'staging')
    p.wait(40)
    const asApi = await letIn(p, 'api', WEB_2, 'production')
    expect(asApi.decision.allowed).toBe(false)
    expect(asApi.decision.checks.find((c) => c.rule === 'requires')).toMatchObject({
      passed: false,
      environment: 'staging'
    })
  })

  it('confirms a pending record only while its service still runs what the gate compared against', async () => {
    const p = make()
    await twoServices(p)
    await deploy(p, 'api', API_2, 'staging')
    p.wait(40)
    await deploy(p, 'api', API_3, 'staging')
    await deploy(p, 'web', WEB_2, 'staging')
    p.wait(40)
    // Both decided while production ran api 1.
    const first = await letIn(p, 'api', API_2, 'production')
    const second = await letIn(p, 'api', API_3, 'production')
    const web = await letIn(p, 'web', WEB_2, 'production')
    expect([first.previous?.digest, second.previous?.digest, web.previous?.digest]).toEqual([
      API_1,
      API_1,
      WEB_1
    ])
    // web going live is another service's business: api 2 still lands on api 1.
    expect((await confirm(p, web.record)).outcome).toBe('deployed')
    const landed = await confirm(p, first.record)
    expect(landed.outcome).toBe('deployed')
    const late = await confirm(p, second.record)
    expect(late.outcome).toBe('failed')
    expect(late.reason).toContain(API_2)
    // Which record made it live: the file ledger's record, the GitHub ledger's deployment.
    expect(late.reason).toContain(
      `${p.kind === 'file' ? 'record' : 'deployment'} ${first.record?.id}`
    )
    expect(late.reason).toContain(
      `artifact-seal promote ${API_3} --environment production --subject-name api`
    )
    expect((await p.ledger.live('production', 'api'))?.digest).toBe(API_2)
  })
})

describe.each([
  ['file', onFile],
  ['github', onGitHub]
] as const)('the policy names the services, on the %s ledger', (_kind, make) => {
  const LISTED = parsePolicy('services: [api, web]\nenvironments:\n  staging: {}\n', 'policy.yml')
  const PINNED = parsePolicy('service: shop\nenvironments:\n  staging: {}\n', 'policy.yml')

  it('refuses a name it does not list before anything is recorded, and asks which service "previous" is of', async () => {
    const p = make()
    await expect(letIn(p, 'apii', API_1, 'staging', false, LISTED)).rejects.toThrowSealError(
      'bad-input',
      'name',
      '"apii"',
      'policy.yml',
      '"api", "web"'
    )
    await expect(
      promoteDigest(
        { ...request('x', 'previous', 'staging', true), name: null },
        LISTED,
        p.ledger,
        OPTIONS
      )
    ).rejects.toThrowSealError('bad-input', 'expected-digest', '"previous"', '"api", "web"')
    expect(await collect(p.ledger.entries())).toEqual([])
    // Each listed service has a pipeline of its own, and status shows both.
    await deploy(p, 'api', API_1, 'staging')
    expect((await letIn(p, 'web', WEB_1, 'staging', false, LISTED)).previous).toBeNull()
    const status = await pipelineStatus(LISTED, p.ledger)
    expect(status.map((s) => [s.environment, s.service, s.live?.digest ?? null])).toEqual([
      ['staging', 'api', API_1],
      ['staging', 'web', null]
    ])
  })

  it('pins one service whatever the artifact is named: a renamed build replaces the one before it', async () => {
    const p = make()
    const first = await letIn(p, 'shop-1.2.3.tgz', API_1, 'staging', false, PINNED)
    expect(first.record).toMatchObject({ name: 'shop-1.2.3.tgz', service: 'shop' })
    await confirm(p, first.record)
    const second = await letIn(p, 'shop-1.2.4.tgz', API_2, 'staging', false, PINNED)
    expect(second).toMatchObject({ service: 'shop', previous: { digest: API_1 } })
    await confirm(p, second.record)
    const back = await letIn(p, 'whatever', 'previous', 'staging', true, PINNED)
    expect(back).toMatchObject({ digest: API_1, service: 'shop' })
  })

  it(
    'without either, refuses a renamed build into an environment that judges contracts: it would be judged ' +
      'against no contract',
    async () => {
      const p = make()
      const contracts = parsePolicy('environments:\n  staging:\n    contract: {}\n', 'policy.yml')
      await deploy(p, 'app-1.2.3.tgz', API_1, 'staging')
      const renamed = await letIn(p, 'app-1.2.4.tgz', API_2, 'staging', false, contracts)
      expect(renamed.decision.checks.find((c) => c.rule === 'service')).toMatchObject({
        passed: false,
        detail: expect.stringContaining('pin it in the policy ("service: app-1.2.3.tgz")')
      })
    }
  )

  it(
    'a pin under a new name meets the records written before it under the old one: refused where contracts ' +
      'are judged, until the pin names what runs',
    async () => {
      const p = make()
      await deploy(p, 'app-1.2.3.tgz', API_1, 'staging')
      const pinnedNew = parsePolicy(
        'service: shop\nenvironments:\n  staging:\n    contract: {}\n',
        'policy.yml'
      )
      const refused = await letIn(p, 'app-1.2.4.tgz', API_2, 'staging', false, pinnedNew)
      expect(refused.decision.allowed).toBe(false)
      expect(refused.decision.checks.find((c) => c.rule === 'service')).toMatchObject({
        passed: false,
        detail: expect.stringContaining('pin it in the policy ("service: app-1.2.3.tgz")')
      })
      const pinnedOld = parsePolicy(
        'service: app-1.2.3.tgz\nenvironments:\n  staging:\n    contract: {}\n',
        'policy.yml'
      )
      const judged = await letIn(p, 'app-1.2.4.tgz', API_2, 'staging', false, pinnedOld)
      expect(judged).toMatchObject({ service: 'app-1.2.3.tgz', previous: { digest: API_1 } })
      expect(judged.decision.checks.find((c) => c.rule === 'service')).toBeUndefined()
    }
  )
})

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}
