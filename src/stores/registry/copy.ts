import { createHash } from 'node:crypto'
import { type Digest, digestFromHex } from '../../core/digest.js'
import { SealError, isSealError, quote } from '../../core/errors.js'
import { type Descriptor, type ManifestBytes, blobsOf } from '../../core/image/manifest.js'
import { type ImageReference, digestReference } from '../../core/image/reference.js'
import type { Call, RegistryApi } from './api.js'
import type { CopyReport } from './image-registry.js'
import { fetchProven, resolveTag, where } from './manifests.js'
import {
  type FallbackOptions,
  checkPutDigest,
  publishReferrers,
  readReferrers
} from './referrers.js'

/**
 * Copies an image to another repository or registry the way a registry accepts it and
 * without changing a byte: blobs first (a cross-repository mount on the same registry,
 * else streamed from the source, hashed on the way), then each child manifest by digest,
 * then the top manifest by digest, then the tag, then the referrers (they name the image
 * by digest, so they hold in any repository). Manifests are sent as the bytes fetched and
 * proven, never re-serialised; the destination's answer is checked at each step and the
 * tag is read back at the end.
 */

export interface CopyContext {
  readonly from: RegistryApi
  readonly to: RegistryApi
  readonly source: ImageReference
  readonly destination: ImageReference
  readonly read: Call
  readonly write: Call
  readonly fallback: FallbackOptions
  /** Whole-blob transfers at most, when a streamed copy fails in a way worth trying again. */
  readonly blobAttempts: number
}

interface CopyCounts {
  manifests: number
  present: number
  mounted: number
  uploaded: number
  /** Blobs this copy put in the destination (or found there) so far. */
  readonly copied: Set<Digest>
}

/** An index nesting deeper than this is refused (image-spec allows nesting; nobody nests this deep). */
const MAX_DEPTH = 4

export async function copyImage(context: CopyContext, digest: Digest): Promise<CopyReport> {
  const counts: CopyCounts = {
    manifests: 0,
    present: 0,
    mounted: 0,
    uploaded: 0,
    copied: new Set()
  }
  const { to, destination, write } = context
  const top = await fetchProven(context.from, context.read, context.source, digest)
  await copyTree(context, top, 0, counts)
  if (destination.tag !== null) {
    const answer = await to.putManifest(
      write,
      destination.repository,
      destination.tag,
      top.bytes,
      top.mediaType
    )
    if (answer === 'precondition-failed')
      throw new SealError(
        'refused',
        `${write.where}: the registry refused the tag with 412 though no If-Match was sent; check the registry.`
      )
    checkPutDigest(write, answer.digestHeader, digest)
    const after = await resolveTag(to, write, destination, destination.tag)
    if (after.digest !== digest) {
      throw new SealError(
        'conflict',
        `${write.where}: after the copy the tag ${quote(destination.tag)} names ${after.digest}, not the copied ` +
          `${digest}: another writer moved it meanwhile. Check who pushes to ${quote(destination.repository)}, ` +
          'then copy again.'
      )
    }
  } else {
    const there = await to.headManifest(write, destination.repository, digest)
    if (there === null || (there.digest !== null && there.digest !== digest)) {
      throw new SealError(
        'unavailable',
        `${write.where}: after the copy the registry does not serve ${digest} in ${quote(destination.repository)}. ` +
          'Check the destination registry.'
      )
    }
  }
  const referrers = await readReferrers(
    context.from,
    context.read,
    context.source.repository,
    digest
  )
  for (const referrer of referrers) await copyTree(context, referrer.manifest, 0, counts, true)
  if (referrers.length > 0) {
    await publishReferrers(
      to,
      write,
      destination.repository,
      digest,
      referrers.map((r) => r.manifest),
      context.fallback
    )
  }
  return {
    digest,
    digestReference: digestReference(destination, digest),
    manifests: counts.manifests,
    blobs: { present: counts.present, mounted: counts.mounted, uploaded: counts.uploaded },
    referrers: referrers.length
  }
}

/** Everything a manifest names, then the manifest itself; `blobsOnly` leaves the PUT to the caller (referrers). */
async function copyTree(
  context: CopyContext,
  manifest: ManifestBytes,
  depth: number,
  counts: CopyCounts,
  blobsOnly = false
): Promise<void> {
  if (depth > MAX_DEPTH)
    throw new SealError(
      'refused',
      `${context.read.where}: the index nests more than ${MAX_DEPTH} levels deep; refused.`
    )
  const { to, destination, write } = context
  if (!blobsOnly) {
    const there = await to.headManifest(write, destination.repository, manifest.digest)
    // A registry stores a manifest only once all it names is there, so a manifest present is a tree present.
    if (there !== null && there.digest === manifest.digest) return
  }
  const m = manifest.manifest
  if (m.kind === 'index') {
    for (const child of m.manifests) {
      const fetched = await fetchProven(context.from, context.read, context.source, child.digest)
      await copyTree(context, fetched, depth + 1, counts)
    }
  } else {
    for (const blob of blobsOf(m)) await copyBlob(context, blob, counts)
  }
  if (blobsOnly) return
  const answer = await to.putManifest(
    write,
    destination.repository,
    manifest.digest,
    manifest.bytes,
    manifest.mediaType
  )
  if (answer === 'precondition-failed')
    throw new SealError(
      'refused',
      `${write.where}: the registry refused ${manifest.digest} with 412 though no If-Match was sent; check the ` +
        'registry.'
    )
  checkPutDigest(write, answer.digestHeader, manifest.digest)
  counts.manifests++
}

async function copyBlob(context: CopyContext, blob: Descriptor, counts: CopyCounts): Promise<void> {
  const { from, to, source, destination, write } = context
  // Referrers share blobs (the empty config): one that is in the destination already is not sent twice.
  if (counts.copied.has(blob.digest)) return
  counts.copied.add(blob.digest)
  let location: string
  if (from.session === to.session) {
    // On one registry a mount answers 201 for a blob the destination has as for one it mounts: no HEAD first.
    const mounted = await to.mountBlob(
      write,
      destination.repository,
      blob.digest,
      source.repository
    )
    if (mounted === true) {
      counts.mounted++
      return
    }
    location = mounted
  } else {
    if (await to.blobExists(write, destination.repository, blob.digest)) {
      counts.present++
      return
    }
    location = await to.startUpload(write, destination.repository)
  }
  for (let attempt = 1; ; attempt++) {
    const hashing = hashingStream(blob)
    try {
      const body = (await from.getBlob(context.read, source.repository, blob.digest)).pipeThrough(
        hashing.stream
      )
      await to.putBlob(write, location, blob.digest, body, blob.size)
      hashing.check(where(source))
      counts.uploaded++
      return
    } catch (error) {
      hashing.check(where(source))
      if (!isSealError(error, 'unavailable') || attempt >= context.blobAttempts) throw error
      location = await to.startUpload(write, destination.repository)
    }
  }
}

/** Hashes and counts a blob on its way through; `check` throws when it did not match its descriptor. */
function hashingStream(blob: Descriptor): {
  stream: TransformStream<Uint8Array, Uint8Array>
  check: (where: string) => void
} {
  const hash = createHash('sha256')
  let size = 0
  let ended = false
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      hash.update(chunk)
      size += chunk.length
      if (size > blob.size) {
        // More bytes than the descriptor says: stop the upload here rather than send them on.
        ended = true
        controller.error(new Error(`the blob ${blob.digest} is longer than its ${blob.size} bytes`))
      } else controller.enqueue(chunk)
    },
    flush(controller) {
      ended = true
      // Fewer bytes than the descriptor says: end the upload with an error, not a short body
      // the destination would wait on for the rest until the blob timeout.
      if (size < blob.size)
        controller.error(
          new Error(`the blob ${blob.digest} is shorter than its ${blob.size} bytes`)
        )
    }
  })
  return {
    stream,
    check(where: string) {
      if (!ended) return
      const actual: Digest = digestFromHex(hash.copy().digest('hex'))
      if (actual !== blob.digest || size !== blob.size) {
        throw new SealError(
          'refused',
          `${where}: the source served ${size} bytes hashing to ${actual} for the blob ${blob.digest} ` +
            `(${blob.size} bytes); nothing was copied from it. Check the source registry.`
        )
      }
    }
  }
}
