import {
  isProtobufFile,
  kindOfName,
  require_js_yaml
} from "./chunk-PK6RSM65.js";
import {
  require_picomatch
} from "./chunk-2BSWPGL5.js";
import "./chunk-C3DYB3KA.js";
import "./chunk-VF62UBY7.js";
import {
  join,
  posix
} from "./chunk-SHE4BTPW.js";
import {
  readFileSync
} from "./chunk-KUE42OYI.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/app/seal/seal-contract.ts?seal
var import_picomatch = __toESM(require_picomatch());

// stand-in:seal:src/core/errors.ts:src/app/seal/seal-contract.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/core/contract/identity.ts
import { m14$SealError as m14$SealError2, m14$exitCodeOf as m14$exitCodeOf2, m14$isSealError as m14$isSealError2, m14$messageOf as m14$messageOf2, m14$quote as m14$quote2, m14$stopsPromotion as m14$stopsPromotion2 } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/core/contract/detect.ts
import { m14$SealError as m14$SealError3, m14$exitCodeOf as m14$exitCodeOf3, m14$isSealError as m14$isSealError3, m14$messageOf as m14$messageOf3, m14$quote as m14$quote3, m14$stopsPromotion as m14$stopsPromotion3 } from "../seal/index-core.js";

// src/core/contract/read-document.ts?seal
var import_js_yaml = __toESM(require_js_yaml());

// stand-in:seal:src/core/errors.ts:src/core/contract/read-document.ts
import { m14$SealError as m14$SealError4, m14$exitCodeOf as m14$exitCodeOf4, m14$isSealError as m14$isSealError4, m14$messageOf as m14$messageOf4, m14$quote as m14$quote4, m14$stopsPromotion as m14$stopsPromotion4 } from "../seal/index-core.js";

// stand-in:seal:src/core/json-shape.ts:src/core/contract/read-document.ts
import { m16$isRecord } from "../seal/index-core.js";

// src/core/contract/read-document.ts?seal
var MERGE_TAG = "tag:yaml.org,2002:merge";
var schema;
var contractSchema = () => schema ??= import_js_yaml.default.CORE_SCHEMA.extend({
  implicit: [import_js_yaml.default.types.merge]
});
var MAX_DEPTH = 1e3;
var MAX_MERGED_KEYS = 1e6;
function readContractDocument(file, text) {
  const source = text.charCodeAt(0) === 65279 ? text.slice(1) : text;
  const json = readJson(source);
  if (json !== void 0) {
    return {
      value: json,
      written: (keys) => writtenScalar(json, keys, () => readYaml(file, source).sourceOf)
    };
  }
  const { value, sourceOf } = readYaml(file, source);
  return { value, written: (keys) => writtenScalar(value, keys, () => sourceOf) };
}
function writtenScalar(value, keys, sources) {
  let node = value;
  for (const key of keys) {
    if (!m16$isRecord(node) || !Object.hasOwn(node, key)) return void 0;
    node = node[key];
  }
  if (typeof node === "string") return node;
  if (typeof node === "object" && node !== null) return null;
  const written = sources()(keys) ?? String(node);
  return written === "" ? null : written;
}
function readJson(text) {
  const first = /\S/.exec(text)?.[0];
  if (first !== "{" && first !== "[") return void 0;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return void 0;
  }
  return hasDuplicateKey(text) ? void 0 : value;
}
var KEPT_DEPTH = 4;
var MergeRefused = class extends Error {
  constructor(offset, reason) {
    super(reason);
    this.offset = offset;
    this.reason = reason;
  }
  offset;
  reason;
};
function readYaml(file, text) {
  const stack = [];
  let root = null;
  const listener = (event, state) => {
    const { tag, kind, result } = state;
    if (event === "open") {
      stack.push({
        start: state.position,
        children: stack.length < KEPT_DEPTH ? [] : null,
        secondMerge: null,
        merges: 0,
        mergeValueNext: false,
        badMerge: null
      });
      return;
    }
    const frame = stack.pop();
    if (kind === "mapping") {
      if (frame.badMerge !== null)
        throw new MergeRefused(
          frame.badMerge,
          'a merge key "<<" takes a mapping or a list of mappings (<<: *base, or <<: [*a, *b]), and this is neither'
        );
      if (frame.secondMerge !== null)
        throw new MergeRefused(
          frame.secondMerge,
          'a mapping has a second merge key "<<" (YAML allows each key once). Merge several mappings with one key: <<: [*a, *b]'
        );
    }
    const parent = stack.at(-1);
    if (parent !== void 0) {
      if (parent.mergeValueNext) {
        parent.mergeValueNext = false;
        if (parent.badMerge === null && !(m16$isRecord(result) || Array.isArray(result) && result.every(m16$isRecord)))
          parent.badMerge = frame.start;
      } else if (tag === MERGE_TAG) {
        parent.mergeValueNext = true;
        if (++parent.merges === 2) parent.secondMerge = frame.start;
      }
    }
    if (frame.children === null) return;
    const only = frame.children.length === 1 ? frame.children[0] : null;
    const node = only !== null && Object.is(only.result, result) ? only : {
      result,
      kind,
      text: kind === "scalar" && typeof result !== "string" ? text.slice(frame.start, state.position) : "",
      children: frame.children
    };
    if (parent === void 0) root = node;
    else parent.children?.push(node);
  };
  let value;
  try {
    value = import_js_yaml.default.load(text, {
      schema: contractSchema(),
      filename: file,
      listener,
      maxDepth: MAX_DEPTH,
      maxTotalMergeKeys: MAX_MERGED_KEYS
    });
  } catch (error) {
    throw yamlError(file, text, error);
  }
  const top = root;
  return { value, sourceOf: (keys) => sourceIn(top, keys) };
}
function sourceIn(root, keys) {
  let node = root;
  for (const key of keys) {
    const children = node?.children;
    if (node === null || children === null || children === void 0 || !m16$isRecord(node.result))
      return void 0;
    const want = node.result[key];
    let next = null;
    for (let i = 0; i + 1 < children.length; i++) {
      const candidate = children[i + 1];
      if (children[i].result === key && Object.is(candidate.result, want))
        next = candidate;
    }
    node = next;
  }
  if (node === null) return void 0;
  if (node.kind === null) return "";
  if (node.kind !== "scalar" || node.text === "") return void 0;
  return node.text.trim().replace(/^(?:[&!]\S*\s+)*/, "");
}
function lineColumn(text, offset) {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  let at = offset;
  while (text[at] === " " && at < text.length) at++;
  return `${line}:${at - start + 1}`;
}
function yamlError(file, text, error) {
  if (error instanceof MergeRefused) {
    return new m14$SealError4(
      "malformed",
      `${file}:${lineColumn(text, error.offset)}: the document cannot be read as YAML or JSON: ${error.reason}.`
    );
  }
  if (error instanceof import_js_yaml.default.YAMLException) {
    const mark = error.mark;
    const at = mark && typeof mark.line === "number" ? `:${mark.line + 1}:${(mark.column ?? 0) + 1}` : "";
    const reason = (error.reason || error.message.split("\n")[0] || "unreadable").replace(/\.$/, "");
    const merge = /cannot merge mappings/.test(reason) ? ' (a merge key "<<" takes a mapping or a list of mappings)' : "";
    return new m14$SealError4(
      "malformed",
      `${file}${at}: the document cannot be read as YAML or JSON: ${reason}${merge}. Fix the syntax at that place.`
    );
  }
  if (error instanceof RangeError) {
    return new m14$SealError4(
      "malformed",
      `${m14$quote4(file)} cannot be read: it is nested too deeply to read (${error.message}). Flatten it, or move nested schemas into named definitions.`
    );
  }
  throw error;
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

// stand-in:seal:src/core/json-shape.ts:src/core/contract/detect.ts
import { m16$isRecord as m16$isRecord2 } from "../seal/index-core.js";

// src/core/contract/detect.ts?seal
var KINDS_HELP = 'A contract file is an OpenAPI 2.0/3.0/3.1 document (a "swagger" or "openapi" key, YAML or JSON), a JSON Schema ("$schema", or a top-level "type", "properties" or "$defs"), GraphQL SDL (.graphql, .gql) or protobuf (.proto). Remove the file from the "contract" input or give one of these.';
var JSON_SCHEMA_TYPES = /* @__PURE__ */ new Set([
  "object",
  "array",
  "string",
  "number",
  "integer",
  "boolean",
  "null"
]);
function detectContractKind(path, text) {
  const named = kindOfName(path);
  if (named === "graphql") return { kind: "graphql" };
  if (named === "protobuf") return { kind: "protobuf" };
  const structured = named === "document";
  let document;
  try {
    document = readContractDocument(path, text);
  } catch (error) {
    if (!structured && error instanceof m14$SealError3)
      throw new m14$SealError3("unrecognized", `${m14$quote3(path)} is not a contract file. ${KINDS_HELP}`);
    throw error;
  }
  return detectIn(path, document);
}
function detectIn(path, document) {
  const root = document.value;
  if (!m16$isRecord2(root))
    throw new m14$SealError3(
      "unrecognized",
      `${m14$quote3(path)} is not a contract file: its top level is not a mapping. ${KINDS_HELP}`
    );
  const record = root;
  if (record.swagger !== void 0 || record.openapi !== void 0) {
    const text = (value) => typeof value === "string" ? value.trim() : value;
    const openapiVersion = openapiVersionOf(
      path,
      text(document.written(["swagger"])),
      text(document.written(["openapi"]))
    );
    const version = text(document.written(["info", "version"]));
    return version ? { kind: "openapi", openapiVersion, version } : { kind: "openapi", openapiVersion };
  }
  const type = record.type;
  const schema2 = typeof record.$schema === "string" || m16$isRecord2(record.properties) || m16$isRecord2(record.$defs) || typeof type === "string" && JSON_SCHEMA_TYPES.has(type) || Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === "string" && JSON_SCHEMA_TYPES.has(t));
  if (schema2) return { kind: "jsonschema" };
  throw new m14$SealError3(
    "unrecognized",
    `${m14$quote3(path)} is not a contract file: it has no "swagger", "openapi" or JSON Schema keys. ${KINDS_HELP}`
  );
}
function openapiVersionOf(path, swagger, openapi) {
  const fix = 'Supported: swagger: "2.0", openapi: "3.0.x" and openapi: "3.1.x".';
  if (swagger !== void 0 && openapi !== void 0) {
    throw new m14$SealError3(
      "unrecognized",
      `${path}: the document has both a "swagger" and an "openapi" key; an OpenAPI document has one. ${fix}`
    );
  }
  if (swagger !== void 0) {
    if (swagger === "2.0" || swagger === "2") return "2.0";
    throw new m14$SealError3(
      "unrecognized",
      `${path}: "swagger" is ${m14$quote3(swagger ?? "not a string")}, not a supported OpenAPI version. ${fix}`
    );
  }
  const text = openapi ?? null;
  const match = text === null ? null : /^3\.([01])(?:\.\d+)?(?:-[0-9A-Za-z.-]+)?$/.exec(text);
  if (match) return match[1] === "0" ? "3.0" : "3.1";
  throw new m14$SealError3(
    "unrecognized",
    `${path}: "openapi" is ${m14$quote3(text ?? "not a string")}, not a supported OpenAPI version. ${fix}`
  );
}

// stand-in:seal:src/core/contract/manifest.ts:src/core/contract/identity.ts
import { m10$CONTRACT_ANNOTATION, m10$CONTRACT_FORMAT, m10$CONTRACT_FORMAT_V1, m10$UNVERSIONED, m10$buildManifest, m10$contractDigest, m10$contractIdentityText, m10$contractVersion, m10$parseContractPatterns, m10$parseManifest } from "../seal/index-core.js";

// stand-in:seal:src/core/errors.ts:src/core/contract/references.ts
import { m14$SealError as m14$SealError5, m14$exitCodeOf as m14$exitCodeOf5, m14$isSealError as m14$isSealError5, m14$messageOf as m14$messageOf5, m14$quote as m14$quote5, m14$stopsPromotion as m14$stopsPromotion5 } from "../seal/index-core.js";

// src/core/contract/references.ts?seal
function referenceKind(file) {
  return isProtobufFile(file) ? "protobuf" : "openapi";
}
function referencesOf(file, kind, text, inputName) {
  const dir = posix.dirname(file);
  const inside = (target, what) => {
    const resolved = posix.normalize(posix.join(dir, target));
    if (resolved.startsWith("../") || resolved === ".." || posix.isAbsolute(target)) {
      throw new m14$SealError5(
        "refused",
        `${inputName}: ${m14$quote5(file)} refers to ${m14$quote5(what)}, outside the artifact. A contract may refer only to files sealed with it; move the file into the artifact.`
      );
    }
    return resolved;
  };
  if (kind === "protobuf") {
    const imports = [...text.matchAll(/^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;/gm)].map(
      (m) => m[1]
    );
    return imports.filter((i) => !i.startsWith("google/protobuf/")).map((i) => inside(posix.relative(dir, i), i));
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
      throw new m14$SealError5(
        "refused",
        `${inputName}: ${m14$quote5(file)} has a $ref to ${m14$quote5(ref)}, a URL. A contract is checked without the network; copy the referenced document into the artifact and refer to it by path.`
      );
    }
    let target;
    try {
      target = decodeURIComponent(ref.split("#")[0]);
    } catch {
      throw new m14$SealError5(
        "malformed",
        `${inputName}: ${m14$quote5(file)} has a $ref ${m14$quote5(ref)} with a malformed %-escape (a "%" not followed by two hex digits). Write each % as %25, or the file's path without escapes.`
      );
    }
    if (target !== "") files.push(inside(target, ref));
  }
  return files;
}
function readDocument(file, text) {
  try {
    return readContractDocument(file, text).value;
  } catch (error) {
    if (error instanceof m14$SealError5) return void 0;
    throw error;
  }
}

// stand-in:seal:src/core/digest.ts:src/core/contract/identity.ts
import { m12$digestFromHex, m12$hexOf, m12$parseDigest, m12$sha256Digest, m12$sha256Hex, m12$shortDigest } from "../seal/index-core.js";

// src/core/contract/identity.ts?seal
function describeContract(declared, read, options) {
  const { inputs } = options;
  const entries = [];
  const seen = /* @__PURE__ */ new Set();
  const detected = [];
  const pending = [];
  for (const { path, role: declaredRole } of declared) {
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = read(path, "declared");
    const text = bytes.toString("utf8");
    const found = detectContractKind(path, text);
    const role = found.kind === "jsonschema" ? declaredRole ?? options.defaultRole ?? null : declaredRole;
    if (found.kind === "jsonschema" && role === null) {
      throw new m14$SealError2(
        "bad-input",
        `${inputs.contract}: ${m14$quote2(path)} is a JSON Schema; say whether the service produces or consumes documents of it ("produces: ${path}" or "consumes: ${path}"), so a change is judged as a response or a request change.`
      );
    }
    if (found.kind !== "jsonschema" && role !== null) {
      throw new m14$SealError2(
        "bad-input",
        `${inputs.contract}: "${role}:" applies to JSON Schemas only, and ${m14$quote2(path)} is ${found.kind}. Remove "${role}:".`
      );
    }
    detected.push({ path, detected: found });
    entries.push({
      path,
      kind: found.kind,
      sha256: m12$sha256Hex(bytes),
      role,
      openapiVersion: found.openapiVersion ?? null
    });
    pending.push(...referencesOf(path, found.kind, text, inputs.contract));
  }
  while (pending.length > 0) {
    const path = pending.pop();
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = read(path, "referenced");
    entries.push({
      path,
      kind: "reference",
      sha256: m12$sha256Hex(bytes),
      role: null,
      openapiVersion: null
    });
    pending.push(
      ...referencesOf(path, referenceKind(path), bytes.toString("utf8"), inputs.contract)
    );
  }
  return m10$buildManifest(bindVersion(options.version, detected, inputs.version), entries);
}
function bindVersion(request, detected, inputName) {
  if ("given" in request) return m10$contractVersion(request.given, detected, inputName);
  if (request.from === "info.version") return m10$contractVersion("", detected, inputName);
  try {
    return m10$contractVersion("", detected, inputName);
  } catch (error) {
    if (!(error instanceof m14$SealError2)) throw error;
    return { version: m10$UNVERSIONED, from: "none" };
  }
}

// stand-in:seal:src/core/contract/manifest.ts:src/app/seal/seal-contract.ts
import { m10$CONTRACT_ANNOTATION as m10$CONTRACT_ANNOTATION2, m10$CONTRACT_FORMAT as m10$CONTRACT_FORMAT2, m10$CONTRACT_FORMAT_V1 as m10$CONTRACT_FORMAT_V12, m10$UNVERSIONED as m10$UNVERSIONED2, m10$buildManifest as m10$buildManifest2, m10$contractDigest as m10$contractDigest2, m10$contractIdentityText as m10$contractIdentityText2, m10$contractVersion as m10$contractVersion2, m10$parseContractPatterns as m10$parseContractPatterns2, m10$parseManifest as m10$parseManifest2 } from "../seal/index-core.js";

// stand-in:seal:src/core/listing.ts:src/app/seal/seal-contract.ts
import { m18$checkListingPath, m18$compareUtf8, m18$describesListing, m18$diffListings, m18$digestOfListing, m18$formatListing, m18$listingFromDigests, m18$listingFromPathBytes, m18$parseListing, m18$sortEntries } from "../seal/index-core.js";

// stand-in:seal:src/stores/evidence/bundle-reader.ts:src/stores/evidence/contract-files.ts
import { m32$contractManifestBeside, m32$hasBundleBeside, m32$listingsIn, m32$readListing, m32$readSigstoreBundleBeside, m32$readStatement, m32$readStatementBeside, m32$readText, m32$readTextIfAny, m32$whyUnreadable } from "../seal/index-core.js";

// src/stores/evidence/contract-files.ts?seal
function readContractFile(root, relative2) {
  try {
    return readFileSync(join(root, ...relative2.split("/")));
  } catch {
    return null;
  }
}

// stand-in:seal:src/core/digest.ts:src/app/seal/seal-contract.ts
import { m12$digestFromHex as m12$digestFromHex2, m12$hexOf as m12$hexOf2, m12$parseDigest as m12$parseDigest2, m12$sha256Digest as m12$sha256Digest2, m12$sha256Hex as m12$sha256Hex2, m12$shortDigest as m12$shortDigest2 } from "../seal/index-core.js";

// src/app/seal/seal-contract.ts?seal
function collectContract(artifact, request) {
  const { inputs } = request;
  if (artifact.root === null) {
    throw new m14$SealError(
      "bad-input",
      `${inputs.contract}: the contract is read from the sealed files, and this seal reads none. Seal with subject-path, or remove ${inputs.contract}.`
    );
  }
  const root = artifact.root;
  const listed = new Map(
    m18$parseListing(artifact.listing.toString("utf8"), "the sealed listing").map((e) => [
      e.path,
      e.hex
    ])
  );
  const read = (rel, why) => {
    const hex = listed.get(rel);
    if (hex === void 0) {
      throw new m14$SealError(
        "bad-input",
        `${inputs.contract}: ${why} ${m14$quote(rel)}, which is not one of the sealed files. The contract must be part of the artifact: seal it with the rest.`
      );
    }
    const bytes = readContractFile(root, rel);
    if (bytes === null)
      throw new m14$SealError(
        "unreadable",
        `${inputs.contract}: cannot read the sealed file ${m14$quote(rel)} under ${m14$quote(root)}. Seal again once the build has finished writing.`
      );
    if (m12$sha256Hex2(bytes) !== hex) {
      throw new m14$SealError(
        "conflict",
        `${inputs.contract}: ${m14$quote(rel)} changed while it was being sealed. Seal again once the build has finished writing.`
      );
    }
    return bytes;
  };
  const declared = /* @__PURE__ */ new Map();
  for (const { pattern, role } of request.patterns) {
    const isMatch = (0, import_picomatch.default)(pattern, { dot: true });
    const matches = [...listed.keys()].filter((p) => isMatch(p));
    if (matches.length === 0) {
      throw new m14$SealError(
        "bad-input",
        `${inputs.contract}: ${m14$quote(pattern)} matches none of the sealed files. Name contract files relative to the artifact's root (${m14$quote(root)}).`
      );
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
  return {
    manifest,
    files: manifest.files.map((f) => ({ path: f.path, bytes: bytesOf.get(f.path) }))
  };
}
function withContractAnnotation(statement, manifest) {
  const [first, ...rest] = statement.subject;
  if (first === void 0) return statement;
  const annotated = {
    ...first,
    annotations: {
      ...first.annotations,
      [m10$CONTRACT_ANNOTATION2]: {
        digest: manifest.digest,
        version: manifest.version,
        format: m10$CONTRACT_FORMAT2
      }
    }
  };
  return { ...statement, subject: [annotated, ...rest] };
}
export {
  collectContract,
  withContractAnnotation
};
