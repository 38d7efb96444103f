// The bundled promote action as a scheduled promotion runs it: `from: staging` takes the digest
// staging runs, and `wait` waits for its soak, on the GitHub ledger. Nothing really waits: a
// preload makes the action's long timers move the test host's clock and fire at once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import * as http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Digest } from '../../src/core/digest.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { runAction, runPost } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

const SEAL = 'dist/seal/index.js'
const PROMOTE = 'dist/promote/index.js'
const POST = 'dist/promote/post.js'
const POLICY =
  'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    soak: 1h\n'
const REPO = 'acme/scheduled'
const MINUTE = 60_000

let host: GitHubApiHost
let clockServer: http.Server
let advanced: number[] = []
let advanceUrl = ''
beforeAll(async () => {
  host = await startGitHubApiHost()
  // The action's sleeper, in the child process, asks this to move the host's clock.
  clockServer = http.createServer((request, response) => {
    const ms = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('ms'))
    advanced.push(ms)
    host.advance(ms)
    response.end('ok')
  })
  await new Promise<void>((resolve) => clockServer.listen(0, '127.0.0.1', resolve))
  advanceUrl = `http://127.0.0.1:${(clockServer.address() as AddressInfo).port}/advance`
})
afterEach(() => {
  advanced = []
})
afterAll(async () => {
  await host.close()
  await new Promise<void>((resolve) => clockServer.close(() => resolve()))
  removeAll()
})

/** Loaded before the action: a timer of five minutes or more moves the host's clock instead, then fires. */
function clockMovingTimers(url: string): string {
  const source = `
    const realSetTimeout = globalThis.setTimeout
    globalThis.setTimeout = function (callback, ms, ...args) {
      if (typeof ms === 'number' && ms >= 300000) {
        fetch(${JSON.stringify(url)} + '?ms=' + ms, { method: 'POST' }).then(() => callback(...args))
        return realSetTimeout(() => undefined, 0)
      }
      return realSetTimeout(callback, ms, ...args)
    }`
  return `--import=data:text/javascript,${encodeURIComponent(source)}`
}

const env = () => ({
  GITHUB_API_URL: host.url,
  GITHUB_REPOSITORY: REPO,
  NODE_OPTIONS: clockMovingTimers(advanceUrl)
})

async function sealed(workspace: string): Promise<{ digest: Digest; checksums: string }> {
  const seal = await runAction(
    SEAL,
    { 'subject-path': 'site', 'subject-name': 'shop' },
    { workspace }
  )
  expect(seal.code).toBe(0)
  return {
    digest: seal.outputs.digest as Digest,
    checksums: seal.outputs['checksums-path'] as string
  }
}

describe('a scheduled promotion to production of what staging runs', () => {
  it('takes the digest staging runs, waits for its soak within wait, judges again and lets it in', async () => {
    const workspace = writeTree(tempDir('workspace-'), {
      '.github/promotion.yml': POLICY,
      'site/index.html': '<p>v1</p>'
    })
    const build = await sealed(workspace)
    host.setNow(new Date())
    const inputs = {
      'github-token': host.token,
      environment: 'staging',
      'expected-digest': build.digest,
      'subject-path': 'site',
      'checksums-path': build.checksums
    }
    const staging = await runAction(PROMOTE, inputs, { workspace, env: env() })
    expect(staging.code).toBe(0)
    expect((await runPost(POST, staging, inputs, { env: env() })).code).toBe(0)
    host.advance(20 * MINUTE)

    // Too short a wait: refused as without it, nothing slept.
    const production = {
      'github-token': host.token,
      environment: 'production',
      from: 'staging',
      'subject-path': 'site',
      'checksums-path': build.checksums
    }
    const early = await runAction(
      PROMOTE,
      { ...production, wait: '30m' },
      { workspace, env: env() }
    )
    expect(early.code).toBe(1)
    expect(early.outputs).toMatchObject({ promoted: 'false', digest: build.digest })
    expect(early.stdout).toContain('is over in 40m, more than the 30m left to wait')
    expect(advanced).toEqual([])

    const waited = await runAction(
      PROMOTE,
      { ...production, wait: '1h' },
      { workspace, env: env() }
    )
    expect(waited.code).toBe(0)
    expect(waited.outputs).toMatchObject({ promoted: 'true', digest: build.digest })
    expect(advanced).toEqual([40 * MINUTE + 1000])
    expect(waited.stdout).toContain(`from: staging runs ${build.digest}`)
    expect(waited.stdout).toContain('Waited 40m 1s for the soak before deciding.')
    expect(waited.stdout).toMatch(/✓ soak \(staging\)/)
    expect(waited.summary).toContain('Waited 40m 1s for the soak before deciding (wait).')
  })

  it('refuses a from that runs nothing, or that contradicts expected-digest, with no outputs', async () => {
    const workspace = writeTree(tempDir('workspace-'), {
      '.github/promotion.yml': POLICY,
      'site/index.html': '<p>v2</p>'
    })
    const build = await sealed(workspace)
    host.setNow(new Date())
    const nothing = await runAction(
      PROMOTE,
      {
        'github-token': host.token,
        environment: 'production',
        from: 'staging',
        'digest-only': 'true'
      },
      { workspace, env: { GITHUB_API_URL: host.url, GITHUB_REPOSITORY: 'acme/empty' } }
    )
    expect(nothing.code).toBe(1)
    expect(nothing.stdout).toContain('::error::from: staging runs no digest')
    expect(nothing.outputs).toEqual({})
    const bad = await runAction(
      PROMOTE,
      {
        'github-token': host.token,
        environment: 'production',
        from: 'staging',
        wait: 'later',
        'expected-digest': build.digest,
        'digest-only': 'true'
      },
      { workspace, env: env() }
    )
    expect(bad.code).toBe(1)
    expect(bad.stdout).toContain('::error::wait: "later" is not a duration')
    expect(bad.outputs).toEqual({})
  })
})
