import type { KeyObject } from 'node:crypto'
import {
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE,
  bundleFromJSON,
  ValidationError,
  type Bundle
} from '@sigstore/bundle'
import { ASN1Obj, RFC3161Timestamp, X509Certificate } from '@sigstore/core'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import {
  PolicyError,
  VerificationError,
  Verifier,
  toSignedEntity,
  toTrustMaterial,
  type Signer,
  type VerifierOptions
} from '@sigstore/verify'
import { messageOf, quote, SealError } from '../core/errors.js'
import {
  type IdentityPolicy,
  type SignerIdentity,
  checkIdentity,
  decodeIdentity,
  describeIdentityFailure
} from '../core/signing/identity.js'
import {
  TRUSTED_ROOT_MEDIA_TYPE,
  type TrustedRootJson,
  loadTufTrustedRoot
} from './trusted-root.js'
import { words } from '../core/vocabulary.js'
import { isRecord } from '../core/json-shape.js'

/**
 * Verifies a Sigstore bundle that signs an in-toto statement, with @sigstore/verify against a
 * trusted root (keyless) or public keys (keyed), and says who signed it.
 *
 * What a keyless bundle must prove, by the issuer of its certificate (as `gh attestation
 * verify` decides, cli/cli `verification/sigstore.go`):
 * - always: a certificate chain to a CA of the trusted root, valid at a trusted time, and at
 *   least one trusted timestamp (a timestamp authority's, or a Rekor entry's integrated time
 *   backed by an inclusion promise). A short-lived certificate says nothing without one, so a
 *   bundle whose timestamps are stripped is refused, never checked against the clock;
 * - public-good (issuer organization `sigstore.dev`): also a Rekor entry and an SCT;
 * - GitHub's instance (`GitHub, Inc.`): timestamps only (it has no public log); SCTs, when
 *   present, must still verify;
 * - any other CA (a private instance, the test hosts): an SCT too, and a Rekor entry when
 *   `requireTransparencyLog` asks.
 * A keyed bundle needs the signature to verify with one of the given keys and nothing else
 * (thresholds 0), as `cosign verify-blob-attestation --key … --insecure-ignore-tlog` does.
 * Which of the two a bundle is, is read once, strictly, from the JSON (`signingMaterialOf`).
 */

export interface PublicKeyCandidate {
  /** The hint a bundle names the key by (base64 sha256 of its SPKI); tried first when it matches. */
  readonly hint?: string
  readonly publicKey: KeyObject
}

export interface VerifyOptions {
  /**
   * For a keyless bundle: the trusted_root.json (JSON form), or what loads it (called only
   * when the bundle is keyless); the production default over TUF (network) when absent.
   */
  readonly trustedRoot?: TrustedRootJson | (() => Promise<TrustedRootJson>)
  readonly publicKeys?: readonly PublicKeyCandidate[]
  /** Require a Rekor entry whatever the CA. */
  readonly requireTransparencyLog?: boolean
  /** Checked after the signature verifies; a failure is a SealError listing every broken rule. */
  readonly identity?: IdentityPolicy
}

export type VerifiedSigner =
  | {
      readonly kind: 'certificate'
      readonly identity: SignerIdentity
      /** The earliest verified timestamp: when the certificate's key signed. */
      readonly signedAt: Date
      /** The leaf certificate, PEM. */
      readonly certificate: string
    }
  | { readonly kind: 'key'; readonly hint: string }

export interface VerifiedAttestation {
  /** The signed in-toto statement, parsed. */
  readonly statement: Record<string, unknown> & {
    readonly _type: string
    readonly subject: readonly unknown[]
    readonly predicateType?: string
  }
  readonly payloadType: string
  readonly signer: VerifiedSigner
}

// Not imported from sign-statement.ts: that would load the signing stack into every verify.
const INTOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'
const OID_ORGANIZATION = '2.5.4.10'
const PUBLIC_GOOD_ORGANIZATION = 'sigstore.dev'
const GITHUB_ORGANIZATION = 'GitHub, Inc.'
const EMPTY_ROOT: TrustedRootJson = {
  mediaType: TRUSTED_ROOT_MEDIA_TYPE,
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: []
}
/** Where a keyless bundle's trusted root comes from, for messages. */
const ROOT_INPUTS = `${words().option('trusted-root')}, or ${words().option('tuf-mirrors')} when it comes over TUF`
const STATEMENT_TYPES = ['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1']

const MEDIA_TYPES: ReadonlySet<string> = new Set([
  BUNDLE_V01_MEDIA_TYPE,
  BUNDLE_V02_MEDIA_TYPE,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  BUNDLE_V03_MEDIA_TYPE
])
const KEY_MATERIAL = 'publicKey'
const CERTIFICATE_MATERIALS = ['x509CertificateChain', 'certificate'] as const

/**
 * What a bundle's signature is checked with: a key, or a certificate. Read here, once, from
 * the JSON as given, and strictly. Protobuf's reader takes the first of publicKey,
 * x509CertificateChain and certificate that is set and drops the others, so a keyless
 * bundle with `"publicKey": null` reads as keyless to it and as keyed to a property test,
 * and one with `"publicKey": {}` turns keyed. A bundle that names both kinds (a null names
 * one too: it is not absence), none, or an empty one, or whose media type is no known
 * bundle version, is refused.
 */
export function signingMaterialOf(json: unknown): 'key' | 'certificate' {
  const edited =
    'It was edited or damaged; use the bundle as the seal (or the attestations API) gave it.'
  if (!isRecord(json))
    throw new SealError(
      'malformed',
      'The signature is not a Sigstore bundle: not a JSON object. Give the <name>.sigstore.json the seal ' +
        'wrote, or a bundle from the attestations API.'
    )
  if (typeof json.mediaType !== 'string') {
    throw new SealError(
      'malformed',
      'The signature is not a Sigstore bundle: it has no mediaType. Give the <name>.sigstore.json the seal ' +
        'wrote, or a bundle from the attestations API.'
    )
  }
  if (!MEDIA_TYPES.has(json.mediaType)) {
    throw new SealError(
      'refused',
      `The Sigstore bundle has mediaType ${quote(json.mediaType)}, which is no bundle version this verifier ` +
        `knows (${[...MEDIA_TYPES].map((t) => quote(t)).join(', ')}). ${edited}`
    )
  }
  const material = json.verificationMaterial
  if (!isRecord(material))
    throw new SealError(
      'refused',
      `The Sigstore bundle has no verificationMaterial object, so nothing says who signed it. ${edited}`
    )
  const named = [KEY_MATERIAL, ...CERTIFICATE_MATERIALS].filter((name) =>
    Object.hasOwn(material, name)
  )
  const kinds = new Set(named.map((name) => (name === KEY_MATERIAL ? 'key' : 'certificate')))
  if (kinds.size > 1 || named.length > 1) {
    throw new SealError(
      'refused',
      `The Sigstore bundle's verificationMaterial names ${named.join(' and ')}: a bundle is signed with one ` +
        'key (publicKey) or one certificate (certificate, or x509CertificateChain), ' +
        `never more, and a null names one too. ${edited}`
    )
  }
  const [name] = named
  if (name === undefined)
    throw new SealError(
      'refused',
      `The Sigstore bundle's verificationMaterial has no publicKey, certificate or x509CertificateChain, so ` +
        `nothing says who signed it. ${edited}`
    )
  if (!isRecord(material[name]))
    throw new SealError(
      'refused',
      `The Sigstore bundle's verificationMaterial.${name} is ${JSON.stringify(material[name])}, not an object. ${edited}`
    )
  if (
    name === 'x509CertificateChain' &&
    (json.mediaType === BUNDLE_V03_MEDIA_TYPE || json.mediaType === BUNDLE_V03_LEGACY_MEDIA_TYPE)
  ) {
    throw new SealError(
      'malformed',
      'The Sigstore bundle is a v0.3 bundle with an x509CertificateChain, which v0.3 replaced by one ' +
        `certificate. ${edited}`
    )
  }
  return name === KEY_MATERIAL ? 'key' : 'certificate'
}

function parseBundle(json: unknown): Bundle {
  let bundle: Bundle
  try {
    bundle = bundleFromJSON(json)
  } catch (error) {
    const fields =
      error instanceof ValidationError && error.fields.length > 0
        ? ` (missing or malformed: ${error.fields.join(', ')})`
        : ''
    const detail = messageOf(error)
    throw new SealError(
      'malformed',
      `The signature is not a Sigstore bundle: ${detail}${fields}. Give the <name>.sigstore.json the seal ` +
        'wrote, or a bundle from the attestations API.'
    )
  }
  if (bundle.content.$case !== 'dsseEnvelope') {
    throw new SealError(
      'malformed',
      'The Sigstore bundle signs a blob, not an attestation: it has no DSSE envelope. Give the bundle of an ' +
        'in-toto statement, such as the <name>.sigstore.json the seal wrote.'
    )
  }
  return bundle
}

function parseStatement(bundle: Bundle): VerifiedAttestation['statement'] {
  if (bundle.content.$case !== 'dsseEnvelope') throw new Error('unreachable')
  const { payloadType, payload } = bundle.content.dsseEnvelope
  if (payloadType !== INTOTO_PAYLOAD_TYPE) {
    throw new SealError(
      'malformed',
      `The Sigstore bundle signs a payload of type ${quote(payloadType)}, not an in-toto statement ` +
        `(${quote(INTOTO_PAYLOAD_TYPE)}).`
    )
  }
  let statement: unknown
  try {
    statement = JSON.parse(Buffer.from(payload).toString('utf8'))
  } catch {
    throw new SealError(
      'malformed',
      'The Sigstore bundle verifies, but its payload is not JSON, so it is not an in-toto statement.'
    )
  }
  const s = statement as { _type?: unknown; subject?: unknown } | null
  if (
    typeof s !== 'object' ||
    s === null ||
    typeof s._type !== 'string' ||
    !STATEMENT_TYPES.includes(s._type) ||
    !Array.isArray(s.subject)
  ) {
    throw new SealError(
      'malformed',
      'The Sigstore bundle verifies, but its payload is not an in-toto statement (no "_type" of in-toto ' +
        'Statement v1, or no "subject" list).'
    )
  }
  return statement as VerifiedAttestation['statement']
}

/** The organization (O) of a certificate's issuer name, if it has one. */
function issuerOrganization(certificate: X509Certificate): string | undefined {
  try {
    const name = ASN1Obj.parseBuffer(certificate.issuer as Buffer<ArrayBuffer>)
    for (const rdn of name.subs) {
      for (const attribute of rdn.subs) {
        if (attribute.subs[0]?.toOID() === OID_ORGANIZATION)
          return attribute.subs[1]?.value.toString('utf8')
      }
    }
  } catch {
    // An unreadable name is no known instance: the strictest thresholds apply.
  }
  return undefined
}

function thresholdsFor(certificate: X509Certificate, options: VerifyOptions): VerifierOptions {
  const organization = issuerOrganization(certificate)
  return {
    timestampThreshold: 1,
    tlogThreshold:
      organization === PUBLIC_GOOD_ORGANIZATION || options.requireTransparencyLog === true ? 1 : 0,
    ctlogThreshold: organization === GITHUB_ORGANIZATION ? 0 : 1
  }
}

/** What a verification error means for the user: which check failed and what to do. */
function verificationFailure(
  error: unknown,
  context: { keyed: boolean; hint?: string }
): SealError {
  if (error instanceof PolicyError) return new SealError('refused', `signer: ${error.message}.`)
  if (!(error instanceof VerificationError)) {
    return new SealError(
      'tampered',
      `The Sigstore bundle could not be checked: ${messageOf(error)}. It ` +
        'may be truncated or hand-edited; use the bundle as the seal wrote it.'
    )
  }
  const detail = error.message
  switch (error.code) {
    case 'SIGNATURE_ERROR':
      return new SealError(
        'tampered',
        `signature: the bundle's signature does not match its payload (${detail}): the statement was changed ` +
          `after signing${context.keyed ? ', or it was signed with another key' : ''}. ` +
          'Use the bundle exactly as the seal wrote it.'
      )
    case 'CERTIFICATE_ERROR':
      if (/SCT/.test(detail)) {
        return new SealError(
          'refused',
          'certificate transparency: the signing certificate has no valid signed certificate timestamp from a ' +
            `CT log of the trusted root (${detail}). Check that the trusted root ` +
            `(${ROOT_INPUTS}) holds the CT logs of the instance that signed.`
        )
      }
      return new SealError(
        'refused',
        'certificate chain: the signing certificate does not chain to a certificate authority of the trusted ' +
          `root, or was not valid when it signed (${detail}). ` +
          ('The bundle was signed by another Sigstore instance than the trusted root describes; give the ' +
            `matching trusted root in ${words().option('trusted-root')} (\`gh ` +
            `attestation trusted-root\` writes GitHub's and public-good's), or the TUF ` +
            `repositories that serve it in ${words().option('tuf-mirrors')}.`)
      )
    case 'TIMESTAMP_ERROR':
      return new SealError(
        'refused',
        `timestamp: no trusted timestamp proves when the bundle was signed (${detail}). A keyless signature is ` +
          'accepted only with a timestamp from a timestamp authority or a transparency ' +
          'log entry that the trusted root lists; ' +
          ('a bundle whose timestamps were removed, or made by another instance, is refused. Check the trusted ' +
            `root (${ROOT_INPUTS}), and use the bundle as the seal wrote it.`)
      )
    case 'PUBLIC_KEY_ERROR':
      return new SealError(
        'refused',
        `key not found: the bundle is signed with the key ${quote(context.hint ?? '')}, and no public key ` +
          `given matches it (${detail}). Give the signer's public key in ${words().option('public-key')}.`
      )
    case 'TLOG_ERROR':
    case 'TLOG_BODY_ERROR':
    case 'TLOG_INCLUSION_PROOF_ERROR':
    case 'TLOG_INCLUSION_PROMISE_ERROR':
    case 'TLOG_MISSING_INCLUSION_ERROR':
      return new SealError(
        'refused',
        `transparency log: the bundle's Rekor entry does not verify against the trusted root, or is missing ` +
          `(${detail}). Public-good signatures must be logged in Rekor; check the ` +
          `trusted root (${ROOT_INPUTS}) and use the bundle as the seal wrote it.`
      )
    case 'NOT_IMPLEMENTED_ERROR':
      return new SealError(
        'refused',
        `The Sigstore bundle uses a feature this verifier does not support (${detail}).`
      )
  }
}

/** The earliest verified time among the bundle's timestamps (only verified ones count: the verify already passed). */
function signingTime(bundle: Bundle): Date | undefined {
  const times: number[] = []
  for (const entry of bundle.verificationMaterial.tlogEntries) {
    if (entry.inclusionPromise && entry.integratedTime && entry.integratedTime !== '0')
      times.push(Number(entry.integratedTime) * 1000)
  }
  for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
    times.push(RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp)).signingTime.getTime())
  }
  return times.length === 0 ? undefined : new Date(Math.min(...times))
}

function toPem(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${(der.toString('base64').match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`
}

function trustedRootOf(json: TrustedRootJson): TrustedRoot {
  try {
    return TrustedRoot.fromJSON(json)
  } catch (error) {
    throw new SealError(
      'unrecognized',
      `The trusted root is not a Sigstore trusted_root.json: ${messageOf(error)}. Give the file \`gh attestation trusted-root\` writes.`,
      { cause: error }
    )
  }
}

function verifyKeyed(bundle: Bundle, options: VerifyOptions): VerifiedSigner {
  if (bundle.verificationMaterial.content.$case !== 'publicKey') throw new Error('unreachable')
  const hint = bundle.verificationMaterial.content.publicKey.hint
  const keys = options.publicKeys ?? []
  if (keys.length === 0) {
    throw new SealError(
      'refused',
      `key not found: the bundle is signed with a key (hint ${quote(hint)}), not a Sigstore certificate, and ` +
        `no public key was given. Give the signer's public key in ${words().option('public-key')}.`
    )
  }
  // A matching hint goes first; the others are still tried, as cosign ignores hints.
  const ordered = [...keys.filter((k) => k.hint === hint), ...keys.filter((k) => k.hint !== hint)]
  // Nothing but the key vouches for a keyed bundle: no authority of any root is consulted.
  const root = trustedRootOf(EMPTY_ROOT)
  const entity = toSignedEntity(bundle)
  let last: unknown
  for (const candidate of ordered) {
    const material = toTrustMaterial(root, () => ({
      publicKey: candidate.publicKey,
      validFor: () => true
    }))
    try {
      new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(
        entity
      )
      return { kind: 'key', hint: candidate.hint ?? hint }
    } catch (error) {
      last = error
      if (!(error instanceof VerificationError && error.code === 'SIGNATURE_ERROR')) break
    }
  }
  if (last instanceof VerificationError && last.code === 'SIGNATURE_ERROR') {
    throw new SealError(
      'tampered',
      `signature: the bundle's signature verifies with none of the ${keys.length} public key(s) given (the ` +
        `bundle names key ${quote(hint)}): it was signed with another key, or the ` +
        'statement was changed after signing. ' +
        `Give the signer's public key in ${words().option('public-key')}.`
    )
  }
  throw verificationFailure(last, { keyed: true, hint })
}

async function verifyKeyless(bundle: Bundle, options: VerifyOptions): Promise<VerifiedSigner> {
  const entity = toSignedEntity(bundle)
  if (entity.key.$case !== 'certificate') throw new Error('unreachable')
  const certificate = entity.key.certificate
  const given = options.trustedRoot
  const root = trustedRootOf(
    typeof given === 'function' ? await given() : (given ?? (await loadTufTrustedRoot()))
  )
  let signer: Signer
  try {
    signer = new Verifier(toTrustMaterial(root), thresholdsFor(certificate, options)).verify(entity)
  } catch (error) {
    throw verificationFailure(error, { keyed: false })
  }
  const signedAt = signingTime(bundle)
  if (signedAt === undefined) {
    // The verifier demanded a timestamp; reaching here without one would be a library change.
    throw new SealError(
      'refused',
      'timestamp: the bundle verified without a trusted timestamp, which is never accepted for a keyless signature.'
    )
  }
  const identity = decodeIdentity(
    signer.identity?.subjectAlternativeName,
    (signer.identity?.oids ?? []).map((o) => ({ oid: o.oid?.id ?? [], value: o.value }))
  )
  return { kind: 'certificate', identity, signedAt, certificate: toPem(certificate.root.toDER()) }
}

/**
 * Verifies a bundle (its JSON, as read from a file or the API) and returns the statement it
 * signs and who signed it. Every failure is a SealError naming the check that failed.
 */
export async function verifyAttestation(
  bundleJson: unknown,
  options: VerifyOptions = {}
): Promise<VerifiedAttestation> {
  const material = signingMaterialOf(bundleJson)
  const bundle = parseBundle(bundleJson)
  const keyed = bundle.verificationMaterial.content.$case === 'publicKey'
  // The JSON names one material, so protobuf's reader cannot have chosen another; checked all the same.
  if (keyed !== (material === 'key'))
    throw new Error(
      `unreachable: the bundle reads as ${bundle.verificationMaterial.content.$case}, its JSON as ${material}`
    )
  let signer: VerifiedSigner
  try {
    signer = keyed ? verifyKeyed(bundle, options) : await verifyKeyless(bundle, options)
  } catch (error) {
    if (error instanceof SealError) throw error
    throw verificationFailure(error, { keyed })
  }
  const statement = parseStatement(bundle)
  if (options.identity !== undefined) {
    if (signer.kind !== 'certificate') {
      throw new SealError(
        'refused',
        `signer: the bundle is signed with a key (${quote(signer.hint)}), not by a workflow's Sigstore ` +
          'certificate, so its repository and workflow cannot be checked.'
      )
    }
    const failures = checkIdentity(signer.identity, options.identity)
    if (failures.length > 0)
      throw new SealError(
        'refused',
        `The bundle is signed by someone the policy does not accept:\n${describeIdentityFailure(failures)}`
      )
  }
  const payloadType =
    bundle.content.$case === 'dsseEnvelope' ? bundle.content.dsseEnvelope.payloadType : ''
  return { statement, payloadType, signer }
}
