import * as path from 'node:path'
import { PLAIN_HTTP_HELP, PLAIN_HTTP_OPTIONS, plainHttpRegistries } from './registry-options.js'
import { observeEnvironments } from '../app/observe/observe-environments.js'
import { sealedContractSource } from '../app/observe/sealed-contract.js'
import { DEFAULT_PROBE_LIMITS } from '../app/observe/types.js'
import { DEFAULT_POLICY_FILE, loadPolicy } from '../app/settings/load-policy.js'
import { requesterFromEnv } from '../app/settings/runner-environment.js'
import { renderObserveText } from '../report/observe-text.js'
import { parseCommand, requireValue } from './arguments.js'
import {
  LEDGER_HELP,
  LEDGER_OPTIONS,
  ledgerFromOptions,
  ledgerLocationFromOptions
} from './ledger-options.js'
import { cliCheckpointSigning } from './signing-options.js'
import { type Terminal, printJson, printWarning } from './terminal.js'

export const OBSERVE_USAGE = `Usage: artifact-seal observe [--policy FILE] [--ledger L] [--environment ENV]... [--record [--signing-key FILE]] [--json]

For every environment whose policy entry says how to observe it (observe: url + pointer,
command, files, contract-url), find out what runs there and compare it with the digest the
ledger says is live. Each is "matches", "drifted" (what runs instead, since when) or
"unknown" (the probe could not tell; never taken for a match). Exit 1 when any drifted.

  --policy FILE       the promotion policy (default ${DEFAULT_POLICY_FILE})
${LEDGER_HELP}
  --environment ENV   observe only this environment (repeat for several)
  --record            append an observation record per environment to the ledger
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
                      (the password of cosign's encrypted key from ARTIFACT_SEAL_KEY_PASSWORD)
  --json              print the report as JSON
${PLAIN_HTTP_HELP}
  -h, --help          show this help`

const spec = {
  name: 'observe',
  usage: OBSERVE_USAGE,
  allowPositionals: false,
  options: {
    ...PLAIN_HTTP_OPTIONS,
    policy: { type: 'string' },
    environment: { type: 'string', multiple: true },
    record: { type: 'boolean' },
    json: { type: 'boolean' },
    'signing-key': { type: 'string' },
    ...LEDGER_OPTIONS
  }
} as const

export async function observeCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${OBSERVE_USAGE}\n`)
    return 0
  }
  const policy = loadPolicy(
    path.resolve(terminal.cwd, requireValue('policy', values.policy) ?? DEFAULT_POLICY_FILE),
    '--policy',
    terminal.cwd
  )
  const ledger = await ledgerFromOptions(
    values,
    terminal,
    values.record === true,
    false,
    values.record === true ? await cliCheckpointSigning(values, terminal) : undefined
  )
  const report = await observeEnvironments(
    {
      policy,
      environments: values.environment ?? null,
      environmentsInput: '--environment',
      record: values.record === true,
      requester: requesterFromEnv(terminal.env),
      probe: { cwd: terminal.cwd, env: terminal.env, ...DEFAULT_PROBE_LIMITS },
      registryToken: terminal.env.GITHUB_TOKEN ?? '',
      plainHttpRegistries: plainHttpRegistries(values),
      sealedContract: sealedContractSource(ledgerLocationFromOptions(values, terminal), {
        env: terminal.env,
        baseDir: terminal.cwd,
        downloadsDir: null,
        token: '',
        tokenInput: 'GITHUB_TOKEN',
        warn: (message) => printWarning(terminal, message)
      })
    },
    ledger
  )
  if (values.json) printJson(terminal, report)
  else terminal.out(renderObserveText(report))
  return report.drifted ? 1 : 0
}
