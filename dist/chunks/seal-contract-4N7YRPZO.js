import {
  detectContractKind
} from "./chunk-X6XH6LHW.js";
import "./chunk-Q46E44F5.js";
import {
  CONTRACT_ANNOTATION,
  buildManifest,
  contractVersion
} from "./chunk-5JBH2JDF.js";
import {
  parseListing
} from "./chunk-NKOJDP3X.js";
import "./chunk-CGOBM355.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";
import {
  require_dist
} from "./chunk-SWPOQELI.js";
import {
  require_picomatch
} from "./chunk-G5FGRV6Q.js";
import "./chunk-KTVEUXKI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/app/seal-contract.ts
var import_picomatch = __toESM(require_picomatch(), 1);
var import_yaml = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
function collectContract(artifact, request) {
  const { inputs } = request;
  if (artifact.root === null) {
    throw new SealError(`${inputs.contract}: the contract is read from the sealed files, and this seal reads none. Seal with subject-path, or remove ${inputs.contract}.`);
  }
  const root = artifact.root;
  const listed = new Map(parseListing(artifact.listing.toString("utf8"), "the sealed listing").map((e) => [e.path, e.hex]));
  const read = (rel, why) => {
    const hex2 = listed.get(rel);
    if (hex2 === void 0) {
      throw new SealError(`${inputs.contract}: ${why} ${quote(rel)}, which is not one of the sealed files. The contract must be part of the artifact: seal it with the rest.`);
    }
    const bytes = fs.readFileSync(path.join(root, ...rel.split("/")));
    if (createHash("sha256").update(bytes).digest("hex") !== hex2) {
      throw new SealError(`${inputs.contract}: ${quote(rel)} changed while it was being sealed. Seal again once the build has finished writing.`);
    }
    return bytes;
  };
  const declared = /* @__PURE__ */ new Map();
  for (const { pattern, role } of request.patterns) {
    const isMatch = (0, import_picomatch.default)(pattern, { dot: true });
    const matches = [...listed.keys()].filter((p) => isMatch(p));
    if (matches.length === 0) {
      throw new SealError(`${inputs.contract}: ${quote(pattern)} matches none of the sealed files. Name contract files relative to the artifact's root (${quote(root)}).`);
    }
    for (const match of matches) declared.set(match, { role });
  }
  const entries = [];
  const bytesOf = /* @__PURE__ */ new Map();
  const detected = [];
  const pending = [];
  for (const [rel, { role }] of declared) {
    const bytes = read(rel, "names");
    const found = detectContractKind(rel, bytes.toString("utf8"));
    if (found.kind === "jsonschema" && role === null) {
      throw new SealError(
        `${inputs.contract}: ${quote(rel)} is a JSON Schema; say whether the service produces or consumes documents of it ("produces: ${rel}" or "consumes: ${rel}"), so a change is judged as a response or a request change.`
      );
    }
    if (found.kind !== "jsonschema" && role !== null) {
      throw new SealError(`${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${quote(rel)} is ${found.kind}. Remove "${role}:".`);
    }
    detected.push({ path: rel, detected: found });
    bytesOf.set(rel, bytes);
    entries.push({ path: rel, kind: found.kind, sha256: hex(bytes), role, openapiVersion: found.openapiVersion ?? null });
    pending.push(...referencesOf(rel, found.kind, bytes.toString("utf8"), inputs.contract));
  }
  while (pending.length > 0) {
    const rel = pending.pop();
    if (bytesOf.has(rel)) continue;
    const bytes = read(rel, "a contract file refers to");
    bytesOf.set(rel, bytes);
    entries.push({ path: rel, kind: "reference", sha256: hex(bytes), role: null, openapiVersion: null });
    const kind = rel.endsWith(".proto") ? "protobuf" : "openapi";
    pending.push(...referencesOf(rel, kind, bytes.toString("utf8"), inputs.contract));
  }
  const manifest = buildManifest(contractVersion(request.version, detected, inputs.version), entries);
  return { manifest, files: manifest.files.map((f) => ({ path: f.path, bytes: bytesOf.get(f.path) })) };
}
function hex(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function referencesOf(file, kind, text, inputName) {
  const dir = path.posix.dirname(file);
  const inside = (target, what) => {
    const resolved = path.posix.normalize(path.posix.join(dir, target));
    if (resolved.startsWith("../") || resolved === ".." || path.posix.isAbsolute(target)) {
      throw new SealError(`${inputName}: ${quote(file)} refers to ${quote(what)}, outside the artifact. A contract may refer only to files sealed with it; move the file into the artifact.`);
    }
    return resolved;
  };
  if (kind === "protobuf") {
    const imports = [...text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)].map((m) => m[1]);
    return imports.filter((i) => !i.startsWith("google/protobuf/")).map((i) => inside(path.posix.relative(dir, i), i));
  }
  if (kind !== "openapi" && kind !== "jsonschema") return [];
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch {
    return [];
  }
  const refs = /* @__PURE__ */ new Set();
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string") refs.add(value);
        else walk(value);
      }
    }
  };
  walk(doc);
  const files = [];
  for (const ref of refs) {
    if (ref.startsWith("#")) continue;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
      throw new SealError(`${inputName}: ${quote(file)} has a $ref to ${quote(ref)}, a URL. A contract is checked without the network; copy the referenced document into the artifact and refer to it by path.`);
    }
    let target;
    try {
      target = decodeURIComponent(ref.split("#")[0]);
    } catch {
      throw new SealError(`${inputName}: ${quote(file)} has a $ref ${quote(ref)} with a malformed %-escape. Write each % as %25 in a $ref.`);
    }
    if (target !== "") files.push(inside(target, ref));
  }
  return files;
}
function withContractAnnotation(statement, manifest) {
  const [first, ...rest] = statement.subject;
  if (first === void 0) return statement;
  const annotated = { ...first, annotations: { [CONTRACT_ANNOTATION]: { digest: manifest.digest, version: manifest.version } } };
  return { ...statement, subject: [annotated, ...rest] };
}
export {
  collectContract,
  withContractAnnotation
};
