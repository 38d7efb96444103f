import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/errors.ts:src/app/image/image-status.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/image-status.ts
import { m15$DOCKER_HUB, m15$DOCKER_HUB_HOST, m15$OCI_SCHEME, m15$digestReference, m15$formatReference, m15$isImageSubject, m15$namesRegistry, m15$parseImageReference, m15$parseImageSubject, m15$parsePlainHttpRegistries, m15$registryHost, m15$sameRepository, m15$subjectName, m15$withDigest, m15$withTag } from "../promote/index-core.js";

// stand-in:promote:src/core/promotion/policy.ts:src/app/image/image-status.ts
import { m21$BREAKING_RULES, m21$DANGEROUS_RULES, m21$ROLLBACK_RULES, m21$declaresServices, m21$findEnvironment, m21$pipelineOrder, m21$requireEnvironment, m21$serviceFor, m21$upstreamOf } from "../promote/index-core.js";

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
  const rule = m21$findEnvironment(policy, s.environment)?.image;
  if (rule === void 0 || s.service === null || !m15$namesRegistry(s.service)) return null;
  try {
    if (rule.tag !== null)
      return m15$withTag(m15$parseImageReference(s.service, "the service"), rule.tag, "image.tag");
    const copy = rule.copyTo === null ? null : m15$parseImageReference(rule.copyTo, "image.copy-to");
    return copy !== null && copy.tag !== null ? copy : null;
  } catch (error) {
    if (error instanceof m14$SealError) return null;
    throw error;
  }
}
async function readTag(reference, s, registry) {
  const shown = m15$formatReference(reference);
  try {
    const resolved = await registry.resolve(reference);
    const state = s.live?.digest === resolved.digest ? "live" : s.pending.some((p) => p.digest === resolved.digest) ? "pending" : "moved";
    return { reference: shown, names: resolved.digest, state, error: null };
  } catch (error) {
    if (!(error instanceof m14$SealError)) throw error;
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
