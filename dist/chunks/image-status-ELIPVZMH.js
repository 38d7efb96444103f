import {
  findEnvironment
} from "./chunk-UHB2LTWT.js";
import {
  formatReference,
  namesRegistry,
  parseImageReference,
  withTag
} from "./chunk-N5LYBXRY.js";
import "./chunk-KRR2HU2L.js";
import {
  SealError
} from "./chunk-C7O7QJOZ.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/app/image/image-status.ts
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
  const rule = findEnvironment(policy, s.environment)?.image;
  if (rule === void 0 || s.service === null || !namesRegistry(s.service)) return null;
  try {
    if (rule.tag !== null)
      return withTag(parseImageReference(s.service, "the service"), rule.tag, "image.tag");
    const copy = rule.copyTo === null ? null : parseImageReference(rule.copyTo, "image.copy-to");
    return copy !== null && copy.tag !== null ? copy : null;
  } catch (error) {
    if (error instanceof SealError) return null;
    throw error;
  }
}
async function readTag(reference, s, registry) {
  const shown = formatReference(reference);
  try {
    const resolved = await registry.resolve(reference);
    const state = s.live?.digest === resolved.digest ? "live" : s.pending.some((p) => p.digest === resolved.digest) ? "pending" : "moved";
    return { reference: shown, names: resolved.digest, state, error: null };
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
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
