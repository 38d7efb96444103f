import { platformChildren } from '../../core/image/manifest.js'
import type { ImageReference } from '../../core/image/reference.js'
import type { SealedImage } from '../../core/image/sealed-image.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'

/**
 * What a seal of an image rests on: the reference resolved once (HEAD on the tag), the
 * manifest fetched by that digest and its bytes proven, and the index's platform images
 * read from those same bytes. The top-level digest is what is sealed: the index for a
 * multi-platform image, as build-push-action outputs and actions/attest attests.
 */
export async function resolveImage(
  reference: ImageReference,
  registry: ImageRegistry
): Promise<SealedImage> {
  const pinned = await registry.pin(reference)
  const top = pinned.manifest.manifest
  return {
    name: reference.name,
    digest: pinned.digest,
    tag: reference.digest === null ? (reference.tag ?? 'latest') : null,
    mediaType: pinned.manifest.mediaType,
    platforms: top.kind === 'index' ? platformChildren(top) : []
  }
}
