import {
  checkListingPath,
  digestOfListing,
  formatListing,
  sortEntries
} from "./chunk-NKOJDP3X.js";
import {
  parseDigest
} from "./chunk-CGOBM355.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";

// src/core/contract/manifest.ts
var CONTRACT_FORMAT = "artifact-seal/contract/v1";
var CONTRACT_ANNOTATION = "artifact-seal.contract";
function parseContractPatterns(text, inputName) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  return lines.map((line) => {
    const match = /^(produces|consumes):\s*(.+)$/.exec(line);
    const pattern = match ? match[2] : line;
    if (pattern.startsWith("/") || pattern.split("/").includes("..")) {
      throw new SealError(`${inputName}: ${quote(pattern)} leaves the artifact. Name contract files relative to the artifact's root, such as "openapi.yaml" or "schemas/*.json".`);
    }
    return { pattern, role: match ? match[1] : null };
  });
}
function contractVersion(given, detected, inputName) {
  if (given !== "") {
    if (/\s/.test(given)) throw new SealError(`${inputName}: ${quote(given)} has spaces. Give a version such as "2.1.0".`);
    return given;
  }
  const openapi = detected.filter((d) => d.detected.kind === "openapi");
  if (openapi.length === 1 && openapi[0]?.detected.version) return openapi[0].detected.version;
  const why = openapi.length > 1 ? `the contract has ${openapi.length} OpenAPI documents (${openapi.map((d) => quote(d.path)).join(", ")}), each with its own info.version` : openapi.length === 1 ? `the OpenAPI document ${quote(openapi[0]?.path ?? "")} has no info.version` : "the contract has no OpenAPI document whose info.version could be its version";
  throw new SealError(`${inputName}: required here: ${why}. Give the contract's version, such as "2.1.0", so a later gate can tell a major bump.`);
}
function buildManifest(version, files) {
  const sorted = [...files].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { format: CONTRACT_FORMAT, version, digest: contractDigest(sorted.map((f) => ({ path: f.path, kind: f.kind === "reference" ? "openapi" : f.kind, sha256: f.sha256 }))), files: sorted };
}
var KINDS = ["openapi", "jsonschema", "graphql", "protobuf", "reference"];
function parseManifest(text, source) {
  const fail = (detail) => {
    throw new SealError(`${source}: ${detail}. Give the contract manifest the seal wrote (<name>.contract.json in the seal bundle).`);
  };
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return fail("is not JSON");
  }
  const m = value;
  if (m === null || typeof m !== "object" || m.format !== CONTRACT_FORMAT) return fail(`is not a contract manifest (format is not ${quote(CONTRACT_FORMAT)})`);
  if (typeof m.version !== "string" || m.version === "") return fail("has no version");
  if (!Array.isArray(m.files) || m.files.length === 0) return fail("lists no files");
  const files = m.files.map((f, i) => {
    if (f === null || typeof f !== "object" || typeof f.path !== "string" || typeof f.sha256 !== "string" || !KINDS.includes(f.kind)) {
      return fail(`file ${i + 1} lacks its path, sha256 or a known kind`);
    }
    try {
      checkListingPath(f.path, `${source}: file ${i + 1}`);
    } catch (error) {
      return fail(`file ${i + 1} has the path ${quote(f.path)}, which is not a relative path inside the artifact (${error instanceof Error ? error.message : String(error)})`);
    }
    const role = f.role === "produces" || f.role === "consumes" ? f.role : null;
    return { path: f.path, kind: f.kind, sha256: f.sha256, role, openapiVersion: typeof f.openapiVersion === "string" ? f.openapiVersion : null };
  });
  let digest;
  try {
    digest = parseDigest(String(m.digest), "digest");
  } catch {
    return fail(`its digest ${quote(String(m.digest))} is not "sha256:<hex>"`);
  }
  const manifest = buildManifest(m.version, files);
  if (manifest.digest !== digest) return fail(`says its digest is ${digest}, but its files make ${manifest.digest}: it was edited`);
  return manifest;
}
function contractDigest(files) {
  if (files.length === 0) throw new SealError("No contract files: a contract digest needs at least one file.");
  const seen = /* @__PURE__ */ new Set();
  const entries = files.map((file) => {
    checkListingPath(file.path, "contract");
    if (seen.has(file.path)) throw new SealError(`contract: the file ${quote(file.path)} is named twice. Name each contract file once.`);
    seen.add(file.path);
    const hex = file.sha256.toLowerCase().replace(/^sha256:/, "");
    if (!/^[0-9a-f]{64}$/.test(hex)) {
      throw new SealError(`contract: the sha256 of ${quote(file.path)} is ${quote(file.sha256)}, not 64 hex digits.`);
    }
    return { path: file.path, hex };
  });
  return digestOfListing(formatListing(sortEntries(entries)));
}

export {
  CONTRACT_ANNOTATION,
  parseContractPatterns,
  contractVersion,
  buildManifest,
  parseManifest
};
