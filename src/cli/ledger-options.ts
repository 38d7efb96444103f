import { DEFAULT_FILE_LEDGER, parseLedgerLocation } from '../app/settings/ledger-location.js'
import type { LedgerLocation } from '../app/settings/types.js'
import { openLedger } from '../app/ledger/open-ledger.js'
import type { Ledger } from '../stores/ledger/ledger.js'
import type { Signing } from '../app/signature/types.js'
import { requireValue } from './arguments.js'
import type { Terminal } from './terminal.js'
import { spawnSync } from 'node:child_process'

/** The options every ledger command shares. */
export const LEDGER_OPTIONS = { ledger: { type: 'string' } } as const

export const LEDGER_HELP = `  --ledger L    "file:<path>" (default file:${DEFAULT_FILE_LEDGER}) or "github"
                (the Deployments of GITHUB_REPOSITORY, with GITHUB_TOKEN; a deployment
                is made on the sealing commit, else GITHUB_SHA, else this checkout's HEAD)`

/** The ledger the options name: a file by default; "github" reads GITHUB_TOKEN and GITHUB_REPOSITORY. */
export async function ledgerFromOptions(values: { ledger?: string | undefined }, terminal: Terminal, forWriting = false, create = false, signing?: Signing): Promise<Ledger> {
  const location = ledgerLocationFromOptions(values, terminal)
  return openLedger(
    location,
    { token: terminal.env.GITHUB_TOKEN ?? '', ledgerInput: '--ledger', tokenInput: 'GITHUB_TOKEN', forWriting, create, ...(signing ? { signing } : {}) },
    location.kind === 'github' ? withCheckoutCommit(terminal) : terminal.env
  )
}

/**
 * Off a runner GITHUB_SHA is not set, and a deployment needs a commit: the one checked out
 * where the command runs is the one being deployed, as the job's commit is on a runner.
 */
function withCheckoutCommit(terminal: Terminal): Terminal['env'] {
  if (terminal.env.GITHUB_SHA) return terminal.env
  const head = spawnSync('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: terminal.cwd, encoding: 'utf8', env: { PATH: terminal.env.PATH ?? '' } })
  const commit = head.status === 0 ? head.stdout.trim() : ''
  return /^[0-9a-f]{40}$/.test(commit) ? { ...terminal.env, GITHUB_SHA: commit } : terminal.env
}

export function ledgerLocationFromOptions(values: { ledger?: string | undefined }, terminal: Terminal): LedgerLocation {
  return parseLedgerLocation(requireValue('ledger', values.ledger) ?? `file:${DEFAULT_FILE_LEDGER}`, '--ledger', terminal.cwd)
}
