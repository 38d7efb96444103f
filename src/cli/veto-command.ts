import { vetoDigest } from '../app/promote/veto.js'
import { requesterFromEnv } from '../app/settings/runner-environment.js'
import { parseDigest } from '../core/digest.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../core/promotion/record.js'
import { SealError, quote } from '../core/errors.js'
import { parseCommand, requireValue } from './arguments.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import { type Terminal, printJson, printWarning } from './terminal.js'
import { cliCheckpointSigning } from './signing-options.js'
import { plain } from '../report/paint.js'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DEFAULT_POLICY_FILE, loadPolicy } from '../app/settings/load-policy.js'
import { findEnvironment } from '../core/promotion/policy.js'
import type { Ledger } from '../stores/ledger/ledger.js'
import type { Digest } from '../core/digest.js'

export const VETO_USAGE = `Usage: artifact-seal veto <digest> --reason TEXT --environment ENV [--ledger L]

Marks a digest bad, for example after failed checks: from then on no environment
accepts it and rollbacks skip it.

  --reason TEXT       why, for the record (required)
  --environment ENV   where the problem was found (required)
  --subject-name NAME the artifact's name, for the record
  --policy FILE       the promotion policy, to warn of an environment it does not name
                      (default ${DEFAULT_POLICY_FILE} when that file exists)
  --json              print the record written as JSON: {"record": {…}}
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  -h, --help          show this help`

const spec = {
  name: 'veto',
  usage: VETO_USAGE,
  allowPositionals: true,
  options: {
    reason: { type: 'string' },
    environment: { type: 'string' },
    'subject-name': { type: 'string' },
    policy: { type: 'string' },
    json: { type: 'boolean' },
    ...LEDGER_OPTIONS,
    'signing-key': { type: 'string' }
  }
} as const

export async function vetoCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${VETO_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1)
    throw new SealError('usage', `veto: give one digest.\n\n${VETO_USAGE}`)
  const reason = requireValue('reason', values.reason)
  const environment = requireValue('environment', values.environment)
  if (reason === undefined || environment === undefined)
    throw new SealError('usage', `veto: --reason and --environment are required.\n\n${VETO_USAGE}`)
  const digest = parseDigest(positionals[0] as string, 'veto <digest>')
  const policyOption = requireValue('policy', values.policy)
  const policyFile = path.resolve(terminal.cwd, policyOption ?? DEFAULT_POLICY_FILE)
  const policy =
    policyOption !== undefined || fs.existsSync(policyFile)
      ? loadPolicy(policyFile, '--policy', terminal.cwd)
      : null
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    true,
    false,
    await cliCheckpointSigning(values, terminal)
  )
  // A veto holds everywhere whatever it names, so these are warnings: a typo still blocks the digest.
  const warn = (message: string): void => printWarning(terminal, message)
  if (policy !== null && findEnvironment(policy, environment) === undefined) {
    warn(
      `--environment: ${quote(environment)} is not in the policy ${path.relative(terminal.cwd, policyFile) || policyFile}; the veto applies to every environment all the same.`
    )
  }
  if (!(await anyRecordOf(ledger, digest))) {
    warn(
      `${ledger.location} has no record of ${digest}: no environment ever let it in. Check that it is the ` +
        'digest you mean; the veto is recorded all the same.'
    )
  }
  const record = await vetoDigest(
    {
      digest,
      environment,
      reason,
      name: requireValue('subject-name', values['subject-name']) ?? null,
      requester: requesterFromEnv(terminal.env)
    },
    ledger,
    { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
  )
  if (values.json) {
    printJson(terminal, { record })
    return 0
  }
  terminal.out(
    `${(terminal.paint ?? plain)('bad', 'VETOED')}  ${digest}\n  reason    ${reason}\n  recorded  ${ledger.location} #${record.id}\nNo environment accepts this digest now; ` +
      'rollbacks skip it.\n'
  )
  return 0
}

async function anyRecordOf(ledger: Ledger, digest: Digest): Promise<boolean> {
  for await (const _ of ledger.entries({ digest })) return true
  return false
}
