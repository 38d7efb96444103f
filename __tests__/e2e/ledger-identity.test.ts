import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, generateKeyPairSync } from 'node:crypto'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { digest } from '../../__fixtures__/promotion.js'
import { PROJECT_ROOT } from '../helpers/runner.js'
import { removeAll, tempDir } from '../helpers/trees.js'

afterAll(removeAll)

const CLI = path.join(PROJECT_ROOT, 'dist/cli/index.js')
const LEDGER = 'file:ledger.jsonl'

function cli(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30_000
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** The key every ledger here is signed with, as one team signs several ledgers. */
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
const KEY = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
const PUBLIC = publicKey.export({ type: 'spki', format: 'pem' }).toString()

/** A new ledger named ledger.jsonl, each veto signing its checkpoint with the shared key. */
function signedLedger(...vetoed: number[]): { dir: string; identity: string } {
  const dir = tempDir('ledger-identity-')
  fs.writeFileSync(path.join(dir, 'key.pem'), KEY)
  fs.writeFileSync(path.join(dir, 'cosign.pub'), PUBLIC)
  const init = cli(['ledger', 'init', '--ledger', LEDGER], dir)
  expect(init.code).toBe(0)
  for (const n of vetoed)
    expect(
      cli(
        [
          'veto',
          digest(n),
          '--environment',
          'dev',
          '--reason',
          'smoke tests failed',
          '--ledger',
          LEDGER,
          '--signing-key',
          'key.pem'
        ],
        dir
      ).code
    ).toBe(0)
  // The ledger's identity, computed here without artifact-seal: the sha256 of its first line.
  const first = fs.readFileSync(path.join(dir, 'ledger.jsonl'), 'utf8').split('\n')[0] as string
  const identity = `sha256:${createHash('sha256').update(first).digest('hex')}`
  expect(init.stdout).toContain(`Ledger: ${identity}\n`)
  return { dir, identity }
}

function copyLedger(from: string, to: string): void {
  for (const file of ['ledger.jsonl', 'ledger.jsonl.checkpoint.sigstore.json'])
    fs.copyFileSync(path.join(from, file), path.join(to, file))
}

describe("a file ledger's identity (the bundled CLI)", () => {
  it('each ledger has its own, even created alike, and the signed checkpoint names it', () => {
    const one = signedLedger(1)
    const two = signedLedger(1)
    expect(one.identity).not.toBe(two.identity)
    const bundle = JSON.parse(
      fs.readFileSync(path.join(one.dir, 'ledger.jsonl.checkpoint.sigstore.json'), 'utf8')
    )
    const statement = JSON.parse(
      Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')
    )
    expect(statement.predicate.ledger).toBe(one.identity)
    const verified = cli(
      ['ledger', 'verify', '--ledger', LEDGER, '--public-key', 'cosign.pub'],
      one.dir
    )
    expect(verified.code).toBe(0)
    expect(verified.stdout).toContain(`Ledger: ${one.identity}\n`)
  })

  it(
    'another ledger of the same name, signed with the same key, put in its place with its checkpoint, is ' +
      'refused against the pinned identity',
    () => {
      const production = signedLedger(1, 2)
      const staging = signedLedger(3)
      copyLedger(staging.dir, production.dir)

      // The signature and the chain hold: only the identity kept elsewhere tells the ledgers apart, and verify says so.
      const unpinned = cli(
        ['ledger', 'verify', '--ledger', LEDGER, '--public-key', 'cosign.pub'],
        production.dir
      )
      expect(unpinned.code).toBe(0)
      expect(unpinned.stdout).toContain(
        `Another ledger signed with the same key would verify as well: pin this one with --ledger-id ${staging.identity}.`
      )

      const pinned = cli(
        [
          'ledger',
          'verify',
          '--ledger',
          LEDGER,
          '--public-key',
          'cosign.pub',
          '--ledger-id',
          production.identity
        ],
        production.dir
      )
      expect(pinned).toMatchObject({ code: 1, stderr: '' })
      expect(pinned.stdout).toMatch(
        new RegExp(
          `^NOT TRUSTED \\(replaced\\): \\S+: this is the ledger ${staging.identity} \\(the sha256 of its first ` +
            `line\\), not ${production.identity}, the one pinned: it was replaced by ` +
            'another ledger, with a checkpoint signed by key:\\S+ as well'
        )
      )
      const unsigned = cli(
        ['ledger', 'verify', '--ledger', LEDGER, '--ledger-id', production.identity],
        production.dir
      )
      expect(unsigned.code).toBe(1)
      expect(unsigned.stdout).toContain(
        `is the ledger ${staging.identity} (the sha256 of its first line), not ${production.identity}: it was ` +
          'replaced by another ledger.'
      )

      const restored = signedLedger(1)
      expect(
        cli(
          [
            'ledger',
            'verify',
            '--ledger',
            LEDGER,
            '--public-key',
            'cosign.pub',
            '--ledger-id',
            restored.identity
          ],
          restored.dir
        )
      ).toMatchObject({
        code: 0,
        stdout: expect.stringContaining(`It is the ledger pinned (${restored.identity}).`)
      })
    }
  )

  it('an earlier copy of the same ledger, with its earlier signed checkpoint, is refused against a pinned head', () => {
    const ledger = signedLedger(1)
    const earlier = tempDir('earlier-')
    copyLedger(ledger.dir, earlier)
    expect(
      cli(
        [
          'veto',
          digest(2),
          '--environment',
          'dev',
          '--reason',
          'smoke tests failed',
          '--ledger',
          LEDGER,
          '--signing-key',
          'key.pem'
        ],
        ledger.dir
      ).code
    ).toBe(0)
    const head = /Head: (\S+)/.exec(
      cli(['ledger', 'verify', '--ledger', LEDGER, '--public-key', 'cosign.pub'], ledger.dir).stdout
    )?.[1] as string
    expect(head).toMatch(/^3:sha256:[0-9a-f]{64}$/)
    copyLedger(earlier, ledger.dir)
    const rolledBack = cli(
      [
        'ledger',
        'verify',
        '--ledger',
        LEDGER,
        '--public-key',
        'cosign.pub',
        '--ledger-id',
        ledger.identity,
        '--head',
        head
      ],
      ledger.dir
    )
    expect(rolledBack.code).toBe(1)
    expect(rolledBack.stdout).toMatch(
      new RegExp(
        `^NOT TRUSTED \\(rewritten\\): \\S+: the ledger does not hold the pinned head ${head}`
      )
    )
  })
})
