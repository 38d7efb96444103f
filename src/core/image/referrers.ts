import { type Digest, hexOf } from '../digest.js'
import { SealError, quote } from '../errors.js'
import type { Descriptor, ManifestBytes } from './manifest.js'
import { OCI_INDEX, OCI_MANIFEST, SIGSTORE_BUNDLE_PREFIX } from './media-types.js'

/**
 * Referrers: artifacts whose manifest names an image as its `subject`. A registry with the
 * referrers API lists them itself; on one without it (distribution, GHCR) writers keep an
 * OCI index under the fallback tag `<alg>-<hex>` (distribution-spec "Referrers Tag Schema").
 * That index is a cache any writer may clobber and any pusher may fill with anything, so a
 * reader trusts no entry's artifactType: each referrer is judged by its own manifest,
 * fetched by digest.
 */

/**
 * The fallback tag of a subject: `sha256-<hex>` (the spec's cut to 32 and 64 characters leaves a
 * sha256 digest whole).
 */
export function fallbackTag(subject: Digest): string {
  return `sha256-${hexOf(subject)}`
}

/** An index entry, its keys in the order @sigstore/oci writes them. */
function entryObject(descriptor: Descriptor): Record<string, unknown> {
  return {
    mediaType: descriptor.mediaType,
    digest: descriptor.digest,
    size: descriptor.size,
    ...(descriptor.artifactType === undefined ? {} : { artifactType: descriptor.artifactType }),
    ...(descriptor.annotations === undefined ? {} : { annotations: descriptor.annotations })
  }
}

export interface MergedIndex {
  readonly bytes: Buffer
  /** The entries that were missing and are now in; empty when the index held them all. */
  readonly added: readonly Descriptor[]
}

/**
 * The fallback index with `entries` in: those already listed (by digest) are left as they
 * are, the others appended. Every other entry and field of the existing index is kept.
 * `existing` is null when the tag does not exist yet. A tag that names anything but an
 * OCI index is refused: writing over it would destroy what someone pushed there.
 */
export function mergeReferrers(
  existing: ManifestBytes | null,
  entries: readonly Descriptor[],
  where: string
): MergedIndex {
  let body: Record<string, unknown>
  if (existing === null) {
    body = { mediaType: OCI_INDEX, schemaVersion: 2, manifests: [] }
  } else {
    if (existing.mediaType !== OCI_INDEX) {
      throw new SealError(
        'refused',
        `${where}: the referrers fallback tag names a ${quote(existing.mediaType)} manifest, not an OCI index, ` +
          'so it is not a referrers list; ' +
          'artifact-seal will not overwrite it. Move or delete that tag, then run again.'
      )
    }
    body = JSON.parse(existing.bytes.toString('utf8')) as Record<string, unknown>
  }
  const manifests = body.manifests as Record<string, unknown>[]
  const present = new Set(manifests.map((m) => m.digest))
  const added = entries.filter((entry) => !present.has(entry.digest))
  for (const entry of added) manifests.push(entryObject(entry))
  return { bytes: Buffer.from(JSON.stringify(body)), added }
}

/** Whether an index lists a manifest of that digest. */
export function listsDigest(index: ManifestBytes | null, digest: Digest): boolean {
  return (
    index !== null &&
    index.manifest.kind === 'index' &&
    index.manifest.manifests.some((m) => m.digest === digest)
  )
}

/** What a referrer is, judged from its own manifest. */
export type ReferrerKind =
  /** A Sigstore bundle as actions/attest and cosign v3 attach it: exactly one layer of a bundle media type. */
  | { readonly kind: 'sigstore-bundle'; readonly bundle: Descriptor }
  | { readonly kind: 'other'; readonly artifactType: string }

export interface Referrer {
  /** The referrer manifest, as fetched and proven by its digest. */
  readonly manifest: ManifestBytes
  readonly what: ReferrerKind
}

/**
 * Judges a fetched manifest as a referrer of `subject`: null when it names another subject
 * or none (an entry an index lists wrongly). A bundle is recognised as cosign does: one
 * layer whose media type starts with the bundle prefix, whatever the artifactType says.
 */
export function judgeReferrer(manifest: ManifestBytes, subject: Digest): Referrer | null {
  const m = manifest.manifest
  if (m.subject?.digest !== subject) return null
  if (
    m.kind === 'image' &&
    m.mediaType === OCI_MANIFEST &&
    m.layers.length === 1 &&
    m.layers[0]!.mediaType.startsWith(SIGSTORE_BUNDLE_PREFIX)
  ) {
    return { manifest, what: { kind: 'sigstore-bundle', bundle: m.layers[0]! } }
  }
  const artifactType = m.artifactType ?? (m.kind === 'image' ? m.config.mediaType : m.mediaType)
  return { manifest, what: { kind: 'other', artifactType } }
}
