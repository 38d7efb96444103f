import type { Digest } from '../digest.js'
import type { Statement } from '../statement.js'
import type { ManifestMediaType } from './media-types.js'
import type { PlatformChild } from './manifest.js'

/**
 * What a seal says of an image besides its digest, on the statement's subject (so a
 * signature covers it): the reference a deploy step takes, the tag that was resolved, the
 * top manifest's type and each platform image of an index. The gate never trusts this list
 * to accept a platform digest: it fetches the index by the sealed digest and finds the child
 * there; the list is what the seal showed, for readers and scanners.
 */
export const IMAGE_ANNOTATION = 'artifact-seal.image'

export interface SealedImage {
  /** The image name as actions/attest names the subject: registry and repository, no tag. */
  readonly name: string
  readonly digest: Digest
  /** The tag that was resolved to the digest; null when the reference gave the digest. */
  readonly tag: string | null
  readonly mediaType: ManifestMediaType
  /** The index's platform images (attestation manifests left out); empty for a single image. */
  readonly platforms: readonly PlatformChild[]
}

/** `name@sha256:…`: the reference a deploy step is handed. */
export function imageRef(image: Pick<SealedImage, 'name' | 'digest'>): string {
  return `${image.name}@${image.digest}`
}

export function imageAnnotation(image: SealedImage): Record<string, unknown> {
  return {
    reference: imageRef(image),
    ...(image.tag === null ? {} : { tag: image.tag }),
    mediaType: image.mediaType,
    platforms: image.platforms.map((child) => ({
      platform: child.platform,
      digest: child.descriptor.digest
    }))
  }
}

/** The statement with the image described on its (one) subject, other annotations kept. */
export function withImageAnnotation(statement: Statement, image: SealedImage): Statement {
  const [first, ...rest] = statement.subject
  if (first === undefined) return statement
  const annotated = {
    ...first,
    annotations: { ...(first.annotations ?? {}), [IMAGE_ANNOTATION]: imageAnnotation(image) }
  }
  return { ...statement, subject: [annotated, ...rest] }
}
