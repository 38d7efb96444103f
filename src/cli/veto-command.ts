import { vetoDigest } from '../app/promote/veto.js'
import { requesterFromEnv } from '../app/settings/runner-environment.js'
import { parseDigest } from '../core/digest.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../core/promotion/record.js'
import { SealError } from '../core/errors.js'
import { parseCommand, requireValue } from './arguments.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import type { Terminal } from './terminal.js'
import { cliCheckpointSigning } from './signing-options.js'

export const VETO_USAGE = `Usage: artifact-seal veto <digest> --reason TEXT --environment ENV [--ledger L]

Marks a digest bad, for example after failed checks: from then on no environment
accepts it and rollbacks skip it.

  --reason TEXT       why, for the record (required)
  --environment ENV   where the problem was found (required)
  --subject-name NAME the artifact's name, for the record
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  -h, --help          show this help`

const spec = {
  name: 'veto',
  usage: VETO_USAGE,
  allowPositionals: true,
  options: { reason: { type: 'string' }, environment: { type: 'string' }, 'subject-name': { type: 'string' }, ...LEDGER_OPTIONS, 'signing-key': { type: 'string' } }
} as const

export async function vetoCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${VETO_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1) throw new SealError('usage', `veto: give one digest.\n\n${VETO_USAGE}`)
  const reason = requireValue('reason', values.reason)
  const environment = requireValue('environment', values.environment)
  if (reason === undefined || environment === undefined) throw new SealError('usage', `veto: --reason and --environment are required.\n\n${VETO_USAGE}`)
  const digest = parseDigest(positionals[0] as string, 'veto <digest>')
  const ledger = await ledgerFromOptions(values, terminal, true, false, await cliCheckpointSigning(values, terminal))
  const record = await vetoDigest(
    { digest, environment, reason, name: requireValue('subject-name', values['subject-name']) ?? null, requester: requesterFromEnv(terminal.env) },
    ledger,
    { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
  )
  terminal.out(`VETOED  ${digest}\n  reason    ${reason}\n  recorded  ${ledger.location} #${record.id}\nNo environment accepts this digest now; rollbacks skip it.\n`)
  return 0
}
