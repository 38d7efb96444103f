import { type Digest, shortDigest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import {
  type ManifestBytes,
  proveManifest,
  readManifest,
  sha256Digest
} from '../../core/image/manifest.js'
import { isManifestType } from '../../core/image/media-types.js'
import { type ImageReference, formatReference } from '../../core/image/reference.js'
import type { ResolvedImage } from './image-registry.js'
import type { Call, RegistryApi } from './api.js'

/**
 * Reading manifests: what a tag names, and a manifest by digest with its bytes proven.
 * Shared by every operation (a copy, a retag, an attach all start from a proven manifest).
 */

export const where = (reference: ImageReference): string =>
  `image ${quote(formatReference(reference))}`

const DIGEST_HEADER = /^sha256:[0-9a-f]{64}$/

/** A manifest by digest, proven; a SealError naming the image when it is missing or does not hash to it. */
export async function fetchProven(
  api: RegistryApi,
  call: Call,
  reference: ImageReference,
  digest: Digest
): Promise<ManifestBytes> {
  const known = api.provenManifest(reference.repository, digest)
  if (known !== undefined) return known
  const fetched = await api.getManifest(call, reference.repository, digest)
  if (fetched === null) {
    throw new SealError(
      'unreadable',
      `${call.where}: the manifest ${digest} is not in ${quote(reference.repository)} on ${api.registry} (404). ` +
        'The image was deleted, or the digest or repository is wrong; check them.'
    )
  }
  if (fetched.digestHeader !== null && fetched.digestHeader !== digest) {
    throw new SealError(
      'refused',
      `${call.where}: asked for the manifest ${digest}, the registry says it served ${quote(fetched.digestHeader)} (Docker-Content-Digest). ` +
        'Nothing is trusted from this answer; check the registry.'
    )
  }
  return api.rememberProven(
    reference.repository,
    proveManifest(fetched.bytes, digest, fetched.contentType, call.where)
  )
}

/**
 * What a tag names: HEAD with every manifest type accepted. When the registry leaves the
 * digest out (older registries, some proxies) or does not say the manifest's type, GET the
 * tag and hash what it serves; a digest the HEAD did give must then agree.
 */
export async function resolveTag(
  api: RegistryApi,
  call: Call,
  reference: ImageReference,
  tag: string
): Promise<ResolvedImage & { fetched?: ManifestBytes }> {
  const head = await api.headManifest(call, reference.repository, tag)
  if (head === null) throw tagMissing(call, reference, api.registry, tag)
  if (head.digest !== null && !DIGEST_HEADER.test(head.digest)) {
    throw new SealError(
      'refused',
      `${call.where}: the registry names the tag's manifest ${quote(head.digest)}, which is not a sha256 ` +
        'digest (Docker-Content-Digest). artifact-seal follows sha256 digests only; ' +
        'check the registry.'
    )
  }
  if (head.digest !== null && isManifestType(head.mediaType))
    return { reference, digest: head.digest as Digest, mediaType: head.mediaType, size: head.size }
  const fetched = await api.getManifest(call, reference.repository, tag)
  if (fetched === null) throw tagMissing(call, reference, api.registry, tag)
  const digest = sha256Digest(fetched.bytes)
  for (const said of [head.digest, fetched.digestHeader]) {
    if (said !== null && said !== digest) {
      throw new SealError(
        'refused',
        `${call.where}: the tag's manifest hashes to ${digest}, but the registry names it ${quote(said)}. ` +
          'Nothing is trusted from this answer; check the registry.'
      )
    }
  }
  const manifest = api.rememberProven(
    reference.repository,
    readManifest(fetched.bytes, digest, fetched.contentType, call.where)
  )
  return {
    reference,
    digest,
    mediaType: manifest.mediaType,
    size: fetched.bytes.length,
    fetched: manifest
  }
}

export function tagMissing(
  call: Call,
  reference: ImageReference,
  registry: string,
  tag: string
): SealError {
  return new SealError(
    'unreadable',
    `${call.where}: the tag ${quote(tag)} does not exist in ${quote(reference.repository)} on ${registry} ` +
      '(404), or the repository does not. ' +
      'Check the tag and the repository, and that the image was pushed.'
  )
}

export function tagMoved(call: Call, tag: string, expected: Digest, found: Digest): SealError {
  return new SealError(
    'conflict',
    `${call.where}: the tag ${quote(tag)} now names ${found}, not ${expected} (${shortDigest(expected)} was ` +
      'expected): the tag moved. ' +
      'Nothing is re-resolved silently: deploy by the digest, or seal and promote the image the tag names now.'
  )
}
