import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../../core/errors.js'
import type { GetInput, SignerCheckSettings, SigningSettings, SignMode } from './types.js'
import { type PublicKeyMaterial, looksLikePem, readPublicKey } from '../../core/signing/public-key.js'
import { parseTufMirrors } from '../../attestation/tuf-mirrors.js'
import { SignerInput, SigningInput } from './names.js'
import { parseBooleanInput } from './inputs.js'
import type { Env } from '../../core/env.js'

const SIGN_MODES: readonly SignMode[] = ['auto', 'keyless', 'key', 'none']

/**
 * sign, signing-key, signing-key-password and the endpoint overrides, shared by seal and
 * promote. `defaultMode` is what an empty `sign` means: the seal signs when it can (auto);
 * promote signs its records only when asked, so a job that has an OIDC token for another
 * purpose is not made to sign, or to hold attestations: write, on every promotion.
 */
export function readSigningSettings(getInput: GetInput, defaultMode: 'auto' | 'none' = 'auto'): SigningSettings {
  const input = (name: string): string => getInput(name).trim()
  const modeText = input(SigningInput.Sign).toLowerCase()
  if (modeText !== '' && !SIGN_MODES.includes(modeText as SignMode)) {
    throw new SealError('bad-input', 
      `${SigningInput.Sign}: ${quote(getInput(SigningInput.Sign))} is not a signing mode. Use auto (keyless when the job has "id-token: write", else unsigned), ` +
        'keyless (a Sigstore certificate for the workflow), key (signing-key from a secret) or none.'
    )
  }
  // A key's PEM text keeps its line breaks: it is read as given.
  const keyText = getInput(SigningInput.SigningKey)
  const password = getInput(SigningInput.SigningKeyPassword)
  const hasKey = keyText.trim() !== ''
  let mode = (modeText === '' ? defaultMode : modeText) as SignMode
  if (hasKey && (modeText === '' || modeText === 'auto')) mode = 'key'
  if (mode === 'key' && !hasKey) {
    throw new SealError('bad-input', 
      `${SigningInput.SigningKey}: required with "${SigningInput.Sign}: key". Pass the private key's PEM text from a secret, such as "\${{ secrets.SIGNING_KEY }}", ` +
        'or use sign: keyless on GitHub-hosted runners.'
    )
  }
  if (hasKey && mode !== 'key') {
    throw new SealError('bad-input', `${SigningInput.SigningKey}: a key was given but "${SigningInput.Sign}" is ${mode}. Remove ${SigningInput.Sign}, or set it to key, or remove the key.`)
  }
  if (password !== '' && !hasKey) {
    throw new SealError('bad-input', `${SigningInput.SigningKeyPassword}: goes with ${SigningInput.SigningKey}, which is empty. Pass the encrypted key too, or remove the password.`)
  }
  return {
    mode,
    // Opened by prepareSigning, before any work: its cipher for cosign keys loads only then.
    key: hasKey ? { pem: keyText, password: password === '' ? undefined : password, inputName: SigningInput.SigningKey } : null,
    endpoints: {
      fulcioUrl: readUrl(input, SigningInput.FulcioUrl),
      rekorUrl: readUrl(input, SigningInput.RekorUrl),
      tsaUrl: readUrl(input, SigningInput.TsaUrl)
    }
  }
}

function readUrl(input: (name: string) => string, name: string): string | null {
  const text = input(name)
  if (text === '') return null
  const url = URL.canParse(text) ? new URL(text) : null
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new SealError('bad-input', `${name}: ${quote(text)} is not an http(s) URL. Give the service's base URL, such as "https://fulcio.sigstore.dev", or leave it empty for the default.`)
  }
  return text.replace(/\/+$/, '')
}

export function readSignerCheckSettings(getInput: GetInput, env: Env, workspace: string): SignerCheckSettings {
  const input = (name: string): string => getInput(name).trim()
  const repository = input(SignerInput.SignerRepository)
  if (repository !== '' && !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    throw new SealError('bad-input', `${SignerInput.SignerRepository}: ${quote(repository)} is not a repository. Write it as owner/name, such as "acme/shop".`)
  }
  const workflow = input(SignerInput.SignerWorkflow)
  if (workflow !== '' && !/^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/)?\.github\/workflows\/[^@\s]+\.ya?ml(@\S+)?$/.test(workflow)) {
    throw new SealError('bad-input', 
      `${SignerInput.SignerWorkflow}: ${quote(workflow)} is not a workflow file. Give its path, such as ".github/workflows/release.yml", ` +
        'optionally with "@refs/heads/main", or "owner/name/.github/workflows/file.yml@ref" for a reusable workflow in another repository.'
    )
  }
  const sourceRef = input(SignerInput.SourceRef)
  if (sourceRef !== '' && !/^refs\/\S+$/.test(sourceRef)) {
    throw new SealError('bad-input', `${SignerInput.SourceRef}: ${quote(sourceRef)} is not a full ref. Write it as "refs/heads/main" or "refs/tags/v1.2.3".`)
  }
  const issuer = input(SignerInput.CertOidcIssuer)
  if (issuer !== '' && !(URL.canParse(issuer) && new URL(issuer).protocol === 'https:')) {
    throw new SealError('bad-input', `${SignerInput.CertOidcIssuer}: ${quote(issuer)} is not an https URL. Give the OIDC issuer, such as "https://token.actions.githubusercontent.com".`)
  }
  const deny = parseBooleanInput(SignerInput.DenySelfHostedRunners, getInput(SignerInput.DenySelfHostedRunners), false)
  const requireText = input(SignerInput.RequireSignature)
  const trustedRoot = input(SignerInput.TrustedRoot)
  const tufMirrors = parseTufMirrors(getInput(SignerInput.TufMirrors), workspace, SignerInput.TufMirrors)
  if (trustedRoot !== '' && tufMirrors !== null) {
    throw new SealError('bad-input', 
      `${SignerInput.TufMirrors}: given with ${SignerInput.TrustedRoot}, which is a pinned root that nothing is fetched for. Give one: ${SignerInput.TrustedRoot} for a file, or ${SignerInput.TufMirrors} for the TUF repositories to fetch it from.`
    )
  }
  const named = (
    [
      [SignerInput.SignerRepository, repository],
      [SignerInput.SignerWorkflow, workflow],
      [SignerInput.SourceRef, sourceRef],
      [SignerInput.CertOidcIssuer, issuer],
      [SignerInput.DenySelfHostedRunners, deny ? 'true' : ''],
      [SignerInput.PublicKey, input(SignerInput.PublicKey)],
      [SignerInput.TrustedRoot, trustedRoot],
      [SignerInput.TufMirrors, tufMirrors === null ? '' : 'given']
    ] as const
  )
    .filter(([, value]) => value !== '')
    .map(([name]) => name)
  const requireSignature = requireText === '' ? null : parseBooleanInput(SignerInput.RequireSignature, requireText, false)
  if (requireSignature === false && named.length > 0) {
    throw new SealError('bad-input', 
      `${SignerInput.RequireSignature}: false, but ${named.join(', ')} ${named.length === 1 ? 'names' : 'name'} a signer or what to trust, which always requires a signature. ` +
        `Remove ${SignerInput.RequireSignature} to check the signature, or remove ${named.join(', ')} to accept unsigned seals.`
    )
  }
  return {
    repository: repository !== '' ? repository : (env.GITHUB_REPOSITORY ?? null),
    workflow: workflow === '' ? null : workflow,
    sourceRef: sourceRef === '' ? null : sourceRef,
    issuer: issuer === '' ? null : issuer,
    denySelfHostedRunners: deny,
    publicKey: readPublicKeyInput(getInput(SignerInput.PublicKey), workspace),
    trustedRootFile: trustedRoot === '' ? null : path.resolve(workspace, trustedRoot),
    tufMirrors,
    requireSignature,
    named,
    asksForSigner: named.length > 0
  }
}

/**
 * Whether an unsigned seal is refused: whenever the policy (`signed-by`) or an input names
 * a signer, a key or what to trust, on a runner or not: naming one and accepting no
 * signature at all would make the name decorative. Else as `require-signature` says, off by
 * default, so a check of unsigned bytes with nothing named keeps working. `require-signature:
 * false` with something named is refused, as the inputs contradict each other.
 */
export function signatureRequired(settings: SignerCheckSettings, policyAsks: boolean): boolean {
  if (policyAsks && settings.requireSignature === false) {
    throw new SealError('bad-input', 
      `${SignerInput.RequireSignature}: false, but the promotion policy names a signer (signed-by) for this environment, which always requires a signature. ` +
        `Remove ${SignerInput.RequireSignature}, or the environment's signed-by.`
    )
  }
  return policyAsks || settings.asksForSigner || settings.requireSignature === true
}

/** Why a signature is required, naming what was given: as the actions' inputs, or as the CLI's flags. */
export function requirementReason(settings: SignerCheckSettings, policyAsks: boolean, asFlags = false): string {
  const name = (input: string): string => (asFlags ? `--${input === SignerInput.TufMirrors ? 'tuf-mirror' : input}` : input)
  const named = settings.named.map(name)
  if (named.length > 0) return `${named.join(', ')} ${named.length === 1 ? 'names' : 'name'} a signer or what to trust`
  if (policyAsks) return "the promotion policy's signed-by names a signer"
  return `${name(SignerInput.RequireSignature)} asks for one`
}

/** The PEM text itself, or the path of a PEM file relative to the workspace. */
function readPublicKeyInput(value: string, workspace: string): PublicKeyMaterial | null {
  const text = value.trim()
  if (text === '') return null
  if (looksLikePem(text)) return readPublicKey(text, SignerInput.PublicKey)
  const file = path.resolve(workspace, text)
  let pem: string
  try {
    pem = fs.readFileSync(file, 'utf8')
  } catch (error) {
    throw new SealError('bad-input', 
      `${SignerInput.PublicKey}: ${quote(text)} is neither PEM text nor a readable file (${(error as NodeJS.ErrnoException).code ?? String(error)}). ` +
        'Give the public key\'s PEM text ("-----BEGIN PUBLIC KEY-----…") or the path of a .pub / .pem file.'
    , { cause: error })
  }
  return readPublicKey(pem, `${SignerInput.PublicKey} ${quote(text)}`)
}
