import { contractHistory } from '../core/promotion/contract-history.js'
import type { LedgerEntry } from '../core/promotion/record.js'
import { renderContractObservationsText } from '../report/observe-text.js'
import { renderContractHistoryText } from '../report/promotion-text.js'
import { parseCommand, requireValue } from './arguments.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import { type Terminal, printJson } from './terminal.js'

export const CONTRACT_HISTORY_USAGE = `Usage: artifact-seal contract history [--environment ENV] [--json] [--ledger L]

When did the contract change? Every amendment of each environment's contract, newest
first: when it took effect (the confirmation of the deployment that brought it), from
which contract version and digest to which, the artifact that brought it, who promoted
it and from which run, and what the gate found (changes by severity, rules, approval).
An environment's first contract is its initial one; a rollback shows the amendment it
makes back. Then the contract drift observe found on the running services (a served
contract that is not the sealed one) and its acknowledgements.

  --environment ENV   only this environment's amendments
${LEDGER_HELP}
  --json              print the amendments as a JSON array
  -h, --help          show this help`

const spec = {
  name: 'contract history',
  usage: CONTRACT_HISTORY_USAGE,
  allowPositionals: false,
  options: { environment: { type: 'string' }, json: { type: 'boolean' }, ...LEDGER_OPTIONS }
} as const

export async function contractHistoryCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${CONTRACT_HISTORY_USAGE}\n`)
    return 0
  }
  const environment = requireValue('environment', values.environment)
  const ledger = await ledgerFromOptions(values, terminal)
  const entries: LedgerEntry[] = []
  for await (const entry of ledger.entries(environment === undefined ? {} : { environment }))
    entries.push(entry)
  const amendments = await contractHistory(entries)
  if (values.json) printJson(terminal, amendments)
  else
    terminal.out(
      renderContractHistoryText(amendments, environment ?? null) +
        renderContractObservationsText(entries)
    )
  return 0
}
