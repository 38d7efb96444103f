import * as path from 'node:path'
import { type Digest, parseDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type { BytesSource } from '../../app/fetch-bytes.js'
import { DEFAULT_FILE_LEDGER, type LedgerLocation, parseLedgerLocation } from '../../app/ledger-location.js'
import { PromoteInput } from '../constants.js'
import { type GetInput, parseBooleanInput } from '../seal/settings.js'
import { readBytesSource } from '../bytes-source-input.js'

export const DEFAULT_POLICY = '.github/promotion.yml'

/** Every input of the promote action, read once and checked. */
export interface PromoteSettings {
  readonly environment: string
  readonly digest: Digest | 'previous'
  /** Where the bytes to re-verify are: the workspace, a workflow artifact or the cache; null for none. */
  readonly source: BytesSource | null
  readonly policyFile: string
  readonly ledger: LedgerLocation
  readonly token: string
  readonly environmentUrl: string | null
  readonly rollback: boolean
  readonly dryRun: boolean
  /** A reason: veto the digest instead of promoting it. */
  readonly veto: string | null
  readonly name: string | null
  readonly summary: boolean
}

type Env = Readonly<Record<string, string | undefined>>

export function readPromoteSettings(getInput: GetInput, env: Env, workspace: string): PromoteSettings {
  const input = (name: string): string => getInput(name).trim()
  const environment = input(PromoteInput.Environment)
  if (environment === '') {
    throw new SealError(`${PromoteInput.Environment}: required. Give the environment to promote into, as the promotion policy names it, such as "staging".`)
  }
  const rollback = parseBooleanInput(PromoteInput.Rollback, getInput(PromoteInput.Rollback), false)
  const vetoReason = input(PromoteInput.Veto)
  const digestText = input(PromoteInput.ExpectedDigest)
  let digest: Digest | 'previous'
  if (digestText === '') {
    throw new SealError(
      `${PromoteInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ needs.build.outputs.digest }}"` +
        (rollback ? ', or "previous" to roll back to the last good digest.' : '.')
    )
  } else if (digestText === 'previous') {
    if (!rollback) throw new SealError(`${PromoteInput.ExpectedDigest}: "previous" means a rollback. Add "${PromoteInput.Rollback}: true", or give a digest.`)
    digest = 'previous'
  } else {
    digest = parseDigest(digestText, PromoteInput.ExpectedDigest)
  }
  if (vetoReason !== '' && rollback) {
    throw new SealError(`${PromoteInput.Veto}: a veto marks a digest bad; it cannot be combined with "${PromoteInput.Rollback}: true". Use one or the other.`)
  }
  if (vetoReason !== '' && digest === 'previous') {
    throw new SealError(`${PromoteInput.Veto}: give the digest to veto in ${PromoteInput.ExpectedDigest}, not "previous".`)
  }

  const ledgerText = input(PromoteInput.Ledger)
  const ledger = parseLedgerLocation(ledgerText === '' ? (env.GITHUB_ACTIONS === 'true' ? 'github' : `file:${DEFAULT_FILE_LEDGER}`) : ledgerText, PromoteInput.Ledger, workspace)
  const token = input(PromoteInput.GitHubToken)
  if (ledger.kind === 'github' && token === '') {
    throw new SealError(
      `${PromoteInput.GitHubToken}: required with "${PromoteInput.Ledger}: github". Give "\${{ github.token }}" (the default) and grant the job "permissions: deployments: write".`
    )
  }
  const environmentUrl = input(PromoteInput.EnvironmentUrl)
  if (environmentUrl !== '' && !URL.canParse(environmentUrl)) {
    throw new SealError(`${PromoteInput.EnvironmentUrl}: ${quote(environmentUrl)} is not a URL. Give the address where the environment can be reached, such as "https://staging.example.com".`)
  }
  const source = readBytesSource(getInput, workspace, {
    subjectPath: PromoteInput.SubjectPath,
    root: PromoteInput.Root,
    checksumsPath: PromoteInput.ChecksumsPath,
    artifactName: PromoteInput.ArtifactName,
    runId: PromoteInput.RunId,
    token: PromoteInput.GitHubToken,
    cache: PromoteInput.Cache
  })
  const policy = input(PromoteInput.Policy)
  const name = input(PromoteInput.Name)
  return {
    environment,
    digest,
    source,
    policyFile: path.resolve(workspace, policy === '' ? DEFAULT_POLICY : policy),
    ledger,
    token,
    environmentUrl: environmentUrl === '' ? null : environmentUrl,
    rollback,
    dryRun: parseBooleanInput(PromoteInput.DryRun, getInput(PromoteInput.DryRun), false),
    veto: vetoReason === '' ? null : vetoReason,
    name: name === '' ? null : name,
    summary: parseBooleanInput(PromoteInput.Summary, getInput(PromoteInput.Summary), true)
  }
}
