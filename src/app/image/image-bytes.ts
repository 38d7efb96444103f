import type { Digest } from '../../core/digest.js'
import type { Env } from '../../core/env.js'
import { sha256Digest } from '../../core/image/manifest.js'
import { withDigest } from '../../core/image/reference.js'
import { SLSA_PROVENANCE_TYPE } from '../../core/statement.js'
import type { AttestationCandidate } from '../../attestation/attestations-api.js'
import type { ImageRegistry } from '../../stores/registry/image-registry.js'
import type { BytesSource } from '../settings/types.js'
import type { SignatureSources } from '../signature/types.js'
import type { BytesCheck } from '../verify/types.js'
import { type ImageCheck, type ImageCheckOptions, checkImage } from './check-image.js'
import { openImageRegistry } from './open-registry.js'

type ImageSource = Extract<BytesSource, { kind: 'image' }>

/** An image checked in its registry, as the bytes check of verify and promote reports it. */
export interface ImageBytesCheck extends BytesCheck {
  readonly image: ImageCheck
}

/**
 * The image gate as a bytes check: the image's manifest is its bytes, proven in the
 * registry against `expected` (see `checkImage`); a failure is a SealError naming the image.
 * Nothing is downloaded, so `path` is null: the deploy step takes `image.imageRef`.
 */
export async function checkImageBytes(
  source: ImageSource,
  expected: Digest,
  registry: ImageRegistry,
  options: ImageCheckOptions = {}
): Promise<ImageBytesCheck> {
  const image = await checkImage(source.reference, expected, registry, options)
  return {
    verified: true,
    actual: image.digest,
    mismatches: [],
    path: null,
    artifact: null,
    sealedBy: null,
    name: source.reference.name,
    checksumsFile: source.checksumsFile,
    imageRef: image.imageRef,
    image
  }
}

export function imageRegistryFor(source: ImageSource, env: Env): ImageRegistry {
  return openImageRegistry(env, source.token, { insecureRegistries: source.plainHttp })
}

/**
 * Where an image's seal signature is found: the bundle beside a given listing, then the
 * signed bundles attached to the image in its registry (referrers API ∪ fallback tag, each
 * proven by its digest), then the repository's attestations API. Any one that verifies for
 * the signer asked is enough, as `gh attestation verify --bundle-from-oci` and the API path
 * each accept.
 */
export function imageSignatureSources(
  base: SignatureSources,
  source: ImageSource,
  registry: ImageRegistry
): SignatureSources {
  const api = base.attestations
  return {
    checksumsFile: base.checksumsFile,
    attestationsLooked: (digest) =>
      `no signed seal attached to ${source.reference.name}@${digest} in its registry (referrers API and ` +
      `fallback tag)${api === null ? '' : ` and no attestation for ${digest} in the repository's attestations`}`,
    attestations: async (digest: Digest): Promise<readonly AttestationCandidate[]> => {
      // A promotion's signed summary (push-to-registry on promote) sits beside the seal: not a candidate.
      const attached = await registry.bundles(withDigest(source.reference, digest), digest, {
        predicateType: SLSA_PROVENANCE_TYPE
      })
      const fromRegistry = attached.flatMap((found) => {
        let bundle: unknown
        try {
          bundle = JSON.parse(found.bundle.toString('utf8'))
        } catch {
          bundle = { unparsable: found.referrer.manifest.digest }
        }
        return [
          {
            bundle,
            // A URI, as a promotion's signed summary names its input attestation by this: the referrer
            // in the registry, on the wire's registry and repository so any reader can fetch it.
            source: `oci://${source.reference.registry}/${source.reference.repository}@${found.referrer.manifest.digest}`,
            digest: sha256Digest(found.bundle)
          }
        ]
      })
      return [...fromRegistry, ...(api === null ? [] : await api(digest))]
    }
  }
}
