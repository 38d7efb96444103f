import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";
import {
  require_dist
} from "./chunk-SWPOQELI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/core/contract/detect.ts
var import_yaml = __toESM(require_dist(), 1);
var KINDS_HELP = 'A contract file is an OpenAPI 2.0/3.0/3.1 document (a "swagger" or "openapi" key, YAML or JSON), a JSON Schema ("$schema", or a top-level "type", "properties" or "$defs"), GraphQL SDL (.graphql, .gql) or protobuf (.proto). Remove the file from the "contract" input or give one of these.';
var JSON_SCHEMA_TYPES = /* @__PURE__ */ new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);
function detectContractKind(path, text) {
  const lower = path.toLowerCase();
  if (lower.endsWith(".graphql") || lower.endsWith(".gql") || lower.endsWith(".graphqls")) return { kind: "graphql" };
  if (lower.endsWith(".proto")) return { kind: "protobuf" };
  const structured = /\.(ya?ml|json)$/.test(lower);
  if (lower.endsWith(".json")) {
    const fast = detectJson(path, text);
    if (fast !== null) return fast;
  }
  const document = (0, import_yaml.parseDocument)(text, { prettyErrors: true, uniqueKeys: true, strict: true });
  const error = document.errors[0];
  if (error) {
    if (!structured) throw new SealError(`${quote(path)} is not a contract file. ${KINDS_HELP}`);
    const at = error.linePos?.[0];
    const position = at ? `:${at.line}:${at.col}` : "";
    throw new SealError(`${path}${position}: the document cannot be read as YAML or JSON: ${firstLine(error.message)} Fix the syntax at that place.`);
  }
  const root = document.contents;
  if (!(0, import_yaml.isMap)(root)) throw new SealError(`${quote(path)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`);
  const swagger = root.get("swagger", true);
  const openapi = root.get("openapi", true);
  if (swagger !== void 0 || openapi !== void 0) {
    const openapiVersion = openapiVersionOf(path, swagger === void 0 ? void 0 : scalarText(swagger), openapi === void 0 ? void 0 : scalarText(openapi));
    const version = infoVersion(root.get("info", true));
    return version === void 0 ? { kind: "openapi", openapiVersion } : { kind: "openapi", openapiVersion, version };
  }
  if (looksLikeJsonSchema(root)) return { kind: "jsonschema" };
  throw new SealError(`${quote(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`);
}
function detectJson(path, text) {
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
    const openapiVersion = openapiVersionOf(path, textOf(swagger), textOf(openapi));
    const declared = textOf(version);
    return declared ? { kind: "openapi", openapiVersion, version: declared } : { kind: "openapi", openapiVersion };
  }
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  const type = root.type;
  const schema = typeof root.$schema === "string" || isObject(root.properties) || isObject(root.$defs) || typeof type === "string" && JSON_SCHEMA_TYPES.has(type) || Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && JSON_SCHEMA_TYPES.has(t));
  if (schema) return { kind: "jsonschema" };
  throw new SealError(`${quote(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`);
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
function openapiVersionOf(path, swagger, openapi) {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".';
  if (swagger !== void 0 && openapi !== void 0) {
    throw new SealError(`${path}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`);
  }
  if (swagger !== void 0) {
    if (swagger === "2.0" || swagger === "2") return "2.0";
    throw new SealError(`${path}: "swagger" is ${quote(swagger ?? "not a string")}, not a supported OpenAPI version. ${fix}`);
  }
  const text = openapi ?? null;
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text);
  if (match) return match[1] === "0" ? "3.0" : "3.1";
  throw new SealError(`${path}: "openapi" is ${quote(text ?? "not a string")}, not a supported OpenAPI version. ${fix}`);
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

export {
  detectContractKind
};
