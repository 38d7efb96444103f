import {
  readContractDocument
} from "./chunk-Q46E44F5.js";
import {
  SealError,
  quote
} from "./chunk-HUXIDCLA.js";

// src/core/contract/detect.ts
var KINDS_HELP = 'A contract file is an OpenAPI 2.0/3.0/3.1 document (a "swagger" or "openapi" key, YAML or JSON), a JSON Schema ("$schema", or a top-level "type", "properties" or "$defs"), GraphQL SDL (.graphql, .gql) or protobuf (.proto). Remove the file from the "contract" input or give one of these.';
var JSON_SCHEMA_TYPES = /* @__PURE__ */ new Set(["object", "array", "string", "number", "integer", "boolean", "null"]);
function detectContractKind(path, text) {
  const lower = path.toLowerCase();
  if (lower.endsWith(".graphql") || lower.endsWith(".gql") || lower.endsWith(".graphqls")) return { kind: "graphql" };
  if (lower.endsWith(".proto")) return { kind: "protobuf" };
  const structured = /\.(ya?ml|json)$/.test(lower);
  let document;
  try {
    document = readContractDocument(path, text);
  } catch (error) {
    if (!structured && error instanceof SealError) throw new SealError(`${quote(path)} is not a contract file. ${KINDS_HELP}`);
    throw error;
  }
  return detectIn(path, document);
}
function detectIn(path, document) {
  const root = document.value;
  if (typeof root !== "object" || root === null || Array.isArray(root)) throw new SealError(`${quote(path)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`);
  const record = root;
  if (record.swagger !== void 0 || record.openapi !== void 0) {
    const text = (value) => typeof value === "string" ? value.trim() : value;
    const openapiVersion = openapiVersionOf(path, text(document.written(["swagger"])), text(document.written(["openapi"])));
    const version = text(document.written(["info", "version"]));
    return version ? { kind: "openapi", openapiVersion, version } : { kind: "openapi", openapiVersion };
  }
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  const type = record.type;
  const schema = typeof record.$schema === "string" || isObject(record.properties) || isObject(record.$defs) || typeof type === "string" && JSON_SCHEMA_TYPES.has(type) || Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && JSON_SCHEMA_TYPES.has(t));
  if (schema) return { kind: "jsonschema" };
  throw new SealError(`${quote(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`);
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

export {
  detectContractKind
};
