// The CLI's promotion commands in-process, on a file ledger: what `promote` builds through
// app/promote/request.ts is the same request the action builds.
import { afterAll, describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { confirmCommand } from '../../src/cli/confirm-command.js'
import { historyCommand } from '../../src/cli/history-command.js'
import { ledgerCommand } from '../../src/cli/ledger-command.js'
import { promoteCommand } from '../../src/cli/promote-command.js'
import { sealCommand } from '../../src/cli/seal-command.js'
import { vetoCommand } from '../../src/cli/veto-command.js'
import { fakeTerminal } from '../helpers/terminal.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)

async function workspace(): Promise<{ cwd: string; digest: string; checksums: string }> {
  const cwd = writeTree(tempDir(), {
    'site/index.html': '<p>v1</p>',
    'promotion.yml': 'environments:\n  dev: {}\n  production:\n    requires: [dev]\n'
  })
  const seal = fakeTerminal(cwd)
  expect(
    await sealCommand(
      ['site', '--subject-name', 'shop', '--out', 'bundle', '--sign', 'none', '--json'],
      seal
    )
  ).toBe(0)
  const { digest, checksumsPath } = seal.document()
  expect(await ledgerCommand(['init', '--ledger', 'file:ledger.jsonl'], fakeTerminal(cwd))).toBe(0)
  return { cwd, digest, checksums: checksumsPath }
}

const LEDGER = ['--policy', 'promotion.yml', '--ledger', 'file:ledger.jsonl']

describe('artifact-seal promote, confirm, history and veto', () => {
  it('lets checked bytes in as pending, confirms them, and shows them in the history', async () => {
    const { cwd, digest, checksums } = await workspace()
    const promote = fakeTerminal(cwd)
    // The seal is unsigned: its name is only claimed, so the service is given.
    expect(
      await promoteCommand(
        [
          digest,
          '--environment',
          'dev',
          '--path',
          'site',
          '--checksums',
          checksums,
          '--subject-name',
          'shop',
          ...LEDGER,
          '--json'
        ],
        promote
      )
    ).toBe(0)
    const decision = promote.document()
    expect(decision).toMatchObject({
      allowed: true,
      environment: 'dev',
      digest,
      record: { outcome: 'pending', name: 'shop' }
    })
    expect(decision.checks.map((c: { rule: string }) => c.rule)).toEqual(['veto'])
    expect(
      await confirmCommand([decision.record.id, '--ledger', 'file:ledger.jsonl'], fakeTerminal(cwd))
    ).toBe(0)
    const history = fakeTerminal(cwd)
    expect(await historyCommand(['--ledger', 'file:ledger.jsonl', '--json'], history)).toBe(0)
    expect(history.document().map((e: { outcome: string }) => e.outcome)).toEqual([
      'deployed',
      'pending'
    ])
  })

  it('refuses, and records, bytes that are not the sealed ones; a vetoed digest is refused everywhere', async () => {
    const { cwd, digest, checksums } = await workspace()
    fs.writeFileSync(path.join(cwd, 'site/index.html'), '<p>changed</p>')
    const changed = fakeTerminal(cwd)
    expect(
      await promoteCommand(
        [
          digest,
          '--environment',
          'dev',
          '--path',
          'site',
          '--checksums',
          checksums,
          ...LEDGER,
          '--json'
        ],
        changed
      )
    ).toBe(1)
    expect(changed.document()).toMatchObject({
      allowed: false,
      record: { outcome: 'refused' },
      checks: [{ rule: 'bytes', passed: false }]
    })
    expect(
      await vetoCommand(
        [digest, '--reason', 'broken', '--environment', 'dev', '--ledger', 'file:ledger.jsonl'],
        fakeTerminal(cwd)
      )
    ).toBe(0)
    const vetoed = fakeTerminal(cwd)
    expect(
      await promoteCommand(
        [digest, '--environment', 'dev', '--digest-only', ...LEDGER, '--json'],
        vetoed
      )
    ).toBe(1)
    expect(vetoed.document().checks).toContainEqual(
      expect.objectContaining({ rule: 'veto', passed: false })
    )
  })

  it('stops on bad input with nothing recorded: a promotion with no bytes, an environment the policy lacks', async () => {
    const { cwd, digest } = await workspace()
    await expect(
      promoteCommand([digest, '--environment', 'dev', ...LEDGER], fakeTerminal(cwd))
    ).rejects.toThrowSealError('bad-input', '--path', '--digest-only')
    await expect(
      promoteCommand([digest, '--environment', 'qa', '--digest-only', ...LEDGER], fakeTerminal(cwd))
    ).rejects.toThrowSealError('bad-input', '--environment', '"qa"')
    await expect(promoteCommand([digest], fakeTerminal(cwd))).rejects.toThrowSealError(
      'usage',
      '--environment'
    )
    const history = fakeTerminal(cwd)
    expect(await historyCommand(['--ledger', 'file:ledger.jsonl', '--json'], history)).toBe(0)
    expect(history.document()).toEqual([])
  })
})
