import { acknowledgeDrift } from '../app/observe/acknowledge-drift.js'
import { requesterFromEnv } from '../app/settings/runner-environment.js'
import { SealError } from '../core/errors.js'
import { parseCommand, requireValue } from './arguments.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import { cliCheckpointSigning } from './signing-options.js'
import { type Terminal, printJson } from './terminal.js'

export const DRIFT_USAGE = `Usage: artifact-seal drift ack --environment ENV --reason TEXT [--service NAME] [--ledger L] [--signing-key FILE] [--json]

Records that the drift the last observations of an environment found is accepted, and why.
Under "drift: block" the environment is a valid "requires" again and its soak counts, until
the next observation finds drift.

  --environment ENV   the drifted environment (required)
  --reason TEXT       why the drift is accepted, for the record (required)
  --service NAME      the service that drifted (default: the one deployed there last)
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  --json              print the record as JSON
  -h, --help          show this help`

const spec = {
  name: 'drift',
  usage: DRIFT_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: 'string' },
    reason: { type: 'string' },
    service: { type: 'string' },
    json: { type: 'boolean' },
    'signing-key': { type: 'string' },
    ...LEDGER_OPTIONS
  }
} as const

export async function driftCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${DRIFT_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1 || positionals[0] !== 'ack')
    throw new SealError('usage', `drift: give the subcommand "ack".\n\n${DRIFT_USAGE}`)
  const environment = requireValue('environment', values.environment)
  const reason = requireValue('reason', values.reason)
  if (environment === undefined || reason === undefined)
    throw new SealError(
      'usage',
      `drift ack: --environment and --reason are required.\n\n${DRIFT_USAGE}`
    )
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    true,
    false,
    await cliCheckpointSigning(values, terminal)
  )
  const { entry, since } = await acknowledgeDrift(
    {
      environment,
      service: requireValue('service', values.service),
      reason,
      requester: requesterFromEnv(terminal.env)
    },
    ledger
  )
  if (values.json) printJson(terminal, entry)
  else
    terminal.out(
      `ACKNOWLEDGED  drift in ${environment}${entry.service === null || entry.service === undefined ? '' : ` (${entry.service})`}, seen since ${since.time}\n  reason    ${reason}\n  ` +
        `recorded  ${ledger.location} #${entry.id}\n`
    )
  return 0
}
