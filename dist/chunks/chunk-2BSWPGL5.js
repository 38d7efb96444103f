import {
  init_loader,
  loader_exports
} from "./chunk-C3DYB3KA.js";
import {
  __commonJS,
  __toCommonJS
} from "./chunk-ULEFO6FB.js";

// first-use:picomatch
var require_picomatch = __commonJS({
  "first-use:picomatch"(exports, module) {
    "use strict";
    var { requireBeside } = (init_loader(), __toCommonJS(loader_exports));
    var loaded;
    var load = () => loaded ??= requireBeside("../chunks/picomatch-3AYC5CXN.cjs");
    var firstUse = function(...args) {
      return load().apply(this, args);
    };
    for (const key of ["test", "matchBase", "isMatch", "parse", "scan", "compileRe", "makeRe", "toRegex", "constants"]) Object.defineProperty(firstUse, key, { get: () => load()[key], enumerable: true });
    module.exports = firstUse;
  }
});

export {
  require_picomatch
};
