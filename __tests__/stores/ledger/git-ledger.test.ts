// The file ledger kept on a branch of a real bare git repository on disk, with two writers
// forced to race between their commit and their push.
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { digest, newRecord } from '../../../__fixtures__/promotion.js'
import type { NewRecord } from '../../../src/core/promotion/record.js'
import { FileLedger } from '../../../src/stores/ledger/file-ledger.js'
import {
  GitLedger,
  type GitLedgerAddress,
  parseGitLedgerAddress,
  redacted
} from '../../../src/stores/ledger/git-ledger.js'
import type { LedgerView } from '../../../src/stores/ledger/ledger.js'
import { removeAll, tempDir } from '../../helpers/trees.js'

afterAll(removeAll)

const HOUR = 3_600_000

function bareRepository(): string {
  const dir = tempDir('ledger-remote-')
  execFileSync('git', ['init', '--quiet', '--bare', dir])
  return dir
}

function writer(
  address: GitLedgerAddress,
  beforePush?: () => Promise<void>,
  create = false
): GitLedger {
  return GitLedger.open(
    address,
    tempDir('ledger-checkout-'),
    {
      open: (file) => new FileLedger(file, 'ledger', { create: false }),
      ...(beforePush ? { beforePush } : {})
    },
    create
  )
}

/** What the remote branch holds now, read through a fresh checkout. */
async function remoteRecords(
  address: GitLedgerAddress
): Promise<{ outcomes: string[]; problems: number }> {
  const ledger = writer(address)
  const outcomes: string[] = []
  for await (const entry of ledger.entries()) outcomes.unshift(entry.outcome)
  const { problems } = await ledger.fileLedger().verifyChain(undefined)
  return { outcomes, problems: problems.length }
}

/**
 * Holds each writer at its first push until all have committed (all judged on the same
 * records), then lets them push in the order of `names`: the first wins, each later one is
 * refused as not a fast-forward. A push runs synchronously, so a writer let go finishes it
 * before the next one's turn.
 */
function pushTurns(names: readonly string[]): (name: string) => () => Promise<void> {
  const gates = new Map<string, () => void>()
  const waits = new Map(
    names.map((name) => [name, new Promise<void>((resolve) => gates.set(name, resolve))])
  )
  const arrived = new Set<string>()
  return (name) => async () => {
    if (arrived.has(name)) return
    arrived.add(name)
    if (arrived.size === names.length) for (const n of names) gates.get(n)?.()
    await waits.get(name)
  }
}

describe('parseGitLedgerAddress', () => {
  it('takes the remote up to the last "#", the branch and the path after it', () => {
    expect(
      parseGitLedgerAddress(
        'git:git@gitlab.example.com:acme/ledger.git#ledger:prod/ledger.jsonl',
        '--ledger'
      )
    ).toEqual({
      remote: 'git@gitlab.example.com:acme/ledger.git',
      branch: 'ledger',
      file: 'prod/ledger.jsonl'
    })
  })

  it.each([
    'git:',
    'git:/srv/repo.git',
    'git:/srv/repo.git#main',
    'git:/srv/repo.git#main:',
    'git:/srv/repo.git#main:../x',
    'git:/srv/repo.git#main:/etc/x',
    'git:/srv/repo.git#-x:l',
    'git:-u#main:l',
    'git:/r#main:.git/config'
  ])('refuses %s, naming the form', (value) => {
    expect(() => parseGitLedgerAddress(value, '--ledger')).toThrowSealError(
      'bad-input',
      '--ledger',
      'git:<remote>#<branch>:<path>'
    )
  })

  it("leaves a token in the remote's URL out of messages", () => {
    expect(redacted('git:https://oauth2:glpat-secret@gitlab.example.com/acme/l.git#l:x')).toBe(
      'git:https://***@gitlab.example.com/acme/l.git#l:x'
    )
  })
})

describe('GitLedger on a bare repository', () => {
  it('refuses a branch that does not exist unless asked to create it, and creates it once', async () => {
    const address: GitLedgerAddress = {
      remote: bareRepository(),
      branch: 'ledger',
      file: 'prod/ledger.jsonl'
    }
    expect(() => writer(address)).toThrowSealError(
      'unreadable',
      'ledger',
      'does not exist',
      'ledger init'
    )
    await writer(address, undefined, true).init()
    expect(await remoteRecords(address)).toEqual({ outcomes: [], problems: 0 })
    await expect(writer(address, undefined, true).init()).rejects.toThrowSealError(
      'bad-input',
      'exists already'
    )
  })

  it(
    'two writers racing: the one whose push is refused reads again, judges again and appends again (never a ' +
      'blind rebase)',
    async () => {
      const address: GitLedgerAddress = {
        remote: bareRepository(),
        branch: 'ledger',
        file: 'ledger.jsonl'
      }
      await writer(address, undefined, true).init()
      const turn = pushTurns(['veto', 'promote'])
      const vetoing = writer(address, turn('veto'))
      const promoting = writer(address, turn('promote'))
      const D = digest(7)
      const judgements: string[] = []
      // The promotion is judged on the veto: with none it is let in; once the veto is there, refused.
      const judge = async (view: LedgerView): Promise<NewRecord> => {
        const vetoed = (await view.veto(D)) !== null
        judgements.push(vetoed ? 'vetoed' : 'clear')
        return newRecord({
          digest: D,
          environment: 'production',
          outcome: vetoed ? 'refused' : 'pending',
          reason: vetoed ? 'vetoed' : null
        })
      }
      const [vetoed, promoted] = await Promise.all([
        vetoing.record(
          'production',
          async () =>
            newRecord({
              digest: D,
              environment: 'production',
              outcome: 'vetoed',
              reason: 'broken'
            }),
          HOUR
        ),
        promoting.record('production', judge, HOUR)
      ])
      expect(vetoed.entry?.outcome).toBe('vetoed')
      // Judged twice: first on the records without the veto, then on the remote's, with it.
      expect(judgements).toEqual(['clear', 'vetoed'])
      expect(promoted.entry?.outcome).toBe('refused')
      expect(await remoteRecords(address)).toEqual({ outcomes: ['vetoed', 'refused'], problems: 0 })
    }
  )

  it('many writers racing at once all land, each once, on an intact chain', async () => {
    const address: GitLedgerAddress = {
      remote: bareRepository(),
      branch: 'ledger',
      file: 'ledger.jsonl'
    }
    await writer(address, undefined, true).init()
    const turn = pushTurns(['0', '1', '2'])
    const writers = [0, 1, 2].map((i) => writer(address, turn(String(i))))
    await Promise.all(
      writers.map((w, i) =>
        w.record(
          `env-${i}`,
          async () => newRecord({ digest: digest(i + 1), environment: `env-${i}` }),
          HOUR
        )
      )
    )
    const { outcomes, problems } = await remoteRecords(address)
    expect(problems).toBe(0)
    expect(outcomes).toEqual(['pending', 'pending', 'pending'])
  })

  it('a write that records nothing pushes nothing', async () => {
    const remote = bareRepository()
    const address: GitLedgerAddress = { remote, branch: 'ledger', file: 'ledger.jsonl' }
    await writer(address, undefined, true).init()
    const before = execFileSync('git', ['--git-dir', remote, 'rev-parse', 'refs/heads/ledger'], {
      encoding: 'utf8'
    })
    await writer(address).record('production', async () => null, HOUR)
    expect(
      execFileSync('git', ['--git-dir', remote, 'rev-parse', 'refs/heads/ledger'], {
        encoding: 'utf8'
      })
    ).toBe(before)
    expect(fs.readdirSync(path.dirname(remote)).length).toBeGreaterThan(0)
  })
})
