import { SealError } from '../../core/errors.js'
import {
  type ImageReference,
  formatReference,
  namesRegistry,
  parseImageReference,
  withTag
} from '../../core/image/reference.js'
import { findEnvironment, type PromotionPolicy } from '../../core/promotion/policy.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'
import type { EnvironmentStatus, ImageTagStatus } from '../ledger/types.js'

/**
 * What runs where, for images: each environment whose policy moves the image by a tag
 * (`image: { tag }`, or a `copy-to` with a tag) shows that tag and whether it still names
 * the live digest, read from the registry now (one HEAD per environment). A tag that names
 * something else moved behind the gate's back: a promotion that reads its image from that
 * tag is refused, and one into that environment puts the tag back on the digest it lets in.
 * The image is the service's name when it is an image name with its registry (the seal names
 * an image's subject so); a service such as `payments` shows no tag.
 */
export async function withImageTags(
  status: readonly EnvironmentStatus[],
  policy: PromotionPolicy,
  registry: ImageRegistry
): Promise<EnvironmentStatus[]> {
  return Promise.all(
    status.map(async (s) => {
      const reference = tagOf(s, policy)
      if (reference === null) return s
      return { ...s, image: await readTag(reference, s, registry) }
    })
  )
}

function tagOf(s: EnvironmentStatus, policy: PromotionPolicy): ImageReference | null {
  const rule = findEnvironment(policy, s.environment)?.image
  if (rule === undefined || s.service === null || !namesRegistry(s.service)) return null
  try {
    if (rule.tag !== null)
      return withTag(parseImageReference(s.service, 'the service'), rule.tag, 'image.tag')
    const copy = rule.copyTo === null ? null : parseImageReference(rule.copyTo, 'image.copy-to')
    return copy !== null && copy.tag !== null ? copy : null
  } catch (error) {
    // A service that is not an image name (files promoted under this policy) has no tag to show.
    if (error instanceof SealError) return null
    throw error
  }
}

async function readTag(
  reference: ImageReference,
  s: EnvironmentStatus,
  registry: ImageRegistry
): Promise<ImageTagStatus> {
  const shown = formatReference(reference)
  try {
    const resolved = await registry.resolve(reference)
    const state =
      s.live?.digest === resolved.digest
        ? 'live'
        : s.pending.some((p) => p.digest === resolved.digest)
          ? 'pending'
          : 'moved'
    return { reference: shown, names: resolved.digest, state, error: null }
  } catch (error) {
    if (!(error instanceof SealError)) throw error
    // A tag that does not exist names nothing: in step with an environment that runs nothing, moved
    // from one that runs something.
    if (error.code === 'unreadable')
      return {
        reference: shown,
        names: null,
        state: s.live === null ? 'live' : 'moved',
        error: null
      }
    return { reference: shown, names: null, state: 'unknown', error: error.message }
  }
}
