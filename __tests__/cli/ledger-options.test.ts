// The CLI's --ledger github off a runner: the deployment's commit comes from the checkout the
// command runs in, and a missing token is named as such. Against the loopback REST host.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { vetoCommand } from '../../src/cli/veto-command.js'
import { historyCommand } from '../../src/cli/history-command.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'
import { fakeTerminal } from '../helpers/terminal.js'
import { type GitHubApiHost, startGitHubApiHost } from '../hosts/github-api-host.js'

let host: GitHubApiHost
beforeAll(async () => {
  host = await startGitHubApiHost()
})
afterAll(async () => {
  await host.close()
  removeAll()
})

const DIGEST = `sha256:${'a'.repeat(64)}`

function checkout(): { dir: string; head: string } {
  const dir = writeTree(tempDir('cli-checkout-'), { 'README.md': 'shop\n' })
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      encoding: 'utf8'
    }).trim()
  git('init', '-q')
  git('add', '.')
  git('commit', '-qm', 'first')
  return { dir, head: git('rev-parse', 'HEAD') }
}

describe('--ledger github from the CLI, off a runner', () => {
  it('makes the deployment on the commit checked out where it runs when GITHUB_SHA is not set', async () => {
    const { dir, head } = checkout()
    host.addRef(head, head)
    const env = {
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_API_URL: host.url,
      GITHUB_TOKEN: host.token,
      PATH: process.env.PATH ?? ''
    }
    const terminal = fakeTerminal(dir, env)
    expect(
      await vetoCommand(
        [DIGEST, '--environment', 'production', '--reason', 'broken', '--ledger', 'github'],
        terminal
      )
    ).toBe(0)
    const [deployment] = host.deploymentsOf('acme/shop')
    expect(deployment?.sha).toBe(head)
  })

  it('names GITHUB_TOKEN when there is none, before any request', async () => {
    const { dir } = checkout()
    host.clearRequests()
    const terminal = fakeTerminal(dir, { GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: host.url })
    await expect(historyCommand(['--ledger', 'github'], terminal)).rejects.toThrowSealError(
      'bad-input',
      'GITHUB_TOKEN',
      'acme/shop'
    )
    expect(host.requests).toHaveLength(0)
  })
})
