import { requesterFromEnv } from '../app/settings/runner-environment.js'
import { SealError, quote } from '../core/errors.js'
import { makesLive } from '../core/promotion/record.js'
import { resolutionHeadline } from '../report/promotion-report.js'
import { parseCommand, requireValue } from './arguments.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import { type Terminal, printJson } from './terminal.js'
import { cliCheckpointSigning } from './signing-options.js'

export const CONFIRM_USAGE = `Usage: artifact-seal confirm <record-id> [--outcome success|failure] [--reason TEXT] [--environment ENV] [--ledger L]

Ends a pending promotion (the record "artifact-seal promote" printed). With success (the
default) its digest is the environment's live digest from now; with failure the
environment keeps what it ran. A success is judged again: a digest vetoed meanwhile, or a
service that runs another digest than the one the gate compared against (another
deployment went live meanwhile), is recorded as failed, and the command exits 1.

  --outcome O   success (the deployment went through) or failure
  --reason TEXT why it failed, for the record
  --environment ENV  refuse the record unless it is a promotion to ENV
  --json        print the record written as JSON: {"record": {…}}
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  -h, --help    show this help`

const spec = {
  name: 'confirm',
  usage: CONFIRM_USAGE,
  allowPositionals: true,
  options: {
    outcome: { type: 'string' },
    reason: { type: 'string' },
    environment: { type: 'string' },
    json: { type: 'boolean' },
    ...LEDGER_OPTIONS,
    'signing-key': { type: 'string' }
  }
} as const

export async function confirmCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${CONFIRM_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1)
    throw new SealError(
      'usage',
      `confirm: give one record id, as "artifact-seal promote" printed it.\n\n${CONFIRM_USAGE}`
    )
  const outcome = requireValue('outcome', values.outcome) ?? 'success'
  if (outcome !== 'success' && outcome !== 'failure') {
    throw new SealError(
      'bad-input',
      `--outcome: ${quote(outcome)} is not "success" or "failure". Give success when the deployment went ` +
        'through, failure when it did not.'
    )
  }
  const reason = requireValue('reason', values.reason) ?? null
  if (reason !== null && outcome === 'success')
    throw new SealError(
      'bad-input',
      '--reason: a reason goes with "--outcome failure"; a confirmed deployment needs none.'
    )
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    true,
    false,
    await cliCheckpointSigning(values, terminal)
  )
  const entry = await ledger.resolve({
    id: positionals[0] as string,
    outcome: outcome === 'success' ? 'confirmed' : 'failed',
    reason: outcome === 'failure' ? (reason ?? 'the deployment failed') : null,
    environment: requireValue('environment', values.environment) ?? null,
    ...requesterFromEnv(terminal.env)
  })
  terminal.out(`${resolutionHeadline(entry)}${entry.reason ? `: ${entry.reason}` : ''}\n`)
  if (values.json) printJson(terminal, { record: entry })
  return outcome === 'success' && !makesLive(entry.outcome) ? 1 : 0
}
