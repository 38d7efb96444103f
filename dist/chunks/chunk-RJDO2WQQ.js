
// stand-in:promote:src/core/digest.ts:src/core/contract/manifest.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../promote/index-core.js";

// stand-in:promote:src/core/errors.ts:src/core/contract/manifest.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/listing.ts:src/core/contract/manifest.ts
import { m18$checkListingPath, m18$compareUtf8, m18$describesListing, m18$diffListings, m18$digestOfListing, m18$formatListing, m18$listingFromDigests, m18$listingFromPathBytes, m18$parseListing, m18$sortEntries } from "../promote/index-core.js";

// stand-in:promote:src/core/control-characters.ts:src/core/contract/manifest.ts
import { m11$ANY_CONTROL, m11$CONTROL_CHARACTERS } from "../promote/index-core.js";

// src/core/contract/manifest.ts?promote
var CONTRACT_FORMAT = "artifact-seal/contract/v2";
var CONTRACT_FORMAT_V1 = "artifact-seal/contract/v1";
var CONTRACT_ANNOTATION = "artifact-seal.contract";
var UNVERSIONED = "unversioned";
function contractVersion(given, detected, inputName) {
  if (given !== "") {
    if (!VERSION.test(given))
      throw new m14$SealError(
        "bad-input",
        `${inputName}: ${m14$quote(given)} has spaces or control characters. Give a version such as "2.1.0".`
      );
    return { version: given, from: "contract-version" };
  }
  const openapi = detected.filter((d) => d.detected.kind === "openapi");
  const found = openapi.length === 1 ? openapi[0]?.detected.version : void 0;
  if (found !== void 0 && VERSION.test(found)) return { version: found, from: "info.version" };
  const why = openapi.length > 1 ? `the contract has ${openapi.length} OpenAPI documents (${openapi.map((d) => m14$quote(d.path)).join(", ")}), each with its own info.version` : openapi.length === 1 ? found === void 0 ? `the OpenAPI document ${m14$quote(openapi[0]?.path ?? "")} has no info.version` : `the info.version ${m14$quote(found)} of ${m14$quote(openapi[0]?.path ?? "")} has spaces or control characters` : "the contract has no OpenAPI document whose info.version could be its version";
  throw new m14$SealError(
    "bad-input",
    `${inputName}: required here: ${why}. Give the contract's version, such as "2.1.0", so a later gate can tell a major bump.`
  );
}
var VERSION = new RegExp(`^[^\\s${m11$CONTROL_CHARACTERS}]+$`, "u");
var KINDS = [
  "openapi",
  "jsonschema",
  "graphql",
  "protobuf",
  "reference"
];
var OPENAPI_VERSIONS = ["2.0", "3.0", "3.1"];
var VERSION_SOURCES = ["info.version", "contract-version", "none"];
function buildManifest(version, files) {
  const sorted = [...files].sort((a, b) => m18$compareUtf8(a.path, b.path));
  return {
    format: CONTRACT_FORMAT,
    version: version.version,
    versionFrom: version.from,
    digest: contractDigest(version, sorted),
    files: sorted
  };
}
function contractIdentityText(version, files) {
  if (files.length === 0)
    throw new m14$SealError(
      "bad-input",
      "No contract files: a contract digest needs at least one file."
    );
  if (!VERSION.test(version.version))
    throw new m14$SealError(
      "bad-input",
      `contract: the version ${m14$quote(version.version)} has spaces or control characters. Give a version such as "2.1.0".`
    );
  const seen = /* @__PURE__ */ new Set();
  const lines = [...files].sort((a, b) => m18$compareUtf8(a.path, b.path)).map((file) => {
    m18$checkListingPath(file.path, "contract");
    if (seen.has(file.path))
      throw new m14$SealError(
        "malformed",
        `contract: the file ${m14$quote(file.path)} is named twice. Name each contract file once.`
      );
    seen.add(file.path);
    if (!/^[0-9a-f]{64}$/.test(file.sha256))
      throw new m14$SealError(
        "malformed",
        `contract: the sha256 of ${m14$quote(file.path)} is ${m14$quote(file.sha256)}, not 64 lowercase hex digits.`
      );
    return `${file.sha256} ${file.kind} ${file.openapiVersion ?? "-"} ${file.role ?? "-"}  ${file.path}
`;
  });
  return `${CONTRACT_FORMAT}
version ${version.version} ${version.from}
${lines.join("")}`;
}
function contractDigest(version, files) {
  return m18$digestOfListing(contractIdentityText(version, files));
}
function parseManifest(text, source) {
  const fail = (detail) => {
    throw new m14$SealError(
      "malformed",
      `${source}: ${detail}. Give the contract manifest the seal wrote (<name>.contract.json in the seal bundle).`
    );
  };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("is not JSON");
  }
  const m = value;
  if (m === null || typeof m !== "object" || Array.isArray(m))
    return fail("is not a contract manifest");
  if (m.format === CONTRACT_FORMAT_V1) {
    throw new m14$SealError(
      "outdated",
      `${source}: was written by an earlier artifact-seal (format ${m14$quote(CONTRACT_FORMAT_V1)}), whose contract digest covers the files' bytes but not their kinds, the JSON Schema roles or the version, so nothing it says beyond the bytes can be trusted. Seal the artifact again with this artifact-seal; to compare by hand, point "artifact-seal contract diff" at the files in its .contract/ directory.`
    );
  }
  if (m.format !== CONTRACT_FORMAT)
    return fail(`is not a contract manifest (format is not ${m14$quote(CONTRACT_FORMAT)})`);
  const unknown = Object.keys(m).filter(
    (k) => !["format", "version", "versionFrom", "digest", "files"].includes(k)
  );
  if (unknown.length > 0)
    return fail(`has fields a seal does not write (${unknown.map((k) => m14$quote(k)).join(", ")})`);
  if (typeof m.version !== "string" || !VERSION.test(m.version))
    return fail("has no version, or one with spaces or control characters");
  if (!VERSION_SOURCES.includes(m.versionFrom))
    return fail(
      `says its version comes from ${m14$quote(String(m.versionFrom))}, not one of ${VERSION_SOURCES.join(", ")}`
    );
  if (!Array.isArray(m.files) || m.files.length === 0) return fail("lists no files");
  const files = m.files.map(
    (f, i) => {
      const at = `file ${i + 1}`;
      if (f === null || typeof f !== "object" || Array.isArray(f) || typeof f.path !== "string")
        return fail(`${at} lacks its path`);
      const extra = Object.keys(f).filter(
        (k) => !["path", "kind", "sha256", "role", "openapiVersion"].includes(k)
      );
      if (extra.length > 0)
        return fail(
          `${at} has fields a seal does not write (${extra.map((k) => m14$quote(k)).join(", ")})`
        );
      try {
        m18$checkListingPath(f.path, `${source}: ${at}`);
      } catch (error) {
        return fail(
          `${at} has the path ${m14$quote(f.path)}, which is not a relative path inside the artifact (${m14$messageOf(error)})`
        );
      }
      if (typeof f.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(f.sha256))
        return fail(`${at} (${m14$quote(f.path)}) has no sha256 of 64 lowercase hex digits`);
      const kind = f.kind;
      if (!KINDS.includes(kind))
        return fail(
          `${at} (${m14$quote(f.path)}) has the kind ${m14$quote(String(f.kind))}, not one of ${KINDS.join(", ")}`
        );
      const openapiVersion = f.openapiVersion ?? null;
      if (kind === "openapi" ? !OPENAPI_VERSIONS.includes(openapiVersion) : openapiVersion !== null) {
        return fail(
          `${at} (${m14$quote(f.path)}) has the openapiVersion ${m14$quote(String(openapiVersion))}; an OpenAPI document has one of ${OPENAPI_VERSIONS.join(", ")}, any other file null`
        );
      }
      const role = f.role ?? null;
      if (kind === "jsonschema" ? role !== "produces" && role !== "consumes" : role !== null) {
        return fail(
          `${at} (${m14$quote(f.path)}) has the role ${m14$quote(String(role))}; a JSON Schema is "produces" or "consumes", any other file null`
        );
      }
      return {
        path: f.path,
        kind,
        sha256: f.sha256,
        role,
        openapiVersion
      };
    }
  );
  if (files.every((f) => f.kind === "reference"))
    return fail("names no contract file, only files referred to");
  let digest;
  try {
    digest = m12$parseDigest(String(m.digest), "digest");
  } catch {
    return fail(`its digest ${m14$quote(String(m.digest))} is not "sha256:<hex>"`);
  }
  let manifest;
  try {
    manifest = buildManifest({ version: m.version, from: m.versionFrom }, files);
  } catch (error) {
    if (!(error instanceof m14$SealError)) throw error;
    return fail(error.message);
  }
  if (manifest.digest !== digest)
    return fail(
      `says its digest is ${digest}, but what it says makes ${manifest.digest}: it was edited`
    );
  return manifest;
}

export {
  CONTRACT_ANNOTATION,
  UNVERSIONED,
  contractVersion,
  buildManifest,
  parseManifest
};
