import * as path from 'node:path'
import { parseBooleanInput, readPlainHttpRegistries } from '../../app/settings/inputs.js'
import { DEFAULT_FILE_LEDGER, parseLedgerLocation } from '../../app/settings/ledger-location.js'
import { DEFAULT_POLICY_FILE } from '../../app/settings/load-policy.js'
import { ObserveInput } from '../../app/settings/names.js'
import type { GetInput, LedgerLocation } from '../../app/settings/types.js'
import type { Env } from '../../core/env.js'
import { SealError } from '../../core/errors.js'

/** Every input of the observe action, read once and checked. */
export interface ObserveSettings {
  readonly policyFile: string
  readonly ledger: LedgerLocation
  readonly token: string
  /** Only these environments; null for every one the policy says how to observe. */
  readonly environments: readonly string[] | null
  readonly record: boolean
  /** With open-issue: the repository (owner/name) whose issues track drift; null without. */
  readonly issuesOf: string | null
  /** Registries (host[:port]) an image probe reaches over plain HTTP besides loopback ones. */
  readonly plainHttp: readonly string[]
}

export function readObserveSettings(
  getInput: GetInput,
  workspace: string,
  env: Env = {}
): ObserveSettings {
  const input = (name: string): string => getInput(name).trim()
  const ledgerText = input(ObserveInput.Ledger)
  const ledger = parseLedgerLocation(
    ledgerText === ''
      ? env.GITHUB_ACTIONS === 'true'
        ? 'github'
        : `file:${DEFAULT_FILE_LEDGER}`
      : ledgerText,
    ObserveInput.Ledger,
    workspace
  )
  const token = input(ObserveInput.GitHubToken)
  const record = parseBooleanInput(ObserveInput.Record, getInput(ObserveInput.Record), false)
  const openIssue = parseBooleanInput(
    ObserveInput.OpenIssue,
    getInput(ObserveInput.OpenIssue),
    false
  )
  if (token === '' && (ledger.kind === 'github' || openIssue)) {
    throw new SealError(
      'bad-input',
      `${ObserveInput.GitHubToken}: required with ${ledger.kind === 'github' ? `"${ObserveInput.Ledger}: github"` : `"${ObserveInput.OpenIssue}: true"`}. Give "\${{ github.token ` +
        '}}" (the default) and grant the job ' +
        `"permissions: ${[ledger.kind === 'github' ? `deployments: ${record ? 'write' : 'read'}` : null, openIssue ? 'issues: write' : null].filter((p) => p !== null).join(', ')}".`
    )
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  if (openIssue && !/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new SealError(
      'bad-input',
      `${ObserveInput.OpenIssue}: GITHUB_REPOSITORY is ${JSON.stringify(repository)}, not owner/name. Issues ` +
        `are opened in the repository of a GitHub Actions job; leave ${ObserveInput.OpenIssue} out elsewhere.`
    )
  }
  const listed = getInput(ObserveInput.Environments)
    .split(/[\n,]/)
    .map((e) => e.trim())
    .filter((e) => e !== '' && !e.startsWith('#'))
  const policy = input(ObserveInput.Policy)
  return {
    policyFile: path.resolve(workspace, policy === '' ? DEFAULT_POLICY_FILE : policy),
    ledger,
    token,
    environments: listed.length === 0 ? null : [...new Set(listed)],
    record,
    issuesOf: openIssue ? repository : null,
    plainHttp: readPlainHttpRegistries(
      getInput(ObserveInput.PlainHttpRegistries),
      ObserveInput.PlainHttpRegistries
    )
  }
}
