import {
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:worker_threads
var loaded;
var builtin = () => loaded ??= __require("node:worker_threads");
function Worker(...args) {
  return new.target === void 0 ? builtin().Worker.apply(this, args) : Reflect.construct(builtin().Worker, args);
}

export {
  Worker
};
