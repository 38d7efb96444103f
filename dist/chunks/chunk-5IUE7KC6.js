import {
  UNVERSIONED,
  buildManifest,
  contractVersion
} from "./chunk-ENEXP3UV.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";
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

// src/core/contract/identity.ts
import { createHash } from "node:crypto";

// src/core/contract/detect.ts
var import_yaml = __toESM(require_dist(), 1);
var KINDS_HELP = 'A contract file is an OpenAPI 2.0/3.0/3.1 document (a "swagger" or "openapi" key, YAML or JSON), a JSON Schema ("$schema", or a top-level "type", "properties" or "$defs"), GraphQL SDL (.graphql, .gql) or protobuf (.proto). Remove the file from the "contract" input or give one of these.';
var JSON_SCHEMA_TYPES = /* @__PURE__ */ new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);
function detectContractKind(path2, text) {
  const named = kindOfName(path2);
  if (named === "graphql") return { kind: "graphql" };
  if (named === "protobuf") return { kind: "protobuf" };
  const structured = named === "document";
  if (isJsonFile(path2)) {
    const fast = detectJson(path2, text);
    if (fast !== null) return fast;
  }
  const document = (0, import_yaml.parseDocument)(text, { prettyErrors: true, uniqueKeys: true, strict: true });
  const error = document.errors[0];
  if (error) {
    if (!structured) throw new SealError(`${quote(path2)} is not a contract file. ${KINDS_HELP}`);
    const at = error.linePos?.[0];
    const position = at ? `:${at.line}:${at.col}` : "";
    throw new SealError(`${path2}${position}: the document cannot be read as YAML or JSON: ${firstLine(error.message)} Fix the syntax at that place.`);
  }
  const root = document.contents;
  if (!(0, import_yaml.isMap)(root)) throw new SealError(`${quote(path2)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`);
  const swagger = root.get("swagger", true);
  const openapi = root.get("openapi", true);
  if (swagger !== void 0 || openapi !== void 0) {
    const openapiVersion = openapiVersionOf(path2, swagger === void 0 ? void 0 : scalarText(swagger), openapi === void 0 ? void 0 : scalarText(openapi));
    const version = infoVersion(root.get("info", true));
    return version === void 0 ? { kind: "openapi", openapiVersion } : { kind: "openapi", openapiVersion, version };
  }
  if (looksLikeJsonSchema(root)) return { kind: "jsonschema" };
  throw new SealError(`${quote(path2)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`);
}
function detectJson(path2, text) {
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
    const openapiVersion = openapiVersionOf(path2, textOf(swagger), textOf(openapi));
    const declared = textOf(version);
    return declared ? { kind: "openapi", openapiVersion, version: declared } : { kind: "openapi", openapiVersion };
  }
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  const type = root.type;
  const schema = typeof root.$schema === "string" || isObject(root.properties) || isObject(root.$defs) || typeof type === "string" && JSON_SCHEMA_TYPES.has(type) || Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && JSON_SCHEMA_TYPES.has(t));
  if (schema) return { kind: "jsonschema" };
  throw new SealError(`${quote(path2)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`);
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
function openapiVersionOf(path2, swagger, openapi) {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".';
  if (swagger !== void 0 && openapi !== void 0) {
    throw new SealError(`${path2}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`);
  }
  if (swagger !== void 0) {
    if (swagger === "2.0" || swagger === "2") return "2.0";
    throw new SealError(`${path2}: "swagger" is ${quote(swagger ?? "not a string")}, not a supported OpenAPI version. ${fix}`);
  }
  const text = openapi ?? null;
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text);
  if (match) return match[1] === "0" ? "3.0" : "3.1";
  throw new SealError(`${path2}: "openapi" is ${quote(text ?? "not a string")}, not a supported OpenAPI version. ${fix}`);
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

// src/core/contract/references.ts
var import_yaml2 = __toESM(require_dist(), 1);
import * as path from "node:path";
function referenceKind(file) {
  return isProtobufFile(file) ? "protobuf" : "openapi";
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
      throw new SealError(`${inputName}: ${quote(file)} has a $ref to ${quote(ref)}, a URL. A contract is checked without the network; copy the referenced document into the artifact and refer to it by path.`);
    }
    let target;
    try {
      target = decodeURIComponent(ref.split("#")[0]);
    } catch {
      throw new SealError(`${inputName}: ${quote(file)} has a $ref to ${quote(ref)}, which is not a valid URI reference (a "%" not followed by two hex digits). Write the file's path with "%" as "%25", or without escapes.`);
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

// src/core/contract/identity.ts
function describeContract(declared, read, options) {
  const { inputs } = options;
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  const detected = [];
  const pending = [];
  for (const { path: path2, role: declaredRole } of declared) {
    if (seen.has(path2)) continue;
    seen.add(path2);
    const bytes = read(path2, "declared");
    const text = bytes.toString("utf8");
    const found = detectContractKind(path2, text);
    const role = found.kind === "jsonschema" ? declaredRole ?? options.defaultRole ?? null : declaredRole;
    if (found.kind === "jsonschema" && role === null) {
      throw new SealError(
        `${inputs.contract}: ${quote(path2)} is a JSON Schema; say whether the service produces or consumes documents of it ("produces: ${path2}" or "consumes: ${path2}"), so a change is judged as a response or a request change.`
      );
    }
    if (found.kind !== "jsonschema" && role !== null) {
      throw new SealError(`${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${quote(path2)} is ${found.kind}. Remove "${role}:".`);
    }
    detected.push({ path: path2, detected: found });
    entries.push({ path: path2, kind: found.kind, sha256: sha256(bytes), role, openapiVersion: found.openapiVersion ?? null });
    pending.push(...referencesOf(path2, found.kind, text, inputs.contract));
  }
  while (pending.length > 0) {
    const path2 = pending.pop();
    if (seen.has(path2)) continue;
    seen.add(path2);
    const bytes = read(path2, "referenced");
    entries.push({ path: path2, kind: "reference", sha256: sha256(bytes), role: null, openapiVersion: null });
    pending.push(...referencesOf(path2, referenceKind(path2), bytes.toString("utf8"), inputs.contract));
  }
  return buildManifest(bindVersion(options.version, detected, inputs.version), entries);
}
function bindVersion(request, detected, inputName) {
  if ("given" in request) return contractVersion(request.given, detected, inputName);
  if (request.from === "info.version") return contractVersion("", detected, inputName);
  try {
    return contractVersion("", detected, inputName);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    return { version: UNVERSIONED, from: "none" };
  }
}
function checkContractIdentity(manifest, read, source) {
  const declared = manifest.files.filter((f) => f.kind !== "reference").map((f) => ({ path: f.path, role: f.role }));
  const version = manifest.versionFrom === "contract-version" ? { given: manifest.version } : manifest.versionFrom === "info.version" ? { from: "info.version" } : { from: "info.version-or-none" };
  const named = new Map(manifest.files.map((f) => [f.path, f]));
  let again;
  try {
    again = describeContract(
      declared,
      (path2) => {
        if (!named.has(path2)) throw new SealError(`a contract file refers to ${quote(path2)}, which the manifest does not name`);
        return read(path2);
      },
      { version, inputs: { contract: "the contract", version: "the version" } }
    );
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new SealError(`${source}: the manifest does not describe its files as the seal does: ${error.message} It was edited after sealing; give the seal bundle as the seal wrote it.`);
  }
  if (again.digest === manifest.digest) return;
  throw new SealError(`${source}: ${firstDifference(manifest, again)}. The manifest was edited after sealing; give the seal bundle as the seal wrote it.`);
}
function firstDifference(claimed, derived) {
  const byPath = new Map(derived.files.map((f) => [f.path, f]));
  for (const file of claimed.files) {
    const other = byPath.get(file.path);
    if (other === void 0) return `the manifest names ${quote(file.path)} as a file the contract refers to, but no contract file refers to it`;
    if (other.kind !== file.kind) return `the manifest says ${quote(file.path)} is ${describeKind(file.kind)}, but the sealed bytes and declarations make it ${describeKind(other.kind)}`;
    if (other.openapiVersion !== file.openapiVersion) return `the manifest says ${quote(file.path)} is OpenAPI ${file.openapiVersion}, but the document declares ${other.openapiVersion}`;
  }
  if (derived.version !== claimed.version || derived.versionFrom !== claimed.versionFrom) {
    return `the manifest says the version is ${quote(claimed.version)} (from ${claimed.versionFrom}), but the files make it ${quote(derived.version)} (from ${derived.versionFrom})`;
  }
  return `the manifest says the contract digest is ${claimed.digest}, but its files and declarations make ${derived.digest}`;
}
function describeKind(kind) {
  return kind === "reference" ? "a file the contract refers to" : kind;
}
function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}

export {
  detectContractKind,
  describeContract,
  checkContractIdentity
};
