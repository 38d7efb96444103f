import {
  openImageRegistry
} from "./chunk-PZIXANGW.js";
import "./chunk-QIE64KWE.js";
import "./chunk-M6ACESL2.js";
import "./chunk-GFS6RC4G.js";
import "./chunk-AVGSY6YS.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-S6LFGLV7.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/move-image.ts
import { m13$DOCKER_HUB, m13$DOCKER_HUB_HOST, m13$OCI_SCHEME, m13$digestReference, m13$formatReference, m13$isImageSubject, m13$parseImageReference, m13$parseImageSubject, m13$registryHost, m13$sameRepository, m13$subjectName, m13$withDigest, m13$withTag } from "../promote/index-core.js";

// src/app/image/move-image.ts?promote
async function moveImage(reference, digest, rule, registry, environment) {
  const done = [];
  let imageRef = m13$digestReference(reference, digest);
  if (rule.tag !== null) {
    await registry.retag(reference, digest, rule.tag);
    done.push(`${m13$formatReference({ ...reference, tag: rule.tag, digest: null })} now names ${digest}`);
  }
  if (rule.copyTo !== null) {
    const destination = m13$parseImageReference(rule.copyTo, `environments.${environment}.image.copy-to`);
    const copied = await registry.copy(m13$withDigest(reference, digest), digest, destination);
    imageRef = copied.digestReference;
    done.push(
      `copied ${digest} to ${m13$formatReference(destination)}: ${copied.manifests} manifest(s); blobs ${copied.blobs.mounted} mounted, ${copied.blobs.uploaded} uploaded, ${copied.blobs.present} already there; ${copied.referrers} referrer(s)`
    );
  }
  return { imageRef, done };
}
function moveImageWith(env, token) {
  const registry = openImageRegistry(env, token);
  return (reference, digest, rule, environment) => moveImage(reference, digest, rule, registry, environment);
}
export {
  moveImage,
  moveImageWith
};
