import type { Digest } from '../../core/digest.js'
import {
  type ImageReference,
  digestReference,
  formatReference,
  parseImageReference,
  withDigest
} from '../../core/image/reference.js'
import type { ImageRule } from '../../core/promotion/policy.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'

/** What an allowed promotion did to the image in its registry. */
export interface MovedImage {
  /**
   * `name@sha256:…` the deploy step takes (the platform image the gate handed out, if one was):
   * the copy's, when the image was copied.
   */
  readonly imageRef: string
  /** One line per thing done, for the log and the summary. */
  readonly done: readonly string[]
}

/**
 * The environment's `image:` rule, after the gate allowed the digest: `tag` puts exactly the
 * bytes of the sealed manifest (fetched by digest, proven) under the tag and reads the tag
 * back; `copy-to` copies blobs (a cross-repository mount first), platform manifests, the
 * index and the referrers to another repository or registry, byte for byte, and checks the
 * digest there. Neither re-serialises a manifest. A failure is a SealError naming the image;
 * the record stays pending, never confirmed.
 */
export async function moveImage(
  reference: ImageReference,
  digest: Digest,
  rule: ImageRule,
  registry: ImageRegistry,
  environment: string
): Promise<MovedImage> {
  const done: string[] = []
  // The gate hands out the platform image asked for by its digest (a child of the sealed index, or
  // it refused): a move of the index carries that child along, and the deploy step keeps getting it.
  const handedOut = reference.digest ?? digest
  let imageRef = digestReference(reference, handedOut)
  if (rule.tag !== null) {
    await registry.retag(reference, digest, rule.tag)
    done.push(
      `${formatReference({ ...reference, tag: rule.tag, digest: null })} now names ${digest}`
    )
  }
  if (rule.copyTo !== null) {
    const destination = parseImageReference(
      rule.copyTo,
      `environments.${environment}.image.copy-to`
    )
    const copied = await registry.copy(withDigest(reference, digest), digest, destination)
    imageRef = digestReference(destination, handedOut)
    done.push(
      `copied ${digest} to ${formatReference(destination)}: ${copied.manifests} manifest(s); blobs ${copied.blobs.mounted} mounted, ${copied.blobs.uploaded} uploaded, ${copied.blobs.present} already there; ${copied.referrers} referrer(s)`
    )
  }
  return { imageRef, done }
}
