import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { digest } from '../../__fixtures__/promotion.js'
import { FileLedger } from '../../src/stores/ledger/file-ledger.js'
import { collect, letIn } from '../helpers/ledger-history.js'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/**
 * A ledger whose staging promotion was let in an hour ago and is still deploying: well inside the 6
 * h a pending record waits.
 */
async function deploymentInFlight(): Promise<{
  cwd: string
  ledger: FileLedger
  pendingId: string
}> {
  const cwd = tempDir('abandon-stale-')
  const file = path.join(cwd, 'ledger.jsonl')
  const anHourAgo = new Date(Date.now() - 60 * 60_000)
  const pending = await letIn(
    new FileLedger(file, 'ledger', { create: true, clock: () => anHourAgo }),
    digest(1),
    'staging'
  )
  return { cwd, ledger: new FileLedger(file, 'ledger'), pendingId: pending.id }
}

describe('artifact-seal ledger abandon-stale (the bundled CLI)', () => {
  it('refuses an --older-than below the pending timeout without --force, saying why, and abandons nothing', async () => {
    const { cwd, ledger, pendingId } = await deploymentInFlight()
    const run = cli(
      [
        'ledger',
        'abandon-stale',
        '--environment',
        'staging',
        '--older-than',
        '1s',
        '--ledger',
        'file:ledger.jsonl'
      ],
      cwd
    )
    expect(run).toMatchObject({ code: 2, stdout: '' })
    expect(run.stderr).toContain(
      '--older-than: "1s" is shorter than the 6h a pending promotion waits for its confirmation'
    )
    expect(run.stderr).toContain('--force')
    // The deployment in flight can still be confirmed.
    expect((await ledger.pending('staging')).map((p) => p.id)).toEqual([pendingId])
    expect(
      (
        await ledger.resolve({
          id: pendingId,
          outcome: 'confirmed',
          reason: null,
          runUrl: null,
          actor: 'deployer'
        })
      ).outcome
    ).toBe('deployed')
  })

  it('abandons below the pending timeout with --force, and at the default without it', async () => {
    const forced = await deploymentInFlight()
    const run = cli(
      [
        'ledger',
        'abandon-stale',
        '--environment',
        'staging',
        '--older-than',
        '30m',
        '--force',
        '--ledger',
        'file:ledger.jsonl'
      ],
      forced.cwd
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('1 pending record of staging marked abandoned')
    expect(
      (await collect(forced.ledger.entries({ environment: 'staging' }))).map((e) => e.outcome)
    ).toEqual(['abandoned', 'pending'])

    const untouched = await deploymentInFlight()
    const byDefault = cli(
      ['ledger', 'abandon-stale', '--environment', 'staging', '--ledger', 'file:ledger.jsonl'],
      untouched.cwd
    )
    expect(byDefault).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('0 pending records of staging marked abandoned')
    })
    expect((await untouched.ledger.pending('staging')).map((p) => p.id)).toEqual([
      untouched.pendingId
    ])
  })
})
