// Ledgers written before services existed keep working. Their records carry no service: each
// belongs to the service its name gives (a record without a name to the default service), so
// a one-service repository, whose records all carry its seal's name, sees no change.
//
// __fixtures__/ledger/one-service-before-services.jsonl was written by the artifact-seal CLI
// before services existed (the dist/ of commit 8860145): "shop" promoted through dev, staging
// and production twice, a third digest refused and vetoed, production rolled back to
// "previous", and a promotion to staging left pending. The answers below are what that
// version's `status` and a dry-run rollback printed for it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pipelineStatus } from '../../../src/app/ledger/pipeline-status.js'
import { promoteDigest } from '../../../src/app/promote/promote-digest.js'
import type { Digest } from '../../../src/core/digest.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import { DEFAULT_PENDING_TIMEOUT_MS, type NewRecord } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import { GitHubDeploymentsLedger } from '../../../src/stores/ledger/github-deployments.js'
import { lineFields } from '../../../src/stores/ledger/line-fields.js'
import { PROJECT_ROOT } from '../../helpers/runner.js'
import { collect } from '../../helpers/ledger-history.js'
import { removeAll, tempDir } from '../../helpers/trees.js'
import { type GitHubApiHost, startGitHubApiHost } from '../../hosts/github-api-host.js'

const FIXTURE = path.join(PROJECT_ROOT, '__fixtures__/ledger/one-service-before-services.jsonl')
const POLICY = parsePolicy(
  'environments:\n  dev: {}\n  staging:\n    requires: [dev]\n  production:\n    requires: [staging]\n',
  'policy.yml'
)
const A = `sha256:${'a'.repeat(64)}` as Digest
const B = `sha256:${'b'.repeat(64)}` as Digest
const C = `sha256:${'c'.repeat(64)}` as Digest
/** A minute after the last record: the pending one is still waiting. */
const NOW = new Date('2026-12-06T14:14:57.181Z')
const OPTIONS = { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
const requester = { runUrl: null, actor: 'octocat' }

afterAll(removeAll)

function copy(): FileLedger {
  const file = path.join(tempDir(), 'ledger.jsonl')
  fs.copyFileSync(FIXTURE, file)
  return new FileLedger(file, 'ledger', { clock: () => NOW })
}

describe('a file ledger written before services existed', () => {
  it('has no service on any line, and a name on every record: all of one service', () => {
    const lines = fs.readFileSync(FIXTURE, 'utf8').trimEnd().split('\n').slice(1)
    expect(lines).toHaveLength(19)
    for (const line of lines) {
      expect(line).not.toContain('"service"')
      expect(JSON.parse(line).record.name).toBe('shop')
      // The gate's fast read takes the name where the service now stands.
      expect(lineFields(line)).toMatchObject({ service: 'shop' })
    }
  })

  it('reads as it did: status per environment, the pending record, what runs where', async () => {
    const ledger = copy()
    expect((await ledger.verifyChain()).problems).toEqual([])
    const status = await pipelineStatus(POLICY, ledger)
    expect(
      status.map((s) => [
        s.environment,
        s.service,
        s.live?.digest,
        s.live?.from,
        s.live?.recordId,
        s.pending.map((p) => p.id)
      ])
    ).toEqual([
      ['dev', 'shop', C, '2026-12-06T14:13:56.822Z', '14', []],
      ['staging', 'shop', B, '2026-12-06T14:13:56.600Z', '10', ['20']],
      ['production', 'shop', A, '2026-12-06T14:13:57.082Z', '18', []]
    ])
    expect(await ledger.newest('production')).toMatchObject({
      service: 'shop',
      live: { digest: A }
    })
    expect((await collect(ledger.entries({ service: 'shop' }))).length).toBe(19)
  })

  it('rolls back to "previous" without a name, as before: the one service the environment runs', async () => {
    const ledger = copy()
    const rollback = await promoteDigest(
      {
        environment: 'production',
        digest: 'previous',
        rollback: true,
        dryRun: true,
        name: null,
        environmentUrl: null,
        sealedBy: null,
        requester,
        inputs: { environment: 'environment', digest: 'digest' },
        artifact: null,
        withoutBytes: { declared: true, missing: '' }
      },
      POLICY,
      ledger,
      OPTIONS
    )
    expect(rollback).toMatchObject({
      digest: B,
      service: 'shop',
      previous: { digest: A },
      decision: { allowed: true }
    })
  })

  it(
    'takes new records beside the old ones: a promotion of the same name continues its service, and confirms ' +
      'on what the old records made live',
    async () => {
      const ledger = copy()
      const result = await promoteDigest(
        {
          environment: 'production',
          digest: B,
          rollback: false,
          dryRun: false,
          name: null,
          environmentUrl: null,
          sealedBy: null,
          requester,
          inputs: { environment: 'environment', digest: 'digest' },
          artifact: null,
          withoutBytes: { declared: true, missing: '' }
        },
        POLICY,
        ledger,
        OPTIONS
      )
      // The name comes from the digest's old records, and with it the service.
      expect(result).toMatchObject({
        service: 'shop',
        name: 'shop',
        previous: { digest: A },
        decision: { allowed: true }
      })
      expect(result.record).toMatchObject({ service: 'shop', previousDigest: A })
      const confirmed = await ledger.resolve({
        id: result.record?.id as string,
        outcome: 'confirmed',
        reason: null,
        ...requester
      })
      expect(confirmed).toMatchObject({ outcome: 'deployed', service: 'shop' })
      const last = fs.readFileSync(ledger.file, 'utf8').trimEnd().split('\n').at(-1) as string
      expect(last).toContain('"resolves":"21","service":"shop",')
      const reread = new FileLedger(ledger.file, 'ledger', { clock: () => NOW })
      expect((await reread.verifyChain()).problems).toEqual([])
      expect(await reread.live('production', 'shop')).toMatchObject({ digest: B })
    }
  )
})

describe('a GitHub ledger written before services existed', () => {
  let host: GitHubApiHost
  beforeAll(async () => {
    host = await startGitHubApiHost()
  })
  afterAll(async () => host.close())

  /** A payload as the earlier version wrote it: no service key. */
  function seed(
    repository: string,
    record: Omit<NewRecord, 'service'>,
    at: string,
    statuses: { state: 'in_progress' | 'success' | 'inactive'; at: string; description?: string }[]
  ) {
    return host.seedDeployment({
      repository,
      environment: record.environment,
      task: `deploy:${record.digest}`,
      payload: { 'artifact-seal': 2, record },
      createdAt: at,
      statuses: statuses.map((s) => ({
        state: s.state,
        createdAt: s.at,
        description: s.description ?? ''
      }))
    })
  }
  const old = (
    digest: Digest,
    name: string | null,
    previousDigest: Digest | null
  ): Omit<NewRecord, 'service'> => ({
    digest,
    name,
    environment: 'production',
    outcome: 'pending',
    mode: 'promote',
    runUrl: null,
    actor: null,
    sealedBy: null,
    previousDigest,
    reason: null,
    environmentUrl: null,
    artifact: null,
    resolves: null,
    key: `old-${digest.slice(-4)}-${name}`
  })

  it(
    'reads each record as the service its name gives, a name-less one as the default service, and confirms on ' +
      'them',
    async () => {
      const repository = 'acme/before-services'
      host.setNow(new Date('2026-11-01T13:00:00Z'))
      const a = seed(repository, old(A, 'shop', null), '2026-11-01T12:00:00Z', [
        { state: 'in_progress', at: '2026-11-01T12:00:00Z' },
        { state: 'success', at: '2026-11-01T12:01:00Z' },
        {
          state: 'inactive',
          at: '2026-11-01T12:11:00Z',
          description: 'replaced by sha256:bbbbbbbbbbbb… (deployment 2)'
        }
      ])
      const b = seed(repository, old(B, 'shop', A), '2026-11-01T12:10:00Z', [
        { state: 'in_progress', at: '2026-11-01T12:10:00Z' },
        { state: 'success', at: '2026-11-01T12:11:00Z' }
      ])
      seed(repository, old(C, null, null), '2026-11-01T12:20:00Z', [
        { state: 'in_progress', at: '2026-11-01T12:20:00Z' },
        { state: 'success', at: '2026-11-01T12:21:00Z' }
      ])
      const ledger = new GitHubDeploymentsLedger({
        token: host.token,
        repository,
        apiUrl: host.url,
        ref: '0'.repeat(40),
        sleep: async () => undefined
      })
      expect(await ledger.live('production', 'shop')).toMatchObject({
        digest: B,
        recordId: String(b.id)
      })
      expect(await ledger.live('production', null)).toMatchObject({ digest: C })
      expect(
        (await collect(ledger.previouslyLive('production', 'shop'))).map((s) => [
          s.digest,
          s.recordId
        ])
      ).toEqual([[A, String(a.id)]])
      expect(await ledger.services('production')).toEqual([null, 'shop'])
      // An earlier pending record of shop, decided against B, confirms on it.
      const pending = seed(repository, old(A, 'shop', B), '2026-11-01T12:30:00Z', [
        { state: 'in_progress', at: '2026-11-01T12:30:00Z' }
      ])
      const back = await ledger.resolve({
        id: String(pending.id),
        outcome: 'confirmed',
        reason: null,
        runUrl: null,
        actor: null
      })
      expect(back).toMatchObject({ outcome: 'deployed', service: 'shop' })
      expect(await ledger.live('production', 'shop')).toMatchObject({
        digest: A,
        recordId: String(pending.id)
      })
      expect(await ledger.live('production', null)).toMatchObject({ digest: C })
    }
  )
})
