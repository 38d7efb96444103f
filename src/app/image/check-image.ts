import type { Digest } from '../../core/digest.js'
import { SealError, quote } from '../../core/errors.js'
import {
  type ManifestBytes,
  type PlatformChild,
  childOf,
  formatPlatform,
  platformChildren,
  platformMatches,
  requirePlatforms
} from '../../core/image/manifest.js'
import {
  type ImageReference,
  digestReference,
  formatReference,
  withDigest
} from '../../core/image/reference.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'

/** What the gate proved of an image about to be deployed. */
export interface ImageCheck {
  /** The sealed digest, whose manifest was fetched and proven. */
  readonly digest: Digest
  /** `name@sha256:…` for the deploy step: the sealed digest, or the platform image asked for. Never a tag. */
  readonly imageRef: string
  /** The platform of the image handed out, when a platform digest of the sealed index was asked for. */
  readonly platform: string | null
  /** The sealed index's platform images; empty for a single image. */
  readonly platforms: readonly PlatformChild[]
}

export interface ImageCheckOptions {
  /** The policy's `platforms:` rule: each must have an image in the sealed index. */
  readonly platforms?: readonly string[]
}

/**
 * The image gate. A tag is resolved once and must name `expected` ("tag moved" otherwise,
 * never a silent re-resolution); a digest reference must be `expected`, or a platform image
 * of the index fetched by `expected`; every manifest read has its bytes proven against its
 * digest. What the deploy step gets is the digest reference, never the tag.
 */
export async function checkImage(
  reference: ImageReference,
  expected: Digest,
  registry: ImageRegistry,
  options: ImageCheckOptions = {}
): Promise<ImageCheck> {
  let top: ManifestBytes
  let handedOut: { digest: Digest; platform: string | null }
  if (reference.digest !== null && reference.digest !== expected) {
    top = await registry.fetchManifest(reference, expected)
    const child = platformChild(reference, top, reference.digest)
    // The child's own bytes are proven too: the deploy step pulls that manifest.
    await registry.fetchManifest(reference, child.descriptor.digest)
    handedOut = { digest: child.descriptor.digest, platform: child.platform }
  } else {
    top = (await registry.pin(reference, expected)).manifest
    handedOut = { digest: top.digest, platform: null }
  }
  const platforms = top.manifest.kind === 'index' ? platformChildren(top.manifest) : []
  const wanted = options.platforms ?? []
  if (wanted.length > 0) {
    const where = `image ${quote(formatReference(withDigest(reference, expected)))}`
    if (top.manifest.kind === 'index') {
      requirePlatforms(platforms, wanted, where)
    } else {
      // A single image is judged as an index of one child: its platform, read from its proven config.
      const platform = await registry.imagePlatform(reference, top)
      const missing = wanted.filter((want) => !platformMatches(platform, want))
      if (missing.length > 0)
        throw new SealError(
          'refused',
          `${where}: the platforms rule asks for ${missing.map(quote).join(', ')}, and the sealed image is a ` +
            `single image for ${quote(platform)} (its config says so), not an index with an image for each. ` +
            ('Push the image as an index for those platforms (docker buildx build --platform …), or drop them ' +
              'from the platforms rule for this environment.')
        )
    }
  }
  return {
    digest: expected,
    imageRef: digestReference(reference, handedOut.digest),
    platform: handedOut.platform,
    platforms
  }
}

/**
 * A platform digest is accepted only as a child of the sealed index, and only a platform image (not
 * an attestation manifest).
 */
function platformChild(
  reference: ImageReference,
  top: ManifestBytes,
  child: Digest
): PlatformChild {
  const where = `image ${quote(formatReference(reference))}`
  const index = top.manifest.kind === 'index' ? top.manifest : null
  const found = index === null ? null : childOf(index, child)
  const platform =
    index === null || found === null
      ? undefined
      : platformChildren({ ...index, manifests: [found] })[0]
  if (platform !== undefined) return platform
  const why =
    index === null
      ? `the sealed ${top.digest} is a single image, not an index, so it has no platform images`
      : found === null
        ? `it is not among the platform images of the sealed index ${top.digest}`
        : `it is a child of the sealed index ${top.digest}, but ${found.platform === undefined ? 'has no platform' : `for ${quote(formatPlatform(found.platform))}, an attestation manifest`}`
  throw new SealError(
    'refused',
    `${where}: ${child} is not the sealed digest, and ${why}. Deploy the sealed digest, or a platform digest ` +
      'the sealed index lists.'
  )
}
