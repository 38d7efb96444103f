import {
  DOCKER_SCHEMA1_TYPES,
  IMAGE_CONFIG_TYPES,
  bareMediaType,
  isIndexType,
  isManifestType
} from "./chunk-IOF2R6EN.js";

// stand-in:seal:src/core/digest.ts:src/core/image/manifest.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/core/image/manifest.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../seal/index-core.js";

// stand-in:seal:src/core/json-shape.ts:src/core/image/manifest.ts
import { m16$isRecord } from "../seal/index-core.js";

// src/core/image/manifest.ts?seal
var MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
var UNSPECIFIED_TYPES = /* @__PURE__ */ new Set([
  "",
  "application/json",
  "application/octet-stream",
  "text/plain"
]);
function proveManifest(bytes, expected, contentType, where) {
  const actual = m12$sha256Digest(bytes);
  if (actual !== expected) {
    throw new m14$SealError(
      "refused",
      `${where}: the registry served a manifest whose bytes hash to ${actual}, not to the digest asked for, ${expected}. The registry (or something between it and the runner) altered or swapped the manifest; nothing is trusted from it. Check the registry and the network path, then run again.`
    );
  }
  return readManifest(bytes, actual, contentType, where);
}
function readManifest(bytes, digest, contentType, where) {
  const manifest = parseManifest(bytes, contentType, `${where} (manifest ${m12$shortDigest(digest)})`);
  return { bytes, digest, mediaType: manifest.mediaType, manifest };
}
function parseManifest(bytes, contentType, where) {
  const bad = (why) => {
    throw new m14$SealError("refused", `${where}: ${why}.`);
  };
  if (bytes.length > MANIFEST_MAX_BYTES)
    bad(
      `the manifest is ${bytes.length} bytes, more than the ${MANIFEST_MAX_BYTES} a registry serves`
    );
  const header = bareMediaType(contentType);
  if (DOCKER_SCHEMA1_TYPES.includes(header)) {
    bad(
      `the registry serves a Docker schema 1 manifest (${m14$quote(header)}), whose digest is not that of its bytes; push the image again with a current client, which writes schema 2 or OCI`
    );
  }
  let json;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return bad("the manifest is not UTF-8 JSON");
  }
  if (!m16$isRecord(json)) return bad("the manifest is not a JSON object");
  const body = json;
  if (body.schemaVersion !== 2)
    bad(
      `the manifest's schemaVersion is ${m14$quote(JSON.stringify(body.schemaVersion) ?? "missing")}, not 2`
    );
  const declared = body.mediaType;
  if (declared !== void 0 && typeof declared !== "string")
    bad("the manifest's mediaType is not a string");
  const mediaType = manifestType(declared, header, bad);
  const common = {
    mediaType,
    ...optionalString(body, "artifactType", bad),
    ...body.subject === void 0 ? {} : { subject: readDescriptor(body.subject, "subject", bad) },
    ...optionalAnnotations(body, "annotations", "the manifest's annotations", bad)
  };
  if (isIndexType(mediaType)) {
    if (body.layers !== void 0 || body.config !== void 0)
      bad(
        `the manifest says it is an index (${mediaType}) but has layers or a config: refused as ambiguous`
      );
    if (!Array.isArray(body.manifests))
      return bad(`the index (${mediaType}) has no "manifests" list`);
    const manifests = body.manifests.map(
      (entry, i) => readDescriptor(entry, `manifests[${i}]`, bad)
    );
    return { kind: "index", ...common, manifests };
  }
  if (body.manifests !== void 0)
    bad(
      `the manifest says it is an image manifest (${mediaType}) but has a "manifests" list: refused as ambiguous`
    );
  if (!Array.isArray(body.layers))
    return bad(`the image manifest (${mediaType}) has no "layers" list`);
  const config = readDescriptor(body.config, "config", bad);
  const layers = body.layers.map((entry, i) => readDescriptor(entry, `layers[${i}]`, bad));
  return { kind: "image", ...common, config, layers };
}
function manifestType(declared, header, bad) {
  if (declared !== void 0 && !isManifestType(declared)) {
    if (DOCKER_SCHEMA1_TYPES.includes(declared))
      bad(
        "the manifest is Docker schema 1, whose digest is not that of its bytes; push the image again with a current client"
      );
    bad(`the manifest's mediaType ${m14$quote(declared)} is not an image manifest or index type`);
  }
  if (isManifestType(header)) {
    if (declared !== void 0 && declared !== header)
      bad(`the registry sent it as ${m14$quote(header)} but its body says ${m14$quote(declared)}`);
    return header;
  }
  if (!UNSPECIFIED_TYPES.has(header))
    bad(`the registry sent it as ${m14$quote(header)}, which is not a manifest type`);
  if (declared === void 0)
    bad(
      `neither the registry's Content-Type (${m14$quote(header)}) nor the manifest's mediaType says what kind of manifest it is`
    );
  return declared;
}
var SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;
function readDescriptor(value, field, bad) {
  if (!m16$isRecord(value)) return bad(`${field} is not a descriptor object`);
  const d = value;
  if (typeof d.mediaType !== "string" || d.mediaType === "") bad(`${field} has no mediaType`);
  if (typeof d.digest !== "string") return bad(`${field} has no digest`);
  if (!SHA256_DIGEST.test(d.digest)) {
    const algorithm = /^([a-z0-9+._-]+):/.exec(d.digest)?.[1];
    bad(
      algorithm !== void 0 && algorithm !== "sha256" ? `${field} names its content by a ${m14$quote(algorithm)} digest; artifact-seal follows sha256 digests only` : `${field}'s digest ${m14$quote(d.digest)} is not "sha256:" and 64 lower-case hex characters`
    );
  }
  if (typeof d.size !== "number" || !Number.isSafeInteger(d.size) || d.size < 0)
    bad(`${field}'s size is not a whole number of bytes`);
  return {
    mediaType: d.mediaType,
    digest: d.digest,
    size: d.size,
    ...d.platform === void 0 ? {} : { platform: readPlatform(d.platform, field, bad) },
    ...optionalString(d, "artifactType", bad),
    ...optionalAnnotations(d, "annotations", `${field}'s annotations`, bad)
  };
}
function readPlatform(value, field, bad) {
  if (!m16$isRecord(value)) return bad(`${field}'s platform is not an object`);
  const p = value;
  if (typeof p.os !== "string" || typeof p.architecture !== "string")
    return bad(`${field}'s platform lacks os or architecture`);
  if (p.variant !== void 0 && typeof p.variant !== "string")
    bad(`${field}'s platform variant is not a string`);
  if (p["os.version"] !== void 0 && typeof p["os.version"] !== "string")
    bad(`${field}'s platform os.version is not a string`);
  return {
    os: p.os,
    architecture: p.architecture,
    ...typeof p.variant === "string" ? { variant: p.variant } : {},
    ...typeof p["os.version"] === "string" ? { osVersion: p["os.version"] } : {}
  };
}
function optionalString(object, key, bad) {
  const value = object[key];
  if (value === void 0) return {};
  if (typeof value !== "string") bad(`${key} is not a string`);
  return { [key]: value };
}
function optionalAnnotations(object, key, what, bad) {
  const value = object[key];
  if (value === void 0) return {};
  if (!m16$isRecord(value)) bad(`${what} are not an object`);
  const annotations = {};
  for (const [name, text] of Object.entries(value)) {
    if (typeof text !== "string") bad(`${what}: ${m14$quote(name)} is not a string`);
    annotations[name] = text;
  }
  return { annotations };
}
var REFERENCE_TYPE_ANNOTATION = "vnd.docker.reference.type";
function formatPlatform(platform) {
  return `${platform.os}/${platform.architecture}${platform.variant === void 0 ? "" : `/${platform.variant}`}`;
}
function platformChildren(index) {
  return index.manifests.flatMap((descriptor) => {
    const platform = descriptor.platform;
    if (platform === void 0) return [];
    if (platform.os === "unknown" && platform.architecture === "unknown") return [];
    if (descriptor.annotations?.[REFERENCE_TYPE_ANNOTATION] === "attestation-manifest") return [];
    if ([platform.os, platform.architecture, platform.variant ?? ""].some((p) => p.includes("/")))
      return [];
    return [{ platform: formatPlatform(platform), descriptor }];
  });
}
var CONFIG_MAX_BYTES = 4 * 1024 * 1024;
function platformOfConfig(manifest, bytes, where) {
  const config = manifest.config;
  if (m12$sha256Digest(bytes) !== config.digest || bytes.length !== config.size) {
    throw new m14$SealError(
      "refused",
      `${where}: the config blob served for ${config.digest} hashes to ${m12$sha256Digest(bytes)} (${bytes.length} bytes, ${config.size} expected): altered or swapped on the way. Nothing is trusted from it; check the registry.`
    );
  }
  if (!IMAGE_CONFIG_TYPES.includes(config.mediaType)) {
    throw new m14$SealError(
      "refused",
      `${where}: the manifest's config is a ${m14$quote(config.mediaType)}, not an image config, so it names no platform.`
    );
  }
  let parsed;
  try {
    parsed = JSON.parse(bytes.toString("utf8"));
  } catch {
    parsed = null;
  }
  const body = typeof parsed === "object" && parsed !== null ? parsed : {};
  const text = (value) => typeof value === "string" && /^[a-z0-9][a-z0-9._-]{0,63}$/.test(value) ? value : null;
  const os = text(body.os);
  const architecture = text(body.architecture);
  const variant = body.variant === void 0 ? void 0 : text(body.variant);
  if (os === null || architecture === null || variant === null) {
    throw new m14$SealError(
      "refused",
      `${where}: the image config ${config.digest} does not name a platform (os, architecture and an optional variant, lower-case words). Push an image built for a platform.`
    );
  }
  return formatPlatform({ os, architecture, ...variant === void 0 ? {} : { variant } });
}
function childOf(index, digest) {
  return index.manifests.find((descriptor) => descriptor.digest === digest) ?? null;
}
function blobsOf(manifest) {
  return [manifest.config, ...manifest.layers];
}

export {
  m12$sha256Digest,
  MANIFEST_MAX_BYTES,
  proveManifest,
  readManifest,
  formatPlatform,
  platformChildren,
  CONFIG_MAX_BYTES,
  platformOfConfig,
  childOf,
  blobsOf
};
