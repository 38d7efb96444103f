import { parseDigest } from '../core/digest.js'
import { SealError, quote } from '../core/errors.js'
import type { LedgerEntry } from '../core/promotion/record.js'
import { renderHistoryText } from '../report/promotion-text.js'
import { parseCommand, requireValue } from './arguments.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import { type Terminal, printJson } from './terminal.js'

export const HISTORY_USAGE = `Usage: artifact-seal history [--environment ENV] [--digest DIGEST] [--limit N] [--json]

Who ran what since when: the ledger's records, newest first (with the service of each
record, in brackets, when there are several).

  --environment ENV   only this environment's records
  --digest DIGEST     only this digest's records
  --limit N           at most N records (default 50)
${LEDGER_HELP}
  --json              print the records as JSON
  -h, --help          show this help`

const spec = {
  name: 'history',
  usage: HISTORY_USAGE,
  allowPositionals: false,
  options: {
    environment: { type: 'string' },
    digest: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    ...LEDGER_OPTIONS
  }
} as const

export async function historyCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${HISTORY_USAGE}\n`)
    return 0
  }
  const limitText = requireValue('limit', values.limit) ?? '50'
  const limit = Number(limitText)
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new SealError(
      'bad-input',
      `--limit: ${quote(limitText)} is not a positive whole number. Give how many records to show, such as 20.`
    )
  }
  const environment = requireValue('environment', values.environment)
  const digestText = requireValue('digest', values.digest)
  const ledger = await ledgerFromOptions(values, terminal)
  const entries: LedgerEntry[] = []
  for await (const entry of ledger.entries({
    ...(environment ? { environment } : {}),
    ...(digestText ? { digest: parseDigest(digestText, '--digest') } : {})
  })) {
    entries.push(entry)
    if (entries.length >= limit) break
  }
  if (values.json) printJson(terminal, entries)
  else terminal.out(renderHistoryText(entries))
  return 0
}
