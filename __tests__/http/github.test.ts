import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { SealError } from '../../src/core/errors.js'
import { type GitHubResponse, gitHubClient, requestName } from '../../src/http/github.js'
import { DEFAULT_POLICY } from '../../src/http/retry-policy.js'
import { SYSTEM_CLOCK } from '../../src/http/clock.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterAll(async () => host.close())
afterEach(() => {
  host.clearFaults()
  host.clearRequests()
})

const SHA = '0123456789abcdef0123456789abcdef01234567'
const fails: string[] = []
const client = () =>
  gitHubClient({
    token: host.token,
    apiUrl: host.url,
    policy: DEFAULT_POLICY,
    clock: { ...SYSTEM_CLOCK, sleep: async () => undefined },
    fail: (request, failure, attempts) => {
      fails.push(`${request.method} ${failure.kind} ${attempts}`)
      return new SealError('unavailable', `${request.method} ${request.path}: ${failure.detail}`)
    }
  })

describe('the GitHub client of the HTTP layer', () => {
  it('sends the API version it reads, and retries a 5xx', async () => {
    host.inject({ kind: 'server-error', method: 'GET' })
    const octokit = client()
    const { status } = await octokit.request('GET /repos/{owner}/{repo}/deployments', {
      owner: 'acme',
      repo: 'http-1'
    })
    expect(status).toBe(200)
    expect(host.requests.map((r) => [r.status, r.headers['x-github-api-version']])).toEqual([
      [500, '2022-11-28'],
      [200, '2022-11-28']
    ])
  })

  it('makes a write once: after a lost answer it takes what the recovery found instead of writing again', async () => {
    host.inject({ kind: 'served-reset', method: 'POST' })
    const octokit = client()
    const create = () =>
      octokit.request('POST /repos/{owner}/{repo}/deployments', {
        owner: 'acme',
        repo: 'http-2',
        ref: SHA,
        task: 'deploy:x',
        environment: 'dev',
        required_contexts: [],
        auto_merge: false
      })
    const found = await octokit.writeOnce(create, async (): Promise<GitHubResponse | undefined> => {
      const [made] = host.deploymentsOf('acme/http-2')
      return made === undefined
        ? undefined
        : { status: 201, url: '', headers: {}, data: { id: made.id } }
    })
    expect(found.data).toEqual({ id: host.deploymentsOf('acme/http-2')[0]?.id })
    expect(host.deploymentsOf('acme/http-2')).toHaveLength(1)
  })

  it('ends a request that cannot succeed with the error the caller words', async () => {
    fails.length = 0
    await expect(
      client().request('GET /repos/{owner}/{repo}/deployments/{id}', {
        owner: 'acme',
        repo: 'http-3',
        id: 99
      })
    ).rejects.toThrowSealError('unavailable', 'GET')
    expect(fails).toEqual(['GET client 1'])
    expect(
      requestName('get', 'https://api.github.com/repos/a/b/deployments?environment=prod%2Fx')
    ).toEqual({ method: 'GET', path: '/repos/a/b/deployments?environment=prod/x' })
  })
})
