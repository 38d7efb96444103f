// A monorepo through the bundled actions and CLI, as a runner and a user run them: two
// services sealed under their own names and promoted into the same environments stay apart
// on the GitHub ledger, the summary and `status` show both, and a confirmation (the post
// step, `confirm: <record-id>`, `artifact-seal confirm`) is judged again against what its
// service runs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { PROJECT_ROOT, runAction, runPost } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const POLICY =
  'services: [api, web]\nenvironments:\n  staging: {}\n  production:\n    requires: [staging]\n'
const REPO = 'acme/monorepo'

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterEach(() => host.clearRequests())
afterAll(async () => {
  await host.close()
  removeAll()
})

/** The monorepo's workspace, with both services' sources. */
function monorepo(): string {
  return writeTree(tempDir('monorepo-'), {
    '.github/promotion.yml': POLICY,
    'services/api/v1/server.js': 'serve(1)',
    'services/api/v2/server.js': 'serve(2)',
    'services/api/v3/server.js': 'serve(3)',
    'services/web/v1/index.html': '<p>1</p>'
  })
}

/** The seal step of one service's build job: named after the service. */
async function seal(
  workspace: string,
  service: string,
  version: string
): Promise<{ digest: Digest; checksums: string }> {
  const run = await runAction(
    SEAL,
    { 'subject-path': `services/${service}/${version}`, 'subject-name': service },
    { workspace }
  )
  expect(run.code).toBe(0)
  return {
    digest: run.outputs.digest as Digest,
    checksums: run.outputs['checksums-path'] as string
  }
}

const env = { GITHUB_API_URL: '', GITHUB_REPOSITORY: REPO }

function promoteStep(workspace: string, inputs: Record<string, string>) {
  return runAction(
    PROMOTE,
    { 'github-token': host.token, ...inputs },
    { workspace, env: { ...env, GITHUB_API_URL: host.url } }
  )
}

/** A deploy job: the promote step with the sealed bytes, then (when it let them in) its post step. */
async function deployJob(
  workspace: string,
  service: string,
  version: string,
  sealed: { digest: Digest; checksums: string },
  environment: string
) {
  // The seals are unsigned: their names are only claimed, so each deploy job names its service.
  const inputs = {
    environment,
    'expected-digest': sealed.digest,
    'subject-path': `services/${service}/${version}`,
    'checksums-path': sealed.checksums,
    'subject-name': service
  }
  const main = await promoteStep(workspace, inputs)
  expect(main.code).toBe(0)
  const post = await runPost(
    POST,
    main,
    { 'github-token': host.token, ...inputs },
    { env: { ...env, GITHUB_API_URL: host.url } }
  )
  return { main, post }
}

describe('a monorepo on the GitHub ledger, through the bundled actions', () => {
  it('keeps each service apart: its own previous digest, its own "replaced by", both in the summary', async () => {
    const workspace = monorepo()
    host.setNow(new Date())
    const api1 = await seal(workspace, 'api', 'v1')
    const web1 = await seal(workspace, 'web', 'v1')
    const api2 = await seal(workspace, 'api', 'v2')
    for (const [service, version, sealed] of [
      ['api', 'v1', api1],
      ['web', 'v1', web1]
    ] as const) {
      for (const environment of ['staging', 'production'])
        expect((await deployJob(workspace, service, version, sealed, environment)).post.code).toBe(
          0
        )
    }
    await deployJob(workspace, 'api', 'v2', api2, 'staging')
    const { main, post } = await deployJob(workspace, 'api', 'v2', api2, 'production')
    // web went live in production after api 1: api 2 replaces api 1, never web.
    expect(main.outputs['previous-digest']).toBe(api1.digest)
    expect(post.code).toBe(0)
    const production = host.deploymentsOf(REPO).filter((d) => d.environment === 'production')
    const inactive = production.filter((d) => d.statuses.some((st) => st.state === 'inactive'))
    expect(inactive.map((d) => d.task)).toEqual([`deploy:${api1.digest}`])
    expect((production[0]?.payload as { record: { service: string } }).record.service).toBe('api')
    // The summary names the services, each with what it runs.
    expect(main.summary).toContain('| Environment | Service | Runs now | Since | Contract |')
    expect(main.summary).toMatch(
      new RegExp(`\\| production \\| api \\| \`${api1.digest.slice(0, 19)}…\``)
    )
    expect(main.summary).toMatch(
      new RegExp(`\\| production \\| web \\| \`${web1.digest.slice(0, 19)}…\``)
    )

    // A rollback names its service; without one, the policy's several services are a question.
    // (Its bytes would come from the cache; what is tested here is which digest the gate picks.)
    const unnamed = await promoteStep(workspace, {
      environment: 'production',
      'expected-digest': 'previous',
      rollback: 'true',
      'digest-only': 'true'
    })
    expect(unnamed.code).toBe(1)
    expect(unnamed.stdout).toContain(
      '::error::expected-digest: "previous" is the last good digest of one service'
    )
    expect(unnamed.outputs).toEqual({})
    const back = await promoteStep(workspace, {
      environment: 'production',
      'expected-digest': 'previous',
      rollback: 'true',
      'subject-name': 'api',
      'digest-only': 'true'
    })
    expect(back.code).toBe(0)
    expect(back.outputs).toMatchObject({ digest: api1.digest, 'previous-digest': api2.digest })
  })

  it(
    'fails the post step of a deployment decided before another of its service went live, naming it and how ' +
      'to promote again',
    async () => {
      const workspace = monorepo()
      host.setNow(new Date())
      const repository = 'acme/monorepo-race'
      const run = (inputs: Record<string, string>) =>
        runAction(
          PROMOTE,
          { 'github-token': host.token, ...inputs },
          { workspace, env: { GITHUB_API_URL: host.url, GITHUB_REPOSITORY: repository } }
        )
      const post = (main: Awaited<ReturnType<typeof run>>, inputs: Record<string, string>) =>
        runPost(
          POST,
          main,
          { 'github-token': host.token, ...inputs },
          { env: { GITHUB_API_URL: host.url, GITHUB_REPOSITORY: repository } }
        )
      const job = (
        sealed: { digest: Digest; checksums: string },
        version: string,
        environment: string
      ) => ({
        environment,
        'expected-digest': sealed.digest,
        'subject-path': `services/api/${version}`,
        'checksums-path': sealed.checksums,
        'subject-name': 'api'
      })
      const [v1, v2, v3] = [
        await seal(workspace, 'api', 'v1'),
        await seal(workspace, 'api', 'v2'),
        await seal(workspace, 'api', 'v3')
      ]
      for (const [sealed, version] of [
        [v1, 'v1'],
        [v2, 'v2'],
        [v3, 'v3']
      ] as const) {
        const main = await run(job(sealed, version, 'staging'))
        expect((await post(main, job(sealed, version, 'staging'))).code).toBe(0)
      }
      const main1 = await run(job(v1, 'v1', 'production'))
      expect((await post(main1, job(v1, 'v1', 'production'))).code).toBe(0)
      // Two deploy jobs decide while production runs api 1; the first to finish confirms.
      const main2 = await run(job(v2, 'v2', 'production'))
      const main3 = await run(job(v3, 'v3', 'production'))
      expect([main2.outputs['previous-digest'], main3.outputs['previous-digest']]).toEqual([
        v1.digest,
        v1.digest
      ])
      expect((await post(main3, job(v3, 'v3', 'production'))).code).toBe(0)
      const late = await post(main2, job(v2, 'v2', 'production'))
      expect(late.code).toBe(1)
      expect(late.outputs.promoted).toBe('false')
      expect(late.stdout).toContain(
        `::error::the deployment of api to production failed (record ${main2.outputs['record-id']}/statuses/`
      )
      expect(late.stdout).toContain(
        `production (service "api") no longer runs what the gate compared ${v2.digest} against (${v1.digest}): ${v3.digest} went live there meanwhile (deployment ${main3.outputs['record-id']}`
      )
      expect(late.stdout).toContain(
        `re-run the promote step, or run: artifact-seal promote ${v2.digest} --environment production ` +
          '--subject-name api'
      )
      expect(late.summary).toContain('⛔')
      const deployment = host
        .deploymentsOf(repository)
        .find((d) => String(d.id) === main2.outputs['record-id'])
      expect(deployment?.statuses.map((st) => st.state)).toEqual(['failure', 'in_progress'])
    }
  )
})

describe('a confirmation judged again on a file ledger: confirm: <record-id> and artifact-seal confirm', () => {
  function cli(args: string[], cwd: string) {
    const out = spawnSync(process.execPath, [CLI, ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' }
    })
    return { code: out.status, stdout: out.stdout, stderr: out.stderr }
  }

  it('records the late confirmation as failed and says which record went live', async () => {
    const workspace = monorepo()
    const [v1, v2, v3] = [
      await seal(workspace, 'api', 'v1'),
      await seal(workspace, 'api', 'v2'),
      await seal(workspace, 'api', 'v3')
    ]
    const ledger = ['--ledger', 'file:ledger.jsonl', '--policy', '.github/promotion.yml']
    expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], workspace).code).toBe(0)
    const promote = (
      sealed: { digest: Digest; checksums: string },
      version: string,
      environment: string
    ) =>
      cli(
        [
          'promote',
          sealed.digest,
          '--environment',
          environment,
          '--path',
          `services/api/${version}`,
          '--checksums',
          sealed.checksums,
          '--subject-name',
          'api',
          ...ledger,
          '--',
          'true'
        ],
        workspace
      )
    for (const [sealed, version] of [
      [v1, 'v1'],
      [v2, 'v2'],
      [v3, 'v3']
    ] as const)
      expect(promote(sealed, version, 'staging').code).toBe(0)
    expect(promote(v1, 'v1', 'production').code).toBe(0)
    // Both let in while production runs api 1, confirmed later by other steps.
    const second = runAction(
      PROMOTE,
      {
        ledger: 'file:ledger.jsonl',
        environment: 'production',
        'expected-digest': v2.digest,
        'checksums-path': v2.checksums,
        'subject-path': 'services/api/v2',
        'subject-name': 'api',
        confirm: 'manual'
      },
      { workspace }
    )
    const third = runAction(
      PROMOTE,
      {
        ledger: 'file:ledger.jsonl',
        environment: 'production',
        'expected-digest': v3.digest,
        'checksums-path': v3.checksums,
        'subject-path': 'services/api/v3',
        'subject-name': 'api',
        confirm: 'manual'
      },
      { workspace }
    )
    const [let2, let3] = [await second, await third]
    expect([let2.code, let3.code]).toEqual([0, 0])
    const confirmed = await runAction(
      PROMOTE,
      { ledger: 'file:ledger.jsonl', confirm: let3.outputs['record-id'] as string },
      { workspace }
    )
    expect(confirmed.outputs.promoted).toBe('true')
    const step = await runAction(
      PROMOTE,
      { ledger: 'file:ledger.jsonl', confirm: let2.outputs['record-id'] as string },
      { workspace }
    )
    expect(step.code).toBe(1)
    expect(step.outputs.promoted).toBe('false')
    expect(step.stdout).toContain(
      `${v3.digest} went live there meanwhile (record ${let3.outputs['record-id']}, confirmed by record ${confirmed.outputs['record-id']}`
    )
    // Resolved once: the CLI finds it failed already.
    const again = cli(
      ['confirm', let2.outputs['record-id'] as string, '--ledger', 'file:ledger.jsonl'],
      workspace
    )
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('was resolved already: failed')
    const status = cli(['status', ...ledger], workspace)
    expect(status.code).toBe(0)
    expect(status.stdout).toMatch(new RegExp(`production\\s+api\\s+${v3.digest}`))
  })

  it('artifact-seal confirm exits 1 on a confirmation that no longer lands', async () => {
    const workspace = monorepo()
    const [v1, v2, v3] = [
      await seal(workspace, 'api', 'v1'),
      await seal(workspace, 'api', 'v2'),
      await seal(workspace, 'api', 'v3')
    ]
    const ledger = ['--ledger', 'file:ledger.jsonl', '--policy', '.github/promotion.yml']
    expect(cli(['ledger', 'init', '--ledger', 'file:ledger.jsonl'], workspace).code).toBe(0)
    const promote = (
      sealed: { digest: Digest; checksums: string },
      version: string,
      environment: string,
      then: string[]
    ) =>
      cli(
        [
          'promote',
          sealed.digest,
          '--environment',
          environment,
          '--path',
          `services/api/${version}`,
          '--checksums',
          sealed.checksums,
          '--subject-name',
          'api',
          ...ledger,
          ...then
        ],
        workspace
      )
    for (const [sealed, version] of [
      [v1, 'v1'],
      [v2, 'v2'],
      [v3, 'v3']
    ] as const)
      expect(promote(sealed, version, 'staging', ['--', 'true']).code).toBe(0)
    expect(promote(v1, 'v1', 'production', ['--', 'true']).code).toBe(0)
    const a = promote(v2, 'v2', 'production', [])
    const b = promote(v3, 'v3', 'production', [])
    const idOf = (out: string): string => /recorded\s+\S+ #(\d+)/.exec(out)?.[1] ?? 'none'
    expect(cli(['confirm', idOf(b.stdout), '--ledger', 'file:ledger.jsonl'], workspace).code).toBe(
      0
    )
    const late = cli(['confirm', idOf(a.stdout), '--ledger', 'file:ledger.jsonl'], workspace)
    expect(late.code).toBe(1)
    expect(late.stdout).toContain(`the deployment of api to production failed`)
    expect(late.stdout).toContain(`${v3.digest} went live there meanwhile`)
  })
})
