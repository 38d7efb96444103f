import * as path from 'node:path'
import { DEFAULT_POLICY_FILE, loadPolicy } from '../app/settings/load-policy.js'
import { SealError, isSealError } from '../core/errors.js'
import type { PromotionPolicy } from '../core/promotion/policy.js'
import { formatCount } from '../report/format.js'
import { plain } from '../report/paint.js'
import { parseCommand } from './arguments.js'
import { type Terminal, printJson } from './terminal.js'

export const POLICY_USAGE = `Usage: artifact-seal policy validate [file] [--json]

Reads a promotion policy as promote reads it and names every mistake with its file, line
and column ("file:line:col: …"). Exits 1 when the policy has mistakes, 2 when the file
cannot be read. Editors check the policy as it is written with the JSON Schema
schemas/promotion.schema.json; put this line at the top of the file:
  # yaml-language-server: $schema=https://raw.githubusercontent.com/OWNER/artifact-seal/v1/schemas/promotion.schema.json

  [file]      the policy (default ${DEFAULT_POLICY_FILE})
  --json      {"valid": true, "file", "environments": [names], "services"} or
              {"valid": false, "file", "problems": [{file, line, column, message}]}
  -h, --help  show this help`

const spec = {
  name: 'policy validate',
  usage: POLICY_USAGE,
  allowPositionals: true,
  options: { json: { type: 'boolean' } }
} as const

export async function policyCommand(args: string[], terminal: Terminal): Promise<number> {
  const [sub, ...rest] = args
  if (sub === '--help' || sub === '-h') {
    terminal.out(`${POLICY_USAGE}\n`)
    return 0
  }
  if (sub !== 'validate')
    throw new SealError(
      'usage',
      `policy: ${sub === undefined ? 'give a subcommand' : `unknown subcommand ${JSON.stringify(sub)}`}.\n\n${POLICY_USAGE}`
    )
  const { values, positionals } = parseCommand(spec, rest)
  if (values.help) {
    terminal.out(`${POLICY_USAGE}\n`)
    return 0
  }
  if (positionals.length > 1)
    throw new SealError(
      'usage',
      `policy validate: give one policy file, or none for ${DEFAULT_POLICY_FILE}.\n\n${POLICY_USAGE}`
    )
  const file = path.resolve(terminal.cwd, positionals[0] ?? DEFAULT_POLICY_FILE)
  const shown = path.relative(terminal.cwd, file) || file
  const paint = terminal.paint ?? plain
  let policy: PromotionPolicy
  try {
    policy = loadPolicy(file, 'policy validate [file]', terminal.cwd)
  } catch (error) {
    // Mistakes in the policy are the answer this command gives; a file it cannot read is not.
    if (!isSealError(error, 'malformed')) throw error
    if (values.json)
      printJson(terminal, { valid: false, file: shown, problems: error.details.problems ?? [] })
    else terminal.out(`${paint('bad', 'INVALID')}: ${error.message}\n`)
    return 1
  }
  const names = policy.environments.map((e) => e.name)
  if (values.json) {
    printJson(terminal, {
      valid: true,
      file: shown,
      environments: names,
      services: policy.services ?? (policy.service ? [policy.service] : null)
    })
  } else {
    terminal.out(
      `${paint('good', 'Valid')}: ${shown}: ${formatCount(names.length, 'environment')} (${names.join(', ')})\n`
    )
  }
  return 0
}
