import * as fs from 'node:fs'
import * as path from 'node:path'
import { SealError, quote } from '../core/errors.js'
import type { Signing } from '../app/signature/types.js'
import type { SignerCheckSettings, SigningSettings } from '../app/settings/types.js'
import {
  type SignerFieldNames,
  readSigningSettings,
  signerCheckSettings
} from '../app/settings/signing-settings.js'
import { SigningInput } from '../app/settings/names.js'
import type { Env } from '../core/env.js'

/** The options that say how to sign: seal's statement, promote's record. */
export const SIGNING_OPTIONS = {
  sign: { type: 'string' },
  'signing-key': { type: 'string' }
} as const

export const SIGNING_USAGE = `  --sign MODE        auto (default: --signing-key when given, keyless on a runner that
                     can mint an OIDC token, else unsigned), keyless, key or none
  --signing-key FILE a private key (PEM, or cosign's encrypted key: the password is read
                     from ARTIFACT_SEAL_KEY_PASSWORD or COSIGN_PASSWORD)
  A private Sigstore instance for keyless signing: ARTIFACT_SEAL_FULCIO_URL,
  ARTIFACT_SEAL_REKOR_URL and ARTIFACT_SEAL_TSA_URL in the environment`

/** promote signs its records only when asked: none is its default, not auto. */
export const RECORD_SIGNING_USAGE = `  --sign MODE        none (default: records are not signed), key (with --signing-key,
                     which alone means key too) or keyless (on a runner that can mint
                     an OIDC token)
  --signing-key FILE a private key (PEM, or cosign's encrypted key: the password is read
                     from ARTIFACT_SEAL_KEY_PASSWORD or COSIGN_PASSWORD)
  --fulcio-url, --rekor-url, --tsa-url URL   the Sigstore services for keyless signing`

/** The options that say whose signature is accepted: verify and promote. */
export const SIGNER_OPTIONS = {
  'signer-repository': { type: 'string' },
  'signer-workflow': { type: 'string' },
  'source-ref': { type: 'string' },
  'cert-oidc-issuer': { type: 'string' },
  'deny-self-hosted-runners': { type: 'boolean' },
  'public-key': { type: 'string' },
  'trusted-root': { type: 'string' },
  'tuf-mirror': { type: 'string', multiple: true },
  'require-signature': { type: 'boolean' }
} as const

export const SIGNER_USAGE = `  --public-key FILE          the public key of a key-signed seal (PEM, cosign.pub)
  --trusted-root FILE        a Sigstore trusted_root.json for keyless seals, offline
  --tuf-mirror 'URL ROOT'    a TUF repository to fetch the trusted root from instead of
                             Sigstore's and GitHub's, with the path of its root.json
                             (repeat for several; a private or air-gapped mirror)
  --signer-repository O/R    the repository whose workflow signed (default: this
                             repository on a runner)
  --signer-workflow PATH     .github/workflows/release.yml[@ref]
  --source-ref REF           refs/heads/main, refs/tags/v1.2.3
  --cert-oidc-issuer URL     the OIDC issuer the certificate names
  --deny-self-hosted-runners refuse a seal signed on a self-hosted runner
  --require-signature        refuse an unsigned seal`

type Values = Readonly<Record<string, unknown>>

/** The option values as the actions' inputs, so both read them with the same rules. */
function asInputs(values: Values, names: readonly string[]): (name: string) => string {
  return (name) => {
    if (!names.includes(name)) return ''
    const value = values[name]
    // A repeated option is one input of lines, as the actions' multi-line inputs are.
    if (Array.isArray(value)) return value.join('\n')
    return typeof value === 'string' ? value : value === true ? 'true' : ''
  }
}

export function readCliSigning(values: Values, cwd: string, env: Env): SigningSettings {
  const keyFile = values['signing-key']
  let keyText = ''
  if (typeof keyFile === 'string') {
    try {
      keyText = fs.readFileSync(path.resolve(cwd, keyFile), 'utf8')
    } catch (error) {
      throw new SealError(
        'unreadable',
        `--signing-key: cannot read ${quote(keyFile)} (${(error as NodeJS.ErrnoException).code ?? String(error)}). Give the path of the private key's PEM file.`,
        { cause: error }
      )
    }
  }
  const inputs = asInputs(values, Object.values(SigningInput))
  return readSigningSettings(
    (name) => (name === SigningInput.SigningKey ? keyText : inputs(name)),
    env
  )
}

/** The flags' names for the fields of signed-by, in messages. */
const SIGNER_FLAGS: SignerFieldNames = {
  repository: '--signer-repository',
  workflow: '--signer-workflow',
  ref: '--source-ref',
  issuer: '--cert-oidc-issuer',
  githubHostedOnly: '--deny-self-hosted-runners',
  key: '--public-key',
  trustedRoot: '--trusted-root',
  tufMirrors: '--tuf-mirror'
}

export function readCliSignerCheck(values: Values, cwd: string, env: Env): SignerCheckSettings {
  const text = (flag: string): string => {
    const value = values[flag]
    // A repeated option is one field of lines, as signed-by's multi-line values are.
    if (Array.isArray(value)) return value.join('\n')
    return typeof value === 'string' ? value.trim() : ''
  }
  const require = values['require-signature']
  return signerCheckSettings(
    {
      repository: text('signer-repository'),
      workflow: text('signer-workflow'),
      ref: text('source-ref'),
      issuer: text('cert-oidc-issuer'),
      githubHostedOnly: values['deny-self-hosted-runners'] === true,
      key: text('public-key'),
      trustedRoot: text('trusted-root'),
      tufMirrors: text('tuf-mirror')
    },
    SIGNER_FLAGS,
    env,
    cwd,
    typeof require === 'boolean' ? require : null
  )
}

/** veto and confirm sign only the file ledger's checkpoint, and only with a key given. */
export async function cliCheckpointSigning(
  values: { 'signing-key'?: string | undefined },
  terminal: { cwd: string; env: Env }
): Promise<Signing | undefined> {
  if (values['signing-key'] === undefined) return undefined
  const { prepareSigning } = await import('../app/signature/signing.js')
  return prepareSigning(
    readCliSigning(
      { sign: 'key', 'signing-key': values['signing-key'] },
      terminal.cwd,
      terminal.env
    ),
    terminal.env
  )
}
