import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { signStatement } from '../../src/attestation/sign-statement.js'
import { testKey } from '../attestation/helpers.js'
import { startGitHubApiHost, type GitHubApiHost, type HostedArtifact } from './github-api-host.js'

const REPO = { owner: 'acme', repo: 'shop' }
const SHA = '0123456789abcdef0123456789abcdef01234567'

let host: GitHubApiHost
const artifacts: HostedArtifact[] = []

beforeAll(async () => {
  host = await startGitHubApiHost({
    artifactSource: {
      list: (repository, runId) =>
        repository === 'acme/shop' ? artifacts.filter((a) => a.runId === runId) : [],
      zipUrl: (id) => `https://blob.example/artifacts/${id}.zip?sig=abc`,
      runExists: (repository, runId) => repository === 'acme/shop' && runId < 9000
    }
  })
})
afterAll(async () => host.close())
afterEach(() => host.clearRequests())

function client(token = host.token, baseUrl = host.url) {
  return getOctokit(token, { baseUrl })
}

/** What octokit's RequestError carries. */
interface RequestError {
  readonly status: number
  readonly message: string
  readonly response?: {
    readonly data: unknown
    readonly headers: Record<string, string | number | undefined>
  }
}

/** The RequestError a call rejects with. */
async function failure(call: Promise<unknown>): Promise<RequestError> {
  try {
    await call
  } catch (error) {
    return error as RequestError
  }
  throw new Error('expected the request to fail')
}

describe('deployments', () => {
  it('creates a deployment and a status with the fields GitHub returns', async () => {
    const octokit = client()
    const { status, data } = await octokit.rest.repos.createDeployment({
      ...REPO,
      ref: SHA,
      task: 'deploy:test',
      environment: 'staging',
      payload: { hello: 'world' },
      description: 'a test',
      auto_merge: false,
      required_contexts: []
    })
    expect(status).toBe(201)
    expect(data).toMatchObject({
      sha: SHA,
      ref: SHA,
      task: 'deploy:test',
      environment: 'staging',
      original_environment: 'staging',
      payload: { hello: 'world' },
      description: 'a test',
      transient_environment: false,
      production_environment: false,
      creator: { login: 'github-actions[bot]', type: 'Bot' }
    })
    if (!('id' in data)) throw new Error('no deployment')
    expect(data.url).toBe(`${host.url}/repos/acme/shop/deployments/${data.id}`)
    expect(data.statuses_url).toBe(`${data.url}/statuses`)
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)

    const created = await octokit.rest.repos.createDeploymentStatus({
      ...REPO,
      deployment_id: data.id,
      state: 'success',
      log_url: 'https://log',
      environment_url: 'https://env'
    })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({
      state: 'success',
      log_url: 'https://log',
      target_url: 'https://log',
      environment_url: 'https://env',
      environment: 'staging',
      deployment_url: data.url
    })
    const got = await octokit.rest.repos.getDeployment({ ...REPO, deployment_id: data.id })
    expect(got.data.id).toBe(data.id)
    expect(
      host
        .deploymentsOf('acme/shop')
        .find((d) => d.id === data.id)
        ?.statuses.map((s) => s.state)
    ).toEqual(['success'])
    expect(host.requests[0]?.body).toMatchObject({ auto_merge: false, required_contexts: [] })
  })

  it('defaults task, environment and production_environment as GitHub does', async () => {
    const { data } = await client().rest.repos.createDeployment({
      ...REPO,
      ref: SHA,
      auto_merge: false,
      required_contexts: []
    })
    expect(data).toMatchObject({
      task: 'deploy',
      environment: 'production',
      production_environment: true,
      payload: {}
    })
  })

  it('answers 422 for an unknown ref and accepts refs it was told about', async () => {
    const error = await failure(client().rest.repos.createDeployment({ ...REPO, ref: 'nope' }))
    expect(error.status).toBe(422)
    expect(error.response?.data).toMatchObject({ message: 'No ref found for: nope' })
    host.addRef('main')
    const { status } = await client().rest.repos.createDeployment({
      ...REPO,
      ref: 'main',
      environment: 'refs-test'
    })
    expect(status).toBe(201)
  })

  it('checks every commit status context unless required_contexts is []', async () => {
    host.addRef('checked')
    host.failCommitChecks('checked', ['ci/test'])
    const error = await failure(
      client().rest.repos.createDeployment({ ...REPO, ref: 'checked', environment: 'checks' })
    )
    expect(error.status).toBe(409)
    expect(error.response?.data).toMatchObject({
      message: 'Conflict: Commit status checks failed for checked.'
    })
    const { status } = await client().rest.repos.createDeployment({
      ...REPO,
      ref: 'checked',
      environment: 'checks',
      required_contexts: []
    })
    expect(status).toBe(201)
  })

  it('filters by sha, ref, task and environment, newest first', async () => {
    const octokit = client()
    const other = 'f'.repeat(40)
    for (const [task, environment, ref] of [
      ['a', 'f-dev', SHA],
      ['b', 'f-dev', other],
      ['a', 'f-prod', SHA],
      ['a', 'f-dev', other]
    ] as const) {
      await octokit.rest.repos.createDeployment({
        ...REPO,
        ref,
        task,
        environment,
        auto_merge: false,
        required_contexts: []
      })
    }
    const list = async (filter: Record<string, string>) =>
      (await octokit.rest.repos.listDeployments({ ...REPO, ...filter })).data.map(
        (d) => `${d.task}@${d.environment}:${d.sha.slice(0, 1)}`
      )
    expect(await list({ environment: 'f-dev' })).toEqual(['a@f-dev:f', 'b@f-dev:f', 'a@f-dev:0'])
    expect(await list({ environment: 'f-dev', task: 'a' })).toEqual(['a@f-dev:f', 'a@f-dev:0'])
    expect(await list({ environment: 'f-dev', sha: other })).toEqual(['a@f-dev:f', 'b@f-dev:f'])
    expect(await list({ environment: 'f-prod', ref: SHA })).toEqual(['a@f-prod:0'])
    expect(await list({ environment: 'F-DEV' })).toEqual([])
  })

  it('answers 404 Not Found for a deployment that does not exist', async () => {
    const error = await failure(
      client().rest.repos.getDeployment({ ...REPO, deployment_id: 999999 })
    )
    expect(error.status).toBe(404)
    expect(error.response?.data).toMatchObject({
      message: 'Not Found',
      documentation_url: expect.stringContaining('docs.github.com')
    })
  })

  it('auto_inactive marks prior non-production deployments of the environment inactive, and only those', async () => {
    const octokit = client()
    const deploy = async (environment: string, extra: Record<string, unknown> = {}) => {
      const { data } = await octokit.rest.repos.createDeployment({
        ...REPO,
        ref: SHA,
        environment,
        auto_merge: false,
        required_contexts: [],
        ...extra
      })
      if (!('id' in data)) throw new Error('no deployment')
      return data.id
    }
    const succeed = (id: number, auto_inactive?: boolean) =>
      octokit.rest.repos.createDeploymentStatus({
        ...REPO,
        deployment_id: id,
        state: 'success',
        ...(auto_inactive === undefined ? {} : { auto_inactive })
      })
    const states = (id: number) =>
      host
        .deploymentsOf('acme/shop')
        .find((d) => d.id === id)
        ?.statuses.map((s) => s.state)

    const first = await deploy('ai-staging')
    await succeed(first)
    const transient = await deploy('ai-staging', { transient_environment: true })
    await succeed(transient, false)
    const kept = await deploy('ai-staging')
    await succeed(kept, false)
    expect(states(first)).toEqual(['success'])
    const last = await deploy('ai-staging')
    await succeed(last)
    expect(states(first)).toEqual(['inactive', 'success'])
    expect(states(kept)).toEqual(['inactive', 'success'])
    expect(states(transient)).toEqual(['success'])
    expect(states(last)).toEqual(['success'])

    const prod1 = await deploy('production')
    await succeed(prod1)
    await succeed(await deploy('production'))
    expect(states(prod1)).toEqual(['success'])
  })

  it('refuses an unknown state and a description over 140 characters', async () => {
    const { data } = await client().rest.repos.createDeployment({
      ...REPO,
      ref: SHA,
      environment: 'v',
      auto_merge: false,
      required_contexts: []
    })
    if (!('id' in data)) throw new Error('no deployment')
    const bad = await failure(
      client().request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        ...REPO,
        deployment_id: data.id,
        state: 'done' as 'success'
      })
    )
    expect(bad.status).toBe(422)
    const long = await failure(
      client().rest.repos.createDeploymentStatus({
        ...REPO,
        deployment_id: data.id,
        state: 'failure',
        description: 'x'.repeat(141)
      })
    )
    expect(long.status).toBe(422)
  })
})

describe('pagination', () => {
  const repo = { owner: 'acme', repo: 'paged' }
  beforeAll(() => {
    for (let i = 0; i < 250; i++) {
      host.seedDeployment({
        repository: 'acme/paged',
        environment: i % 2 === 0 ? 'even' : 'odd',
        task: `deploy:${i}`,
        createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
        statuses: [
          {
            state: 'success',
            createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000 + 1000).toISOString()
          }
        ]
      })
    }
  })

  it('pages with octokit.paginate over more than 100 deployments, newest first', async () => {
    const all = await client().paginate(client().rest.repos.listDeployments, {
      ...repo,
      per_page: 100
    })
    expect(all).toHaveLength(250)
    expect(all[0]?.task).toBe('deploy:249')
    expect(all[249]?.task).toBe('deploy:0')
    expect(host.requests.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])
    const even = await client().paginate(client().rest.repos.listDeployments, {
      ...repo,
      environment: 'even',
      per_page: 50
    })
    expect(even).toHaveLength(125)
    expect(even.every((d) => d.environment === 'even')).toBe(true)
  })

  it('sends a Link header in GitHub format: prev, next, last, first, keeping the other parameters', async () => {
    const octokit = client()
    const first = await octokit.rest.repos.listDeployments({
      ...repo,
      environment: 'odd',
      per_page: 10
    })
    const repositoryId = /\/repositories\/(\d+)\//.exec(first.headers.link ?? '')?.[1]
    const base = `${host.url}/repositories/${repositoryId}/deployments?environment=odd&per_page=10`
    expect(first.headers.link).toBe(`<${base}&page=2>; rel="next", <${base}&page=13>; rel="last"`)
    const middle = await octokit.rest.repos.listDeployments({
      ...repo,
      environment: 'odd',
      per_page: 10,
      page: 5
    })
    expect(middle.headers.link).toBe(
      `<${base}&page=4>; rel="prev", <${base}&page=6>; rel="next", <${base}&page=13>; rel="last", ` +
        `<${base}&page=1>; rel="first"`
    )
    const last = await octokit.rest.repos.listDeployments({
      ...repo,
      environment: 'odd',
      per_page: 10,
      page: 13
    })
    expect(last.data).toHaveLength(5)
    expect(last.headers.link).toBe(`<${base}&page=12>; rel="prev", <${base}&page=1>; rel="first"`)
    const one = await octokit.rest.repos.listDeployments({ ...repo, task: 'deploy:3' })
    expect(one.headers.link).toBeUndefined()
    expect(one.data).toHaveLength(1)
  })

  it('defaults per_page to 30 and caps it at 100', async () => {
    expect((await client().rest.repos.listDeployments({ ...repo })).data).toHaveLength(30)
    expect(
      (await client().rest.repos.listDeployments({ ...repo, per_page: 500 })).data
    ).toHaveLength(100)
  })

  it('pages statuses newest first', async () => {
    const seeded = host.seedDeployment({
      repository: 'acme/paged',
      environment: 'statuses',
      statuses: Array.from({ length: 120 }, (_, i) => ({
        state: i % 2 === 0 ? ('in_progress' as const) : ('success' as const),
        createdAt: new Date(Date.UTC(2024, 1, 1, 0, i)).toISOString()
      }))
    })
    const statuses = await client().paginate(client().rest.repos.listDeploymentStatuses, {
      ...repo,
      deployment_id: seeded.id,
      per_page: 100
    })
    expect(statuses).toHaveLength(120)
    expect(statuses[0]?.created_at).toBe('2024-02-01T01:59:00Z')
    expect(statuses[119]?.created_at).toBe('2024-02-01T00:00:00Z')
  })
})

describe('auth', () => {
  it('answers 401 Bad credentials for an unknown token and Requires authentication for none', async () => {
    const error = await failure(client('ghs_unknown').rest.repos.listDeployments(REPO))
    expect(error.status).toBe(401)
    expect(error.response?.data).toMatchObject({
      message: 'Bad credentials',
      documentation_url: expect.any(String)
    })
    const response = await fetch(`${host.url}/repos/acme/shop/deployments`)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ message: 'Requires authentication' })
  })

  it('accepts Bearer and token schemes', async () => {
    for (const scheme of ['Bearer', 'token']) {
      const response = await fetch(`${host.url}/repos/acme/shop/deployments`, {
        headers: { authorization: `${scheme} ${host.token}` }
      })
      expect(response.status).toBe(200)
    }
  })

  it('answers 403 Resource not accessible by integration without the permission', async () => {
    host.addToken('ghs_read', { deployments: 'read' })
    host.addToken('ghs_none', {})
    expect((await client('ghs_read').rest.repos.listDeployments(REPO)).status).toBe(200)
    const write = await failure(
      client('ghs_read').rest.repos.createDeployment({ ...REPO, ref: SHA })
    )
    expect(write.status).toBe(403)
    expect(write.response?.data).toMatchObject({
      message: 'Resource not accessible by integration',
      documentation_url: expect.stringContaining('deployments')
    })
    const read = await failure(client('ghs_none').rest.repos.listDeployments(REPO))
    expect(read.status).toBe(403)
    const actions = await failure(
      client('ghs_read').rest.actions.listWorkflowRunArtifacts({ ...REPO, run_id: 1 })
    )
    expect(actions.status).toBe(403)
  })

  it('dates every answer by its own clock', async () => {
    const clocked = await startGitHubApiHost({ now: () => new Date('2030-03-04T05:06:07.890Z') })
    try {
      const { headers } = await client(clocked.token, clocked.url).rest.repos.listDeployments(REPO)
      expect(headers.date).toBe('Mon, 04 Mar 2030 05:06:07 GMT')
      clocked.advance(60_000)
      const next = await client(clocked.token, clocked.url).rest.repos.listDeployments(REPO)
      expect(next.headers.date).toBe('Mon, 04 Mar 2030 05:07:07 GMT')
    } finally {
      await clocked.close()
    }
  })

  it('sends the rate-limit headers and a request id on every answer', async () => {
    const ok = await client().rest.repos.listDeployments(REPO)
    const error = await failure(client('ghs_unknown').rest.repos.listDeployments(REPO))
    for (const headers of [ok.headers, error.response?.headers ?? {}]) {
      expect(headers).toMatchObject({
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': expect.stringMatching(/^\d+$/),
        'x-ratelimit-reset': expect.stringMatching(/^\d+$/),
        'x-ratelimit-used': expect.stringMatching(/^\d+$/),
        'x-ratelimit-resource': 'core',
        'x-github-request-id': expect.stringMatching(/^[0-9A-F]+(:[0-9A-F]+){4}$/)
      })
    }
  })
})

describe('faults', () => {
  it('answers 500 and 502 once, then normally, and logs both', async () => {
    host.inject({ kind: 'server-error', path: '/repos/acme/shop/deployments' })
    host.inject({ kind: 'bad-gateway', path: /\/deployments$/, method: 'GET' })
    expect((await failure(client().rest.repos.listDeployments(REPO))).status).toBe(500)
    const gateway = await failure(client().rest.repos.listDeployments(REPO))
    expect(gateway.status).toBe(502)
    expect(String(gateway.response?.data)).toContain('Bad Gateway')
    expect((await client().rest.repos.listDeployments(REPO)).status).toBe(200)
    expect(host.requests.map((r) => [r.status, r.fault])).toEqual([
      [500, 'server-error'],
      [502, 'bad-gateway'],
      [200, null]
    ])
    expect(host.pendingFaults()).toBe(0)
  })

  it('only matching requests consume a fault, and times counts answers', async () => {
    host.inject({ kind: 'server-error', method: 'POST', times: 2 })
    expect((await client().rest.repos.listDeployments(REPO)).status).toBe(200)
    expect(
      (await failure(client().rest.repos.createDeployment({ ...REPO, ref: SHA }))).status
    ).toBe(500)
    expect(
      (await failure(client().rest.repos.createDeployment({ ...REPO, ref: SHA }))).status
    ).toBe(500)
    expect(
      (
        await client().rest.repos.createDeployment({
          ...REPO,
          ref: SHA,
          auto_merge: false,
          required_contexts: []
        })
      ).status
    ).toBe(201)
  })

  it('a primary rate limit is a 403 with x-ratelimit-remaining 0 and the reset time', async () => {
    host.inject({ kind: 'rate-limit', retryAfterSeconds: 120 })
    const error = await failure(client().rest.repos.listDeployments(REPO))
    expect(error.status).toBe(403)
    expect(error.response?.data).toMatchObject({
      message: expect.stringMatching(/^API rate limit exceeded for installation ID \d+\.$/)
    })
    const headers = error.response?.headers ?? {}
    expect(headers['x-ratelimit-remaining']).toBe('0')
    const date = Date.parse(String(headers.date)) / 1000
    expect(Number(headers['x-ratelimit-reset']) - date).toBe(120)
  })

  it('a secondary rate limit is a 403 or 429 with retry-after', async () => {
    host.inject({ kind: 'secondary-rate-limit', retryAfterSeconds: 7 })
    host.inject({ kind: 'secondary-rate-limit', status: 429, retryAfterSeconds: null })
    const first = await failure(client().rest.repos.listDeployments(REPO))
    expect(first.status).toBe(403)
    expect(first.response?.headers['retry-after']).toBe('7')
    expect(first.response?.data).toMatchObject({
      message: expect.stringContaining('You have exceeded a secondary rate limit')
    })
    const second = await failure(client().rest.repos.listDeployments(REPO))
    expect(second.status).toBe(429)
    expect(second.response?.headers['retry-after']).toBeUndefined()
  })

  it('a slow answer arrives after the delay; a client with a shorter timeout gives up', async () => {
    host.inject({ kind: 'slow', delayMs: 50 })
    expect((await client().rest.repos.listDeployments(REPO)).status).toBe(200)
    host.inject({ kind: 'slow', delayMs: 60_000 })
    const error = await failure(
      client().rest.repos.listDeployments({ ...REPO, request: { signal: AbortSignal.timeout(50) } })
    )
    // octokit reports a failed fetch as a 500 without a response; the cause says why.
    expect(error.status).toBe(500)
    expect(error.response).toBeUndefined()
    expect((error as { cause?: { name?: string } }).cause?.name).toBe('TimeoutError')
    expect(host.requests.map((r) => r.fault)).toEqual(['slow', 'slow'])
  })

  it('served-server-error makes the deployment, then answers 500', async () => {
    const before = host.deploymentsOf('acme/served').length
    host.inject({ kind: 'served-server-error', method: 'POST', path: /\/deployments$/ })
    const error = await failure(
      client().rest.repos.createDeployment({
        owner: 'acme',
        repo: 'served',
        ref: SHA,
        task: 'deploy:served',
        auto_merge: false,
        required_contexts: []
      })
    )
    expect(error.status).toBe(500)
    expect(host.deploymentsOf('acme/served')).toHaveLength(before + 1)
    expect(host.requests.map((r) => [r.status, r.fault])).toEqual([[500, 'served-server-error']])
  })

  it('served-reset makes the status, then closes the connection without an answer', async () => {
    const seeded = host.seedDeployment({ repository: 'acme/served', environment: 'reset' })
    host.inject({ kind: 'served-reset', method: 'POST' })
    const error = await failure(
      client().rest.repos.createDeploymentStatus({
        owner: 'acme',
        repo: 'served',
        deployment_id: seeded.id,
        state: 'success'
      })
    )
    expect(error.response).toBeUndefined()
    expect(
      host
        .deploymentsOf('acme/served')
        .find((d) => d.id === seeded.id)
        ?.statuses.map((s) => s.state)
    ).toEqual(['success'])
  })

  it('garbage is a 200 whose body is not JSON', async () => {
    host.inject({ kind: 'garbage', times: Infinity })
    const { status, data } = await client().rest.repos.listDeployments(REPO)
    expect(status).toBe(200)
    expect(typeof data).toBe('string')
    expect((await client().rest.repos.listDeployments(REPO)).status).toBe(200)
    expect(host.pendingFaults()).toBe(1)
    host.clearFaults()
  })
})

describe('workflow artifacts', () => {
  beforeAll(() => {
    const at = '2024-05-01T10:00:00Z'
    const until = '2024-07-30T10:00:00Z'
    artifacts.push(
      {
        id: 11,
        name: 'seal',
        size: 1234,
        runId: 42,
        createdAt: at,
        expiresAt: until,
        expired: false,
        digest: `sha256:${'a'.repeat(64)}`
      },
      { id: 12, name: 'app', size: 99, runId: 42, createdAt: at, expiresAt: until, expired: false },
      { id: 13, name: 'old', size: 1, runId: 41, createdAt: at, expiresAt: at, expired: true }
    )
  })

  it('lists a run’s artifacts, filtered by name', async () => {
    const octokit = client()
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...REPO, run_id: 42 })
    expect(data.total_count).toBe(2)
    expect(data.artifacts[0]).toEqual({
      id: 11,
      node_id: expect.any(String),
      name: 'seal',
      size_in_bytes: 1234,
      url: `${host.url}/repos/acme/shop/actions/artifacts/11`,
      archive_download_url: `${host.url}/repos/acme/shop/actions/artifacts/11/zip`,
      expired: false,
      created_at: '2024-05-01T10:00:00Z',
      expires_at: '2024-07-30T10:00:00Z',
      updated_at: '2024-05-01T10:00:00Z',
      digest: `sha256:${'a'.repeat(64)}`,
      workflow_run: expect.objectContaining({ id: 42 })
    })
    const named = await octokit.rest.actions.listWorkflowRunArtifacts({
      ...REPO,
      run_id: 42,
      name: 'app'
    })
    expect(named.data.artifacts.map((a) => a.id)).toEqual([12])
    const all = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
      ...REPO,
      run_id: 42,
      per_page: 1
    })
    expect(all.map((a) => a.id)).toEqual([11, 12])
  })

  it('gets one artifact and redirects its zip; an expired one is 410 Gone', async () => {
    const octokit = client()
    await octokit.rest.actions.listWorkflowRunArtifacts({ ...REPO, run_id: 41 })
    expect((await octokit.rest.actions.getArtifact({ ...REPO, artifact_id: 11 })).data.name).toBe(
      'seal'
    )
    const zip = await octokit.request(
      'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
      {
        ...REPO,
        artifact_id: 11,
        archive_format: 'zip',
        request: { redirect: 'manual' }
      }
    )
    expect(zip.status).toBe(302)
    expect(zip.headers.location).toBe('https://blob.example/artifacts/11.zip?sig=abc')
    const gone = await failure(
      octokit.rest.actions.downloadArtifact({ ...REPO, artifact_id: 13, archive_format: 'zip' })
    )
    expect(gone.status).toBe(410)
  })

  it('gets a run, and answers 404 for an unknown one', async () => {
    expect((await client().rest.actions.getWorkflowRun({ ...REPO, run_id: 42 })).data.id).toBe(42)
    expect(
      (await failure(client().rest.actions.getWorkflowRun({ ...REPO, run_id: 9001 }))).status
    ).toBe(404)
    expect(
      (await failure(client().rest.actions.listWorkflowRunArtifacts({ ...REPO, run_id: 9001 })))
        .status
    ).toBe(404)
  })
})

describe('attestations', () => {
  const digest = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`
  async function bundleFor(hexDigests: string[], predicateType = 'https://slsa.dev/provenance/v1') {
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: hexDigests.map((d, i) => ({
        name: `f${i}`,
        digest: { sha256: d.slice('sha256:'.length) }
      })),
      predicateType,
      predicate: {}
    }
    return signStatement(statement, { kind: 'key', signer: testKey().signer })
  }

  it('stores a bundle and lists it by any subject digest, with a bundle_url that serves it', async () => {
    const octokit = client()
    const bundle = await bundleFor([digest(1), digest(2)])
    const created = await octokit.request('POST /repos/{owner}/{repo}/attestations', {
      ...REPO,
      bundle: bundle as never
    })
    expect(created.status).toBe(201)
    const id = (created.data as { id: number }).id
    expect(typeof id).toBe('number')
    expect(host.requests.at(-1)?.body).toEqual({ bundle })

    for (const subject of [digest(1), digest(2)]) {
      const { data } = await octokit.request(
        'GET /repos/{owner}/{repo}/attestations/{subject_digest}',
        { ...REPO, subject_digest: subject }
      )
      expect(data.attestations).toHaveLength(1)
      const [entry] = data.attestations as {
        bundle: unknown
        repository_id: number
        bundle_url: string
      }[]
      expect(entry?.bundle).toEqual(bundle)
      expect(entry?.repository_id).toBe(host.attestationsOf('acme/shop')[0]?.repositoryId)
      const served = await fetch(entry?.bundle_url ?? '')
      expect(served.status).toBe(200)
      expect(await served.json()).toEqual(bundle)
    }
    expect(host.attestationsOf('acme/shop')[0]).toMatchObject({
      id,
      subjectDigests: [digest(1), digest(2)],
      predicateType: 'https://slsa.dev/provenance/v1'
    })
  })

  it('answers 404 for a digest without attestations, and filters by predicate type and its aliases', async () => {
    const octokit = client()
    expect(
      (
        await failure(
          octokit.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
            ...REPO,
            subject_digest: digest(7)
          })
        )
      ).status
    ).toBe(404)
    await octokit.request('POST /repos/{owner}/{repo}/attestations', {
      ...REPO,
      bundle: (await bundleFor([digest(3)])) as never
    })
    await octokit.request('POST /repos/{owner}/{repo}/attestations', {
      ...REPO,
      bundle: (await bundleFor([digest(3)], 'https://slsa.dev/verification_summary/v1')) as never
    })
    const list = async (predicate_type?: string): Promise<number> =>
      (
        (
          await octokit.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
            ...REPO,
            subject_digest: digest(3),
            ...(predicate_type ? { predicate_type } : {})
          })
        ).data.attestations ?? []
      ).length
    expect(await list()).toBe(2)
    expect(await list('provenance')).toBe(1)
    expect(await list('https://slsa.dev/verification_summary/v1')).toBe(1)
    expect(
      (
        await failure(
          octokit.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
            ...REPO,
            subject_digest: digest(3),
            predicate_type: 'sbom'
          })
        )
      ).status
    ).toBe(404)
  })

  it('pages with cursors and Link headers that octokit follows', async () => {
    const octokit = client()
    const ids: number[] = []
    for (let i = 0; i < 5; i++) {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/attestations', {
        ...REPO,
        bundle: (await bundleFor([digest(4)])) as never
      })
      ids.push((data as { id: number }).id)
    }
    const first = await octokit.request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
      ...REPO,
      subject_digest: digest(4),
      per_page: 2
    })
    expect(first.headers.link).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/repositories\/\d+\/attestations\/sha256(:|%3A)4+\?per_page=2&after=[A-Za-z0-9_-]+>; rel="next"$/
    )
    // The body is an object, not a list: follow the Link header page by page.
    const servedIds: number[] = []
    let pages = 0
    for await (const page of octokit.paginate.iterator(
      'GET /repos/{owner}/{repo}/attestations/{subject_digest}',
      { ...REPO, subject_digest: digest(4), per_page: 2 }
    )) {
      pages += 1
      const data = page.data as unknown as { attestations: { bundle_url: string }[] }
      servedIds.push(...data.attestations.map((a) => Number(a.bundle_url.split('/').pop())))
    }
    expect(pages).toBe(3)
    expect(servedIds).toEqual([...ids].reverse())
  })

  it('refuses a malformed bundle with 422 and a token without attestations: write with 403', async () => {
    const octokit = client()
    const bundle = (await bundleFor([digest(5)])) as unknown as Record<string, unknown>
    for (const broken of [
      { ...bundle, dsseEnvelope: undefined },
      { ...bundle, mediaType: 3 },
      { ...bundle, verificationMaterial: 'x' },
      { ...bundle, dsseEnvelope: { payload: 'bm90IGpzb24=', payloadType: 'x', signatures: [{}] } }
    ]) {
      const error = await failure(
        octokit.request('POST /repos/{owner}/{repo}/attestations', {
          ...REPO,
          bundle: broken as never
        })
      )
      expect(error.status).toBe(422)
    }
    expect(
      (
        await failure(
          octokit.request('POST /repos/{owner}/{repo}/attestations', {
            ...REPO,
            bundle: null
          } as never)
        )
      ).status
    ).toBe(422)
    host.addToken('ghs_reader', { attestations: 'read' })
    const reader = client('ghs_reader')
    const denied = await failure(
      reader.request('POST /repos/{owner}/{repo}/attestations', {
        ...REPO,
        bundle: bundle as never
      })
    )
    expect(denied.status).toBe(403)
    expect(denied.message).toMatch(/Resource not accessible by integration/)
    host.addToken('ghs_none', { deployments: 'write' })
    expect(
      (
        await failure(
          client('ghs_none').request('GET /repos/{owner}/{repo}/attestations/{subject_digest}', {
            ...REPO,
            subject_digest: digest(5)
          })
        )
      ).status
    ).toBe(403)
  })
})
