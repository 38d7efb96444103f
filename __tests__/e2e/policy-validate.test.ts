import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { ensureLedgerInput } from '../helpers/file-ledger.js'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const BROKEN =
  'environments:\n  dev: {}\n  prod:\n    requires: [dev]\n    soak: soon\n    bogus: 1\n'

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('artifact-seal policy validate', () => {
  it('a valid policy: exit 0, its environments', () => {
    const cwd = writeTree(tempDir('policy-ok-'), {
      '.github/promotion.yml': 'environments:\n  dev: {}\n  prod:\n    requires: [dev]\n'
    })
    expect(cli(['policy', 'validate'], cwd)).toMatchObject({
      code: 0,
      stdout: 'Valid: .github/promotion.yml: 2 environments (dev, prod)\n'
    })
    expect(JSON.parse(cli(['policy', 'validate', '--json'], cwd).stdout)).toEqual({
      valid: true,
      file: '.github/promotion.yml',
      environments: ['dev', 'prod'],
      services: null
    })
  })

  it('a policy with mistakes: exit 1, each at file:line:col, and in --json with line and column', () => {
    const cwd = writeTree(tempDir('policy-bad-'), { 'policy.yml': BROKEN })
    const run = cli(['policy', 'validate', 'policy.yml'], cwd)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('policy.yml:5:11: ')
    expect(run.stdout).toContain('policy.yml:6:5: ')
    const json = cli(['policy', 'validate', 'policy.yml', '--json'], cwd)
    expect(json.code).toBe(1)
    const answer = JSON.parse(json.stdout) as {
      valid: boolean
      problems: { file: string; line: number; column: number; message: string }[]
    }
    expect(answer.valid).toBe(false)
    expect(answer.problems.map(({ file, line, column }) => ({ file, line, column }))).toEqual([
      { file: 'policy.yml', line: 5, column: 11 },
      { file: 'policy.yml', line: 6, column: 5 }
    ])
    expect(answer.problems[0]?.message).toContain('soon')
  })

  it('a file that cannot be read is bad input: exit 2', () => {
    const run = cli(['policy', 'validate', 'nowhere.yml', '--json'], tempDir())
    expect(run.code).toBe(2)
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'unreadable' } })
  })
})

describe('the promote action on a policy with mistakes', () => {
  it('annotates each mistake at its file, line and column', async () => {
    const workspace = writeTree(tempDir('policy-action-'), { '.github/promotion.yml': BROKEN })
    // The ledger is there, as `artifact-seal ledger init` leaves it: what fails is the policy.
    await ensureLedgerInput('file:ledger.jsonl', workspace)
    const run = await runAction(
      'dist/promote/index.js',
      {
        environment: 'prod',
        'expected-digest': `sha256:${'a'.repeat(64)}`,
        'digest-only': 'true',
        ledger: 'file:ledger.jsonl'
      },
      { workspace }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /^::error title=artifact-seal,file=\.github\/promotion\.yml,line=5,col=11::/m
    )
    expect(run.stdout).toMatch(
      /^::error title=artifact-seal,file=\.github\/promotion\.yml,line=6,col=5::/m
    )
    expect(run.outputs).toEqual({})
  })
})
