// A download of a workflow artifact by the bundled action prints no deprecation warning: the
// zip reader's dependencies call `new Buffer()`, which Node warns of (DEP0005) when the call
// is outside node_modules, as a bundle is; scripts/package.mjs rewrites those calls.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'
import { type ResultsServiceHost, startResultsServiceHost } from '../hosts/results-service-host.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

const REPO = 'acme/shop'
let results: ResultsServiceHost
let github: GitHubApiHost

beforeAll(async () => {
  results = await startResultsServiceHost()
  github = await startGitHubApiHost({ artifactSource: results.artifactSource })
  results.setGitHubApiUrl(github.url)
}, 60_000)

afterAll(async () => {
  await github?.close()
  await results?.close()
  removeAll()
})

function step(entry: string, jobId: string, inputs: Record<string, string>, workspace?: string) {
  const env = {
    ...results.runnerEnv({ runId: 71_000, jobId, repository: REPO }),
    GITHUB_API_URL: github.url
  }
  return runAction(entry, inputs, { env, ...(workspace ? { workspace } : {}) })
}

describe('a download by the bundled actions', () => {
  it('prints no deprecation warning', async () => {
    const workspace = writeTree(tempDir('quiet-'), {
      'site/index.html': '<h1>shop</h1>\n',
      'site/app.js': 'start()\n'
    })
    const seal = await step(
      'dist/seal/index.js',
      'build',
      { 'subject-path': 'site', 'subject-name': 'shop', upload: 'true' },
      workspace
    )
    expect(seal.code).toBe(0)
    const verify = await step('dist/verify/index.js', 'check', {
      name: 'shop-sealed',
      'expected-digest': seal.outputs.digest as string,
      'github-token': github.token
    })
    expect(verify.outputs.verified).toBe('true')
    for (const run of [seal, verify]) {
      expect(run.stderr).not.toMatch(/DeprecationWarning|DEP0005/)
      expect(run.stdout).not.toMatch(/DeprecationWarning|DEP0005/)
    }
  })

  it('the bundle calls no Buffer constructor, the source of that warning', () => {
    const dist = path.join(PROJECT_ROOT, 'dist')
    const files = (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) =>
      f.endsWith('.js')
    )
    const calling = files.filter((f) =>
      /\bnew Buffer\(/.test(fs.readFileSync(path.join(dist, f), 'utf8'))
    )
    expect(calling).toEqual([])
  })
})
