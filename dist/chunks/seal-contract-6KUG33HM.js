import {
  require_picomatch
} from "./chunk-G5FGRV6Q.js";
import {
  isJsonFile,
  isProtobufFile,
  kindOfName
} from "./chunk-WHHTSQ7G.js";
import {
  require_dist
} from "./chunk-SWPOQELI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/app/seal-contract.ts?seal
var import_picomatch = __toESM(require_picomatch());
import { createHash as createHash2 } from "node:crypto";
import * as fs from "node:fs";
import * as path2 from "node:path";

// stand-in:seal:src/core/errors.ts:src/app/seal-contract.ts
import { m9$BadInputError, m9$SealError, m9$quote } from "../seal/index-core.js";

// src/core/contract/identity.ts?seal
import { createHash } from "node:crypto";

// stand-in:seal:src/core/errors.ts:src/core/contract/identity.ts
import { m9$BadInputError as m9$BadInputError2, m9$SealError as m9$SealError2, m9$quote as m9$quote2 } from "../seal/index-core.js";

// src/core/contract/detect.ts?seal
var import_yaml = __toESM(require_dist());

// stand-in:seal:src/core/errors.ts:src/core/contract/detect.ts
import { m9$BadInputError as m9$BadInputError3, m9$SealError as m9$SealError3, m9$quote as m9$quote3 } from "../seal/index-core.js";

// src/core/contract/detect.ts?seal
var KINDS_HELP = 'A contract file is an OpenAPI 2.0/3.0/3.1 document (a "swagger" or "openapi" key, YAML or JSON), a JSON Schema ("$schema", or a top-level "type", "properties" or "$defs"), GraphQL SDL (.graphql, .gql) or protobuf (.proto). Remove the file from the "contract" input or give one of these.';
var JSON_SCHEMA_TYPES = /* @__PURE__ */ new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);
function detectContractKind(path3, text) {
  const named = kindOfName(path3);
  if (named === "graphql") return { kind: "graphql" };
  if (named === "protobuf") return { kind: "protobuf" };
  const structured = named === "document";
  if (isJsonFile(path3)) {
    const fast = detectJson(path3, text);
    if (fast !== null) return fast;
  }
  const document = (0, import_yaml.parseDocument)(text, { prettyErrors: true, uniqueKeys: true, strict: true });
  const error = document.errors[0];
  if (error) {
    if (!structured) throw new m9$SealError3(`${m9$quote3(path3)} is not a contract file. ${KINDS_HELP}`);
    const at = error.linePos?.[0];
    const position = at ? `:${at.line}:${at.col}` : "";
    throw new m9$SealError3(`${path3}${position}: the document cannot be read as YAML or JSON: ${firstLine(error.message)} Fix the syntax at that place.`);
  }
  const root = document.contents;
  if (!(0, import_yaml.isMap)(root)) throw new m9$SealError3(`${m9$quote3(path3)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`);
  const swagger = root.get("swagger", true);
  const openapi = root.get("openapi", true);
  if (swagger !== void 0 || openapi !== void 0) {
    const openapiVersion = openapiVersionOf(path3, swagger === void 0 ? void 0 : scalarText(swagger), openapi === void 0 ? void 0 : scalarText(openapi));
    const version = infoVersion(root.get("info", true));
    return version === void 0 ? { kind: "openapi", openapiVersion } : { kind: "openapi", openapiVersion, version };
  }
  if (looksLikeJsonSchema(root)) return { kind: "jsonschema" };
  throw new m9$SealError3(`${m9$quote3(path3)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`);
}
function detectJson(path3, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value) || hasDuplicateKey(text)) return null;
  const root = value;
  const textOf = (v) => v === void 0 ? void 0 : typeof v === "string" ? v.trim() : null;
  const { swagger, openapi } = root;
  if (swagger !== void 0 || openapi !== void 0) {
    const info = root.info;
    const version = typeof info === "object" && info !== null && !Array.isArray(info) ? info.version : void 0;
    if (swagger !== void 0 && typeof swagger !== "string" || openapi !== void 0 && typeof openapi !== "string" || version !== void 0 && typeof version !== "string") return null;
    const openapiVersion = openapiVersionOf(path3, textOf(swagger), textOf(openapi));
    const declared = textOf(version);
    return declared ? { kind: "openapi", openapiVersion, version: declared } : { kind: "openapi", openapiVersion };
  }
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  const type = root.type;
  const schema = typeof root.$schema === "string" || isObject(root.properties) || isObject(root.$defs) || typeof type === "string" && JSON_SCHEMA_TYPES.has(type) || Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && JSON_SCHEMA_TYPES.has(t));
  if (schema) return { kind: "jsonschema" };
  throw new m9$SealError3(`${m9$quote3(path3)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`);
}
function firstLine(message) {
  const line = (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
  return line.endsWith(".") ? line : `${line}.`;
}
function scalarText(node) {
  if (!(0, import_yaml.isScalar)(node)) return null;
  if (typeof node.source === "string" && node.source !== "") return node.source.trim();
  if (typeof node.value === "string" || typeof node.value === "number") return String(node.value);
  return null;
}
function openapiVersionOf(path3, swagger, openapi) {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".';
  if (swagger !== void 0 && openapi !== void 0) {
    throw new m9$SealError3(`${path3}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`);
  }
  if (swagger !== void 0) {
    if (swagger === "2.0" || swagger === "2") return "2.0";
    throw new m9$SealError3(`${path3}: "swagger" is ${m9$quote3(swagger ?? "not a string")}, not a supported OpenAPI version. ${fix}`);
  }
  const text = openapi ?? null;
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text);
  if (match) return match[1] === "0" ? "3.0" : "3.1";
  throw new m9$SealError3(`${path3}: "openapi" is ${m9$quote3(text ?? "not a string")}, not a supported OpenAPI version. ${fix}`);
}
function infoVersion(info) {
  if (!(0, import_yaml.isMap)(info)) return void 0;
  const text = scalarText(info.get("version", true));
  return text === null || text === "" ? void 0 : text;
}
function looksLikeJsonSchema(root) {
  const schema = root.get("$schema", true);
  if ((0, import_yaml.isScalar)(schema) && typeof schema.value === "string") return true;
  if ((0, import_yaml.isMap)(root.get("properties", true)) || (0, import_yaml.isMap)(root.get("$defs", true))) return true;
  const type = root.get("type", true);
  if ((0, import_yaml.isScalar)(type)) return typeof type.value === "string" && JSON_SCHEMA_TYPES.has(type.value);
  const items = type?.items;
  return Array.isArray(items) && items.length > 0 && items.every((item) => (0, import_yaml.isScalar)(item) && typeof item.value === "string" && JSON_SCHEMA_TYPES.has(item.value));
}
function hasDuplicateKey(text) {
  const open = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      let end = i + 1;
      let escaped = false;
      for (; ; ) {
        const d = text.charCodeAt(end);
        if (d === 92) {
          escaped = true;
          end += 2;
        } else if (d === 34) {
          break;
        } else {
          end += 1;
        }
      }
      const keys = open.at(-1);
      if (expectingKey && keys) {
        const key = escaped ? JSON.parse(text.slice(i, end + 1)) : text.slice(i + 1, end);
        if (keys.has(key)) return true;
        keys.add(key);
        expectingKey = false;
      }
      i = end;
    } else if (c === 123) {
      open.push(/* @__PURE__ */ new Set());
      expectingKey = true;
    } else if (c === 91) {
      open.push(null);
    } else if (c === 125 || c === 93) {
      open.pop();
    } else if (c === 44) {
      expectingKey = (open.at(-1) ?? null) !== null;
    }
  }
  return false;
}

// stand-in:seal:src/core/contract/manifest.ts:src/core/contract/identity.ts
import { m7$CONTRACT_ANNOTATION, m7$CONTRACT_FORMAT, m7$CONTRACT_FORMAT_V1, m7$EarlierContractFormatError, m7$UNVERSIONED, m7$buildManifest, m7$contractDigest, m7$contractIdentityText, m7$contractVersion, m7$parseContractPatterns, m7$parseManifest } from "../seal/index-core.js";

// src/core/contract/references.ts?seal
var import_yaml2 = __toESM(require_dist());
import * as path from "node:path";

// stand-in:seal:src/core/errors.ts:src/core/contract/references.ts
import { m9$BadInputError as m9$BadInputError4, m9$SealError as m9$SealError4, m9$quote as m9$quote4 } from "../seal/index-core.js";

// src/core/contract/references.ts?seal
function referenceKind(file) {
  return isProtobufFile(file) ? "protobuf" : "openapi";
}
function referencesOf(file, kind, text, inputName) {
  const dir = path.posix.dirname(file);
  const inside = (target, what) => {
    const resolved = path.posix.normalize(path.posix.join(dir, target));
    if (resolved.startsWith("../") || resolved === ".." || path.posix.isAbsolute(target)) {
      throw new m9$SealError4(`${inputName}: ${m9$quote4(file)} refers to ${m9$quote4(what)}, outside the artifact. A contract may refer only to files sealed with it; move the file into the artifact.`);
    }
    return resolved;
  };
  if (kind === "protobuf") {
    const imports = [...text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)].map((m) => m[1]);
    return imports.filter((i) => !i.startsWith("google/protobuf/")).map((i) => inside(path.posix.relative(dir, i), i));
  }
  if (kind !== "openapi" && kind !== "jsonschema") return [];
  const doc = readDocument(file, text);
  if (doc === void 0) return [];
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
      throw new m9$SealError4(`${inputName}: ${m9$quote4(file)} has a $ref to ${m9$quote4(ref)}, a URL. A contract is checked without the network; copy the referenced document into the artifact and refer to it by path.`);
    }
    let target;
    try {
      target = decodeURIComponent(ref.split("#")[0]);
    } catch {
      throw new m9$SealError4(`${inputName}: ${m9$quote4(file)} has a $ref to ${m9$quote4(ref)}, which is not a valid URI reference (a "%" not followed by two hex digits). Write the file's path with "%" as "%25", or without escapes.`);
    }
    if (target !== "") files.push(inside(target, ref));
  }
  return files;
}
function readDocument(file, text) {
  if (isJsonFile(file)) {
    try {
      return JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch {
    }
  }
  try {
    return (0, import_yaml2.parse)(text);
  } catch {
    return void 0;
  }
}

// src/core/contract/identity.ts?seal
function describeContract(declared, read, options) {
  const { inputs } = options;
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  const detected = [];
  const pending = [];
  for (const { path: path3, role: declaredRole } of declared) {
    if (seen.has(path3)) continue;
    seen.add(path3);
    const bytes = read(path3, "declared");
    const text = bytes.toString("utf8");
    const found = detectContractKind(path3, text);
    const role = found.kind === "jsonschema" ? declaredRole ?? options.defaultRole ?? null : declaredRole;
    if (found.kind === "jsonschema" && role === null) {
      throw new m9$SealError2(
        `${inputs.contract}: ${m9$quote2(path3)} is a JSON Schema; say whether the service produces or consumes documents of it ("produces: ${path3}" or "consumes: ${path3}"), so a change is judged as a response or a request change.`
      );
    }
    if (found.kind !== "jsonschema" && role !== null) {
      throw new m9$SealError2(`${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${m9$quote2(path3)} is ${found.kind}. Remove "${role}:".`);
    }
    detected.push({ path: path3, detected: found });
    entries.push({ path: path3, kind: found.kind, sha256: sha256(bytes), role, openapiVersion: found.openapiVersion ?? null });
    pending.push(...referencesOf(path3, found.kind, text, inputs.contract));
  }
  while (pending.length > 0) {
    const path3 = pending.pop();
    if (seen.has(path3)) continue;
    seen.add(path3);
    const bytes = read(path3, "referenced");
    entries.push({ path: path3, kind: "reference", sha256: sha256(bytes), role: null, openapiVersion: null });
    pending.push(...referencesOf(path3, referenceKind(path3), bytes.toString("utf8"), inputs.contract));
  }
  return m7$buildManifest(bindVersion(options.version, detected, inputs.version), entries);
}
function bindVersion(request, detected, inputName) {
  if ("given" in request) return m7$contractVersion(request.given, detected, inputName);
  if (request.from === "info.version") return m7$contractVersion("", detected, inputName);
  try {
    return m7$contractVersion("", detected, inputName);
  } catch (error) {
    if (!(error instanceof m9$SealError2)) throw error;
    return { version: m7$UNVERSIONED, from: "none" };
  }
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

// stand-in:seal:src/core/contract/manifest.ts:src/app/seal-contract.ts
import { m7$CONTRACT_ANNOTATION as m7$CONTRACT_ANNOTATION2, m7$CONTRACT_FORMAT as m7$CONTRACT_FORMAT2, m7$CONTRACT_FORMAT_V1 as m7$CONTRACT_FORMAT_V12, m7$EarlierContractFormatError as m7$EarlierContractFormatError2, m7$UNVERSIONED as m7$UNVERSIONED2, m7$buildManifest as m7$buildManifest2, m7$contractDigest as m7$contractDigest2, m7$contractIdentityText as m7$contractIdentityText2, m7$contractVersion as m7$contractVersion2, m7$parseContractPatterns as m7$parseContractPatterns2, m7$parseManifest as m7$parseManifest2 } from "../seal/index-core.js";

// stand-in:seal:src/core/listing.ts:src/app/seal-contract.ts
import { m11$checkListingPath, m11$compareUtf8, m11$describesListing, m11$diffListings, m11$digestOfListing, m11$formatListing, m11$listingFromDigests, m11$parseListing, m11$sortEntries } from "../seal/index-core.js";

// src/app/seal-contract.ts?seal
function collectContract(artifact, request) {
  const { inputs } = request;
  if (artifact.root === null) {
    throw new m9$SealError(`${inputs.contract}: the contract is read from the sealed files, and this seal reads none. Seal with subject-path, or remove ${inputs.contract}.`);
  }
  const root = artifact.root;
  const listed = new Map(m11$parseListing(artifact.listing.toString("utf8"), "the sealed listing").map((e) => [e.path, e.hex]));
  const read = (rel, why) => {
    const hex = listed.get(rel);
    if (hex === void 0) {
      throw new m9$SealError(`${inputs.contract}: ${why} ${m9$quote(rel)}, which is not one of the sealed files. The contract must be part of the artifact: seal it with the rest.`);
    }
    const bytes = fs.readFileSync(path2.join(root, ...rel.split("/")));
    if (createHash2("sha256").update(bytes).digest("hex") !== hex) {
      throw new m9$SealError(`${inputs.contract}: ${m9$quote(rel)} changed while it was being sealed. Seal again once the build has finished writing.`);
    }
    return bytes;
  };
  const declared = /* @__PURE__ */ new Map();
  for (const { pattern, role } of request.patterns) {
    const isMatch = (0, import_picomatch.default)(pattern, { dot: true });
    const matches = [...listed.keys()].filter((p) => isMatch(p));
    if (matches.length === 0) {
      throw new m9$SealError(`${inputs.contract}: ${m9$quote(pattern)} matches none of the sealed files. Name contract files relative to the artifact's root (${m9$quote(root)}).`);
    }
    for (const match of matches) declared.set(match, role);
  }
  const bytesOf = /* @__PURE__ */ new Map();
  const manifest = describeContract(
    [...declared].map(([rel, role]) => ({ path: rel, role })),
    (rel, why) => {
      const bytes = read(rel, why === "declared" ? "names" : "a contract file refers to");
      bytesOf.set(rel, bytes);
      return bytes;
    },
    { version: { given: request.version }, inputs }
  );
  return { manifest, files: manifest.files.map((f) => ({ path: f.path, bytes: bytesOf.get(f.path) })) };
}
function withContractAnnotation(statement, manifest) {
  const [first, ...rest] = statement.subject;
  if (first === void 0) return statement;
  const annotated = { ...first, annotations: { [m7$CONTRACT_ANNOTATION2]: { digest: manifest.digest, version: manifest.version, format: m7$CONTRACT_FORMAT2 } } };
  return { ...statement, subject: [annotated, ...rest] };
}
export {
  collectContract,
  withContractAnnotation
};
