// `artifact-seal contract history` and `status`, run in-process over ledgers written through
// their public role: a real file ledger, and the GitHub Deployments ledger on the loopback
// REST host. Both must tell the same amendments.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import {
  CONTRACT_HISTORY_USAGE,
  contractHistoryCommand
} from '../../src/cli/contract-history-command.js'
import { statusCommand } from '../../src/cli/status-command.js'
import type { Terminal } from '../../src/cli/terminal.js'
import type { ContractRef } from '../../src/core/contract/manifest.js'
import type { Digest } from '../../src/core/digest.js'
import { SealError } from '../../src/core/errors.js'
import type { ContractAmendment } from '../../src/core/promotion/contract-history.js'
import {
  type Amendment,
  type LedgerEntry,
  type NewRecord,
  serviceOf
} from '../../src/core/promotion/record.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { GitHubDeploymentsLedger } from '../../src/stores/ledger/github-deployments.js'
import type { Ledger } from '../../src/stores/ledger/ledger.js'
import { T0, digest, newRecord } from '../../__fixtures__/promotion.js'
import { NO_TIMEOUT, manualClock } from '../helpers/ledger-history.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
  host.setNow(T0)
})
afterAll(async () => {
  await host.close()
  removeAll()
})

const V1: ContractRef = { digest: digest(0xc1), version: '1.0.0' }
const V2: ContractRef = { digest: digest(0xc2), version: '2.0.0' }
const D0 = digest(0xd0)
const D1 = digest(0xd1)
const D2 = digest(0xd2)
const RUN = (n: number) => `https://github.com/acme/shop/actions/runs/${n}`
const POLICY =
  'environments:\n  dev: {}\n  staging:\n    requires: [dev]\n  production:\n    requires: [staging]\n    ' +
  'contract: { breaking: require-major }\n'

function terminal(
  cwd: string,
  env: Record<string, string> = {}
): Terminal & { readonly text: () => string } {
  let out = ''
  return {
    cwd,
    env,
    out: (text) => void (out += text),
    err: () => undefined,
    progress: () => undefined,
    text: () => out
  }
}

/**
 * Writes a ledger's history through its role, as the gate and the confirm step do; `tick` moves its
 * clock a minute on.
 */
async function writeHistory(ledger: Ledger, tick: () => void): Promise<void> {
  const amendment = (from: ContractRef, to: ContractRef, approval?: string): Amendment => ({
    from,
    to,
    breaking: 1,
    dangerous: 0,
    compatible: 2,
    rules: ['response-required-property-removed', 'response-optional-property-added'],
    ...(approval === undefined ? {} : { approval })
  })
  const append = async (record: NewRecord): Promise<LedgerEntry> => {
    tick()
    // A pending record is decided against what its service runs, as the gate records it.
    const { entry } = await ledger.record(
      record.environment,
      async (view) =>
        record.outcome === 'pending'
          ? {
              ...record,
              previousDigest:
                (await view.live(record.environment, serviceOf(record)))?.digest ?? null
            }
          : record,
      NO_TIMEOUT
    )
    if (entry === null) throw new Error('nothing recorded')
    return entry
  }
  const confirm = async (pending: LedgerEntry) => {
    tick()
    await ledger.resolve({
      id: pending.id,
      outcome: 'confirmed',
      reason: null,
      runUrl: null,
      actor: 'deploy-bot'
    })
  }
  const deploy = async (d: Digest, environment: string, fields: Partial<NewRecord>) =>
    confirm(await append(newRecord({ digest: d, environment, name: 'shop', ...fields })))

  await deploy(D0, 'dev', { actor: 'old-timer', runUrl: RUN(1) }) // recorded before contracts existed
  await deploy(D1, 'dev', { contract: V1, actor: 'alice', runUrl: RUN(2) })
  await deploy(D1, 'staging', { contract: V1, actor: 'alice', runUrl: RUN(3) })
  await deploy(D1, 'production', { contract: V1, actor: 'alice', runUrl: RUN(4) })
  await deploy(D2, 'staging', { contract: V2, actor: 'bob', runUrl: RUN(5) })
  await append(
    newRecord({
      digest: D2,
      environment: 'production',
      name: 'shop',
      outcome: 'refused',
      reason: 'no approval',
      contract: V2,
      amendment: amendment(V1, V2)
    })
  )
  const waiting = await append(
    newRecord({
      digest: D2,
      environment: 'production',
      name: 'shop',
      contract: V2,
      amendment: amendment(V1, V2, '42'),
      actor: 'bob',
      runUrl: RUN(6)
    })
  )
  // let in, never confirmed
  await append(newRecord({ digest: D1, environment: 'production', name: 'shop', contract: V1 }))
  await confirm(waiting)
  await deploy(D1, 'production', {
    contract: V1,
    mode: 'rollback',
    actor: 'carol',
    runUrl: RUN(7),
    amendment: amendment(V2, V1)
  })
}

/**
 * Where the file ledger's history starts: an hour back, so its open pending record has not timed
 * out when status reads it.
 */
const START = new Date(Date.now() - 60 * 60_000)

/** A file ledger with the history, on a clock a minute a record. */
async function fileLedger(): Promise<{ dir: string; ledger: string }> {
  const dir = tempDir('contract-history-')
  const clock = manualClock(START)
  const file = path.join(dir, 'ledger.jsonl')
  await writeHistory(new FileLedger(file, 'ledger', { create: true, clock: clock.now }), () =>
    clock.advance(1)
  )
  return { dir, ledger: `file:${file}` }
}

let repositories = 0
async function githubLedger(): Promise<Record<string, string>> {
  const repository = `acme/shop-history-${++repositories}`
  const ledger = new GitHubDeploymentsLedger({
    token: host.token,
    repository,
    apiUrl: host.url,
    ref: '0123456789abcdef0123456789abcdef01234567',
    sleep: async () => undefined
  })
  await writeHistory(ledger, () => host.advance(60_000))
  return { GITHUB_TOKEN: host.token, GITHUB_REPOSITORY: repository, GITHUB_API_URL: host.url }
}

async function run(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): Promise<{ code: number; text: string }> {
  const t = terminal(cwd, env)
  const code = await contractHistoryCommand(args, t)
  return { code, text: t.text() }
}

/** What both ledgers must agree on: everything but their ids and clocks. */
const portable = (a: ContractAmendment) => ({
  environment: a.environment,
  initial: a.initial,
  from: a.from,
  to: a.to,
  digest: a.digest,
  name: a.name,
  previousDigest: a.previousDigest,
  mode: a.mode,
  actor: a.actor,
  runUrl: a.runUrl,
  amendment: a.amendment
})

describe('artifact-seal contract history', () => {
  it('lists every amendment per environment, newest first, as text and as JSON', async () => {
    const { dir, ledger } = await fileLedger()
    const json = await run(['--json', '--ledger', ledger], dir)
    expect(json.code).toBe(0)
    const all = JSON.parse(json.text) as ContractAmendment[]
    expect(
      all.map((a) => [
        a.environment,
        a.from?.version ?? null,
        a.to?.version ?? null,
        a.mode,
        a.actor
      ])
    ).toEqual([
      ['production', '2.0.0', '1.0.0', 'rollback', 'carol'],
      ['production', '1.0.0', '2.0.0', 'promote', 'bob'],
      ['staging', '1.0.0', '2.0.0', 'promote', 'bob'],
      ['production', null, '1.0.0', 'promote', 'alice'],
      ['staging', null, '1.0.0', 'promote', 'alice'],
      ['dev', null, '1.0.0', 'promote', 'alice']
    ])
    // When: the confirmation (the record after the one that let it in), not the gate's decision.
    const promoted = all[1] as ContractAmendment
    expect(promoted).toMatchObject({
      digest: D2,
      previousDigest: D1,
      runUrl: RUN(6),
      time: new Date(START.getTime() + 14 * 60_000).toISOString(),
      amendment: {
        breaking: 1,
        dangerous: 0,
        compatible: 2,
        approval: '42',
        rules: ['response-required-property-removed', 'response-optional-property-added']
      }
    })
    expect(Number(promoted.confirmationId)).toBeGreaterThan(Number(promoted.recordId))
    expect(all[5]).toMatchObject({ initial: true, from: null, to: V1, previousDigest: D0 })

    const text = await run(['--ledger', ledger], dir)
    expect(text.code).toBe(0)
    expect(text.text.split('\n').filter((l) => /^\S/.test(l))).toEqual([
      'production: 3 contract amendments',
      'staging: 2 contract amendments',
      'dev: 1 contract amendment'
    ])
    expect(text.text).toContain(
      `  ${promoted.time}  1.0.0 → 2.0.0\n    from      1.0.0  ${V1.digest}\n    to        2.0.0  ${V2.digest}\n    artifact  ${D2} (shop), replacing ${D1}\n`
    )
    expect(text.text).toContain(
      `    by        bob  ${RUN(6)}  (record ${promoted.recordId}, confirmed by ${promoted.confirmationId})\n`
    )
    expect(text.text).toContain(
      '    changes   1 breaking, 0 dangerous, 2 compatible: response-required-property-removed, ' +
        'response-optional-property-added\n    approval  record 42\n'
    )
    expect(text.text).toMatch(/ {2}\S+ {2}2\.0\.0 → 1\.0\.0 {2}\(rollback\)\n/)
    expect(text.text).toMatch(
      /dev: 1 contract amendment\n {2}\S+ {2}initial contract 1\.0\.0\n {4}to {8}1\.0\.0 {2}sha256:/
    )
  })

  it('keeps to one environment with --environment, and says so when it has none', async () => {
    const { dir, ledger } = await fileLedger()
    const production = JSON.parse(
      (await run(['--environment', 'production', '--json', '--ledger', ledger], dir)).text
    ) as ContractAmendment[]
    expect(production.map((a) => a.environment)).toEqual(['production', 'production', 'production'])
    expect(await run(['--environment', 'qa', '--ledger', ledger], dir)).toEqual({
      code: 0,
      text: 'No contract amendments in qa: no digest that went live there carried a contract.\n'
    })
    expect(
      JSON.parse((await run(['--environment', 'qa', '--json', '--ledger', ledger], dir)).text)
    ).toEqual([])
  })

  it('has --help, and refuses an unknown option or an empty value with the usage', async () => {
    expect(await run(['--help'], '/')).toEqual({ code: 0, text: `${CONTRACT_HISTORY_USAGE}\n` })
    expect(CONTRACT_HISTORY_USAGE).toMatch(/^Usage: artifact-seal contract history /)
    await expect(run(['--digest', D1], '/')).rejects.toThrow(SealError)
    await expect(run(['--environment', ' '], '/')).rejects.toThrowSealError(
      'usage',
      '--environment',
      '" "'
    )
    await expect(
      run(['--ledger', `file:${path.join(tempDir(), 'none.jsonl')}`], '/')
    ).rejects.toThrow(SealError)
  })

  it('tells the same amendments from the GitHub Deployments ledger', async () => {
    const { dir, ledger } = await fileLedger()
    const fromFile = JSON.parse(
      (await run(['--json', '--ledger', ledger], dir)).text
    ) as ContractAmendment[]
    const env = await githubLedger()
    const fromGitHub = JSON.parse(
      (await run(['--json', '--ledger', 'github'], dir, env)).text
    ) as ContractAmendment[]
    expect(fromGitHub.map(portable)).toEqual(fromFile.map(portable))
    // The GitHub ledger's ids: the deployment that let it in, and the status that confirmed it.
    const promoted = fromGitHub[1] as ContractAmendment
    expect(promoted.confirmationId).toBe(
      `${promoted.recordId}/statuses/${promoted.confirmationId.split('/').at(-1)}`
    )
    expect(promoted.amendment?.approval).toBe('42')
    expect(promoted.recordUrl).toMatch(
      /^https:\/\/github\.com\/acme\/shop-history-\d+\/deployments/
    )
    const production = await run(['--environment', 'production', '--ledger', 'github'], dir, env)
    expect(production.text).toMatch(/^production: 3 contract amendments\n/)
  })
})

describe('artifact-seal status: the contract each environment runs', () => {
  it('names the contract version of the record that made the live digest live, and none where there is none', async () => {
    const { dir, ledger } = await fileLedger()
    writeTree(dir, { 'policy.yml': POLICY })
    const t = terminal(dir)
    expect(await statusCommand(['--policy', 'policy.yml', '--ledger', ledger], t)).toBe(0)
    const lines = t.text().split('\n')
    expect(lines.find((l) => l.startsWith('production'))).toMatch(
      new RegExp(`^production +${D1} +\\S+ +contract 1\\.0\\.0$`)
    )
    expect(lines.find((l) => l.startsWith('staging'))).toMatch(/ contract 2\.0\.0$/)
    // The promotion of D1 to production let in after the rollback's: pending, with the contract it carries.
    expect(t.text()).toMatch(
      /pending: \S+ \(record \d+, let in \S+, contract 1\.0\.0, not confirmed\)/
    )

    const json = terminal(dir)
    expect(
      await statusCommand(['--policy', 'policy.yml', '--ledger', ledger, '--json'], json)
    ).toBe(0)
    const status = JSON.parse(json.text()) as {
      environment: string
      contract: ContractRef | null
    }[]
    expect(status.map((s) => [s.environment, s.contract])).toEqual([
      ['dev', V1],
      ['staging', V2],
      ['production', V1]
    ])
  })

  it('shows no contract for a live digest recorded without one, on the GitHub ledger too', async () => {
    const env = await githubLedger()
    const dir = writeTree(tempDir(), { 'policy.yml': 'environments:\n  dev: {}\n  qa: {}\n' })
    const t = terminal(dir, env)
    expect(await statusCommand(['--policy', 'policy.yml', '--ledger', 'github', '--json'], t)).toBe(
      0
    )
    expect(
      (JSON.parse(t.text()) as { environment: string; contract: ContractRef | null }[]).map((s) => [
        s.environment,
        s.contract
      ])
    ).toEqual([
      ['dev', V1],
      ['qa', null]
    ])
  })
})
