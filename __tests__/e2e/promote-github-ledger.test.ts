import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import type { Digest } from '../../src/core/digest.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { type ActionRun, runAction, runPost } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const VERIFY = 'dist/verify/index.js'
const POLICY =
  'environments:\n  dev:\n    url: https://dev.shop.example\n  staging:\n    requires: [dev]\n  ' +
  'production:\n    requires: [staging]\n    soak: 1h\n'
const REPO = 'acme/shop'
/** GETs of one promote and its post step on this policy: the gate's reads, the summary's, the confirmation's. */
const GATE_READS = 40

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterEach(() => host.clearRequests())
afterAll(async () => {
  await host.close()
  removeAll()
})

/** A build job: the site sealed by the bundled seal action in its own workspace. */
async function buildJob(
  page = '<p>v1</p>'
): Promise<{ workspace: string; digest: Digest; checksums: string }> {
  const workspace = writeTree(tempDir('workspace-'), {
    '.github/promotion.yml': POLICY,
    'site/index.html': page,
    'site/app.js': 'start()'
  })
  const seal = await runAction(
    SEAL,
    { 'subject-path': 'site', 'subject-name': 'shop' },
    { workspace }
  )
  expect(seal.code).toBe(0)
  return {
    workspace,
    digest: seal.outputs.digest as Digest,
    checksums: seal.outputs['checksums-path'] as string
  }
}

/**
 * The bytes a promotion checks: the site in the workspace, unless the inputs say where they are or
 * that there are none.
 */
function withBytes(inputs: Record<string, string>): Record<string, string> {
  const given =
    ['subject-path', 'name', 'digest-only'].some((name) => name in inputs) ||
    /^(failure:)?[0-9]+$/.test(inputs.confirm ?? '')
  return given ? inputs : { 'subject-path': 'site', ...inputs }
}

/** The promote step of a deploy job on a runner: the github ledger (the default on a runner), the workflow token. */
function promoteStep(
  workspace: string,
  inputs: Record<string, string>,
  token = host.token,
  repository = REPO
) {
  return runAction(
    PROMOTE,
    { 'github-token': token, policy: '.github/promotion.yml', ...withBytes(inputs) },
    { workspace, env: { GITHUB_API_URL: host.url, GITHUB_REPOSITORY: repository } }
  )
}

/** A deploy job that succeeds: the promote step, then its post step confirming the deployment. */
async function deployJob(
  workspace: string,
  inputs: Record<string, string>,
  token = host.token,
  repository = REPO
): Promise<ActionRun & { post: ActionRun | null }> {
  const main = await promoteStep(workspace, inputs, token, repository)
  if (main.code !== 0 || main.state['pending-record'] === undefined) return { ...main, post: null }
  const post = await runPost(
    POST,
    main,
    { 'github-token': token, policy: '.github/promotion.yml', ...withBytes(inputs) },
    { env: { GITHUB_API_URL: host.url, GITHUB_REPOSITORY: repository } }
  )
  expect(post.stdout).not.toContain('::error::')
  return { ...main, post }
}

function recordsIn(environment: string, repository = REPO) {
  return host
    .deploymentsOf(repository)
    .filter((d) => d.environment === environment)
    .map((d) => ({
      task: d.task,
      states: d.statuses.map((s) => s.state).reverse(),
      record: (d.payload as { record: Record<string, unknown> }).record
    }))
}

describe('the bundled promote action on the GitHub Deployments ledger', () => {
  it('records each promotion as a deployment with a status linking the run, and gates production on the soak', async () => {
    const build = await buildJob()
    const verify = await runAction(
      VERIFY,
      { 'subject-path': 'site', 'expected-digest': build.digest },
      { workspace: build.workspace }
    )
    expect(verify.code).toBe(0)

    host.setNow(new Date(Date.now() - 3 * 3_600_000))
    const dev = await deployJob(build.workspace, {
      environment: 'dev',
      'expected-digest': build.digest,
      'subject-path': 'site',
      'checksums-path': build.checksums
    })
    expect(dev.stderr).toBe('')
    expect(dev.code).toBe(0)
    const devDeployment = host.deploymentsOf(REPO)[0]
    expect(dev.outputs).toMatchObject({
      promoted: 'true',
      digest: build.digest,
      'previous-digest': '',
      'record-id': String(devDeployment?.id),
      'record-url': 'https://github.com/acme/shop/deployments/dev'
    })
    expect(devDeployment).toMatchObject({
      environment: 'dev',
      task: `deploy:${build.digest}`,
      ref: '0123456789abcdef0123456789abcdef01234567'
    })
    expect(devDeployment?.statuses.map((s) => s.state)).toEqual(['success', 'in_progress'])
    expect(devDeployment?.statuses[0]).toMatchObject({
      state: 'success',
      log_url: 'https://github.com/acme/shop/actions/runs/4242/attempts/2'
    })
    expect(devDeployment?.statuses[1]).toMatchObject({
      state: 'in_progress',
      environment_url: 'https://dev.shop.example'
    })
    expect(dev.post?.stdout).toMatch(/shop deployed to dev: live there from/)

    host.setNow(new Date(Date.now() - 2.5 * 3_600_000))
    expect(
      (
        await deployJob(build.workspace, {
          environment: 'staging',
          'expected-digest': build.digest
        })
      ).code
    ).toBe(0)

    // Staging has run it for 2.5 h by the runner's clock: production takes it.
    host.setNow(new Date())
    host.clearRequests()
    const production = await deployJob(build.workspace, {
      environment: 'production',
      'expected-digest': build.digest,
      'subject-path': 'site'
    })
    expect(production.code).toBe(0)
    expect(production.stdout).toMatch(/✓ soak \(staging\): It has been live there for 2h (29|30)m/)
    expect(recordsIn('production')).toEqual([
      {
        task: `deploy:${build.digest}`,
        states: ['in_progress', 'success'],
        record: expect.objectContaining({
          outcome: 'pending',
          digest: build.digest,
          actor: 'octocat',
          name: 'shop'
        })
      }
    ])
    // The gate's reads filter on the digest: a handful of requests, not the whole history.
    const reads = host.requests.filter((r) => r.method === 'GET')
    expect(reads.length).toBeLessThanOrEqual(GATE_READS)
    expect(
      reads.some(
        (r) => r.query.task === `deploy:${build.digest}` && r.query.environment === 'staging'
      )
    ).toBe(true)
  })

  it('costs the same requests however long the history is', async () => {
    // The same pipeline in two repositories, the second with 300 promotions a month old.
    const readsToProduction = async (page: string, repository: string): Promise<number> => {
      const build = await buildJob(page)
      host.setNow(new Date(Date.now() - 2 * 3_600_000))
      // Named as the history is: one service.
      for (const environment of ['dev', 'staging'])
        expect(
          (
            await deployJob(
              build.workspace,
              { environment, 'expected-digest': build.digest, 'subject-name': 'shop' },
              host.token,
              repository
            )
          ).code
        ).toBe(0)
      host.setNow(new Date())
      host.clearRequests()
      expect(
        (
          await deployJob(
            build.workspace,
            { environment: 'production', 'expected-digest': build.digest, 'subject-name': 'shop' },
            host.token,
            repository
          )
        ).code
      ).toBe(0)
      return host.requests.filter((r) => r.method === 'GET').length
    }
    // A promotion a day, the last a month back: each replaced by the next, the newest of each environment still live.
    const seedHistory = (repository: string, count: number): void => {
      const old = new Date(Date.now() - (30 + count) * 86_400_000)
      for (let i = 0; i < count; i++) {
        const at = new Date(old.getTime() + i * 86_400_000).toISOString()
        const until = new Date(old.getTime() + (i + 2) * 86_400_000).toISOString()
        const digest = `sha256:${i.toString(16).padStart(64, 'e')}`
        const environment = ['staging', 'production'][i % 2] as string
        const record = {
          digest,
          name: 'shop',
          environment,
          outcome: 'pending',
          mode: 'promote',
          runUrl: null,
          actor: null,
          sealedBy: null,
          previousDigest: null,
          reason: null,
          environmentUrl: null,
          artifact: null,
          resolves: null,
          key: `old-${i}`
        }
        const replaced = i < count - 2
        host.seedDeployment({
          repository,
          environment,
          task: `deploy:${digest}`,
          payload: { 'artifact-seal': 2, record },
          createdAt: at,
          statuses: [
            { state: 'in_progress', createdAt: at },
            { state: 'success', createdAt: at },
            ...(replaced
              ? [
                  {
                    state: 'inactive' as const,
                    createdAt: until,
                    description: 'replaced by sha256:…'
                  }
                ]
              : [])
          ]
        })
      }
    }
    seedHistory('acme/quiet', 4)
    seedHistory('acme/busy', 300)
    const before = await readsToProduction('<p>h1</p>', 'acme/quiet')
    expect(await readsToProduction('<p>h2</p>', 'acme/busy')).toBe(before)
    expect(before).toBeLessThanOrEqual(GATE_READS)
  })

  it('refuses production before the soak and leaves a failure status saying why', async () => {
    const build = await buildJob('<p>early</p>')
    host.setNow(new Date())
    expect(
      (await deployJob(build.workspace, { environment: 'dev', 'expected-digest': build.digest }))
        .code
    ).toBe(0)
    expect(
      (
        await deployJob(build.workspace, {
          environment: 'staging',
          'expected-digest': build.digest
        })
      ).code
    ).toBe(0)
    const production = await promoteStep(build.workspace, {
      environment: 'production',
      'expected-digest': build.digest
    })
    expect(production.code).toBe(1)
    expect(production.outputs.promoted).toBe('false')
    expect(production.state).toEqual({})
    const refused = recordsIn('production').find((r) => r.record.digest === build.digest)
    expect(refused).toMatchObject({
      states: ['failure'],
      record: { outcome: 'refused', reason: expect.stringContaining('of the 1h soak') }
    })
    expect(production.summary).toContain('```mermaid')
    expect(production.summary).toContain('| soak | staging | ❌ failed |')
  })

  it('moves the previous digest to inactive when a new one goes live, and rolls back to it', async () => {
    const v1 = await buildJob('<p>r1</p>')
    const v2 = await buildJob('<p>r2</p>')
    host.setNow(new Date())
    expect(
      (await deployJob(v1.workspace, { environment: 'dev', 'expected-digest': v1.digest })).code
    ).toBe(0)
    expect(
      (await deployJob(v2.workspace, { environment: 'dev', 'expected-digest': v2.digest })).code
    ).toBe(0)
    const [newest, older] = recordsIn('dev')
    expect(newest?.record.digest).toBe(v2.digest)
    expect(older).toMatchObject({
      states: ['in_progress', 'success', 'inactive'],
      record: { digest: v1.digest }
    })

    // The rollback job has v1's files, as the cache or v1's artifact would give them.
    const rollback = await deployJob(v1.workspace, {
      environment: 'dev',
      'expected-digest': 'previous',
      rollback: 'true'
    })
    expect(rollback.code).toBe(0)
    expect(rollback.outputs).toMatchObject({
      promoted: 'true',
      digest: v1.digest,
      'previous-digest': v2.digest
    })
    expect(recordsIn('dev')[0]).toMatchObject({
      states: ['in_progress', 'success'],
      record: { outcome: 'pending', mode: 'rollback', digest: v1.digest, previousDigest: v2.digest }
    })
    expect(rollback.post?.stdout).toContain(`dev rolled back to ${v1.digest}: live there from`)
  })

  it(
    'leaves a deployment whose job failed in progress, never live; the next promotion after the timeout marks ' +
      'it abandoned',
    async () => {
      const build = await buildJob('<p>failed-job</p>')
      const repository = 'acme/failed-job'
      const start = Date.now() - 8 * 3_600_000
      host.setNow(new Date(start))
      expect(
        (
          await deployJob(
            build.workspace,
            { environment: 'dev', 'expected-digest': build.digest },
            host.token,
            repository
          )
        ).code
      ).toBe(0)
      host.setNow(new Date(start + 60_000))
      // The staging job let it in, then its deploy step failed: the runner skips the post step.
      const staging = await promoteStep(
        build.workspace,
        { environment: 'staging', 'expected-digest': build.digest },
        host.token,
        repository
      )
      expect(staging.code).toBe(0)
      expect(recordsIn('staging', repository)[0]).toMatchObject({ states: ['in_progress'] })
      host.setNow(new Date(start + 2 * 3_600_000))
      const production = await promoteStep(
        build.workspace,
        { environment: 'production', 'expected-digest': build.digest },
        host.token,
        repository
      )
      expect(production.code).toBe(1)
      expect(production.stdout).toContain(
        'staging never ran this digest; production takes only digests that passed staging.'
      )

      host.setNow(new Date())
      const again = await deployJob(
        build.workspace,
        { environment: 'staging', 'expected-digest': build.digest },
        host.token,
        repository
      )
      expect(again.code).toBe(0)
      expect(again.stdout).toContain('was never confirmed; marked abandoned')
      const [newest, abandoned] = recordsIn('staging', repository)
      expect(newest?.states).toEqual(['in_progress', 'success'])
      expect(abandoned?.states).toEqual(['in_progress', 'error'])
    }
  )

  it('confirms a deployment made elsewhere with confirm manual and a later confirm step', async () => {
    const build = await buildJob('<p>manual</p>')
    host.setNow(new Date())
    const main = await promoteStep(build.workspace, {
      environment: 'dev',
      'expected-digest': build.digest,
      confirm: 'manual'
    })
    expect(main.code).toBe(0)
    expect(main.state).toEqual({})
    const id = main.outputs['record-id'] as string
    const confirm = await runAction(
      PROMOTE,
      { 'github-token': host.token, confirm: id },
      { workspace: build.workspace, env: { GITHUB_API_URL: host.url } }
    )
    expect(confirm.code).toBe(0)
    expect(confirm.outputs).toMatchObject({ promoted: 'true', digest: build.digest })
    expect(recordsIn('dev').find((r) => r.record.digest === build.digest)?.states).toEqual([
      'in_progress',
      'success'
    ])
  })

  it('vetoes with an error status; every environment refuses the digest afterwards', async () => {
    const build = await buildJob('<p>bad</p>')
    host.setNow(new Date())
    expect(
      (await deployJob(build.workspace, { environment: 'dev', 'expected-digest': build.digest }))
        .code
    ).toBe(0)
    const veto = await deployJob(build.workspace, {
      environment: 'dev',
      'expected-digest': build.digest,
      veto: 'integration tests failed'
    })
    expect(veto.code).toBe(0)
    expect(recordsIn('dev')[0]).toMatchObject({ task: `veto:${build.digest}`, states: ['error'] })
    const staging = await deployJob(build.workspace, {
      environment: 'staging',
      'expected-digest': build.digest
    })
    expect(staging.code).toBe(1)
    expect(staging.stdout).toContain(': integration tests failed. Build and seal a fixed artifact.')
  })

  it('retries a 500 and a rate limit, then succeeds', async () => {
    const build = await buildJob('<p>flaky</p>')
    host.setNow(new Date())
    host.inject({ method: 'GET', path: /\/deployments$/, kind: 'server-error', times: 1 })
    host.inject({
      method: 'POST',
      path: /\/deployments$/,
      kind: 'secondary-rate-limit',
      times: 1,
      retryAfterSeconds: 1
    })
    const run = await deployJob(build.workspace, {
      environment: 'dev',
      'expected-digest': build.digest
    })
    expect(run.code).toBe(0)
    expect(host.requests.filter((r) => r.fault !== null).map((r) => r.fault)).toEqual([
      'server-error',
      'secondary-rate-limit'
    ])
    expect(recordsIn('dev')[0]?.record.digest).toBe(build.digest)
  })

  it('fails closed when GitHub keeps failing: refused, with the reason, and nothing recorded', async () => {
    const build = await buildJob('<p>down</p>')
    const before = host.deploymentsOf(REPO).length
    host.inject({ method: 'GET', kind: 'server-error', times: Infinity })
    try {
      const run = await deployJob(build.workspace, {
        environment: 'dev',
        'expected-digest': build.digest
      })
      expect(run.code).toBe(1)
      expect(run.outputs.promoted).toBe('false')
      expect(run.stdout).toContain(
        'The ledger could not be read or written, so the promotion is refused (fail closed)'
      )
      expect(run.stdout).toContain('github:acme/shop')
      expect(host.deploymentsOf(REPO)).toHaveLength(before)
    } finally {
      host.clearFaults()
    }
  }, 60_000)

  it('names github-token and the permission when the token may not write deployments', async () => {
    const build = await buildJob('<p>ro</p>')
    host.addToken('ghs_read-only', { deployments: 'read' })
    const run = await deployJob(
      build.workspace,
      { environment: 'dev', 'expected-digest': build.digest },
      'ghs_read-only'
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('github-token')
    expect(run.stdout).toContain('deployments: write')
  })

  it('asks for a token when the github ledger has none', async () => {
    const build = await buildJob('<p>none</p>')
    const run = await runAction(
      PROMOTE,
      { environment: 'dev', 'expected-digest': build.digest },
      { workspace: build.workspace, env: { GITHUB_API_URL: host.url } }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('::error::github-token: required with "ledger: github".')
    expect(path.isAbsolute(build.workspace)).toBe(true)
  })
})
