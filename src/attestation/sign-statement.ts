import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle'
import {
  DSSEBundleBuilder,
  FulcioSigner,
  InternalError,
  RekorWitness,
  TSAWitness,
  type Signer,
  type Witness
} from '@sigstore/sign'
import { SealError, quote } from '../core/errors.js'
import { DEFAULT_POLICY, sigstoreFetchOptions } from '../http/retry-policy.js'
import type { SigstoreInstance } from './sigstore-instance.js'

/**
 * Signs an in-toto statement into a Sigstore bundle v0.3: a DSSE envelope (payload type
 * `application/vnd.in-toto+json`, PAE signing) with either a Fulcio certificate for the
 * job's OIDC token plus the instance's witness (a Rekor entry or an RFC 3161 timestamp), or
 * a user's key named by its hint and no witness at all (nothing leaves the machine).
 * Fulcio, the timestamp authority and Rekor are called with the HTTP layer's policy: its
 * timeout per attempt, its attempts and its backoff with jitter.
 */

export const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'

export interface KeylessSigning {
  readonly kind: 'keyless'
  readonly instance: SigstoreInstance
  /** The job's OIDC token for audience `sigstore`. */
  readonly token: string
  /** Per attempt; the HTTP policy's by default. */
  readonly timeoutMs?: number
  /**
   * Retries after the first attempt, per request (5xx, 408, 429 and connection errors); the HTTP
   * policy's by default.
   */
  readonly retries?: number
}

export interface KeyedSigning {
  readonly kind: 'key'
  /** Signs the PAE bytes and names its public key (`$case: 'publicKey'`, with a hint). */
  readonly signer: Signer
}

function witnessesOf(
  instance: SigstoreInstance,
  fetch: ReturnType<typeof sigstoreFetchOptions>
): Witness[] {
  const witnesses: Witness[] = []
  if (instance.rekorUrl !== undefined)
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: instance.rekorUrl,
        entryType: 'dsse',
        fetchOnConflict: true,
        ...fetch
      })
    )
  if (instance.tsaUrl !== undefined)
    witnesses.push(new TSAWitness({ tsaBaseURL: instance.tsaUrl, ...fetch }))
  return witnesses
}

/** Why a request to a Sigstore service failed, from @sigstore/sign's error and its cause. */
function causeOf(error: InternalError): string {
  const cause = error.cause as { message?: unknown; code?: unknown } | undefined
  const detail = typeof cause?.message === 'string' ? cause.message : error.message
  return detail.replace(/\s+/g, ' ').trim()
}

function signingError(error: unknown, signing: KeylessSigning | KeyedSigning): Error {
  if (!(error instanceof InternalError))
    return error instanceof Error ? error : new Error(String(error))
  if (signing.kind === 'key')
    return new SealError(
      'bad-input',
      `Signing the statement with the key failed: ${causeOf(error)}. Check that signing-key is a private key ` +
        'of a supported type (ECDSA P-256, P-384 or P-521, Ed25519, RSA 2048–4096).'
    )
  const { instance } = signing
  switch (error.code) {
    case 'CA_CREATE_SIGNING_CERTIFICATE_ERROR':
      return new SealError(
        'unavailable',
        `Fulcio at ${quote(instance.fulcioUrl)} did not issue a signing certificate: ${causeOf(error)}. ` +
          ('Check that the job can reach it (ARTIFACT_SEAL_FULCIO_URL overrides the address) and that its OIDC ' +
            'token is one Fulcio accepts; re-run the job if the service was unavailable, ' +
            'or sign with a key instead.')
      )
    case 'TSA_CREATE_TIMESTAMP_ERROR':
      return new SealError(
        'unavailable',
        `The timestamp authority at ${quote(instance.tsaUrl ?? '')} did not timestamp the signature: ${causeOf(error)}. ` +
          ('Check that the job can reach it (ARTIFACT_SEAL_TSA_URL overrides the address); re-run the job if ' +
            'the service was unavailable. Without a trusted timestamp a keyless ' +
            'signature cannot be verified.')
      )
    case 'TLOG_CREATE_ENTRY_ERROR':
    case 'TLOG_FETCH_ENTRY_ERROR':
      return new SealError(
        'unavailable',
        `The Rekor transparency log at ${quote(instance.rekorUrl ?? '')} did not record the signature: ${causeOf(error)}. ` +
          ('Check that the job can reach it (ARTIFACT_SEAL_REKOR_URL overrides the address); re-run the job if ' +
            'the service was unavailable.')
      )
    case 'IDENTITY_TOKEN_READ_ERROR':
    case 'IDENTITY_TOKEN_PARSE_ERROR':
      return new SealError(
        'denied',
        `The job's OIDC token could not be used for keyless signing: ${causeOf(error)}. Check that the job has ` +
          '"permissions: id-token: write".'
      )
  }
}

/**
 * The statement as a serialized bundle (`bundleToJSON`), ready to write as `<name>.sigstore.json`
 * or POST to the attestations API.
 */
export async function signStatement(
  statement: object,
  signing: KeylessSigning | KeyedSigning
): Promise<SerializedBundle> {
  let builder: DSSEBundleBuilder
  if (signing.kind === 'keyless') {
    const fetch = sigstoreFetchOptions({
      ...DEFAULT_POLICY,
      ...(signing.timeoutMs === undefined ? {} : { timeoutMs: signing.timeoutMs }),
      ...(signing.retries === undefined ? {} : { attempts: signing.retries + 1 })
    })
    const witnesses = witnessesOf(signing.instance, fetch)
    if (witnesses.length === 0) {
      throw new SealError(
        'bad-input',
        `Keyless signing with Fulcio at ${quote(signing.instance.fulcioUrl)} needs a Rekor log ` +
          '(ARTIFACT_SEAL_REKOR_URL) or a timestamp authority (ARTIFACT_SEAL_TSA_URL): ' +
          'without either the short-lived certificate cannot be checked later.'
      )
    }
    const token = signing.token
    const signer = new FulcioSigner({
      fulcioBaseURL: signing.instance.fulcioUrl,
      identityProvider: { getToken: () => Promise.resolve(token) },
      ...fetch
    })
    builder = new DSSEBundleBuilder({ signer, witnesses })
  } else {
    builder = new DSSEBundleBuilder({ signer: signing.signer, witnesses: [] })
  }
  try {
    const bundle = await builder.create({
      data: Buffer.from(JSON.stringify(statement)),
      type: INTOTO_PAYLOAD_TYPE
    })
    return bundleToJSON(bundle)
  } catch (error) {
    throw signingError(error, signing)
  }
}
