import { DEFAULT_FILE_LEDGER, parseLedgerLocation } from '../app/settings/ledger-location.js'
import type { LedgerLocation } from '../app/settings/types.js'
import { openLedger } from '../app/ledger/open-ledger.js'
import type { Ledger } from '../stores/ledger/ledger.js'
import type { Signing } from '../app/signature/types.js'
import { requireValue } from './arguments.js'
import type { Terminal } from './terminal.js'

/** The options every ledger command shares. */
export const LEDGER_OPTIONS = { ledger: { type: 'string' } } as const

export const LEDGER_HELP = `  --ledger L    "file:<path>" (default file:${DEFAULT_FILE_LEDGER}) or "github"
                (the Deployments of GITHUB_REPOSITORY, with GITHUB_TOKEN)`

/** The ledger the options name: a file by default; "github" reads GITHUB_TOKEN and GITHUB_REPOSITORY. */
export async function ledgerFromOptions(values: { ledger?: string | undefined }, terminal: Terminal, forWriting = false, create = false, signing?: Signing): Promise<Ledger> {
  return openLedger(
    ledgerLocationFromOptions(values, terminal),
    { token: terminal.env.GITHUB_TOKEN ?? '', ledgerInput: '--ledger', tokenInput: 'GITHUB_TOKEN', forWriting, create, ...(signing ? { signing } : {}) },
    terminal.env
  )
}

export function ledgerLocationFromOptions(values: { ledger?: string | undefined }, terminal: Terminal): LedgerLocation {
  return parseLedgerLocation(requireValue('ledger', values.ledger) ?? `file:${DEFAULT_FILE_LEDGER}`, '--ledger', terminal.cwd)
}
