import {
  BREAKING_RULES,
  DANGEROUS_RULES,
  ROLLBACK_RULES
} from "./chunk-UHB2LTWT.js";
import {
  DURATION_PATTERN,
  parseDuration
} from "./chunk-P5U6KBZP.js";
import {
  leavesParent
} from "./chunk-3BNILISX.js";
import {
  parseImageReference
} from "./chunk-N5LYBXRY.js";
import {
  isRecord
} from "./chunk-6ESBXOH6.js";
import {
  sha256Hex
} from "./chunk-KRR2HU2L.js";
import {
  SealError,
  messageOf,
  quote
} from "./chunk-C7O7QJOZ.js";
import {
  init_loader,
  loader_exports
} from "./chunk-C3DYB3KA.js";
import {
  relative
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import {
  __commonJS,
  __toCommonJS,
  __toESM
} from "./chunk-ULEFO6FB.js";

// first-use:yaml
var require_yaml = __commonJS({
  "first-use:yaml"(exports, module) {
    "use strict";
    var { requireBeside } = (init_loader(), __toCommonJS(loader_exports));
    var loaded;
    var load = () => loaded ??= requireBeside("../chunks/yaml-ZHEZHUK6.cjs");
    var firstUse = {};
    for (const key of ["Composer", "Document", "Schema", "YAMLError", "YAMLParseError", "YAMLWarning", "Alias", "isAlias", "isCollection", "isDocument", "isMap", "isNode", "isPair", "isScalar", "isSeq", "Pair", "Scalar", "YAMLMap", "YAMLSeq", "CST", "Lexer", "LineCounter", "Parser", "parse", "parseAllDocuments", "parseDocument", "stringify", "visit", "visitAsync"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// src/core/promotion/policy-file.ts
var import_yaml = __toESM(require_yaml(), 1);

// src/core/observe/spec.ts
var DEFAULT_PROBE_TIMEOUT_MS = 1e4;
var DEFAULT_POINTER = "/digest";
var DRIFT_RULES = ["block", "warn"];
var ENTRY_SCHEMA = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: {
    service: { type: "string", pattern: "\\S" },
    url: { type: "string", pattern: "^https?://\\S+$" },
    pointer: { type: "string", pattern: "^(/[^\\x00-\\x1f]*)?$" },
    command: { type: "string", pattern: "\\S" },
    files: { type: "string", pattern: "\\S" },
    checksums: { type: "string", pattern: "\\S" },
    "contract-url": { type: "string", pattern: "^https?://\\S+$" },
    image: { type: "string", pattern: "\\S" },
    timeout: { type: "string", pattern: "^([0-9]+(ms|s|m))+$" }
  }
};
var OBSERVE_SCHEMA = {
  anyOf: [ENTRY_SCHEMA, { type: "array", minItems: 1, items: ENTRY_SCHEMA }]
};
var DRIFT_SCHEMA = { type: "string", enum: [...DRIFT_RULES] };
var OBSERVE_KEYS = "service, url, pointer, command, files, checksums, contract-url, image, timeout";
function observeSpecsOf(raw) {
  if (raw === void 0) return { specs: [], problems: [] };
  const entries = Array.isArray(raw) ? raw : [raw];
  const problems = [];
  const specs = entries.map((e, i) => {
    const at = entries.length === 1 ? "" : `[${i}]`;
    if (e.url === void 0 && e.command === void 0 && e.files === void 0 && e["contract-url"] === void 0 && e.image === void 0) {
      problems.push(
        `${at} names no probe. Give url (with pointer), command, files, contract-url or image.`
      );
    }
    if (e.image !== void 0) {
      try {
        parseImageReference(e.image, "image");
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        problems.push(`${at}.image ${error.message.replace(/^image: /, "")}`);
      }
    }
    if (e.pointer !== void 0 && e.url === void 0)
      problems.push(
        `${at} has a pointer but no url. The pointer says where the digest is in the url's JSON answer.`
      );
    if (e.checksums !== void 0 && e.files === void 0)
      problems.push(
        `${at} has checksums but no files. The checksums listing names the files of the directory files: gives.`
      );
    const timeoutMs = e.timeout === void 0 ? DEFAULT_PROBE_TIMEOUT_MS : parseDuration(e.timeout) ?? 0;
    if (timeoutMs <= 0 || timeoutMs > 10 * 6e4)
      problems.push(
        `${at}.timeout ${quote(e.timeout ?? "")} is not between 1ms and 10m. Give a duration such as 10s.`
      );
    return {
      service: e.service ?? null,
      url: e.url ?? null,
      pointer: e.pointer ?? DEFAULT_POINTER,
      command: e.command ?? null,
      files: e.files ?? null,
      checksums: e.checksums ?? null,
      contractUrl: e["contract-url"] ?? null,
      ...e.image === void 0 ? {} : { image: e.image },
      timeoutMs
    };
  });
  const services = specs.map((s) => s.service);
  if (new Set(services).size !== services.length)
    problems.push(
      " observes the same service twice. Give each entry its own service:, or put both probes in one entry."
    );
  return { specs, problems };
}
var OBSERVE_FIELD_FORMAT = {
  url: "is not an http(s) URL. Give the URL the running service answers with its digest, such as https://shop.example/version",
  "contract-url": "is not an http(s) URL. Give the URL the running service serves its API description at, such as https://shop.example/openapi.json",
  pointer: 'is not a JSON pointer. Give where the digest is in the answer, starting with "/", such as /build/digest',
  timeout: "is not a duration. Give a number and a unit, such as 500ms, 10s or 1m",
  service: "is empty. Name the service the entry observes",
  command: "is empty. Give the command that prints the running digest",
  files: "is empty. Give the directory of the deployed files",
  checksums: "is empty. Give the live digest's checksums listing deployed beside the files",
  image: "is empty. Give the image tag the environment runs, such as ghcr.io/acme/shop:production"
};
function observeProblem(keyword, path) {
  if (path[0] !== "environments" || path[2] !== "observe") return null;
  const field = path.at(-1) ?? "";
  if (keyword === "pattern" || keyword === "type") return OBSERVE_FIELD_FORMAT[field] ?? null;
  if (keyword === "minProperties" || keyword === "minItems")
    return `is empty. Give one probe or more: ${OBSERVE_KEYS}`;
  return null;
}
function isOtherObserveForm(error, root) {
  if (!error.schemaPath.includes("/observe/anyOf")) return false;
  if (error.keyword === "anyOf" && /\/observe\/anyOf$/.test(error.schemaPath)) return true;
  const branch = /\/observe\/anyOf\/(\d)\//.exec(error.schemaPath)?.[1];
  const environment = /^\/environments\/([^/]*)\/observe/.exec(error.instancePath)?.[1];
  if (branch === void 0 || environment === void 0) return false;
  const envs = root.environments ?? {};
  const name = environment.replace(/~1/g, "/").replace(/~0/g, "~");
  const written = envs[name]?.observe;
  return branch === "1" !== Array.isArray(written);
}

// src/core/promotion/schema-check.ts
var KNOWN = /* @__PURE__ */ new Set([
  "$schema",
  "$id",
  "title",
  "type",
  "enum",
  "anyOf",
  "pattern",
  "minProperties",
  "required",
  "propertyNames",
  "additionalProperties",
  "properties",
  "minItems",
  "uniqueItems",
  "items"
]);
function checkSchema(schema, value) {
  const errors = [];
  check(schema, value, "", "#", errors, void 0);
  return errors;
}
var patterns = /* @__PURE__ */ new Map();
var regExp = (source) => {
  let compiled = patterns.get(source);
  if (compiled === void 0) patterns.set(source, compiled = new RegExp(source, "u"));
  return compiled;
};
function isOfType(value, type) {
  switch (type) {
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
    case "null":
      return value === null;
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    default:
      throw new Error(`the schema names a type this check does not know: ${type}`);
  }
}
var pointerKey = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");
var TYPED = [
  ["string", ["pattern"]],
  ["array", ["minItems", "items", "uniqueItems"]],
  ["object", ["minProperties", "required", "propertyNames", "additionalProperties", "properties"]]
];
function check(schema, value, instancePath, schemaPath, errors, propertyName) {
  for (const keyword of Object.keys(schema))
    if (!KNOWN.has(keyword))
      throw new Error(`the schema has a keyword this check does not know: ${keyword}`);
  const report = (keyword, params, message, path = instancePath, name = propertyName) => {
    errors.push({
      instancePath: path,
      schemaPath: `${schemaPath}/${keyword}`,
      keyword,
      params,
      message,
      ...name === void 0 ? {} : { propertyName: name }
    });
  };
  const types = schema.type === void 0 ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  const typeError = () => report(
    "type",
    { type: Array.isArray(schema.type) ? schema.type : types[0] },
    `must be ${types.join(",")}`
  );
  const hasRules = (type) => TYPED.some(([t, keywords]) => t === type && keywords.some((k) => schema[k] !== void 0));
  const typeFirst = types.length > 0 && !(types.length === 1 && hasRules(types[0]));
  if (typeFirst && !types.some((t) => isOfType(value, t))) typeError();
  if (schema.enum !== void 0) {
    const allowed = schema.enum;
    if (!allowed.some((a) => a === value))
      report("enum", { allowedValues: allowed }, "must be equal to one of the allowed values");
  }
  if (schema.anyOf !== void 0) {
    const before = errors.length;
    const options = schema.anyOf;
    let matched = false;
    options.forEach((option, i) => {
      const start = errors.length;
      check(option, value, instancePath, `${schemaPath}/anyOf/${i}`, errors, propertyName);
      if (errors.length === start) matched = true;
    });
    if (matched) errors.length = before;
    else report("anyOf", {}, "must match a schema in anyOf");
  }
  for (const [type, keywords] of TYPED) {
    if (!keywords.some((k) => schema[k] !== void 0)) continue;
    if (!isOfType(value, type)) {
      if (!typeFirst && types.length === 1 && types[0] === type) typeError();
      continue;
    }
    if (type === "string") checkString(schema, value, report);
    else if (type === "array")
      checkArray(schema, value, instancePath, schemaPath, errors, report);
    else
      checkObject(
        schema,
        value,
        instancePath,
        schemaPath,
        errors,
        report
      );
  }
}
function checkString(schema, value, report) {
  if (schema.pattern !== void 0 && !regExp(schema.pattern).test(value)) {
    const pattern = schema.pattern;
    report("pattern", { pattern }, `must match pattern "${pattern}"`);
  }
}
function checkArray(schema, value, instancePath, schemaPath, errors, report) {
  if (schema.minItems !== void 0 && value.length < schema.minItems) {
    const limit = schema.minItems;
    report("minItems", { limit }, `must NOT have fewer than ${limit} items`);
  }
  if (schema.items !== void 0)
    value.forEach(
      (item, i) => check(
        schema.items,
        item,
        `${instancePath}/${i}`,
        `${schemaPath}/items`,
        errors,
        void 0
      )
    );
  if (schema.uniqueItems === true) {
    const duplicate = duplicateOf(value, schema.items);
    if (duplicate !== null) {
      const [i, j] = duplicate;
      report(
        "uniqueItems",
        { i, j },
        `must NOT have duplicate items (items ## ${j} and ${i} are identical)`
      );
    }
  }
}
function duplicateOf(value, items) {
  const scalar = typeof items?.type === "string" && ["string", "number", "boolean"].includes(items.type) ? items.type : null;
  const seen = /* @__PURE__ */ new Map();
  for (let i = value.length - 1; i >= 0; i--) {
    const item = value[i];
    if (scalar !== null && typeof item !== scalar) continue;
    const key = scalar !== null ? item : canonical(item);
    const j = seen.get(key);
    if (j !== void 0) return [i, j];
    seen.set(key, i);
  }
  return null;
}
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  return JSON.stringify(value) ?? "undefined";
}
function checkObject(schema, value, instancePath, schemaPath, errors, report) {
  const keys = Object.keys(value);
  if (schema.minProperties !== void 0 && keys.length < schema.minProperties) {
    const limit = schema.minProperties;
    report("minProperties", { limit }, `must NOT have fewer than ${limit} properties`);
  }
  for (const missingProperty of schema.required ?? [])
    if (value[missingProperty] === void 0)
      report("required", { missingProperty }, `must have required property '${missingProperty}'`);
  if (schema.propertyNames !== void 0) {
    for (const key of keys) {
      const start = errors.length;
      check(
        schema.propertyNames,
        key,
        instancePath,
        `${schemaPath}/propertyNames`,
        errors,
        key
      );
      if (errors.length > start)
        report(
          "propertyNames",
          { propertyName: key },
          "property name must be valid",
          instancePath,
          void 0
        );
    }
  }
  const properties = schema.properties ?? {};
  if (schema.additionalProperties !== void 0) {
    for (const key of keys) {
      if (Object.hasOwn(properties, key)) continue;
      if (schema.additionalProperties === false)
        report(
          "additionalProperties",
          { additionalProperty: key },
          "must NOT have additional properties"
        );
      else
        check(
          schema.additionalProperties,
          value[key],
          `${instancePath}/${pointerKey(key)}`,
          `${schemaPath}/additionalProperties`,
          errors,
          void 0
        );
    }
  }
  for (const [key, propertySchema] of Object.entries(properties))
    if (value[key] !== void 0)
      check(
        propertySchema,
        value[key],
        `${instancePath}/${pointerKey(key)}`,
        `${schemaPath}/properties/${pointerKey(key)}`,
        errors,
        void 0
      );
}

// src/core/promotion/policy-schema.ts
var ENVIRONMENT_NAME = "^[A-Za-z0-9][A-Za-z0-9._ -]{0,254}$";
var environmentList = {
  type: "array",
  items: { type: "string", pattern: ENVIRONMENT_NAME },
  uniqueItems: true
};
var SERVICE_NAME = "^[^\\s\\x00-\\x1f\\x7f](?:[^\\x00-\\x1f\\x7f]{0,253}[^\\s\\x00-\\x1f\\x7f])?$";
var REPOSITORY_PATTERN = "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$";
var WORKFLOW_PATTERN = "^\\.github/workflows/[^@\\s]+\\.ya?ml(@\\S+)?$";
var PLATFORM_PATTERN = "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$";
var TAG_PATTERN = "^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$";
var IMAGE_NAME_PATTERN = "^[A-Za-z0-9][^\\s@]{0,300}$";
var POLICY_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://artifact-seal.dev/schemas/promotion-policy.json",
  title: "artifact-seal promotion policy",
  type: "object",
  additionalProperties: false,
  required: ["environments"],
  properties: {
    service: { type: "string", pattern: SERVICE_NAME },
    services: {
      type: "array",
      items: { type: "string", pattern: SERVICE_NAME },
      uniqueItems: true,
      minItems: 1
    },
    environments: {
      type: "object",
      minProperties: 1,
      propertyNames: { pattern: ENVIRONMENT_NAME },
      additionalProperties: {
        type: ["object", "null"],
        additionalProperties: false,
        properties: {
          requires: environmentList,
          "requires-any": { ...environmentList, minItems: 1 },
          soak: { type: "string", pattern: DURATION_PATTERN },
          platforms: {
            type: "array",
            items: { type: "string", pattern: PLATFORM_PATTERN },
            uniqueItems: true,
            minItems: 1
          },
          image: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            properties: {
              tag: { type: "string", pattern: TAG_PATTERN },
              "copy-to": { type: "string", pattern: IMAGE_NAME_PATTERN }
            }
          },
          url: { type: "string", pattern: "^https?://\\S+$" },
          "signed-by": {
            type: "object",
            additionalProperties: false,
            required: ["repository"],
            properties: {
              repository: { type: "string", pattern: REPOSITORY_PATTERN },
              workflow: { type: "string", pattern: WORKFLOW_PATTERN },
              ref: { type: "string", pattern: "^refs/\\S+$" },
              issuer: { type: "string", pattern: "^https://\\S+$" },
              runner: { type: "string", enum: ["github-hosted"] }
            }
          },
          contract: {
            type: "object",
            additionalProperties: false,
            properties: {
              breaking: { type: "string", enum: [...BREAKING_RULES] },
              dangerous: { type: "string", enum: [...DANGEROUS_RULES] },
              rollback: { type: "string", enum: [...ROLLBACK_RULES] }
            }
          },
          observe: OBSERVE_SCHEMA,
          drift: DRIFT_SCHEMA
        }
      }
    }
  }
};

// src/core/promotion/plain-yaml.ts
var NOT_PLAIN = /* @__PURE__ */ Symbol("not plain YAML");
var NotPlain = class extends Error {
};
var notPlain = () => {
  throw new NotPlain();
};
var MAX_DEPTH = 32;
var PLAIN_TEXT = /^[\x20-\x7e\n]*$/;
var BLOCK_SCALAR = /^[A-Za-z0-9_./~][^#]*?(?=\s+#|\s*$)/;
var FLOW_SCALAR = /^[A-Za-z0-9_./~][^#,[\]{}]*?(?=\s*[,\]}]|\s+#|\s*$|:\s)/;
var PLAIN_KEY = /^[A-Za-z0-9_./][A-Za-z0-9_./ -]*$/;
var NULL = /^(?:null|Null|NULL|~)$/;
var BOOLEAN = /^(?:true|True|TRUE|false|False|FALSE)$/;
var NUMBER_LIKE = /^(?:[-+]?[0-9._]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+)$/;
function plainValue(text) {
  if (NULL.test(text)) return null;
  if (BOOLEAN.test(text)) return text.toLowerCase() === "true";
  if (NUMBER_LIKE.test(text)) notPlain();
  if (/:(\s|$)|\s#/.test(text)) notPlain();
  return text;
}
function quoted(text, at) {
  const quote2 = text[at];
  let value = "";
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (quote2 === "'") {
      if (c !== "'") value += c;
      else if (text[i + 1] === "'") value += text[++i];
      else return { value, end: i + 1 };
    } else if (c === '"') {
      return { value, end: i + 1 };
    } else if (c === "\\") {
      const escaped = { "\\": "\\", '"': '"', "/": "/", n: "\n", t: "	" }[text[++i] ?? ""];
      value += escaped ?? notPlain();
    } else {
      value += c;
    }
  }
  return notPlain();
}
function restIsEmpty(text, at) {
  return /^(?:\s+#.*|\s*)$/.test(text.slice(at));
}
var isKey = (key) => typeof key === "string" && key !== "__proto__" && !/^(?:0|[1-9][0-9]*)$/.test(key);
function setOnce(map, key, value) {
  if (!isKey(key) || Object.prototype.hasOwnProperty.call(map, key)) notPlain();
  map[key] = value;
}
function flowValue(text, at, depth) {
  const c = text[at];
  if (c === "[" || c === "{") return flowCollection(text, at, depth + 1);
  if (c === '"' || c === "'") return quoted(text, at);
  const match = FLOW_SCALAR.exec(text.slice(at)) ?? notPlain();
  return { value: plainValue(match[0].trimEnd()), end: at + match[0].length };
}
function skipSpaces(text, at) {
  while (text[at] === " ") at++;
  return at;
}
function flowCollection(text, at, depth) {
  if (depth > MAX_DEPTH) notPlain();
  const isMap2 = text[at] === "{";
  const close = isMap2 ? "}" : "]";
  const value = isMap2 ? {} : [];
  let i = skipSpaces(text, at + 1);
  if (text[i] === close) return { value, end: i + 1 };
  for (; ; ) {
    if (isMap2) {
      const key = flowValue(text, i, depth);
      if (text[key.end] !== ":" || text[key.end + 1] !== " ") notPlain();
      const item = flowValue(text, skipSpaces(text, key.end + 1), depth);
      if (typeof key.value !== "string") notPlain();
      setOnce(value, key.value, item.value);
      i = skipSpaces(text, item.end);
    } else {
      const item = flowValue(text, i, depth);
      value.push(item.value);
      i = skipSpaces(text, item.end);
    }
    if (text[i] === close) return { value, end: i + 1 };
    if (text[i] !== ",") notPlain();
    i = skipSpaces(text, i + 1);
    if (text[i] === close || i >= text.length) notPlain();
  }
}
function inlineValue(text, depth) {
  const c = text[0];
  if (c === "[" || c === "{" || c === '"' || c === "'") {
    const { value, end } = c === "[" || c === "{" ? flowCollection(text, 0, depth + 1) : quoted(text, 0);
    if (!restIsEmpty(text, end)) notPlain();
    return value;
  }
  const match = BLOCK_SCALAR.exec(text) ?? notPlain();
  if (!restIsEmpty(text, match[0].length)) notPlain();
  return plainValue(match[0].trimEnd());
}
function blockKey(text) {
  if (text[0] === '"' || text[0] === "'") {
    const { value, end } = quoted(text, 0);
    if (text[end] !== ":" || end + 1 < text.length && text[end + 1] !== " ") notPlain();
    return { key: value, rest: text.slice(end + 1) };
  }
  const colon = /:(?: |$)/.exec(text);
  if (colon === null) return null;
  const key = plainValue(
    PLAIN_KEY.test(text.slice(0, colon.index)) ? text.slice(0, colon.index).trimEnd() : notPlain()
  );
  if (typeof key !== "string") notPlain();
  return { key, rest: text.slice(colon.index + 1) };
}
var Reader = class {
  constructor(lines) {
    this.lines = lines;
  }
  lines;
  next = 0;
  peek() {
    return this.lines[this.next];
  }
  depth = 0;
  /** The block whose first line is the next one, at its indentation. */
  block(indent) {
    const first = this.peek();
    if (first === void 0 || first.indent !== indent || this.depth >= MAX_DEPTH) return notPlain();
    this.depth++;
    try {
      return first.text === "-" || first.text.startsWith("- ") ? this.sequence(indent) : this.mapping(indent);
    } finally {
      this.depth--;
    }
  }
  /**
   * What follows a key or dash with nothing after it: a deeper block, a sequence at the key's own
   * indentation, or null.
   */
  nested(indent, sequenceMayAlign) {
    const line = this.peek();
    if (line !== void 0 && line.indent > indent) return this.block(line.indent);
    if (sequenceMayAlign && line !== void 0 && line.indent === indent && (line.text === "-" || line.text.startsWith("- ")))
      return this.sequence(indent);
    return null;
  }
  mapping(indent) {
    const map = {};
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent) notPlain();
      const entry = blockKey(line.text) ?? notPlain();
      this.next++;
      const hasInline = !restIsEmpty(entry.rest, 0);
      const value = hasInline ? inlineValue(entry.rest.trimStart(), this.depth) : this.nested(indent, true);
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
      setOnce(map, entry.key, value);
    }
    return map;
  }
  sequence(indent) {
    const items = [];
    for (let line = this.peek(); line !== void 0 && line.indent >= indent; line = this.peek()) {
      if (line.indent > indent || !(line.text === "-" || line.text.startsWith("- "))) notPlain();
      this.next++;
      const rest = line.text.slice(1);
      const hasInline = !restIsEmpty(rest, 0);
      if (hasInline && blockKey(rest.trimStart()) !== null && !/^\s*[[{]/.test(rest)) notPlain();
      items.push(hasInline ? inlineValue(rest.trimStart(), this.depth) : this.nested(indent, false));
      if (hasInline && (this.peek()?.indent ?? 0) > indent) notPlain();
    }
    return items;
  }
};
function readPlainYaml(text) {
  const normalized = text.replace(/\r\n/g, "\n");
  if (!PLAIN_TEXT.test(normalized)) return NOT_PLAIN;
  const lines = [];
  for (const raw of normalized.split("\n")) {
    const text2 = raw.trimStart();
    if (text2 === "" || text2.startsWith("#")) continue;
    if (raw.startsWith("%") || raw.startsWith("---") || raw.startsWith("...")) return NOT_PLAIN;
    lines.push({ indent: raw.length - text2.length, text: text2.trimEnd() });
  }
  try {
    const reader = new Reader(lines);
    if (reader.peek()?.indent !== 0) return NOT_PLAIN;
    const value = reader.block(0);
    if (reader.peek() !== void 0 || value === null || typeof value !== "object" || Array.isArray(value))
      return NOT_PLAIN;
    return value;
  } catch (error) {
    if (error instanceof NotPlain) return NOT_PLAIN;
    throw error;
  }
}

// src/core/promotion/policy-file.ts
var DEFAULT_CONTRACT_RULE = {
  breaking: "require-major",
  dangerous: "warn",
  rollback: "allow"
};
var MAX_ALIASES = 100;
var MAX_ALIAS_EXPANSION = 1e3;
function parsePolicy(text, source) {
  const plain = readPlainYaml(text);
  if (plain !== NOT_PLAIN) {
    const policy = policyFrom(plain, source, null);
    if (policy !== null) return policy;
  }
  return parseWithPositions(text, source);
}
function parseWithPositions(text, source) {
  const lines = new import_yaml.LineCounter();
  const at = (offset) => {
    if (offset === void 0) return source;
    const { line, col } = lines.linePos(offset);
    return `${source}:${line}:${col}`;
  };
  const fail = (problems) => {
    throw new SealError(
      "malformed",
      `The promotion policy ${source} has ${problems.length === 1 ? "a mistake" : `${problems.length} mistakes`}:
` + problems.map((p) => `  ${p}`).join("\n") + `
See the policy format in the README ("Promotion policy").`,
      { details: { problems: problems.map((p) => locatedProblem(p, source)) } }
    );
  };
  let doc;
  try {
    doc = (0, import_yaml.parseDocument)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return fail([
      `${source}: cannot be read as YAML (${messageOf(error)}). Write the policy as a plain mapping, as in the README.`
    ]);
  }
  if (doc.errors.length > 0)
    fail(doc.errors.map((e) => `${at(e.pos[0])}: ${e.message.split("\n")[0]}`));
  const aliasProblems = checkAliases(doc, at);
  if (aliasProblems.length > 0) fail(aliasProblems);
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    const reason = messageOf(error);
    fail([
      /alias/i.test(reason) ? `${source}: its aliases (*name) expand to more than ${MAX_ALIAS_EXPANSION} values, which no promotion policy needs (this is how a YAML alias bomb looks). Write the environments out without aliases.` : `${source}: cannot be read (${reason}). Write the policy as a plain mapping, as in the README.`
    ]);
  }
  return policyFrom(value, source, { doc, at, fail });
}
function locatedProblem(problem, source) {
  const rest = problem.startsWith(`${source}:`) ? problem.slice(source.length + 1) : null;
  const position = rest === null ? null : /^(\d+):(\d+): /.exec(rest);
  if (position !== null && rest !== null)
    return {
      file: source,
      line: Number(position[1]),
      column: Number(position[2]),
      message: rest.slice(position[0].length)
    };
  return {
    file: source,
    line: null,
    column: null,
    message: rest === null ? problem : rest.replace(/^ /, "")
  };
}
function policyFrom(value, source, positions) {
  const schemaErrors = checkSchema(POLICY_SCHEMA, value);
  if (schemaErrors.length > 0) {
    if (positions === null) return null;
    const { doc, at: at2, fail } = positions;
    const errors = schemaErrors.filter(
      (e) => e.keyword !== "propertyNames" && !isOtherObserveForm(e, value)
    );
    fail(byPosition([...new Set(errors.map((e) => describeSchemaError(e, doc.contents, at2)))]));
  }
  const top = value;
  const raw = top.environments;
  const envMap = positions?.doc.getIn(["environments"], true);
  const pairs = positions !== null && (0, import_yaml.isMap)(envMap) ? envMap.items : [];
  const pairOf = (name) => pairs.find((p) => String(p.key?.value) === name);
  const nodeAt = (name, ...path) => {
    const rules = pairOf(name)?.value;
    return rangeStart((0, import_yaml.isMap)(rules) ? rules.getIn(path, true) : void 0);
  };
  const keyAt = (name) => rangeStart(pairOf(name)?.key);
  const at = positions?.at ?? (() => source);
  const problems = [];
  if (top.service !== void 0 && top.services !== void 0) {
    problems.push(
      () => `${at(rangeStart(positions?.doc.getIn(["services"], true)))}: the policy has both "service" (${quoteShort(top.service)}) and "services". Give "service: <name>" when every promotion under this policy is of one service, or "services: [<name>, \u2026]" to list the services an artifact's name may give; not both.`
    );
  }
  const position = new Map(
    pairs.map((p, i) => [String(p.key?.value), i])
  );
  const names = positions === null ? Object.keys(raw) : Object.keys(raw).sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  const environments = names.map((name) => {
    const env = raw[name] ?? {};
    const requires = env.requires ?? [];
    const requiresAny = env["requires-any"] ?? [];
    for (const [list, key] of [
      [requires, "requires"],
      [requiresAny, "requires-any"]
    ]) {
      list.forEach((upstream, i) => {
        if (upstream === name) {
          problems.push(
            () => `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(name)} itself. An environment cannot require itself; remove it.`
          );
        } else if (!names.includes(upstream)) {
          problems.push(
            () => `${at(nodeAt(name, key, i))}: environments.${name}.${key} names ${quote(upstream)}, which the policy does not define. Define it under environments, or use one of: ${names.join(", ")}.`
          );
        }
      });
    }
    if (env.soak !== void 0 && requires.length === 0 && requiresAny.length === 0) {
      problems.push(
        () => `${at(nodeAt(name, "soak"))}: environments.${name}.soak is ${quote(env.soak ?? "")} but ${name} requires no environment, so there is nothing to soak in. Add requires: [<upstream environment>] or remove soak.`
      );
    }
    const soakMs = env.soak === void 0 ? 0 : parseDuration(env.soak);
    if (soakMs === null) {
      problems.push(
        () => `${at(nodeAt(name, "soak"))}: environments.${name}.soak ${quote(env.soak ?? "")} is too long. Give a duration under 285,000 years.`
      );
    }
    const signer = env["signed-by"];
    const signedBy = signer === void 0 ? null : {
      repository: signer.repository,
      workflow: signer.workflow ?? null,
      ref: signer.ref ?? null,
      issuer: signer.issuer ?? null,
      denySelfHostedRunners: signer.runner === "github-hosted"
    };
    const contract = env.contract === void 0 ? null : { ...DEFAULT_CONTRACT_RULE, ...env.contract };
    const copyTo = env.image?.["copy-to"];
    if (copyTo !== void 0) {
      try {
        const target = parseImageReference(copyTo, `environments.${name}.image.copy-to`);
        if (target.digest !== null)
          throw new SealError(
            "bad-input",
            "a copy names its destination by repository and tag, never by digest"
          );
      } catch (error) {
        if (!(error instanceof SealError)) throw error;
        problems.push(
          () => `${at(nodeAt(name, "image", "copy-to"))}: environments.${name}.image.copy-to ${quote(copyTo)} is not an image to copy to (${error.message}). Write it as registry/repository[:tag], such as ghcr.io/acme/app-prod:stable.`
        );
      }
    }
    const image = env.image === void 0 ? {} : { image: { tag: env.image.tag ?? null, copyTo: copyTo ?? null } };
    const observed = observeSpecsOf(env.observe);
    for (const problem of observed.problems)
      problems.push(() => `${at(nodeAt(name, "observe"))}: environments.${name}.observe${problem}`);
    const watched = observed.specs.length === 0 ? {} : { observe: observed.specs };
    return {
      name,
      requires,
      requiresAny,
      soakMs: soakMs ?? 0,
      soakText: env.soak ?? null,
      signedBy,
      contract,
      url: env.url ?? null,
      ...env.platforms === void 0 ? {} : { platforms: env.platforms },
      ...image,
      ...watched,
      ...env.drift === void 0 ? {} : { drift: env.drift }
    };
  });
  if (problems.length > 0) {
    if (positions === null) return null;
    positions.fail(byPosition(problems.map((problem) => problem())));
  }
  const cycle = findCycle(environments);
  if (cycle) {
    if (positions === null) return null;
    positions.fail([
      `${at(keyAt(cycle[0]))}: the environments require each other in a cycle: ${cycle.join(" \u2192 ")}. A digest could never enter any of them; remove one of these requirements.`
    ]);
  }
  return { source, environments, service: top.service ?? null, services: top.services ?? null };
}
function byPosition(problems) {
  const position = (p) => (/:(\d+):(\d+): /.exec(p)?.slice(1) ?? ["0", "0"]).map(Number);
  return problems.sort((a, b) => {
    const [la = 0, ca = 0] = position(a);
    const [lb = 0, cb = 0] = position(b);
    return la - lb || ca - cb;
  });
}
function checkAliases(doc, at) {
  const problems = [];
  const anchors = /* @__PURE__ */ new Set();
  let aliases = 0;
  (0, import_yaml.visit)(doc, {
    Node(_key, node) {
      if ((0, import_yaml.isAlias)(node)) {
        aliases += 1;
        if (aliases > MAX_ALIASES) {
          problems.push(
            `${at(rangeStart(node))}: the policy uses more than ${MAX_ALIASES} aliases (*name), which no promotion policy needs (this is how a YAML alias bomb looks). Write the environments out without aliases.`
          );
          return import_yaml.visit.BREAK;
        }
        if (!anchors.has(node.source)) {
          problems.push(
            `${at(rangeStart(node))}: the alias ${quoteShort(`*${node.source}`)} names no anchor set before it. Add ${quoteShort(`&${node.source}`)} to an earlier value, or write the value out.`
          );
        }
      } else if (node.anchor !== void 0) {
        anchors.add(node.anchor);
      }
      return void 0;
    }
  });
  return problems;
}
function fromJsonPointer(pointer) {
  return pointer === "" ? [] : pointer.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function quoteShort(value) {
  return quote(value.length > 80 ? `${value.slice(0, 80)}\u2026` : value);
}
function rangeStart(node) {
  return node?.range?.[0];
}
function describeSchemaError(error, root, at) {
  const path = fromJsonPointer(error.instancePath);
  const where = path.length === 0 ? "the file" : path.join(".");
  let node = root;
  for (const key of path) {
    if ((0, import_yaml.isMap)(node)) node = node.get(key, true);
    else if ((0, import_yaml.isSeq)(node)) node = node.get(Number(key), true);
    else break;
  }
  const found = node?.value;
  const shown = found === void 0 ? "" : ` ${quoteShort(String(found))}`;
  const location = at(rangeStart(node));
  if (error.propertyName !== void 0) {
    const keyNode = (0, import_yaml.isMap)(node) ? node.items.find((p) => p.key?.value === error.propertyName)?.key : void 0;
    return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has the key ${quoteShort(error.propertyName)}, which is not an environment name. Start it with a letter or digit and use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`;
  }
  const observeFix = observeProblem(error.keyword, path);
  if (observeFix !== null) return `${location}: ${where}${shown} ${observeFix}.`;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = error.params.additionalProperty;
      const allowed = path.length === 0 ? "environments, service, services" : path.length === 2 ? "requires, requires-any, soak, url, signed-by, contract, platforms, image, observe, drift" : path.at(-1) === "signed-by" ? "repository, workflow, ref, issuer, runner" : path.at(-1) === "contract" ? "breaking, dangerous, rollback" : path.at(-1) === "image" ? "tag, copy-to" : path.includes("observe") ? OBSERVE_KEYS : "environment names";
      const keyNode = (0, import_yaml.isMap)(node) ? node.items.find((p) => p.key?.value === key)?.key : void 0;
      return `${at(rangeStart(keyNode) ?? rangeStart(node))}: ${where} has an unknown key ${quoteShort(key)}. Allowed here: ${allowed}.`;
    }
    case "required":
      if (path.at(-1) === "signed-by") {
        return `${location}: ${where} has no "repository". Name the repository whose workflow signs the seals, such as "repository: acme/shop".`;
      }
      return `${location}: ${where} has no ${quote(error.params.missingProperty)}. Start the file with "environments:" and one entry per environment.`;
    case "pattern":
      if (path[0] === "service" || path[0] === "services")
        return `${location}: ${where}${shown} is not a service name. ${SERVICE_NAME_FORMAT}`;
      if (path.at(-2) === "signed-by")
        return `${location}: ${where}${shown} ${SIGNER_FIELD_FORMAT[path.at(-1) ?? ""] ?? "is not valid"}.`;
      if (path.at(-1) === "soak")
        return `${location}: ${where}${shown} is not a duration. Write a number and a unit, such as 30m, 1h, 1h30m or 2d.`;
      if (path.at(-2) === "image")
        return `${location}: ${where}${shown} is not ${path.at(-1) === "tag" ? 'a tag: 1 to 128 letters, digits, "_", "." and "-", not starting with "." or "-"' : "an image: write it as registry/repository[:tag]"}.`;
      if (path.at(-2) === "platforms")
        return `${location}: ${where}${shown} is not a platform. Write it as docker does, os/architecture[/variant], such as linux/amd64 or linux/arm64/v8.`;
      if (path.at(-1) === "url")
        return `${location}: ${where}${shown} is not an http(s) URL. Write where the environment can be reached, such as https://staging.example.com.`;
      return `${location}: ${where}${shown} is not an environment name. Use letters, digits, ".", "-", "_" or spaces, as GitHub environments do.`;
    case "type":
      if (path.at(-2) === "contract")
        return `${location}: ${where}${shown} is not one of ${(CONTRACT_WORDS[path.at(-1) ?? ""] ?? []).join(", ")}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ""] ?? ""}`.trimEnd();
      if (path.at(-1) === "soak")
        return `${location}: ${where}${shown} is not a duration. Write it as text with a unit, such as 30m or 1h (a bare number has no unit).`;
      return `${location}: ${where}${shown} should be ${describeType(String(error.params.type), path)}.`;
    case "enum":
      return `${location}: ${where}${shown} is not one of ${error.params.allowedValues.join(", ")}. ${CONTRACT_FIELD_MEANING[path.at(-1) ?? ""] ?? ""}`.trimEnd();
    case "uniqueItems":
      return `${location}: ${where} lists ${path[0] === "services" ? "a service" : "an environment"} twice. Name each once.`;
    case "minProperties":
      return `${location}: ${where} is empty. Define at least one environment, such as "dev: {}".`;
    case "minItems":
      return `${location}: ${where} is empty. List at least one ${path[0] === "services" ? "service" : "environment"}, or remove the key.`;
    case "propertyNames":
      return `${location}: ${where} has a key that is not an environment name. Use letters, digits, ".", "-", "_" or spaces.`;
    default:
      return `${location}: ${where} ${error.message ?? "is invalid"}.`;
  }
}
var SIGNER_FIELD_FORMAT = {
  repository: "is not a repository. Write it as owner/name, such as acme/shop",
  workflow: "is not a workflow file. Write its path in the repository, such as .github/workflows/release.yml, optionally with @<ref>",
  ref: "is not a full ref. Write it as refs/heads/main or refs/tags/v1.2.3",
  issuer: "is not an https URL. Write the OIDC issuer, such as https://token.actions.githubusercontent.com"
};
var CONTRACT_WORDS = {
  breaking: BREAKING_RULES,
  dangerous: DANGEROUS_RULES,
  rollback: ROLLBACK_RULES
};
var CONTRACT_FIELD_MEANING = {
  breaking: `Write one of them: ${BREAKING_RULES.join(" | ")} (what a breaking contract amendment needs to enter).`,
  dangerous: `Write one of them: ${DANGEROUS_RULES.join(" | ")} (what a change that may break some clients does).`,
  rollback: `Write one of them: ${ROLLBACK_RULES.join(" | ")} (whether a rollback's contract amendment is judged too).`
};
var SERVICE_NAME_FORMAT = "Write it as the artifact is named (the seal's name), on one line, such as api or ghcr.io/acme/api.";
function describeType(type, path) {
  if (path[0] === "services")
    return path.length === 1 ? "a list of service names, such as [api, web]" : "a service name, such as api";
  if (path[0] === "service") return "a service name, such as api (text)";
  if (path.at(-1) === "contract")
    return "a mapping such as { breaking: require-major, dangerous: warn }";
  if (path.at(-1) === "signed-by")
    return "a mapping such as { repository: acme/shop, workflow: .github/workflows/release.yml }";
  if (path.at(-2) === "signed-by") return path.at(-1) === "runner" ? "github-hosted" : "text";
  if (path.at(-1) === "requires" || path.at(-1) === "requires-any")
    return "a list of environment names, such as [staging]";
  if (path.at(-1) === "image")
    return "a mapping such as { tag: production } or { copy-to: ghcr.io/acme/app-prod:stable }";
  if (path.at(-2) === "image") return "text";
  if (path.at(-1) === "platforms") return "a list of platforms, such as [linux/amd64, linux/arm64]";
  if (path.at(-2) === "platforms") return "a platform, such as linux/amd64 (text)";
  if (path.length === 2) return "a mapping of rules (requires, requires-any, soak), or {} for none";
  if (path.length === 3) return "an environment name";
  return type.replace(",", " or ");
}
function findCycle(environments) {
  const upstream = new Map(environments.map((e) => [e.name, [...e.requires, ...e.requiresAny]]));
  const state = /* @__PURE__ */ new Map();
  const stack = [];
  const visit2 = (name) => {
    if (state.get(name) === "done") return null;
    if (state.get(name) === "visiting") return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, "visiting");
    stack.push(name);
    for (const next of upstream.get(name) ?? []) {
      const cycle = visit2(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, "done");
    return null;
  };
  for (const e of environments) {
    const cycle = visit2(e.name);
    if (cycle) return cycle;
  }
  return null;
}

// src/app/settings/load-policy.ts
var DEFAULT_POLICY_FILE = ".github/promotion.yml";
var MAX_POLICY_CHARS = 1048576;
function loadPolicy(file, inputName, baseDir) {
  const shown = relative(baseDir, file) || file;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = error.code;
    throw new SealError(
      "unreadable",
      code === "ENOENT" ? `${inputName}: the promotion policy ${quote(shown)} does not exist. Create it (for example "environments: { dev: {}, staging: { requires: [dev] } }") or point ${inputName} at yours.` : code === "EISDIR" ? `${inputName}: the promotion policy ${quote(shown)} is a directory. Point ${inputName} at the policy file, such as ".github/promotion.yml".` : `${inputName}: cannot read the promotion policy ${quote(shown)} (${code ?? String(error)}). Check that the file is readable.`,
      { cause: error }
    );
  }
  if (text.length > MAX_POLICY_CHARS) {
    throw new SealError(
      "bad-input",
      `${inputName}: the promotion policy ${quote(shown)} is ${text.length.toLocaleString("en-US")} characters long; a policy is a few lines (at most ${MAX_POLICY_CHARS.toLocaleString("en-US")}). Point ${inputName} at the policy file.`
    );
  }
  return {
    ...parsePolicy(text, leavesParent(shown) ? file : shown),
    digest: sha256Hex(text)
  };
}

export {
  DEFAULT_POLICY_FILE,
  loadPolicy
};
