import {
  __esm,
  __export,
  __require
} from "./chunk-ULEFO6FB.js";

// first-use-loader:loader
var loader_exports = {};
__export(loader_exports, {
  requireBeside: () => requireBeside
});
var requireBeside;
var init_loader = __esm({
  "first-use-loader:loader"() {
    "use strict";
    requireBeside = (file) => __require("node:module").createRequire(import.meta.url)(file);
  }
});

export {
  loader_exports,
  init_loader
};
