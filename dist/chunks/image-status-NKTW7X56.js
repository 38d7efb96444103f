import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/errors.ts:src/app/image/image-status.ts
import { m13$SealError, m13$exitCodeOf, m13$isSealError, m13$messageOf, m13$quote, m13$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/image-status.ts
import { m14$DOCKER_HUB, m14$DOCKER_HUB_HOST, m14$OCI_SCHEME, m14$digestReference, m14$formatReference, m14$isImageSubject, m14$namesRegistry, m14$parseImageReference, m14$parseImageSubject, m14$parsePlainHttpRegistries, m14$registryHost, m14$sameRepository, m14$subjectName, m14$withDigest, m14$withTag } from "../promote/index-core.js";

// stand-in:promote:src/core/promotion/policy.ts:src/app/image/image-status.ts
import { m20$BREAKING_RULES, m20$DANGEROUS_RULES, m20$ROLLBACK_RULES, m20$declaresServices, m20$findEnvironment, m20$pipelineOrder, m20$requireEnvironment, m20$serviceFor, m20$upstreamOf } from "../promote/index-core.js";

// src/app/image/image-status.ts?promote
async function withImageTags(status, policy, registry) {
  return Promise.all(
    status.map(async (s) => {
      const reference = tagOf(s, policy);
      if (reference === null) return s;
      return { ...s, image: await readTag(reference, s, registry) };
    })
  );
}
function tagOf(s, policy) {
  const rule = m20$findEnvironment(policy, s.environment)?.image;
  if (rule === void 0 || s.service === null || !m14$namesRegistry(s.service)) return null;
  try {
    if (rule.tag !== null)
      return m14$withTag(m14$parseImageReference(s.service, "the service"), rule.tag, "image.tag");
    const copy = rule.copyTo === null ? null : m14$parseImageReference(rule.copyTo, "image.copy-to");
    return copy !== null && copy.tag !== null ? copy : null;
  } catch (error) {
    if (error instanceof m13$SealError) return null;
    throw error;
  }
}
async function readTag(reference, s, registry) {
  const shown = m14$formatReference(reference);
  try {
    const resolved = await registry.resolve(reference);
    const state = s.live?.digest === resolved.digest ? "live" : s.pending.some((p) => p.digest === resolved.digest) ? "pending" : "moved";
    return { reference: shown, names: resolved.digest, state, error: null };
  } catch (error) {
    if (!(error instanceof m13$SealError)) throw error;
    if (error.code === "unreadable")
      return {
        reference: shown,
        names: null,
        state: s.live === null ? "live" : "moved",
        error: null
      };
    return { reference: shown, names: null, state: "unknown", error: error.message };
  }
}
export {
  withImageTags
};
