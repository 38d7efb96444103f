import {
  compareChanges
} from "./chunk-26HFV435.js";
import {
  readContractDocument
} from "./chunk-RW4NSDQG.js";
import {
  isRecord
} from "./chunk-6ESBXOH6.js";
import {
  SealError,
  messageOf,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  ANY_CONTROL
} from "./chunk-OTNJMBZK.js";
import {
  CriticalityLevel,
  appendPointer,
  declarationPositions,
  descriptor_default,
  diff,
  parsePointer,
  parseSunset,
  require_graphql,
  require_protobufjs,
  valueAt
} from "./chunk-44GBISK2.js";
import {
  isProtobufFile
} from "./chunk-PK6RSM65.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/core/contract/graphql.ts
var import_graphql = __toESM(require_graphql(), 1);
var GRAPHQL_RULE_PREFIX = "graphql:";
var SEVERITY = {
  [CriticalityLevel.Breaking]: "breaking",
  [CriticalityLevel.Dangerous]: "dangerous",
  [CriticalityLevel.NonBreaking]: "compatible"
};
async function classifyGraphql(beforeSdl, afterSdl, options) {
  const before = parseSdl(beforeSdl, `${options.file} (before)`, false);
  const after = parseSdl(afterSdl, options.file, true);
  const roots = rootTypeNames(after.schema, before.schema);
  const changes = await diff(before.schema, after.schema);
  return changes.map((change) => toContractChange(change, options.file, after.positions, roots)).sort(compareChanges);
}
function toContractChange(change, file, positions, roots) {
  const severity = SEVERITY[change.criticality.level] ?? "dangerous";
  const location = change.path ?? "(schema)";
  const segments = change.path?.split(".") ?? [];
  const [typeName, fieldName] = segments;
  const operation = typeName !== void 0 && fieldName !== void 0 && roots.has(typeName) && !fieldName.startsWith("@") ? `${typeName}.${fieldName}` : null;
  return {
    rule: `${GRAPHQL_RULE_PREFIX}${change.type}`,
    severity,
    kind: "graphql",
    operation,
    location,
    file,
    position: nearestPosition(segments, positions),
    message: describe(change, severity)
  };
}
function describe(change, severity) {
  const what = change.message.endsWith(".") ? change.message : `${change.message}.`;
  const reason = change.criticality.reason?.trim();
  if (severity === "compatible" || !reason) return what;
  const first = /^.*?[.!?](?=\s|$)/s.exec(reason)?.[0] ?? reason;
  return `${what} ${first}`;
}
function nearestPosition(segments, positions) {
  for (let n = segments.length; n > 0; n--) {
    const found = positions.get(segments.slice(0, n).join("."));
    if (found !== void 0) return found;
  }
  return null;
}
function rootTypeNames(...schemas) {
  const names = /* @__PURE__ */ new Set();
  for (const schema of schemas) {
    for (const type of [
      schema.getQueryType(),
      schema.getMutationType(),
      schema.getSubscriptionType()
    ]) {
      if (type) names.add(type.name);
    }
  }
  return names;
}
function parseSdl(sdl, where, withPositions) {
  let document;
  try {
    document = (0, import_graphql.parse)(sdl);
  } catch (error) {
    throw sdlError(error, where, null);
  }
  let schema;
  try {
    schema = (0, import_graphql.buildASTSchema)(document);
  } catch (error) {
    throw sdlError(error, where, document);
  }
  const invalid = (0, import_graphql.validateSchema)(schema);
  if (invalid.length > 0) throw sdlError(invalid[0], where, document);
  return { schema, positions: withPositions ? positionsOf(document) : /* @__PURE__ */ new Map() };
}
var FIX = "Give a GraphQL SDL document that builds a schema (every type and directive it uses defined in the file).";
function sdlError(error, where, document) {
  const message = messageOf(error);
  const firstLine = message.split("\n")[0] ?? message;
  let at = null;
  if (error instanceof import_graphql.GraphQLError && error.locations?.[0]) {
    at = `${error.locations[0].line}:${error.locations[0].column}`;
  } else if (document) {
    const name = /"@?([_A-Za-z][_0-9A-Za-z]*)"/.exec(firstLine)?.[1];
    if (name !== void 0) at = firstNamePosition(document, name);
  }
  return new SealError(
    "malformed",
    `${where}${at ? `:${at}` : ""}: the GraphQL schema cannot be read: ${firstLine} ${FIX}`
  );
}
function positionOf(node) {
  const token = node.loc?.startToken;
  return token ? `${token.line}:${token.column}` : null;
}
function firstNamePosition(document, name) {
  let found = null;
  (0, import_graphql.visit)(document, {
    Name(node) {
      if (found === null && node.value === name) found = positionOf(node);
    }
  });
  return found;
}
function positionsOf(document) {
  const positions = /* @__PURE__ */ new Map();
  const put = (coordinate, node) => {
    const at = positionOf(node);
    if (at !== null && !positions.has(coordinate)) positions.set(coordinate, at);
  };
  for (const definition of document.definitions) {
    switch (definition.kind) {
      case import_graphql.Kind.OBJECT_TYPE_DEFINITION:
      case import_graphql.Kind.OBJECT_TYPE_EXTENSION:
      case import_graphql.Kind.INTERFACE_TYPE_DEFINITION:
      case import_graphql.Kind.INTERFACE_TYPE_EXTENSION:
      case import_graphql.Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case import_graphql.Kind.INPUT_OBJECT_TYPE_EXTENSION: {
        const type = definition.name.value;
        put(type, definition.name);
        for (const field of definition.fields ?? []) {
          put(`${type}.${field.name.value}`, field.name);
          if ("arguments" in field) {
            for (const arg of field.arguments ?? [])
              put(`${type}.${field.name.value}.${arg.name.value}`, arg.name);
          }
        }
        break;
      }
      case import_graphql.Kind.ENUM_TYPE_DEFINITION:
      case import_graphql.Kind.ENUM_TYPE_EXTENSION:
        put(definition.name.value, definition.name);
        for (const value of definition.values ?? [])
          put(`${definition.name.value}.${value.name.value}`, value.name);
        break;
      case import_graphql.Kind.UNION_TYPE_DEFINITION:
      case import_graphql.Kind.UNION_TYPE_EXTENSION:
      case import_graphql.Kind.SCALAR_TYPE_DEFINITION:
      case import_graphql.Kind.SCALAR_TYPE_EXTENSION:
        put(definition.name.value, definition.name);
        break;
      case import_graphql.Kind.DIRECTIVE_DEFINITION:
        put(`@${definition.name.value}`, definition.name);
        for (const arg of definition.arguments ?? [])
          put(`@${definition.name.value}.${arg.name.value}`, arg.name);
        break;
      default:
        break;
    }
  }
  return positions;
}

// src/core/contract/openapi/operations.ts
var METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
function openApiMajor(document, label) {
  if (!isRecord(document))
    throw new SealError(
      "malformed",
      `${label}: the OpenAPI document is not a mapping. Give a document with a "swagger" or "openapi" key.`
    );
  const swagger = document.swagger;
  const openapi = document.openapi;
  if (swagger !== void 0 && String(swagger).startsWith("2")) return 2;
  if (openapi !== void 0 && /^3\.[01](\.|$)/.test(String(openapi))) return 3;
  throw new SealError(
    "unrecognized",
    `${label}: not an OpenAPI 2.0, 3.0 or 3.1 document (swagger: ${String(swagger)}, openapi: ${String(openapi)}). Supported: swagger: "2.0", openapi: "3.0.x" and "3.1.x".`
  );
}
function readOperations(refs, major) {
  const root = refs.at("");
  const out = /* @__PURE__ */ new Map();
  const paths = refs.child(root, "paths");
  if (!isRecord(paths.value)) return out;
  for (const path of Object.keys(paths.value)) {
    const blank = path.replace(/\{[^}]*\}/g, "{}");
    for (const operation of readPathItem(
      refs,
      major,
      refs.child(paths, path),
      path,
      (method) => `${method} ${path}`
    ))
      out.set(`${operation.method} ${blank}`, operation.model);
  }
  return out;
}
function readWebhooks(refs, major) {
  const out = /* @__PURE__ */ new Map();
  const webhooks = refs.child(refs.at(""), "webhooks");
  if (major !== 3 || !isRecord(webhooks.value)) return out;
  for (const name of Object.keys(webhooks.value)) {
    for (const operation of readPathItem(
      refs,
      major,
      refs.child(webhooks, name),
      "",
      (method) => `${method} webhook:${name}`,
      false
    ))
      out.set(`${name} ${operation.method}`, operation.model);
  }
  return out;
}
function readPathItem(refs, major, itemAt, path, nameOf, withCallbacks = true) {
  const item = refs.follow(itemAt);
  if (!isRecord(item.value)) return [];
  const placeholders = [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1] ?? "");
  const shared = readParameters(refs, refs.child(item, "parameters"), placeholders);
  const blank = path.replace(/\{[^}]*\}/g, "{}");
  const out = [];
  for (const method of METHODS) {
    const at = refs.child(item, method);
    if (!isRecord(at.value)) continue;
    const operation = at.value;
    const own = readParameters(refs, refs.child(at, "parameters"), placeholders);
    const all = new Map([...shared, ...own]);
    const reader = major === 2 ? readSwaggerOperation : readOpenApi3Operation;
    const { parameters, body, responses } = reader(refs, refs.at(""), at, all);
    out.push({
      method: method.toUpperCase(),
      model: {
        name: nameOf(method.toUpperCase()),
        path: blank,
        at,
        item,
        deprecated: operation.deprecated === true,
        sunset: operation["x-sunset"],
        parameters,
        body,
        responses,
        // Callbacks of a callback or a webhook are not read (a $ref could make them endless); the
        // uncompared-parts check names them.
        callbacks: major === 3 && withCallbacks ? readCallbacks(refs, major, at) : /* @__PURE__ */ new Map()
      }
    });
  }
  return out;
}
function readCallbacks(refs, major, operation) {
  const out = /* @__PURE__ */ new Map();
  const callbacks = refs.child(operation, "callbacks");
  if (!isRecord(callbacks.value)) return out;
  for (const name of Object.keys(callbacks.value)) {
    const callback = refs.follow(refs.child(callbacks, name));
    if (!isRecord(callback.value)) continue;
    for (const expression of Object.keys(callback.value)) {
      for (const { method, model } of readPathItem(
        refs,
        major,
        refs.child(callback, expression),
        "",
        (m) => `${m} callback ${name} ${expression}`,
        false
      )) {
        out.set(`${name} ${expression} ${method}`, model);
      }
    }
  }
  return out;
}
function readParameters(refs, list, placeholders) {
  const out = /* @__PURE__ */ new Map();
  if (!Array.isArray(list.value)) return out;
  for (let index = 0; index < list.value.length; index++) {
    const parameter = refs.follow(refs.child(list, index));
    if (!isRecord(parameter.value)) continue;
    const { in: where, name } = parameter.value;
    if (typeof where !== "string" || typeof name !== "string") continue;
    out.set(parameterKey(where, name, placeholders), parameter);
  }
  return out;
}
function parameterKey(where, name, placeholders) {
  if (where === "path" && placeholders.includes(name)) return `path:#${placeholders.indexOf(name)}`;
  return `${where}:${where === "header" ? name.toLowerCase() : name}`;
}
function readOpenApi3Operation(refs, _root, at, all) {
  const parameters = /* @__PURE__ */ new Map();
  for (const [key, parameter] of all) {
    const value = parameter.value;
    let schema = isRecord(value.schema) ? refs.child(parameter, "schema") : null;
    if (schema === null && isRecord(value.content)) {
      const media = Object.keys(value.content)[0];
      if (media !== void 0) schema = refs.child(parameter, "content", media, "schema");
    }
    parameters.set(key, {
      in: String(value.in),
      name: String(value.name),
      required: value.in === "path" || value.required === true,
      schema,
      at: parameter
    });
  }
  let body = null;
  const requestBody = refs.follow(refs.child(at, "requestBody"));
  if (isRecord(requestBody.value)) {
    body = {
      required: requestBody.value.required === true,
      content: readContent(refs, refs.child(requestBody, "content")),
      at: requestBody
    };
  }
  const responses = /* @__PURE__ */ new Map();
  const list = refs.child(at, "responses");
  if (isRecord(list.value)) {
    for (const status of Object.keys(list.value)) {
      const response = refs.follow(refs.child(list, status));
      if (!isRecord(response.value)) continue;
      const headers = /* @__PURE__ */ new Map();
      const headerList = refs.child(response, "headers");
      if (isRecord(headerList.value)) {
        for (const name of Object.keys(headerList.value)) {
          const header = refs.follow(refs.child(headerList, name));
          const schema = isRecord(header.value) && isRecord(header.value.schema) ? refs.child(header, "schema") : null;
          headers.set(name.toLowerCase(), {
            name,
            required: isRecord(header.value) && header.value.required === true,
            schema,
            at: header
          });
        }
      }
      responses.set(status.toUpperCase(), {
        status,
        content: readContent(refs, refs.child(response, "content")),
        headers,
        at: response
      });
    }
  }
  return { parameters, body, responses };
}
function readContent(refs, content) {
  const out = /* @__PURE__ */ new Map();
  if (!isRecord(content.value)) return out;
  for (const media of Object.keys(content.value)) {
    const entry = refs.child(content, media);
    out.set(
      media.toLowerCase(),
      isRecord(entry.value) && entry.value.schema !== void 0 ? refs.child(entry, "schema") : null
    );
  }
  return out;
}
function mediaTypes(value, fallback) {
  return Array.isArray(value) && value.length > 0 ? value.filter((v) => typeof v === "string").map((v) => v.toLowerCase()) : [...fallback];
}
function readSwaggerOperation(refs, root, at, all) {
  const document = root.value;
  const operation = at.value;
  const consumes = mediaTypes(operation.consumes ?? document.consumes, ["application/json"]);
  const produces = mediaTypes(operation.produces ?? document.produces, ["application/json"]);
  const parameters = /* @__PURE__ */ new Map();
  let body = null;
  for (const [key, parameter] of all) {
    const value = parameter.value;
    const name = String(value.name);
    if (value.in === "body") {
      const schema = refs.child(parameter, "schema");
      body = {
        required: value.required === true,
        content: new Map(consumes.map((media) => [media, isRecord(schema.value) ? schema : null])),
        at: parameter
      };
    } else {
      parameters.set(key, {
        in: String(value.in),
        name,
        required: value.in === "path" || value.required === true,
        schema: parameter,
        at: parameter
      });
    }
  }
  const responses = /* @__PURE__ */ new Map();
  const list = refs.child(at, "responses");
  if (isRecord(list.value)) {
    for (const status of Object.keys(list.value)) {
      const response = refs.follow(refs.child(list, status));
      if (!isRecord(response.value)) continue;
      const schema = refs.child(response, "schema");
      const content = new Map(
        isRecord(schema.value) ? produces.map((media) => [media, schema]) : []
      );
      const headers = /* @__PURE__ */ new Map();
      const headerList = refs.child(response, "headers");
      if (isRecord(headerList.value)) {
        for (const name of Object.keys(headerList.value))
          headers.set(name.toLowerCase(), {
            name,
            required: false,
            schema: refs.child(headerList, name),
            at: refs.child(headerList, name)
          });
      }
      responses.set(status.toUpperCase(), { status, content, headers, at: response });
    }
  }
  return { parameters, body, responses };
}

// src/core/contract/openapi/refs.ts
var URL_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
var RefResolver = class {
  /**
   * `label` names the side in errors: the before document is the live contract, not the
   * file on disk. `rootIsSchema`: a standalone JSON Schema, where `#` is the schema itself
   * (recursion); in an OpenAPI document `#` is the whole document, which no schema can be.
   */
  constructor(file, root, label, readExternal, rootIsSchema = false) {
    this.file = file;
    this.root = root;
    this.label = label;
    this.readExternal = readExternal;
    this.rootIsSchema = rootIsSchema;
    this.documents.set(file, root);
  }
  file;
  root;
  label;
  readExternal;
  rootIsSchema;
  documents = /* @__PURE__ */ new Map();
  targets = /* @__PURE__ */ new Map();
  at(pointer) {
    const tokens = parsePointer(pointer) ?? [];
    return { value: valueAt(this.root, tokens), file: this.file, pointer };
  }
  child(parent, ...tokens) {
    let value = parent.value;
    for (const token of tokens)
      value = isRecord(value) || Array.isArray(value) ? valueAt(value, [String(token)]) : void 0;
    return { value, file: parent.file, pointer: appendPointer(parent.pointer, ...tokens) };
  }
  /**
   * Follows `$ref` after `$ref` until a node that is not one. A chain that comes back to
   * itself has no meaning (unlike a recursive schema, which the diff handles) and is an error.
   */
  follow(start) {
    let current = start;
    let seen = null;
    while (isRecord(current.value) && typeof current.value.$ref === "string") {
      const ref = current.value.$ref;
      const key = `${current.file}#${ref}`;
      seen ??= /* @__PURE__ */ new Set();
      if (seen.has(key)) {
        throw new SealError(
          "malformed",
          `${this.where(current.file)}: the $ref ${quote(ref)} at ${current.pointer || "/"} is circular: it leads back to itself without reaching a schema. Point it at a definition.`
        );
      }
      seen.add(key);
      let target = this.targets.get(key);
      if (target === void 0) {
        target = this.resolve(ref, current);
        this.targets.set(key, target);
      }
      current = target;
    }
    return current;
  }
  resolve(ref, from) {
    const at = `${this.where(from.file)}: the $ref ${quote(ref)} at ${from.pointer || "/"}`;
    if (URL_SCHEME.test(ref) || ref.startsWith("//")) {
      throw new SealError(
        "refused",
        `${at} points to a URL. Contract $refs are resolved only inside the artifact, never fetched: copy the referenced document into the artifact and refer to it by a relative path.`
      );
    }
    const hash = ref.indexOf("#");
    let filePart = hash === -1 ? ref : ref.slice(0, hash);
    let fragment = hash === -1 ? "" : ref.slice(hash + 1);
    try {
      filePart = decodeURIComponent(filePart);
      fragment = decodeURIComponent(fragment);
    } catch {
      throw new SealError(
        "malformed",
        `${at} has a malformed %-escape. Write each % as %25, or refer to the definition as a JSON pointer such as "#/components/schemas/Order".`
      );
    }
    const tokens = parsePointer(fragment);
    if (tokens === null) {
      throw new SealError(
        "malformed",
        `${at} uses a plain-name fragment, which is not supported. Write it as a JSON pointer such as "#/components/schemas/Order".`
      );
    }
    if (/~(?![01])/.test(fragment)) {
      throw new SealError(
        "malformed",
        `${at} has a malformed JSON pointer: "~" must be followed by 0 (for "~") or 1 (for "/"). Write it as a JSON pointer such as "#/components/schemas/Order".`
      );
    }
    if (filePart === "" && tokens.length === 0 && !this.rootIsSchema && from.file === this.file) {
      throw new SealError(
        "malformed",
        `${at} points to the whole document, which is not a schema. Point it at a definition, such as "#/components/schemas/Order".`
      );
    }
    let file = from.file;
    let document = this.documents.get(from.file);
    if (filePart !== "") {
      file = joinInsideRoot(from.file, filePart, at);
      if (!this.documents.has(file)) {
        if (this.readExternal === void 0) {
          throw new SealError(
            "malformed",
            `${at} refers to another file, ${quote(file)}, which was not given with the contract. Add it to the "contract" input.`
          );
        }
        this.documents.set(file, this.readExternal(file));
      }
      document = this.documents.get(file);
    }
    const value = valueAt(document, tokens);
    if (value === void 0) {
      throw new SealError(
        "malformed",
        `${at} points to nothing: ${quote(file)} has no ${fragment || "/"}. Fix the $ref or add the definition.`
      );
    }
    return { value, file, pointer: fragment };
  }
  where(file) {
    return file === this.file ? this.label : file;
  }
};
function joinInsideRoot(from, target, at) {
  if (target.startsWith("/") || target.includes("\\")) {
    throw new SealError(
      "refused",
      `${at} is an absolute or Windows path. Refer to other contract files by a relative path inside the artifact.`
    );
  }
  const parts = from.split("/").slice(0, -1);
  for (const part of target.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0)
        throw new SealError(
          "refused",
          `${at} leaves the artifact root. Contract $refs may only refer to files inside the artifact.`
        );
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join("/");
}

// src/core/contract/openapi/keywords.ts
var KEYWORD_NOT_COMPARED = "schema-keyword-not-compared";
var PRESENCE = {
  contains: "contains",
  contentSchema: "content-schema",
  if: "if",
  then: "then",
  else: "else",
  propertyNames: "property-names",
  unevaluatedItems: "unevaluated-items",
  unevaluatedProperties: "unevaluated-properties"
};
var KEYED = {
  patternProperties: "pattern-property",
  dependentSchemas: "dependent-schema",
  dependentRequired: "dependent-required"
};
var CHANGED = {
  contentEncoding: "content-encoding-changed",
  contentMediaType: "content-media-type-changed"
};
var UNJUDGED = [
  "additionalProperties",
  "not",
  "multipleOf",
  "uniqueItems",
  "minProperties",
  "maxProperties",
  "dependencies",
  "additionalItems"
];
var WATCHED_KEYWORDS = [
  ...Object.keys(PRESENCE),
  ...Object.keys(KEYED),
  ...Object.keys(CHANGED),
  "prefixItems",
  ...UNJUDGED
];
var B = "breaking";
var C = "compatible";
var KEYWORD_SUFFIXES = Object.fromEntries([
  ...Object.values(PRESENCE).flatMap((stem) => [
    [`${stem}-added`, [B, C]],
    [`${stem}-removed`, [C, B]]
  ]),
  ...Object.values(KEYED).flatMap((stem) => [
    [`${stem}-added`, [B, C]],
    [`${stem}-removed`, [C, B]]
  ]),
  ["dependent-required-changed", [B, B]],
  ...Object.values(CHANGED).map((suffix) => [suffix, [B, B]]),
  // A fixed tuple position gone from a request, or a new one in a response (oasdiff's reading).
  ["prefix-items-removed", [B, C]],
  ["prefix-items-added", [C, B]]
]);
var written = (located) => located === void 0 ? "none" : show(located.value);
var show = (value) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};
function compareKeywords(before, after, same, notCompared) {
  const out = [];
  const changedInPlace = (keyword) => {
    out.push({
      rule: KEYWORD_NOT_COMPARED,
      fixed: true,
      detail: `changed its ${keyword}, which the engine does not compare further: review and approve it by hand`
    });
  };
  for (const keyword of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(keyword);
    const a = after.get(keyword);
    if (b && a && same(b, a)) continue;
    const stem = PRESENCE[keyword];
    if (stem !== void 0) {
      if (!b) out.push({ rule: `${stem}-added`, fixed: false, detail: `gained ${keyword}` });
      else if (!a) out.push({ rule: `${stem}-removed`, fixed: false, detail: `lost ${keyword}` });
      else changedInPlace(keyword);
      continue;
    }
    const keyed = KEYED[keyword];
    if (keyed !== void 0) {
      const entries = (located) => new Map(
        isRecord(located?.value) ? Object.keys(located.value).map((key) => [
          key,
          { ...located, value: (located?.value)[key] }
        ]) : []
      );
      const was = entries(b);
      const now = entries(a);
      for (const [key, entry] of was) {
        const next = now.get(key);
        if (next === void 0)
          out.push({
            rule: `${keyed}-removed`,
            fixed: false,
            detail: `lost ${keyword} ${show(key)}`
          });
        else if (!same(entry, next)) {
          if (keyword === "dependentRequired")
            out.push({
              rule: "dependent-required-changed",
              fixed: false,
              detail: `${keyword} ${show(key)} changed from ${show(entry.value)} to ${show(next.value)}`
            });
          else changedInPlace(`${keyword} ${show(key)}`);
        }
      }
      for (const key of now.keys())
        if (!was.has(key))
          out.push({
            rule: `${keyed}-added`,
            fixed: false,
            detail: `gained ${keyword} ${show(key)}`
          });
      continue;
    }
    const changed = CHANGED[keyword];
    if (changed !== void 0) {
      out.push({
        rule: changed,
        fixed: false,
        detail: `${keyword} changed from ${written(b)} to ${written(a)}`
      });
      continue;
    }
    if (keyword === "prefixItems") {
      const count = (located) => Array.isArray(located?.value) ? located.value.length : 0;
      if (count(a) > count(b))
        out.push({
          rule: "prefix-items-added",
          fixed: false,
          detail: `gained ${count(a) - count(b)} prefixItems`
        });
      else if (count(a) < count(b))
        out.push({
          rule: "prefix-items-removed",
          fixed: false,
          detail: `lost ${count(b) - count(a)} prefixItems`
        });
      else changedInPlace(keyword);
      continue;
    }
    out.push({
      rule: notCompared,
      fixed: true,
      detail: `changed its ${keyword} (${written(b)} to ${written(a)}), which the engine does not judge: review it by hand`
    });
  }
  return out;
}

// src/core/contract/openapi/rules.ts
var B2 = "breaking";
var D = "dangerous";
var C2 = "compatible";
var SCHEMA_SUFFIXES = {
  "type-changed": [B2, B2],
  "type-generalized": [C2, B2],
  "type-specialized": [B2, C2],
  "list-of-types-widened": [C2, B2],
  "list-of-types-narrowed": [B2, C2],
  "became-nullable": [C2, B2],
  "became-not-nullable": [B2, C2],
  "enum-value-added": [C2, D],
  "enum-value-removed": [B2, C2],
  "became-enum": [B2, C2],
  "x-extensible-enum-value-added": [C2, C2],
  "x-extensible-enum-value-removed": [B2, C2],
  "const-added": [B2, C2],
  "const-removed": [C2, B2],
  "const-changed": [B2, B2],
  "deprecated-sunset-invalid": [B2, B2],
  "pattern-added": [B2, C2],
  "pattern-changed": [B2, C2],
  "pattern-removed": [C2, C2],
  "one-of-added": [C2, B2],
  "one-of-removed": [B2, C2],
  "any-of-added": [C2, B2],
  "any-of-removed": [B2, C2]
};
var NUMERIC_STEMS = {
  maxLength: "max-length",
  minLength: "min-length",
  maximum: "max",
  minimum: "min",
  exclusiveMaximum: "exclusive-max",
  exclusiveMinimum: "exclusive-min",
  maxItems: "max-items",
  minItems: "min-items",
  maxContains: "max-contains",
  minContains: "min-contains"
};
function numericStem(keyword) {
  return NUMERIC_STEMS[keyword];
}
var FIXED = {
  // Operations.
  "endpoint-added": C2,
  "endpoint-deprecated": C2,
  "endpoint-deprecated-with-sunset": C2,
  "endpoint-reactivated": C2,
  "api-path-removed-without-deprecation": B2,
  "api-removed-without-deprecation": B2,
  "api-path-removed-before-sunset": B2,
  "api-removed-before-sunset": B2,
  "api-path-removed-with-deprecation": C2,
  "api-removed-with-deprecation": C2,
  "sunset-deleted": B2,
  "api-deprecated-sunset-parse": B2,
  "api-sunset-date-changed-too-small": B2,
  "api-stability-decreased": B2,
  "api-invalid-stability-level": B2,
  // Parameters.
  "new-required-request-parameter": B2,
  "new-request-path-parameter": B2,
  "new-optional-request-parameter": C2,
  "request-parameter-removed": D,
  "request-parameter-became-required": B2,
  "request-parameter-became-optional": C2,
  "request-parameter-default-value-added": B2,
  "request-parameter-default-value-changed": B2,
  "request-parameter-default-value-removed": B2,
  "request-parameter-removed-before-sunset": B2,
  "request-parameter-sunset-parse": B2,
  "request-parameter-sunset-deleted": B2,
  "request-parameter-sunset-date-changed-too-small": B2,
  // Request bodies.
  "request-body-added-required": B2,
  "request-body-added-optional": C2,
  "request-body-removed": B2,
  "request-body-became-required": B2,
  "request-body-became-optional": C2,
  "request-body-media-type-added": C2,
  "request-body-media-type-removed": B2,
  // Properties.
  "new-required-request-property": B2,
  "new-required-request-property-with-default": C2,
  "new-optional-request-property": C2,
  "request-property-removed": D,
  "request-property-became-required": B2,
  "request-property-became-required-with-default": C2,
  "request-property-became-optional": C2,
  "response-required-property-added": C2,
  "response-optional-property-added": C2,
  "response-required-property-removed": B2,
  "response-optional-property-removed": D,
  "response-property-became-optional": B2,
  "response-property-became-required": C2,
  // Responses.
  "response-success-status-removed": B2,
  "response-success-status-added": C2,
  "response-non-success-status-removed": C2,
  "response-non-success-status-added": C2,
  "response-media-type-removed": B2,
  "response-media-type-added": C2,
  "required-response-header-removed": B2,
  "optional-response-header-removed": D,
  "response-header-became-optional": B2,
  "response-header-added": C2,
  // Webhooks (3.1) and callbacks: requests the API sends; their payloads are judged as responses.
  "webhook-added": C2,
  "webhook-removed": B2,
  "callback-added": C2,
  "callback-removed": B2,
  "callback-reply-added": C2,
  "callback-reply-removed": D,
  // A part the engine does not judge changed (servers, security, serialization, links…).
  "part-not-compared": D,
  // A subschema of a JSON Schema keyword (if, contains…) changed in place: not compared further.
  [KEYWORD_NOT_COMPARED]: B2
};
var SCHEMA_PLACES = [
  "request-body",
  "request-parameter",
  "request-property",
  "response-body",
  "response-property",
  "response-header"
];
function buildCatalogue() {
  const rules = new Map(Object.entries(FIXED));
  const suffixes = [
    ...Object.entries(SCHEMA_SUFFIXES),
    ...Object.entries(KEYWORD_SUFFIXES)
  ];
  for (const stem of Object.values(NUMERIC_STEMS)) {
    const upper = stem.startsWith("max") || stem === "exclusive-max";
    suffixes.push([`${stem}-${upper ? "decreased" : "increased"}`, [B2, C2]]);
    suffixes.push([`${stem}-${upper ? "increased" : "decreased"}`, [C2, B2]]);
    suffixes.push([`${stem}-set`, [B2, C2]]);
    suffixes.push([`${stem}-unset`, [C2, B2]]);
  }
  for (const place of SCHEMA_PLACES) {
    const side = place.startsWith("request") ? 0 : 1;
    for (const [suffix, severities] of suffixes) rules.set(`${place}-${suffix}`, severities[side]);
  }
  return rules;
}
var RULES = buildCatalogue();
function severityOf(rule) {
  const severity = RULES.get(rule);
  if (severity === void 0) throw new Error(`rule ${rule} is not in the catalogue`);
  return severity;
}

// src/core/contract/openapi/report.ts
var CONSEQUENCE = {
  request: {
    breaking: "Requests that were valid before may now be refused.",
    dangerous: "Clients that still send it may be refused if the server rejects what it does not know."
  },
  response: {
    breaking: "Clients may receive responses they were not written to handle.",
    dangerous: "Clients that rely on it, or handle every listed value, may break."
  },
  none: {
    breaking: "Clients that call it will fail."
  }
};
var ChangeCollector = class {
  constructor(kind, file) {
    this.kind = kind;
    this.file = file;
  }
  kind;
  file;
  changes = [];
  add(rule, operation, location, at, message) {
    const severity = severityOf(rule);
    const direction = rule.includes("request") ? "request" : rule.includes("response") ? "response" : "none";
    const consequence = CONSEQUENCE[direction][severity];
    this.changes.push({
      rule,
      severity,
      kind: this.kind,
      operation,
      location,
      file: this.file,
      position: at.file === this.file ? at.pointer : `${at.file}#${at.pointer}`,
      message: consequence ? `${message} ${consequence}` : message
    });
  }
  sorted() {
    return this.changes.sort(compareChanges);
  }
};
function sentence(text) {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return capital.endsWith(".") ? capital : `${capital}.`;
}

// src/core/contract/openapi/alternatives.ts
var SIMILARITY = 0.5;
function describeAlternatives(side, holder, list) {
  const views = list.map((located) => side.view(located));
  const tags = discriminatorTags(side, holder, list, views);
  const labels = /* @__PURE__ */ new Set();
  return list.map((at, index) => {
    const view = views[index];
    const raw = at.value;
    let target = null;
    let name = null;
    if (isRecord(raw) && typeof raw.$ref === "string") {
      name = raw.$ref.slice(raw.$ref.lastIndexOf("/") + 1);
      try {
        const resolved2 = side.refs.follow(at);
        target = `${resolved2.file === side.refs.file ? "" : resolved2.file}#${resolved2.pointer}`;
      } catch {
        target = raw.$ref;
      }
    }
    const resolved = view.at.value;
    const title = isRecord(resolved) && typeof resolved.title === "string" ? resolved.title : null;
    const tag = tags[index] ?? null;
    const types = view.types === null ? "any" : [...view.types].sort().join(",");
    const names = new Set(view.properties.keys());
    let label = name ?? tag ?? title ?? `#${index}`;
    if (labels.has(label)) label = `${label}#${index}`;
    labels.add(label);
    return {
      at,
      index,
      written: canonical(raw),
      target,
      tag,
      title,
      shape: `${types}|${[...names].sort().join(",")}`,
      types,
      names,
      label
    };
  });
}
function discriminatorTags(side, holder, list, views) {
  const raw = holder.at.value;
  const discriminator = isRecord(raw) && isRecord(raw.discriminator) ? raw.discriminator : null;
  const declared = discriminator !== null && typeof discriminator.propertyName === "string" ? discriminator.propertyName : null;
  const pinned = (view, property2) => {
    const at = view.properties.get(property2);
    if (at === void 0) return null;
    const schema = side.view(at);
    if (schema.constant !== null) return JSON.stringify(schema.constant.value);
    return schema.enumValues?.length === 1 ? JSON.stringify(schema.enumValues[0]) : null;
  };
  let property = declared;
  if (property === null && views.length > 1) {
    const common = [...views[0]?.properties.keys() ?? []].filter((name) => views.every((view) => view.properties.has(name))).sort();
    property = common.find((name) => {
      const values = views.map((view) => pinned(view, name));
      return values.every((value) => value !== null) && new Set(values).size === values.length;
    }) ?? null;
  }
  if (property === null) return list.map(() => null);
  const byRef = /* @__PURE__ */ new Map();
  if (discriminator !== null && isRecord(discriminator.mapping)) {
    for (const [value, ref] of Object.entries(discriminator.mapping))
      if (typeof ref === "string") byRef.set(ref, JSON.stringify(value));
  }
  return list.map((located, index) => {
    const ref = isRecord(located.value) && typeof located.value.$ref === "string" ? byRef.get(located.value.$ref) : void 0;
    const value = ref ?? pinned(views[index], property);
    return value === null ? null : `${property}=${value}`;
  });
}
function matchAlternatives(before, after) {
  const pairs = [];
  const left = new Set(before);
  const right = new Set(after);
  const pair = (b, a) => {
    pairs.push([b, a]);
    left.delete(b);
    right.delete(a);
  };
  const byKey = (key) => {
    const waiting = /* @__PURE__ */ new Map();
    for (const a of right) {
      const k = key(a);
      if (k !== null) waiting.set(k, [...waiting.get(k) ?? [], a]);
    }
    for (const b of [...left]) {
      const k = key(b);
      const a = k === null ? void 0 : waiting.get(k)?.shift();
      if (a !== void 0) pair(b, a);
    }
  };
  byKey((x) => x.written);
  byKey((x) => x.target);
  byKey((x) => x.tag);
  byKey((x) => x.title);
  const untagged = (x) => x.tag === null;
  byKey((x) => untagged(x) ? x.shape : null);
  for (; ; ) {
    let best = null;
    for (const b of left) {
      if (!untagged(b) || b.names.size === 0) continue;
      for (const a of right) {
        if (!untagged(a) || a.types !== b.types) continue;
        const score = jaccard(b.names, a.names);
        if (score >= SIMILARITY && (best === null || score > best[2])) best = [b, a, score];
      }
    }
    if (best === null) break;
    pair(best[0], best[1]);
  }
  const anonymous = (x) => x.target === null && x.tag === null && x.title === null;
  const restBefore = [...left].filter(anonymous);
  const restAfter = [...right].filter(anonymous);
  for (let i = 0; i < Math.min(restBefore.length, restAfter.length); i++)
    pair(restBefore[i], restAfter[i]);
  const order = (x, y) => x.index - y.index;
  return {
    pairs: pairs.sort(([, x], [, y]) => order(x, y)),
    removed: [...left].sort(order),
    added: [...right].sort(order)
  };
}
function canonical(value) {
  return JSON.stringify(
    value,
    (_key, v) => isRecord(v) ? Object.fromEntries(
      Object.keys(v).sort().map((k) => [k, v[k]])
    ) : v
  ) ?? "undefined";
}
function jaccard(a, b) {
  let common = 0;
  for (const name of a) if (b.has(name)) common++;
  return common / (a.size + b.size - common);
}

// src/core/contract/openapi/same.ts
var BUDGET = 2e5;
var MAX_DEPTH = 256;
var SameCheck = class {
  constructor(before, after) {
    this.before = before;
    this.after = after;
  }
  before;
  after;
  different = /* @__PURE__ */ new Map();
  equal = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  steps = 0;
  assumed = false;
  same(b, a, bFile, aFile) {
    this.steps = 0;
    this.depth = 0;
    this.assumed = false;
    return this.walk(b, a, bFile, aFile);
  }
  depth = 0;
  walk(b, a, bFile, aFile) {
    if (++this.steps > BUDGET || this.depth > MAX_DEPTH) return false;
    this.depth++;
    try {
      return this.walkNode(b, a, bFile, aFile);
    } finally {
      this.depth--;
    }
  }
  walkNode(b, a, bFile, aFile) {
    if (b === a && !isRecord(b) && !Array.isArray(b)) return true;
    if (Array.isArray(b) || Array.isArray(a)) {
      if (!Array.isArray(b) || !Array.isArray(a) || b.length !== a.length) return false;
      for (let i = 0; i < b.length; i++) if (!this.walk(b[i], a[i], bFile, aFile)) return false;
      return true;
    }
    if (!isRecord(b) || !isRecord(a)) return false;
    if (typeof b.$ref === "string" || typeof a.$ref === "string")
      return this.refs(b, a, bFile, aFile);
    const keys = Object.keys(b);
    if (keys.length !== Object.keys(a).length) return false;
    for (const key of keys) {
      if (!Object.hasOwn(a, key) || !this.walk(b[key], a[key], bFile, aFile)) return false;
    }
    return true;
  }
  refs(b, a, bFile, aFile) {
    if (Object.keys(b).length !== Object.keys(a).length) return false;
    for (const key2 of Object.keys(b))
      if (key2 !== "$ref" && !this.walk(b[key2], a[key2], bFile, aFile)) return false;
    let bTarget, aTarget;
    try {
      bTarget = this.before.follow({ value: b, file: bFile, pointer: "" });
      aTarget = this.after.follow({ value: a, file: aFile, pointer: "" });
    } catch {
      return false;
    }
    const bv = bTarget.value;
    const av = aTarget.value;
    if (!isRecord(bv) || !isRecord(av)) return this.walk(bv, av, bTarget.file, aTarget.file);
    if (this.different.get(bv)?.has(av)) return false;
    if (this.equal.get(bv)?.has(av)) return true;
    const key = `${bTarget.file}#${bTarget.pointer}|${aTarget.file}#${aTarget.pointer}`;
    if (this.active.has(key)) {
      this.assumed = true;
      return true;
    }
    this.active.add(key);
    const outerAssumed = this.assumed;
    this.assumed = false;
    const result = this.walk(bv, av, bTarget.file, aTarget.file);
    this.active.delete(key);
    const memo = !result ? this.different : this.assumed ? null : this.equal;
    if (memo) {
      let set = memo.get(bv);
      if (!set) memo.set(bv, set = /* @__PURE__ */ new WeakSet());
      set.add(av);
    }
    this.assumed = outerAssumed || this.assumed;
    return result;
  }
};

// src/core/contract/openapi/uncompared.ts
var NOT_COMPARED = "part-not-compared";
var DOCUMENT_PARTS = [
  "servers",
  "security",
  "jsonSchemaDialect",
  "host",
  "basePath",
  "schemes",
  "securityDefinitions"
];
var JUDGED_PARAMETER_KEYS = /* @__PURE__ */ new Set([
  "name",
  "in",
  "required",
  "schema",
  "description",
  "example",
  "examples",
  "deprecated",
  "x-sunset"
]);
var SWAGGER_SCHEMA_KEYS = [
  "type",
  "format",
  "items",
  "enum",
  "default",
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "maxItems",
  "minItems",
  "uniqueItems",
  "multipleOf",
  "x-nullable",
  "x-extensible-enum"
];
var UncomparedParts = class {
  constructor(out, before, after) {
    this.out = out;
    this.same = new SameCheck(before, after);
  }
  out;
  same;
  /** Reports `label` when the two values differ (`$ref`s compared by what they resolve to). */
  check(operation, location, label, before, after) {
    if (before.value === void 0 && after.value === void 0) return;
    if (this.same.same(before.value, after.value, before.file, after.file)) return;
    const where = after.value === void 0 ? before : after;
    this.out.add(
      NOT_COMPARED,
      operation,
      `${location} \u203A ${label}`,
      where,
      `The ${label} changed, and the engine does not judge ${label}: review this change by hand.`
    );
  }
  document(beforeRoot, afterRoot) {
    for (const key of DOCUMENT_PARTS)
      this.check(null, "(document)", key, child(beforeRoot, key), child(afterRoot, key));
    this.check(
      null,
      "(document)",
      "components.securitySchemes",
      child(child(beforeRoot, "components"), "securitySchemes"),
      child(child(afterRoot, "components"), "securitySchemes")
    );
  }
  /** An operation's own servers and security, its path item's servers, nested callbacks where they are not compared. */
  operation(name, before, after, nestedCallbacks) {
    this.check(name, name, "servers", child(before.at, "servers"), child(after.at, "servers"));
    this.check(name, name, "security", child(before.at, "security"), child(after.at, "security"));
    this.check(
      name,
      name,
      "path item servers",
      child(before.item, "servers"),
      child(after.item, "servers")
    );
    if (nestedCallbacks)
      this.check(
        name,
        name,
        "callbacks",
        child(before.at, "callbacks"),
        child(after.at, "callbacks")
      );
  }
  /** How a parameter's value is written (style, explode, content…): everything but what the engine judges. */
  parameter(operation, location, before, after) {
    this.check(
      operation,
      location,
      "serialization (style, explode, content\u2026)",
      rest(before),
      rest(after)
    );
  }
  response(operation, location, before, after) {
    this.check(operation, location, "links", child(before, "links"), child(after, "links"));
    const beforeContent = child(before, "content");
    const afterContent = child(after, "content");
    if (!isRecord(beforeContent.value) || !isRecord(afterContent.value)) return;
    for (const media of Object.keys(beforeContent.value)) {
      if (Object.hasOwn(afterContent.value, media))
        this.check(
          operation,
          location,
          `encoding of ${media}`,
          child(child(beforeContent, media), "encoding"),
          child(child(afterContent, media), "encoding")
        );
    }
  }
};
function child(parent, key) {
  return {
    value: isRecord(parent.value) ? parent.value[key] : void 0,
    file: parent.file,
    pointer: appendPointer(parent.pointer, key)
  };
}
function rest(parameter) {
  if (!isRecord(parameter.value)) return parameter;
  const swagger = !isRecord(parameter.value.schema) && parameter.value.in !== "body";
  const value = Object.fromEntries(
    Object.entries(parameter.value).filter(
      ([key]) => !JUDGED_PARAMETER_KEYS.has(key) && !key.startsWith("x-") && !(swagger && SWAGGER_SCHEMA_KEYS.includes(key))
    )
  );
  if (isRecord(value.content)) value.content = Object.keys(value.content);
  return { ...parameter, value: Object.keys(value).length === 0 ? void 0 : value };
}

// src/core/contract/openapi/schema-view.ts
var NUMERIC_KEYWORDS = [
  "maxLength",
  "minLength",
  "maximum",
  "minimum",
  "exclusiveMaximum",
  "exclusiveMinimum",
  "maxItems",
  "minItems",
  "maxContains",
  "minContains"
];
var UPPER_BOUNDS = /* @__PURE__ */ new Set([
  "maxLength",
  "maximum",
  "exclusiveMaximum",
  "maxItems",
  "maxContains"
]);
function isUpperBound(keyword) {
  return UPPER_BOUNDS.has(keyword);
}
var ANNOTATIONS = /* @__PURE__ */ new Set([
  "$ref",
  "description",
  "summary",
  "title",
  "$comment",
  "example",
  "examples",
  "externalDocs"
]);
var EMPTY_MAP = /* @__PURE__ */ new Map();
var EMPTY_SET = /* @__PURE__ */ new Set();
function anyView(at, identity) {
  return {
    at,
    identity,
    types: null,
    nullable: false,
    enumValues: null,
    constant: null,
    format: null,
    extensibleEnum: null,
    numbers: {},
    pattern: null,
    hasDefault: false,
    defaultValue: void 0,
    readOnly: false,
    writeOnly: false,
    properties: EMPTY_MAP,
    required: EMPTY_SET,
    items: null,
    oneOf: [],
    anyOf: [],
    deprecated: false,
    sunset: void 0,
    keywords: EMPTY_MAP
  };
}
var SchemaViews = class {
  constructor(refs) {
    this.refs = refs;
  }
  refs;
  cache = /* @__PURE__ */ new WeakMap();
  building = /* @__PURE__ */ new WeakSet();
  view(start) {
    const target = this.refs.follow(start);
    const viewed = this.viewResolved(target);
    if (start !== target && isRecord(start.value) && Object.keys(start.value).some((key) => !ANNOTATIONS.has(key))) {
      const siblings = this.ownView({ ...start, value: { ...start.value, $ref: void 0 } }, null);
      return merge(viewed, siblings);
    }
    return viewed;
  }
  viewResolved(target) {
    const value = target.value;
    if (!isRecord(value)) {
      const view = anyView(target, null);
      return value === false ? { ...view, types: EMPTY_SET } : view;
    }
    const cached = this.cache.get(value);
    if (cached) return cached;
    if (this.building.has(value)) return anyView(target, value);
    this.building.add(value);
    try {
      let view = this.ownView(target, value);
      const allOf = value.allOf;
      if (Array.isArray(allOf)) {
        const own = view;
        const members = allOf.map((_, index) => this.view(this.refs.child(target, "allOf", index)));
        for (const member of members) view = merge(view, member);
        view = { ...view, nullable: allOfNullable(own, members) };
      }
      for (const keyword of ["oneOf", "anyOf"]) {
        const raw = value[keyword];
        const only = view[keyword].length === 1 && Array.isArray(raw) && raw.length > 1 ? view[keyword][0] : void 0;
        if (only) view = merge({ ...view, [keyword]: [] }, this.view(only));
      }
      view = { ...view, at: target, identity: value };
      this.cache.set(value, view);
      return view;
    } finally {
      this.building.delete(value);
    }
  }
  ownView(at, identity) {
    const schema = at.value;
    let nullable = schema.nullable === true || schema["x-nullable"] === true;
    let types = null;
    const type = schema.type;
    const typeList = typeof type === "string" ? [type] : Array.isArray(type) ? type.filter((t) => typeof t === "string") : null;
    if (typeList) {
      types = /* @__PURE__ */ new Set();
      for (const t of typeList) {
        if (t === "null") nullable = true;
        else types.add(t);
      }
    }
    let enumValues = Array.isArray(schema.enum) ? schema.enum : null;
    const constant = Object.hasOwn(schema, "const") ? { value: schema.const } : null;
    if (constant?.value === null) nullable = true;
    if (enumValues?.includes(null)) {
      nullable = true;
      enumValues = enumValues.filter((v) => v !== null);
    }
    const numbers = {};
    for (const keyword of NUMERIC_KEYWORDS) {
      const n = schema[keyword];
      if (typeof n === "number" && Number.isFinite(n)) numbers[keyword] = n;
    }
    if (schema.exclusiveMaximum === true && numbers.maximum !== void 0) {
      numbers.exclusiveMaximum = numbers.maximum;
      delete numbers.maximum;
    }
    if (schema.exclusiveMinimum === true && numbers.minimum !== void 0) {
      numbers.exclusiveMinimum = numbers.minimum;
      delete numbers.minimum;
    }
    const properties = /* @__PURE__ */ new Map();
    if (isRecord(schema.properties)) {
      for (const name of Object.keys(schema.properties))
        properties.set(name, this.refs.child(at, "properties", name));
    }
    const required = new Set(
      Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === "string") : []
    );
    const items = isRecord(schema.items) ? this.refs.child(at, "items") : null;
    const alternatives = (keyword) => {
      const list = schema[keyword];
      if (!Array.isArray(list)) return [];
      const out = [];
      for (let index = 0; index < list.length; index++) {
        const entry = this.refs.child(at, keyword, index);
        if (isNullOnly(this.refs.follow(entry).value)) nullable = true;
        else out.push(entry);
      }
      return out;
    };
    const oneOf = alternatives("oneOf");
    const anyOf = alternatives("anyOf");
    const keywords = /* @__PURE__ */ new Map();
    for (const keyword of WATCHED_KEYWORDS)
      if (schema[keyword] !== void 0) keywords.set(keyword, this.refs.child(at, keyword));
    const extensible = schema["x-extensible-enum"];
    return {
      at,
      identity,
      types,
      nullable,
      enumValues,
      constant,
      format: typeof schema.format === "string" ? schema.format : null,
      extensibleEnum: Array.isArray(extensible) ? extensible : null,
      numbers,
      pattern: typeof schema.pattern === "string" ? schema.pattern : null,
      hasDefault: Object.hasOwn(schema, "default"),
      defaultValue: schema.default,
      readOnly: schema.readOnly === true,
      writeOnly: schema.writeOnly === true,
      properties,
      required,
      items,
      oneOf,
      anyOf,
      deprecated: schema.deprecated === true,
      sunset: schema["x-sunset"],
      keywords
    };
  }
};
function allOfNullable(own, members) {
  if (own.nullable) return true;
  const typed = [own, ...members].filter((view) => view.types !== null);
  if (typed.length === 0) return members.some((member) => member.nullable);
  return typed.every((view) => view.nullable);
}
function isNullOnly(value) {
  return isRecord(value) && (value.type === "null" || Array.isArray(value.type) && value.type.length === 1 && value.type[0] === "null");
}
function merge(a, b) {
  const numbers = { ...a.numbers };
  for (const keyword of NUMERIC_KEYWORDS) {
    const n = b.numbers[keyword];
    if (n === void 0) continue;
    const m = numbers[keyword];
    numbers[keyword] = m === void 0 ? n : isUpperBound(keyword) ? Math.min(m, n) : Math.max(m, n);
  }
  const properties = new Map(a.properties);
  for (const [name, located] of b.properties) {
    const existing = properties.get(name);
    properties.set(
      name,
      existing ? { ...existing, value: { allOf: [existing.value, located.value] } } : located
    );
  }
  return {
    at: a.at,
    identity: a.identity,
    types: intersectTypes(a.types, b.types),
    // 3.0 writes "a nullable Order" as allOf [Order] plus nullable: true; honour that reading.
    nullable: a.nullable || b.nullable,
    enumValues: intersectValues(a.enumValues, b.enumValues),
    constant: a.constant ?? b.constant,
    format: a.format ?? b.format,
    extensibleEnum: a.extensibleEnum ?? b.extensibleEnum,
    numbers,
    pattern: a.pattern ?? b.pattern,
    hasDefault: a.hasDefault || b.hasDefault,
    defaultValue: a.hasDefault ? a.defaultValue : b.defaultValue,
    readOnly: a.readOnly || b.readOnly,
    writeOnly: a.writeOnly || b.writeOnly,
    properties,
    required: a.required.size === 0 ? b.required : b.required.size === 0 ? a.required : /* @__PURE__ */ new Set([...a.required, ...b.required]),
    items: a.items && b.items ? { ...a.items, value: { allOf: [a.items.value, b.items.value] } } : a.items ?? b.items,
    oneOf: [...a.oneOf, ...b.oneOf],
    anyOf: [...a.anyOf, ...b.anyOf],
    deprecated: a.deprecated || b.deprecated,
    sunset: a.sunset ?? b.sunset,
    keywords: b.keywords.size === 0 ? a.keywords : new Map([...b.keywords, ...a.keywords])
  };
}
function intersectTypes(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  const out = /* @__PURE__ */ new Set();
  for (const t of a) {
    if (b.has(t)) out.add(t);
    else if (t === "number" && b.has("integer")) out.add("integer");
  }
  for (const t of b) if (t === "number" && a.has("integer")) out.add("integer");
  return out;
}
function intersectValues(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  const keys = new Set(b.map((v) => JSON.stringify(v)));
  return a.filter((v) => keys.has(JSON.stringify(v)));
}

// src/core/contract/openapi/schema-diff.ts
var describe2 = (value) => JSON.stringify(value) ?? String(value);
function joinPath(parent, child2) {
  if (child2 === "") return parent;
  if (parent === "" || child2.startsWith("[")) return parent + child2;
  return `${parent}.${child2}`;
}
var SchemaDiffer = class {
  constructor(before, after) {
    this.before = before;
    this.after = after;
    this.same = new SameCheck(before.refs, after.refs);
  }
  before;
  after;
  locals = /* @__PURE__ */ new Map();
  closures = /* @__PURE__ */ new Map();
  ids = /* @__PURE__ */ new WeakMap();
  nextId = 1;
  same;
  /**
   * Compares the schemas at `before` and `after`, placed as `place` (its direction
   * follows). The walk is breadth first over pairs of subschemas, each pair visited once:
   * a recursive schema ends where it comes back, and a change inside a definition reached
   * along several paths is reported once, at the shortest.
   */
  diff(before, after, place) {
    if (this.same.same(before.value, after.value, before.file, after.file)) return [];
    const root = {
      segment: "",
      before: this.before.view(before),
      after: this.after.view(after),
      place
    };
    const rootKey = this.keyOf(root.before, root.after, place);
    const cached = rootKey === null ? void 0 : this.closures.get(rootKey);
    if (cached) return cached;
    const out = [];
    const visited = /* @__PURE__ */ new Set();
    let queue = [{ edge: root, path: "" }];
    while (queue.length > 0) {
      const next = [];
      for (const { edge, path } of queue) {
        const key = this.keyOf(edge.before, edge.after, edge.place);
        if (key !== null) {
          if (visited.has(key)) continue;
          visited.add(key);
        }
        const local = this.local(edge, key);
        for (const change of local.changes)
          out.push(path === "" ? change : { ...change, path: joinPath(path, change.path) });
        for (const child2 of local.edges)
          next.push({ edge: child2, path: joinPath(path, child2.segment) });
      }
      queue = next;
    }
    if (rootKey !== null) this.closures.set(rootKey, out);
    return out;
  }
  keyOf(b, a, place) {
    if (b.identity === null || a.identity === null) return null;
    return `${place}|${this.idOf(b.identity)}|${this.idOf(a.identity)}`;
  }
  idOf(object) {
    let id = this.ids.get(object);
    if (id === void 0) {
      id = this.nextId++;
      this.ids.set(object, id);
    }
    return id;
  }
  local(edge, key) {
    const cached = key === null ? void 0 : this.locals.get(key);
    if (cached) return cached;
    const changes = [];
    const edges = [];
    this.compareViews(edge.before, edge.after, edge.place, changes, edges);
    const local = { changes, edges };
    if (key !== null) this.locals.set(key, local);
    return local;
  }
  compareViews(b, a, place, out, edges) {
    const direction = place.startsWith("request") ? "request" : "response";
    const emit = (suffix, detail, at = a.at) => {
      out.push({ rule: `${place}-${suffix}`, path: "", at, detail });
    };
    const typeChanged = this.compareTypes(b, a, direction, emit);
    if (b.format !== a.format && !typeChanged) {
      const what = b.format === null ? `gained format ${describe2(a.format)}` : a.format === null ? `lost format ${describe2(b.format)}` : `format changed from ${describe2(b.format)} to ${describe2(a.format)}`;
      emit("type-changed", what);
    }
    compareConstants(b, a, emit);
    if (a.deprecated && a.sunset !== void 0 && parseSunset(a.sunset) === null && (!b.deprecated || b.sunset !== a.sunset)) {
      emit(
        "deprecated-sunset-invalid",
        `was deprecated with an x-sunset that is not an RFC 3339 date (${describe2(a.sunset)})`
      );
    }
    if (b.nullable !== a.nullable)
      emit(
        a.nullable ? "became-nullable" : "became-not-nullable",
        a.nullable ? "became nullable" : "is no longer nullable"
      );
    compareEnums(b, a, emit);
    for (const keyword of NUMERIC_KEYWORDS) {
      const was = b.numbers[keyword];
      const now = a.numbers[keyword];
      if (was === now) continue;
      const stem = numericStem(keyword);
      if (was === void 0) emit(`${stem}-set`, `gained ${keyword} ${now}`);
      else if (now === void 0) emit(`${stem}-unset`, `lost ${keyword} ${was}`);
      else {
        const action = now < was ? "decreased" : "increased";
        emit(`${stem}-${action}`, `${keyword} ${action} from ${was} to ${now}`);
      }
    }
    if (b.pattern !== a.pattern) {
      if (b.pattern === null) emit("pattern-added", `gained pattern ${describe2(a.pattern)}`);
      else if (a.pattern === null) emit("pattern-removed", `lost pattern ${describe2(b.pattern)}`);
      else
        emit(
          "pattern-changed",
          `pattern changed from ${describe2(b.pattern)} to ${describe2(a.pattern)}`
        );
    }
    if (place === "request-parameter" && (b.hasDefault || a.hasDefault) && describe2(b.defaultValue) !== describe2(a.defaultValue)) {
      const action = !b.hasDefault ? "added" : !a.hasDefault ? "removed" : "changed";
      out.push({
        rule: `request-parameter-default-value-${action}`,
        path: "",
        at: a.at,
        detail: `default ${action} (${describe2(b.defaultValue)} \u2192 ${describe2(a.defaultValue)})`
      });
    }
    const same = (x, y) => this.same.same(x.value, y.value, x.file, y.file);
    for (const finding of compareKeywords(b.keywords, a.keywords, same, NOT_COMPARED)) {
      if (finding.fixed)
        out.push({ rule: finding.rule, path: "", at: a.at, detail: finding.detail });
      else emit(finding.rule, finding.detail);
    }
    const nested = direction === "request" ? "request-property" : "response-property";
    this.compareProperties(b, a, direction, nested, out, edges);
    if (b.items && a.items)
      edges.push({
        segment: "[]",
        before: this.before.view(b.items),
        after: this.after.view(a.items),
        place: nested
      });
    this.compareAlternatives(b, a, "oneOf", place, nested, out, edges);
    this.compareAlternatives(b, a, "anyOf", place, nested, out, edges);
  }
  /**
   * Reports a change of the type list; true when that report is a `type-changed` (a format change
   * then goes with it).
   */
  compareTypes(b, a, direction, emit) {
    const was = b.types;
    const now = a.types;
    if (sameTypes(was, now)) return false;
    const format = b.format === a.format ? "" : `, format from ${describe2(b.format ?? "none")} to ${describe2(a.format ?? "none")}`;
    const detail = `type changed from ${typeText(was)} to ${typeText(now)}${format}`;
    const widened = now === null || was !== null && covers(now, was);
    const narrowed = was === null || now !== null && covers(was, now);
    const lists = (was?.size ?? 0) > 1 || (now?.size ?? 0) > 1;
    let suffix;
    if (widened)
      suffix = lists ? "list-of-types-widened" : direction === "request" ? "type-generalized" : "type-changed";
    else if (narrowed)
      suffix = lists ? "list-of-types-narrowed" : direction === "request" ? "type-changed" : "type-specialized";
    else suffix = "type-changed";
    emit(suffix, detail);
    return suffix === "type-changed";
  }
  compareProperties(b, a, direction, nested, out, edges) {
    if (b.properties.size === 0 && a.properties.size === 0) return;
    const names = /* @__PURE__ */ new Set([...b.properties.keys(), ...a.properties.keys()]);
    for (const name of names) {
      const beforeAt = b.properties.get(name);
      const afterAt = a.properties.get(name);
      if (beforeAt && afterAt && b.required.has(name) === a.required.has(name) && this.same.same(beforeAt.value, afterAt.value, beforeAt.file, afterAt.file))
        continue;
      const was = beforeAt ? this.before.view(beforeAt) : null;
      const now = afterAt ? this.after.view(afterAt) : null;
      const hidden = (view) => view === null || (direction === "request" ? view.readOnly : view.writeOnly);
      const wasRequired = b.required.has(name);
      const isRequired = a.required.has(name);
      const at = (view, located) => view?.at ?? located ?? a.at;
      const push = (rule, detail, where) => {
        out.push({ rule, path: name, at: where, detail });
      };
      if (now === null || was === null) {
        if (was === null && now !== null && !hidden(now)) {
          if (direction === "request") {
            if (isRequired)
              push(
                now.hasDefault ? "new-required-request-property-with-default" : "new-required-request-property",
                "was added as a required property",
                at(now, afterAt)
              );
            else
              push(
                "new-optional-request-property",
                "was added as an optional property",
                at(now, afterAt)
              );
          } else {
            push(
              isRequired ? "response-required-property-added" : "response-optional-property-added",
              `was added as ${isRequired ? "a required" : "an optional"} property`,
              at(now, afterAt)
            );
          }
        } else if (now === null && was !== null && !hidden(was)) {
          if (direction === "request")
            push("request-property-removed", "was removed", at(was, beforeAt));
          else
            push(
              wasRequired ? "response-required-property-removed" : "response-optional-property-removed",
              `was removed (it was ${wasRequired ? "required" : "optional"})`,
              at(was, beforeAt)
            );
        }
        continue;
      }
      if (!hidden(now) && !hidden(was) && wasRequired !== isRequired) {
        if (direction === "request") {
          if (isRequired)
            push(
              now.hasDefault ? "request-property-became-required-with-default" : "request-property-became-required",
              "became required",
              at(now, afterAt)
            );
          else push("request-property-became-optional", "became optional", at(now, afterAt));
        } else {
          push(
            isRequired ? "response-property-became-required" : "response-property-became-optional",
            isRequired ? "became required" : "became optional",
            at(now, afterAt)
          );
        }
      }
      if (hidden(now) && hidden(was)) continue;
      edges.push({ segment: name, before: was, after: now, place: nested });
    }
  }
  compareAlternatives(b, a, keyword, place, nested, out, edges) {
    if (b[keyword].length === 0 && a[keyword].length === 0) return;
    const suffix = keyword === "oneOf" ? "one-of" : "any-of";
    const was = describeAlternatives(this.before, b, b[keyword]);
    const now = describeAlternatives(this.after, a, a[keyword]);
    const { pairs, removed, added } = matchAlternatives(was, now);
    for (const alternative of removed)
      out.push({
        rule: `${place}-${suffix}-removed`,
        path: "",
        at: alternative.at,
        detail: `lost the ${keyword} alternative ${alternative.label}`
      });
    for (const alternative of added)
      out.push({
        rule: `${place}-${suffix}-added`,
        path: "",
        at: alternative.at,
        detail: `gained the ${keyword} alternative ${alternative.label}`
      });
    for (const [previous, next] of pairs) {
      edges.push({
        segment: `${keyword}[${next.label}]`,
        before: this.before.view(previous.at),
        after: this.after.view(next.at),
        place: nested
      });
    }
  }
};
function compareConstants(b, a, emit) {
  if (b.constant === null && a.constant === null) return;
  if (b.constant === null && a.constant !== null)
    emit("const-added", `gained const ${describe2(a.constant.value)}`);
  else if (b.constant !== null && a.constant === null)
    emit("const-removed", `lost const ${describe2(b.constant.value)}`);
  else if (b.constant !== null && a.constant !== null && describe2(b.constant.value) !== describe2(a.constant.value)) {
    emit(
      "const-changed",
      `const changed from ${describe2(b.constant.value)} to ${describe2(a.constant.value)}`
    );
  }
}
function compareEnums(b, a, emit) {
  if (b.enumValues !== null && a.enumValues !== null) {
    const [added, removed] = difference(b.enumValues, a.enumValues);
    for (const value of removed) emit("enum-value-removed", `lost enum value ${describe2(value)}`);
    for (const value of added) emit("enum-value-added", `gained enum value ${describe2(value)}`);
  } else if (b.enumValues === null && a.enumValues !== null && b.extensibleEnum === null) {
    emit("became-enum", `became an enum of ${a.enumValues.map(describe2).join(", ")}`);
  }
  if (b.extensibleEnum !== null && a.extensibleEnum !== null) {
    const [added, removed] = difference(b.extensibleEnum, a.extensibleEnum);
    for (const value of removed)
      emit("x-extensible-enum-value-removed", `lost x-extensible-enum value ${describe2(value)}`);
    for (const value of added)
      emit("x-extensible-enum-value-added", `gained x-extensible-enum value ${describe2(value)}`);
  }
}
function difference(before, after) {
  const was = new Set(before.map(describe2));
  const now = new Set(after.map(describe2));
  return [after.filter((v) => !was.has(describe2(v))), before.filter((v) => !now.has(describe2(v)))];
}
function sameTypes(a, b) {
  if (a === null || b === null) return a === b;
  if (a.size !== b.size) return false;
  for (const t of a) if (!b.has(t)) return false;
  return true;
}
function covers(outer, inner) {
  for (const t of inner)
    if (!outer.has(t) && !(t === "integer" && outer.has("number"))) return false;
  return true;
}
function typeText(types) {
  if (types === null) return "any";
  if (types.size === 1) return [...types][0] ?? "any";
  return `[${[...types].join(", ")}]`;
}

// src/core/contract/openapi/classify-openapi.ts
function classifyOpenApi(before, after, options) {
  const beforeLabel = `${options.file} (before)`;
  const beforeRefs = new RefResolver(
    options.beforeFile ?? options.file,
    before,
    beforeLabel,
    options.readExternalBefore ?? options.readExternal
  );
  const afterRefs = new RefResolver(options.file, after, options.file, options.readExternal);
  const beforeMajor = openApiMajor(before, beforeLabel);
  const afterMajor = openApiMajor(after, options.file);
  const was = readOperations(beforeRefs, beforeMajor);
  const now = readOperations(afterRefs, afterMajor);
  const out = new ChangeCollector("openapi", options.file);
  const context = {
    out,
    differ: new SchemaDiffer(new SchemaViews(beforeRefs), new SchemaViews(afterRefs)),
    parts: new UncomparedParts(out, beforeRefs, afterRefs),
    now: options.now
  };
  context.parts.document(beforeRefs.at(""), afterRefs.at(""));
  const remainingPaths = new Set([...now.values()].map((operation) => operation.path));
  for (const [key, operation] of was) {
    const next = now.get(key);
    if (next) compareOperation(context, operation, next);
    else reportRemoval(context, operation, !remainingPaths.has(operation.path));
  }
  for (const [key, operation] of now) {
    if (!was.has(key))
      context.out.add(
        "endpoint-added",
        operation.name,
        operation.name,
        operation.at,
        `${operation.name} was added.`
      );
  }
  compareIncoming(
    context,
    readWebhooks(beforeRefs, beforeMajor),
    readWebhooks(afterRefs, afterMajor),
    "webhook"
  );
  return context.out.sorted();
}
function compareIncoming(context, was, now, kind) {
  const { out } = context;
  for (const [key, operation] of was) {
    const next = now.get(key);
    if (next === void 0) {
      out.add(
        `${kind}-removed`,
        operation.name,
        operation.name,
        operation.at,
        `${operation.name} was removed: its subscribers no longer receive it.`
      );
      continue;
    }
    const name = next.name;
    context.parts.operation(name, operation, next, true);
    for (const [parameterKey2, parameter] of operation.parameters) {
      const after = next.parameters.get(parameterKey2);
      const location = `${name} \u203A ${parameter.in} ${parameter.name}`;
      if (after === void 0) {
        out.add(
          parameter.required ? "required-response-header-removed" : "optional-response-header-removed",
          name,
          location,
          parameter.at,
          `The ${parameter.in} ${parameter.name} that ${name} sends was removed.`
        );
        continue;
      }
      if (parameter.required && !after.required)
        out.add(
          "response-header-became-optional",
          name,
          location,
          after.at,
          `The ${parameter.in} ${parameter.name} that ${name} sends became optional.`
        );
      context.parts.parameter(name, location, parameter.at, after.at);
      if (parameter.schema && after.schema)
        reportSchema(
          context,
          name,
          location,
          `the ${parameter.in} ${parameter.name} ${name} sends`,
          context.differ.diff(parameter.schema, after.schema, "response-header")
        );
    }
    for (const [parameterKey2, parameter] of next.parameters) {
      if (!operation.parameters.has(parameterKey2))
        out.add(
          "response-header-added",
          name,
          `${name} \u203A ${parameter.in} ${parameter.name}`,
          parameter.at,
          `${name} now sends the ${parameter.in} ${parameter.name}.`
        );
    }
    const payload = (body) => body?.content ?? /* @__PURE__ */ new Map();
    compareContent(
      context,
      name,
      `${name} \u203A payload`,
      "payload",
      "response",
      payload(operation.body),
      payload(next.body),
      operation.body?.at ?? operation.at,
      next.body?.at ?? next.at
    );
    for (const [status, reply] of operation.responses) {
      const after = next.responses.get(status);
      const location = `${name} \u203A ${reply.status} reply`;
      if (after === void 0) {
        out.add(
          "callback-reply-removed",
          name,
          location,
          reply.at,
          `The ${reply.status} reply that ${name} documents was removed: the API may no longer take a subscriber's ${reply.status} as before.`
        );
        continue;
      }
      compareContent(
        context,
        name,
        location,
        `${reply.status} reply body`,
        "request",
        reply.content,
        after.content,
        reply.at,
        after.at
      );
    }
    for (const [status, reply] of next.responses) {
      if (!operation.responses.has(status))
        out.add(
          "callback-reply-added",
          name,
          `${name} \u203A ${reply.status} reply`,
          reply.at,
          `A ${reply.status} reply was added to ${name}.`
        );
    }
  }
  for (const [key, operation] of now) {
    if (!was.has(key))
      out.add(
        `${kind}-added`,
        operation.name,
        operation.name,
        operation.at,
        `${operation.name} was added.`
      );
  }
}
function reportRemoval(context, operation, wholePath) {
  const prefix = wholePath ? "api-path-removed" : "api-removed";
  const name = operation.name;
  if (!operation.deprecated) {
    context.out.add(
      `${prefix}-without-deprecation`,
      name,
      name,
      operation.at,
      `${name} was removed without being deprecated first.`
    );
    return;
  }
  const sunset = parseSunset(operation.sunset);
  if (sunset === null) {
    const why = operation.sunset === void 0 ? "it has no x-sunset date, so clients were never told when it would go" : `its x-sunset ${quote(String(operation.sunset))} is not an RFC 3339 date`;
    context.out.add(
      `${prefix}-before-sunset`,
      name,
      name,
      operation.at,
      `${name} was removed while deprecated, but ${why}.`
    );
  } else if (sunset.getTime() > context.now.getTime()) {
    context.out.add(
      `${prefix}-before-sunset`,
      name,
      name,
      operation.at,
      `${name} was removed before its x-sunset date ${sunset.toISOString().slice(0, 10)} (promotion time ${context.now.toISOString()}).`
    );
  } else {
    context.out.add(
      `${prefix}-with-deprecation`,
      name,
      name,
      operation.at,
      `${name} was removed after its x-sunset date ${sunset.toISOString().slice(0, 10)} had passed.`
    );
  }
}
function compareSunsets(context, operation, location, prefix, was, now, at) {
  if (!now.deprecated || now.sunset === was.sunset) return;
  const { out } = context;
  const what = prefix === "" ? operation : location;
  if (now.sunset === void 0) {
    if (was.deprecated && was.sunset !== void 0)
      out.add(
        `${prefix}sunset-deleted`,
        operation,
        location,
        at,
        `The x-sunset date of ${what} was deleted while it is deprecated.`
      );
    return;
  }
  const date = parseSunset(now.sunset);
  if (date === null) {
    out.add(
      prefix === "" ? "api-deprecated-sunset-parse" : "request-parameter-sunset-parse",
      operation,
      location,
      at,
      `${what} is deprecated with an x-sunset that is not an RFC 3339 date: ${quote(String(now.sunset))}.`
    );
    return;
  }
  const before = was.deprecated ? parseSunset(was.sunset) : null;
  if (before !== null && date.getTime() < before.getTime()) {
    out.add(
      `${prefix === "" ? "api-" : prefix}sunset-date-changed-too-small`,
      operation,
      location,
      at,
      `The x-sunset date of ${what} moved earlier, from ${before.toISOString().slice(0, 10)} to ${date.toISOString().slice(0, 10)}.`
    );
  }
}
var STABILITY = ["draft", "alpha", "beta", "stable"];
function compareStability(context, operation, was, now) {
  const level = (at) => isRecord(at.value) ? at.value["x-stability-level"] : void 0;
  const before = level(was);
  const after = level(now);
  if (after === void 0 || after === before) return;
  if (typeof after !== "string" || !STABILITY.includes(after)) {
    context.out.add(
      "api-invalid-stability-level",
      operation,
      operation,
      now,
      `${operation} has the x-stability-level ${quote(String(after))}, which is none of ${STABILITY.join(", ")}.`
    );
  } else if (typeof before === "string" && STABILITY.includes(before) && STABILITY.indexOf(after) < STABILITY.indexOf(before)) {
    context.out.add(
      "api-stability-decreased",
      operation,
      operation,
      now,
      `The x-stability-level of ${operation} went down from ${before} to ${after}.`
    );
  }
}
function compareOperation(context, was, now) {
  const { out } = context;
  const name = now.name;
  if (was.deprecated !== now.deprecated) {
    const rule = !now.deprecated ? "endpoint-reactivated" : now.sunset === void 0 ? "endpoint-deprecated" : "endpoint-deprecated-with-sunset";
    out.add(
      rule,
      name,
      name,
      now.at,
      `${name} ${now.deprecated ? "was deprecated" : "is no longer deprecated"}.`
    );
  }
  compareSunsets(
    context,
    name,
    name,
    "",
    { deprecated: was.deprecated, sunset: was.sunset },
    { deprecated: now.deprecated, sunset: now.sunset },
    now.at
  );
  compareStability(context, name, was.at, now.at);
  context.parts.operation(name, was, now, false);
  compareParameters(context, was, now);
  compareBodies(context, name, was.body, now.body);
  compareResponses(context, name, was.responses, now.responses);
  compareIncoming(context, was.callbacks, now.callbacks, "callback");
}
function compareParameters(context, was, now) {
  const { out } = context;
  const name = now.name;
  for (const [key, parameter] of was.parameters) {
    const next = now.parameters.get(key);
    const label = `${parameter.in} parameter ${parameter.name}`;
    const location = `${name} \u203A ${label}`;
    if (!next && inTemplate(key)) {
      if (parameter.schema)
        reportSchema(
          context,
          name,
          location,
          `the ${label}`,
          context.differ.diff(parameter.schema, pathSegment(now.at), "request-parameter")
        );
      continue;
    }
    if (!next) {
      const raw = isRecord(parameter.at.value) ? parameter.at.value : {};
      const sunset = raw["x-sunset"];
      const date = raw.deprecated === true && sunset !== void 0 ? parseSunset(sunset) : void 0;
      if (date === null)
        out.add(
          "request-parameter-sunset-parse",
          name,
          location,
          parameter.at,
          `The deprecated ${label} was removed; its x-sunset ${quote(String(sunset))} is not an RFC 3339 date.`
        );
      else if (date !== void 0 && date.getTime() > context.now.getTime())
        out.add(
          "request-parameter-removed-before-sunset",
          name,
          location,
          parameter.at,
          `The ${label} was removed before its x-sunset date ${date.toISOString().slice(0, 10)} (promotion time ${context.now.toISOString()}).`
        );
      else
        out.add(
          "request-parameter-removed",
          name,
          location,
          parameter.at,
          `The ${label} was removed.`
        );
      continue;
    }
    const lifecycle = (at) => ({
      deprecated: isRecord(at.value) && at.value.deprecated === true,
      sunset: isRecord(at.value) ? at.value["x-sunset"] : void 0
    });
    compareSunsets(
      context,
      name,
      location,
      "request-parameter-",
      lifecycle(parameter.at),
      lifecycle(next.at),
      next.at
    );
    context.parts.parameter(name, location, parameter.at, next.at);
    if (parameter.required !== next.required) {
      out.add(
        next.required ? "request-parameter-became-required" : "request-parameter-became-optional",
        name,
        location,
        next.at,
        `The ${label} became ${next.required ? "required" : "optional"}.`
      );
    }
    if (parameter.schema && next.schema) {
      reportSchema(
        context,
        name,
        location,
        `the ${label}`,
        context.differ.diff(parameter.schema, next.schema, "request-parameter")
      );
    }
  }
  for (const [key, parameter] of now.parameters) {
    if (was.parameters.has(key)) continue;
    const label = `${parameter.in} parameter ${parameter.name}`;
    if (inTemplate(key)) {
      if (parameter.schema)
        reportSchema(
          context,
          name,
          `${name} \u203A ${label}`,
          `the ${label}`,
          context.differ.diff(pathSegment(was.at), parameter.schema, "request-parameter")
        );
      continue;
    }
    const rule = parameter.in === "path" ? "new-request-path-parameter" : parameter.required ? "new-required-request-parameter" : "new-optional-request-parameter";
    out.add(
      rule,
      name,
      `${name} \u203A ${label}`,
      parameter.at,
      `A ${parameter.required ? "required" : "optional"} ${label} was added.`
    );
  }
}
function inTemplate(key) {
  return key.startsWith("path:#");
}
function pathSegment(operation) {
  return { value: { type: "string" }, file: operation.file, pointer: operation.pointer };
}
function compareBodies(context, name, was, now) {
  const { out } = context;
  const location = `${name} \u203A request body`;
  if (was === null && now === null) return;
  if (was === null && now !== null) {
    out.add(
      now.required ? "request-body-added-required" : "request-body-added-optional",
      name,
      location,
      now.at,
      `A ${now.required ? "required" : "optional"} request body was added.`
    );
    return;
  }
  if (was !== null && now === null) {
    out.add("request-body-removed", name, location, was.at, "The request body was removed.");
    return;
  }
  if (was === null || now === null) return;
  if (was.required !== now.required) {
    out.add(
      now.required ? "request-body-became-required" : "request-body-became-optional",
      name,
      location,
      now.at,
      `The request body became ${now.required ? "required" : "optional"}.`
    );
  }
  compareContent(
    context,
    name,
    location,
    "request body",
    "request",
    was.content,
    now.content,
    was.at,
    now.at
  );
}
function compareResponses(context, name, was, now) {
  const { out } = context;
  for (const [status, response] of was) {
    const next = now.get(status);
    const location = `${name} \u203A ${response.status} response`;
    const success = status.startsWith("2");
    if (!next) {
      out.add(
        success ? "response-success-status-removed" : "response-non-success-status-removed",
        name,
        location,
        response.at,
        `The ${response.status} response was removed.`
      );
      continue;
    }
    compareContent(
      context,
      name,
      location,
      `${response.status} response body`,
      "response",
      response.content,
      next.content,
      response.at,
      next.at
    );
    context.parts.response(name, location, response.at, next.at);
    for (const [key, header] of response.headers) {
      const after = next.headers.get(key);
      const headerLocation = `${location} \u203A header ${header.name}`;
      if (!after) {
        out.add(
          header.required ? "required-response-header-removed" : "optional-response-header-removed",
          name,
          headerLocation,
          header.at,
          `The ${header.required ? "required" : "optional"} response header ${header.name} was removed.`
        );
        continue;
      }
      if (header.required && !after.required)
        out.add(
          "response-header-became-optional",
          name,
          headerLocation,
          after.at,
          `The response header ${header.name} became optional.`
        );
      if (header.schema && after.schema)
        reportSchema(
          context,
          name,
          headerLocation,
          `the response header ${header.name}`,
          context.differ.diff(header.schema, after.schema, "response-header")
        );
    }
    for (const [key, header] of next.headers) {
      if (!response.headers.has(key))
        out.add(
          "response-header-added",
          name,
          `${location} \u203A header ${header.name}`,
          header.at,
          `The response header ${header.name} was added.`
        );
    }
  }
  for (const [status, response] of now) {
    if (was.has(status)) continue;
    const success = status.startsWith("2");
    out.add(
      success ? "response-success-status-added" : "response-non-success-status-added",
      name,
      `${name} \u203A ${response.status} response`,
      response.at,
      `A ${response.status} response was added.`
    );
  }
}
function compareContent(context, name, location, label, direction, was, now, wasAt, nowAt) {
  const { out } = context;
  const rule = direction === "request" ? "request-body-media-type" : "response-media-type";
  for (const [media, schema] of was) {
    if (!now.has(media)) {
      out.add(
        `${rule}-removed`,
        name,
        `${location} \u203A ${media}`,
        schema ?? wasAt,
        `The ${label} media type ${media} was removed.`
      );
      continue;
    }
    const next = now.get(media) ?? null;
    if (schema && next) {
      const place = direction === "request" ? "request-body" : "response-body";
      reportSchema(
        context,
        name,
        `${location} \u203A ${media}`,
        `the ${label} (${media})`,
        context.differ.diff(schema, next, place)
      );
    }
  }
  for (const [media, schema] of now) {
    if (!was.has(media))
      out.add(
        `${rule}-added`,
        name,
        `${location} \u203A ${media}`,
        schema ?? nowAt,
        `The ${label} media type ${media} was added.`
      );
  }
}
function reportSchema(context, operation, location, subject, changes) {
  for (const change of changes) {
    const where = change.path === "" ? location : `${location} \u203A ${change.path}`;
    const what = change.path === "" ? subject : `property ${change.path} of ${subject}`;
    context.out.add(change.rule, operation, where, change.at, sentence(`${what} ${change.detail}`));
  }
}

// src/core/contract/openapi/classify-json-schema.ts
function classifyJsonSchema(before, after, options) {
  const beforeRefs = new RefResolver(
    options.beforeFile ?? options.file,
    before,
    `${options.file} (before)`,
    options.readExternalBefore ?? options.readExternal,
    true
  );
  const afterRefs = new RefResolver(options.file, after, options.file, options.readExternal, true);
  const differ = new SchemaDiffer(new SchemaViews(beforeRefs), new SchemaViews(afterRefs));
  const place = options.role === "produces" ? "response-body" : "request-body";
  const out = new ChangeCollector("jsonschema", options.file);
  for (const change of differ.diff(beforeRefs.at(""), afterRefs.at(""), place)) {
    const what = change.path === "" ? "the schema" : `property ${change.path}`;
    out.add(
      change.rule,
      null,
      change.path === "" ? "(schema)" : change.path,
      change.at,
      sentence(`${what} ${change.detail}`)
    );
  }
  return out.sorted();
}

// src/core/contract/protobuf/model.ts
var import_protobufjs = __toESM(require_protobufjs(), 1);
var DESCRIPTOR = "google/protobuf/descriptor.proto";
function wellKnown(name) {
  if (!name.startsWith("google/protobuf/")) return null;
  const json = import_protobufjs.default.common.get(name);
  return json ?? null;
}
function protocJsonName(name) {
  let out = "";
  let upper = false;
  for (const c of name) {
    if (c === "_") upper = true;
    else if (upper) {
      out += c.toUpperCase();
      upper = false;
    } else out += c;
  }
  return out;
}
var LOAD_FIX = "Give the complete set of .proto files: every import must be one of them or a well-known type (google/protobuf/*.proto).";
function resolveImport(name, from, paths, roots, side) {
  if (paths.has(name)) return name;
  for (const root of roots) {
    const candidate = `${root.replace(/\/+$/, "")}/${name}`;
    if (paths.has(candidate)) return candidate;
  }
  if (name === DESCRIPTOR || wellKnown(name)) return null;
  const matches = [...paths].filter((p) => p.endsWith(`/${name}`));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    throw new SealError(
      "malformed",
      `${from} (${side}): the import ${quote(name)} matches several files (${matches.map((m) => quote(m)).join(", ")}). Say which folder imports are relative to (the proto import roots).`
    );
  }
  throw new SealError(
    "malformed",
    `${from} (${side}): the import ${quote(name)} is not among the contract files. ${LOAD_FIX}`
  );
}
function parseErrorPosition(message, text) {
  const line = /line (\d+)\)?/.exec(message)?.[1];
  if (line === void 0) return null;
  const lineNo = Number(line);
  const token = /'([^']*)'/.exec(message)?.[1];
  const lineText = text.split("\n")[lineNo - 1] ?? "";
  const at = token ? lineText.indexOf(token) : -1;
  return `${lineNo}:${at >= 0 ? at + 1 : 1}`;
}
function cleanMessage(message) {
  return message.replace(/\s*\((?:[^()]*, )?line \d+\)$/, "").replace(ANY_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function features(object) {
  const value = object._features;
  return value !== null && typeof value === "object" ? value : {};
}
function stripDot(name) {
  return name.startsWith(".") ? name.slice(1) : name;
}
function reservedOf(reserved) {
  const ranges = [];
  const names = /* @__PURE__ */ new Set();
  if (Array.isArray(reserved)) {
    for (const item of reserved) {
      if (typeof item === "string") names.add(item);
      else if (Array.isArray(item) && typeof item[0] === "number" && typeof item[1] === "number")
        ranges.push([item[0], item[1]]);
    }
  }
  return { ranges, names };
}
function fieldTypeOf(field) {
  const resolved = field.resolvedType;
  if (resolved instanceof import_protobufjs.default.Enum)
    return { kind: "enum", typeName: stripDot(resolved.fullName) };
  if (resolved instanceof import_protobufjs.default.Type)
    return { kind: field.delimited ? "group" : "message", typeName: stripDot(resolved.fullName) };
  return { kind: field.type, typeName: null };
}
function cardinalityOf(field) {
  if (field instanceof import_protobufjs.default.MapField || field.map) return "map";
  if (field.repeated) return "repeated";
  if (field.required) return "required";
  return field.hasPresence ? "optional" : "optional-implicit";
}
function defaultOf(field) {
  const value = field.options?.["default"];
  return value === void 0 || value === null ? null : String(value);
}
function fieldModel(field) {
  const options = field.options ?? {};
  const explicitJson = options["json_name"];
  const oneof = field.partOf && options["proto3_optional"] !== true ? field.partOf.name : null;
  const map = field instanceof import_protobufjs.default.MapField ? field : null;
  return {
    name: field.name,
    number: field.id,
    jsonName: typeof explicitJson === "string" ? explicitJson : protocJsonName(field.name),
    type: fieldTypeOf(field),
    mapKey: map ? { kind: map.keyType, typeName: null } : null,
    cardinality: cardinalityOf(field),
    oneof,
    defaultValue: defaultOf(field)
  };
}
function loadProtoModel(files, options, side) {
  const root = new import_protobufjs.default.Root();
  const paths = /* @__PURE__ */ new Set();
  for (const file of files) {
    if (paths.has(file.path))
      throw new SealError(
        "bad-input",
        `${file.path} (${side}): the file is given twice. Give each .proto file once.`
      );
    paths.add(file.path);
  }
  const roots = options.importRoots ?? [];
  const fileModels = /* @__PURE__ */ new Map();
  const imports = /* @__PURE__ */ new Map();
  const loadedWellKnown = /* @__PURE__ */ new Set();
  const typeFile = /* @__PURE__ */ new Map();
  for (const file of files) {
    let parsed;
    const before = new Set(namesIn(root));
    try {
      parsed = import_protobufjs.default.parse(file.text, root, { keepCase: true, alternateCommentMode: true });
    } catch (error) {
      const message = messageOf(error);
      const at = parseErrorPosition(message, file.text);
      throw new SealError(
        "malformed",
        `${file.path}${at ? `:${at}` : ""} (${side}): the .proto file cannot be read: ${cleanMessage(message)}. Fix the file at that place.`
      );
    }
    for (const name of namesIn(root)) if (!before.has(name)) typeFile.set(name, file.path);
    for (const imported of [...parsed.imports ?? [], ...parsed.weakImports ?? []]) {
      const target = resolveImport(imported, file.path, paths, roots, side);
      if (target !== null)
        imports.set(file.path, [...imports.get(file.path) ?? [], { name: imported, target }]);
      if (target !== null || loadedWellKnown.has(imported)) continue;
      loadedWellKnown.add(imported);
      try {
        if (imported === DESCRIPTOR) {
          root.addJSON(descriptor_default.nested);
        } else {
          root.addJSON(
            wellKnown(imported).nested
          );
        }
      } catch (error) {
        throw new SealError(
          "malformed",
          `${file.path} (${side}): the import ${quote(imported)} clashes with what the files declare: ${cleanMessage(String(error.message ?? error))}.`,
          { cause: error }
        );
      }
    }
    fileModels.set(file.path, {
      path: file.path,
      pkg: parsed.package ?? "",
      positions: declarationPositions(file.text)
    });
  }
  refuseImportCycle(files, imports, side);
  try {
    root.resolveAll();
  } catch (error) {
    const message = messageOf(error);
    const culprit = /in (?:Type|Service|Namespace|Enum) \.?([\w.]+)/.exec(message)?.[1];
    const file = (culprit && typeFile.get(culprit)) ?? files[0]?.path ?? "(no file)";
    throw new SealError(
      "malformed",
      `${file} (${side}): the .proto files do not resolve: ${message}. ${LOAD_FIX}`
    );
  }
  return collect(root, fileModels, typeFile);
}
function refuseImportCycle(files, imports, side) {
  const done = /* @__PURE__ */ new Set();
  const path = [];
  const visit2 = (file) => {
    if (done.has(file)) return;
    path.push(file);
    for (const { name, target } of imports.get(file) ?? []) {
      const start = path.indexOf(target);
      if (start !== -1) {
        const cycle = [...path.slice(start), target].join(" -> ");
        const text = files.find((f) => f.path === file)?.text ?? "";
        const line = text.split("\n").findIndex(
          (l) => new RegExp(
            `^\\s*import\\s+(?:public\\s+|weak\\s+)?"${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`
          ).test(l)
        );
        const at = line === -1 ? "" : `:${line + 1}:1`;
        throw new SealError(
          "malformed",
          `${file}${at} (${side}): the import ${quote(name)} closes a cycle of imports (${cycle}). protoc and buf refuse files that import each other ("detected cyclic import"); move what they share into a file that both import.`
        );
      }
      visit2(target);
    }
    path.pop();
    done.add(file);
  };
  for (const file of files) visit2(file.path);
}
function namesIn(root) {
  const names = [];
  const walk = (ns) => {
    for (const nested of ns.nestedArray) {
      if (nested instanceof import_protobufjs.default.Type || nested instanceof import_protobufjs.default.Enum || nested instanceof import_protobufjs.default.Service)
        names.push(stripDot(nested.fullName));
      if (nested instanceof import_protobufjs.default.Namespace || nested instanceof import_protobufjs.default.Type || nested instanceof import_protobufjs.default.Service)
        walk(nested);
    }
  };
  walk(root);
  return names;
}
function collect(root, files, typeFile) {
  const messages = /* @__PURE__ */ new Map();
  const enums = /* @__PURE__ */ new Map();
  const services = /* @__PURE__ */ new Map();
  const packages = /* @__PURE__ */ new Set();
  for (const file of files.values()) packages.add(file.pkg);
  const walk = (ns) => {
    for (const nested of ns.nestedArray) {
      const fullName = stripDot(nested.fullName);
      const file = typeFile.get(fullName);
      const owned = file !== void 0;
      const pkg = owned ? files.get(file)?.pkg ?? "" : "";
      if (nested instanceof import_protobufjs.default.Type) {
        if (owned) {
          const fields = /* @__PURE__ */ new Map();
          for (const field of nested.fieldsArray) {
            if (field.declaringField || field.name.startsWith(".")) continue;
            fields.set(field.id, fieldModel(field));
          }
          messages.set(fullName, {
            fullName,
            file,
            pkg,
            fields,
            reserved: reservedOf(nested.reserved),
            jsonFormat: String(features(nested)["json_format"] ?? "ALLOW")
          });
        }
        walk(nested);
      } else if (nested instanceof import_protobufjs.default.Enum) {
        if (owned) {
          const values = /* @__PURE__ */ new Map();
          for (const [name, number] of Object.entries(nested.values)) {
            const names = values.get(number) ?? [];
            names.push(name);
            values.set(number, names);
          }
          const f = features(nested);
          enums.set(fullName, {
            fullName,
            file,
            pkg,
            values,
            reserved: reservedOf(nested.reserved),
            jsonFormat: String(f["json_format"] ?? "ALLOW"),
            closed: f["enum_type"] === "CLOSED"
          });
        }
      } else if (nested instanceof import_protobufjs.default.Service) {
        if (owned) {
          const methods = /* @__PURE__ */ new Map();
          for (const method of nested.methodsArray) {
            const options = method.options ?? {};
            methods.set(method.name, {
              name: method.name,
              requestType: stripDot(method.resolvedRequestType?.fullName ?? method.requestType),
              responseType: stripDot(method.resolvedResponseType?.fullName ?? method.responseType),
              clientStreaming: method.requestStream === true,
              serverStreaming: method.responseStream === true,
              idempotency: String(options["idempotency_level"] ?? "IDEMPOTENCY_UNKNOWN")
            });
          }
          services.set(fullName, { fullName, file, pkg, methods });
        }
      } else if (nested instanceof import_protobufjs.default.Namespace) {
        walk(nested);
      }
    }
  };
  walk(root);
  return { files, packages, messages, enums, services };
}

// src/core/contract/protobuf.ts
var WIRE_JSON_GROUP = {
  int32: 1,
  uint32: 1,
  int64: 2,
  uint64: 2,
  fixed32: 3,
  sfixed32: 3,
  fixed64: 4,
  sfixed64: 4,
  bool: 5,
  sint32: 6,
  sint64: 7,
  string: 8,
  bytes: 9,
  double: 10,
  float: 11,
  group: 12,
  message: 13,
  enum: 14
};
var CARDINALITY_GROUP = {
  optional: 1,
  "optional-implicit": 1,
  required: 2,
  repeated: 3,
  map: 4
};
function classifyProtobuf(before, after, options = {}) {
  const old = loadProtoModel(before, options, "before");
  const now = loadProtoModel(after, options, "after");
  const out = [];
  const add = (rule, severity, location, where, message, operation = null) => {
    out.push({
      rule,
      severity,
      kind: "protobuf",
      operation,
      location,
      file: where.file,
      position: where.position,
      message
    });
  };
  const gonePackages = new Set([...old.packages].filter((p) => !now.packages.has(p)));
  for (const file of old.files.values()) {
    const current = now.files.get(file.path);
    if (current && current.pkg !== file.pkg) {
      add(
        "FILE_SAME_PACKAGE",
        "breaking",
        `file ${file.path}`,
        { file: file.path, position: pos(now, file.path, "package") },
        `The package of ${file.path} changed from ${show2(file.pkg)} to ${show2(current.pkg)}: every type in it has a new full name, so clients built against the old one cannot call or decode it.`
      );
    }
  }
  for (const pkg of gonePackages) {
    const file = [...old.files.values()].find((f) => f.pkg === pkg)?.path ?? "";
    add(
      "PACKAGE_NO_DELETE",
      "breaking",
      `package ${show2(pkg)}`,
      nearestFile(now, file),
      `The package ${show2(pkg)} was deleted: clients of its messages and services break.`
    );
  }
  compareMessages(old, now, gonePackages, add);
  compareEnums2(old, now, gonePackages, add);
  compareServices(old, now, gonePackages, add);
  return out.sort(compareChanges);
}
function show2(pkg) {
  return pkg === "" ? "(no package)" : pkg;
}
function pos(model, file, key) {
  const at = model.files.get(file)?.positions.get(key);
  return at ? `${at.line}:${at.col}` : null;
}
function nearestFile(model, file) {
  return { file, position: model.files.has(file) ? pos(model, file, "package") : null };
}
function parentOf(fullName) {
  const dot = fullName.lastIndexOf(".");
  return dot < 0 ? "" : fullName.slice(0, dot);
}
function whereType(model, fullName, fallbackFile, kind = "type") {
  const here = kind === "service" ? model.services.get(fullName) : model.messages.get(fullName) ?? model.enums.get(fullName);
  if (here) return { file: here.file, position: pos(model, here.file, `${kind}:${fullName}`) };
  for (let name = parentOf(fullName); name !== ""; name = parentOf(name)) {
    const parent = model.messages.get(name);
    if (parent) return { file: parent.file, position: pos(model, parent.file, `type:${name}`) };
  }
  return nearestFile(model, fallbackFile);
}
function parentGone(fullName, old, now) {
  for (let name = parentOf(fullName); name !== ""; name = parentOf(name)) {
    if (old.messages.has(name) && !now.messages.has(name)) return true;
  }
  return false;
}
function parentNew(fullName, old, now) {
  for (let name = parentOf(fullName); name !== ""; name = parentOf(name)) {
    if (now.messages.has(name) && !old.messages.has(name)) return true;
  }
  return false;
}
function inReservedRanges(number, reserved) {
  return reserved.ranges.some(([lo, hi]) => number >= lo && number <= hi);
}
function droppedReservations(before, after) {
  const dropped = [];
  const sorted = [...after.ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [lo, hi] of before.ranges) {
    let next = lo;
    for (const [a, b] of sorted) {
      if (b < next) continue;
      if (a > next) break;
      next = b + 1;
      if (next > hi) break;
    }
    if (next <= hi) dropped.push(lo === hi ? `${lo}` : `${lo} to ${hi}`);
  }
  for (const name of before.names) if (!after.names.has(name)) dropped.push(JSON.stringify(name));
  return dropped;
}
function describeType(type, mapKey) {
  const value = type.typeName ?? type.kind;
  return mapKey ? `map<${mapKey.kind}, ${value}>` : value;
}
function typeChange(before, after, old, now) {
  if (before.kind === after.kind && before.typeName === after.typeName) return null;
  if (WIRE_JSON_GROUP[before.kind] !== WIRE_JSON_GROUP[after.kind]) return "breaking";
  if (before.kind === "enum") {
    const a = before.typeName ? old.enums.get(before.typeName) : void 0;
    const b = after.typeName ? now.enums.get(after.typeName) : void 0;
    if (!a || !b || a.fullName.split(".").pop() !== b.fullName.split(".").pop()) return "breaking";
    for (const [number, names] of a.values) {
      const later = b.values.get(number);
      if (!later || !names.every((n) => later.includes(n))) return "breaking";
    }
    return null;
  }
  if (before.kind === "message" || before.kind === "group") return "breaking";
  return "dangerous";
}
function zeroDefault(field, model) {
  switch (field.type.kind) {
    case "bool":
      return "false";
    case "string":
    case "bytes":
      return "";
    case "enum": {
      const values = field.type.typeName ? model.enums.get(field.type.typeName)?.values : void 0;
      return values ? [...values.values()][0]?.[0] ?? "" : "";
    }
    default:
      return "0";
  }
}
function sameDefault(a, b, old, now) {
  if (a.cardinality === "repeated" || a.cardinality === "map" || b.cardinality === "repeated" || b.cardinality === "map")
    return true;
  if (a.type.typeName !== null && a.type.kind !== "enum") return true;
  const x = a.defaultValue ?? zeroDefault(a, old);
  const y = b.defaultValue ?? zeroDefault(b, now);
  if (x === y) return true;
  const nx = Number(x);
  const ny = Number(y);
  return x.trim() !== "" && y.trim() !== "" && !Number.isNaN(nx) && nx === ny;
}
function fieldLabel(message, field) {
  return `${message} \u203A field ${field.number} ${JSON.stringify(field.name)}`;
}
function compareMessages(old, now, gonePackages, add) {
  for (const message of old.messages.values()) {
    const current = now.messages.get(message.fullName);
    if (!current) {
      if (gonePackages.has(message.pkg) || parentGone(message.fullName, old, now)) continue;
      add(
        "PACKAGE_MESSAGE_NO_DELETE",
        "breaking",
        message.fullName,
        whereType(now, message.fullName, message.file),
        `The message ${message.fullName} was deleted from package ${show2(message.pkg)}: clients that send or decode it break.`
      );
      continue;
    }
    compareMessage(message, current, old, now, add);
  }
  for (const message of now.messages.values()) {
    if (old.messages.has(message.fullName) || parentNew(message.fullName, old, now)) continue;
    add(
      "MESSAGE_ADDED",
      "compatible",
      message.fullName,
      whereType(now, message.fullName, message.file),
      `The message ${message.fullName} was added.`
    );
  }
}
function compareMessage(before, after, old, now, add) {
  const name = after.fullName;
  const here = whereType(now, name, after.file);
  const fieldWhere = (number) => {
    const at = pos(now, after.file, `field:${name}#${number}`);
    return at ? { file: after.file, position: at } : here;
  };
  if (before.jsonFormat === "ALLOW" && after.jsonFormat !== "ALLOW") {
    add(
      "MESSAGE_SAME_JSON_FORMAT",
      "breaking",
      name,
      here,
      `The message ${name} no longer supports JSON (json_format ${after.jsonFormat}): clients that exchange it as JSON break.`
    );
  }
  const dropped = droppedReservations(before.reserved, after.reserved);
  if (dropped.length > 0) {
    add(
      "RESERVED_MESSAGE_NO_DELETE",
      "breaking",
      name,
      here,
      `The message ${name} no longer reserves ${dropped.join(", ")}: a new field may reuse what old clients still send under that number or name.`
    );
  }
  const requiredBefore = new Set(
    [...before.fields.values()].filter((f) => f.cardinality === "required").map((f) => f.number)
  );
  const requiredAfter = new Set(
    [...after.fields.values()].filter((f) => f.cardinality === "required").map((f) => f.number)
  );
  for (const number of requiredBefore) {
    if (!requiredAfter.has(number)) {
      add(
        "MESSAGE_SAME_REQUIRED_FIELDS",
        "breaking",
        `${name} \u203A field ${number}`,
        fieldWhere(number),
        `Field ${number} of ${name} is no longer required: old readers reject messages that leave it out.`
      );
    }
  }
  for (const number of requiredAfter) {
    if (!requiredBefore.has(number)) {
      add(
        "MESSAGE_SAME_REQUIRED_FIELDS",
        "breaking",
        `${name} \u203A field ${number}`,
        fieldWhere(number),
        `Field ${number} of ${name} became required: messages from old senders, which leave it out, are rejected.`
      );
    }
  }
  const byName = new Map([...after.fields.values()].map((f) => [f.name, f]));
  for (const field of before.fields.values()) {
    const current = after.fields.get(field.number);
    const label = fieldLabel(name, field);
    if (!current) {
      const moved = byName.get(field.name);
      const how = moved ? `changed its number from ${field.number} to ${moved.number}` : "was deleted";
      const numberReserved = inReservedRanges(field.number, after.reserved);
      const nameReserved = after.reserved.names.has(field.name);
      if (!numberReserved) {
        add(
          "FIELD_NO_DELETE_UNLESS_NUMBER_RESERVED",
          "breaking",
          label,
          moved ? fieldWhere(moved.number) : here,
          `Field ${field.number} ${JSON.stringify(field.name)} of ${name} ${how} without reserving number ${field.number}: old clients still use ${field.number}, and what they send is lost or misread.`
        );
      }
      if (!nameReserved) {
        add(
          "FIELD_NO_DELETE_UNLESS_NAME_RESERVED",
          "breaking",
          label,
          moved ? fieldWhere(moved.number) : here,
          moved ? `Field ${JSON.stringify(field.name)} of ${name} ${how}: in binary, old clients write and read it under ${field.number}, which the new definition does not know.` : `Field ${field.number} ${JSON.stringify(field.name)} of ${name} ${how} without reserving the name ${JSON.stringify(field.name)}: JSON clients still send it, and a new field of that name would take their values.`
        );
      }
      if (numberReserved && nameReserved) {
        add(
          "FIELD_NO_DELETE",
          "dangerous",
          label,
          here,
          `Field ${field.number} ${JSON.stringify(field.name)} of ${name} was deleted (its number and name reserved): the encoding stays readable, but clients that read it now always get its default.`
        );
      }
      continue;
    }
    compareField(name, field, current, fieldWhere(field.number), old, now, add);
  }
  for (const field of after.fields.values()) {
    if (before.fields.has(field.number)) continue;
    const renumbered = [...before.fields.values()].some(
      (f) => f.name === field.name && !after.fields.has(f.number)
    );
    if (renumbered || field.cardinality === "required") continue;
    add(
      "FIELD_ADDED",
      "compatible",
      fieldLabel(name, field),
      fieldWhere(field.number),
      `Field ${field.number} ${JSON.stringify(field.name)} was added to ${name}.`
    );
  }
}
function compareField(message, before, after, where, old, now, add) {
  const label = fieldLabel(message, after);
  const subject = `Field ${after.number} of ${message}`;
  if (before.name !== after.name) {
    add(
      "FIELD_SAME_NAME",
      "breaking",
      label,
      where,
      `${subject} was renamed from ${JSON.stringify(before.name)} to ${JSON.stringify(after.name)}: JSON and text-format clients use the old name.`
    );
  }
  if (before.jsonName !== after.jsonName) {
    add(
      "FIELD_SAME_JSON_NAME",
      "breaking",
      label,
      where,
      `${subject} has the JSON name ${JSON.stringify(after.jsonName)} instead of ${JSON.stringify(before.jsonName)}: JSON clients send and expect the old key.`
    );
  }
  const beforeGroup = CARDINALITY_GROUP[before.cardinality];
  const afterGroup = CARDINALITY_GROUP[after.cardinality];
  if (beforeGroup !== afterGroup) {
    add(
      "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
      "breaking",
      label,
      where,
      `${subject} changed from ${before.cardinality} to ${after.cardinality}: the two are encoded differently, so old clients misread it.`
    );
  } else if (before.cardinality !== after.cardinality && before.oneof === after.oneof) {
    const lost = before.cardinality === "optional";
    add(
      "FIELD_SAME_CARDINALITY",
      lost ? "dangerous" : "compatible",
      label,
      where,
      lost ? `${subject} lost explicit presence: a zero value is no longer sent, so clients that check whether it is set see it unset.` : `${subject} gained explicit presence; the encoding is unchanged.`
    );
  }
  if (beforeGroup === afterGroup) {
    const valueChange = typeChange(before.type, after.type, old, now);
    const keyChange = before.mapKey && after.mapKey ? typeChange(before.mapKey, after.mapKey, old, now) : null;
    const severity = valueChange === "breaking" || keyChange === "breaking" ? "breaking" : valueChange ?? keyChange;
    if (severity) {
      const from = describeType(before.type, before.mapKey);
      const to = describeType(after.type, after.mapKey);
      if (severity === "breaking") {
        add(
          "FIELD_WIRE_JSON_COMPATIBLE_TYPE",
          "breaking",
          label,
          where,
          `${subject} changed type from ${from} to ${to}, which is not wire and JSON compatible: old clients misread it.`
        );
      } else {
        add(
          "FIELD_SAME_TYPE",
          "dangerous",
          label,
          where,
          `${subject} changed type from ${from} to ${to}: the encoding reads, but values outside the range both types share change meaning.`
        );
      }
    }
  }
  if (before.oneof !== after.oneof) {
    const move = before.oneof === null ? `moved into oneof ${after.oneof}` : after.oneof === null ? `moved out of oneof ${before.oneof}` : `moved from oneof ${before.oneof} to ${after.oneof}`;
    add(
      "FIELD_SAME_ONEOF",
      "breaking",
      label,
      where,
      `${subject} ${move}: setting it now clears (or no longer clears) other fields, which old clients do not expect.`
    );
  }
  if (before.type.kind === after.type.kind && before.type.typeName === after.type.typeName && !sameDefault(before, after, old, now)) {
    add(
      "FIELD_SAME_DEFAULT",
      "breaking",
      label,
      where,
      `${subject} changed its default from ${JSON.stringify(before.defaultValue ?? "(none)")} to ${JSON.stringify(after.defaultValue ?? "(none)")}: old and new clients read an unset field differently.`
    );
  }
}
function enumValueWhere(now, current, name, fallback) {
  const at = pos(now, current.file, `value:${current.fullName}.${name}`);
  return at ? { file: current.file, position: at } : fallback;
}
function compareEnums2(old, now, gonePackages, add) {
  for (const e of old.enums.values()) {
    const current = now.enums.get(e.fullName);
    if (!current) {
      if (gonePackages.has(e.pkg) || parentGone(e.fullName, old, now)) continue;
      add(
        "PACKAGE_ENUM_NO_DELETE",
        "breaking",
        e.fullName,
        whereType(now, e.fullName, e.file),
        `The enum ${e.fullName} was deleted from package ${show2(e.pkg)}: fields of that type no longer decode.`
      );
      continue;
    }
    compareEnum(e, current, now, add);
  }
  for (const e of now.enums.values()) {
    if (old.enums.has(e.fullName) || parentNew(e.fullName, old, now)) continue;
    add(
      "ENUM_ADDED",
      "compatible",
      e.fullName,
      whereType(now, e.fullName, e.file),
      `The enum ${e.fullName} was added.`
    );
  }
}
function compareEnum(before, after, now, add) {
  const name = after.fullName;
  const here = whereType(now, name, after.file);
  if (before.jsonFormat === "ALLOW" && after.jsonFormat !== "ALLOW") {
    add(
      "ENUM_SAME_JSON_FORMAT",
      "breaking",
      name,
      here,
      `The enum ${name} no longer supports JSON (json_format ${after.jsonFormat}): clients that exchange it as JSON break.`
    );
  }
  if (!before.closed && after.closed) {
    add(
      "ENUM_SAME_TYPE",
      "dangerous",
      name,
      here,
      `The enum ${name} changed from open to closed: values it does not know are no longer kept in the field but moved to unknown fields.`
    );
  }
  const dropped = droppedReservations(before.reserved, after.reserved);
  if (dropped.length > 0) {
    add(
      "RESERVED_ENUM_NO_DELETE",
      "breaking",
      name,
      here,
      `The enum ${name} no longer reserves ${dropped.join(", ")}: a new value may reuse what old clients still mean differently.`
    );
  }
  const numberOf = /* @__PURE__ */ new Map();
  for (const [number, names] of after.values) for (const n of names) numberOf.set(n, number);
  for (const [number, names] of before.values) {
    const current = after.values.get(number);
    const label = `${name} \u203A value ${number} ${names.join("/")}`;
    if (!current) {
      const moved = names.map((n) => numberOf.get(n)).find((n) => n !== void 0);
      const how = moved !== void 0 ? `changed its number from ${number} to ${moved}` : "was deleted";
      const where = enumValueWhere(now, after, names[0] ?? "", here);
      const numberReserved = inReservedRanges(number, after.reserved);
      const nameReserved = names.every((n) => after.reserved.names.has(n));
      if (!numberReserved) {
        add(
          "ENUM_VALUE_NO_DELETE_UNLESS_NUMBER_RESERVED",
          "breaking",
          label,
          where,
          `The value ${names.join("/")} (${number}) of ${name} ${how} without reserving number ${number}: old clients still send ${number}.`
        );
      }
      if (!nameReserved) {
        add(
          "ENUM_VALUE_NO_DELETE_UNLESS_NAME_RESERVED",
          "breaking",
          label,
          where,
          `The value ${names.join("/")} (${number}) of ${name} ${how} without reserving its name: JSON clients still send ${JSON.stringify(names[0])}.`
        );
      }
      if (numberReserved && nameReserved) {
        add(
          "ENUM_VALUE_NO_DELETE",
          "dangerous",
          label,
          here,
          `The value ${names.join("/")} (${number}) of ${name} was deleted (number and name reserved): old clients that still send it are not understood.`
        );
      }
      continue;
    }
    if (!names.every((n) => current.includes(n))) {
      add(
        "ENUM_VALUE_SAME_NAME",
        "breaking",
        label,
        enumValueWhere(now, after, current[0] ?? "", here),
        `The value ${number} of ${name} is named ${current.join("/")} instead of ${names.join("/")}: JSON clients send and expect the old name.`
      );
    } else {
      for (const alias of current.filter((n) => !names.includes(n))) {
        add(
          "ENUM_VALUE_ADDED",
          "compatible",
          `${name} \u203A value ${number} ${alias}`,
          enumValueWhere(now, after, alias, here),
          `The alias ${alias} was added for value ${number} of ${name}.`
        );
      }
    }
  }
  for (const [number, names] of after.values) {
    if (before.values.has(number)) continue;
    const renumbered = names.some(
      (n) => [...before.values.entries()].some(([k, old]) => old.includes(n) && !after.values.has(k))
    );
    if (renumbered) continue;
    add(
      "ENUM_VALUE_ADDED",
      before.closed ? "dangerous" : "compatible",
      `${name} \u203A value ${number} ${names.join("/")}`,
      enumValueWhere(now, after, names[0] ?? "", here),
      before.closed ? `The value ${names.join("/")} (${number}) was added to the closed enum ${name}: old clients put it among unknown fields and see the field unset.` : `The value ${names.join("/")} (${number}) was added to ${name}.`
    );
  }
}
function compareServices(old, now, gonePackages, add) {
  for (const service of old.services.values()) {
    const current = now.services.get(service.fullName);
    if (!current) {
      if (gonePackages.has(service.pkg)) continue;
      const rpcs = [...service.methods.keys()].join(", ");
      add(
        "PACKAGE_SERVICE_NO_DELETE",
        "breaking",
        service.fullName,
        whereType(now, service.fullName, service.file, "service"),
        `The service ${service.fullName} was deleted${rpcs ? ` with its RPCs ${rpcs}` : ""}: its callers fail.`
      );
      continue;
    }
    compareService(service, current, now, add);
  }
  for (const service of now.services.values()) {
    if (old.services.has(service.fullName)) continue;
    add(
      "SERVICE_ADDED",
      "compatible",
      service.fullName,
      whereType(now, service.fullName, service.file, "service"),
      `The service ${service.fullName} was added.`
    );
  }
}
function compareService(before, after, now, add) {
  const name = after.fullName;
  const here = whereType(now, name, after.file, "service");
  const rpcWhere = (rpc) => {
    const at = pos(now, after.file, `rpc:${name}/${rpc}`);
    return at ? { file: after.file, position: at } : here;
  };
  for (const method of before.methods.values()) {
    const operation = `${name}/${method.name}`;
    const current = after.methods.get(method.name);
    if (!current) {
      add(
        "RPC_NO_DELETE",
        "breaking",
        operation,
        here,
        `The RPC ${operation} was deleted: its callers fail.`,
        operation
      );
      continue;
    }
    const where = rpcWhere(method.name);
    if (method.requestType !== current.requestType) {
      add(
        "RPC_SAME_REQUEST_TYPE",
        "breaking",
        operation,
        where,
        `The RPC ${operation} takes ${current.requestType} instead of ${method.requestType}: old callers send the wrong message.`,
        operation
      );
    }
    if (method.responseType !== current.responseType) {
      add(
        "RPC_SAME_RESPONSE_TYPE",
        "breaking",
        operation,
        where,
        `The RPC ${operation} returns ${current.responseType} instead of ${method.responseType}: old callers misread the reply.`,
        operation
      );
    }
    if (method.clientStreaming !== current.clientStreaming) {
      add(
        "RPC_SAME_CLIENT_STREAMING",
        "breaking",
        operation,
        where,
        `The RPC ${operation} changed from client ${method.clientStreaming ? "streaming" : "unary"} to client ${current.clientStreaming ? "streaming" : "unary"}: old callers use the other call shape.`,
        operation
      );
    }
    if (method.serverStreaming !== current.serverStreaming) {
      add(
        "RPC_SAME_SERVER_STREAMING",
        "breaking",
        operation,
        where,
        `The RPC ${operation} changed from server ${method.serverStreaming ? "streaming" : "unary"} to server ${current.serverStreaming ? "streaming" : "unary"}: old callers use the other call shape.`,
        operation
      );
    }
    if (method.idempotency !== current.idempotency) {
      add(
        "RPC_SAME_IDEMPOTENCY_LEVEL",
        "breaking",
        operation,
        where,
        `The RPC ${operation} changed idempotency_level from ${method.idempotency} to ${current.idempotency}: clients that retry it or call it with GET rely on the old level.`,
        operation
      );
    }
  }
  for (const method of after.methods.values()) {
    if (before.methods.has(method.name)) continue;
    const operation = `${name}/${method.name}`;
    add(
      "RPC_ADDED",
      "compatible",
      operation,
      rpcWhere(method.name),
      `The RPC ${operation} was added.`,
      operation
    );
  }
}

// src/core/contract/classify.ts
async function classifyContracts(before, after, options) {
  if (before.manifest.digest === after.manifest.digest) return [];
  const changes = [];
  const declared = (contract) => new Map(
    contract.manifest.files.filter((f) => f.kind !== "reference" && f.kind !== "protobuf").map((f) => [f.path, f])
  );
  const was = declared(before);
  const now = declared(after);
  const pairs = [];
  for (const [path, entry] of was) {
    const next = now.get(path);
    if (next !== void 0) pairs.push([entry, next]);
  }
  const left = [...was.values()].filter((e) => !now.has(e.path));
  const right = [...now.values()].filter((e) => !was.has(e.path));
  for (const kind of new Set(left.map((e) => e.kind))) {
    const a = left.filter((e) => e.kind === kind);
    const b = right.filter((e) => e.kind === kind);
    if (a.length === 1 && b.length === 1)
      pairs.push([a[0], b[0]]);
  }
  const paired = new Set(pairs.flatMap(([a, b]) => [`before:${a.path}`, `after:${b.path}`]));
  for (const [entry, next] of pairs) {
    if (next.kind !== entry.kind) {
      changes.push(
        fileChange(
          "contract-file-kind-changed",
          "breaking",
          next,
          `${quote(entry.path)} was ${entry.kind} and is now ${next.kind}.`
        )
      );
    } else if (next.sha256 !== entry.sha256 || referencesChanged(before, after)) {
      changes.push(...await classifyFile(entry, next, before, after, options.now));
    }
  }
  for (const entry of was.values()) {
    if (!paired.has(`before:${entry.path}`))
      changes.push(
        fileChange(
          "contract-file-removed",
          "breaking",
          entry,
          `The contract file ${quote(entry.path)} was removed: its clients lose everything it described.`
        )
      );
  }
  for (const entry of now.values()) {
    if (!paired.has(`after:${entry.path}`))
      changes.push(
        fileChange(
          "contract-file-added",
          "compatible",
          entry,
          `The contract file ${quote(entry.path)} was added.`
        )
      );
  }
  const protos = (contract) => contract.manifest.files.filter((f) => isProtobufFile(f.path)).map((f) => ({ path: f.path, text: contract.read(f.path) }));
  const beforeProtos = protos(before);
  const afterProtos = protos(after);
  if (beforeProtos.length > 0 || afterProtos.length > 0) {
    if (beforeProtos.length === 0 || afterProtos.length === 0) {
      const entry = (afterProtos.length === 0 ? before : after).manifest.files.find(
        (f) => isProtobufFile(f.path)
      );
      const removed = afterProtos.length === 0;
      changes.push(
        fileChange(
          removed ? "contract-file-removed" : "contract-file-added",
          removed ? "breaking" : "compatible",
          entry,
          `The protobuf contract was ${removed ? "removed" : "added"}.`
        )
      );
    } else {
      changes.push(...classifyProtobuf(beforeProtos, afterProtos));
    }
  }
  return changes.sort(compareChanges);
}
function referencesChanged(before, after) {
  const refs = (contract) => new Map(
    contract.manifest.files.filter((f) => f.kind === "reference").map((f) => [f.path, f.sha256])
  );
  const a = refs(before);
  const b = refs(after);
  return a.size !== b.size || [...a].some(([path, sha]) => b.get(path) !== sha);
}
async function classifyFile(was, now, before, after, at) {
  const path = now.path;
  if (now.kind === "graphql")
    return classifyGraphql(before.read(was.path), after.read(path), { file: path });
  const parse2 = (contract, file) => readContractDocument(file, contract.read(file)).value;
  const reader = (contract) => (file) => parse2(contract, file);
  if (now.kind === "jsonschema") {
    const role = now.role ?? was.role ?? "produces";
    return classifyJsonSchema(parse2(before, was.path), parse2(after, path), {
      file: path,
      role,
      readExternal: reader(after),
      readExternalBefore: reader(before),
      beforeFile: was.path
    });
  }
  return classifyOpenApi(
    parse2(before, was.path),
    parse2(after, path),
    {
      file: path,
      now: at,
      readExternal: reader(after),
      readExternalBefore: reader(before),
      beforeFile: was.path
    }
  );
}
function fileChange(rule, severity, entry, message) {
  const kind = entry.kind === "reference" ? "openapi" : entry.kind;
  return {
    rule,
    severity,
    kind,
    operation: null,
    location: entry.path,
    file: entry.path,
    position: null,
    message
  };
}

export {
  classifyContracts
};
