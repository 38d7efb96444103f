import {
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:stream/promises
var loaded;
var builtin = () => loaded ??= __require("node:stream/promises");
function pipeline(...args) {
  return new.target === void 0 ? builtin().pipeline.apply(this, args) : Reflect.construct(builtin().pipeline, args);
}

export {
  pipeline
};
