// `artifact-seal promote --from ENV` and `--wait DURATION` in-process on a file ledger. The
// ledger's clock is the system's: only Date is faked, and the terminal's sleeper moves it.
import { afterAll, afterEach, describe, expect, it, jest } from '@jest/globals'
import { confirmCommand } from '../../src/cli/confirm-command.js'
import { ledgerCommand } from '../../src/cli/ledger-command.js'
import { promoteCommand } from '../../src/cli/promote-command.js'
import { sealCommand } from '../../src/cli/seal-command.js'
import { T0 } from '../../__fixtures__/promotion.js'
import { fakeTerminal } from '../helpers/terminal.js'
import { removeAll, tempDir, writeTree } from '../helpers/trees.js'

afterAll(removeAll)
afterEach(() => void jest.useRealTimers())

const MINUTE = 60_000
const LEDGER = ['--policy', 'promotion.yml', '--ledger', 'file:ledger.jsonl']

/** Only Date is faked: the file lock's timers stay real. */
function fakeDate(): void {
  jest.useFakeTimers({
    now: T0,
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance'
    ]
  })
}
const pass = (ms: number): void => jest.setSystemTime(Date.now() + ms)

/** A sealed site let into staging and confirmed there. */
async function inStaging(): Promise<{ cwd: string; digest: string; checksums: string }> {
  const cwd = writeTree(tempDir(), {
    'site/index.html': '<p>v1</p>',
    'promotion.yml':
      'environments:\n  staging: {}\n  production:\n    requires: [staging]\n    soak: 30m\n'
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
  const staging = fakeTerminal(cwd)
  expect(
    await promoteCommand(
      [
        digest,
        '--environment',
        'staging',
        '--path',
        'site',
        '--checksums',
        checksumsPath,
        '--subject-name',
        'shop',
        ...LEDGER,
        '--json'
      ],
      staging
    )
  ).toBe(0)
  expect(
    await confirmCommand(
      [staging.document().record.id, '--ledger', 'file:ledger.jsonl'],
      fakeTerminal(cwd)
    )
  ).toBe(0)
  return { cwd, digest, checksums: checksumsPath }
}

describe('promote --from and --wait', () => {
  it('promotes what staging runs once its soak is over, waiting for it within --wait', async () => {
    fakeDate()
    const { cwd, digest, checksums } = await inStaging()
    pass(10 * MINUTE)
    const naps: number[] = []
    const terminal = {
      ...fakeTerminal(cwd),
      sleep: async (ms: number) => void (naps.push(ms), pass(ms))
    }
    const args = [
      '--from',
      'staging',
      '--environment',
      'production',
      '--path',
      'site',
      '--checksums',
      checksums,
      '--subject-name',
      'shop',
      ...LEDGER,
      '--json'
    ]

    const refused = { ...fakeTerminal(cwd), sleep: terminal.sleep }
    expect(await promoteCommand([...args, '--wait', '5m'], refused)).toBe(1)
    expect(refused.document()).toMatchObject({
      allowed: false,
      digest,
      checks: expect.arrayContaining([expect.objectContaining({ rule: 'soak', passed: false })])
    })
    expect(naps).toEqual([])

    expect(await promoteCommand([...args, '--wait', '1h'], terminal)).toBe(0)
    expect(terminal.document()).toMatchObject({
      allowed: true,
      digest,
      record: { outcome: 'pending', environment: 'production' }
    })
    expect(naps).toHaveLength(1)
    expect(terminal.stderr()).toMatch(/waited 20m( \d+s)? for the soak/)
  })

  it(
    'refuses bad input before anything is recorded: a --from that runs nothing, a digest --from contradicts, ' +
      'a --wait that is no duration',
    async () => {
      const { cwd, checksums } = await inStaging()
      const other = `sha256:${'e'.repeat(64)}`
      await expect(
        promoteCommand(
          ['--from', 'production', '--environment', 'staging', '--digest-only', ...LEDGER],
          fakeTerminal(cwd)
        )
      ).rejects.toThrowSealError('bad-input', '--from', 'production runs no digest')
      await expect(
        promoteCommand(
          [
            other,
            '--from',
            'staging',
            '--environment',
            'production',
            '--digest-only',
            '--subject-name',
            'shop',
            ...LEDGER
          ],
          fakeTerminal(cwd)
        )
      ).rejects.toThrowSealError('bad-input', 'promote <digest>', other)
      await expect(
        promoteCommand(
          [
            '--from',
            'staging',
            '--environment',
            'production',
            '--path',
            'site',
            '--checksums',
            checksums,
            '--wait',
            'soon',
            ...LEDGER
          ],
          fakeTerminal(cwd)
        )
      ).rejects.toThrowSealError('bad-input', '--wait', '"soon"')
      await expect(
        promoteCommand(['--environment', 'production', ...LEDGER], fakeTerminal(cwd))
      ).rejects.toThrowSealError('usage', '--from')
    }
  )
})
