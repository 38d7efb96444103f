import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { PROJECT_ROOT, runAction } from '../helpers/runner.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** Words that only make sense to someone who wrote a workflow step. */
const RUNNER_WORDS =
  /this step|the workspace|the runner|promote step|re-run the job|the promote input|create-ledger: true|"public-key"/i

describe("the CLI names its flags and its own world, never the actions' inputs", () => {
  it(
    'a missing ledger, a path that matches nothing, a record id that is wrong or confirmed twice, a key that ' +
      'is not given',
    () => {
      const cwd = writeTree(tempDir('cli-words-'), {
        'build/a.txt': 'a',
        '.github/promotion.yml': 'environments:\n  dev: {}\n'
      })
      const digest = JSON.parse(cli(['seal', 'build', '--json', '--out', 'bundle'], cwd).stdout)
        .digest as string

      const missing = cli(['promote', digest, '--environment', 'dev', '--path', 'build'], cwd)
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('create it with "artifact-seal ledger init --ledger file:')
      expect(missing.stderr).not.toMatch(RUNNER_WORDS)
      const history = cli(['history'], cwd)
      expect(history.stderr).toContain('give --ledger with where it is')
      expect(history.stderr).not.toMatch(RUNNER_WORDS)

      const nothing = cli(['seal', 'dist'], cwd)
      expect(nothing.stderr).toContain(
        'before this command ran, and that the paths are relative to the current directory or absolute'
      )
      expect(nothing.stderr).not.toMatch(RUNNER_WORDS)

      expect(cli(['ledger', 'init'], cwd).code).toBe(0)
      const pending = JSON.parse(
        cli(['promote', digest, '--environment', 'dev', '--path', 'build', '--json'], cwd).stdout
      ) as { record: { id: string } }
      const unknown = cli(['confirm', '99'], cwd)
      expect(unknown.stderr).toMatch(
        /^artifact-seal: confirm <record-id>: ".*" has no record "99"\. Give the record id "artifact-seal promote" printed/
      )
      expect(cli(['confirm', pending.record.id], cwd).code).toBe(0)
      const twice = cli(['confirm', pending.record.id], cwd)
      expect(twice.code).toBe(1)
      expect(twice.stderr).toMatch(
        /^artifact-seal: confirm <record-id>: record \d+ .* was resolved already/
      )
      for (const run of [unknown, twice]) expect(run.stderr).not.toMatch(RUNNER_WORDS)
    }
  )
})

describe('the actions keep naming their inputs', () => {
  it('a path that matches nothing: this step, the workspace', async () => {
    const workspace = writeTree(tempDir('action-words-'), { 'build/a.txt': 'a' })
    const run = await runAction('dist/seal/index.js', { 'subject-path': 'dist' }, { workspace })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'before this step ran, and that the paths are relative to the workspace or absolute'
    )
    expect(fs.existsSync(path.join(workspace, 'dist'))).toBe(false)
  })
})
