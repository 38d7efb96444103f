import {
  __require
} from "./chunk-ULEFO6FB.js";

// builtin:node:child_process
var loaded;
var builtin = () => loaded ??= __require("node:child_process");
function spawn(...args) {
  return new.target === void 0 ? builtin().spawn.apply(this, args) : Reflect.construct(builtin().spawn, args);
}
function spawnSync(...args) {
  return new.target === void 0 ? builtin().spawnSync.apply(this, args) : Reflect.construct(builtin().spawnSync, args);
}

export {
  spawn,
  spawnSync
};
