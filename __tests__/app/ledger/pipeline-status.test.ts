// What each environment runs, with the contract its live digest carries: read from the record
// that made it live, or taken from what a promotion learned already, at no extra request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { ContractPlan } from '../../../src/app/promote/types.js'
import { pipelineStatus } from '../../../src/app/ledger/pipeline-status.js'
import { contractsKnown } from '../../../src/app/promote/contract-plan.js'
import type { ContractRef } from '../../../src/core/contract/manifest.js'
import type { Digest } from '../../../src/core/digest.js'
import { parsePolicy } from '../../../src/core/promotion/policy-file.js'
import type { LedgerEntry, NewRecord } from '../../../src/core/promotion/record.js'
import { GitHubDeploymentsLedger } from '../../../src/stores/ledger/github-deployments.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import type { Ledger } from '../../../src/stores/ledger/ledger.js'
import { T0, digest, newRecord } from '../../../__fixtures__/promotion.js'
import { NO_TIMEOUT, manualClock } from '../../helpers/ledger-history.js'
import { removeAll, tempDir } from '../../helpers/trees.js'
import { type GitHubApiHost, startGitHubApiHost } from '../../hosts/github-api-host.js'

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
  host.setNow(T0)
})
afterAll(async () => {
  await host.close()
  removeAll()
})

const POLICY = parsePolicy(
  'environments:\n  dev: {}\n  staging:\n    requires: [dev]\n  production:\n    requires: [staging]\n',
  'policy.yml'
)
const V1: ContractRef = { digest: digest(0xc1), version: '1.0.0' }
const V2: ContractRef = { digest: digest(0xc2), version: '2.0.0' }
const D1 = digest(1)
const D2 = digest(2)

/** dev and staging run D2 (contract 2.0.0), production D1 (1.0.0); dev ran D1 before. */
async function pipeline(ledger: Ledger, tick: () => void): Promise<void> {
  const deploy = async (d: Digest, environment: string, fields: Partial<NewRecord>) => {
    tick()
    const { entry } = await ledger.record(
      environment,
      async (view) =>
        newRecord({
          digest: d,
          environment,
          previousDigest: (await view.live(environment, 'hello-service'))?.digest ?? null,
          ...fields
        }),
      NO_TIMEOUT
    )
    tick()
    await ledger.resolve({
      id: (entry as LedgerEntry).id,
      outcome: 'confirmed',
      reason: null,
      runUrl: null,
      actor: null
    })
  }
  await deploy(D1, 'dev', { contract: V1 })
  await deploy(D1, 'staging', { contract: V1 })
  await deploy(D1, 'production', { contract: V1 })
  await deploy(D2, 'dev', { contract: V2 })
  await deploy(D2, 'staging', { contract: V2 })
}

let repositories = 0
async function githubPipeline(): Promise<GitHubDeploymentsLedger> {
  const ledger = new GitHubDeploymentsLedger({
    token: host.token,
    repository: `acme/status-${++repositories}`,
    apiUrl: host.url,
    ref: 'a'.repeat(40),
    sleep: async () => undefined
  })
  await pipeline(ledger, () => host.advance(60_000))
  return ledger
}

const contracts = (status: Awaited<ReturnType<typeof pipelineStatus>>) =>
  status.map((s) => [s.environment, s.contract?.version ?? null])

describe('pipelineStatus: the contract each environment runs', () => {
  it('reads it from the record that made the live digest live, on a file ledger', async () => {
    const clock = manualClock(T0)
    const ledger = new FileLedger(`${tempDir()}/ledger.jsonl`, 'ledger', {
      create: true,
      clock: clock.now
    })
    await pipeline(ledger, () => clock.advance(1))
    expect(contracts(await pipelineStatus(POLICY, ledger))).toEqual([
      ['dev', '2.0.0'],
      ['staging', '2.0.0'],
      ['production', '1.0.0']
    ])
  })

  it(
    "on the GitHub ledger, reads only the live digest's records in its environment, and nothing for a " +
      'contract the caller knows',
    async () => {
      const ledger = await githubPipeline()
      host.clearRequests()
      const read = await pipelineStatus(POLICY, ledger)
      const allReads = host.requests.filter((r) => r.method === 'GET')
      expect(contracts(read)).toEqual([
        ['dev', '2.0.0'],
        ['staging', '2.0.0'],
        ['production', '1.0.0']
      ])
      // The lookups filter on the environment and the digest.
      expect(
        allReads
          .filter((r) => r.query.task === `deploy:${D2}`)
          .map((r) => r.query.environment)
          .sort()
      ).toEqual(['dev', 'staging'])

      host.clearRequests()
      await pipelineStatus(POLICY, ledger, { knownContracts: new Map() })
      expect(host.requests.filter((r) => r.method === 'GET')).toHaveLength(allReads.length)

      // A promotion of D2 to production knows D2's contract and D1's (production's live one).
      const plan: ContractPlan = {
        environment: 'production',
        compared: true,
        candidate: V2,
        loaded: null,
        liveDigest: D1,
        live: V1,
        changes: [],
        problem: null
      }
      host.clearRequests()
      const known = await pipelineStatus(POLICY, ledger, {
        knownContracts: contractsKnown(D2, plan)
      })
      expect(contracts(known)).toEqual(contracts(read))
      const fewer = host.requests.filter((r) => r.method === 'GET')
      expect(fewer.some((r) => r.query.task !== undefined)).toBe(false)
      expect(fewer.length).toBeLessThan(allReads.length)
    }
  )

  it("does not take the candidate's contract from a plan that found a problem", async () => {
    const plan: ContractPlan = {
      environment: 'production',
      compared: true,
      candidate: V2,
      loaded: null,
      liveDigest: D1,
      live: V1,
      changes: null,
      problem: 'the manifest was swapped'
    }
    expect(contractsKnown(D2, plan)).toEqual(new Map([[D1, V1]]))
    expect(contractsKnown(D2, null).size).toBe(0)
    expect(contractsKnown(D2, { ...plan, problem: null, liveDigest: null, live: null })).toEqual(
      new Map([[D2, V2]])
    )
  })
})
