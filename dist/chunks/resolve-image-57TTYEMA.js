import {
  platformChildren
} from "./chunk-UKQCJ5TF.js";
import "./chunk-IOF2R6EN.js";
import "./chunk-ULEFO6FB.js";

// src/app/image/resolve-image.ts?seal
async function resolveImage(reference, registry) {
  const pinned = await registry.pin(reference);
  const top = pinned.manifest.manifest;
  return {
    name: reference.name,
    digest: pinned.digest,
    tag: reference.digest === null ? reference.tag ?? "latest" : null,
    mediaType: pinned.manifest.mediaType,
    platforms: top.kind === "index" ? platformChildren(top) : []
  };
}
export {
  resolveImage
};
