// The bundled observe action as a runner runs it, on the GitHub ledger of the loopback GitHub
// host and on a file ledger: drift fails the step with one annotation per drifted environment,
// the summary's table and the report output; record: true appends observations without
// changing which deployment is active; 10 environments are observed in one run, counted.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { Digest } from '../../src/core/digest.js'
import { GitHubDeploymentsLedger } from '../../src/stores/ledger/github-deployments.js'
import { type DeployedApp, startDeployedApp } from '../helpers/deployed-app.js'
import { deploy } from '../helpers/ledger-history.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'

const OBSERVE = 'dist/observe/index.js'
const REPO = 'acme/shop'
const LIVE = `sha256:${'1'.repeat(64)}` as Digest
const OTHER = `sha256:${'2'.repeat(64)}` as Digest

let host: GitHubApiHost
let app: DeployedApp
let repositories = 0
beforeAll(async () => {
  host = await startGitHubApiHost()
  app = await startDeployedApp()
})
afterEach(() => host.clearRequests())
afterAll(async () => {
  await app.close()
  await host.close()
  removeAll()
})

/** A repository on the host whose environments run LIVE, deployed through the github ledger. */
async function repositoryRunning(environments: readonly string[]): Promise<string> {
  const repository = `${REPO}-${++repositories}`
  const ledger = new GitHubDeploymentsLedger({
    token: host.token,
    repository,
    apiUrl: host.url,
    ref: '0'.repeat(40),
    sleep: async () => undefined
  })
  for (const environment of environments)
    await deploy(ledger, LIVE, environment, { name: 'shop', service: 'shop' })
  return repository
}

function observeStep(workspace: string, repository: string, inputs: Record<string, string> = {}) {
  return runAction(
    OBSERVE,
    { 'github-token': host.token, ...inputs },
    {
      workspace,
      env: { GITHUB_API_URL: host.url, GITHUB_REPOSITORY: repository, GITHUB_ACTIONS: 'true' }
    }
  )
}

describe('the observe action on the github ledger', () => {
  it(
    'passes while production reports its live digest, fails with an annotation and the table on drift, and ' +
      'records observations that never become active',
    async () => {
      const repository = await repositoryRunning(['staging', 'production'])
      app.set('/production/version', { kind: 'json', body: { digest: LIVE } })
      app.set('/staging/version', { kind: 'json', body: { digest: LIVE } })
      const policy =
        `service: shop\nenvironments:\n  staging:\n    observe: { url: ${app.url('/staging/version')} }\n  ` +
        'production:\n    requires: ' +
        `[staging]\n    observe: { url: ${app.url('/production/version')} }\n`
      const workspace = writeTree(tempDir('workspace-'), { '.github/promotion.yml': policy })

      const clean = await observeStep(workspace, repository, { record: 'true' })
      expect(clean.code).toBe(0)
      expect(clean.outputs.drifted).toBe('false')
      expect(
        JSON.parse(clean.outputs.report as string).environments.map(
          (e: { verdict: string }) => e.verdict
        )
      ).toEqual(['matches', 'matches'])

      app.set('/production/version', { kind: 'json', body: { digest: OTHER } })
      const drift = await observeStep(workspace, repository, { record: 'true' })
      expect(drift.code).toBe(1)
      expect(drift.outputs.drifted).toBe('true')
      const errors = drift.stdout.split('\n').filter((l) => l.startsWith('::error'))
      expect(errors).toHaveLength(2) // the annotation for production, and the step's failure
      expect(errors[0]).toMatch(/^::error title=Drift in production \(shop\)::/)
      expect(drift.summary).toMatch(
        /\| production \(shop\) \| `sha256:111111111111…` \| `sha256:222222222222…` \| ❌ drifted \|/
      )
      expect(drift.summary).toMatch(
        /\| staging \(shop\) \| `sha256:111111111111…` \| `sha256:111111111111…` \| ✅ matches \|/
      )

      // The promotion's deployment is still the active one; each observation is a deployment of its own, inactive.
      const production = host
        .deploymentsOf(repository)
        .filter((d) => d.environment === 'production')
      const observations = production.filter((d) => d.task.startsWith('observe:'))
      expect(observations).toHaveLength(2)
      for (const o of observations) expect(o.statuses.map((s) => s.state)).toEqual(['inactive'])
      const promoted = production.find((d) => d.task === `deploy:${LIVE}`)
      expect(promoted?.statuses[0]?.state).toBe('success')
    }
  )

  it('observes 10 environments in one run: every environment answered, GitHub requests counted', async () => {
    const environments = Array.from({ length: 10 }, (_, i) => `env-${i}`)
    const repository = await repositoryRunning(environments)
    for (const e of environments) app.set(`/${e}/version`, { kind: 'json', body: { digest: LIVE } })
    const policy = `service: shop\nenvironments:\n${environments.map((e) => `  ${e}:\n    observe: { url: ${app.url(`/${e}/version`)} }\n`).join('')}`
    const workspace = writeTree(tempDir('workspace-'), { '.github/promotion.yml': policy })
    host.clearRequests()
    const started = process.hrtime.bigint()
    const read = await observeStep(workspace, repository)
    const readMs = Number((process.hrtime.bigint() - started) / 1_000_000n)
    expect(read.code).toBe(0)
    const readRequests = host.requests.length
    host.clearRequests()
    const recorded = await observeStep(workspace, repository, { record: 'true' })
    expect(recorded.code).toBe(0)
    const recordRequests = host.requests.length
    // Figures for the report: printed, and bounded so a change that reads whole histories shows.
    process.stdout.write(
      `observe 10 environments: ${readRequests} GitHub requests without record (${readMs} ms for the whole ` +
        `step), ${recordRequests} with record: true\n`
    )
    expect(JSON.parse(read.outputs.report as string).environments).toHaveLength(10)
    expect(readRequests).toBeLessThanOrEqual(10 * 4)
    expect(recordRequests).toBeLessThanOrEqual(10 * 8)
  })
})

describe('open-issue: true on the github host', () => {
  it(
    'opens one issue per drifted environment, updates it while the drift lasts, closes it when it matches; ' +
      'never a second one',
    async () => {
      const repository = await repositoryRunning(['staging', 'production'])
      const policy =
        `service: shop\nenvironments:\n  staging:\n    observe: { url: ${app.url('/i/staging')} ` +
        `}\n  production:\n    observe: { url: ${app.url('/i/production')} }\n`
      const workspace = writeTree(tempDir('workspace-'), { '.github/promotion.yml': policy })
      app.set('/i/staging', { kind: 'json', body: { digest: LIVE } })
      app.set('/i/production', { kind: 'json', body: { digest: LIVE } })
      const step = (runId: string) =>
        runAction(
          OBSERVE,
          { 'github-token': host.token, 'open-issue': 'true', record: 'true' },
          {
            workspace,
            env: {
              GITHUB_API_URL: host.url,
              GITHUB_REPOSITORY: repository,
              GITHUB_ACTIONS: 'true',
              GITHUB_RUN_ID: runId
            }
          }
        )
      expect((await step('1')).code).toBe(0)
      expect(host.issuesOf(repository)).toEqual([])

      app.set('/i/production', { kind: 'json', body: { digest: `ghcr.io/acme/shop@${OTHER}` } })
      const opened = await step('2')
      expect(opened.code).toBe(1)
      expect(opened.stdout).toMatch(/Issue #1 opened for production \(shop\)/)
      let issues = host.issuesOf(repository)
      expect(issues).toHaveLength(1)
      expect(issues[0]).toMatchObject({
        state: 'open',
        title: 'Drift in production (shop): it does not run its live digest',
        labels: [expect.objectContaining({ name: 'artifact-seal-drift' })]
      })
      expect(issues[0]?.body).toContain(`| observed | \`${OTHER}\` |`)

      // The drift lasts: the same issue, brought up to date; a second environment drifting gets its own.
      app.set('/i/staging', { kind: 'json', body: { digest: OTHER } })
      const lasting = await step('3')
      expect(lasting.stdout).toMatch(/Issue #1 updated for production \(shop\)/)
      expect(lasting.stdout).toMatch(/Issue #2 opened for staging \(shop\)/)
      issues = host.issuesOf(repository)
      expect(issues.map((i) => [i.number, i.state])).toEqual([
        [1, 'open'],
        [2, 'open']
      ])
      expect(issues[0]?.body).toContain('/actions/runs/3')

      // An observation that cannot tell leaves the issue open; a match closes it with a comment.
      app.set('/i/production', {
        kind: 'text',
        body: 'bad gateway',
        type: 'text/plain',
        status: 502
      })
      await step('4')
      expect(host.issuesOf(repository)[0]?.state).toBe('open')
      app.set('/i/production', { kind: 'json', body: { digest: LIVE } })
      const closed = await step('5')
      expect(closed.stdout).toMatch(/Issue #1 closed for production \(shop\)/)
      issues = host.issuesOf(repository)
      expect(issues[0]).toMatchObject({ state: 'closed', state_reason: 'completed' })
      expect(issues[0]?.commentBodies).toEqual([expect.stringContaining('runs its live digest')])
      expect(issues[1]?.state).toBe('open')

      // A new drift after the close is a new issue, not the closed one reopened.
      app.set('/i/production', { kind: 'json', body: { digest: OTHER } })
      await step('6')
      expect(host.issuesOf(repository).map((i) => [i.number, i.state])).toEqual([
        [1, 'closed'],
        [2, 'open'],
        [3, 'open']
      ])
      // Every issue request was one the endpoints take (the host answers others with 4xx).
      expect(
        host.requests.filter((r) => r.canonicalPath.includes('/issues') && r.status >= 400)
      ).toEqual([])
    }
  )

  it(
    'says the token needs issues: write when it cannot write them, the report still out; is refused before ' +
      'anything is observed without a repository',
    async () => {
      const repository = await repositoryRunning(['production'])
      host.addToken('ghs_read-issues', { deployments: 'read', issues: 'read' })
      app.set('/d/production', { kind: 'json', body: { digest: OTHER } })
      const readOnly = writeTree(tempDir('workspace-'), {
        '.github/promotion.yml': `service: shop\nenvironments:\n  production:\n    observe: { url: ${app.url('/d/production')} }\n`
      })
      const denied = await runAction(
        OBSERVE,
        { 'github-token': 'ghs_read-issues', 'open-issue': 'true' },
        {
          workspace: readOnly,
          env: { GITHUB_API_URL: host.url, GITHUB_REPOSITORY: repository, GITHUB_ACTIONS: 'true' }
        }
      )
      expect(denied.code).toBe(1)
      expect(denied.stdout).toMatch(
        /::error::github-token: the token may not manage the issues of .*Give the job "permissions: issues: write"/
      )
      expect(denied.outputs.drifted).toBe('true')
      expect(host.issuesOf(repository)).toEqual([])

      const workspace = writeTree(tempDir('workspace-'), {
        '.github/promotion.yml': `environments:\n  production:\n    observe: { url: ${app.url('/x')} }\n`
      })
      const run = await runAction(
        OBSERVE,
        { ledger: 'file:ledger.jsonl', 'open-issue': 'true', 'github-token': 't' },
        { workspace, env: { GITHUB_REPOSITORY: '' } }
      )
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/::error::open-issue: GITHUB_REPOSITORY is "", not owner\/name/)
      expect(run.outputs).toEqual({})
    }
  )
})

describe('examples/workflows/observe.yml on the bundled action', () => {
  it(
    'runs every 15 minutes, and its observe step, with the policy examples/workflows/README.md gives, catches ' +
      'drift in staging and holds production',
    async () => {
      const workflow = parseYaml(
        fs.readFileSync(path.join(PROJECT_ROOT, 'examples/workflows/observe.yml'), 'utf8')
      ) as {
        on: { schedule: { cron: string }[] }
        jobs: Record<
          string,
          {
            permissions: Record<string, string>
            steps: { uses?: string; with?: Record<string, unknown> }[]
          }
        >
      }
      expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }])
      const job = workflow.jobs.observe
      expect(job?.permissions).toMatchObject({ deployments: 'write', issues: 'write' })
      const step = job?.steps.find((s) => s.uses?.includes('/artifact-seal/observe@'))
      const inputs = Object.fromEntries(
        Object.entries(step?.with ?? {}).map(([k, v]) => [k, String(v)])
      )
      const readme = fs.readFileSync(
        path.join(PROJECT_ROOT, 'examples/workflows/README.md'),
        'utf8'
      )
      const policy = (
        /```yaml\n# \.github\/promotion\.yml \(observe\.yml\)\n([\s\S]*?)```/.exec(readme)?.[1] ??
        ''
      )
        .replace('https://staging.shop.example/version', app.url('/ex/staging'))
        .replace('https://shop.example/version', app.url('/ex/production'))
        .replace('https://shop.example/openapi.json', app.url('/ex/openapi.json'))
      expect(policy).toContain(app.url('/ex/staging'))
      const repository = await repositoryRunning(['staging', 'production'])
      const workspace = writeTree(tempDir('workspace-'), { '.github/promotion.yml': policy })
      app.set('/ex/production', { kind: 'json', body: { build: { digest: LIVE } } })
      app.set('/ex/staging', {
        kind: 'json',
        body: { build: { digest: `sha256:${'9'.repeat(64)}` } }
      })
      // The live digest was deployed without a contract: contract-url cannot tell, and says so.
      const run = await observeStep(workspace, repository, inputs)
      expect(run.code).toBe(1)
      const report = JSON.parse(run.outputs.report as string)
      expect(
        report.environments.map((e: { environment: string; verdict: string }) => [
          e.environment,
          e.verdict
        ])
      ).toEqual([
        ['staging', 'drifted'],
        ['production', 'unknown']
      ])
      expect(report.environments[1].reason).toMatch(/recorded without a contract/)
      expect(host.issuesOf(repository).map((i) => i.title)).toEqual([
        'Drift in staging (shop): it does not run its live digest'
      ])
      expect(
        host.deploymentsOf(repository).filter((d) => d.task.startsWith('observe:'))
      ).toHaveLength(2)
    }
  )
})

describe('text from a probe is inert', () => {
  it(
    'a hostile answer shows in the warning and the summary as text: no workflow command, no table cell, no ' +
      'link',
    async () => {
      const repository = await repositoryRunning(['production'])
      const hostile =
        '::set-output name=drifted::false\n::error::forged\n| injected | cell | [link](https://evil.example) ' +
        '<img src=x>'
      app.set('/h/production', { kind: 'text', body: hostile, type: 'text/html' })
      const workspace = writeTree(tempDir('workspace-'), {
        '.github/promotion.yml': `service: shop\nenvironments:\n  production:\n    observe: { url: ${app.url('/h/production')} }\n`
      })
      const run = await observeStep(workspace, repository)
      expect(run.code).toBe(0)
      expect(run.outputs.drifted).toBe('false')
      const commands = run.stdout.split('\n').filter((l) => l.startsWith('::'))
      expect(commands).toHaveLength(1)
      expect(commands[0]).toMatch(
        /^::warning title=production \(shop\) not observed::production \(shop\) could not be observed: url: .*not JSON/
      )
      const row = run.summary.split('\n').find((l) => l.startsWith('| production'))
      expect(row?.split(/(?<!\\)\|/).length).toBe(8) // six cells: nothing the answer said added one
      expect(run.summary).not.toContain('<img')
      expect(run.summary).not.toContain('](https://evil.example)')
    }
  )
})

describe('the observe action on a file ledger', () => {
  it('refuses an environment filter naming one the policy does not observe, with no outputs', async () => {
    const workspace = writeTree(tempDir('workspace-'), {
      '.github/promotion.yml': `environments:\n  dev: {}\n  production:\n    observe: { url: ${app.url('/x')} }\n`
    })
    fs.writeFileSync(path.join(workspace, 'ledger.jsonl'), '')
    const run = await runAction(
      OBSERVE,
      { ledger: 'file:ledger.jsonl', environments: 'dev' },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::environments: the promotion policy .* does not say how to observe "dev"/
    )
    expect(run.outputs).toEqual({})
  })
})
