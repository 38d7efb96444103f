import {
  SealError,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  hash
} from "./chunk-VF62UBY7.js";

// src/core/digest.ts
var HEX64 = /^[0-9a-f]{64}$/;
function digestFromHex(hex) {
  return `sha256:${hex}`;
}
function sha256Digest(data) {
  return digestFromHex(sha256Hex(data));
}
function sha256Hex(data) {
  return hash("sha256", data, "hex");
}
function hexOf(digest) {
  return digest.slice("sha256:".length);
}
function shortDigest(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}
function parseDigest(value, what) {
  const trimmed = value.trim();
  const lowered = trimmed.toLowerCase();
  const hex = lowered.startsWith("sha256:") ? lowered.slice("sha256:".length) : lowered;
  if (HEX64.test(hex)) return digestFromHex(hex);
  const algorithm = /^([a-z0-9_-]+):/.exec(lowered)?.[1];
  if (algorithm !== void 0 && algorithm !== "sha256") {
    throw new SealError(
      "bad-input",
      `${what}: ${quote(trimmed)} is a ${algorithm} digest; artifact-seal reads sha256 digests only. Give "sha256:" followed by 64 hex characters.`
    );
  }
  throw new SealError(
    "bad-input",
    `${what}: ${quote(trimmed)} is not a sha256 digest. Give "sha256:" followed by 64 hex characters, or the 64 hex characters alone (got ${hex.length} characters${/[^0-9a-f]/.test(hex) ? ", some not hex" : ""}).`
  );
}

export {
  digestFromHex,
  sha256Digest,
  sha256Hex,
  hexOf,
  shortDigest,
  parseDigest
};
