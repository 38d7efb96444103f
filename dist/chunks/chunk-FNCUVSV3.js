import {
  require_js_yaml
} from "./chunk-PK6RSM65.js";
import {
  __toESM
} from "./chunk-ULEFO6FB.js";

// src/core/contract/read-document.ts?promote
var import_js_yaml = __toESM(require_js_yaml());

// stand-in:promote:src/core/errors.ts:src/core/contract/read-document.ts
import { m14$SealError, m14$exitCodeOf, m14$isSealError, m14$messageOf, m14$quote, m14$stopsPromotion } from "../promote/index-core.js";

// stand-in:promote:src/core/json-shape.ts:src/core/contract/read-document.ts
import { m16$isRecord } from "../promote/index-core.js";

// src/core/contract/read-document.ts?promote
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
    return new m14$SealError(
      "malformed",
      `${file}:${lineColumn(text, error.offset)}: the document cannot be read as YAML or JSON: ${error.reason}.`
    );
  }
  if (error instanceof import_js_yaml.default.YAMLException) {
    const mark = error.mark;
    const at = mark && typeof mark.line === "number" ? `:${mark.line + 1}:${(mark.column ?? 0) + 1}` : "";
    const reason = (error.reason || error.message.split("\n")[0] || "unreadable").replace(/\.$/, "");
    const merge = /cannot merge mappings/.test(reason) ? ' (a merge key "<<" takes a mapping or a list of mappings)' : "";
    return new m14$SealError(
      "malformed",
      `${file}${at}: the document cannot be read as YAML or JSON: ${reason}${merge}. Fix the syntax at that place.`
    );
  }
  if (error instanceof RangeError) {
    return new m14$SealError(
      "malformed",
      `${m14$quote(file)} cannot be read: it is nested too deeply to read (${error.message}). Flatten it, or move nested schemas into named definitions.`
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

export {
  readContractDocument
};
