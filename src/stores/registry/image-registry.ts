import type { Digest } from '../../core/digest.js'
import type { ManifestBytes, PlatformChild } from '../../core/image/manifest.js'
import type { ManifestMediaType } from '../../core/image/media-types.js'
import type { ImageReference } from '../../core/image/reference.js'
import type { Referrer } from '../../core/image/referrers.js'

/**
 * The role an image registry plays for artifact-seal: say what a tag names, hand over a
 * manifest proven by its digest, move a tag or copy an image without re-serialising any
 * manifest, and keep signed statements beside an image as referrers. Every failure is a
 * SealError naming the image; nothing is half-done silently.
 */
export interface ImageRegistry {
  /**
   * What the reference names now: the tag's digest (HEAD; GET and hash when the registry omits the
   * digest), or the digest given.
   */
  resolve(reference: ImageReference): Promise<ResolvedImage>
  /** The manifest of `digest`, its bytes proven to hash to it and its type checked against its body. */
  fetchManifest(reference: ImageReference, digest: Digest): Promise<ManifestBytes>
  /**
   * Resolves the reference once and fetches what it names, proven: what a seal and a gate
   * use. With `expected`, a tag that names another digest is refused ("tag moved").
   */
  pin(reference: ImageReference, expected?: Digest): Promise<PinnedImage>
  /**
   * The platform images of an index, fetched by its digest (attestation manifests left out); empty
   * for a single image.
   */
  platforms(reference: ImageReference, index: Digest): Promise<PlatformChild[]>
  /**
   * The platform of a single image (`os/architecture[/variant]`), read from its config blob,
   * proven against the manifest's config digest.
   */
  imagePlatform(reference: ImageReference, manifest: ManifestBytes): Promise<string>
  /** A platform digest accepted only as a child of the index fetched by its digest: that child, or a SealError. */
  platformChild(reference: ImageReference, index: Digest, child: Digest): Promise<PlatformChild>
  /** Puts exactly the bytes of `digest` under `tag` in the same repository, then checks the tag names that digest. */
  retag(reference: ImageReference, digest: Digest, tag: string): Promise<ResolvedImage>
  /**
   * Copies the image `digest` and everything it names (blobs, child manifests) and its
   * referrers to `destination` (another repository or registry; its tag, when it has one,
   * is set last), then checks the digest there.
   */
  copy(source: ImageReference, digest: Digest, destination: ImageReference): Promise<CopyReport>
  /** Attaches a Sigstore bundle about `subject` as a referrer, in the layout actions/attest and cosign v3 write. */
  attachBundle(reference: ImageReference, subject: Digest, bundle: Buffer): Promise<AttachReport>
  /** The referrers of `subject` (referrers API ∪ fallback tag), each judged by its own manifest. */
  referrers(
    reference: ImageReference,
    subject: Digest,
    options?: { readonly artifactType?: string }
  ): Promise<Referrer[]>
  /**
   * The Sigstore bundles among the referrers of `subject`, each blob proven by its digest; with
   * `predicateType`, those whose manifest says another predicate type are left out unread.
   */
  bundles(
    reference: ImageReference,
    subject: Digest,
    options?: { readonly predicateType?: string }
  ): Promise<FoundBundle[]>
  /** HTTP requests made so far, per operation (token requests, retries and redirects included). */
  requestCounts(): Record<string, number>
}

export interface ResolvedImage {
  readonly reference: ImageReference
  readonly digest: Digest
  readonly mediaType: ManifestMediaType
  /** The manifest's size in bytes; null when the registry did not say (HEAD without Content-Length). */
  readonly size: number | null
}

export interface PinnedImage {
  readonly reference: ImageReference
  readonly digest: Digest
  readonly manifest: ManifestBytes
  /** `name@sha256:…`: what a deploy step is handed. */
  readonly digestReference: string
}

export interface CopyReport {
  readonly digest: Digest
  /** `name@sha256:…` at the destination. */
  readonly digestReference: string
  readonly manifests: number
  readonly blobs: { readonly present: number; readonly mounted: number; readonly uploaded: number }
  readonly referrers: number
}

export interface AttachReport {
  /** The artifact manifest's digest. */
  readonly manifest: Digest
  /** How verifiers find it: the registry's referrers API, or the `sha256-<hex>` fallback tag. */
  readonly via: 'referrers-api' | 'fallback-tag'
  readonly tag: string | null
}

export interface FoundBundle {
  readonly referrer: Referrer
  /** The bundle's JSON bytes, proven to hash to the layer's digest. */
  readonly bundle: Buffer
}
