import * as fs from 'node:fs'
import * as path from 'node:path'
import { DEFAULT_POLICY_FILE, loadPolicy } from '../app/settings/load-policy.js'
import { SealError } from '../core/errors.js'
import { classifyContracts } from '../core/contract/classify.js'
import type { ContractChange } from '../core/contract/change.js'
import { loadContract } from '../app/contract/load-contract.js'
import { parseCommand, requireValue } from './arguments.js'
import { approveAmendment } from '../app/contract/approve-amendment.js'
import { severityCounts } from '../core/contract/amendment.js'
import { requesterFromEnv } from '../app/settings/runner-environment.js'
import { parseDigest } from '../core/digest.js'
import { DEFAULT_PENDING_TIMEOUT_MS } from '../core/promotion/record.js'
import { LEDGER_HELP, LEDGER_OPTIONS, ledgerFromOptions } from './ledger-options.js'
import { cliCheckpointSigning } from './signing-options.js'
import { type Terminal, printJson } from './terminal.js'

export const CONTRACT_USAGE = `Usage: artifact-seal contract diff <before> <after> [--consumes] [--at TIME] [--json]
       artifact-seal contract approve <digest> --environment ENV --reason TEXT [--from C] [--to C] [--ledger L]
       artifact-seal contract history [--environment ENV] [--json] [--ledger L]

Classifies every change between two versions of a service contract: breaking (a client
of the old contract fails against the new one), dangerous (some may), compatible. Exits
1 when a change is breaking.

  <before>, <after>  a contract file (OpenAPI 2.0/3.0/3.1, JSON Schema, GraphQL SDL,
                     protobuf), a directory of them, or a seal bundle (its directory,
                     or its <name>.contract.json); the files they $ref or import are
                     compared too
  --consumes         read standalone JSON Schemas as what the service consumes (request
                     direction); by default as what it produces (response direction).
                     A seal bundle's manifest says which
  --at TIME          judge x-sunset dates at this time (ISO 8601; default now)
  --json             {"before": {digest, version}, "after": {digest, version},
                     "changes": [{rule, severity, kind, location, message}]}
  -h, --help         show this help

"approve" and "history": see artifact-seal contract approve --help, contract history --help.`

export const CONTRACT_APPROVE_USAGE = `Usage: artifact-seal contract approve <digest> --environment ENV --reason TEXT [--from C] [--to C] [--subject-name NAME] [--policy FILE] [--ledger L]

Records an approval of the breaking contract amendment <digest> makes to an environment:
from the contract it runs to the one <digest> carries. One promotion of that amendment
into the environment under "contract: {breaking: require-approval}" goes through on it.

  --environment ENV   the environment (required)
  --reason TEXT       why the amendment is acceptable, for the record (required)
  --from C            the contract digest the environment runs (default: what its live
                      record names; an approval of another amendment is refused)
  --to C              the contract digest <digest> carries (default: what its records name,
                      such as its promotion to an earlier environment)
  --subject-name NAME the artifact's name (the service whose amendment it is, unless the
                      policy pins one)
  --policy FILE       the promotion policy, for its services (default ${DEFAULT_POLICY_FILE}
                      when that file exists)
${LEDGER_HELP}
  --signing-key FILE  sign the file ledger's checkpoint of its new head with this key
  --json              print the approval recorded as JSON: {"record": {…}}
  -h, --help          show this help`

const approveSpec = {
  name: 'contract approve',
  usage: CONTRACT_APPROVE_USAGE,
  allowPositionals: true,
  options: {
    environment: { type: 'string' },
    reason: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'subject-name': { type: 'string' },
    policy: { type: 'string' },
    json: { type: 'boolean' },
    ...LEDGER_OPTIONS,
    'signing-key': { type: 'string' }
  }
} as const

const spec = {
  name: 'contract diff',
  usage: CONTRACT_USAGE,
  allowPositionals: true,
  options: { json: { type: 'boolean' }, consumes: { type: 'boolean' }, at: { type: 'string' } }
} as const

export async function contractCommand(args: string[], terminal: Terminal): Promise<number> {
  const [sub, ...rest] = args
  if (sub === '--help' || sub === '-h') {
    terminal.out(`${CONTRACT_USAGE}\n`)
    return 0
  }
  if (sub === 'approve') return approveCommand(rest, terminal)
  if (sub === 'history') {
    const { contractHistoryCommand } = await import('./contract-history-command.js')
    return contractHistoryCommand(rest, terminal)
  }
  if (sub !== 'diff')
    throw new SealError(
      'usage',
      `contract: ${sub === undefined ? 'give a subcommand' : `unknown subcommand ${JSON.stringify(sub)}`}.\n\n${CONTRACT_USAGE}`
    )
  const { values, positionals } = parseCommand(spec, rest)
  if (values.help) {
    terminal.out(`${CONTRACT_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 2)
    throw new SealError(
      'usage',
      `contract diff: give the contract before and the contract after.\n\n${CONTRACT_USAGE}`
    )
  const now = values.at === undefined ? new Date() : new Date(values.at)
  if (Number.isNaN(now.getTime()))
    throw new SealError(
      'bad-input',
      `contract diff: --at ${JSON.stringify(values.at)} is not a time. Give an ISO 8601 time such as ` +
        '2026-11-28T00:00:00Z.'
    )
  const role = values.consumes ? 'consumes' : 'produces'
  const before = loadContract(
    path.resolve(terminal.cwd, positionals[0] as string),
    'contract diff <before>',
    { role }
  )
  const after = loadContract(
    path.resolve(terminal.cwd, positionals[1] as string),
    'contract diff <after>',
    { role }
  )
  const changes = await classifyContracts(before, after, { now })
  if (values.json) {
    const side = (c: typeof before) => ({ digest: c.manifest.digest, version: c.manifest.version })
    const json = {
      before: side(before),
      after: side(after),
      changes: changes.map(({ rule, severity, kind, location, message }) => ({
        rule,
        severity,
        kind,
        location,
        message
      }))
    }
    printJson(terminal, json)
  } else {
    terminal.out(renderChanges(before.manifest.version, after.manifest.version, changes))
  }
  return changes.some((c) => c.severity === 'breaking') ? 1 : 0
}

async function approveCommand(args: string[], terminal: Terminal): Promise<number> {
  const { values, positionals } = parseCommand(approveSpec, args)
  if (values.help) {
    terminal.out(`${CONTRACT_APPROVE_USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1)
    throw new SealError(
      'usage',
      'contract approve: give one digest: the artifact whose contract amendment is ' +
        `approved.\n\n${CONTRACT_APPROVE_USAGE}`
    )
  const environment = requireValue('environment', values.environment)
  const reason = requireValue('reason', values.reason)
  if (environment === undefined || reason === undefined)
    throw new SealError(
      'usage',
      `contract approve: --environment and --reason are required.\n\n${CONTRACT_APPROVE_USAGE}`
    )
  const digest = parseDigest(positionals[0] as string, 'contract approve <digest>')
  const from = requireValue('from', values.from)
  const to = requireValue('to', values.to)
  // The policy says which service the amendment is of; the default file is read when it is there.
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
  const record = await approveAmendment(
    {
      digest,
      environment,
      reason,
      ...(from === undefined ? {} : { from: from === 'none' ? null : parseDigest(from, '--from') }),
      ...(to === undefined ? {} : { to: parseDigest(to, '--to') }),
      name: requireValue('subject-name', values['subject-name']) ?? null,
      ...(policy === null ? {} : { policy }),
      requester: requesterFromEnv(terminal.env),
      inputs: {
        from: '--from',
        to: '--to',
        toGives: "the contract digest it carries: the seal's contract-digest output",
        digest: 'contract approve <digest>',
        name: '--subject-name',
        environment: '--environment'
      }
    },
    ledger,
    { pendingTimeoutMs: DEFAULT_PENDING_TIMEOUT_MS }
  )
  if (values.json) {
    printJson(terminal, { record })
    return 0
  }
  terminal.out(
    `APPROVED  the contract amendment ${record.approves?.from ?? 'none'} → ${record.approves?.to} of ${environment}\n` +
      `  for       ${digest}\n  reason    ${reason}\n  by        ${record.actor ?? 'unknown'}\n  recorded  ${ledger.location} #${record.id}\n` +
      `One promotion of this amendment into ${environment} may go through on it.\n`
  )
  return 0
}

/** One line per change, breaking first, grouped by operation; a count at the end. */
function renderChanges(from: string, to: string, changes: readonly ContractChange[]): string {
  if (changes.length === 0) return `No change between contract ${from} and ${to}.\n`
  const lines = [`Contract ${from} → ${to}: ${severityCounts(changes)}`]
  let operation: string | null | undefined
  for (const change of changes) {
    if (change.operation !== operation) {
      operation = change.operation
      lines.push(operation ?? '(schemas and files)')
    }
    const where = `${change.file}${change.position ? `:${change.position}` : ''}`
    lines.push(`  ${change.severity.padEnd(10)} ${change.rule}  ${change.message}  (${where})`)
  }
  return `${lines.join('\n')}\n`
}
