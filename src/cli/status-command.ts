import * as path from 'node:path'
import { PLAIN_HTTP_HELP, PLAIN_HTTP_OPTIONS, plainHttpRegistries } from './registry-options.js'
import { DEFAULT_POLICY_FILE, loadPolicy } from '../app/settings/load-policy.js'
import { pipelineStatus } from '../app/ledger/pipeline-status.js'
import { renderStatusText } from '../report/promotion-text.js'
import { parseCommand, requireValue } from './arguments.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import { type Terminal, printJson } from './terminal.js'

export const STATUS_USAGE = `Usage: artifact-seal status [--policy FILE] [--ledger L] [--json]

What each environment of the promotion policy runs now, since when, and the contract
version its live digest carries (as the record that made it live names it): for each
service the policy names (service, services), else for each one the ledger has records
of in the environment (a column says which, when there are several). Under a policy that
moves an image by tag (image: { tag }), each such tag is read from the registry and shown
beside the live digest: a tag that names another digest moved behind the gate.

  --policy FILE   the promotion policy (default ${DEFAULT_POLICY_FILE})
${LEDGER_HELP}
  --json          print it as JSON
${PLAIN_HTTP_HELP}
  -h, --help      show this help`

const spec = {
  name: 'status',
  usage: STATUS_USAGE,
  allowPositionals: false,
  options: {
    policy: { type: 'string' },
    json: { type: 'boolean' },
    ...LEDGER_OPTIONS,
    ...PLAIN_HTTP_OPTIONS
  }
} as const

export async function statusCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values } = parseCommand(spec, args)
  if (values.help) {
    terminal.out(`${STATUS_USAGE}\n`)
    return 0
  }
  const policy = loadPolicy(
    path.resolve(terminal.cwd, requireValue('policy', values.policy) ?? DEFAULT_POLICY_FILE),
    '--policy',
    terminal.cwd
  )
  const plainHttp = plainHttpRegistries(values)
  let status = await pipelineStatus(policy, await ledgerFromOptions(values, terminal))
  if (policy.environments.some((e) => e.image !== undefined)) {
    // What each environment's image tag names now, beside the ledger's live digest.
    const { withImageTags } = await import('../app/image/image-status.js')
    const { openImageRegistry } = await import('../app/image/open-registry.js')
    status = await withImageTags(
      status,
      policy,
      openImageRegistry(terminal.env, terminal.env.GITHUB_TOKEN ?? '', {
        insecureRegistries: plainHttp
      })
    )
  }
  if (values.json) printJson(terminal, status)
  else terminal.out(`${renderStatusText(status).join('\n')}\n`)
  return status.some((s) => s.error !== null) ? 1 : 0
}
