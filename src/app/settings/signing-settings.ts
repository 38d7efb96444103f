import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import type { GetInput, SignerCheckSettings, SigningSettings, SignMode } from './types.js'
import {
  type PublicKeyMaterial,
  looksLikePem,
  readPublicKey
} from '../../core/signing/public-key.js'
import { parseTufMirrors } from '../../attestation/tuf-mirrors.js'
import { SigningEnv, SigningInput } from './names.js'
import type { Env } from '../../core/env.js'

const SIGN_MODES: readonly SignMode[] = ['auto', 'keyless', 'key', 'none']

/**
 * sign and signing-key, shared by seal and promote, with the key's password and the
 * endpoints of a private Sigstore instance from the environment. `defaultMode` is what an
 * empty `sign` means: the seal signs when it can (auto); promote signs its records only when
 * asked, so a job that has an OIDC token for another purpose is not made to sign, or to hold
 * attestations: write, on every promotion.
 */
export function readSigningSettings(
  getInput: GetInput,
  env: Env,
  defaultMode: 'auto' | 'none' = 'auto'
): SigningSettings {
  const modeText = getInput(SigningInput.Sign).trim().toLowerCase()
  if (modeText !== '' && !SIGN_MODES.includes(modeText as SignMode)) {
    throw new SealError(
      'bad-input',
      `${SigningInput.Sign}: ${quote(getInput(SigningInput.Sign))} is not a signing mode. Use auto (keyless ` +
        'when the job has "id-token: write", else unsigned), ' +
        `keyless (a Sigstore certificate for the workflow) or none; a ${SigningInput.SigningKey} signs with that key.`
    )
  }
  // A key's PEM text keeps its line breaks: it is read as given.
  const keyText = getInput(SigningInput.SigningKey)
  const hasKey = keyText.trim() !== ''
  let mode = (modeText === '' ? defaultMode : modeText) as SignMode
  if (hasKey && (modeText === '' || modeText === 'auto')) mode = 'key'
  if (mode === 'key' && !hasKey) {
    throw new SealError(
      'bad-input',
      `${SigningInput.SigningKey}: required with "${SigningInput.Sign}: key". Pass the private key's PEM text ` +
        `from a secret, such as "\${{ secrets.SIGNING_KEY }}", ` +
        'or use sign: keyless on GitHub-hosted runners.'
    )
  }
  if (hasKey && mode !== 'key') {
    throw new SealError(
      'bad-input',
      `${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or remove the key.`
    )
  }
  // A password in the environment is read only for a key: COSIGN_PASSWORD may be set job-wide for other tools.
  const password = env[SigningEnv.KeyPassword] || env[SigningEnv.CosignPassword] || ''
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey
      ? {
          pem: keyText,
          password: password === '' ? undefined : password,
          inputName: SigningInput.SigningKey
        }
      : null,
    endpoints: {
      fulcioUrl: readUrl(env, SigningEnv.FulcioUrl),
      rekorUrl: readUrl(env, SigningEnv.RekorUrl),
      tsaUrl: readUrl(env, SigningEnv.TsaUrl)
    }
  }
}

function readUrl(env: Env, name: string): string | null {
  const text = (env[name] ?? '').trim()
  if (text === '') return null
  const url = URL.canParse(text) ? new URL(text) : null
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SealError(
      'bad-input',
      `${name}: ${quote(text)} is not an http(s) URL. Set the service's base URL, such as ` +
        '"https://fulcio.sigstore.dev", or unset it for the default.'
    )
  }
  return text.replace(/\/+$/, '')
}

/** Whose signature is accepted, as the signed-by input or the CLI's flags give it: text as given, empty when absent. */
export interface SignerFields {
  readonly repository: string
  readonly workflow: string
  readonly ref: string
  readonly issuer: string
  readonly githubHostedOnly: boolean
  readonly key: string
  readonly trustedRoot: string
  /** One TUF repository a line. */
  readonly tufMirrors: string
}

/** How each field is named to the user: signed-by's keys on a runner, flags in a terminal. */
export type SignerFieldNames = Readonly<Record<keyof SignerFields, string>>

/**
 * Whose signature verify and promote accept. Naming anything makes a signature required. A
 * key with no repository or workflow accepts that key's signatures only: a keyless bundle
 * from any workflow of the repository would otherwise pass a check that names one key.
 * Without anything named, a signature found is checked against the job's repository.
 */
export function signerCheckSettings(
  fields: SignerFields,
  names: SignerFieldNames,
  env: Env,
  workspace: string,
  requireSignature: boolean | null = null
): SignerCheckSettings {
  const { repository, workflow, ref, issuer, trustedRoot } = fields
  if (repository !== '' && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError(
      'bad-input',
      `${names.repository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`
    )
  }
  if (
    workflow !== '' &&
    !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(
      workflow
    )
  ) {
    throw new SealError(
      'bad-input',
      `${names.workflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ` +
        '".github/workflows/release.yml", ' +
        ('optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable ' +
          'workflow in another repository.')
    )
  }
  if (ref !== '' && !/^refs\/\S+$/.test(ref)) {
    throw new SealError(
      'bad-input',
      `${names.ref}: ${quote(ref)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`
    )
  }
  if (issuer !== '' && !(URL.canParse(issuer) && new URL(issuer).protocol === 'https:')) {
    throw new SealError(
      'bad-input',
      `${names.issuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as ` +
        '"https://token.actions.githubusercontent.com".'
    )
  }
  const tufMirrors = parseTufMirrors(fields.tufMirrors, workspace, names.tufMirrors)
  if (trustedRoot !== '' && tufMirrors !== null) {
    throw new SealError(
      'bad-input',
      `${names.tufMirrors}: given with ${names.trustedRoot}, which is a pinned root that nothing is fetched ` +
        `for. Give one: ${names.trustedRoot} for a file, or ${names.tufMirrors} for ` +
        'the TUF repositories to fetch it from.'
    )
  }
  const given: Record<keyof SignerFields, boolean> = {
    repository: repository !== '',
    workflow: workflow !== '',
    ref: ref !== '',
    issuer: issuer !== '',
    githubHostedOnly: fields.githubHostedOnly,
    key: fields.key.trim() !== '',
    trustedRoot: trustedRoot !== '',
    tufMirrors: tufMirrors !== null
  }
  const named = (Object.keys(given) as (keyof SignerFields)[])
    .filter((field) => given[field])
    .map((field) => names[field])
  if (requireSignature === false && named.length > 0) {
    throw new SealError(
      'bad-input',
      `--require-signature=false, but ${named.join(', ')} ${named.length === 1 ? 'names' : 'name'} a signer or ` +
        'what to trust, which always requires a signature. ' +
        `Remove it to check the signature, or remove ${named.join(', ')} to accept unsigned seals.`
    )
  }
  const keyOnly = given.key && !given.repository && !given.workflow
  return {
    repository: repository !== '' ? repository : keyOnly ? null : (env.GITHUB_REPOSITORY ?? null),
    workflow: workflow === '' ? null : workflow,
    sourceRef: ref === '' ? null : ref,
    issuer: issuer === '' ? null : issuer,
    denySelfHostedRunners: fields.githubHostedOnly,
    publicKey: readPublicKeyText(fields.key, workspace, names.key),
    trustedRootFile: trustedRoot === '' ? null : path.resolve(workspace, trustedRoot),
    tufMirrors,
    requireSignature,
    named,
    asksForSigner: named.length > 0
  }
}

/**
 * Whether an unsigned seal is refused: whenever the policy (`signed-by`) or the step names a
 * signer, a key or what to trust, on a runner or not: naming one and accepting no signature at
 * all would make the name decorative. Else only when the CLI's --require-signature asks.
 */
export function signatureRequired(settings: SignerCheckSettings, policyAsks: boolean): boolean {
  if (policyAsks && settings.requireSignature === false) {
    throw new SealError(
      'bad-input',
      '--require-signature=false, but the promotion policy names a signer (signed-by) for this environment, ' +
        "which always requires a signature. Remove it, or the environment's " +
        'signed-by.'
    )
  }
  return policyAsks || settings.asksForSigner || settings.requireSignature === true
}

/** Why a signature is required, naming what was given. */
export function requirementReason(settings: SignerCheckSettings, policyAsks: boolean): string {
  const named = settings.named
  if (named.length > 0)
    return `${named.join(', ')} ${named.length === 1 ? 'names' : 'name'} a signer or what to trust`
  if (policyAsks) return "the promotion policy's signed-by names a signer"
  return '--require-signature asks for one'
}

/** The PEM text itself, or the path of a PEM file relative to the workspace. */
function readPublicKeyText(
  value: string,
  workspace: string,
  name: string
): PublicKeyMaterial | null {
  const text = value.trim()
  if (text === '') return null
  if (looksLikePem(text)) return readPublicKey(text, name)
  const file = path.resolve(workspace, text)
  let pem: string
  try {
    pem = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new SealError(
      'bad-input',
      `${name}: ${quote(text)} is neither PEM text nor a readable file (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'Give the public key\'s PEM text ("-----BEGIN PUBLIC KEY-----…") or the path of a .pub / .pem file.',
      { cause: error }
    )
  }
  return readPublicKey(pem, `${name} ${quote(text)}`)
}
