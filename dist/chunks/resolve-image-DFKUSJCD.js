import {
  platformChildren
} from "./chunk-ZPQHICT5.js";
import "./chunk-6ESBXOH6.js";
import "./chunk-KRR2HU2L.js";
import "./chunk-C7O7QJOZ.js";
import "./chunk-IOF2R6EN.js";
import "./chunk-VF62UBY7.js";
import "./chunk-ULEFO6FB.js";

// src/app/image/resolve-image.ts
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
