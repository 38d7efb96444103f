import {
  init_loader,
  loader_exports
} from "./chunk-C3DYB3KA.js";
import {
  __commonJS,
  __toCommonJS
} from "./chunk-ULEFO6FB.js";

// first-use:js-yaml
var require_js_yaml = __commonJS({
  "first-use:js-yaml"(exports, module) {
    "use strict";
    var { requireBeside } = (init_loader(), __toCommonJS(loader_exports));
    var loaded;
    var load = () => loaded ??= requireBeside("../chunks/js-yaml-JLEZY4U5.cjs");
    var firstUse = {};
    for (const key of ["Type", "Schema", "FAILSAFE_SCHEMA", "JSON_SCHEMA", "CORE_SCHEMA", "DEFAULT_SCHEMA", "load", "loadAll", "dump", "YAMLException", "types", "safeLoad", "safeLoadAll", "safeDump"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

// src/core/contract/file-kinds.ts
var BY_EXTENSION = /* @__PURE__ */ new Map([
  ["graphql", "graphql"],
  ["graphqls", "graphql"],
  ["gql", "graphql"],
  ["proto", "protobuf"],
  ["yaml", "document"],
  ["yml", "document"],
  ["json", "document"]
]);
function kindOfName(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  if (dot < 0) return null;
  return BY_EXTENSION.get(base.slice(dot + 1).toLowerCase()) ?? null;
}
function isProtobufFile(path) {
  return kindOfName(path) === "protobuf";
}

export {
  kindOfName,
  isProtobufFile,
  require_js_yaml
};
