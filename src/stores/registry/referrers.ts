import { type Digest, shortDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import {
  type ArtifactBlob,
  BUNDLE_PREDICATE_TYPE_ANNOTATION
} from '../../core/image/attestation.js'
import {
  type Descriptor,
  type ManifestBytes,
  proveManifest,
  readManifest,
  sha256Digest
} from '../../core/image/manifest.js'
import { OCI_INDEX } from '../../core/image/media-types.js'
import {
  type Referrer,
  fallbackTag,
  judgeReferrer,
  listsDigest,
  mergeReferrers
} from '../../core/image/referrers.js'
import type { Call, RegistryApi } from './api.js'
import type { FoundBundle } from './image-registry.js'

/**
 * Referrers on a registry: written through the referrers API when the registry has it,
 * else into the `sha256-<hex>` fallback index; read from both.
 *
 * The fallback index is read, changed and written back, and registries ignore If-Match
 * (distribution 2.8) or have no ETag, so a writer that read before another's write lands
 * drops that writer's entry. A writer therefore waits `settleMs` after its write (longer
 * than another writer's read-to-write window), reads the index again, and writes again
 * while its entries are missing. With every writer doing so, an entry
 * can only be lost to a writer whose read-to-write takes longer than the wait; readers
 * also take referrers from the API, and verifiers from the attestations API.
 */

export interface FallbackOptions {
  readonly settleMs: number
  /** Writes at most; then the entry is reported lost. */
  readonly rounds: number
  readonly sleep: (ms: number) => Promise<void>
  /** Test seams: a barrier before each write, and one in place of the settling wait. */
  readonly pauses?: {
    readonly beforeWrite?: () => Promise<void>
    readonly settle?: (ms: number) => Promise<void>
  }
}

/** The subject the referrers API is probed with: distribution-spec's all-zero digest. */
const ZERO_DIGEST: Digest = `sha256:${'0'.repeat(64)}`
/** A bundle is a few KiB; its blob is read only up to this. */
const BUNDLE_MAX_BYTES = 16 * 1024 * 1024
/** Referrers fetched at most for one subject, so a flood of junk entries cannot make a read unbounded. */
const MAX_REFERRERS = 256
const MAX_PAGES = 64

/** Pushes a small blob unless the repository has it. */
export async function pushBlob(
  api: RegistryApi,
  call: Call,
  repository: string,
  blob: ArtifactBlob
): Promise<'present' | 'uploaded'> {
  if (await api.blobExists(call, repository, blob.descriptor.digest)) return 'present'
  const location = await api.startUpload(call, repository)
  try {
    await api.putBlob(call, location, blob.descriptor.digest, blob.bytes, blob.bytes.length)
  } catch (error) {
    // A retried PUT whose first attempt was stored finds its upload gone; the blob being there is success.
    if (
      error instanceof SealError &&
      (await api.blobExists(call, repository, blob.descriptor.digest))
    )
      return 'uploaded'
    throw error
  }
  return 'uploaded'
}

/** Whether the repository serves the referrers API (an OCI index for the all-zero subject). */
export async function servesReferrersApi(
  api: RegistryApi,
  call: Call,
  repository: string
): Promise<boolean> {
  return (await api.referrers(call, repository, ZERO_DIGEST)) !== null
}

/**
 * Puts a referrer manifest by digest (its blobs must be there) and makes it findable: by the
 * registry itself when it both says it indexed the subject (OCI-Subject) and serves the
 * referrers API (ECR does the first without the second), else in the fallback index.
 */
export async function publishReferrers(
  api: RegistryApi,
  call: Call,
  repository: string,
  subject: Digest,
  manifests: readonly ManifestBytes[],
  fallback: FallbackOptions
): Promise<{ via: 'referrers-api' | 'fallback-tag'; tag: string | null }> {
  let indexed = manifests.length > 0
  for (const manifest of manifests) {
    const answer = await api.putManifest(
      call,
      repository,
      manifest.digest,
      manifest.bytes,
      manifest.mediaType
    )
    if (answer === 'precondition-failed')
      throw new SealError(
        'refused',
        `${call.where}: the registry refused the referrer ${manifest.digest} with 412 though no If-Match was ` +
          'sent; check the registry.'
      )
    checkPutDigest(call, answer.digestHeader, manifest.digest)
    if (answer.subject !== subject) indexed = false
  }
  if (indexed && (await servesReferrersApi(api, call, repository)))
    return { via: 'referrers-api', tag: null }
  const tag = await writeFallback(api, call, repository, subject, manifests.map(entryOf), fallback)
  return { via: 'fallback-tag', tag }
}

export function checkPutDigest(call: Call, header: string | null, digest: Digest): void {
  if (header !== null && header !== digest) {
    throw new SealError(
      'refused',
      `${call.where}: the registry stored the manifest ${digest} under the digest ${quote(header)}: it changed ` +
        'the bytes. Check the registry.'
    )
  }
}

/** A referrer's entry in an index, from its own manifest: what the referrers API would list. */
export function entryOf(manifest: ManifestBytes): Descriptor {
  const m = manifest.manifest
  const artifactType = m.artifactType ?? (m.kind === 'image' ? m.config.mediaType : undefined)
  return {
    mediaType: manifest.mediaType,
    digest: manifest.digest,
    size: manifest.bytes.length,
    ...(artifactType === undefined ? {} : { artifactType }),
    ...(m.annotations === undefined ? {} : { annotations: m.annotations })
  }
}

interface FallbackRead {
  readonly index: ManifestBytes | null
  readonly etag: string | null
}

async function readFallback(
  api: RegistryApi,
  call: Call,
  repository: string,
  tag: string
): Promise<FallbackRead> {
  const fetched = await api.getManifest(call, repository, tag)
  if (fetched === null) return { index: null, etag: null }
  return {
    index: readManifest(
      fetched.bytes,
      sha256Digest(fetched.bytes),
      fetched.contentType,
      `${call.where} (referrers fallback tag ${tag})`
    ),
    etag: fetched.etag
  }
}

/** Merges `entries` into the fallback index until a read after the settling wait shows them all. */
export async function writeFallback(
  api: RegistryApi,
  call: Call,
  repository: string,
  subject: Digest,
  entries: readonly Descriptor[],
  options: FallbackOptions
): Promise<string> {
  const tag = fallbackTag(subject)
  const where = `${call.where} (referrers fallback tag ${tag})`
  const allListed = (read: FallbackRead): boolean =>
    entries.every((entry) => listsDigest(read.index, entry.digest))
  let current = await readFallback(api, call, repository, tag)
  if (allListed(current)) return tag
  for (let writes = 0; ;) {
    if (writes >= options.rounds) {
      throw new SealError(
        'conflict',
        `${call.where}: the referrers fallback tag ${tag} lost the entry for ${entries.map((e) => shortDigest(e.digest)).join(', ')} ${writes} times in a row: ` +
          ('other writers keep replacing the index. The artifact itself is stored by digest; run again when the ' +
            'other writers are done.')
      )
    }
    const merged = mergeReferrers(current.index, entries, where)
    await options.pauses?.beforeWrite?.()
    try {
      // 412 (another writer's If-Match won) needs nothing more: the read below sees what it wrote.
      await api.putManifest(
        call,
        repository,
        tag,
        merged.bytes,
        OCI_INDEX,
        current.etag ?? undefined
      )
    } catch (error) {
      if (!(error instanceof SealError)) throw error
      throw new SealError(
        'refused',
        `${error.message} The referrers fallback tag ${tag} must be movable for registries without the ` +
          'referrers API: exempt tags matching "sha256-*" from tag immutability, or ' +
          'use a registry that serves the referrers API.',
        { cause: error }
      )
    }
    writes++
    await (options.pauses?.settle ?? options.sleep)(options.settleMs)
    current = await readFallback(api, call, repository, tag)
    if (allListed(current)) return tag
  }
}

/** A referrer manifest by digest, proven; null when the registry no longer has it or it cannot be read. */
async function fetchReferrer(
  api: RegistryApi,
  call: Call,
  repository: string,
  digest: Digest
): Promise<ManifestBytes | null> {
  const known = api.provenManifest(repository, digest)
  if (known !== undefined) return known
  const fetched = await api.getManifest(call, repository, digest)
  if (fetched === null) return null
  let proven: ManifestBytes
  try {
    proven = proveManifest(fetched.bytes, digest, fetched.contentType, call.where)
  } catch (error) {
    // A referrer this client cannot read (an artifact manifest of the withdrawn type, a sha512
    // descriptor, other bytes than its digest) is none of the seals it looks for; anyone who can push
    // can add one, and it must not hide those beside it.
    if (error instanceof SealError) return null
    throw error
  }
  return api.rememberProven(repository, proven)
}

const SHA256 = /^sha256:[0-9a-f]{64}$/

/** The digests an index body lists (the API's, or the fallback tag's), unchecked: each is fetched and judged. */
function listedDigests(manifests: readonly unknown[]): Digest[] {
  return manifests.flatMap((m) => {
    const digest = (m as { digest?: unknown } | null)?.digest
    return typeof digest === 'string' && SHA256.test(digest) ? [digest as Digest] : []
  })
}

/**
 * The referrers of `subject`: the referrers API's pages ∪ the fallback index, deduplicated,
 * each fetched by digest (proven) and kept only when its own manifest names `subject`.
 */
export async function readReferrers(
  api: RegistryApi,
  call: Call,
  repository: string,
  subject: Digest,
  artifactType?: string
): Promise<Referrer[]> {
  const digests = new Set<Digest>()
  let page = await api.referrers(call, repository, subject, undefined, artifactType)
  for (let pages = 1; page !== null; pages++) {
    for (const digest of listedDigests(page.manifests)) digests.add(digest)
    if (page.next === null || pages >= MAX_PAGES) break
    page = await api.referrers(call, repository, subject, page.next)
  }
  const fallback = await api.getManifest(call, repository, fallbackTag(subject))
  if (fallback !== null) {
    // Whatever else sits under the tag (not JSON, not an index) lists nothing; the API's entries still count.
    try {
      const index = readManifest(
        fallback.bytes,
        sha256Digest(fallback.bytes),
        fallback.contentType,
        call.where
      )
      if (index.manifest.kind === 'index' && index.mediaType === OCI_INDEX)
        for (const m of index.manifest.manifests) digests.add(m.digest)
    } catch (error) {
      if (!(error instanceof SealError)) throw error
    }
  }
  const referrers: Referrer[] = []
  // The API's entries come first and the fallback tag's after, so a flood pushed to the tag (anyone
  // who can push can write it) does not push out what the registry itself indexed. Past the bound
  // the rest is not read: a seal left unread is a seal not found, which refuses.
  for (const digest of [...digests].slice(0, MAX_REFERRERS)) {
    const manifest = await fetchReferrer(api, call, repository, digest)
    if (manifest === null) continue
    const referrer = judgeReferrer(manifest, subject)
    if (referrer !== null) referrers.push(referrer)
  }
  return referrers
}

/** The Sigstore bundles among the referrers, each blob checked against its layer's digest and size. */
export async function readBundles(
  api: RegistryApi,
  call: Call,
  repository: string,
  subject: Digest,
  predicateType?: string
): Promise<FoundBundle[]> {
  const found: FoundBundle[] = []
  for (const referrer of await readReferrers(api, call, repository, subject)) {
    if (referrer.what.kind !== 'sigstore-bundle') continue
    // The annotation is unsigned: it only spares fetching a bundle that says it is of another kind (a
    // promotion's summary beside the seal's provenance). A mislabelled bundle is not found, never accepted.
    const says = referrer.manifest.manifest.annotations?.[BUNDLE_PREDICATE_TYPE_ANNOTATION]
    if (predicateType !== undefined && says !== undefined && says !== predicateType) continue
    const layer = referrer.what.bundle
    if (layer.size > BUNDLE_MAX_BYTES) continue
    const bytes = await api.getSmallBlob(call, repository, layer.digest, BUNDLE_MAX_BYTES)
    // A blob that is not what its manifest says proves nothing, and is passed over: anyone who can push
    // can write such a referrer, and it must not hide the seals beside it (nor the attestations API's).
    if (sha256Digest(bytes) !== layer.digest || bytes.length !== layer.size) continue
    found.push({ referrer, bundle: bytes })
  }
  return found
}
