import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {}
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** What a new user met on a first walk through the README, each fixed. */
describe('the CLI on a first walk', () => {
  it("promote --help gives promote's own signing default: none", () => {
    const help = cli(['promote', '--help'], tempDir()).stdout
    expect(help).toContain('--sign MODE        none (default: records are not signed)')
    expect(help).not.toContain('auto (default')
  })

  it(
    'veto warns of an environment the policy lacks and of a digest the ledger never saw, and records the veto ' +
      'all the same',
    () => {
      const cwd = writeTree(tempDir('cli-veto-'), {
        'build/a.txt': 'a',
        '.github/promotion.yml': 'environments:\n  staging: {}\n  production: {}\n'
      })
      const digest = JSON.parse(cli(['seal', 'build', '--json', '--out', 'bundle'], cwd).stdout)
        .digest as string
      expect(cli(['ledger', 'init'], cwd).code).toBe(0)
      const unknown = cli(['veto', digest, '--environment', 'prodution', '--reason', 'broken'], cwd)
      expect(unknown.code).toBe(0)
      expect(unknown.stderr).toContain(
        'warning: --environment: "prodution" is not in the policy .github/promotion.yml; the veto applies to ' +
          'every environment all the same.'
      )
      expect(unknown.stderr).toContain(`has no record of ${digest}: no environment ever let it in.`)
      expect(unknown.stdout).toContain(`VETOED  ${digest}`)
      const known = cli(
        ['veto', digest, '--environment', 'production', '--reason', 'still broken'],
        cwd
      )
      expect(known).toMatchObject({ code: 0, stderr: '' })
    }
  )

  it("counts in the singular when there is one, and counts the ledger's records without its first line", () => {
    const cwd = writeTree(tempDir('cli-counts-'), {
      'one/a.txt': 'a',
      'two/a.txt': 'A',
      'three/a.txt': 'a',
      'three/b.txt': 'b',
      '.github/promotion.yml': 'environments:\n  dev: {}\n'
    })
    const one = JSON.parse(cli(['seal', 'one', '--json', '--out', 'one-bundle'], cwd).stdout)
    const two = JSON.parse(cli(['seal', 'two', '--json', '--out', 'two-bundle'], cwd).stdout)
    const three = JSON.parse(cli(['seal', 'three', '--json', '--out', 'three-bundle'], cwd).stdout)
    expect(cli(['verify', 'one', '--digest', one.digest], cwd).stdout).toMatch(
      /^Verified: 1 file is the sealed bytes/
    )
    expect(cli(['verify', 'three', '--digest', three.digest], cwd).stdout).toMatch(
      /^Verified: 2 files are the sealed bytes/
    )
    expect(cli(['diff', one.checksumsPath, two.checksumsPath], cwd).stdout).toMatch(
      /^1 of 1 file differs\n/
    )
    expect(cli(['diff', one.checksumsPath, three.checksumsPath], cwd).stdout).toMatch(
      /^1 of 2 files differs\n/
    )
    expect(cli(['ledger', 'init'], cwd).code).toBe(0)
    expect(cli(['promote', one.digest, '--environment', 'dev', '--path', 'one'], cwd).code).toBe(0)
    const verified = cli(['ledger', 'verify'], cwd).stdout
    expect(verified).toMatch(/^Intact: 1 record after the ledger's first line in file:/)
    expect(verified).toMatch(/\nHead: 2:sha256:/)
  })

  it('on a runner, a seal that cannot be made says why, with no notice of a signature first', () => {
    const run = cli(['seal', 'missing'], tempDir(), { GITHUB_ACTIONS: 'true' })
    expect(run.code).toBe(2)
    expect(run.stderr).not.toContain('Not signed')
    expect(run.stderr.startsWith('artifact-seal: seal <path...>: nothing matches "missing"')).toBe(
      true
    )
  })
})
