import * as path from 'node:path'
import { type Digest, parseDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import type {
  BytesSource,
  GetInput,
  LedgerLocation,
  SignerCheckSettings,
  SigningSettings
} from '../../app/settings/types.js'
import { DEFAULT_FILE_LEDGER, parseLedgerLocation } from '../../app/settings/ledger-location.js'
import { PromoteInput, PromoteOutput, SealInput } from '../../app/settings/names.js'
import { DEFAULT_POLICY_FILE } from '../../app/settings/load-policy.js'
import { parseBooleanInput, readPlainHttpRegistries } from '../../app/settings/inputs.js'
import { misspelledInputs, readBytesSource } from '../../app/settings/bytes-source.js'
import type { WithoutBytes } from '../../app/promote/types.js'
import { readSigningSettings } from '../../app/settings/signing-settings.js'
import { readSignedBy } from '../../app/settings/signed-by.js'
import type { Env } from '../../core/env.js'
import { parseDuration } from '../../core/promotion/duration.js'

/**
 * How the deployment of a promotion is confirmed: by the step's post step when the job
 * succeeds, by a later step (`manual`), or this step confirms an earlier pending record.
 */
export type ConfirmSetting =
  | { readonly kind: 'on-success' }
  | { readonly kind: 'manual' }
  /** `confirm: <record-id>` (it went through) or `confirm: failure:<record-id>` (it did not). */
  | { readonly kind: 'record'; readonly id: string; readonly outcome: 'confirmed' | 'failed' }

/** Every input of the promote action, read once and checked. */
export interface PromoteSettings {
  readonly confirm: ConfirmSetting
  readonly environment: string
  /** Null with `from`: the digest it runs. */
  readonly digest: Digest | 'previous' | null
  /** The environment whose live digest is promoted; null for none. */
  readonly from: string | null
  /** How long to wait for a soak that is not over yet (ms); 0: refuse at once. */
  readonly waitMs: number
  /**
   * Where the bytes to re-verify are: the workspace, a workflow artifact, an image, or what the
   * seal carried (cache, then the ledger's artifact); null for none.
   */
  readonly source: BytesSource | null
  /** With no source: checksums-path alone, the seal bundle whose signature may show the seal is of a digest alone. */
  readonly sealListing: string | null
  /**
   * With no source: whether the step says it carries no bytes (digest-only: true), and the refusal
   * naming what to give otherwise.
   */
  readonly withoutBytes: WithoutBytes
  readonly policyFile: string
  readonly ledger: LedgerLocation
  readonly token: string
  readonly rollback: boolean
  readonly dryRun: boolean
  /** A reason: veto the digest instead of promoting it. */
  readonly veto: string | null
  /** A reason: approve the digest's contract amendment of the environment instead of promoting it. */
  readonly approveAmendment: string | null
  /** subject-name: the service, when the seal's name or the policy does not say. */
  readonly name: string | null
  /** Whose signature on the seal is accepted. */
  readonly signer: SignerCheckSettings
  /** How the record is signed, as a verification summary. */
  readonly signing: SigningSettings
  /** Attach the record's signed verification summary to the image in its registry, as seal's push-to-registry does. */
  readonly pushToRegistry: boolean
  /** Registries (host[:port]) reached over plain HTTP besides loopback ones: the image's, copy-to's, tags shown. */
  readonly plainHttp: readonly string[]
}

export function readPromoteSettings(
  getInput: GetInput,
  env: Env,
  workspace: string
): PromoteSettings {
  const input = (name: string): string => getInput(name).trim()
  const confirm = readConfirm(input)
  const environment = input(PromoteInput.Environment)
  if (confirm.kind === 'record') return confirmSettings(input, getInput, env, workspace, confirm)
  if (environment === '') {
    throw new SealError(
      'bad-input',
      `${PromoteInput.Environment}: required. Give the environment to promote into, as the promotion policy ` +
        'names it, such as "staging".'
    )
  }
  const rollback = parseBooleanInput(PromoteInput.Rollback, getInput(PromoteInput.Rollback), false)
  const vetoReason = input(PromoteInput.Veto)
  const digestText = input(PromoteInput.ExpectedDigest)
  const from = input(PromoteInput.From)
  const waitMs = readWait(input(PromoteInput.Wait))
  if (from !== '' && (vetoReason !== '' || input(PromoteInput.ApproveAmendment) !== '')) {
    throw new SealError(
      'bad-input',
      `${PromoteInput.From}: it says which digest to promote; ${vetoReason !== '' ? PromoteInput.Veto : PromoteInput.ApproveAmendment} promotes nothing. Give ${PromoteInput.ExpectedDigest} instead.`
    )
  }
  let digest: Digest | 'previous' | null
  if (digestText === '' && from !== '') {
    digest = null
  } else if (digestText === '') {
    throw new SealError(
      'bad-input',
      `${PromoteInput.ExpectedDigest}: required. Give the digest the seal step put out, such as "\${{ ` +
        'needs.build.outputs.digest }}"' +
        (rollback
          ? ', or "previous" to roll back to the last good digest.'
          : `, or "${PromoteInput.From}: <environment>" to promote what that environment runs.`)
    )
  } else if (digestText === 'previous') {
    if (!rollback)
      throw new SealError(
        'bad-input',
        `${PromoteInput.ExpectedDigest}: "previous" means a rollback. Add "${PromoteInput.Rollback}: true", or ` +
          'give a digest.'
      )
    digest = 'previous'
  } else {
    digest = parseDigest(digestText, PromoteInput.ExpectedDigest)
  }
  if (vetoReason !== '' && rollback) {
    throw new SealError(
      'bad-input',
      `${PromoteInput.Veto}: a veto marks a digest bad; it cannot be combined with "${PromoteInput.Rollback}: ` +
        'true". Use one or the other.'
    )
  }
  if (vetoReason !== '' && digest === 'previous') {
    throw new SealError(
      'bad-input',
      `${PromoteInput.Veto}: give the digest to veto in ${PromoteInput.ExpectedDigest}, not "previous".`
    )
  }
  const approval = input(PromoteInput.ApproveAmendment)
  if (approval !== '' && (vetoReason !== '' || rollback)) {
    throw new SealError(
      'bad-input',
      `${PromoteInput.ApproveAmendment}: an approval of a contract amendment cannot be combined with ${vetoReason !== '' ? PromoteInput.Veto : `"${PromoteInput.Rollback}: true"`}. Approve in a step of its own.`
    )
  }
  if ((vetoReason !== '' || approval !== '') && digest === null)
    throw new Error('unreachable: from is refused with a veto or an approval')
  if (approval !== '' && digest === 'previous') {
    throw new SealError(
      'bad-input',
      `${PromoteInput.ApproveAmendment}: give the digest whose contract amendment is approved in ${PromoteInput.ExpectedDigest}, not "previous".`
    )
  }
  const { ledger, token } = readLedger(input, env, workspace)
  const given = readBytesSource(getInput, workspace, {
    subjectPath: PromoteInput.SubjectPath,
    checksumsPath: PromoteInput.ChecksumsPath,
    name: PromoteInput.Name,
    runId: PromoteInput.RunId,
    repository: PromoteInput.Repository,
    token: PromoteInput.GitHubToken,
    plainHttp: PromoteInput.PlainHttpRegistries,
    listingAlone: true
  })
  const digestOnly = parseBooleanInput(
    PromoteInput.DigestOnly,
    getInput(PromoteInput.DigestOnly),
    false
  )
  if (digestOnly && given !== null) {
    const where =
      given.kind === 'local' || given.kind === 'image'
        ? PromoteInput.SubjectPath
        : PromoteInput.Name
    throw new SealError(
      'bad-input',
      `${PromoteInput.DigestOnly}: "true" says this promotion carries no bytes, but ${where} says where they ` +
        `are. Remove ${PromoteInput.DigestOnly} to check them, or ${where}.`
    )
  }
  if (digestOnly && (vetoReason !== '' || approval !== '')) {
    throw new SealError(
      'bad-input',
      `${PromoteInput.DigestOnly}: it says how a promotion is checked; ${vetoReason !== '' ? PromoteInput.Veto : PromoteInput.ApproveAmendment} promotes nothing. Remove it.`
    )
  }
  const listing = input(PromoteInput.ChecksumsPath)
  const dryRun = parseBooleanInput(PromoteInput.DryRun, getInput(PromoteInput.DryRun), false)
  // Bytes by default: with no files, artifact or digest-only named, what the seal carried for
  // the digest (its cache entry, else the workflow artifact the ledger names) is fetched and
  // checked; a dry run, a veto and an approval check no bytes, and a listing alone is the seal
  // bundle of a digest alone, whose signature speaks for it.
  const carried =
    given === null &&
    !digestOnly &&
    listing === '' &&
    !dryRun &&
    vetoReason === '' &&
    approval === ''
  if (carried) {
    // An input misspelled would have named the bytes: say so rather than go looking for them elsewhere.
    const misspelled = misspelledInputs(env, BYTES_INPUTS)
    if (misspelled.length > 0)
      throw new SealError(
        'bad-input',
        `This step has ${misspelled.join('; ')} Give the inputs as action.yml names them.`
      )
  }
  // Its messages are labelled after the seal's `cache: true`, which made the entry it looks for.
  const source: BytesSource | null = carried
    ? { kind: 'cache', token, inputName: SealInput.Cache }
    : given
  const policy = input(PromoteInput.Policy)
  const name = input(PromoteInput.SubjectName)
  const signing = readRecordSigning(getInput, ledger, env)
  const pushToRegistry = readPushToRegistry(getInput, source, signing, dryRun)
  return {
    confirm,
    environment,
    digest,
    from: from === '' ? null : from,
    waitMs,
    source,
    sealListing: source === null && listing !== '' ? path.resolve(workspace, listing) : null,
    withoutBytes: { declared: digestOnly, missing: missingBytes(env) },
    policyFile: path.resolve(workspace, policy === '' ? DEFAULT_POLICY_FILE : policy),
    ledger,
    token,
    rollback,
    dryRun,
    veto: vetoReason === '' ? null : vetoReason,
    approveAmendment: approval === '' ? null : approval,
    name: name === '' ? null : name,
    signer: readSignedBy(getInput, env, workspace),
    signing,
    pushToRegistry,
    plainHttp: readPlainHttpRegistries(
      getInput(PromoteInput.PlainHttpRegistries),
      PromoteInput.PlainHttpRegistries
    )
  }
}

/**
 * push-to-registry attaches the promotion's signed record to the image: it needs an image
 * (subject-path: oci://…) and signed records; a dry run records nothing to attach.
 */
function readPushToRegistry(
  getInput: GetInput,
  source: BytesSource | null,
  signing: SigningSettings,
  dryRun: boolean
): boolean {
  const push = parseBooleanInput(
    PromoteInput.PushToRegistry,
    getInput(PromoteInput.PushToRegistry),
    false
  )
  if (!push) return false
  if (source?.kind !== 'image')
    throw new SealError(
      'bad-input',
      `${PromoteInput.PushToRegistry}: "true" attaches the promotion's signed record to an image in its ` +
        `registry, and this promotion is not of an image. Give ${PromoteInput.SubjectPath}: oci://<image>, or ` +
        `remove ${PromoteInput.PushToRegistry}.`
    )
  if (signing.mode === 'none')
    throw new SealError(
      'bad-input',
      `${PromoteInput.PushToRegistry}: "true" attaches the promotion's signed record, and records are not ` +
        `signed. Give ${PromoteInput.SigningKey} or "${PromoteInput.Sign}: keyless", or remove ` +
        `${PromoteInput.PushToRegistry}.`
    )
  return !dryRun
}

/**
 * A record signed with a key is kept beside a file ledger; the attestations API stores
 * certificate-signed bundles, so the github ledger's records are signed keyless.
 */
function readRecordSigning(getInput: GetInput, ledger: LedgerLocation, env: Env): SigningSettings {
  const signing = readSigningSettings(getInput, env, 'none')
  if (signing.mode === 'key' && ledger.kind === 'github') {
    throw new SealError(
      'bad-input',
      `${PromoteInput.SigningKey}: records in the github ledger are signed keyless and stored in the ` +
        `repository's attestations API, which does not take key-signed bundles. ` +
        `Remove ${PromoteInput.SigningKey} and grant "id-token: write" and "attestations: write", or use a file ledger.`
    )
  }
  return signing
}

/** The wait input: a duration, "0" or nothing for none. */
function readWait(text: string): number {
  if (text === '') return 0
  const ms = parseDuration(text)
  if (ms === null) {
    throw new SealError(
      'bad-input',
      `${PromoteInput.Wait}: ${quote(text)} is not a duration. Give how long to wait for a soak that is not ` +
        'over yet, such as "30m", "2h" or "1h30m".'
    )
  }
  return ms
}

const RECORD_ID = /^[1-9][0-9]{0,19}$/

function readConfirm(input: (name: string) => string): ConfirmSetting {
  const text = input(PromoteInput.Confirm)
  if (text === '' || text === 'on-success') return { kind: 'on-success' }
  if (text === 'manual') return { kind: 'manual' }
  const failed = text.startsWith('failure:')
  const id = failed ? text.slice('failure:'.length).trim() : text
  if (!RECORD_ID.test(id)) {
    throw new SealError(
      'bad-input',
      `${PromoteInput.Confirm}: ${quote(text)} is not "on-success", "manual", a record id or "failure:<record id>". ` +
        ('Give "on-success" (the post step confirms the deployment when the job succeeds), "manual" (a later ' +
          'step confirms it), ') +
        `the record-id output of the promote step (its deployment went through) or "failure:" and that id (it did not).`
    )
  }
  return { kind: 'record', id, outcome: failed ? 'failed' : 'confirmed' }
}

/**
 * A step that confirms an earlier pending record needs only the ledger; inputs that promote are
 * refused, not ignored.
 */
function confirmSettings(
  input: (name: string) => string,
  getInput: GetInput,
  env: Env,
  workspace: string,
  confirm: ConfirmSetting
): PromoteSettings {
  const promoting: string[] = [
    PromoteInput.ExpectedDigest,
    PromoteInput.From,
    PromoteInput.Wait,
    PromoteInput.SubjectPath,
    PromoteInput.Name,
    PromoteInput.Veto,
    PromoteInput.ApproveAmendment
  ].filter((name) => input(name) !== '')
  for (const flag of [PromoteInput.Rollback, PromoteInput.DigestOnly, PromoteInput.PushToRegistry])
    if (parseBooleanInput(flag, getInput(flag), false)) promoting.push(flag)
  if (promoting.length > 0) {
    throw new SealError(
      'bad-input',
      `${PromoteInput.Confirm}: a step with a record id confirms that record and promotes nothing, so ${promoting.join(', ')} cannot be given with it. ` +
        `Confirm in a step of its own, with only confirm and the ledger inputs.`
    )
  }
  const { ledger, token } = readLedger(input, env, workspace)
  const name = input(PromoteInput.SubjectName)
  return {
    confirm,
    environment: input(PromoteInput.Environment),
    digest: 'previous',
    from: null,
    waitMs: 0,
    source: null,
    sealListing: null,
    withoutBytes: { declared: false, missing: missingBytes(env) },
    policyFile: path.resolve(workspace, input(PromoteInput.Policy) || DEFAULT_POLICY_FILE),
    ledger,
    token,
    rollback: false,
    dryRun: false,
    veto: null,
    approveAmendment: null,
    name: name === '' ? null : name,
    signer: readSignedBy(getInput, env, workspace),
    signing: readRecordSigning(getInput, ledger, env),
    pushToRegistry: false,
    plainHttp: []
  }
}

/** The inputs that say where the bytes are, or that there are none. */
const BYTES_INPUTS = [
  PromoteInput.SubjectPath,
  PromoteInput.Name,
  PromoteInput.ChecksumsPath,
  PromoteInput.RunId,
  PromoteInput.Repository,
  PromoteInput.DigestOnly
]

/** The refusal of a promotion with no bytes to check: what to give, and inputs misspelled that would have given it. */
function missingBytes(env: Env): string {
  const misspelled = misspelledInputs(env, BYTES_INPUTS)
  return (
    // With nothing named at all, what the seal carried is fetched instead (fetch-bytes.ts says when
    // none was): this is for a listing alone.
    `No bytes to check: none were given, so ${PromoteInput.ExpectedDigest} would be let in with nothing ` +
    `verified, and the ${PromoteOutput.Path} output empty. ` +
    (`Give ${PromoteInput.SubjectPath} (the files in the workspace) or ${PromoteInput.Name} (the seal step's ` +
      'workflow artifact, with run-id for another run). ') +
    (misspelled.length > 0 ? `This step has ${misspelled.join('; ')} ` : '') +
    ('A seal of a digest alone (subject-digest, such as an image) needs none when its signature shows it: name ' +
      `its signer (${PromoteInput.SignedBy}, or a signed-by rule in the policy) `) +
    (`or give ${PromoteInput.ChecksumsPath} with its seal bundle's listing. To promote with nothing checked, ` +
      `say so: "${PromoteInput.DigestOnly}: true".`)
  )
}

function readLedger(
  input: (name: string) => string,
  env: Env,
  workspace: string
): { ledger: LedgerLocation; token: string } {
  const ledgerText = input(PromoteInput.Ledger)
  const ledger = parseLedgerLocation(
    ledgerText === ''
      ? env.GITHUB_ACTIONS === 'true'
        ? 'github'
        : `file:${DEFAULT_FILE_LEDGER}`
      : ledgerText,
    PromoteInput.Ledger,
    workspace
  )
  const token = input(PromoteInput.GitHubToken)
  if (ledger.kind === 'github' && token === '') {
    throw new SealError(
      'bad-input',
      `${PromoteInput.GitHubToken}: required with "${PromoteInput.Ledger}: github". Give "\${{ github.token ` +
        '}}" (the default) and grant the job "permissions: deployments: write".'
    )
  }
  return { ledger, token }
}
