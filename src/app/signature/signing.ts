// Imported statically: sign: auto asks for a token on every seal, and a process's first
// `await import()` costs about 4 ms. The OIDC client the module needs (@actions/core) is
// still loaded only when the runner offers a token.
import { getOidcToken } from '../../attestation/oidc-token.js'
import { SealError } from '../../core/errors.js'
import type { BuildContext } from '../../core/statement.js'
import { type Env, serverUrlOf } from '../../core/env.js'
import type { SigningSettings } from '../settings/types.js'
import type { Signing } from './types.js'

/**
 * Resolves the signing mode before any work starts, so a missing permission or an
 * unusable key fails the step before anything is sealed. Keyless asks the runner for an
 * OIDC token now: it names the workflow that signs, which the statement records as its
 * builder. The Sigstore clients are loaded only when something is signed.
 */
export async function prepareSigning(settings: SigningSettings, env: Env): Promise<Signing> {
  if (settings.mode === 'none') return { kind: 'none', notice: null }
  if (settings.mode === 'key') {
    if (settings.key === null) throw new Error('unreachable: sign: key without a key')
    const { readSigningKey } = await import('../../core/signing/signing-key.js')
    const key = readSigningKey(settings.key.pem, settings.key.password, settings.key.inputName)
    const { signStatement } = await import('../../attestation/sign-statement.js')
    const { keySigner } = await import('../../attestation/key-signer.js')
    const signer = keySigner(key)
    return {
      kind: 'key',
      jobWorkflowRef: null,
      sign: async (statement) => {
        const bundle = await signStatement(statement, { kind: 'key', signer })
        return {
          json: `${JSON.stringify(bundle, null, 2)}\n`,
          bundle,
          signer: `key:${key.hint}`,
          kind: 'key'
        }
      }
    }
  }
  const token = await getOidcToken()
  if (token.kind === 'unavailable') {
    if (settings.mode === 'keyless')
      throw new SealError(
        'denied',
        `sign: keyless: ${token.reason} Grant "attestations: write" too, or sign with a key (sign: key).`
      )
    return {
      kind: 'none',
      notice:
        `Not signed. ${token.reason} Grant "attestations: write" too, so the signature is stored in the ` +
        `repository's attestations.`
    }
  }
  const { chooseSigstoreInstance, readEventVisibility } =
    await import('../../attestation/sigstore-instance.js')
  const { signStatement } = await import('../../attestation/sign-statement.js')
  const instance = chooseSigstoreInstance({
    visibility:
      token.claims.repository_visibility ?? readEventVisibility(env.GITHUB_EVENT_PATH) ?? null,
    serverUrl: serverUrlOf(env),
    ...settings.endpoints
  })
  const jobWorkflowRef = token.claims.job_workflow_ref ?? null
  const serverUrl = serverUrlOf(env)
  return {
    kind: 'keyless',
    jobWorkflowRef,
    sign: async (statement) => {
      const bundle = await signStatement(statement, {
        kind: 'keyless',
        instance,
        token: token.token
      })
      return {
        json: `${JSON.stringify(bundle, null, 2)}\n`,
        bundle,
        // Fulcio puts the job's workflow in the certificate; the token says which one it is.
        signer: jobWorkflowRef === null ? token.claims.sub : `${serverUrl}/${jobWorkflowRef}`,
        kind: 'keyless'
      }
    }
  }
}

/** The build as the statement records it: a reusable workflow that seals is the builder. */
export function withSigningWorkflow(build: BuildContext, signing: Signing): BuildContext {
  if (build.kind !== 'workflow' || signing.kind !== 'keyless' || signing.jobWorkflowRef === null)
    return build
  return { kind: 'workflow', build: { ...build.build, jobWorkflowRef: signing.jobWorkflowRef } }
}
