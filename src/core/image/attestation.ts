import { type Digest, digestFromHex, hexOf } from '../digest.js'
import { SealError, quote } from '../errors.js'
import { type Descriptor, type ManifestBytes, readManifest, sha256Digest } from './manifest.js'
import { OCI_EMPTY, OCI_MANIFEST, SIGSTORE_BUNDLE_PREFIX } from './media-types.js'

/**
 * A signed statement attached to an image as an OCI 1.1 artifact, in exactly the layout
 * actions/attest (through @sigstore/oci) and cosign v3 write, so `gh attestation verify
 * --bundle-from-oci`, `cosign verify-attestation` and admission controllers find it: an
 * image manifest whose artifactType and only layer are the bundle's own media type, whose
 * config is the empty descriptor, whose subject is the image, with the creation time, the
 * bundle content and the predicate type as annotations. Keys are written in the order
 * @sigstore/oci writes them, so the same inputs give the same bytes (and digest).
 */

export const EMPTY_CONFIG = Buffer.from('{}')
export const EMPTY_CONFIG_DIGEST: Digest =
  'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'

export const CREATED_ANNOTATION = 'org.opencontainers.image.created'
export const BUNDLE_CONTENT_ANNOTATION = 'dev.sigstore.bundle.content'
export const BUNDLE_PREDICATE_TYPE_ANNOTATION = 'dev.sigstore.bundle.predicateType'

/** A blob the artifact manifest names, with its bytes. */
export interface ArtifactBlob {
  readonly descriptor: Descriptor
  readonly bytes: Buffer
}

export interface AttestationArtifact {
  /** The artifact manifest, pushed by digest. */
  readonly manifest: ManifestBytes
  /** The empty config, then the bundle. */
  readonly blobs: readonly ArtifactBlob[]
  /** Its entry in a referrers index: descriptor, artifactType and annotations. */
  readonly entry: Descriptor
}

/** What a bundle says about itself, read from its JSON. */
export interface BundleFacts {
  readonly mediaType: string
  readonly content: 'dsse-envelope' | 'message-signature'
  /** The in-toto statement's predicate type; null for a message signature. */
  readonly predicateType: string | null
  /** The sha256 hex of every subject of the signed statement. */
  readonly subjectDigests: readonly string[]
}

/** Reads the facts the layout needs from a Sigstore bundle; `where` names it for messages. */
export function bundleFacts(bundle: Buffer, where: string): BundleFacts {
  const bad = (why: string): never => {
    throw new SealError(
      'malformed',
      `${where}: ${why}. Give the Sigstore bundle (the .sigstore.json a signed seal writes) unchanged.`
    )
  }
  let json: unknown
  try {
    json = JSON.parse(bundle.toString('utf8'))
  } catch {
    return bad('it is not JSON')
  }
  if (typeof json !== 'object' || json === null) return bad('it is not a JSON object')
  const b = json as Record<string, unknown>
  if (typeof b.mediaType !== 'string' || !b.mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)) {
    return bad(`its mediaType ${quote(String(b.mediaType))} is not a Sigstore bundle's`)
  }
  if (typeof b.dsseEnvelope !== 'object' || b.dsseEnvelope === null) {
    if (typeof b.messageSignature === 'object' && b.messageSignature !== null) {
      return {
        mediaType: b.mediaType,
        content: 'message-signature',
        predicateType: null,
        subjectDigests: []
      }
    }
    return bad('it holds neither a DSSE envelope nor a message signature')
  }
  const envelope = b.dsseEnvelope as Record<string, unknown>
  let statement: Record<string, unknown>
  try {
    statement = JSON.parse(
      Buffer.from(String(envelope.payload), 'base64').toString('utf8')
    ) as Record<string, unknown>
  } catch {
    return bad('its DSSE payload is not a JSON statement')
  }
  if (typeof statement.predicateType !== 'string') bad('its statement has no predicateType')
  const subjects = Array.isArray(statement.subject) ? statement.subject : []
  const subjectDigests = subjects.flatMap((s: unknown) => {
    const hex = (s as { digest?: { sha256?: unknown } } | null)?.digest?.sha256
    return typeof hex === 'string' ? [hex.toLowerCase()] : []
  })
  return {
    mediaType: b.mediaType,
    content: 'dsse-envelope',
    predicateType: statement.predicateType as string,
    subjectDigests
  }
}

export interface AttestationInput {
  /** The bundle's JSON text, byte for byte as it is stored. */
  readonly bundle: Buffer
  /** The image it is attached to: its manifest's media type, digest and size as the registry serves it. */
  readonly subject: Descriptor
  /** The creation time annotation (ISO 8601). */
  readonly created: string
  /** Names the image and bundle in messages. */
  readonly where: string
}

/**
 * The artifact manifest for a bundle about `subject`. A bundle whose statement does not
 * name the image's digest is refused: attached, it would tell verifiers of that image
 * about some other content.
 */
export function attestationArtifact(input: AttestationInput): AttestationArtifact {
  const facts = bundleFacts(input.bundle, input.where)
  const hex = hexOf(input.subject.digest)
  if (facts.content === 'dsse-envelope' && !facts.subjectDigests.includes(hex)) {
    throw new SealError(
      'tampered',
      `${input.where}: the bundle's statement names ${facts.subjectDigests.length === 0 ? 'no sha256 subject' : facts.subjectDigests.map(digestFromHex).join(', ')}, ` +
        `not the image ${input.subject.digest}. Attach a bundle that was signed for this image's digest.`
    )
  }
  const config: Descriptor = {
    mediaType: OCI_EMPTY,
    digest: EMPTY_CONFIG_DIGEST,
    size: EMPTY_CONFIG.length
  }
  const layer: Descriptor = {
    mediaType: facts.mediaType,
    digest: sha256Digest(input.bundle),
    size: input.bundle.length
  }
  const annotations: Record<string, string> = {
    [CREATED_ANNOTATION]: input.created,
    [BUNDLE_CONTENT_ANNOTATION]: facts.content
  }
  if (facts.predicateType !== null)
    annotations[BUNDLE_PREDICATE_TYPE_ANNOTATION] = facts.predicateType
  const body = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: facts.mediaType,
    config: plainDescriptor(config),
    layers: [plainDescriptor(layer)],
    subject: plainDescriptor(input.subject),
    annotations
  }
  const bytes = Buffer.from(JSON.stringify(body))
  const manifest = readManifest(bytes, sha256Digest(bytes), OCI_MANIFEST, input.where)
  return {
    manifest,
    blobs: [
      { descriptor: config, bytes: EMPTY_CONFIG },
      { descriptor: layer, bytes: input.bundle }
    ],
    entry: {
      mediaType: OCI_MANIFEST,
      digest: manifest.digest,
      size: bytes.length,
      artifactType: facts.mediaType,
      annotations
    }
  }
}

/** `{mediaType, digest, size}` in that order: the shape @sigstore/oci writes for config, layer and subject. */
function plainDescriptor(descriptor: Descriptor): {
  mediaType: string
  digest: string
  size: number
} {
  return { mediaType: descriptor.mediaType, digest: descriptor.digest, size: descriptor.size }
}
