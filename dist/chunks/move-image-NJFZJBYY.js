import {
  openImageRegistry
} from "./chunk-HKT7E6ZY.js";
import "./chunk-6Q2WRFY4.js";
import "./chunk-7NBIB6HM.js";
import "./chunk-P4TSECCU.js";
import "./chunk-PXYCEGCV.js";
import "./chunk-PEFIDIUF.js";
import "./chunk-QLO65AW2.js";
import "./chunk-M6ACESL2.js";
import "./chunk-Y3QM5BXP.js";
import "./chunk-VF62UBY7.js";
import "./chunk-SHE4BTPW.js";
import "./chunk-KUE42OYI.js";
import "./chunk-ULEFO6FB.js";

// stand-in:promote:src/core/image/reference.ts:src/app/image/move-image.ts
import { m14$DOCKER_HUB, m14$DOCKER_HUB_HOST, m14$OCI_SCHEME, m14$digestReference, m14$formatReference, m14$isImageSubject, m14$parseImageReference, m14$parseImageSubject, m14$registryHost, m14$sameRepository, m14$subjectName, m14$withDigest, m14$withTag } from "../promote/index-core.js";

// src/app/image/move-image.ts?promote
async function moveImage(reference, digest, rule, registry, environment) {
  const done = [];
  let imageRef = m14$digestReference(reference, digest);
  if (rule.tag !== null) {
    await registry.retag(reference, digest, rule.tag);
    done.push(
      `${m14$formatReference({ ...reference, tag: rule.tag, digest: null })} now names ${digest}`
    );
  }
  if (rule.copyTo !== null) {
    const destination = m14$parseImageReference(
      rule.copyTo,
      `environments.${environment}.image.copy-to`
    );
    const copied = await registry.copy(m14$withDigest(reference, digest), digest, destination);
    imageRef = copied.digestReference;
    done.push(
      `copied ${digest} to ${m14$formatReference(destination)}: ${copied.manifests} manifest(s); blobs ${copied.blobs.mounted} mounted, ${copied.blobs.uploaded} uploaded, ${copied.blobs.present} already there; ${copied.referrers} referrer(s)`
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
