import { DEFAULT_FILE_LEDGER, parseLedgerLocation } from '../app/settings/ledger-location.js'
import type { LedgerLocation } from '../app/settings/types.js'
import { openLedger } from '../app/ledger/open-ledger.js'
import type { Ledger } from '../stores/ledger/ledger.js'
import type { Signing } from '../app/signature/types.js'
import { requireValue } from './arguments.js'
import type { Terminal } from './terminal.js'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { FileLedger } from '../stores/ledger/file-ledger.js'
import {
  GitLedger,
  type GitLedgerAddress,
  parseGitLedgerAddress
} from '../stores/ledger/git-ledger.js'
import { checkpointSigner } from '../app/ledger/ledger-checkpoint.js'

/** The options every ledger command shares. */
export const LEDGER_OPTIONS = { ledger: { type: 'string' } } as const

export const LEDGER_HELP = `  --ledger L    "file:<path>" (default file:${DEFAULT_FILE_LEDGER}), "github"
                (the Deployments of GITHUB_REPOSITORY, with GITHUB_TOKEN; a deployment
                is made on the sealing commit, else GITHUB_SHA, else this checkout's HEAD)
                or "git:<remote>#<branch>:<path>" (a file ledger on a branch of a git
                repository, fetched, appended and pushed: for CI machines that keep nothing)`

/** The ledger the options name: a file by default; "github" reads GITHUB_TOKEN and GITHUB_REPOSITORY. */
export async function ledgerFromOptions(
  values: { ledger?: string | undefined },
  terminal: Terminal,
  forWriting = false,
  create = false,
  signing?: Signing
): Promise<Ledger> {
  const address = gitAddressOf(values)
  if (address !== null) {
    const open = (file: string): FileLedger => {
      const signHead = signing === undefined ? null : checkpointSigner(signing, file)
      return new FileLedger(file, '--ledger', {
        create,
        ...(signHead === null ? {} : { signHead })
      })
    }
    return GitLedger.open(address, checkoutOf(address), { open, env: terminal.env }, create)
  }
  const location = ledgerLocationFromOptions(values, terminal)
  return openLedger(
    location,
    {
      token: terminal.env.GITHUB_TOKEN ?? '',
      ledgerInput: '--ledger',
      tokenInput: 'GITHUB_TOKEN',
      forWriting,
      create,
      ...(signing ? { signing } : {})
    },
    location.kind === 'github' ? withCheckoutCommit(terminal) : terminal.env
  )
}

/**
 * Off a runner GITHUB_SHA is not set, and a deployment needs a commit: the one checked out
 * where the command runs is the one being deployed, as the job's commit is on a runner.
 */
function withCheckoutCommit(terminal: Terminal): Terminal['env'] {
  if (terminal.env.GITHUB_SHA) return terminal.env
  const head = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], {
    cwd: terminal.cwd,
    encoding: 'utf8',
    env: { PATH: terminal.env.PATH ?? '' }
  })
  const commit = head.status === 0 ? head.stdout.trim() : ''
  return /^[0-9a-f]{40}$/.test(commit) ? { ...terminal.env, GITHUB_SHA: commit } : terminal.env
}

export function ledgerLocationFromOptions(
  values: { ledger?: string | undefined },
  terminal: Terminal
): LedgerLocation {
  const address = gitAddressOf(values)
  // A ledger in git is a file ledger in this run's checkout of its branch: what is kept beside it is committed with it.
  if (address !== null)
    return { kind: 'file', file: path.join(checkoutOf(address), ...address.file.split('/')) }
  return parseLedgerLocation(
    requireValue('ledger', values.ledger) ?? `file:${DEFAULT_FILE_LEDGER}`,
    '--ledger',
    terminal.cwd
  )
}

function gitAddressOf(values: { ledger?: string | undefined }): GitLedgerAddress | null {
  const value = requireValue('ledger', values.ledger)
  return value?.trim().startsWith('git:') ? parseGitLedgerAddress(value.trim(), '--ledger') : null
}

const checkouts = new Map<string, string>()

/** This run's own checkout of the ledger's branch: another command on the same machine has its own. */
function checkoutOf(address: GitLedgerAddress): string {
  const key = `${address.remote}#${address.branch}`
  let dir = checkouts.get(key)
  if (dir === undefined) {
    const made = fs.mkdtempSync(path.join(os.tmpdir(), 'artifact-seal-ledger-'))
    checkouts.set(key, made)
    // What was pushed is on the remote; the checkout is of no use once the command is done.
    process.once('exit', () => fs.rmSync(made, { recursive: true, force: true }))
    dir = made
  }
  return dir
}
